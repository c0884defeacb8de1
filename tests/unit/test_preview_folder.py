"""esafety_portal/preview_folder.py, with a folder of the test's standing in for memory: MkDocs'
empty preview folder becomes a link to a new folder there, written through; it stays as it is
when it is not empty or memory has no room; stopping removes both; a killed server's folder goes
when the next starts, a running one's stays; a lock file swept before it was locked makes no
folder. (The real `mkdocs serve`: tests/test_live_preview.py.)"""
from __future__ import annotations

import fcntl
import subprocess
import sys
import textwrap

import pytest

from esafety_portal import preview_folder


def test_the_empty_preview_folder_becomes_a_link_to_memory_and_stopping_removes_it(tmp_path):
    memory, site = tmp_path / "memory", tmp_path / "mkdocs_site"
    memory.mkdir()
    site.mkdir()
    target = preview_folder.move_to_memory(str(site), memory)
    assert target is not None and target.parent == memory and target.name.startswith(preview_folder.PREFIX)
    assert site.is_symlink() and site.resolve() == target.resolve()
    lock_file = memory / f"{target.name}.lock"
    with open(lock_file) as other, pytest.raises(BlockingIOError):
        fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held while the server runs
    (site / "index.html").write_text("written through the link", "utf-8")
    assert (target / "index.html").read_text("utf-8") == "written through the link"

    preview_folder.back_to_disk(str(site), target)
    assert not target.exists() and not lock_file.exists()
    assert site.is_dir() and not site.is_symlink() and not any(site.iterdir())


def test_the_preview_stays_on_disk_when_its_folder_is_not_empty_or_memory_has_no_room(tmp_path, monkeypatch):
    memory, site = tmp_path / "memory", tmp_path / "mkdocs_site"
    memory.mkdir()
    site.mkdir()
    (site / "kept.html").write_text("", "utf-8")
    assert preview_folder.move_to_memory(str(site), memory) is None and not site.is_symlink()
    (site / "kept.html").unlink()
    assert preview_folder.move_to_memory(str(site), tmp_path / "no-such-folder") is None
    monkeypatch.setattr(preview_folder, "ROOM", 1 << 62)
    assert not preview_folder.has_room(memory)
    assert preview_folder.move_to_memory(str(site), memory) is None
    assert site.is_dir() and not site.is_symlink() and list(memory.iterdir()) == []


def test_a_killed_servers_folder_goes_when_the_next_starts_and_a_running_ones_stays(tmp_path):
    """A server's folder is in use while a process holds the lock on the file beside it."""
    memory = tmp_path / "memory"
    memory.mkdir()
    killed, running, other = (memory / f"{preview_folder.PREFIX}killed", memory / f"{preview_folder.PREFIX}running",
                              memory / "someone-elses")
    for folder in (killed, running, other):
        folder.mkdir()
        (folder / "index.html").write_text("", "utf-8")
        (memory / f"{folder.name}.lock").write_text("", "utf-8")
    # A server that is still running: another process holding its lock.
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import fcntl, sys
        lock = open({str(memory / (running.name + ".lock"))!r})
        fcntl.flock(lock, fcntl.LOCK_EX)
        print("locked", flush=True)
        sys.stdin.read()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        site = tmp_path / "mkdocs_site"
        site.mkdir()
        target = preview_folder.move_to_memory(str(site), memory)
        assert target is not None
        left = sorted(p.name for p in memory.iterdir())
        assert left == sorted([running.name, f"{running.name}.lock", other.name, f"{other.name}.lock",
                               target.name, f"{target.name}.lock"]), left
        preview_folder.back_to_disk(str(site), target)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_a_lock_file_swept_before_it_was_locked_leaves_the_preview_on_disk(tmp_path, monkeypatch):
    """Another server starting at the same moment may sweep a lock file just made and not yet
    locked; a folder made after that could never be swept, so none is made."""
    memory, site = tmp_path / "memory", tmp_path / "mkdocs_site"
    memory.mkdir()
    site.mkdir()
    lock = fcntl.flock

    def swept_first(file, operation):
        next(memory.glob(f"{preview_folder.PREFIX}*")).unlink()  # the only file there: the new lock file
        lock(file, operation)

    monkeypatch.setattr(fcntl, "flock", swept_first)
    assert preview_folder.move_to_memory(str(site), memory) is None
    monkeypatch.undo()
    assert site.is_dir() and not site.is_symlink() and list(memory.iterdir()) == []
