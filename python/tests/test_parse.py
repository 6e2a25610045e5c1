"""`parse` / `parse_bytes` give exactly the CLI's JSON object (less `source`)."""

from __future__ import annotations

import json

import pytest

import cookie_charter
from conftest import CORPUS, REPO, cli_jsonl, run_cli


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_parse_equals_cli_json(cli, path):
    expected = json.loads(run_cli(cli, "parse", "--format", "json", path))
    assert expected.pop("source") == str(path)
    data = path.read_bytes()
    assert cookie_charter.parse(data.decode("utf-8")) == expected
    assert cookie_charter.parse_bytes(data) == expected


def test_repair_false_equals_cli_raw(cli):
    files = sorted((REPO / "corpus").glob("*.txt"))
    records = cli_jsonl(cli, "--raw", *files)
    assert [r.pop("source") for r in records] == [str(p) for p in files]
    raw = [cookie_charter.parse(p.read_text("utf-8"), repair=False) for p in files]
    assert raw == records
    # The option does something on this corpus, so the comparison above means something.
    repaired = [cookie_charter.parse(p.read_text("utf-8")) for p in files]
    assert sum(len(d["repairs"]) for d in repaired) > 0
    assert raw != repaired


def _variants(text: str) -> dict[str, bytes]:
    """The same policy saved the ways real files are (the CLI decodes all of them)."""
    cp1252 = text.encode("cp1252", errors="replace")
    return {
        "utf8-bom": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "utf16le-bom": b"\xff\xfe" + text.encode("utf-16-le"),
        "utf16be-bom": b"\xfe\xff" + text.encode("utf-16-be"),
        "cp1252": cp1252,
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),
        "controls": text.replace("\n", "\x0c\n", 5).replace(" ", "\x00 ", 3).encode("utf-8"),
        "mojibake": text.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8"),
    }


@pytest.mark.parametrize("text", ["", "\n", " \t ", "_ga", "\ufeff_ga\t2 years\n", "Ã©tÃ©\n"])
def test_edge_texts_equal_cli_file(cli, tmp_path, text):
    path = tmp_path / "edge.txt"
    path.write_bytes(text.encode("utf-8"))
    expected = json.loads(run_cli(cli, "parse", "--format", "json", path))
    del expected["source"]
    assert cookie_charter.parse_bytes(text.encode("utf-8")) == expected


@pytest.mark.parametrize("stem", ["fr-04", "de-03", "en-01"])
def test_parse_bytes_decodes_as_the_cli(cli, tmp_path, stem):
    text = (REPO / "corpus" / f"{stem}.txt").read_text("utf-8")
    encodings = set()
    for name, data in _variants(text).items():
        path = tmp_path / f"{stem}-{name}.txt"
        path.write_bytes(data)
        expected = json.loads(run_cli(cli, "parse", "--format", "json", path))
        del expected["source"]
        got = cookie_charter.parse_bytes(data)
        assert got == expected, name
        assert cookie_charter.parse_bytes(bytearray(data)) == expected, name
        encodings.add(got["encoding"])
    assert {"utf-8", "utf-16le", "utf-16be"} <= encodings


def test_parse_of_str_equals_the_cli_jsonl_text_field(cli, tmp_path):
    # The CLI's JSON Lines input hands the text to the parser as a string, as `parse` does.
    texts = [p.read_text("utf-8") for p in sorted((REPO / "corpus").glob("*.txt"))[:20]]
    texts += ["Cookie\tDuration\n_ga\t2\x00 years\n", "", "\n\n", "   ", "é\u2028ß", "_ga 2 years"]
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), "utf-8")
    records = cli_jsonl(cli, "--input", "jsonl", crawl)
    assert len(records) == len(texts)
    for text, record in zip(texts, records):
        del record["source"], record["line"]
        assert cookie_charter.parse(text) == record


def test_spans_are_utf8_byte_offsets():
    text = "Nom\tFournisseur\tFinalité\tDurée\n_ga\tGoogle\tMesure d’audience\t13 mois\n"
    doc = cookie_charter.parse(text)
    (cookie,) = doc["cookies"]
    line = cookie_charter.span_text(text, cookie["span"]["start"], cookie["span"]["end"])
    assert line == "_ga\tGoogle\tMesure d’audience\t13 mois"
    assert doc["text_len"] == len(text.encode("utf-8"))


def test_schema_describes_the_dicts():
    schema = cookie_charter.schema()
    assert schema["type"] == "object"
    props = set(schema["properties"])
    for path in CORPUS[:30]:
        doc = cookie_charter.parse(path.read_text("utf-8"))
        assert set(schema["required"]) <= set(doc) <= props
        cookie_schema = schema["definitions"]["Cookie"]
        for cookie in doc["cookies"]:
            assert set(cookie_schema["required"]) <= set(cookie) <= set(cookie_schema["properties"])


def test_version():
    assert isinstance(cookie_charter.__version__, str)
    cargo = (REPO / "python" / "Cargo.toml").read_text()
    assert f'version = "{cookie_charter.__version__}"' in cargo
