"""kept_findings.py: a check runs once for the same bytes, name and schemas, again for any other;
each caller gets its own list; data with no bytes (a test's own) is never kept."""
from __future__ import annotations

from esafety_portal import kept_findings
from esafety_portal.rules import DataFile


def counting():
    made = []

    def run():
        made.append(1)
        return [f"finding {len(made)}"]
    return made, run


def test_a_check_runs_once_for_the_same_bytes_name_and_schemas():
    kept_findings.forget()
    made, run = counting()
    assert kept_findings.kept_verdict(b"id: a\n", "data/f.yml", "ids", run) == ["finding 1"]
    assert kept_findings.kept_verdict(b"id: a\n", "data/f.yml", "ids", run) == ["finding 1"]
    assert len(made) == 1
    for other in [(b"id: b\n", "data/f.yml", "ids", b""), (b"id: a\n", "data/g.yml", "ids", b""),
                  (b"id: a\n", "data/f.yml", "dates", b""), (b"id: a\n", "data/f.yml", "ids", b"new schemas")]:
        kept_findings.kept_verdict(*other[:3], run, made_with=other[3])
    assert len(made) == 5


def test_each_caller_gets_its_own_list():
    kept_findings.forget()
    first = kept_findings.kept_verdict(b"x", "data/f.yml", "ids", lambda: ["one"])
    first.append("added by the first caller")
    assert kept_findings.kept_verdict(b"x", "data/f.yml", "ids", lambda: ["other"]) == ["one"]


def test_a_file_with_no_bytes_is_checked_every_time():
    made, run = counting()
    data_file = DataFile("data/f.yml", "framework", {"id": "a"})  # not read from a file: nothing to key by
    assert kept_findings.kept_for(data_file, "ids", run) == ["finding 1"]
    assert kept_findings.kept_for(data_file, "ids", run) == ["finding 2"]
    read = DataFile("data/f.yml", "framework", {"id": "a"}, b"id: a\n")
    kept_findings.forget()
    assert kept_findings.kept_for(read, "ids", run) == kept_findings.kept_for(read, "ids", run) == ["finding 3"]


def test_what_is_kept_is_bounded_the_oldest_going_first(monkeypatch):
    monkeypatch.setattr(kept_findings._findings, "most", 2)
    kept_findings.forget()
    made, run = counting()
    for raw in (b"a", b"b", b"c"):
        kept_findings.kept_verdict(raw, "data/f.yml", "ids", run)
    kept_findings.kept_verdict(b"c", "data/f.yml", "ids", run)
    assert len(made) == 3
    kept_findings.kept_verdict(b"a", "data/f.yml", "ids", run)  # gone: made again
    assert len(made) == 4
