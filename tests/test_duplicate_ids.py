"""duplicate_ids on small in-memory occurrences: which one keeps an id, and a distinct free id
for every other one."""
from __future__ import annotations

import os

from esafety_portal.duplicate_ids import Occurrence, resolve
from esafety_portal.rules import next_free_id


def occurrences(*rows):
    """(id, file, line, file_id) rows, in load order."""
    files = list(dict.fromkeys(row[1] for row in rows))
    return [Occurrence(i, f, line, files.index(f), own, n) for n, (i, f, line, own) in enumerate(rows)]


def test_no_clash_no_git_asked(tmp_path):
    assert resolve(occurrences(("a-1", "data/a.yml", 3, "a"), ("a-2", "data/a.yml", 5, "a")), tmp_path,
                   next_free_id) == []


def test_the_older_file_keeps_its_ids_and_each_copy_gets_its_own(tmp_path):
    (tmp_path / "data").mkdir()
    for name, when in (("b.yml", 1_000), ("a.yml", 2_000)):  # a.yml loads first but is newer
        (tmp_path / "data" / name).write_text("")
        os.utime(tmp_path / "data" / name, (when, when))
    rows = [("b", "data/a.yml", 1, "b")] + [(f"b-0{n}", "data/a.yml", n + 1, "b") for n in range(1, 4)]
    rows += [("b", "data/b.yml", 1, "b")] + [(f"b-0{n}", "data/b.yml", n + 1, "b") for n in range(1, 4)]
    clashes = resolve(occurrences(*rows), tmp_path, next_free_id)
    assert {c.new.file for c in clashes} == {"data/a.yml"} and {c.kept.file for c in clashes} == {"data/b.yml"}
    assert all(c.published for c in clashes)  # without git, the older one is taken to be published
    # The copy's own id becomes its file's name, and its other ids follow it.
    assert [c.suggestion for c in clashes] == ["a", "a-01", "a-02", "a-03"]


def test_suggestions_never_repeat_or_take_a_used_id(tmp_path):
    rows = [("x-07", "data/t.yml", 10, "t"), ("x-08", "data/t.yml", 11, "t")]
    rows += [("x-07", "data/t.yml", 20 + n, "t") for n in range(3)]
    clashes = resolve(occurrences(*rows), tmp_path, next_free_id)
    assert [c.suggestion for c in clashes] == ["x-09", "x-10", "x-11"]
    assert {c.kept.line for c in clashes} == {10}  # the one higher in its file
