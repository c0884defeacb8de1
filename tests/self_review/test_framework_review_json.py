"""A reviewable framework's self-review data (self_review.review()) is built from the content
model: the 2012 briefing's shape, every item with its permalink, the framework's own fields, and
a version that follows the data; framework_review.py says where it and its page are published."""
from __future__ import annotations

import copy
import json

from esafety_portal.framework_review import data_of_review, page_of_review, reviewable
from esafety_portal.self_review import as_json, review
from esafety_portal.model import Group

FW = "dfe-filtering-monitoring"


def filtering(content):
    return next(fw for fw in reviewable(content) if fw.id == FW)


def test_it_has_the_2012_briefings_shape_and_the_frameworks_own_fields(content, fw):
    data = review(content, filtering(content))
    assert set(fw) - {"per"} == set(data) - {"per"}  # one shape (per only where a review is repeated)
    assert (data["format"], data["id"], data["review_title"]) == (fw["format"], FW, "Annual filtering and monitoring review")
    assert data["indicators"] == [] and data["questions"] == []
    # Its items are not in groups: one group, named for the framework, holds them all, in order.
    assert [(t["id"], t["title"]) for t in data["themes"]] == [(FW, filtering(content).label)]
    framework = filtering(content)
    assert [i["id"] for i in data["themes"][0]["items"]] == [i.id for i in framework.items]
    first = framework.items[0]
    assert data["themes"][0]["items"][0] == {"id": first.id, "kind": "standard", "title": first.title,
                                             "text": " ".join(first.text.split()),
                                             "url": f"frameworks/{FW}/#{first.id}"}
    assert [f["id"] for f in data["item_fields"]] == ["checks", "checked-on"]
    assert [f["id"] for f in data["review_fields"]] == ["review-date", "senior-leader", "governor", "dsl", "it-support"]
    assert data["item_fields"][0] == {"id": "checks", "label": "Checks done", "type": "long-text",
                                      "help": "Which devices, sites and user groups were tested, and what happened."}


def test_groups_become_themes_and_urls_follow_use_directory_urls(content):
    framework = copy.deepcopy(filtering(content))
    framework.groups = [Group("fm-people", "group", "People", framework.items[:2]),
                        Group("fm-systems", "group", "Systems", framework.items[2:])]
    for item in framework.items:
        item.group = "fm-people" if item in framework.items[:2] else "fm-systems"
    data = review(content, framework, use_directory_urls=False)
    assert [(t["id"], len(t["items"])) for t in data["themes"]] == [("fm-people", 2), ("fm-systems", len(framework.items) - 2)]
    assert data["themes"][0]["items"][0]["url"] == f"frameworks/{FW}.html#dfe-fm-1"


def test_the_bytes_are_deterministic_and_the_version_follows_the_data(content):
    framework = filtering(content)
    first = as_json(review(content, framework))
    assert first == as_json(review(content, framework))
    edited = copy.deepcopy(framework)
    edited.items[0].text += " Changed."
    assert review(content, edited)["version"] != json.loads(first)["version"]


def test_the_built_site_publishes_it_beside_the_2012_briefings(built_site, content):
    framework = filtering(content)
    assert (page_of_review(framework), data_of_review(framework)) == (f"self-review/{FW}.md",
                                                                      f"assets/self-review/{FW}.json")
    assert (built_site / data_of_review(framework)).read_bytes() == as_json(review(content, framework))
    html = (built_site / "self-review" / FW / "index.html").read_text("utf-8")
    assert f'data-framework="../../assets/self-review/{FW}.json"' in html
    # The 2012 briefing's page still loads its own framework.
    assert 'data-framework="../assets/self-review/framework.json"' in (
        built_site / "self-review" / "index.html").read_text("utf-8")
