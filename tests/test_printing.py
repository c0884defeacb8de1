"""Every value a template prints goes through the filter of its kind (esafety_portal/values.py).

The Markdown templates and the docs pages are read as Jinja syntax trees: each {{ ... }} must be a
literal, a call of a render function or macro (which are checked the same way), or end in a typed
filter, perhaps followed by filters that only reshape text. A new {{ item.title }} with no filter
fails here, before it can print a value that "should" be safe.
"""
from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from jinja2 import nodes

from esafety_portal.values import FILTERS
from support.site import ROOT

# Filters that turn a value into text that cannot hold markup: numbers, dates, JSON for front matter.
SAFE_FROM_ANY = {"long_date", "length", "int", "round", "count", "e", "escape"}  # e: HTML context
# Filters that only reshape text that is already of its kind.
RESHAPING = {"indent_block", "replace", "lower", "trim", "capitalize"}

TEMPLATES = sorted((ROOT / "overrides" / "markdown").glob("*.jinja"))
PAGES = sorted((ROOT / "docs").rglob("*.md"))


def _is_typed(node) -> bool:
    if isinstance(node, nodes.Const):
        return True
    if isinstance(node, nodes.Call):  # link(), item_block(), filled(): checked where they are defined
        return True
    if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name) and node.node.name == "loop":
        return True  # loop.index and the like: numbers
    if isinstance(node, nodes.CondExpr):
        return _is_typed(node.expr1) and (node.expr2 is None or _is_typed(node.expr2))
    if isinstance(node, (nodes.Concat,)):
        return all(_is_typed(n) for n in node.nodes)
    if isinstance(node, (nodes.Add, nodes.Mul)):
        return _is_typed(node.left) and _is_typed(node.right)
    if isinstance(node, nodes.Filter):
        if node.name in FILTERS or node.name in SAFE_FROM_ANY:
            return True
        if node.name == "tojson":  # front matter: JSON-quoted, but the theme prints it raw in HTML
            return isinstance(node.node, nodes.Filter) and node.node.name in ("e", "escape")
        if node.name in RESHAPING:
            return _is_typed(node.node)
    return False


def untyped_outputs(source: str, name: str) -> list[str]:
    env = jinja2.Environment()
    tree = env.parse(source, name=name)
    found = []
    for output in tree.find_all(nodes.Output):
        for node in output.nodes:
            if not isinstance(node, nodes.TemplateData) and not _is_typed(node):
                found.append(f"{name}:{node.lineno}: {source.splitlines()[node.lineno - 1].strip()[:100]}")
    return found


@pytest.mark.parametrize("path", TEMPLATES + PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_printed_value_goes_through_the_filter_of_its_kind(path):
    source = path.read_text("utf-8")
    if path.suffix == ".md" and "{{" not in source and "{%" not in source:
        return
    found = untyped_outputs(source, str(path.relative_to(ROOT)))
    assert not found, ("printed without a typed filter (| plain, | md, | url, | id, | attr; "
                       "see esafety_portal/values.py):\n" + "\n".join(found))


def test_the_check_itself_finds_an_unfiltered_value():
    assert untyped_outputs("# {{ item.title }}\n", "x") == ["x:1: # {{ item.title }}"]
    assert untyped_outputs("{{ item.title | lower }}", "x"), "reshaping alone does not type a value"
    assert untyped_outputs("{{ item.title | tojson }}", "x"), "front matter must be escaped before JSON"
    assert not untyped_outputs("# {{ item.title | plain }} {{ item.text | md | indent_block(4) }}", "x")
