"""The editors' workflow: a failed build explains itself and publishes nothing; the fast check;
review dates, overdue notices and change history."""
from __future__ import annotations

import subprocess
import sys

import pytest

from esafety_portal.clock import epoch_of
from esafety_portal.load import load_content
from support.clock import newest_data_date
from support.addresses import F10, F12
from support.contributing import follow_contributing
from support.project_copy import copy_project, item_path, replace_in, set_value
from support.site import build_env, mkdocs_build


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def test_a_content_mistake_fails_the_build_with_a_message_and_no_traceback(project, tmp_path):
    where = item_path(project / F12, "inadequate-04")
    line = replace_in(project / F12, "absence_of: [feature-12]", "absence_of: [feature-21]")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"{F12}:{line}: {where}.links.absence_of[0]: refers to 'feature-21', which does not exist" in output
    assert "Traceback" not in output
    assert not (tmp_path / "out").exists()


def test_a_failed_build_leaves_the_last_good_site_untouched(project, tmp_path):
    out = tmp_path / "out"
    assert mkdocs_build(project, out).returncode == 0
    good = (out / "inspection" / "features" / "index.html").read_bytes()
    # A mistake that only shows when a page renders: a macro that does not exist.
    (project / "docs" / "privacy.md").write_text("# Privacy\n\n{{ no_such_macro() }}\n")
    result = mkdocs_build(project, out)
    assert result.returncode != 0
    assert (out / "inspection" / "features" / "index.html").read_bytes() == good
    assert not (tmp_path / "out.partial").exists()
    assert "no_such_macro" not in (out / "privacy" / "index.html").read_text()


def test_errors_become_github_annotations_in_actions(project, tmp_path):
    where = item_path(project / F12, "feature-17")
    line = replace_in(project / F12, "id: feature-17", "id: feature-16")
    result = mkdocs_build(project, tmp_path / "out", extra_env={"GITHUB_ACTIONS": "true"})
    assert result.returncode != 0
    assert f"::error file={F12},line={line}::{where}.id: the id 'feature-16' is already published at {F12}:" in result.stdout


def _check(project, **env):
    return subprocess.run([sys.executable, "-m", "esafety_portal.check", str(project)],
                          capture_output=True, text=True, env=build_env(env), timeout=60)


def test_the_fast_check_passes_real_data_and_explains_a_mistake(project):
    ok = _check(project)
    assert ok.returncode == 0 and "All data is valid" in ok.stdout
    where = item_path(project / F12, "feature-14")
    line = replace_in(project / F12, "    title: Peer mentoring", "    titel: Peer mentoring")
    bad = _check(project)
    assert bad.returncode == 1
    assert f"{F12}:{line}: {where}.titel: unknown field 'titel' — did you mean 'title'?" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_an_overdue_page_shows_a_notice_and_the_build_lists_it(project, tmp_path):
    # As of the day the rest of the data was last touched, whatever day the suite runs as:
    # only the 2012 briefing's file is overdue then.
    as_of = {"SOURCE_DATE_EPOCH": str(epoch_of(newest_data_date(project)))}
    set_value(project / F12, "last_reviewed", "2020-01-15")
    result = mkdocs_build(project, tmp_path / "out", extra_env=as_of)
    assert result.returncode == 0, result.stderr  # a warning, never a failure
    assert f"past their review date: {F12} (due 2021-01-15)" in result.stderr
    features = (tmp_path / "out" / "inspection" / "features" / "index.html").read_text()
    assert "This page is due for review" in features
    assert "Last reviewed: <time datetime=\"2020-01-15\">15 January 2020</time>" in features
    fresh = (tmp_path / "out" / "survey-2010" / "index.html").read_text()  # the 2010 survey's own file
    assert "This page is due for review" not in fresh and "Next review due:" in fresh
    # The self-review checklist is built from the 2012 file too, and About (both files' sources) is
    # as stale as its stalest file.
    checklist = (tmp_path / "out" / "self-review" / "index.html").read_text()
    assert "This page is due for review" in checklist
    assert "Last reviewed: <time datetime=\"2020-01-15\">15 January 2020</time>" in checklist
    about = (tmp_path / "out" / "about" / "index.html").read_text()
    assert "This page is due for review" in about

    report = subprocess.run([sys.executable, "-m", "esafety_portal.review", str(project)],
                            capture_output=True, text=True, env=build_env(as_of), timeout=60)
    assert report.returncode == 0
    first_row = report.stdout.splitlines()[3]
    assert first_row.split() == [F12, "2020-01-15", "2021-01-15", "OVERDUE"]


def test_change_history_shows_on_the_page_and_on_whats_new(project, tmp_path):
    before = len(load_content(project).files[F12].changes)
    replace_in(project / F12, "changes:\n",
               "changes:\n  - date: 2026-11-20\n    summary: Added keywords so the indicators are easier to find.\n")
    assert mkdocs_build(project, tmp_path / "out").returncode == 0
    page = (tmp_path / "out" / "inspection" / "inadequate" / "index.html").read_text()
    assert f"Changes to this page ({before + 1})" in page
    assert '<time datetime="2026-11-20">20 November 2026</time>: Added keywords' in page
    whats_new = (tmp_path / "out" / "whats-new" / "index.html").read_text()
    # A framework file's changes link to its home page (its file's page:).
    assert ('<a href="../inspection/">What inspectors looked for</a>: '
            'Added keywords so the indicators are easier to find.') in whats_new
    # A template's changes link to the template's own generated page.
    assert ('<a href="../templates/aup-ks2/">Acceptable Use Policy for pupils in Key Stage 2</a>: '
            'First published on the portal.') in whats_new


