"""The esafety_portal package has no import cycle: each module depends only on modules below it,
so the model is built by load.py calling the families' builders, never by modules registering
themselves into the loader. Every import counts, also one inside a function."""
from __future__ import annotations

import ast
from pathlib import Path

from support.site import ROOT

PACKAGE = ROOT / "hooks" / "esafety_portal"


def import_graph(package: Path) -> dict[str, set[str]]:
    modules = {".".join(p.relative_to(package.parent).with_suffix("").parts).removesuffix(".__init__"): p
               for p in package.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        parts = name.split(".")
        edges = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = parts if is_package else parts[:-1]
                base = base[: len(base) - (node.level - 1)]
                prefix = ".".join(base + ([node.module] if node.module else []))
                candidates = [prefix] + [f"{prefix}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                candidates = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                candidates = [alias.name for alias in node.names]
            else:
                continue
            edges |= {c for c in candidates if c in modules and c != name}
        graph[name] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, state = [], {}

    def visit(node, trail):
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                found.append(trail[trail.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def test_the_package_has_no_import_cycle():
    graph = import_graph(PACKAGE)
    assert len(graph) > 20 and "esafety_portal.schema_check" in graph["esafety_portal.load"]  # edges are read
    assert cycles(graph) == []


def test_the_check_finds_a_cycle(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "load.py").write_text("from . import templates\n")
    (package / "templates.py").write_text("def register():\n    from . import load\n")
    assert cycles(import_graph(package)) == [["pkg.load", "pkg.templates", "pkg.load"]]
