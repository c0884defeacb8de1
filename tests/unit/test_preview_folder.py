"""esafety_portal/preview_folder.py, with a folder of the test's standing in for memory: MkDocs'
empty preview folder becomes a link to a new folder there, written through; it stays as it is
when it is not empty or memory has no room; stopping removes both; a killed server's folder goes
when the next starts, a running one's stays. (The real `mkdocs serve`: tests/test_live_preview.py.)"""
from __future__ import annotations

import os
import subprocess
import sys

from esafety_portal import preview_folder


def test_the_empty_preview_folder_becomes_a_link_to_memory_and_stopping_removes_it(tmp_path):
    memory, site = tmp_path / "memory", tmp_path / "mkdocs_site"
    memory.mkdir()
    site.mkdir()
    target = preview_folder.move_to_memory(str(site), memory)
    assert target is not None and target.parent == memory
    assert target.name.startswith(f"{preview_folder.PREFIX}{os.getpid()}-")
    assert site.is_symlink() and site.resolve() == target.resolve()
    (site / "index.html").write_text("written through the link", "utf-8")
    assert (target / "index.html").read_text("utf-8") == "written through the link"

    preview_folder.back_to_disk(str(site), target)
    assert not target.exists() and site.is_dir() and not site.is_symlink() and not any(site.iterdir())


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
    memory = tmp_path / "memory"
    memory.mkdir()
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    killed = memory / f"{preview_folder.PREFIX}{ended.stdout.strip()}-abc"
    running = memory / f"{preview_folder.PREFIX}{os.getpid()}-def"
    other = memory / "someone-elses"
    for folder in (killed, running, other):
        folder.mkdir()
        (folder / "index.html").write_text("", "utf-8")
    site = tmp_path / "mkdocs_site"
    site.mkdir()
    target = preview_folder.move_to_memory(str(site), memory)
    assert sorted(p.name for p in memory.iterdir()) == sorted([running.name, other.name, target.name])
    preview_folder.back_to_disk(str(site), target)
