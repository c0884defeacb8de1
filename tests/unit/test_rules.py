"""rules.py: kinds and reference fields belong to the family whose file holds them."""
from __future__ import annotations

from esafety_portal.rules import DataFile, check_family_pages, check_references, collect_ids
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
