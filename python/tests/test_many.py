"""`parse_many`: input order, equal to `parse`, threads in Rust, the GIL released."""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

import pytest

import cookie_charter
from conftest import corpus_texts

TEXTS = corpus_texts()


def many_texts(n: int, seed: int = 12) -> list[str]:
    """`n` different documents made from the corpus: a corpus text, sometimes cut,
    sometimes two joined, each with its own extra cookie row, in random order."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        text = rng.choice(TEXTS)
        roll = rng.random()
        if roll < 0.2:
            text = text[: rng.randrange(1, len(text) + 1)]
        elif roll < 0.3:
            text = text + "\n\n" + rng.choice(TEXTS)
        elif roll < 0.35:
            text = "Nothing about cookies on this page, number %d." % i
        out.append(text + f"\n\nName\tExpiry\n_doc_{i}\t{i % 400 + 1} days\n")
    return out


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return many_texts(3000)


@pytest.fixture(scope="module")
def one_by_one(texts) -> list[dict]:
    return [cookie_charter.parse(t) for t in texts]


@pytest.mark.parametrize("jobs", [None, 1, 2, 7])
def test_parse_many_equals_parse_in_order(texts, one_by_one, jobs):
    got = cookie_charter.parse_many(texts, jobs=jobs)
    assert len(got) == len(texts)
    assert got == one_by_one
    # The texts differ (each has its own tail), so equal lists mean the order was kept.
    assert [d["text_len"] for d in got] == [len(t.encode("utf-8")) for t in texts]
    assert len({(d["text_len"], len(d["cookies"])) for d in got}) > 500


def test_parse_many_takes_any_iterable_and_mixes_str_and_bytes(texts):
    sample = texts[:50]
    mixed = [t.encode("utf-8") if i % 2 else t for i, t in enumerate(sample)]
    expected = [
        cookie_charter.parse_bytes(t) if isinstance(t, bytes) else cookie_charter.parse(t)
        for t in mixed
    ]
    assert cookie_charter.parse_many(mixed) == expected
    assert cookie_charter.parse_many(t for t in mixed) == expected
    assert cookie_charter.parse_many(tuple(mixed), jobs=3) == expected
    assert cookie_charter.parse_many([]) == []


def test_parse_many_repair_option(texts):
    sample = texts[:200]
    assert cookie_charter.parse_many(sample, repair=False) == [
        cookie_charter.parse(t, repair=False) for t in sample
    ]


def _thread_cpu_ticks() -> dict[int, int]:
    ticks = {}
    for task in Path("/proc/self/task").iterdir():
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the thread ended meanwhile
        ticks[int(task.name)] = int(fields[11]) + int(fields[12])  # utime + stime
    return ticks


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_work_runs_on_several_rust_threads_at_once(texts):
    """With jobs=2, two OS threads (the caller's and one that Rust starts) both do
    parsing work during the call (sampled from /proc, so it holds on a loaded machine)."""
    before = _thread_cpu_ticks()
    peak: dict[int, int] = {}
    done = threading.Event()

    def sample():
        while not done.is_set():
            for tid, t in _thread_cpu_ticks().items():
                peak[tid] = max(peak.get(tid, 0), t)
            time.sleep(0.005)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        cookie_charter.parse_many(texts, jobs=2)
    finally:
        done.set()
        sampler.join()
    for tid, t in _thread_cpu_ticks().items():  # the caller's thread, after the call
        peak[tid] = max(peak.get(tid, 0), t)
    worked = {
        tid: t - before.get(tid, 0) for tid, t in peak.items() if tid != sampler.native_id
    }
    busy = [tid for tid, t in worked.items() if t >= 5]
    assert len(busy) >= 2, f"CPU ticks of the threads during the call: {worked}"
    assert any(tid not in before for tid in busy), "no new thread did any work"


def test_gil_is_released_while_parsing(texts):
    """A Python thread keeps running while parse_many works: the longest pause it
    sees is a small part of the call. With the GIL held, it would stall for the
    whole parse."""
    # enough documents for about 1.5 s on this machine, measured first: a fixed
    # number gets too small as the parser gets faster
    probe = texts[:200]
    t0 = time.perf_counter()
    cookie_charter.parse_many(probe, jobs=1)
    per_doc = max(time.perf_counter() - t0, 1e-6) / len(probe)
    n = max(int(1.5 / per_doc), len(probe))
    work = [texts[k % len(texts)] for k in range(n)]
    stamps: list[float] = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            stamps.append(time.perf_counter())
            time.sleep(0.001)

    ticker = threading.Thread(target=tick)
    ticker.start()
    time.sleep(0.05)
    start = time.perf_counter()
    cookie_charter.parse_many(work, jobs=1)
    elapsed = time.perf_counter() - start
    done.set()
    ticker.join()
    during = [s for s in stamps if start <= s <= start + elapsed]
    gaps = [b - a for a, b in zip(during, during[1:])]
    assert elapsed > 0.5, "the workload is too small to tell"
    assert len(during) > 20
    assert max(gaps) < 0.5 * elapsed, (max(gaps), elapsed)


def test_concurrent_calls_from_python_threads(texts):
    sample = texts[:300]
    expected = [cookie_charter.parse(t) for t in sample]
    results: dict[int, list] = {}

    def run(k):
        results[k] = cookie_charter.parse_many(sample[k:] + sample[:k], jobs=2)

    threads = [threading.Thread(target=run, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for k in range(4):
        assert results[k] == expected[k:] + expected[:k]

