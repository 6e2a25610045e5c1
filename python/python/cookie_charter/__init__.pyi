"""Type stubs of cookie_charter (the public API; see the module docstring)."""

from typing import Any, Iterable, Optional, Sequence, Union

import pyarrow

__all__ = [
    "MAX_BYTES",
    "PURPOSE_SEPARATOR",
    "InternalError",
    "__version__",
    "parse",
    "parse_bytes",
    "parse_many",
    "cookies_table",
    "documents_table",
    "cookies_arrow_schema",
    "documents_arrow_schema",
    "schema",
    "span_text",
]

__version__: str
MAX_BYTES: int
"""The size limit of one document in bytes (64 MiB): over it, ``ValueError``."""
PURPOSE_SEPARATOR: str
"""How several purposes are joined in the ``purposes`` column: ``" | "``."""

Text = Union[str, bytes]

class InternalError(RuntimeError):
    """A panic in the Rust parser, caught before it reached Python."""

def parse(text: str, *, repair: bool = True) -> dict[str, Any]:
    """Parse one policy text: the CLI's JSON object (less ``source``) as a dict.

    Raises ``TypeError`` if ``text`` is not a ``str``, ``ValueError`` over ``MAX_BYTES``."""

def parse_bytes(data: Union[bytes, bytearray], *, repair: bool = True) -> dict[str, Any]:
    """Parse one policy given as bytes, decoded as the CLI decodes files.

    Raises ``TypeError`` if ``data`` is not bytes, ``ValueError`` over ``MAX_BYTES``."""

def parse_many(
    texts: Iterable[Text], *, jobs: Optional[int] = None, repair: bool = True
) -> list[dict[str, Any]]:
    """Parse many documents on ``jobs`` threads (default: all cores), GIL released;
    the dicts in input order."""

def cookies_table(
    texts: Iterable[Text],
    ids: Optional[Sequence[Any]] = None,
    *,
    jobs: Optional[int] = None,
    repair: bool = True,
) -> pyarrow.Table:
    """One row per cookie: id, name, provider, category, category_declared,
    duration_kind, duration_iso8601, duration_seconds, duration_text, purposes,
    language, span_start, span_end."""

def documents_table(
    texts: Iterable[Text],
    ids: Optional[Sequence[Any]] = None,
    *,
    jobs: Optional[int] = None,
    repair: bool = True,
) -> pyarrow.Table:
    """One row per document: id, language, language_confidence, encoding, text_len,
    cookie_count, warning_count, repair_count."""

def cookies_arrow_schema(id_type: Optional[pyarrow.DataType] = None) -> pyarrow.Schema:
    """The Arrow schema of ``cookies_table``."""

def documents_arrow_schema(id_type: Optional[pyarrow.DataType] = None) -> pyarrow.Schema:
    """The Arrow schema of ``documents_table``."""

def schema() -> dict[str, Any]:
    """The JSON Schema of the dicts that ``parse`` returns."""

def span_text(text: Text, start: int, end: int) -> str:
    """The text of the UTF-8 byte span ``start..end`` of ``text``."""