def test_a_page_naming_a_data_file_that_does_not_exist_fails_the_build(project, tmp_path):
    replace_in(project / "docs/self-review.md", f"data_file: {F12}", f"data_files: [{F12}, data/question.yml]")
    result = mkdocs_build(project, tmp_path / "out")
    assert result.returncode != 0
    assert "docs/self-review.md: its front matter names data/question.yml, which is not a data file" in result.stderr
    assert "Traceback" not in result.stderr


def test_data_files_written_as_one_name_or_with_a_non_name_are_understood(project, tmp_path):
    # One name instead of a list is read as that one file, not as its letters.
    replace_in(project / "docs/self-review.md", f"data_file: {F12}", f"data_files: {F12}")
    assert mkdocs_build(project, tmp_path / "one").returncode == 0
    replace_in(project / "docs/self-review.md", f"data_files: {F12}", f"data_files: [{{file: {F12}}}]")
    result = mkdocs_build(project, tmp_path / "two")
    assert result.returncode != 0
    assert f"docs/self-review.md: its front matter names {{'file': '{F12}'}}, which is not a data file" in result.stderr
    assert "Traceback" not in result.stderr


# Every kind of editor mistake, made in a real project copy and built with `mkdocs build --strict`.
MISTAKES = {
    "yaml syntax": (F12, "title: Leaders make e-Safety a priority", "title: Leaders: make e-Safety a priority", "is not valid YAML"),
    "tab": (F12, "    title: Passwords are shared or weak", "\ttitle: Passwords are shared or weak", "is indented with a tab"),
    "duplicate key": (F12, "    title: Passwords are shared or weak\n", "    title: Passwords are shared or weak\n    title: Again\n", "repeats the key 'title'"),
    "anchor": ("data/organisations.yml", "    mentioned_in: [feature-05]", "    mentioned_in: &x [feature-05]", "defines the anchor '&x'"),
    "missing field": (F12, "    text: There is no evidence of staff training.\n", "", "missing the required field 'text'"),
    "unknown field": (F12, "    title: Peer mentoring", "    titel: Peer mentoring", "unknown field 'titel'"),
    "wrong type": (F10, "  schools: 35", "  schools: many", "must be a whole number, not text"),
    "empty text": (F12, "text: Policies are generic and not updated.", 'text: ""', "must not be empty"),
    "duplicate id": (F12, "id: question-staff-6", "id: question-staff-5", "the id 'question-staff-5' is already published"),
    "unknown reference": (F12, "absence_of: [feature-12]", "absence_of: [feature-21]", "refers to 'feature-21', which does not exist"),
    "impossible date": (F12, "last_reviewed:", "last_reviewed: 2026-02-30  #", "'2026-02-30' is not a real date"),
    "badly formatted date": (F12, "last_reviewed:", "last_reviewed: 24/11/2026  #", "'24/11/2026' is not in the right form"),
    "unknown placeholder": ("data/templates/aup-ks2.yml", "[[school_name]]", "[[school_nmae]]", "school_nmae"),
    "http link": ("data/organisations.yml", "url: https://swgfl.org.uk/", "url: http://swgfl.org.uk/", "is not a secure web address"),
    "raw html": (F12, "text: There is no internet filtering or monitoring.", "text: There is <b>no</b> filtering.", "contains HTML"),
    "javascript link": (F12, "text: There is no internet filtering or monitoring.", "text: \"[x](javascript:alert(1))\"", "contains a script link"),
}


@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_every_mistake_fails_the_build_with_file_line_and_fix(project, tmp_path, mistake):
    file, old, new, problem = MISTAKES[mistake]
    line = replace_in(project / file, old, new)
    result = mkdocs_build(project, tmp_path / "out")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    reported = [l.strip() for l in output.splitlines() if l.strip().startswith(f"{file}:")]
    assert reported, output
    assert any(problem in l and " — " in l for l in reported), reported
    # The repeated key is the line after the one matched; a folded text is reported at its key.
    line += {"duplicate key": 1, "unknown placeholder": -1}.get(mistake, 0)
    if mistake != "missing field":  # a missing field is reported where its item starts
        assert any(l.startswith(f"{file}:{line}:") for l in reported), (line, reported)


def test_contributing_steps_keep_the_check_and_the_build_green(tmp_path):
    """CONTRIBUTING, to the letter, on a copy: reword a current item and date it today (review and
    a change), add a framework file, copy a template under new ids. Then `make check` and the build,
    as of the day the edit was made. The whole suite on the same change is `make test-editor-change`,
    which CI runs after `make test` (tests/editor_change.py)."""
    import datetime as dt

    project = copy_project(tmp_path / "project", parts=("data", "docs", "hooks", "overrides", "mkdocs.yml",
                                                        "tests", "pyproject.toml", ".yamllint.yml"))
    today = dt.datetime.now(dt.timezone.utc).date()  # the editor's today, not the suite's pinned one
    content = load_content(project, today=today)
    follow_contributing(project, content, today)

    as_of_today = {"SOURCE_DATE_EPOCH": str(epoch_of(today))}
    check = _check(project, **as_of_today)
    assert check.returncode == 0, check.stderr
    built = mkdocs_build(project, tmp_path / "site", extra_env=as_of_today)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "site/frameworks/example-standards/index.html").is_file()
    assert (tmp_path / "site/downloads/aup-contractors.docx").is_file()
