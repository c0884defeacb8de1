"""Synthetic content at N times the real amount, written as valid data files in a scratch copy.

Copy i of a family repeats its items with `-x{i}` added to every id (and ` ({i})` to titles),
and points its references at the same copy where that copy exists (a copied question probes
the copied features, and sits under the copied theme), so every id stays unique and every
reference resolves. Scaled: the 2012 briefing's groups (themes, audiences) and items (features,
indicators, questions), and every template with its sections and clauses. The rest (site, the
2010 survey, the other frameworks, organisations) stays as it is.
"""
from __future__ import annotations

import copy
from pathlib import Path

import yaml

from esafety_portal.families import FAMILIES

# data file -> the top-level lists whose entries are copied
LISTS = {"frameworks/inspecting-e-safety-2012.yml": ("groups", "items")}
# Fields naming other ids, renamed to the same copy's ids: the families' references, an item's
# group, and the clause ids a template's history names.
NAMING = {name for family in FAMILIES for name in family.references} | {"group", "added", "replaced_by"}


def _ids(node, found: set) -> set:
    if isinstance(node, dict):
        if isinstance(node.get("id"), str):
            found.add(node["id"])
        for value in node.values():
            _ids(value, found)
    elif isinstance(node, list):
        for value in node:
            _ids(value, found)
    return found


def _copy(node, i: int, scaled: set):
    """`node` with ids, titles and references to scaled ids renamed for copy `i`."""
    if isinstance(node, list):
        return [_copy(value, i, scaled) for value in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key == "id" and isinstance(value, str):
            out[key] = f"{value}-x{i}"
        elif key == "title" and isinstance(value, str) and "id" in node:
            out[key] = f"{value} ({i})"
        elif key in NAMING and isinstance(value, str):
            out[key] = f"{value}-x{i}" if value in scaled else value
        elif key in NAMING and isinstance(value, list):
            out[key] = [f"{v}-x{i}" if isinstance(v, str) and v in scaled else v for v in value]
        else:
            out[key] = _copy(value, i, scaled)
    return out


def _load(path: Path):
    # Dates stay text, as the portal's own loader keeps them.
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_TextDates)


class _TextDates(yaml.SafeLoader):
    pass


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _dump(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")


def scale(project: Path, factor: int) -> None:
    """Rewrite the scaled families of `project/data` with `factor` times their items."""
    if factor == 1:
        return
    data_dir = project / "data"
    files = {name: _load(data_dir / name) for name in LISTS if (data_dir / name).exists()}
    templates = {p: _load(p) for p in sorted((data_dir / "templates").glob("*.yml"))}
    scaled = set()
    for name, data in files.items():
        for key in LISTS[name]:
            scaled |= _ids(data[key], set())
    for data in templates.values():
        scaled |= _ids(data, set())
    for name, data in files.items():
        for key in LISTS[name]:
            data[key] = data[key] + [entry for i in range(2, factor + 1) for entry in _copy(data[key], i, scaled)]
        _dump(data_dir / name, data)
    for i in range(2, factor + 1):
        for path, data in templates.items():
            # `order` is kept: copies sort after their original by id.
            _dump(path.with_name(f"{path.stem}-x{i}.yml"), _copy(data, i, scaled))


def item_count(project: Path) -> int:
    """Every identified thing in the project's content (features, clauses, themes, ...)."""
    from esafety_portal.load import load_content

    return len(load_content(project).kinds)
