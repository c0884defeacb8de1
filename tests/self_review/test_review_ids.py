"""A self-review's answers are saved under its id, so that id is fixed in data: the 2012
self-review's is its framework file's `reviewed_on: id:`, whatever other frameworks place on its
pages, and a change that would orphan or mix schools' saved answers fails with a clear message."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from esafety_portal.load import load_content
from esafety_portal.self_review import framework
from support.addresses import F12
from support.project_copy import content_errors, copy_project, replace_in
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
    assert content.features[0].extra["framework"] == "example-standards"  # its features now come first
    saved = json.loads(STORED.read_text("utf-8"))
    assert framework(content)["id"] == saved["framework"] == "inspecting-e-safety-2012"


def test_the_id_is_the_one_in_data(project):
    replace_in(project / F12, "  id: inspecting-e-safety-2012\n", "  id: ofsted-briefing-review\n")
    assert framework(load_content(project))["id"] == "ofsted-briefing-review"


def test_two_reviews_with_one_id_fail(project):
    line = replace_in(project / F12, "reviewed_on:\n", "self_review:\n  title: Review\n  intro: Rate it.\nreviewed_on:\n")
    mine = [e for e in errors_of(project) if "already uses for its self-review" in e.problem]
    assert [(e.file, e.line, e.path) for e in mine] == [(F12, line, "self_review")]
    assert "'inspecting-e-safety-2012'" in mine[0].problem and "keep the one schools already use" in mine[0].fix


def test_a_reviewable_framework_cannot_take_the_2012_reviews_id(project):
    add_framework(project, "example-review.yml")
    replace_in(project / F12, "  id: inspecting-e-safety-2012\n", "  id: example-review\n")
    mine = [e for e in errors_of(project) if "already uses for its self-review" in e.problem]
    assert len(mine) == 1 and "'example-review'" in mine[0].problem


def test_a_self_review_without_a_fixed_id_fails(project):
    replace_in(project / F12, "reviewed_on:\n  page: self-review.md\n  id: inspecting-e-safety-2012\n"
                              "  rates: [inadequate, feature]\n", "")
    mine = [e for e in errors_of(project) if "no framework says which self-review rates them" in e.problem]
    assert [(e.file, e.path) for e in mine] == [(F12, "kinds")]
    assert "reviewed_on:" in mine[0].fix


def test_a_second_hand_written_review_fails(project):
    add_framework(project, "example-standards.yml", ("keywords: [test framework]\n",
                  "keywords: [test framework]\nreviewed_on:\n  page: self-review.md\n  id: example-standards\n"))
    mine = [e for e in errors_of(project) if "a hand-written self-review, as" in e.problem]
    assert {(e.file, e.path) for e in mine} == {("data/frameworks/example-standards.yml", "reviewed_on"),
                                                (F12, "reviewed_on")}
    assert f"as {F12} does too" in next(e.problem for e in mine if e.file != F12)


def test_the_review_page_must_exist(project):
    replace_in(project / F12, "  page: self-review.md\n", "  page: self-reveiw.md\n")
    mine = [e for e in errors_of(project) if "self-reveiw.md" in e.problem]
    assert [e.path for e in mine] == ["reviewed_on.page"]
