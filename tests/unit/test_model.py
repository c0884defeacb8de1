"""model.py: the content model on small content: review dates, every id found and what refers to
it, the items and groups a framework places on a hand-written page, and the changes newest first."""
from __future__ import annotations

import datetime as dt

import pytest

from esafety_portal.model import Organisation, Review, Site
from support.content_factory import SITE, framework, make_content, template


@pytest.mark.parametrize("last, months, due", [
    ("2026-01-31", 1, "2026-02-28"), ("2027-08-31", 6, "2028-02-28"), ("2026-03-31", 1, "2026-04-30"),
    ("2026-11-15", 3, "2027-02-15"), ("2026-05-01", 24, "2028-05-01"),
])
def test_the_next_review_is_the_same_day_months_on_or_the_months_last_day(last, months, due):
    review = Review(dt.date.fromisoformat(last), months)
    assert review.next_due == dt.date.fromisoformat(due)
    assert not review.overdue(review.next_due) and review.overdue(review.next_due + dt.timedelta(days=1))


def content():
    old = framework("old", [{"id": "old-1", "kind": "feature", "text": "Lead.", "group": "theme-a"},
                            {"id": "old-2", "kind": "inadequate", "text": "No lead.", "links": {"absence_of": ["old-1"]}}],
                    status="historical", kinds={"feature": {"page": "old.md"}, "theme": {"page": "old.md"}},
                    groups=[{"id": "theme-a", "kind": "theme", "title": "Leading"}],
                    changes=[{"date": "2026-01-01", "summary": "Old."}])
    new = framework("new", [("new-1", "duty", "Lead well.")], changes=[{"date": "2026-03-01", "summary": "New."}])
    policy = template("tpl-a", [("tpl-a-01", "Lead.")], changes=[{"date": "2026-03-01", "summary": "Policy."}])
    policy["sections"][0]["clauses"][0]["addresses"] = ["old-1"]
    helpline = {"id": "helpline", "name": "Helpline", "kind": "organisation", "status": "current",
                "description": "Helps.", "url": "https://helpline.example.org/", "mentioned_in": ["old-1"]}
    return make_content(frameworks=[old, new], templates=[policy], organisations=[helpline])


def test_every_id_is_found_with_its_framework():
    model = content()
    assert model.get("old-1").text == "Lead." and model.get("theme-a").title == "Leading"
    assert model.get("tpl-a-01").kind == "clause" and model.get("helpline").name == "Helpline"
    assert model.framework_of("old-2").id == "old" and model.framework_of("theme-a").id == "old"
    assert model.framework_of("tpl-a-01") is None
    assert model.has("new-1") and not model.has("new-2")
    assert [i.id for i in model.all_items()] == ["new-1", "old-1", "old-2", "tpl-a-01"], "current frameworks first"


def test_what_refers_to_an_item_by_any_field_or_one():
    model = content()
    assert sorted(thing.id for thing in model.referring("old-1")) == ["helpline", "old-2", "tpl-a-01"]
    assert [thing.id for thing in model.referring("old-1", "absence_of")] == ["old-2"]
    assert [org.id for org in model.organisations_mentioning("old-1")] == ["helpline"]
    assert [t.id for t in model.targets(model.get("old-2"), "absence_of")] == ["old-1"]


def test_a_framework_places_its_kinds_on_a_hand_written_page():
    model = content()
    assert [i.id for i in model.placed_items("feature")] == ["old-1"]
    assert model.placed_items("inadequate") == [], "a kind its file does not place"
    assert [g.id for g in model.placed_groups("theme")] == ["theme-a"]


def test_changes_are_newest_first_then_by_file():
    assert [(c.date.isoformat(), c.file) for c in content().changes()] == [
        ("2026-03-01", "data/templates/tpl-a.yml"), ("2026-03-01", "data/frameworks/new.yml"),
        ("2026-01-01", "data/frameworks/old.yml")]


def test_an_organisation_is_labelled_with_its_abbreviation_once():
    org = Organisation("ceop", "Child Exploitation and Online Protection", "organisation", "current", "", "", ())
    assert org.label == "Child Exploitation and Online Protection"
    assert Organisation("x", "Child Exploitation", "organisation", "current", "", "", (), "CEOP").label == \
        "Child Exploitation (CEOP)"
    assert Organisation("x", "CEOP Report Abuse", "tool", "current", "", "", (), "CEOP").label == "CEOP Report Abuse"


def test_the_edit_link_names_the_branch_and_file():
    site = Site(**{**SITE, "repository_url": "https://github.com/example/portal/"})
    assert site.edit_url("data/site.yml") == "https://github.com/example/portal/edit/main/data/site.yml"
