"""Under `mkdocs serve`, the preview site is written to memory (/dev/shm) instead of to disk.

Why: `mkdocs serve` empties its folder and writes the whole site again on every save. On the
2-core machine's disk that was about 0.15 s of every rebuild (some 200 files); in memory it is
about 0.02 s (benchmarks/README.md). Hugo's server keeps its preview in memory for the same reason.

MkDocs makes a temporary folder for the preview and serves it; that folder becomes a link to one
in memory, so MkDocs' builds, its server and its error pages find everything where they expect
it. Only when /dev/shm is a folder this process can write with room to spare; otherwise the
preview stays on disk, as MkDocs makes it. The folder in memory goes when the server stops, and
one left by a server that was killed (its process no longer running) goes when the next starts.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

MEMORY = Path("/dev/shm")
ROOM = 512 * 1024 * 1024  # bytes free in memory before the preview goes there (the site is ~10 MB)
PREFIX = "esafety-preview-"


def has_room(memory: Path = MEMORY) -> bool:
    try:
        stats = os.statvfs(memory)
    except OSError:
        return False
    return memory.is_dir() and os.access(memory, os.W_OK) and stats.f_bavail * stats.f_frsize >= ROOM


def move_to_memory(site_dir: str, memory: Path = MEMORY) -> Path | None:
    """Make the empty folder `site_dir` a link to a new folder in `memory`: that folder, or None
    (the preview stays where it is) if `site_dir` is not an empty folder or memory has no room."""
    folder = Path(site_dir)
    if folder.is_symlink() or not folder.is_dir() or any(folder.iterdir()) or not has_room(memory):
        return None
    _remove_left_behind(memory)
    try:
        target = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=memory))
    except OSError:
        return None
    try:
        folder.rmdir()
        folder.symlink_to(target, target_is_directory=True)
    except OSError:
        folder.mkdir(exist_ok=True)
        shutil.rmtree(target, ignore_errors=True)
        return None
    return target


def back_to_disk(site_dir: str, target: Path) -> None:
    """Remove the folder in memory and the link to it, leaving the empty folder MkDocs made (it
    removes that itself)."""
    link = Path(site_dir)
    if link.is_symlink():
        link.unlink()
        link.mkdir()
    shutil.rmtree(target, ignore_errors=True)


def _remove_left_behind(memory: Path) -> None:
    """Remove the preview folders of servers that were killed, so memory is not used up."""
    for folder in memory.glob(f"{PREFIX}*"):
        pid = folder.name[len(PREFIX):].partition("-")[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True
