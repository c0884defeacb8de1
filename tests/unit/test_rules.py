"""rules.py: kinds and reference fields belong to the family whose file holds them; what is read from
a file is kept with its bytes, and checked against the other files on every load."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from esafety_portal.rules import DataFile, check_dates, check_family_pages, check_references, collect_ids
from esafety_portal.yaml_loader import LineList
from support.content_factory import data_files, framework, template


def test_a_list_is_typed_only_in_the_family_that_owns_its_name():
    # `support` is a list of the 2010 survey's details (the framework family). The same name in a
    # template file is not typed, so its ids are not taken for the survey's.
    fw = framework("fw-a", [("a-1", "standard", "Do this.")], survey={"support": [{"id": "support-x"}]})
    tpl = template("tpl-a", [("tpl-a-01", "I will.")], support=[{"id": "support-y"}])
    ids, errors = collect_ids(data_files(frameworks=[fw], templates=[tpl]))
    assert not errors
    assert ids["support-x"].kind == "support"
    assert "support-y" not in ids


def test_a_reference_field_is_checked_only_in_the_family_that_owns_it():
    # part_of is a reference to an organisation in organisations.yml; a field of that name in a
    # template is the template's own business.
    orgs = [{"id": "org-a", "part_of": "missing-org", "mentioned_in": []}]
    tpl = template("tpl-a", [("tpl-a-01", "I will.")], part_of="anything")
    files = data_files(organisations=orgs, templates=[tpl])
    ids, _ = collect_ids(files)
    problems = check_references(files, ids)
    assert [(e.file, e.problem) for e in problems] == [
        ("data/organisations.yml", "refers to 'missing-org', which does not exist")]


def test_a_file_of_no_family_has_no_kinds_or_references():
    stray = DataFile("data/stray.yml", "stray", {"things": [{"id": "t-1", "addresses": ["nowhere"]}]})
    ids, errors = collect_ids([stray])
    assert ids == {} and errors == [] and check_references([stray], ids) == []


def test_a_file_of_a_family_with_its_own_kind_has_its_id_typed_by_it():
    ids, _ = collect_ids(data_files(frameworks=[framework("fw-a")], templates=[template("tpl-a")]))
    assert (ids["fw-a"].kind, ids["tpl-a"].kind) == ("framework", "template")


def test_a_family_file_needs_the_hand_written_pages_it_is_shown_on(tmp_path):
    files = data_files() + [DataFile("data/duties.yml", "duties", {})]
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "school-year.md").write_text("# The school's year\n")
    found = [str(e) for e in check_family_pages(files, docs)]
    assert found == [
        "data/organisations.yml:1: is shown on the page docs/organisations.md, which is missing — restore "
        "docs/organisations.md from the last good version: the portal puts this file's items on it, and every "
        "link to them goes there",
        "data/duties.yml:1: is shown on the page docs/training-record.md, which is missing — restore "
        "docs/training-record.md from the last good version: the portal puts this file's items on it, and every "
        "link to them goes there"]
    assert check_family_pages(data_files(), None) == [], "only data/ checked: pages are not"
    (docs / "organisations.md").write_text("# Organisations\n")
    assert check_family_pages(data_files(), docs) == [], "an optional file that is not there needs no page"


# -- what is read from a file is kept with its bytes; what it means is decided on each load -------
def as_read(files: list[DataFile]) -> list[DataFile]:
    """The files as a load hands them over: with bytes (here a stand-in, distinct for distinct data)."""
    return [replace(f, raw=repr((f.shown_as, f.data)).encode()) for f in files]


def test_a_kept_reference_is_checked_against_the_ids_of_each_load():
    tpl = template("tpl-a", [("tpl-a-01", "I will.")])
    tpl["sections"][0]["clauses"][0]["addresses"] = LineList(["a-1"])

    def problems(items):
        files = as_read(data_files(frameworks=[framework("fw-a", items)], templates=[tpl]))
        return [e.problem for e in check_references(files, collect_ids(files)[0])]

    assert problems([("a-1", "feature", "Do this.")]) == []
    assert problems([("a-2", "feature", "Do this.")]) == ["refers to 'a-1', which does not exist"]
    assert problems([("a-1", "recommendation", "Do this.")]) == []
    assert problems([("a-1", "feature", "Do this.")]) == []


def test_a_kept_file_clashes_with_an_id_another_file_gives_later():
    first = framework("fw-a", [("x-1", "feature", "Do this.")])
    ids, errors = collect_ids(as_read(data_files(frameworks=[first])))
    assert errors == [] and ids["x-1"].file == "data/frameworks/fw-a.yml"
    second = framework("fw-b", [("x-1", "feature", "Do that.")])
    ids, errors = collect_ids(as_read(data_files(frameworks=[first, second])))
    assert [(e.file, e.path) for e in errors] == [("data/frameworks/fw-b.yml", "items[0].id")]
    assert ids["x-1"].file == "data/frameworks/fw-a.yml"


def test_a_kept_file_s_dates_are_checked_against_each_load_s_today():
    files = as_read(data_files(frameworks=[framework("fw-a", changes=[{"date": "2026-06-01", "summary": "New."}])]))
    found = lambda today: [e.problem for e in check_dates(files, today)]  # noqa: E731
    assert found(dt.date(2026, 5, 31)) == ["'2026-06-01' is in the future"]
    assert found(dt.date(2026, 6, 1)) == []
    assert found(dt.date(2026, 5, 31)) == ["'2026-06-01' is in the future"]


def test_kept_findings_are_the_findings_made_afresh():
    tpl = template("tpl-a", [("tpl-a-01", "I will.")])
    tpl["sections"][0]["clauses"][0]["addresses"] = LineList(["nowhere", "a-1"])
    records = {"frameworks": [framework("fw-a", [("a-1", "feature", "Do this."), ("tpl-a-01", "feature", "Twice.")],
                                        changes=[{"date": "2099-01-01", "summary": "Later."}])],
               "templates": [tpl]}

    def everything(files):
        ids, errors = collect_ids(files)
        return sorted(errors + check_references(files, ids) + check_dates(files, dt.date(2026, 1, 1)))

    fresh = everything(data_files(**records))
    assert len(fresh) == 3  # the clash, the missing reference, the future date
    assert everything(as_read(data_files(**records))) == fresh  # worked out, then kept
    assert everything(as_read(data_files(**records))) == fresh  # from what was kept
