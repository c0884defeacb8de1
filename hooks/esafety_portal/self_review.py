"""What a school rates in a self-review, as plain data for its page's checklist and in-browser
tool: one shape for every reviewable framework (its file's self_review: block), whether its page
is made by the portal or hand-written (the 2012 briefing's self-review.md), so one script reads them all.

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


def hand_written(content: Content, page: str):
    """The framework whose self-review is the hand-written docs page `page` (self_review: page:), or None."""
    return next((fw for fw in content.frameworks if fw.self_review and fw.self_review.page == page), None)


def rated_ids(fw) -> set[str]:
    """The ids of the items a framework's self-review rates: those of the kinds its self_review:
    rates: names, or every item."""
    rates = fw.self_review.rates
    return {item.id for item in fw.items if not rates or item.kind in rates}


def rated_body(content: Content, fw, rated: set[str], use_directory_urls: bool) -> dict:
    """What a school rates in `fw` (the ids in `rated`), as its self-review's JSON gives it: the
    items rated in place by group (`themes`; those outside any group form one group named for the
    framework), those rated dealt with (`indicators`), each on its kind's scale (kinds: rating:),
    and the items whose answers depend on those ratings (`questions`: they probe rated items)."""
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


def review(content: Content, fw, use_directory_urls: bool = True) -> dict:
    """A reviewable framework's self-review: the items it rates (self_review: rates:, or every item),
    as rated_body gives them, the fields a school fills in per item and once per review, what the
    printed page is (`prints`), and what one record is about where the review is repeated (`per`)."""
    block = fw.self_review
    body = {
        **rated_body(content, fw, rated_ids(fw), use_directory_urls),
        "item_fields": [f.as_data() for f in block.item_fields],
        "review_fields": [f.as_data() for f in block.review_fields],
    }
    # `per` only where the review is repeated, so that every other review's JSON is as it was.
    per = {"per": block.per.as_data()} if block.per else {}
    # Its id is the framework's, fixed by its file's name: schools' answers are saved under it.
    return {"format": FORMAT, "id": fw.id, "title": fw.title, "review_title": block.title,
            "prints": block.prints, **per, "version": version(body), **body}


def counted(fw, kinds: set[str]) -> str:
    """Items of `kinds` as a review's summary counts them: one kind's plural (its file's kinds:
    plural:), or its name with an s where it is one word; else items."""
    if len(kinds) != 1:
        return "items"
    kind = next(iter(kinds))
    placed = fw.kinds.get(kind)
    return placed.plural if placed and placed.plural else f"{kind}s" if " " not in kind else "items"


def words(fw, data: dict) -> dict[str, str]:
    """The words the tool's script says about a review's items (self_review_tool.html.jinja):
    each kind's name in the spreadsheet (its label, else the kind), how the items rated in place
    are counted (and headed), and where some are rated dealt with, how those are counted, their
    heading and intro."""
    in_place = {item["kind"] for theme in data["themes"] for item in theme["items"]}
    dealt_with = {item["kind"] for item in data["indicators"]}
    named = {f"kind:{kind}": (fw.kinds[kind].label if kind in fw.kinds and fw.kinds[kind].label else kind.capitalize())
             for kind in sorted(in_place | dealt_with)}
    items = counted(fw, in_place)
    said = {**named, "items-counted": items, "items-title": _capitalised(items)}
    if dealt_with:
        indicators = counted(fw, dealt_with)
        only = fw.kinds.get(next(iter(dealt_with))) if len(dealt_with) == 1 else None
        said |= {"indicators-counted": indicators, "indicators-title": _capitalised(indicators),
                 "indicators-intro": only.intro if only else ""}
    return said


def checklist_words(fw, data: dict) -> dict[str, str]:
    """The words of the checklist printed without JavaScript (_checklist.md.jinja): each table's
    first column is headed by its items' kind (the kind's label: in the file), or "Item" where the
    items are of several kinds or the kind has no label; the questions are headed by their kind's
    plural, and said to be answered well once every rated item they test is in place."""
    def heading(items: list, otherwise: str) -> str:
        kinds = {item["kind"] for item in items}
        placed = fw.kinds.get(next(iter(kinds))) if len(kinds) == 1 else None
        return placed.label if placed and placed.label else otherwise

    in_place = [item for theme in data["themes"] for item in theme["items"]]
    item_heading = heading(in_place, "Item")
    return {"item-heading": item_heading, "indicator-heading": heading(data["indicators"], "Item"),
            "questions-title": _capitalised(counted(fw, {q["kind"] for q in data["questions"]})),
            "question-tests": item_heading.lower() if item_heading != "Item" else "item"}


def _capitalised(words: str) -> str:
    """The first letter a capital, the rest as written (str.capitalize would lower a name's capitals)."""
    return words[:1].upper() + words[1:]


def version(body: dict) -> str:
    """Changes whenever any item does; saved answers stay keyed by the framework id and item
    ids, so they survive a new version and only retired ids are reported."""
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()[:16]


def as_json(data: dict) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
