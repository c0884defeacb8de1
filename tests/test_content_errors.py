"""Every mistake an editor can make in data/ gives one clear message naming the file and line,
saying what is wrong and how to fix it. Each test makes one mistake in a copy of the real data."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from esafety_portal.errors import ContentErrors
from esafety_portal.load import load_content
from support.addresses import F10, F12
from esafety_portal.yaml_loader import format_path
from support.edit_yaml import edit_yaml, path_of
from support.project_copy import content_errors, copy_project, item_path, replace_in, set_value


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path, parts=("data",))


def errors_of(project):
    return content_errors(project)


def only_error(project):
    errors = errors_of(project)
    assert len(errors) == 1, "\n".join(map(str, errors))
    return errors[0]


def test_the_real_data_is_valid(root):
    content = load_content(root)
    assert content.placed_items("feature") and content.templates and content.frameworks


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
    assert error.path == item_path(project / F12, "inadequate-06")
    assert error.problem == "missing the required field 'text'" and "add 'text:'" in error.fix


def test_unknown_field_suggests_the_nearest_name(project):
    line = replace_in(project / F12, "    title: Peer mentoring", "    titel: Peer mentoring")
    errors = errors_of(project)
    unknown = [e for e in errors if "unknown field" in e.problem]
    assert len(unknown) == 1
    assert len(errors) == 1, "the typo must not also be reported as a missing 'title'"
    assert (unknown[0].line, unknown[0].problem, unknown[0].fix) == (line, "unknown field 'titel'", "did you mean 'title'?")


def test_wrong_type(project):
    line = edit_yaml(project / F10, ["survey", "survey", "schools"], "many")
    errors = errors_of(project)
    assert any(e.line == line and e.problem == "must be a whole number, not text" for e in errors), errors


def test_empty_text(project):
    where = path_of(project / F12, "inadequate-03") + ["text"]
    line = edit_yaml(project / F12, where, "")
    error = only_error(project)
    assert (error.line, error.path, error.problem) == (line, format_path(where), "must not be empty")


def test_duplicate_id_suggests_the_next_free_id(project):
    where = item_path(project / F12, "feature-17")
    line = replace_in(project / F12, "id: feature-17", "id: feature-16")
    first = (project / F12).read_text("utf-8").splitlines().index("  - id: feature-16") + 1
    duplicate = [e for e in errors_of(project) if "already" in e.problem]
    # Without git (a copy of the project) the one higher in the file keeps its id.
    assert [str(e) for e in duplicate] == [
        f"{F12}:{line}: {where}.id: "
        f"the id 'feature-16' is already published at {F12}:{first} (schools' links and saved answers use it) "
        f"— keep that one, and give this one a new id: 'feature-17'"]  # free again, since the item took feature-16


def _copy_template(project, name, own_id=None):
    """Copy aup-visitors.yml as CONTRIBUTING's "Add a whole template" starts: a new file (newer
    than the original), keeping its ids, or with its own id changed to `own_id`."""
    text = (project / "data/templates/aup-visitors.yml").read_text("utf-8")
    if own_id:
        text = text.replace("id: aup-visitors\n", f"id: {own_id}\n", 1)
    (project / "data/templates" / name).write_text(text, "utf-8")


def test_a_copied_template_is_told_to_rename_its_own_ids_not_the_published_ones(project):
    # The copy's name sorts first, so it is loaded first: the published file still keeps its ids.
    _copy_template(project, "aup-contractors.yml")
    errors = errors_of(project)
    original = "data/templates/aup-visitors.yml"
    assert {e.file for e in errors} == {"data/templates/aup-contractors.yml"}
    by_path = {e.path: str(e) for e in errors}
    assert by_path["id"] == (
        "data/templates/aup-contractors.yml:3: id: the id 'aup-visitors' is already published at "
        f"{original}:3 (schools' links and saved answers use it) — keep that one, and give this one a new id: "
        "'aup-contractors'")
    first = (project / original).read_text("utf-8").splitlines().index("      - id: aup-visitors-01") + 1
    assert by_path["sections[0].clauses[0].id"].endswith(
        f"the id 'aup-visitors-01' is already published at {original}:{first} (schools' links and "
        "saved answers use it) — keep that one, and give this one a new id: 'aup-contractors-01'")
    suggested = [e.fix.rsplit("'", 2)[1] for e in errors]
    assert len(set(suggested)) == len(suggested) == len(errors), "every new id is suggested once"
    assert all(s.startswith("aup-contractors") for s in suggested)


def test_a_copy_with_its_own_id_gets_a_distinct_free_id_for_every_clause(project):
    _copy_template(project, "aup-lettings.yml", own_id="aup-lettings")
    errors = errors_of(project)
    assert {e.file for e in errors} == {"data/templates/aup-lettings.yml"}
    suggested = sorted(e.fix.rsplit("'", 2)[1] for e in errors)
    assert suggested == sorted({s for s in suggested}) and "aup-lettings-01" in suggested
    assert "aup-visitors-08" not in " ".join(suggested)


def test_a_clash_across_files_is_reported_in_the_new_file(project):
    text = (Path(__file__).parent / "fixtures/frameworks/example-standards.yml").read_text("utf-8")
    # A new framework (its name sorts first) reusing a live KCSIE id.
    new_file = project / "data/frameworks/a-new-framework.yml"
    new_file.write_text(text.replace("id: example-standards\n", "id: a-new-framework\n", 1)
                        .replace("id: example-standard-1\n", "id: kcsie-2026-training\n", 1), "utf-8")
    mine = [e for e in errors_of(project) if "kcsie-2026-training" in e.problem]
    assert [e.file for e in mine] == ["data/frameworks/a-new-framework.yml"]
    kcsie = (project / "data/frameworks/kcsie-2026.yml").read_text("utf-8").splitlines()
    kept = kcsie.index("  - id: kcsie-2026-training") + 1
    assert mine[0].problem == (f"the id 'kcsie-2026-training' is already published at "
                               f"data/frameworks/kcsie-2026.yml:{kept} (schools' links and saved answers use it)")
    assert mine[0].fix == "keep that one, and give this one a new id: 'a-new-framework-training'"


def test_git_decides_which_occurrence_is_published(project):
    """In a git checkout the occurrence HEAD already has keeps its id, even in an older-looking file."""
    import os
    import subprocess

    run = lambda *args: subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True,
                                       env=dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
                                                GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org"))
    run("init", "-q")
    run("add", "data")
    run("commit", "-q", "-m", "published")
    _copy_template(project, "aup-contractors.yml", own_id="aup-contractors")
    # The copy looks older than the original: without git it would keep the ids.
    os.utime(project / "data/templates/aup-contractors.yml", (0, 0))
    errors = errors_of(project)
    assert {e.file for e in errors} == {"data/templates/aup-contractors.yml"}
    assert all("already published at data/templates/aup-visitors.yml:" in e.problem for e in errors)
    # Two new files that share a new id: neither is published, so neither is said to be; the one
    # named after its own file keeps it.
    (project / "data/templates/aup-contractors.yml").unlink()
    _copy_template(project, "aup-lettings.yml", own_id="aup-lettings")
    text = (project / "data/templates/aup-lettings.yml").read_text("utf-8").replace("aup-visitors-", "aup-lettings-")
    (project / "data/templates/aup-lettings.yml").write_text(text, "utf-8")
    (project / "data/templates/aup-lettings-2.yml").write_text(text.replace("id: aup-lettings\n", "id: aup-lettings-2\n"))
    clash = [e for e in errors_of(project) if "'aup-lettings-01'" in e.problem]
    first = text.splitlines().index("      - id: aup-lettings-01") + 1
    assert [(e.file, e.problem, e.fix) for e in clash] == [(
        "data/templates/aup-lettings-2.yml", f"the id 'aup-lettings-01' is already used at data/templates/aup-lettings.yml:{first}",
        "ids must be unique; give this one a new id: 'aup-lettings-2-01'")]


def test_unknown_reference(project, content):
    where = path_of(project / F12, "inadequate-04") + ["links", "absence_of"]
    line = edit_yaml(project / F12, where, ["feature-21"])
    error = only_error(project)
    assert (error.line, error.path) == (line, format_path(where + [0]))
    assert error.problem == "refers to 'feature-21', which does not exist"
    features = sorted(f.id for f in content.placed_items("feature"))  # the real data's, whatever they are
    assert error.fix == f"the ids that exist run from '{features[0]}' to '{features[-1]}'; check which one you meant"


def test_misspelt_reference_suggests_the_nearest_id(project):
    line = replace_in(project / F10, "bodies: [dcsf, becta, ceop, local-authorities]",
                      "bodies: [dcfs, becta, ceop, local-authorities]")
    error = only_error(project)
    assert (error.line, error.problem, error.fix) == (line, "refers to 'dcfs', which does not exist", "did you mean 'dcsf'?")


def test_reference_to_the_wrong_kind(project):
    edit_yaml(project / F12, path_of(project / F12, "inadequate-04") + ["links", "absence_of"], ["recommendation-05"])
    error = only_error(project)
    assert "which is a recommendation, not a feature" in error.problem


@pytest.mark.parametrize("bad, problem", [
    ("2026-02-30", "'2026-02-30' is not a real date"),
    ("24/11/2026", "'24/11/2026' is not in the right form"),
    ("tomorrow", "'{tomorrow}' is in the future"),
])
def test_bad_dates(project, today, bad, problem):
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    bad, problem = bad.replace("tomorrow", tomorrow), problem.format(tomorrow=tomorrow)
    line = set_value(project / F12, "last_reviewed", bad)
    error = only_error(project)
    assert (error.file, error.line, error.problem) == (F12, line, problem)
    assert "YYYY-MM-DD" in error.fix or "today" in error.fix


def test_today_is_never_in_the_future(project, today):
    """CONTRIBUTING: set last_reviewed, and a change's date, to today."""
    set_value(project / F12, "last_reviewed", today.isoformat())
    replace_in(project / F12, "changes:\n", f"changes:\n  - date: {today.isoformat()}\n    summary: Reworded.\n")
    load_content(project)


