"""Copies of the real project with one deliberate mistake, for error-message tests."""
from __future__ import annotations

import shutil
from pathlib import Path

from .site import ROOT

_PARTS = ("data", "docs", "hooks", "overrides", "mkdocs.yml")


def copy_project(destination: Path, parts=_PARTS) -> Path:
    for part in parts:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, destination / part)
    return destination


def replace_in(path: Path, old: str, new: str) -> int:
    """Replace the first `old` with `new` in a file; return the 1-based line where it was."""
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} is not in {path}: the fixture is out of date"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), "utf-8")
    return line
