"""Documents: time making every template's .docx/.odt/.md and the .zip pack with the cache
empty, then again with nothing changed, which must make nothing (content hash, not timestamp).

Before the second run every data file's modification time is moved on and the content loaded
again, so a cache keyed on timestamps would regenerate; the files in .cache/documents/ must be
left exactly as they were (same names, same modification times).
"""
from __future__ import annotations

import os
import shutil
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

CACHE = Path(".cache") / "documents"


@dataclass
class Documents:
    files: int
    cold: list[float]
    unchanged: list[float]
    skipped: bool


def available() -> bool:
    try:
        import esafety_portal.documents.cache  # noqa: F401
    except ImportError:
        return False
    return True


def _snapshot(cache_dir: Path) -> dict[str, int]:
    return {p.relative_to(cache_dir).as_posix(): p.stat().st_mtime_ns for p in sorted(cache_dir.rglob("*"))}


def measure(project: Path, runs: int = 3) -> Documents:
    from esafety_portal.documents.cache import all_documents
    from esafety_portal.load import load_content

    cache_dir = project / CACHE
    cold, unchanged, skipped, files = [], [], True, 0
    for _ in range(runs):
        shutil.rmtree(cache_dir, ignore_errors=True)
        content = load_content(project)
        start = time.perf_counter()
        files = len(all_documents(content.templates, content.site.council, cache_dir))
        cold.append(time.perf_counter() - start)
        before = _snapshot(cache_dir)
        later = time.time() + 60
        for path in (project / "data").rglob("*.yml"):
            os.utime(path, (later, later))
        content = load_content(project)
        start = time.perf_counter()
        all_documents(content.templates, content.site.council, cache_dir)
        unchanged.append(time.perf_counter() - start)
        skipped = skipped and _snapshot(cache_dir) == before and bool(before)
    return Documents(files, cold, unchanged, skipped)


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000
