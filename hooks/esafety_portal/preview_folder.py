"""Under `mkdocs serve`, the preview site is written to memory (/dev/shm) instead of to disk.

Why: `mkdocs serve` empties its folder and writes the whole site again on every save. On the
2-core machine's disk that was about 0.15 s of every rebuild (some 200 files); in memory it is
about 0.02 s (benchmarks/README.md). Hugo's server keeps its preview in memory for the same reason.

MkDocs makes a temporary folder for the preview and serves it; that folder becomes a link to one
in memory, so MkDocs' builds, its server and its error pages find everything where they expect
it. Only when /dev/shm is a folder this process can write with room to spare; otherwise the
preview stays on disk, as MkDocs makes it. The folder in memory goes when the server stops, and
one left by a server that was killed goes when the next starts: each server holds a lock on a file
beside its folder for as long as it runs, and the kernel lets the lock go when the process ends,
however it ends (a process number could be reused, or belong to another container).
"""
from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from pathlib import Path

MEMORY = Path("/dev/shm")
ROOM = 512 * 1024 * 1024  # bytes free in memory before the preview goes there (the site is ~10 MB)
PREFIX = "esafety-preview-"
LOCK = ".lock"  # a folder's lock file is its name and this, beside it
_LOCKS: dict[Path, object] = {}  # folder -> its lock file, open (and locked) while the server runs


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
        # The lock file first, and locked, then the folder named after it: a sweep by another
        # server starting at the same moment never sees a folder of ours without a held lock.
        handle, lock_file = tempfile.mkstemp(prefix=PREFIX, suffix=LOCK, dir=memory)
    except OSError:
        return None
    target = _folder_of(Path(lock_file))
    _LOCKS[target] = lock = os.fdopen(handle, "w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        if os.fstat(lock.fileno()).st_nlink == 0:
            # Another server's sweep took the lock file before we locked it: a folder made now
            # could never be swept if this server were killed, so the preview stays on disk.
            raise OSError("the lock file was removed before it was locked")
        target.mkdir(mode=0o700)
        folder.rmdir()
        folder.symlink_to(target, target_is_directory=True)
    except OSError:
        folder.mkdir(exist_ok=True)
        _remove(target)
        return None
    return target


def back_to_disk(site_dir: str, target: Path) -> None:
    """Remove the folder in memory and the link to it, leaving the empty folder MkDocs made (it
    removes that itself)."""
    link = Path(site_dir)
    if link.is_symlink():
        link.unlink()
        link.mkdir()
    _remove(target)


def _lock_of(folder: Path) -> Path:
    return folder.with_name(folder.name + LOCK)


def _folder_of(lock_file: Path) -> Path:
    return lock_file.with_name(lock_file.name.removesuffix(LOCK))


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    _lock_of(folder).unlink(missing_ok=True)
    lock = _LOCKS.pop(folder, None)
    if lock is not None:
        lock.close()


def _remove_left_behind(memory: Path) -> None:
    """Remove the preview folders whose server has ended, so memory is not used up: those whose
    lock file no process holds."""
    for lock_file in memory.glob(f"{PREFIX}*{LOCK}"):
        try:
            with open(lock_file, "a") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)  # fails while its server runs
                _remove(_folder_of(lock_file))
        except OSError:
            continue