@pytest.mark.parametrize("published", ["2026/09", "September 2026"])
def test_published_is_told_both_forms_it_takes(project, published):
    line = set_value(project / "data/frameworks/kcsie-2026.yml", "published", published)
    error = only_error(project)
    assert str(error) == (f"data/frameworks/kcsie-2026.yml:{line}: published: '{published}' is not in the right form "
                          "— When this edition was published (YYYY-MM-DD, or YYYY-MM if only the month is known).")


def test_an_apostrophe_inside_single_quotes(project):
    path = project / "data/templates/aup-ks2.yml"
    line = set_value(path, "title", "'Pupils' Acceptable Use Policy'")
    assert str(only_error(project)) == (
        f"data/templates/aup-ks2.yml:{line}: is not valid YAML (an apostrophe ends a 'single-quoted' value) "
        "— write two apostrophes '' inside the quotes, or use double quotes around the value")
    set_value(path, "title", "'Pupils'' Acceptable Use Policy'")  # the fix it suggests
    load_content(project)


def test_a_tab_after_a_key(project):
    line = replace_in(project / "data/templates/aup-ks2.yml", "kind: aup", "kind:\taup")
    assert str(only_error(project)) == (f"data/templates/aup-ks2.yml:{line}: is not valid YAML "
                                        "(a tab character: YAML needs spaces) — replace the tab on this line with spaces")


