"""Every mistake an editor can make in data/ gives one clear message naming the file and line,
saying what is wrong and how to fix it. Each test makes one mistake in a copy of the real data."""
from __future__ import annotations

import datetime as dt

import pytest

from esafety_portal.errors import ContentErrors
from esafety_portal.load import load_content
from support.addresses import F10, F12
from support.project_copy import copy_project, replace_in


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path, parts=("data",))


def errors_of(project):
    with pytest.raises(ContentErrors) as caught:
        load_content(project, today=dt.date(2026, 11, 24))
    return caught.value.errors


def only_error(project):
    errors = errors_of(project)
    assert len(errors) == 1, "\n".join(map(str, errors))
    return errors[0]


def test_the_real_data_is_valid(root):
    content = load_content(root)
    assert len(content.features) == 17


def test_yaml_syntax_error(project):
    line = replace_in(project / F12, "title: Leaders make e-Safety a priority",
                      "title: Leaders: make e-Safety a priority")
    error = only_error(project)
    assert (error.file, error.line) == (F12, line)
    assert "is not valid YAML" in error.problem and "quotes" in error.fix


def test_tab_indentation(project):
    line = replace_in(project / F12, "    title: Passwords are shared or weak",
                      "\ttitle: Passwords are shared or weak")
    error = only_error(project)
    assert (error.file, error.line, error.problem) == (F12, line, "is indented with a tab")
    assert "spaces" in error.fix


def test_duplicate_key(project):
    line = replace_in(project / F12, "    title: Passwords are shared or weak\n",
                      "    title: Passwords are shared or weak\n    title: Weak passwords\n") + 1
    error = only_error(project)
    assert (error.file, error.line) == (F12, line)
    assert "repeats the key 'title'" in error.problem and "delete" in error.fix


def test_anchor_and_alias(project):
    path = project / "data/organisations.yml"
    line = replace_in(path, "    mentioned_in: [feature-05]", "    mentioned_in: &shared [feature-05]")
    error = only_error(project)
    assert error.line == line and "anchor" in error.problem and "not allowed" in error.fix
    replace_in(path, "&shared ", "")
    line = replace_in(path, "    mentioned_in: [feature-08]", "    mentioned_in: *shared")
    error = only_error(project)
    assert error.line == line and "alias" in error.problem


def test_yaml_tag(project):
    line = replace_in(project / F10, "  schools: 35", "  schools: !!python/int 35")
    error = only_error(project)
    assert (error.file, error.line) == (F10, line)
    assert error.problem == "uses the YAML tag '!!python/int'"
    assert error.fix == "delete '!!python/int' and write the plain value; data files use no tags"


def test_empty_file(project):
    (project / F12).write_text("# yaml-language-server: $schema=../schema/framework.schema.json\n")
    errors = errors_of(project)
    assert [(e.file, e.line, e.problem) for e in errors if e.file == F12] == [(F12, 1, "is empty")]


def test_file_not_utf8(project):
    path = project / F12
    text = path.read_text("utf-8")
    line = text[: text.index("Whole school")].count("\n") + 1
    path.write_bytes(text.replace("Whole school", "Wh\xf6le school").encode("latin-1"))
    error = only_error(project)
    assert (error.file, error.line, error.problem) == (F12, line, "is not saved as UTF-8 text")
    assert "UTF-8" in error.fix


def test_missing_required_field(project):
    # A framework item's title is optional (the questions have none); its text is required.
    first = (project / F12).read_text("utf-8").splitlines().index("  - id: inadequate-06") + 1
    replace_in(project / F12, "    text: There is no evidence of staff training.\n", "")
    error = only_error(project)
    assert error.file == F12 and error.line == first  # the item's first line
    assert error.path == "items[22]"
    assert error.problem == "missing the required field 'text'" and "add 'text:'" in error.fix


def test_unknown_field_suggests_the_nearest_name(project):
    line = replace_in(project / F12, "    title: Peer mentoring", "    titel: Peer mentoring")
    errors = errors_of(project)
    unknown = [e for e in errors if "unknown field" in e.problem]
    assert len(unknown) == 1
    assert len(errors) == 1, "the typo must not also be reported as a missing 'title'"
    assert (unknown[0].line, unknown[0].problem, unknown[0].fix) == (line, "unknown field 'titel'", "did you mean 'title'?")


