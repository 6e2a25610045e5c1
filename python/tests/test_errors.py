"""Wrong types raise TypeError, too-large input ValueError naming the limit, and a
Rust panic becomes a Python exception."""

from __future__ import annotations

import pytest

import cookie_charter
from cookie_charter import MAX_BYTES, _native

ONE = "Name\tExpiry\n_ga\t2 years\n"


@pytest.mark.parametrize("bad", [b"_ga", bytearray(b"_ga"), None, 3, 2.5, ["_ga"], object()])
def test_parse_wants_str(bad):
    with pytest.raises(TypeError, match="must be str"):
        cookie_charter.parse(bad)


@pytest.mark.parametrize("bad", ["_ga", None, 3, 2.5, [b"_ga"], memoryview(b"x")])
def test_parse_bytes_wants_bytes(bad):
    with pytest.raises(TypeError, match="must be bytes"):
        cookie_charter.parse_bytes(bad)


def test_type_error_messages_point_to_the_other_function():
    with pytest.raises(TypeError, match="use parse_bytes"):
        cookie_charter.parse(b"x")
    with pytest.raises(TypeError, match="use parse for str"):
        cookie_charter.parse_bytes("x")


@pytest.mark.parametrize("func", [cookie_charter.parse_many, cookie_charter.cookies_table,
                                  cookie_charter.documents_table])
def test_many_wants_an_iterable_of_str_or_bytes(func):
    for bad in ("one text", b"one text", None, 3):
        with pytest.raises(TypeError):
            func(bad)
    with pytest.raises(TypeError, match=r"texts\[2\] must be str or bytes, not int"):
        func([ONE, ONE.encode(), 7])
    with pytest.raises(TypeError, match=r"texts\[0\] must be str or bytes, not NoneType"):
        func([None])
    for bad_jobs in ("2", 1.0, True):
        with pytest.raises(TypeError, match="jobs"):
            func([ONE], jobs=bad_jobs)
    for bad_jobs in (0, -1):
        with pytest.raises(ValueError, match="jobs must be at least 1"):
            func([ONE], jobs=bad_jobs)


def test_keyword_only_options():
    with pytest.raises(TypeError):
        cookie_charter.parse(ONE, False)  # type: ignore[misc]
    with pytest.raises(TypeError):
        cookie_charter.parse_many([ONE], 2)  # type: ignore[misc]


def test_lone_surrogate_is_a_value_error():
    with pytest.raises(ValueError):  # UnicodeEncodeError: not UTF-8 encodable
        cookie_charter.parse("_ga \ud800")


@pytest.fixture(scope="module")
def too_large() -> str:
    return ONE + "x" * (MAX_BYTES + 1 - len(ONE))


def test_input_over_the_limit(too_large):
    assert MAX_BYTES == 64 * 1024 * 1024
    limit = f"limit of {MAX_BYTES} bytes"
    with pytest.raises(ValueError, match=limit):
        cookie_charter.parse(too_large)
    with pytest.raises(ValueError, match=limit):
        cookie_charter.parse_bytes(too_large.encode())
    with pytest.raises(ValueError, match=r"texts\[1\]: .*" + limit):
        cookie_charter.parse_many([ONE, too_large, ONE], jobs=2)
    with pytest.raises(ValueError, match=r"texts\[0\]: .*" + limit):
        cookie_charter.cookies_table([too_large])
    # Multi-byte characters count in UTF-8 bytes, as in Rust.
    wide = "é" * (MAX_BYTES // 2 + 1)
    with pytest.raises(ValueError, match=limit):
        cookie_charter.parse(wide)


def test_input_at_the_limit_is_parsed():
    text = ONE + " " * (MAX_BYTES - len(ONE))
    doc = cookie_charter.parse(text)
    assert doc["text_len"] == MAX_BYTES
    assert [c["name"] for c in doc["cookies"]] == ["_ga"]


def test_a_panic_becomes_an_exception():
    assert issubclass(cookie_charter.InternalError, RuntimeError)
    assert cookie_charter.InternalError.__module__ == "cookie_charter"
    with pytest.raises(cookie_charter.InternalError, match="boom in the parser"):
        _native._panic_for_test("boom in the parser")
    # The interpreter and the module go on working.
    assert cookie_charter.parse(ONE)["cookies"][0]["name"] == "_ga"
