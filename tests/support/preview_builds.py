"""Rebuilds as `mkdocs serve` makes them, in one process, for tests/test_markdown_cache.py:

    python preview_builds.py <project> <out> <port> <edits.json>

builds <project> into <out>/first, makes each edit ([file, text added at its end], or [file, old, new]:
the first `old` replaced),
builds into <out>/kept (pages unchanged reuse their conversion), then forgets every conversion and
builds the same files into <out>/fresh. Prints, as JSON, each build's warnings, whether it stopped,
and how many pages each build converted, parsed for search, rendered through the theme's templates
and reused (each cache's STATS).
"""
from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

from build_worker import build_here  # this folder's: run as a script, it leads sys.path
from esafety_portal import markdown_cache, rendered_page_cache, search_entries_cache

CACHES = {"markdown": markdown_cache, "search": search_entries_cache, "pages": rendered_page_cache}


def one_build(project: Path, site: Path, port: str) -> dict:
    """A rebuild into the one folder `mkdocs serve` rebuilds into (<out>/serving), copied to `site`."""
    before = {name: dict(cache.STATS) for name, cache in CACHES.items()}
    serving = site.parent / "serving"
    records, stopped = build_here(project, serving, command="serve", serve_url=f"http://127.0.0.1:{port}/",
                                  dev_addr=f"127.0.0.1:{port}")
    if serving.is_dir():
        shutil.copytree(serving, site)
    return {"warnings": [record.getMessage() for record in records], "stopped": stopped,
            **{name: {what: count - before[name][what] for what, count in cache.STATS.items()}
               for name, cache in CACHES.items()}}


def main(project: Path, out: Path, port: str, edits: list[list[str]]) -> None:
    os.chdir(project)
    builds = {"first": one_build(project, out / "first", port)}
    for file, *change in edits:
        text = (project / file).read_text("utf-8")
        if len(change) == 1:
            text += change[0]
        else:
            assert change[0] in text, f"{file} has no {change[0]!r} to replace"
            text = text.replace(change[0], change[1], 1)
        (project / file).write_text(text, "utf-8")
    builds["kept"] = one_build(project, out / "kept", port)
    for cache in CACHES.values():
        cache.forget()
    builds["fresh"] = one_build(project, out / "fresh", port)
    print(json.dumps(builds))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], json.loads(Path(sys.argv[4]).read_text("utf-8")))
