"""The Spark example on local[2] writes as many cookie rows as the CLI finds, page by page."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import REPO, corpus_texts, run_cli

pytestmark = pytest.mark.spark

EXAMPLE = REPO / "python" / "examples" / "spark_cookies.py"
PAGES = 1200


def _crawl(path: Path) -> None:
    """A JSON Lines crawl of PAGES pages built from the corpus texts: whole texts, cut
    texts, two texts joined, pages without cookies, pages without text, extra fields."""
    texts = corpus_texts()
    rng = random.Random(1212)
    with path.open("w", encoding="utf-8") as out:
        for i in range(PAGES):
            page = {"url": f"https://site{i}.example/cookie-policy", "status": 200}
            roll = rng.random()
            if roll < 0.05:
                page["text"] = f"Welcome to site {i}. We sell shoes."
            elif roll < 0.07:
                page["text"] = None
            elif roll < 0.25:
                t = rng.choice(texts)
                page["text"] = t[: rng.randrange(1, len(t) + 1)]
            elif roll < 0.35:
                page["text"] = rng.choice(texts) + "\n\n" + rng.choice(texts)
            else:
                page["text"] = texts[i % len(texts)]
            out.write(json.dumps(page, ensure_ascii=rng.random() < 0.5) + "\n")


@pytest.fixture(scope="module")
def crawl(tmp_path_factory, cli):
    """The crawl, and the cookies per url that `cookie-charter parse --input jsonl` finds."""
    if shutil.which("java") is None:
        pytest.fail("the Spark test needs Java (17) on PATH")
    pytest.importorskip("pyspark", reason="pip install pyspark")
    path = tmp_path_factory.mktemp("crawl") / "crawl.jsonl"
    _crawl(path)
    # Exit status 1: the pages whose text is null are reported as failed lines.
    out = run_cli(
        cli, "parse", "--quiet", "--input", "jsonl", "--format", "jsonl", path, returncode=1
    )
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == PAGES
    per_url = {r["url"]: len(r.get("cookies", [])) for r in records}
    assert len(per_url) == PAGES
    assert sum(1 for r in records if "error" in r) > 0  # the null texts
    return path, per_url


def _run_example(*args) -> None:
    done = subprocess.run(
        [sys.executable, str(EXAMPLE), *map(str, args), "--master", "local[2]"],
        capture_output=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-5000:]


def _cookies_per_url(output: Path) -> tuple[int, Counter]:
    import pyarrow.parquet as pq

    table = pq.read_table(output)
    assert table.column_names[0] == "url"
    import cookie_charter

    assert table.column_names[1:] == cookie_charter.cookies_arrow_schema().names[1:]
    return table.num_rows, Counter(table.column("url").to_pylist())


def test_spark_jsonl_rows_equal_cli_cookies(crawl, tmp_path):
    path, per_url = crawl
    output = tmp_path / "cookies.parquet"
    _run_example(path, output)
    rows, by_url = _cookies_per_url(output)
    expected = sum(per_url.values())
    print(f"\nSpark (JSON Lines, {PAGES} pages): {rows} cookie rows; CLI: {expected} cookies")
    assert rows == expected > 1000
    assert by_url == Counter({u: n for u, n in per_url.items() if n})


def test_spark_parquet_input(crawl, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    path, per_url = crawl
    pages = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    crawl_parquet = tmp_path / "crawl.parquet"
    pq.write_table(
        pa.table({"url": [p["url"] for p in pages], "body": [p["text"] for p in pages]}),
        crawl_parquet,
    )
    output = tmp_path / "cookies"
    _run_example(crawl_parquet, output, "--text-field", "body", "--partitions", "3")
    rows, by_url = _cookies_per_url(output)
    print(f"\nSpark (Parquet, {PAGES} pages): {rows} cookie rows; CLI: {sum(per_url.values())}")
    assert by_url == Counter({u: n for u, n in per_url.items() if n})
