"""Shared fixtures: the repository, the corpus, and the CLI binary to compare with."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def corpus_files() -> list[Path]:
    """The corpus texts: `corpus/*.txt`, and `../shared/{seeds,corpus}/*.txt` when present."""
    files = sorted((REPO / "corpus").glob("*.txt"))
    shared = REPO.parent / "shared"
    for sub in ("seeds", "corpus"):
        files += sorted((shared / sub).glob("*.txt"))
    return files


CORPUS = corpus_files()
assert CORPUS, f"no corpus texts under {REPO / 'corpus'}"


def corpus_texts() -> list[str]:
    """The texts of `corpus/*.txt` only (no duplicates from shared/), as str."""
    return [p.read_bytes().decode("utf-8") for p in sorted((REPO / "corpus").glob("*.txt"))]


@pytest.fixture(scope="session")
def cli() -> Path:
    """The CLI built from this repository (`cargo build --release` at the root), or
    $COOKIE_CHARTER_BIN. A missing binary fails the tests that compare with it."""
    path = Path(os.environ.get("COOKIE_CHARTER_BIN", REPO / "target" / "release" / "cookie-charter"))
    if not path.is_file():
        pytest.fail(
            f"CLI binary {path} not found: run `cargo build --release` at the repository "
            "root, or set COOKIE_CHARTER_BIN"
        )
    return path


def run_cli(cli: Path, *args: str | os.PathLike, returncode: int = 0) -> bytes:
    """Run the CLI; its stdout. `returncode=1` for inputs with unusable lines."""
    done = subprocess.run([str(cli), *map(str, args)], capture_output=True, timeout=600)
    assert done.returncode == returncode, done.stderr.decode(errors="replace")[-3000:]
    return done.stdout


def cli_jsonl(cli: Path, *args: str | os.PathLike) -> list[dict]:
    """`cookie-charter parse --format jsonl ARGS`, one dict per document."""
    out = run_cli(cli, "parse", "--quiet", "--format", "jsonl", *args)
    return [json.loads(line) for line in out.splitlines() if line.strip()]
