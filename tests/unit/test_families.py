"""families.py: each family owns its kinds and reference fields; an entry needs only a schema and
where its files are, and every behaviour it names exists."""
from __future__ import annotations

import pytest

from esafety_portal.families import FAMILIES, Family, family_of
from esafety_portal.registry import function, named_functions
from esafety_portal.rules import DataFile, check_references, collect_ids
from support.content_factory import data_files, framework, template


def test_a_new_family_is_one_line_with_the_old_arguments():
    guide = Family("guide", folder="guides", page="", kinds={"steps": "step"})
    assert (guide.key, guide.heading, guide.build, guide.own_kind, guide.references) == ("guide", "Guide", "", "", {})
    assert guide.exports and guide.pages  # its data is published and a template would make its page
    contacts = Family("contacts", file="contacts.yml", page="contacts.md", kinds={"contacts": "contact"})
    assert contacts.owns("data/contacts.yml") and not contacts.owns("data/contacts/x.yml")
    assert guide.owns("data/guides/online-bullying.yml") and not guide.owns("data/templates/x.yml")


def test_every_function_a_family_names_exists():
    assert named_functions()  # the real table names its builders, pages and exports
    for name in named_functions():
        assert callable(function(name)), name


def test_a_name_that_is_not_a_function_is_reported():
    with pytest.raises(LookupError, match="'open_data:no_such_thing'"):
        function("open_data:no_such_thing")


def test_each_family_is_found_by_its_schema():
    assert all(family_of(f.schema) is f for f in FAMILIES)
    assert family_of("no-such-schema") is None


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
