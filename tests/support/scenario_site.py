"""Build a scenario mini-site (tests/sites/<scenario>/) with the portal's real code, as
mkdocs-macros' own tests do: its own data, pages and templates over a copy of the real hooks/,
overrides/, schemas and configuration, really built, then read by path.

A scenario may hold a `family.txt`: entries added to FAMILIES in the copy of
hooks/esafety_portal/families.py, as a developer adding a family would. The build imports that
copy of the package, never the installed one."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .site import NO_NETWORK, ROOT, mkdocs_build

SITES = ROOT / "tests" / "sites"
_IGNORE = shutil.ignore_patterns("__pycache__", "*.egg-info")


@dataclass
class ScenarioSite:
    project: Path
    site: Path
    result: subprocess.CompletedProcess

    @property
    def ok(self) -> bool:
        return self.result.returncode == 0

    def page(self, url_path: str) -> str:
        """The HTML of the page at `url_path` ("" for the home page, "glossary/" ...)."""
        return (self.site / url_path / "index.html").read_text("utf-8")

    def file(self, path: str) -> bytes:
        return (self.site / path).read_bytes()

    def search_locations(self) -> list[str]:
        index = json.loads((self.site / "search" / "search_index.json").read_text("utf-8"))
        return [doc["location"] for doc in index["docs"]]


def add_families(families_py: Path, entries: str) -> None:
    """Add `entries` (lines of Family(...)) at the end of the FAMILIES table."""
    text = families_py.read_text("utf-8")
    start = text.index("FAMILIES = (")
    end = text.index("\n)\n", start)
    families_py.write_text(text[:end] + "\n    " + entries.strip() + text[end:], "utf-8")


def build_scenario(name: str, destination: Path, change=None) -> ScenarioSite:
    """Build the scenario `name` in `destination`; `change(project)`, if given, first makes one
    deliberate change to the copy (with support/edit_yaml.py, say)."""
    source = SITES / name
    project = destination / name
    for part in ("hooks", "overrides"):
        shutil.copytree(ROOT / part, project / part, ignore=_IGNORE)
    shutil.copytree(ROOT / "data" / "schema", project / "data" / "schema")
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    shutil.copy(ROOT / "mkdocs.yml", project / "portal.yml")
    shutil.copytree(source, project, dirs_exist_ok=True, ignore=shutil.ignore_patterns("family.txt", "README.md"))
    if (source / "family.txt").is_file():
        add_families(project / "hooks" / "esafety_portal" / "families.py", (source / "family.txt").read_text("utf-8"))
    if change is not None:
        change(project)
    result = mkdocs_build(project, project / "site",
                          extra_env={"PYTHONPATH": os.pathsep.join([str(project / "hooks"), str(NO_NETWORK)])})
    return ScenarioSite(project, project / "site", result)
