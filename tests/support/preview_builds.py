"""Rebuilds as `mkdocs serve` makes them, in one process, for tests/test_markdown_cache.py:

    python preview_builds.py <project> <out> <port> <edits.json>

builds <project> into <out>/first, makes each edit ([file, text added at its end]),
builds into <out>/kept (pages unchanged reuse their conversion), then forgets every conversion and
builds the same files into <out>/fresh. Prints, as JSON, each build's warnings, whether it stopped,
and how many pages each build converted, parsed for search and reused (each cache's STATS).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from build_worker import build_here  # this folder's: run as a script, it leads sys.path
from esafety_portal import markdown_cache, search_entries_cache

CACHES = {"markdown": markdown_cache, "search": search_entries_cache}


def one_build(project: Path, site: Path, port: str) -> dict:
    before = {name: dict(cache.STATS) for name, cache in CACHES.items()}
    records, stopped = build_here(project, site, command="serve", serve_url=f"http://127.0.0.1:{port}/",
                                  dev_addr=f"127.0.0.1:{port}")
    return {"warnings": [record.getMessage() for record in records], "stopped": stopped,
            **{name: {what: count - before[name][what] for what, count in cache.STATS.items()}
               for name, cache in CACHES.items()}}


def main(project: Path, out: Path, port: str, edits: list[list[str]]) -> None:
    os.chdir(project)
    builds = {"first": one_build(project, out / "first", port)}
    for file, added in edits:
        with (project / file).open("a", encoding="utf-8") as edited:
            edited.write(added)
    builds["kept"] = one_build(project, out / "kept", port)
    for cache in CACHES.values():
        cache.forget()
    builds["fresh"] = one_build(project, out / "fresh", port)
    print(json.dumps(builds))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], json.loads(Path(sys.argv[4]).read_text("utf-8")))