def test_wrong_type(project):
    line = replace_in(project / F10, "  schools: 35", "  schools: many")
    errors = errors_of(project)
    assert any(e.line == line and e.problem == "must be a whole number, not text" for e in errors), errors


def test_empty_text(project):
    line = replace_in(project / F12, "text: Policies are generic and not updated.", 'text: ""')
    error = only_error(project)
    assert (error.line, error.path, error.problem) == (line, "items[19].text", "must not be empty")


def test_duplicate_id_suggests_the_next_free_id(project):
    line = replace_in(project / F12, "id: feature-17", "id: feature-16")
    duplicate = [e for e in errors_of(project) if "already used" in e.problem]
    assert len(duplicate) == 1
    assert duplicate[0].line == line and f"already used ({F12}:" in duplicate[0].problem
    assert duplicate[0].fix.endswith("'feature-17'")  # free again, since the item took feature-16


def test_unknown_reference(project):
    line = replace_in(project / F12, "absence_of: [feature-12]", "absence_of: [feature-21]")
    error = only_error(project)
    assert (error.line, error.path) == (line, "items[20].links.absence_of[0]")
    assert error.problem == "refers to 'feature-21', which does not exist"
    assert error.fix == "the ids that exist run from 'feature-01' to 'feature-17'; check which one you meant"


def test_misspelt_reference_suggests_the_nearest_id(project):
    line = replace_in(project / F10, "bodies: [dcsf, becta, ceop, local-authorities]",
                      "bodies: [dcfs, becta, ceop, local-authorities]")
    error = only_error(project)
    assert (error.line, error.problem, error.fix) == (line, "refers to 'dcfs', which does not exist", "did you mean 'dcsf'?")


def test_reference_to_the_wrong_kind(project):
    replace_in(project / F12, "absence_of: [feature-12]", "absence_of: [recommendation-05]")
    error = only_error(project)
    assert "which is a recommendation, not a feature" in error.problem


@pytest.mark.parametrize("bad, problem", [
    ("2026-02-30", "'2026-02-30' is not a real date"),
    ("24/11/2026", "'24/11/2026' is not in the right form"),
    ("2027-01-01", "'2027-01-01' is in the future"),
])
def test_bad_dates(project, bad, problem):
    line = replace_in(project / F12, "last_reviewed: 2026-11-24", f"last_reviewed: {bad}")
    error = only_error(project)
    assert (error.file, error.line, error.problem) == (F12, line, problem)
    assert "YYYY-MM-DD" in error.fix or "today" in error.fix


def test_non_https_url(project):
    line = replace_in(project / "data/organisations.yml", "url: https://swgfl.org.uk/", "url: http://swgfl.org.uk/")
    error = only_error(project)
    assert error.line == line and "https://" in error.fix


def test_non_https_link_in_text(project):
    path = project / F12
    lines = path.read_text().splitlines()
    # A folded text is reported at its key: the features' intro, under kinds: feature:.
    key_line = lines.index("    intro: >-", lines.index("  feature:")) + 1
    replace_in(path, "They are grouped by theme.", "They are grouped by [theme](http://example.org).")
    error = only_error(project)
    assert (error.problem, error.line, error.path) == ("contains a link that is not secure (http://)", key_line,
                                                       "kinds.feature.intro")


@pytest.mark.parametrize("injected, problem", [
    ("<b>not</b>", "contains HTML"),
    ("<script>alert(1)</script>", "contains HTML"),
    ("[click](javascript:alert(1))", "contains a script link (javascript:, data: or vbscript:)"),
    ("{{ config }}", "contains '{{', '{%', '{#', '%}' or '}}'"),
])
def test_unsafe_text(project, injected, problem):
    replace_in(project / F12, "text: There is no internet filtering or monitoring.",
               f"text: \"There is {injected} filtering.\"")
    errors = errors_of(project)
    assert any(e.problem == problem and e.path == "items[21].text" for e in errors), errors
    html_error = [e for e in errors if e.problem == "contains HTML"]
    for e in html_error:
        assert "Markdown" in e.fix


