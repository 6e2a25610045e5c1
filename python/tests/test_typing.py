"""The stubs match the module, and a type checker catches wrong calls with them."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("mypy", reason="pip install mypy")

CONFIG = "[mypy]\nignore_missing_imports = True\n"


def _run(tmp_path, module, *args):
    """`python -m MODULE ARGS` with a config that ignores pyarrow's missing stubs."""
    config = tmp_path / "mypy.ini"
    config.write_text(CONFIG)
    flag = "--mypy-config-file" if module == "mypy.stubtest" else "--config-file"
    return subprocess.run(
        [sys.executable, "-m", module, flag, str(config), *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
    )


def test_stubs_match_the_runtime_module(tmp_path):
    done = _run(tmp_path, "mypy.stubtest", "cookie_charter")
    assert done.returncode == 0, done.stdout + done.stderr


def test_type_checker_flags_wrong_calls(tmp_path):
    good = tmp_path / "good.py"
    good.write_text(textwrap.dedent("""
        import cookie_charter
        from typing import Any
        doc: dict[str, Any] = cookie_charter.parse("text", repair=False)
        docs = cookie_charter.parse_many(["a", b"b"], jobs=2)
        table = cookie_charter.cookies_table(["a"], ids=["u"])
        n: int = cookie_charter.MAX_BYTES + len(docs)
    """))
    done = _run(tmp_path, "mypy", "--strict", str(good))
    assert done.returncode == 0, done.stdout

    bad = tmp_path / "bad.py"
    bad.write_text(textwrap.dedent("""
        import cookie_charter
        cookie_charter.parse(b"bytes")
        cookie_charter.parse_bytes("text")
        cookie_charter.parse_many([1, 2])
        cookie_charter.parse("t", True)
        cookie_charter.cookies_table(["a"], jobs="2")
    """))
    done = _run(tmp_path, "mypy", str(bad))
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert {int(line.split(":")[1]) for line in errors} == {3, 4, 5, 6, 7}, done.stdout
