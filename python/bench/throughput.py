"""Throughput of `parse_many` / `cookies_table` beside the CLI's, on the same files,
same machine, same run.

    python python/bench/throughput.py [--copies 2000] [--repeat 7] [--cli target/release/cookie-charter]

Writes COPIES files into a temporary directory, cycling through `corpus/*.txt`; then runs
REPEAT rounds, each route once a round (so that all see the same load), of:
  - the CLI:            cookie-charter parse --quiet --format jsonl DIR > /dev/null
  - read + parse_many:  read every file's bytes, parse_many(all of them) -> list of dicts
  - parse_many:         the same, files already in memory
  - cookies_table:      files in memory -> pyarrow.Table
All use every core (the CLI's and the package's default), or `--jobs N`. Prints a
Markdown table: the best and median wall time, and the CPU time of the best run (all
threads, children included: the work done, whatever the machine's load).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cookie_charter

REPO = Path(__file__).resolve().parents[2]


def measure(f) -> tuple[float, float]:
    """One run: (wall seconds, CPU seconds of this process and its children, all
    threads). CPU time shows the work done when the machine is shared."""
    cpu = time.process_time()
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    f()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = time.process_time() - cpu
    cpu += (after.ru_utime + after.ru_stime) - (kids.ru_utime + kids.ru_stime)
    return wall, cpu


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=2000)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--cli", default=str(REPO / "target" / "release" / "cookie-charter"))
    ap.add_argument("--jobs", type=int, help="threads for both (default: all cores)")
    args = ap.parse_args()

    sources = sorted((REPO / "corpus").glob("*.txt"))
    tmp = Path(tempfile.mkdtemp(prefix="cc-bench-"))
    try:
        files = []
        for i in range(args.copies):
            path = tmp / f"{i:05d}-{sources[i % len(sources)].name}"
            shutil.copyfile(sources[i % len(sources)], path)
            files.append(path)
        total = sum(p.stat().st_size for p in files)
        data = [p.read_bytes() for p in files]

        def cli():
            subprocess.run(
                [args.cli, "parse", "--quiet", "--format", "jsonl", str(tmp)]
                + (["--jobs", str(args.jobs)] if args.jobs else []),
                stdout=subprocess.DEVNULL,
                check=True,
            )

        def read_and_parse_many():
            cookie_charter.parse_many([p.read_bytes() for p in files], jobs=args.jobs)

        routes = [
            ("CLI `parse --format jsonl DIR`", cli),
            ("`parse_many` (files read in Python)", read_and_parse_many),
            ("`parse_many` (bytes in memory)", lambda: cookie_charter.parse_many(data, jobs=args.jobs)),
            ("`cookies_table` (bytes in memory)", lambda: cookie_charter.cookies_table(data, jobs=args.jobs)),
        ]
        # The routes take turns in every round, so that each sees the same load.
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in routes}
        for _ in range(args.repeat):
            for name, f in routes:
                runs[name].append(measure(f))
        docs = cookie_charter.parse_many(data)
        cookies = sum(len(d["cookies"]) for d in docs)
    finally:
        shutil.rmtree(tmp)

    print(
        f"{args.copies} files ({total / 1e6:.1f} MB, {cookies} cookies), "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, "
        f"jobs {args.jobs or 'all cores'}, {args.repeat} rounds, Python {sys.version.split()[0]}\n"
    )
    print("| route | best wall s | documents/s | MB/s | median wall s | CPU s (best run) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, measured in runs.items():
        wall, cpu = min(measured)
        median = statistics.median(w for w, _ in measured)
        print(
            f"| {name} | {wall:.2f} | {args.copies / wall:,.0f} | {total / 1e6 / wall:.1f} "
            f"| {median:.2f} | {cpu:.2f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