def test_figures_that_do_not_add_up(project):
    replace_in(project / F10, "      title: Good\n      schools: 16", "      title: Good\n      schools: 17")
    errors = errors_of(project)
    problems = {e.problem for e in errors}
    # The survey's facts are the survey: details' own survey: block.
    assert "the grades add up to 36 schools, but survey.survey.schools is 35" in problems
    assert "is 21, but the grades listed add up to 22" in problems


def test_missing_and_unknown_files(project):
    (project / "data/organisations.yml").rename(project / "data/organisations.yaml")
    errors = errors_of(project)
    assert ("data/organisations.yaml", "ends in .yaml") in {(e.file, e.problem) for e in errors}
    assert ("data/organisations.yml", "is missing") in {(e.file, e.problem) for e in errors}


def test_all_problems_are_reported_together(project):
    replace_in(project / F12, "    title: Peer mentoring", "    titel: Peer mentoring")
    replace_in(project / F10, "see_also: [managed-vs-locked-down]", "see_also: [managed-vs-locked-up]")
    replace_in(project / "data/organisations.yml", "last_reviewed: 2026-11-24", "last_reviewed: 2026-13-01")
    errors = errors_of(project)
    assert {e.file for e in errors} == {F12, F10, "data/organisations.yml"}


def test_message_format_and_github_annotation(project):
    line = replace_in(project / F12, "absence_of: [feature-12]", "absence_of: [feature-21]")
    error = only_error(project)
    assert str(error) == (f"{F12}:{line}: items[20].links.absence_of[0]: refers to 'feature-21', "
                          f"which does not exist — {error.fix}")
    assert error.github_annotation().startswith(f"::error file={F12},line={line}::items[20]")


def test_a_file_name_cannot_inject_an_annotation(project):
    # A newline starts a new workflow command; ',' and ':' end the file property. GitHub's escaping
    # for properties (%25 %0D %0A %3A %2C) keeps the whole name inside one annotation.
    hostile = "x\r\n::error file=README.md,line=1::Fake approval%.yml"
    (project / "data" / "frameworks" / hostile).write_text("id: [unclosed\n", encoding="utf-8")
    errors = ContentErrors(errors_of(project))
    annotations = errors.annotations().split("\n")
    assert len(annotations) == len(errors.errors)
    assert all(line.startswith("::error file=") and "\r" not in line for line in annotations)
    mine = next(line for line in annotations if "Fake" in line)
    assert mine.startswith("::error file=data/frameworks/x%0D%0A%3A%3Aerror file=README.md%2Cline=1%3A%3AFake approval%25.yml,line=")


# One deliberately invalid value in each data family that the tests above do not already touch.
@pytest.mark.parametrize("file, old, new, path, problem", [
    ("site.yml", "  email: esafety@example.org", "  email: esafety at example.org",
     "contact.email", "'esafety at example.org' is not in the right form"),
    ("site.yml", "council: Kent County Council\n", "",
     "", "missing the required field 'council'"),
    (F12.removeprefix("data/"), "status: historical\nstatus_note: >-\n  Ofsted withdrew",
     "status: retired\nstatus_note: >-\n  Ofsted withdrew", "status", "'retired' is not allowed"),
    (F12.removeprefix("data/"), "key_judgements_total: 4", "key_judgements_total: four",
     "inspection.key_judgements_total", "must be a whole number, not text"),
    ("organisations.yml", "    kind: event", "    kind: festival",
     "organisations[6].kind", "'festival' is not allowed"),
    (F12.removeprefix("data/"), "    phase: secondary", "    phase: sixth form",
     "items[32].phase", "'sixth form' is not allowed"),
])
def test_each_family_rejects_an_invalid_value(project, file, old, new, path, problem):
    line = replace_in(project / "data" / file, old, new)
    error = only_error(project)
    assert (error.file, error.path, error.problem) == (f"data/{file}", path, problem)
    # A missing field is reported where its parent starts (here the top of the file's data).
    expected = 3 if problem.startswith("missing") else line
    assert error.line == expected and error.fix
