"""The self-review of a reviewable framework (one with a `self_review:` block) as plain data,
for its page's checklist and the in-browser tool: what it rates is built by the 2012 briefing's
builder too (self_review.rated_body), so that one script drives both, plus the framework's own fields.

Built from the content model alone, so a new reviewable framework file gets its page and JSON
with no code change. Deterministic: the same data gives the same bytes and the same `version`.
"""
from __future__ import annotations

from .frameworks import Framework
from .model import Content
from .self_review import FORMAT, as_json, rated_body, version


def page_of_review(framework_id: str) -> str:
    """The docs path of a framework's self-review page: /self-review/<id>/."""
    return f"self-review/{framework_id}.md"


def data_of_review(framework_id: str) -> str:
    """Where its JSON is published, beside the 2012 briefing's framework.json."""
    return f"assets/self-review/{framework_id}.json"


def reviewable(content: Content) -> list[Framework]:
    return [fw for fw in content.frameworks if fw.self_review]


def review(content: Content, fw: Framework, use_directory_urls: bool = True) -> dict:
    """The items a school rates, by group (items outside any group form one group named for the
    framework), the fields it fills in per item and once per review, and what one record is
    about where the review is repeated (`per`)."""
    body = {
        **rated_body(content, fw, {item.id for item in fw.items}, use_directory_urls),
        "item_fields": [f.as_data() for f in fw.self_review.item_fields],
        "review_fields": [f.as_data() for f in fw.self_review.review_fields],
    }
    # `per` only where the review is repeated, so that every other review's JSON is as it was.
    per = {"per": fw.self_review.per.as_data()} if fw.self_review.per else {}
    return {"format": FORMAT, "id": fw.id, "title": fw.title, "review_title": fw.self_review.title, **per,
            "version": version(body), **body}


def review_json(content: Content, fw: Framework, use_directory_urls: bool = True) -> bytes:
    return as_json(review(content, fw, use_directory_urls))
