"""Scratch copies of the project and timed builds of them, for the benchmark.

Every build runs in a fresh process into an empty output folder, so each one is a cold build,
timed on the wall clock: what an editor or CI waits for, Python start-up and imports included.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
# What a build reads; the rest of the work tree (tests, .venv, site/) plays no part in it.
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "overrides", "data")
_IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")


def env(extra: dict | None = None) -> dict:
    out = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    out.pop("GITHUB_ACTIONS", None)
    out.update(extra or {})
    return out


def scratch_dir(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=f"esafety-bench-{prefix}-"))


def copy_project(dest: Path) -> Path:
    """A copy of everything the build reads, in `dest` (created)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=_IGNORE)
        elif source.exists():
            shutil.copy2(source, dest / part)
    return dest


class _Tagged:
    """A value under a YAML tag MkDocs understands (!ENV, !!python/name:...), kept as written."""

    def __init__(self, tag: str, node: yaml.Node):
        self.tag, self.node = tag, node


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_multi_constructor("", lambda loader, suffix, node: _Tagged(node.tag, node))
_Dumper.add_representer(_Tagged, lambda dumper, value: value.node)


def read_config(project: Path) -> dict:
    return yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)


def write_config(project: Path, config: dict) -> None:
    text = yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True)
    (project / "mkdocs.yml").write_text(text, encoding="utf-8")


def build(project: Path, site_dir: Path | None = None, extra_env: dict | None = None, keep_cache: bool = False) -> float:
    """Build `project` in a fresh process into an empty folder, with the build cache (.cache/,
    where made documents are kept) emptied unless `keep_cache`; the wall-clock seconds it took.
    Raises with MkDocs' output if the build fails: a figure from a broken build means nothing."""
    site_dir = site_dir or project / "_site"
    shutil.rmtree(site_dir, ignore_errors=True)
    if not keep_cache:
        shutil.rmtree(project / ".cache", ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
               "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site_dir)]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=project, env=env(extra_env), capture_output=True, text=True, timeout=600)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"build of {project} failed:\n{result.stdout}\n{result.stderr}")
    return seconds
