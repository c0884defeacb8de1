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


# -- the suite's CPU time (benchmarks/cpu_use.py) ----------------------------------------------------
def _burn(seconds: float) -> str:
    """Python code that uses `seconds` of CPU time."""
    return f"import time\nend = time.process_time() + {seconds}\nwhile time.process_time() < end: pass\n"


def test_cpu_use_counts_the_commands_processes_by_program_and_no_others():
    """A Python command that starts a Python child, each using about 1 CPU-second: the total is
    both, the split calls them python; a process the command did not start is in neither (the
    split lists every program it counts, even one that used no CPU)."""
    cpu_use = benchmark_module("cpu_use")
    child = f"import subprocess, sys\nsubprocess.run([sys.executable, '-c', {_burn(1.0)!r}], check=True)\n" + _burn(1.0)
    outsider = subprocess.Popen(["sleep", "60"])
    try:
        done, used = cpu_use.run([sys.executable, "-c", child])
    finally:
        outsider.kill()
        outsider.wait()
    assert done.returncode == 0, done.stderr
    assert 1.9 <= used.total <= 3.0, used
    assert set(used.by_program) == {"python"}, used  # `sleep` ran beside it throughout
    assert 0.9 <= used.by_program["python"] <= used.total, used  # samples miss at most half a second each


def test_cpu_use_counts_a_process_its_parent_left_running():
    """A grandchild seen while its parent ran, and still busy after the parent ended (so never
    waited for by the command), is still counted."""
    cpu_use = benchmark_module("cpu_use")
    parent = f"import subprocess, sys, time\nsubprocess.Popen([sys.executable, '-c', {_burn(2.0)!r}])\ntime.sleep(0.8)\n"
    done, used = cpu_use.run([sys.executable, "-c", parent])
    assert done.returncode == 0, done.stderr
    assert used.by_program.get("python", 0) >= 1.2 and used.total >= used.by_program["python"], used


def test_cpu_use_is_described_by_program_with_what_samples_missed():
    cpu_use = benchmark_module("cpu_use")
    used = cpu_use.CpuUse(100.4, {"python": 30.2, "chromium": 60.0, "node": 0.2}, cores=2)
    assert used.describe() == "100 CPU-s: chromium 60, python 30, unsampled 10"
    assert used.least_wall == 50.2
    assert [cpu_use.program(exe) for exe in ("/usr/bin/python3.11", "/usr/lib/libreoffice/program/soffice.bin",
                                              "/usr/lib/chromium/chromium")] == ["python", "soffice", "chromium"]


def test_cpu_use_names_a_process_by_the_program_it_became():
    """A shell that replaces itself with Python (as make's recipes do) is counted as python."""
    cpu_use = benchmark_module("cpu_use")
    done, used = cpu_use.run(["sh", "-c", f"sleep 0.7; exec {sys.executable} -c '{_burn(1.0)}'"])
    assert done.returncode == 0, done.stderr
    assert used.by_program.get("python", 0) >= 0.4 and used.by_program.get("dash", 0) < 0.1, used
