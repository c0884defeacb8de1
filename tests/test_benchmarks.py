"""`make bench` (benchmarks/): its modules still import what they use from the package, its
synthetic content at twice the real amount is valid content (every copied id unique, every copied
reference resolving), and the plain build its overhead is measured against builds, so a change to
the package cannot leave the benchmark broken unseen."""
from __future__ import annotations

import importlib
import subprocess
import sys

from support.project_copy import copy_project
from support.site import ROOT, build_env

BENCHMARKS = ROOT / "benchmarks"


def benchmark_module(name: str):
    """A module of benchmarks/, imported as run.py imports it (its folder first on the path)."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_every_benchmark_module_imports():
    """run.py imports every other module the benchmark runs."""
    done = subprocess.run([sys.executable, "-c", "import run"], cwd=BENCHMARKS, env=build_env(),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-3000:]


def test_content_scaled_twice_is_valid_and_larger(tmp_path):
    scale = benchmark_module("scale")
    project = copy_project(tmp_path / "project", parts=("data", "docs"))
    before = scale.item_count(project)
    scale.scale(project, 2)
    assert scale.item_count(project) > before  # and loading raised no ContentErrors


def test_the_plain_build_the_overhead_is_measured_against_builds_every_page_but_the_templates(tmp_path):
    """The overhead figure compares the real build with a plain Material build of the pages it
    rendered (benchmarks/overhead.py): that plain build must build, with every page but the
    template pages (MkDocs never reads a docs/templates/ folder; overhead.py says so)."""
    plain = benchmark_module("overhead").plain_project(tmp_path)
    benchmark_module("project").build(plain, tmp_path / "plain-site")  # raises, with MkDocs' output, if it fails
    # plain_project built the real site into capture-site/ to capture its pages.
    real_pages = {p.relative_to(tmp_path / "capture-site") for p in (tmp_path / "capture-site").rglob("*.html")}
    plain_pages = {p.relative_to(tmp_path / "plain-site") for p in (tmp_path / "plain-site").rglob("*.html")}
    assert plain_pages == {page for page in real_pages if page.parts[0] != "templates"}
