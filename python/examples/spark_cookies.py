"""Parse a whole crawl of cookie policies with Spark: one Parquet row per cookie.

    python spark_cookies.py INPUT OUTPUT_DIR [--master local[2]]

INPUT is a JSON Lines crawl, one ``{"url": ..., "text": ...}`` object a line (other
fields are ignored), or Parquet with the same two columns (a file or a directory;
``.parquet`` in the name or ``--input-format parquet``). Several inputs may be given
as a comma-separated list or a glob, as Spark reads them. OUTPUT_DIR gets Parquet
files with one row per cookie: ``url`` and the columns of
``cookie_charter.cookies_table`` (name, provider, category, category_declared,
duration_kind, duration_iso8601, duration_seconds, duration_text, purposes,
language, span_start, span_end). Pages without text (null) give no row.

The parsing runs in the Spark executors' Python workers with ``mapInArrow``: each
Arrow batch of pages goes to ``cookie_charter.cookies_table`` in one call (the Rust
parser, the GIL released), and its Arrow table comes back as is, with no row-by-row
Python.

Local mode, on one machine (Java 17 and ``pip install ./python pyspark``)::

    python python/examples/spark_cookies.py crawl.jsonl cookies.parquet --master 'local[2]'

On a cluster, build the wheel once (``maturin build --release -m python/Cargo.toml``,
or ``pip wheel --no-deps ./python -w dist``) and ship it with the job; pyarrow and
pandas must be installed on the driver and the executors (``pyspark[sql]``)::

    spark-submit --master yarn --deploy-mode cluster \\
        --py-files dist/cookie_charter-0.1.0-cp39-abi3-manylinux_2_34_x86_64.whl \\
        python/examples/spark_cookies.py s3://bucket/crawl/*.jsonl.gz s3://bucket/cookies/

``--py-files WHEEL`` (or ``--files WHEEL``) copies the wheel to every executor;
the job unpacks it there before the first import, since Python cannot import a
compiled module from inside a zip (see ``_ensure_importable``). The wheel is abi3:
one file serves every CPython >= 3.9 on x86-64 Linux. Clusters that ship a packed
Python environment (``venv-pack`` / ``conda-pack`` with ``--archives``) can instead
``pip install`` the wheel into that environment.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Iterator

# The output's columns and Spark types: the url, then cookies_table's columns.
# duration_seconds is a Spark long: the parser's seconds are unsigned and saturate at
# 2^64-1 for absurd lengths; they are capped at 2^63-1 here, Spark having no unsigned type.
OUTPUT_SCHEMA = (
    "url string, name string, provider string, category string, "
    "category_declared string, duration_kind string, duration_iso8601 string, "
    "duration_seconds long, duration_text string, purposes string, language string, "
    "span_start long, span_end long"
)

I64_MAX = 2**63 - 1


def _ensure_importable() -> None:
    """Make ``cookie_charter`` importable on an executor that got the wheel with
    ``--py-files`` or ``--files`` instead of having it installed. Spark puts neither a
    ``.whl`` on ``sys.path`` nor could zipimport load the compiled module from inside
    it, so the wheel (a zip) is unpacked once into a local directory first."""
    try:
        import cookie_charter  # noqa: F401

        return
    except ImportError:
        pass
    import glob
    import tempfile
    import zipfile

    places = [p for p in sys.path if p.endswith(".whl")]
    try:
        from pyspark import SparkFiles

        places += glob.glob(os.path.join(SparkFiles.getRootDirectory(), "cookie_charter-*.whl"))
    except Exception:  # not in a Spark worker
        pass
    places += glob.glob("cookie_charter-*.whl")
    for wheel_path in places:
        base = os.path.basename(wheel_path)
        if base.startswith("cookie_charter-") and os.path.isfile(wheel_path):
            target = os.path.join(tempfile.gettempdir(), "cookie_charter_" + base[: -len(".whl")])
            if not os.path.isdir(os.path.join(target, "cookie_charter")):
                with zipfile.ZipFile(wheel_path) as wheel:
                    wheel.extractall(target + ".part")
                try:
                    os.rename(target + ".part", target)
                except OSError:  # another worker unpacked it first
                    pass
            sys.path.insert(0, target)
            break
    import cookie_charter  # noqa: F401  (raises ImportError with Python's own message)


def parse_batches(batches: Iterator, text_field: str, url_field: str, jobs: int) -> Iterator:
    """The function given to ``mapInArrow``: Arrow batches of pages in, Arrow batches
    of cookies out."""
    _ensure_importable()
    import pyarrow as pa
    import pyarrow.compute as pc

    import cookie_charter

    for batch in batches:
        texts = batch.column(text_field)
        urls = batch.column(url_field)
        present = pc.is_valid(texts)
        if not pc.all(present).as_py():
            texts = pc.filter(texts, present)
            urls = pc.filter(urls, present)
        if len(texts) == 0:
            continue
        table = cookie_charter.cookies_table(texts, ids=urls.cast(pa.string()), jobs=jobs)
        if table.num_rows == 0:
            continue
        seconds = table.column("duration_seconds")
        capped = pc.if_else(pc.greater(seconds, I64_MAX), pa.scalar(I64_MAX, pa.uint64()), seconds)
        table = table.set_column(
            table.schema.get_field_index("duration_seconds"),
            "duration_seconds",
            capped.cast(pa.int64()),
        )
        table = table.rename_columns(["url", *table.column_names[1:]])
        yield from table.to_batches()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="JSON Lines or Parquet crawl: {url, text} per page")
    ap.add_argument("output", help="output directory (Parquet, one row per cookie)")
    ap.add_argument("--master", help="Spark master, e.g. local[2] (default: spark-submit's)")
    ap.add_argument(
        "--input-format",
        choices=["auto", "jsonl", "parquet"],
        default="auto",
        help="auto: parquet when INPUT contains '.parquet', else JSON Lines",
    )
    ap.add_argument("--text-field", default="text", help="the column with the page text")
    ap.add_argument("--url-field", default="url", help="the column with the page URL")
    ap.add_argument(
        "--jobs",
        type=int,
        default=1,
        help="parser threads per Spark task (default 1: Spark already runs one task per core)",
    )
    ap.add_argument(
        "--partitions",
        type=int,
        help="repartition the pages first (default: as read, or one per core if fewer)",
    )
    ap.add_argument("--overwrite", action="store_true", help="replace OUTPUT_DIR if it exists")
    args = ap.parse_args(argv)

    # In local mode the Python workers must be this interpreter (where cookie_charter is).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    builder = SparkSession.builder.appName("cookie-charter")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        fmt = args.input_format
        if fmt == "auto":
            fmt = "parquet" if ".parquet" in args.input else "jsonl"
        if fmt == "parquet":
            pages = spark.read.parquet(args.input)
        else:
            schema = f"`{args.url_field}` string, `{args.text_field}` string"
            pages = spark.read.schema(schema).json(args.input)
        pages = pages.select(
            F.col(args.url_field).cast("string").alias(args.url_field),
            F.col(args.text_field).cast("string").alias(args.text_field),
        )
        if args.partitions:
            pages = pages.repartition(args.partitions)
        elif pages.rdd.getNumPartitions() < spark.sparkContext.defaultParallelism:
            # A small crawl is one input split: spread it so that every core parses.
            pages = pages.repartition(spark.sparkContext.defaultParallelism)
        text_field, url_field, jobs = args.text_field, args.url_field, args.jobs
        cookies = pages.mapInArrow(
            lambda batches: parse_batches(batches, text_field, url_field, jobs), OUTPUT_SCHEMA
        )
        mode = "overwrite" if args.overwrite else "errorifexists"
        cookies.write.mode(mode).parquet(args.output)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
