"""Check records: every item of a current framework says where its wording was checked (the
address, the section, the day, the publisher's own text or a secondary copy). The build refuses a
current item without one; advice cannot label an item a duty; make review lists the items checked
only against secondary copies, oldest first; data/site.yml can refuse to publish them."""
from __future__ import annotations

import shutil

import pytest

from esafety_portal import review
from esafety_portal.checks import NOT_STATUTORY, SECONDARY
from esafety_portal.errors import ContentErrors
from esafety_portal.load import load_content
from support.project_copy import copy_project, replace_in
from support.site import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "frameworks" / "example-standards.yml"
TARGET = "data/frameworks/example-standards.yml"
STANDARD_2_CHECK = """    checked:
      source: https://www.example.net/copy-of-standard-2
      section: Standard 2
      date: 2026-11-18
      against: secondary copy
      copy_of: Testshire's briefing for governors
"""


@pytest.fixture
def project(tmp_path):
    project = copy_project(tmp_path / "project", parts=("data",))
    (project / "data" / "frameworks").mkdir(exist_ok=True)
    shutil.copy(FIXTURE, project / TARGET)
    return project


def errors_of(project, **kwargs):
    with pytest.raises(ContentErrors) as caught:
        load_content(project, **kwargs)
    return caught.value


def test_a_current_item_without_its_check_record_is_refused(project):
    replace_in(project / TARGET, STANDARD_2_CHECK, "")
    id_line = (project / TARGET).read_text("utf-8").splitlines().index("  - id: example-standard-2") + 1
    errors = errors_of(project)
    [error] = [e for e in errors.errors if "has no check record" in e.problem]
    assert (error.file, error.line, error.path) == (TARGET, id_line, "items[1]")
    assert "'example-standard-2'" in error.problem and error.fix.startswith("add 'checked:'")


def test_a_historical_framework_needs_no_check_records(project):
    replace_in(project / TARGET, STANDARD_2_CHECK, "")
    replace_in(project / TARGET, "status: current", "status: historical")
    load_content(project)  # no error


def test_a_secondary_copy_says_whose_it_is(project):
    line = replace_in(project / TARGET, "      copy_of: Testshire's briefing for governors\n", "") - 1
    [error] = [e for e in errors_of(project).errors if "does not say whose" in e.problem]
    assert (error.file, error.line, error.path) == (TARGET, line, "items[1].checked.against")


def test_non_statutory_advice_cannot_label_an_item_a_duty(project):
    replace_in(project / TARGET, "status: current", "status: current\nstanding: 'Current non-statutory advice'")
    line = replace_in(project / TARGET, "    kind: standard\n    group: example-group-review", "    kind: duty\n"
                      "    group: example-group-review")
    [error] = [e for e in errors_of(project).errors if "labels 'example-standard-2' a duty" in e.problem]
    assert (error.file, error.line, error.path) == (TARGET, line, "items[1].kind") and "advice" in error.fix


def test_statutory_guidance_may_label_an_item_a_duty(project):
    replace_in(project / TARGET, "status: current", "status: current\nstanding: 'Current statutory guidance'")
    replace_in(project / TARGET, "    kind: standard\n    group: example-group-review", "    kind: duty\n"
               "    group: example-group-review")
    load_content(project)  # no error


def test_review_lists_the_items_checked_only_against_secondary_copies_oldest_first(project):
    lines = review.secondary_report(load_content(project))
    listed = [line for line in lines if TARGET in line]
    assert [line.split()[0] for line in listed] == ["2026-11-18", "2026-11-19"]
    assert "example-standard-2: Standard 2, in Testshire's briefing for governors" in listed[0]
    assert "example-question-1" in listed[1] and not any("example-standard-1" in line for line in lines)


def test_a_county_can_refuse_to_publish_items_checked_only_against_secondary_copies(project, capsys):
    replace_in(project / "data" / "site.yml", "language: en-GB", "refuse_secondary_copies: true\nlanguage: en-GB")
    refused = [e for e in errors_of(project).errors if "refuse_secondary_copies: true" in e.problem]
    assert {(e.file, e.path) for e in refused if e.file == TARGET} == {
        (TARGET, "items[1].checked.against"), (TARGET, "items[2].checked.against")}
    assert all(e.fix.startswith("check the wording against the publisher's own text") for e in refused)
    # The editors' report still runs, and says the setting is on.
    assert review.main([str(project)]) == 0
    assert "refuses to publish them" in capsys.readouterr().out


def test_the_setting_is_off_by_default(project):
    assert load_content(project).site.refuse_secondary_copies is False


# -- the real data, by rules every valid content keeps ---------------------------------------
def test_every_current_item_in_the_data_carries_its_check_record(content):
    for fw in content.frameworks:
        if not fw.current:
            continue
        for item in fw.items:
            record = item.extra.checked
            assert record and record.source.startswith("https://") and record.section, item.id
            assert bool(record.copy_of) == (record.against == SECONDARY), item.id
            if NOT_STATUTORY.search(fw.standing):
                assert "duty" not in item.kind.split(), item.id


def test_check_record_mistakes_show_even_when_the_file_has_other_mistakes(project):
    """Rules run on every file that reads: a hostile-values build once showed a mistake only after
    the rest of the file had been mended."""
    replace_in(project / TARGET, "status: current", "status: current\norder: first")  # a schema error
    line = replace_in(project / TARGET, "      against: publisher\n", "      against: publisher\n"
                      "      copy_of: Someone\n") + 1
    errors = errors_of(project).errors
    assert any(e.path == "order" for e in errors)
    [error] = [e for e in errors if "is given for the publisher's own text" in e.problem]
    assert (error.file, error.line, error.path) == (TARGET, line, "items[0].checked.copy_of")


# Phrases about how the content was made, which a reader should never meet: a statement is either
# checked (and its check record says where) or left out.
HOW_IT_WAS_MADE = ("out of reach", "could not confirm", "we could not", "not checked", "unable to confirm")


def test_no_published_page_or_open_data_speaks_of_how_the_content_was_made(built_site):
    found = []
    for path in built_site.rglob("*"):
        if path.suffix not in {".html", ".json", ".xml"}:
            continue
        text = path.read_text("utf-8", errors="replace").lower()
        found += [f"{path.relative_to(built_site)}: {phrase!r}" for phrase in HOW_IT_WAS_MADE if phrase in text]
    assert not found, found
