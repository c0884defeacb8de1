"""Response guides (esafety_portal/guides.py) on small fixture guides: the typed model, and one
test per mistake an editor can make in a guide, each with its file:line and its fix."""
from __future__ import annotations

import pytest

from esafety_portal.load import load_content
from support.guides import guide_project
from support.project_copy import content_errors, replace_in

GUIDE = "data/guides/fixture-nudes.yml"


@pytest.fixture
def project(tmp_path):
    return guide_project(tmp_path / "project")


def mistake(project, old: str, new: str, message: str, file: str = GUIDE):
    """Change `old` to `new` in `file`: the one error whose problem says `message`, and the line."""
    line = replace_in(project / file, old, new)
    errors = [e for e in content_errors(project) if message in e.problem]
    assert len(errors) == 1, errors
    return errors[0], line


def test_the_fixture_guides_load_in_order_with_their_contacts(project):
    guides = load_content(project).guides
    assert [g.id for g in guides.guides] == ["fixture-nudes", "fixture-scare"]  # by order:
    nudes = guides.guides[0]
    assert [s.number for s in nudes.steps] == [1, 2, 3, 4]
    assert nudes.steps[1].branches[0].go == "call-police"
    assert nudes.contact_ids() == ["fixture-lado", "fixture-helpline", "fixture-police"]
    assert [c.id for c in guides.examples()] == ["fixture-lado"]
    assert guides.contacts["fixture-police"].tel == "tel:999"
    assert guides.contacts["fixture-helpline"].checked.section == "Contact us"


def test_no_guides_and_no_national_contacts_still_load(project):
    for path in (project / "data" / "guides").iterdir():
        path.unlink()
    (project / "data" / "contacts.yml").unlink()
    assert load_content(project).guides.guides == ()


def test_an_unknown_source_is_named_with_a_suggestion(project):
    error, line = mistake(project, "sources: [example-standard-1]", "sources: [example-standrd-1]",
                          "refers to 'example-standrd-1'")
    assert (error.file, error.line, error.path) == (GUIDE, line, "steps[0].sources[0]")
    assert "example-standard-1" in error.fix


def test_a_branch_to_a_missing_step_suggests_the_near_one(project):
    error, line = mistake(project, "go: call-police", "go: call-polce", "not a step of this guide")
    assert (error.file, error.line, error.path) == (GUIDE, line, "steps[1].branches[0].go")
    assert error.fix == "did you mean 'call-police'?"


@pytest.mark.parametrize("target, words", [("tell-dsl", "an earlier step"), ("assess", "this step itself")])
def test_a_branch_goes_forward_only(project, target, words):
    error, line = mistake(project, "go: record", f"go: {target}", words)
    assert (error.file, error.line, error.path) == (GUIDE, line, "steps[1].branches[1].go")
    assert "use the id of a later step" in error.fix


def test_a_step_with_no_actor(project):
    line = replace_in(project / GUIDE, "    actor: dsl\n    title: Decide", "    title: Decide")
    errors = [e for e in content_errors(project) if "actor" in e.problem + e.fix]
    assert len(errors) == 1, errors
    assert (errors[0].file, errors[0].line, errors[0].path) == (GUIDE, line - 1, "steps[1]")


def test_an_unknown_role(project):
    line = replace_in(project / GUIDE, "actor: dsl", "actor: dls")
    errors = [e for e in content_errors(project) if e.path == "steps[1].actor"]
    assert len(errors) == 1, errors
    assert errors[0].line == line and "dsl" in errors[0].fix


def test_an_unknown_contact_suggests_the_near_one_and_where_to_add_it(project):
    error, line = mistake(project, "contacts: [fixture-lado,", "contacts: [fixture-lad,", "names the contact")
    assert (error.file, error.line, error.path) == (GUIDE, line, "steps[1].contacts[0]")
    assert "did you mean 'fixture-lado'?" in error.fix and "data/site.yml" in error.fix


def test_a_contact_id_given_twice(project):
    error, line = mistake(project, "id: fixture-helpline", "id: fixture-lado", "already used", file="data/contacts.yml")
    assert (error.file, error.line, error.path) == ("data/contacts.yml", line, "contacts[0].id")
    assert "data/site.yml" in error.problem


def test_a_step_with_neither_sources_nor_source_note(project):
    text = (project / GUIDE).read_text("utf-8")
    last = text.rindex("    source_note:")
    (project / GUIDE).write_text(text[:last], "utf-8")
    line = text[:text.index("  - id: record")].count("\n") + 1
    errors = [e for e in content_errors(project) if "no sources and no source_note" in e.problem]
    assert len(errors) == 1, errors
    assert (errors[0].file, errors[0].line, errors[0].path) == (GUIDE, line, "steps[3]")
    assert "source_note:" in errors[0].fix


def test_duplicate_step_ids(project):
    error, line = mistake(project, "- id: record", "- id: assess", "already used by step 2")
    assert (error.file, error.line, error.path) == (GUIDE, line, "steps[3].id")
    assert "its own id" in error.fix


def test_the_file_name_is_the_id(project):
    error, line = mistake(project, "id: fixture-nudes", "id: fixture-nude", "but the file is called")
    assert (error.file, error.line, error.path) == (GUIDE, line, "id")
    assert "'fixture-nudes'" in error.fix


def test_a_guide_cannot_take_the_index_pages_name(project):
    (project / "data" / "guides" / "fixture-scare.yml").rename(project / "data" / "guides" / "index.yml")
    replace_in(project / "data" / "guides" / "index.yml", "id: fixture-scare", "id: index")
    errors = [e for e in content_errors(project) if "portal's own page" in e.problem]
    assert [e.file for e in errors] == ["data/guides/index.yml"]


@pytest.mark.parametrize("taken", ["contacts", "steps", "fixture-nudes"])
def test_a_step_cannot_take_an_anchor_of_the_page_itself(project, taken):
    error, line = mistake(project, "- id: record", f"- id: {taken}", "the guide page's own heading")
    assert (error.file, error.line, error.path) == (GUIDE, line, "steps[3].id")
    assert "choose another id" in error.fix


def test_review_lists_the_county_contacts_that_are_still_examples(project, capsys):
    from esafety_portal import review

    assert review.main([str(project)]) == 0
    report = capsys.readouterr().out
    listed = report[report.index("County contacts that are still examples"):]
    assert "fixture-lado: Fixture local authority designated officer (LADO), 01000 000000" in listed
    assert "fixture-police" not in listed  # example: false
    replace_in(project / "data" / "site.yml", "    example: true", "    example: false")  # the entry, not a comment
    assert "None: no county contact is marked as an example." in review.example_contacts_report(load_content(project))


def test_a_national_contact_checked_against_a_copy_says_whose(project):
    error, line = mistake(project, "against: publisher", "against: secondary copy", "does not say whose",
                          file="data/contacts.yml")
    assert (error.file, error.line, error.path) == ("data/contacts.yml", line, "contacts[0].checked.against")
    assert "copy_of:" in error.fix
