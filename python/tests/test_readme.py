"""The README's Python notebook example runs and ends in a pandas DataFrame."""

from __future__ import annotations

import re

import pytest

from conftest import REPO


def test_readme_notebook_example(monkeypatch):
    pd = pytest.importorskip("pandas")
    readme = (REPO / "README.md").read_text("utf-8")
    section = readme[readme.index("\n## Python\n") :]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    lines = code.strip().splitlines()
    assert len(lines) <= 10
    monkeypatch.chdir(REPO)
    scope: dict = {}
    exec("\n".join(lines[:-1]), scope)
    result = eval(lines[-1], scope)
    assert isinstance(result, pd.DataFrame)
    assert result.to_numpy().sum() == scope["cookies"].num_rows > 0
    assert scope["pages"].num_rows == len(scope["paths"]) == len(list(REPO.glob("corpus/*.txt")))
