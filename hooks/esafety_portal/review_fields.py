"""A reviewable framework's `self_review:` block: the self-review page's title and intro (or the
hand-written page that is its self-review), the kinds of item it rates, what it prints, the
fields a school fills in besides the rating, evidence, next action, who and by when that every
self-review has (per item, and once per review), and what the review is repeated for (`per`),
if a school keeps one record per thing it considers."""
from __future__ import annotations

from dataclasses import dataclass

from .errors import ContentError
from .yaml_loader import format_path, line_of

# Names a self-review record already uses for every item (self-review-state.js), or that the
# exports give each row: a field of the framework's own may not take one.
TAKEN = ("id", "kind", "theme", "title", "rating", "evidence", "action", "who", "by", "modified")


@dataclass(frozen=True)
class ReviewField:
    id: str
    label: str
    type: str  # text, long-text or date
    help: str = ""

    def as_data(self) -> dict:
        return {"id": self.id, "label": self.label, "help": self.help, "type": self.type}


@dataclass(frozen=True)
class Per:
    """What one record of a repeated review is about, such as an AI product."""
    label: str
    help: str = ""

    def as_data(self) -> dict:
        return {"label": self.label, "help": self.help}


# What the printed page is: a record of the review (its fields, each item in turn, then the actions),
# or an action plan (what needs action, then what is in place).
PRINTS = ("record", "action plan")


@dataclass(frozen=True)
class SelfReview:
    title: str  # the review's name: its page's title, and the printed page's
    intro: str = ""  # the generated page's first paragraph (none where `page` is hand-written)
    page: str = ""  # a hand-written page in docs/ that is this review, instead of /self-review/<id>/
    rates: tuple[str, ...] = ()  # the kinds of item it rates; every item where none are named
    prints: str = "record"  # one of PRINTS
    item_fields: tuple[ReviewField, ...] = ()
    review_fields: tuple[ReviewField, ...] = ()
    per: Per | None = None  # set when the review is repeated, one record per thing


def self_review_from_data(raw: dict | None) -> SelfReview | None:
    if raw is None:
        return None
    fields = {name: tuple(ReviewField(f["id"], f["label"], f["type"], f.get("help", "")) for f in raw.get(name, ()))
              for name in ("item_fields", "review_fields")}
    per = Per(raw["per"]["label"], raw["per"].get("help", "")) if raw.get("per") else None
    return SelfReview(raw["title"], raw.get("intro", ""), page=raw.get("page", ""), rates=tuple(raw.get("rates", ())),
                      prints=raw.get("prints", "record"), per=per, **fields)


def check_review_fields(f) -> list[ContentError]:
    """A generated review page has an intro; field ids are unique in the block and take no name
    every self-review already uses."""
    errors, seen = [], {}
    block = f.data.get("self_review", {})
    if block and not block.get("page") and not block.get("intro"):
        errors.append(ContentError(
            f.shown_as, line_of(f.data, ["self_review"]), "self_review", "has no intro: for its self-review page",
            "add intro: with a short paragraph on what the review is for, who does it and how often"))
    fields = sorted((line_of(f.data, where), where, field) for part in ("item_fields", "review_fields")
                    for index, field in enumerate(block.get(part, ()))
                    for where in [["self_review", part, index, "id"]])
    for line, where, field in fields:  # in file order, so that the second of two is the one reported
        if field["id"] in TAKEN:
            errors.append(ContentError(
                f.shown_as, line, format_path(where), f"'{field['id']}' is a field every self-review already has",
                f"leave it out (rating, evidence, next action, who and by when are always asked), or choose "
                f"another id, such as '{field['id']}-detail'"))
        elif field["id"] in seen:
            errors.append(ContentError(
                f.shown_as, line, format_path(where), f"the field id '{field['id']}' is already used "
                f"({f.shown_as}:{seen[field['id']]})", "give each field of the self-review its own id"))
        else:
            seen[field["id"]] = line
    return errors
