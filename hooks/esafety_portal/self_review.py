"""What a school rates in a self-review, as plain data for its page's checklist and in-browser
tool: the hand-written self-review's (the kinds its framework's reviewed_on: rates: names, such
as the 2012 briefing's features and indicators, with the questions that probe them) and, through
rated_body, every reviewable framework's (framework_review.py).

Built from the content model, so a new item in data/ appears in the tool with no code change.
Deterministic: the same data gives the same bytes, and the same `version`.
"""
from __future__ import annotations

import hashlib
import json
import posixpath

from .model import Content, Item
from .pages import page_of

FORMAT = "esafety-self-review"  # names the kind of file an export is; checked on import


def page_url(src_path: str, use_directory_urls: bool = True) -> str:
    """The URL, relative to the site root, of the docs page `src_path` (as MkDocs writes it)."""
    stem, _ = posixpath.splitext(src_path)
    if not use_directory_urls:
        return f"{stem}.html"
    if posixpath.basename(stem) == "index":
        stem = posixpath.dirname(stem)
    return f"{stem}/" if stem else ""


def permalink(content: Content, item_id: str, use_directory_urls: bool = True) -> str:
    return f"{page_url(page_of(content, item_id), use_directory_urls)}#{item_id}"


def item_data(content: Content, item: Item, use_directory_urls: bool) -> dict:
    """One item a school rates, as the tool's JSON gives it (any self-review). `scale`, the rating
    scale its framework's kinds: gives the kind, only where it is not the default (in place), so
    that every other item's JSON is as it was."""
    fw = content.framework_of(item.id)
    rating = fw.rating_of(item.kind) if fw else "in place"
    scale = {"scale": rating.replace(" ", "-")} if rating != "in place" else {}
    return {"id": item.id, "kind": item.kind, "title": item.heading, "text": " ".join(item.text.split()),
            "url": permalink(content, item.id, use_directory_urls), **scale}


def reviewed(content: Content):
    """The framework the hand-written self-review rates (its file's reviewed_on:), or None."""
    return next((fw for fw in content.frameworks if fw.review_id), None)


def rated_body(content: Content, fw, rated: set[str], use_directory_urls: bool) -> dict:
    """What a school rates in `fw` (the ids in `rated`), as every self-review's JSON gives it: the
    items rated in place by group (`themes`; those outside any group form one group named for the
    framework), those rated dealt with (`indicators`), each on its kind's scale (kinds: rating:),
    and the items whose answers depend on those ratings (`questions`: they probe rated items)."""
    if fw is None:  # no framework says what the hand-written self-review rates
        return {"themes": [], "indicators": [], "questions": []}
    in_place = {item.id for item in fw.items if item.id in rated and fw.rating_of(item.kind) == "in place"}

    def data(item: Item) -> dict:
        return item_data(content, item, use_directory_urls)

    groups = [(group.id, group.title, group.items) for group in fw.groups] + [(fw.id, fw.label, fw.ungrouped())]
    return {
        "themes": [{"id": gid, "title": title, "items": [data(i) for i in items if i.id in in_place]}
                   for gid, title, items in groups if any(i.id in in_place for i in items)],
        "indicators": [data(item) for item in fw.items if item.id in rated - in_place],
        "questions": [{**data(item), "audience": content.get(item.group).title if item.group else "",
                       "probes": list(item.refs["probes"])}
                      for item in fw.items if set(item.refs.get("probes", ())) & rated],
    }


def framework(content: Content, use_directory_urls: bool = True) -> dict:
    """The hand-written self-review's JSON: what the reviewed framework's file says it rates
    (reviewed_on: rates:), as rated_body gives it."""
    # Its id is fixed in data (the framework's reviewed_on: id:): schools' answers are saved under it.
    reviewed_fw = reviewed(content)
    rated = {item.id for item in reviewed_fw.items if item.kind in reviewed_fw.rates} if reviewed_fw else set()
    body = rated_body(content, reviewed_fw, rated, use_directory_urls)
    return {
        "format": FORMAT,
        "id": reviewed_fw.review_id if reviewed_fw else "esafety",
        "title": reviewed_fw.title if reviewed_fw else content.site.portal_name,
        "version": version(body),
        **body,
    }


def version(body: dict) -> str:
    """Changes whenever any item does; saved answers stay keyed by the framework id and item
    ids, so they survive a new version and only retired ids are reported."""
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def framework_json(content: Content, use_directory_urls: bool = True) -> bytes:
    return as_json(framework(content, use_directory_urls))


def as_json(data: dict) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
