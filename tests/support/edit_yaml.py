"""Change one value of a YAML data file by its path, as an editor would, and say on which line:
`edit_yaml(file, ["items", 3, "text"], "New words")`. Tests that need a mistake in a copy of
the project use it instead of replacing a quoted piece of today's wording, so rewording the
content keeps them green. The rest of the file is left exactly as it was."""
from __future__ import annotations

import json
import re
from pathlib import Path

from esafety_portal.yaml_loader import LineDict, LineList, line_of, read_yaml


def _value_text(value) -> str:
    """`value` as a YAML flow scalar or list (JSON is valid YAML for both)."""
    return json.dumps(value, ensure_ascii=False)


def edit_yaml(path: Path, where: list, value) -> int:
    """Set the value at `where` (keys and list indexes) in the YAML file `path` to `value` (a
    string, number, boolean, None or list of those); return its 1-based line. The key must be
    there already and its value start on its own line (`key: value`, `key: >-` and `- value`)."""
    data, problems = read_yaml(path, path.name)
    assert not problems, problems
    node = data
    for step in where:
        found = (isinstance(node, LineDict) and step in node) or (
            isinstance(node, LineList) and isinstance(step, int) and step < len(node))
        assert found, f"{where} is not in {path}: no {step!r} there"
        node = node[step]
    line = line_of(data, where)
    lines = path.read_text("utf-8").splitlines(keepends=True)
    text = lines[line - 1]
    key = where[-1]
    pattern = (rf"^(\s*(?:-\s+)?{re.escape(key)}:)(\s*)(.*?)(\r?\n?)$" if isinstance(key, str)
               else r"^(\s*-)(\s+)(.*?)(\r?\n?)$")
    match = re.match(pattern, text)
    assert match, f"line {line} of {path} does not hold {where}: {text!r}"
    end = line
    if match.group(3).startswith((">", "|")) or match.group(3) == "":
        # A block (a folded or literal scalar, or a list or mapping on the lines below): its lines
        # are those indented more than the key's own.
        indent = len(text) - len(text.lstrip(" -")) if isinstance(key, str) else len(text) - len(text.lstrip())
        while end < len(lines) and (not lines[end].strip() or
                                    len(lines[end]) - len(lines[end].lstrip()) > indent):
            end += 1
    lines[line - 1:end] = [f"{match.group(1)} {_value_text(value)}{match.group(4) or chr(10)}"]
    path.write_text("".join(lines), "utf-8")
    return line


def path_of(path: Path, item_id: str) -> list:
    """Where the mapping with `item_id` is in a data file, as a path for edit_yaml (["items", 20]):
    read from the file, so adding an item before it keeps the tests that use it green."""
    from esafety_portal.rules import walk

    data, problems = read_yaml(path, path.name)
    assert not problems, problems
    found = [list(p) for p, _key, value in walk(data) if isinstance(value, dict) and value.get("id") == item_id]
    assert found, f"no item has the id {item_id!r} in {path}"
    return found[0]


def add_yaml(path: Path, where: list, key: str, value) -> int:
    """Add `key: value` to the mapping at `where` in the YAML file `path`, on the line after the
    mapping's first key (so a list item keeps its `- id:` first); return the new line's number."""
    data, problems = read_yaml(path, path.name)
    assert not problems, problems
    node = data
    for step in where:
        node = node[step]
    assert isinstance(node, LineDict) and node and key not in node, f"{where} in {path} is not a mapping without {key}"
    first = next(iter(node))
    line = node.lines[first]
    lines = path.read_text("utf-8").splitlines(keepends=True)
    text = lines[line - 1]
    indent = len(text) - len(text.lstrip(" -"))  # the first key's column, after any "- "
    assert text[indent:].startswith(f"{first}:"), f"line {line} of {path} does not start {where}: {text!r}"
    lines.insert(line, f"{' ' * indent}{key}: {_value_text(value)}\n")
    path.write_text("".join(lines), "utf-8")
    return line + 1
