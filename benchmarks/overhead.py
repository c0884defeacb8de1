"""Our own cost: the real site against a plain Material build of the very same pages.

The plain project is made from one build of the real site with benchmarks/capture_markdown.py
added: each page's Markdown as the macros rendered it (front matter kept), the files our hooks
generate (kept as static files, so links still resolve under --strict), and the site identity
our hooks apply. Its mkdocs.yml is the real one without macros, hooks or watched folders: same
theme, nav, plugins and Markdown extensions. The theme keeps our overrides/ (minus the Markdown
templates only the macros read), because pages name templates of ours (`template:` in front
matter) that a plain build could not otherwise render.

Known gap: MkDocs never reads a docs/templates/ folder (it keeps that name for theme templates),
so the plain build has no template pages, and the overhead figure is higher than our
own cost by their rendering. tests/test_benchmarks.py checks the plain build has every other page.
"""
from __future__ import annotations

import json
import shutil
import statistics
from dataclasses import dataclass
from pathlib import Path

from project import BENCH, ROOT, build, copy_project, read_config, write_config


@dataclass
class Overhead:
    real: list[float]  # document cache empty: a CI build, or an editor's first
    warm: list[float]  # documents already made: an editor's next build
    plain: list[float]

    def ratio(self, times: list[float]) -> float:
        return statistics.median(times) / statistics.median(self.plain)


def plain_project(workdir: Path) -> Path:
    """A plain Material project holding the pages the real build renders."""
    capture = copy_project(workdir / "capture")
    config = read_config(capture)
    config["hooks"] = [*config.get("hooks", []), str(BENCH / "capture_markdown.py")]
    write_config(capture, config)
    captured = workdir / "captured"
    build(capture, workdir / "capture-site", {"ESAFETY_BENCH_CAPTURE": str(captured)})

    plain = workdir / "plain"
    shutil.copytree(ROOT / "docs", plain / "docs", ignore=shutil.ignore_patterns("*.md"))
    shutil.copytree(captured / "docs", plain / "docs", dirs_exist_ok=True)
    shutil.copytree(ROOT / "overrides", plain / "overrides", ignore=shutil.ignore_patterns("markdown"))
    config = read_config(capture)
    for key in ("hooks", "watch"):
        config.pop(key, None)
    config["plugins"] = [p for p in config.get("plugins", []) if not _is_plugin(p, "macros")]
    config.update(json.loads((captured / "identity.json").read_text(encoding="utf-8")))
    # The templates' Markdown downloads are files in the real build; a plain build would make each
    # a page, so it leaves them out (and is the cheaper by copying them).
    markdown_files = json.loads((captured / "markdown_files.json").read_text(encoding="utf-8"))
    if markdown_files:
        config["exclude_docs"] = "\n".join(f"/{uri}" for uri in markdown_files)
    write_config(plain, config)
    return plain


def _is_plugin(entry, name: str) -> bool:
    return entry == name or isinstance(entry, dict) and name in entry


def measure(workdir: Path, runs: int) -> Overhead:
    """`runs` builds of each, in alternation, so background load falls on all alike."""
    real = copy_project(workdir / "real")
    plain = plain_project(workdir)
    times = Overhead([], [], [])
    for _ in range(runs):
        times.real.append(build(real))
        times.warm.append(build(real, keep_cache=True))
        times.plain.append(build(plain))
    return times