def test_a_misspelt_id_gets_the_same_suggestion_in_a_template_as_in_a_framework(project, content):
    # Any current framework item's id with one letter dropped, written where a template clause
    # names what it addresses, then where a framework item names what to see also.
    real = next(item.id for fw in content.frameworks if fw.current for item in fw.items if len(item.id) > 8)
    typo = real[:-2] + real[-1]
    template = project / content.templates[0].data_file
    line = edit_yaml(template, ["sections", 0, "clauses", 0, "addresses"], [typo])
    error = only_error(project)
    assert (error.file, error.line, error.problem, error.fix) == (
        content.templates[0].data_file, line, f"refers to '{typo}', which does not exist", f"did you mean '{real}'?")
    edit_yaml(template, ["sections", 0, "clauses", 0, "addresses"], list(content.templates[0].clauses[0].addresses))
    fw, item = next((fw, item) for fw in content.frameworks for item in fw.items if item.refs.get("see_also"))
    edit_yaml(project / fw.data_file, path_of(project / fw.data_file, item.id) + ["links", "see_also"], [typo])
    assert only_error(project).fix == error.fix


def test_non_https_url(project, content):
    organisation = content.organisations[0]
    line = edit_yaml(project / "data/organisations.yml", ["organisations", 0, "url"],
                     str(organisation.url).replace("https://", "http://", 1))
    error = only_error(project)
    assert (error.file, error.line) == ("data/organisations.yml", line) and "https://" in error.fix


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
    assert any(e.problem == problem and e.path == item_path(project / F12, "inadequate-05") + ".text"
               for e in errors), errors
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
    set_value(project / "data/organisations.yml", "last_reviewed", "2026-13-01")
    errors = errors_of(project)
    assert {e.file for e in errors} == {F12, F10, "data/organisations.yml"}


def test_message_format_and_github_annotation(project):
    line = replace_in(project / F12, "absence_of: [feature-12]", "absence_of: [feature-21]")
    error = only_error(project)
    where = item_path(project / F12, "inadequate-04")
    assert str(error) == (f"{F12}:{line}: {where}.links.absence_of[0]: refers to 'feature-21', "
                          f"which does not exist — {error.fix}")
    assert error.github_annotation().startswith(f"::error file={F12},line={line}::{where}.links")


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
     ("safer-internet-day", "kind"), "'festival' is not allowed"),
    (F12.removeprefix("data/"), "    phase: secondary", "    phase: sixth form",
     ("question-pupils-4", "phase"), "'sixth form' is not allowed"),
])
def test_each_family_rejects_an_invalid_value(project, file, old, new, path, problem):
    if isinstance(path, tuple):  # (id, field): the item's place in its list, read from the file
        path = f"{item_path(project / 'data' / file, path[0])}.{path[1]}"
    line = replace_in(project / "data" / file, old, new)
    error = only_error(project)
    assert (error.file, error.path, error.problem) == (f"data/{file}", path, problem)
    # A missing field is reported where its parent starts (here the top of the file's data).
    expected = 3 if problem.startswith("missing") else line
    assert error.line == expected and error.fix
