"""`cookies_table` / `documents_table`: the Arrow tables agree with `parse`."""

from __future__ import annotations

from collections import Counter

import pyarrow as pa
import pytest

import cookie_charter
from conftest import corpus_texts
from test_many import many_texts

TEXTS = corpus_texts() + ["No cookies are described here.", ""]


def _row_of(doc_id, doc, cookie):
    d = cookie["duration"] or {}
    return {
        "id": doc_id,
        "name": cookie["name"],
        "provider": cookie["provider"],
        "category": cookie["category"],
        "category_declared": cookie["category_declared"],
        "duration_kind": d.get("kind"),
        "duration_iso8601": d.get("iso8601"),
        "duration_seconds": d.get("seconds"),
        "duration_text": d.get("text"),
        "purposes": cookie_charter.PURPOSE_SEPARATOR.join(cookie["purposes"]),
        "language": doc["language"],
        "span_start": cookie["span"]["start"],
        "span_end": cookie["span"]["end"],
    }


def test_cookies_table_rows_equal_parse():
    docs = [cookie_charter.parse(t) for t in TEXTS]
    table = cookies_table = cookie_charter.cookies_table(TEXTS)
    assert table.schema == cookie_charter.cookies_arrow_schema()
    expected = [_row_of(i, d, c) for i, d in enumerate(docs) for c in d["cookies"]]
    assert table.num_rows == sum(len(d["cookies"]) for d in docs) == len(expected)
    assert table.num_rows > 300  # the comparison covers many rows
    assert cookies_table.to_pylist() == expected


def test_documents_table_counts_every_document():
    docs = [cookie_charter.parse(t) for t in TEXTS]
    table = cookie_charter.documents_table(TEXTS, jobs=2)
    assert table.schema == cookie_charter.documents_arrow_schema()
    assert table.num_rows == len(TEXTS)
    assert table.to_pylist() == [
        {
            "id": i,
            "language": d["language"],
            "language_confidence": d["language_confidence"],
            "encoding": d["encoding"],
            "text_len": d["text_len"],
            "cookie_count": len(d["cookies"]),
            "warning_count": len(d["warnings"]),
            "repair_count": len(d["repairs"]),
        }
        for i, d in enumerate(docs)
    ]
    assert table.column("cookie_count").to_pylist()[-2:] == [0, 0]


def test_row_counts_per_document_on_thousands():
    texts = many_texts(2000, seed=7)
    ids = [f"https://site{i}.example/privacy" for i in range(len(texts))]
    cookies = cookie_charter.cookies_table(texts, ids)
    documents = cookie_charter.documents_table(texts, ids)
    assert cookies.schema.field("id").type == pa.string()
    per_doc = Counter(cookies.column("id").to_pylist())
    counts = dict(zip(documents.column("id").to_pylist(), documents.column("cookie_count").to_pylist()))
    assert counts == {u: len(cookie_charter.parse(t)["cookies"]) for u, t in zip(ids, texts)}
    assert per_doc == Counter({u: n for u, n in counts.items() if n})
    assert cookies.num_rows == sum(counts.values())
    # Rows come in document order.
    positions = [ids.index(u) for u in cookies.column("id").to_pylist()[:500]]
    assert positions == sorted(positions)


def test_ids_and_inputs_of_other_kinds():
    pd = pytest.importorskip("pandas")
    texts = TEXTS[:10]
    expected = cookie_charter.cookies_table(texts)
    series = pd.Series(texts)
    arrow_texts = pa.array(texts)
    for inp in (series, arrow_texts, pa.chunked_array([texts[:4], texts[4:]]), iter(texts)):
        assert cookie_charter.cookies_table(inp).equals(expected)
    ids = [1000 + i for i in range(10)]
    for id_input in (ids, pd.Series(ids), pa.array(ids), pa.chunked_array([ids[:3], ids[3:]])):
        table = cookie_charter.cookies_table(texts, id_input)
        assert table.column("id").to_pylist() == [
            1000 + i for i in expected.column("id").to_pylist()
        ]
    df = cookie_charter.cookies_table(texts).to_pandas()
    assert len(df) == expected.num_rows
    assert list(df.columns) == expected.column_names


def test_table_errors():
    with pytest.raises(ValueError, match="ids has 1 items but texts has 2"):
        cookie_charter.cookies_table(["a", "b"], ids=["x"])
    with pytest.raises(ValueError, match="ids has 3 items but texts has 2"):
        cookie_charter.documents_table(["a", "b"], ids=[1, 2, 3])
    with pytest.raises(TypeError):
        cookie_charter.cookies_table(["a", "b"], ids="xy")
    with pytest.raises(TypeError):
        cookie_charter.cookies_table(["a", "b"], ids=[1, "x"])
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        cookie_charter.cookies_table(["a", None])
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        cookie_charter.documents_table(pa.array(["a", None]))
