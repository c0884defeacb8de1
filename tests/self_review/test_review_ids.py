"""A self-review's answers are saved under its framework's id (the file's name, so fixed in data):
the 2012 self-review's stays its file's id whatever other frameworks place on its pages, and a
change that would mix schools' saved answers, or leave the hand-written page with no data, fails
with a clear message."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from esafety_portal.load import load_content
from support.addresses import F12
from support.project_copy import content_errors, copy_project, replace_in
from support.reviews import briefing_review
from support.site import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "frameworks"
# What a school's browser holds today (tests/self_review/test_upgrade.py loads it in the page).
STORED = Path(__file__).parent / "fixtures" / "stored-before-reviewable.json"


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path, parts=("data", "docs"))


def add_framework(project, fixture: str, *changes: tuple[str, str]) -> Path:
    target = project / "data" / "frameworks" / fixture
    shutil.copy(FIXTURES / fixture, target)
    for old, new in changes:
        replace_in(target, old, new)
    return target


def errors_of(project) -> list:
    return content_errors(project)


def test_saved_answers_still_load_when_a_new_framework_places_features_on_the_2012_pages(project):
    # A current framework (listed before the 2012 briefing) whose standards are shown as features.
    add_framework(project, "example-standards.yml",
                  ("keywords: [test framework]\n", "keywords: [test framework]\npage: inspection/features.md\n"
                   "kinds:\n  theme:\n    page: inspection/features.md\n  feature:\n    page: inspection/features.md\n"),
                  ("  - id: example-group-safety\n", "  - id: example-group-safety\n    kind: theme\n"),
                  ("  - id: example-group-review\n", "  - id: example-group-review\n    kind: theme\n"),
                  ("    kind: standard\n", "    kind: feature\n"), ("    kind: standard\n", "    kind: feature\n"))
    content = load_content(project)
    assert content.placed_items("feature")[0].extra.framework == "example-standards"  # its features now come first
    saved = json.loads(STORED.read_text("utf-8"))
    assert briefing_review(content)["id"] == saved["framework"] == "inspecting-e-safety-2012"


def test_a_second_hand_written_review_fails_at_its_page_line(project):
    target = add_framework(project, "example-standards.yml", ("keywords: [test framework]\n",
                           "keywords: [test framework]\nself_review:\n  title: Review\n  page: self-review.md\n"))
    line = target.read_text("utf-8").splitlines().index("  page: self-review.md") + 1
    mine = [e for e in errors_of(project) if "makes a hand-written page its self-review" in e.problem]
    assert {(e.file, e.path) for e in mine} == {("data/frameworks/example-standards.yml", "self_review.page"),
                                                (F12, "self_review.page")}
    theirs = next(e for e in mine if e.file != F12)
    assert theirs.line == line and f"as {F12} does too" in theirs.problem
    assert "remove it here to have the portal make this framework's self-review page" in theirs.fix


def test_the_review_page_must_exist(project):
    line = replace_in(project / F12, "  page: self-review.md\n", "  page: self-reveiw.md\n")
    mine = [e for e in errors_of(project) if "self-reveiw.md" in e.problem]
    assert [(e.line, e.path) for e in mine] == [(line, "self_review.page")]


def test_a_generated_review_page_needs_an_intro(project):
    target = add_framework(project, "example-standards.yml", ("keywords: [test framework]\n",
                           "keywords: [test framework]\nself_review:\n  title: Review\n"))
    line = target.read_text("utf-8").splitlines().index("self_review:") + 1
    mine = [e for e in errors_of(project) if e.file == "data/frameworks/example-standards.yml"]
    assert [(e.line, e.path, e.problem) for e in mine] == [(line, "self_review", "has no intro: for its self-review page")]
    assert mine[0].fix.startswith("add intro: with a short paragraph")
