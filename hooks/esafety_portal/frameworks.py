"""Frameworks: any body of guidance as one file in data/frameworks/<id>.yml.

A framework has an identity (publisher, edition, dates, status, address, licence), optional
groups and items. Each item names its own kind and may link to items anywhere by id, through the
typed links in families.RELATIONS. Everything the site shows of a framework (its page, anchors,
search entries, open data, back-links) is made from this model, so a new framework is a new file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from .errors import ContentError
from .families import CARRIED
from .model import FileMeta, Group, Item
from .review_fields import SelfReview, check_review_fields, self_review_from_data
from .values import parse_url
from .yaml_loader import format_path, line_of


@dataclass(frozen=True)
class Mapping:
    """A current item carrying a historical one forward: one row of the crosswalk."""

    current: str  # the current framework item's id
    historical: str  # the historical item's id, such as feature-15
    relation: str  # a key of families.CARRIED
    note: str

    @property
    def relation_words(self) -> str:
        return CARRIED[self.relation]


@dataclass
class Framework:
    id: str
    title: str
    short_title: str
    publisher: str
    edition: str
    published: str  # YYYY-MM-DD or YYYY-MM
    status: str  # current, historical or withdrawn
    status_note: str
    url: str
    licence: str
    intro: str
    data_file: str
    meta: FileMeta
    groups: list[Group] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)  # every item, in page order
    in_force: str = ""
    as_of: str = ""
    keywords: tuple[str, ...] = ()
    self_review: SelfReview | None = None  # set when the file has a self_review: block

    @property
    def heading(self) -> str:
        return self.title

    @property
    def label(self) -> str:
        return self.short_title or self.title

    @property
    def current(self) -> bool:
        return self.status == "current"

    def ungrouped(self) -> list[Item]:
        return [item for item in self.items if not item.group]


def page_of_framework(framework_id: str) -> str:
    return f"frameworks/{framework_id}.md"


def framework_from_data(data: dict, data_file: str, meta: FileMeta) -> Framework:
    framework_id = data["id"]
    items = [
        Item(id=raw["id"], kind=raw["kind"], text=raw["text"], title=raw["title"], group=raw.get("group", ""),
             keywords=tuple(raw.get("keywords", ())),
             refs={name: tuple(ids) for name, ids in raw.get("links", {}).items() if ids},
             extra={"framework": framework_id, "reference": raw.get("reference", ""), "quote": raw.get("quote", ""),
                    "grew_out_of": tuple(Mapping(raw["id"], m["item"], m["relation"], m["note"])
                                         for m in raw.get("grew_out_of", ()))})
        for raw in data["items"]
    ]
    groups = [Group(g["id"], "group", g["title"], [i for i in items if i.group == g["id"]], intro=g.get("intro", ""))
              for g in data.get("groups", [])]
    return Framework(
        self_review=self_review_from_data(data.get("self_review")),
        id=framework_id, title=data["title"], short_title=data.get("short_title", ""), publisher=data["publisher"],
        edition=data.get("edition", ""), published=data["published"], status=data["status"],
        status_note=data.get("status_note", ""), url=parse_url(data["url"]), licence=data["licence"],
        intro=data["intro"], data_file=data_file, meta=meta, groups=groups, items=items,
        in_force=data.get("in_force", ""), as_of=data.get("as_of", ""), keywords=tuple(data.get("keywords", ())),
    )


def check_frameworks(files) -> list[ContentError]:
    """What the schema cannot say: the id is the file's name, items sit in groups that exist."""
    errors = []
    for f in files:
        if f.schema != "framework":
            continue
        expected = PurePosixPath(f.shown_as).stem
        if f.data["id"] != expected:
            errors.append(ContentError(f.shown_as, line_of(f.data, ["id"]), "id",
                                       f"is '{f.data['id']}', but the file is called {expected}.yml",
                                       f"make them the same: change the id to '{expected}', or rename the file"))
        groups = [g["id"] for g in f.data.get("groups", [])]
        for index, item in enumerate(f.data["items"]):
            group = item.get("group")
            if group and group not in groups:
                where = ["items", index, "group"]
                errors.append(ContentError(
                    f.shown_as, line_of(f.data, where), format_path(where), f"names the group '{group}', which this "
                    "framework does not have", "use one of the ids under groups: " + (", ".join(groups) or
                                                                                     "(there are none; add groups: first)")))
        if groups and any(not item.get("group") for item in f.data["items"]):
            index = next(i for i, item in enumerate(f.data["items"]) if not item.get("group"))
            errors.append(ContentError(f.shown_as, line_of(f.data, ["items", index]), format_path(["items", index]),
                                       "has no group, but this framework has groups",
                                       "add 'group:' with one of: " + ", ".join(groups)))
        errors += check_review_fields(f)
    return errors


def build_frameworks(files, metas: dict[str, FileMeta]) -> list[Framework]:
    frameworks = [framework_from_data(f.data, f.shown_as, metas[f.shown_as]) for f in files if f.schema == "framework"]
    # Current guidance first, then the rest; within each, by title.
    return sorted(frameworks, key=lambda fw: (not fw.current, fw.label.lower()))

