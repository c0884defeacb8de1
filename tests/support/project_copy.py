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


def framework_mistake(tmp_path: Path, fixture: Path, old: str, new: str, message: str):
    """Load a copy of the project's data with the framework `fixture` added and `old` changed to
    `new` in it: the first error whose problem says `message` (failing if there is none), and the
    line of the change."""
    import pytest

    from esafety_portal.errors import ContentErrors
    from esafety_portal.load import load_content

    project = copy_project(tmp_path, parts=("data",))
    (project / "data" / "frameworks").mkdir(exist_ok=True)
    target = project / "data" / "frameworks" / fixture.name
    shutil.copy(fixture, target)
    line = replace_in(target, old, new)
    with pytest.raises(ContentErrors) as caught:
        load_content(project)
    mine = [e for e in caught.value.errors if message in e.problem]
    assert mine, caught.value.report()
    return mine[0], line


def set_value(path: Path, key: str, value: str) -> int:
    """Set the first `key:` line of a file to `value`, whatever it held (such as last_reviewed,
    which editors change); return its 1-based line."""
    import re

    text = path.read_text("utf-8")
    found = re.search(rf"^([ \t-]*){re.escape(key)}:[^\n]*$", text, re.M)
    assert found, f"{key}: is not in {path}: the fixture is out of date"
    path.write_text(text[: found.start()] + f"{found.group(1)}{key}: {value}" + text[found.end():], "utf-8")
    return text[: found.start()].count("\n") + 1


def item_path(path: Path, item_id: str) -> str:
    """Where the item with `item_id` is in a data file, as messages print it (items[20]): read
    from the file, so adding an item before it keeps the tests that use it green."""
    from esafety_portal.rules import walk
    from esafety_portal.yaml_loader import format_path, read_yaml

    data, problems = read_yaml(path, path.name)
    assert not problems, problems
    found = [p for p, _key, value in walk(data) if isinstance(value, dict) and value.get("id") == item_id]
    assert found, f"no item has the id {item_id!r} in {path}"
    return format_path(found[0])


def content_errors(project: Path, **load_args) -> list:
    """The errors loading `project` raises (as of the suite's today, support/clock.py); fails the
    test if it loads cleanly."""
    import pytest

    from esafety_portal.errors import ContentErrors
    from esafety_portal.load import load_content

    with pytest.raises(ContentErrors) as caught:
        load_content(project, **load_args)
    return caught.value.errors
