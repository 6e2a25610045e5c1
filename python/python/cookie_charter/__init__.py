"""cookie_charter: turn cookie-policy text into structured cookie records.

The parser is the Rust crate ``cookie-charter``; this package calls it directly.

>>> import cookie_charter
>>> doc = cookie_charter.parse("Name\\tProvider\\tPurpose\\tExpiry\\n_ga\\tGoogle\\tAnalytics\\t2 years\\n")
>>> doc["cookies"][0]["name"], doc["cookies"][0]["duration"]["iso8601"]
('_ga', 'P2Y')

- ``parse(text)`` / ``parse_bytes(data)``: one document -> the CLI's JSON object as a dict.
- ``parse_many(texts, jobs=None)``: many documents on threads in Rust (GIL released).
- ``cookies_table(texts, ids)`` / ``documents_table(texts, ids)``: ``pyarrow.Table``
  with one row per cookie / per document, ready for pandas, Polars, DuckDB or Spark.
- ``schema()``: the JSON Schema of the dicts.

Spans (``span.start``, ``span.end``, ``span_start``, ``span_end``) are byte offsets
into the UTF-8 text, as in the Rust crate and the CLI: slice
``text.encode()[start:end].decode()``, or use ``span_text(text, start, end)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable, Optional, Sequence, Union

from ._native import (
    MAX_BYTES,
    PURPOSE_SEPARATOR,
    InternalError,
    __version__,
    _columns,
    parse,
    parse_bytes,
    parse_many,
    schema,
)

if TYPE_CHECKING:  # pragma: no cover
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

Text = Union[str, bytes]


def _pa() -> Any:
    try:
        import pyarrow
    except ImportError as e:  # pragma: no cover - pyarrow is a dependency
        raise ImportError(
            "cookies_table and documents_table need pyarrow: pip install pyarrow"
        ) from e
    return pyarrow


def cookies_arrow_schema(id_type: "Optional[pyarrow.DataType]" = None) -> "pyarrow.Schema":
    """The Arrow schema of ``cookies_table``; ``id_type`` is the type of the ``id``
    column (default ``int64``, the document's position)."""
    pa = _pa()
    return pa.schema(
        [
            pa.field("id", id_type if id_type is not None else pa.int64()),
            pa.field("name", pa.string(), nullable=False),
            pa.field("provider", pa.string()),
            pa.field("category", pa.string(), nullable=False),
            pa.field("category_declared", pa.string()),
            pa.field("duration_kind", pa.string()),
            pa.field("duration_iso8601", pa.string()),
            pa.field("duration_seconds", pa.uint64()),
            pa.field("duration_text", pa.string()),
            pa.field("purposes", pa.string(), nullable=False),
            pa.field("language", pa.string()),
            pa.field("span_start", pa.int64(), nullable=False),
            pa.field("span_end", pa.int64(), nullable=False),
        ]
    )


def documents_arrow_schema(id_type: "Optional[pyarrow.DataType]" = None) -> "pyarrow.Schema":
    """The Arrow schema of ``documents_table``; ``id_type`` as in ``cookies_arrow_schema``."""
    pa = _pa()
    return pa.schema(
        [
            pa.field("id", id_type if id_type is not None else pa.int64()),
            pa.field("language", pa.string()),
            pa.field("language_confidence", pa.float64()),
            pa.field("encoding", pa.string(), nullable=False),
            pa.field("text_len", pa.int64(), nullable=False),
            pa.field("cookie_count", pa.int64(), nullable=False),
            pa.field("warning_count", pa.int64(), nullable=False),
            pa.field("repair_count", pa.int64(), nullable=False),
        ]
    )


def _texts(texts: Any) -> Any:
    # A pyarrow array iterates as Arrow scalars: take its Python values instead.
    if hasattr(texts, "to_pylist") and not isinstance(texts, (str, bytes)):
        return texts.to_pylist()
    return texts


def _ids(ids: Any, n: int) -> Any:
    """``ids`` as an Arrow array of length ``n``, or the positions when ``ids`` is None."""
    pa = _pa()
    if ids is None:
        return pa.array(range(n), type=pa.int64())
    if isinstance(ids, (str, bytes)):
        raise TypeError(f"ids must be a sequence, not {type(ids).__name__}")
    if isinstance(ids, pa.ChunkedArray):
        ids = ids.combine_chunks()
    elif not isinstance(ids, pa.Array):
        try:
            ids = pa.array(list(ids))
        except pa.ArrowInvalid as e:  # mixed types; pa.ArrowTypeError is a TypeError already
            raise TypeError(f"ids could not be made an Arrow array: {e}") from e
    if len(ids) != n:
        raise ValueError(f"ids has {len(ids)} items but texts has {n}")
    return ids


def _tables(texts: Any, ids: Any, jobs: Optional[int], repair: bool) -> Any:
    pa = _pa()
    cookies, documents = _columns(_texts(texts), jobs=jobs, repair=repair)
    n = len(documents["encoding"])
    id_array = _ids(ids, n)
    return pa, cookies, documents, id_array


def cookies_table(
    texts: Iterable[Text],
    ids: Optional[Sequence[Any]] = None,
    *,
    jobs: Optional[int] = None,
    repair: bool = True,
) -> "pyarrow.Table":
    """Parse ``texts`` (as ``parse_many``) into a ``pyarrow.Table`` with one row per cookie.

    Columns: ``id`` (``ids[i]`` of the cookie's document, else its position ``i``),
    ``name``, ``provider``, ``category``, ``category_declared``, ``duration_kind``,
    ``duration_iso8601``, ``duration_seconds``, ``duration_text``, ``purposes`` (joined
    with ``" | "``), ``language`` (the document's), ``span_start``, ``span_end`` (UTF-8
    byte offsets). Rows are in document order, then cookie order. A document without
    cookies has no row: ``documents_table`` counts every document.

    ``texts`` may be any iterable of ``str`` / ``bytes``, a pandas Series, or a pyarrow
    string/binary array. ``ids`` must have one item per text (list, Series, Arrow array).
    The errors are those of ``parse_many``; ``ValueError`` too when ``ids`` has another length.
    """
    pa, cookies, _, id_array = _tables(texts, ids, jobs, repair)
    schema = cookies_arrow_schema(id_array.type)
    index = pa.array(cookies.pop("doc_index"), type=pa.int64())
    arrays = [id_array.take(index)]
    for field in list(schema)[1:]:
        arrays.append(pa.array(cookies[field.name], type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def documents_table(
    texts: Iterable[Text],
    ids: Optional[Sequence[Any]] = None,
    *,
    jobs: Optional[int] = None,
    repair: bool = True,
) -> "pyarrow.Table":
    """Parse ``texts`` (as ``parse_many``) into a ``pyarrow.Table`` with one row per
    document, in input order, including documents where no cookie was found.

    Columns: ``id`` (as in ``cookies_table``), ``language``, ``language_confidence``,
    ``encoding``, ``text_len``, ``cookie_count``, ``warning_count``, ``repair_count``.
    """
    pa, _, documents, id_array = _tables(texts, ids, jobs, repair)
    schema = documents_arrow_schema(id_array.type)
    arrays = [id_array]
    for field in list(schema)[1:]:
        arrays.append(pa.array(documents[field.name], type=field.type))
    return pa.Table.from_arrays(arrays, schema=schema)


def span_text(text: Text, start: int, end: int) -> str:
    """The text of the byte span ``start..end`` of ``text`` (a ``str`` as passed to
    ``parse``, or the decoded text for ``parse_bytes`` of UTF-8 input)."""
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    return data[start:end].decode("utf-8")
