"""Frameworks: any body of guidance as one file in data/frameworks/<id>.yml.

A framework has an identity (publisher, edition, dates, status, address, licence), optional
groups and items. Each item names its own kind and may link to items anywhere by id, through the
typed links in families.RELATIONS. Everything the site shows of a framework (its page, anchors,
search entries, open data, back-links) is made from this model, so a new framework is a new file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from .checks import record_from_data
from .errors import ContentError
from .families import CARRIED, CROSSWALK_KINDS
from .model import FileMeta, Group, Item, Source, SourceRef
from .review_fields import SelfReview, check_review_fields, self_review_from_data
from .since_previous import Previous, previous_from_data, since_previous_from_data
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


@dataclass(frozen=True)
class ItemFields:
    """What a framework item has besides every item's fields (model.Item): its `extra`."""

    framework: str  # the id of the framework it belongs to
    reference: str = ""  # the section it is quoted from (its own, or its kind's)
    quote: str = ""  # the publisher's words, where the file quotes them
    url: str = ""  # the publisher's page for it
    checked: object = None  # checks.CheckRecord: where and when it was checked against its source
    since_previous: object = None  # since_previous.SincePrevious: how it changed since the previous edition
    grew_out_of: tuple[Mapping, ...] = ()  # the historical items it carries forward
    phase: str = ""  # a question asked of one phase's pupils only (primary or secondary)
    no_current_equivalent: str = ""  # a historical item nothing carries forward: why

    def exported(self) -> dict:
        """The plain fields the open data gives as they are, in this order, where set."""
        return {name: getattr(self, name) for name in ("reference", "quote", "url", *ITEM_FIELDS) if getattr(self, name)}


@dataclass(frozen=True)
class Placement:
    """Where a kind of item of a framework with hand-written pages is shown (its file's kinds:)."""

    page: str
    reference: str = ""  # the section its items are quoted from
    intro: str = ""
    note: str = ""
    label: str = ""  # what one item of the kind is called, such as Feature of good practice
    short_label: str = ""  # put before an item's title in links from other pages, such as Ofsted feature
    show: str = "blocks"  # how its page shows the items: blocks, numbered or list
    rating: str = "in place"  # the scale a self-review rates them on: in place or dealt with
    plural: str = ""  # several items of the kind, as counted mid-sentence, such as features of good practice


# Framework details (inspection:, survey:): what is particular to one framework, kept as its
# validated data (data/schema/<name>.schema.json) for the pages that show it.
DETAILS = ("inspection", "survey")


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
    standing: str = ""  # how far schools must follow a current framework, for its notice
    order: int = 100  # its place in lists among frameworks of its status (no order: after those with one)
    keywords: tuple[str, ...] = ()
    kind: str = ""  # the kind of document, such as Survey report
    reference: str = ""  # the publisher's reference number
    date_note: str = ""
    page: str = ""  # its hand-written page; "" when the portal makes frameworks/<id>.md
    kinds: dict[str, Placement] = field(default_factory=dict)
    details: dict = field(default_factory=dict)  # DETAILS name -> validated data
    detail_ids: tuple[str, ...] = ()  # the ids in its details (judgements, grades, ...)
    self_review: SelfReview | None = None  # set when the file has a self_review: block
    previous: Previous | None = None  # the edition it replaced, when a change since then is recorded

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

    @property
    def generated(self) -> bool:
        """Whether the portal makes its page from its file (it has no hand-written page)."""
        return not self.page

    @property
    def home(self) -> str:
        """The docs page that shows the framework: its hand-written page or the generated one."""
        return self.page or page_of_framework(self.id)

    def page_for(self, kind: str) -> str:
        """The docs page that shows this framework's things of `kind` (`framework`: itself)."""
        placement = self.kinds.get(kind)
        return placement.page if placement else self.home

    def short_label(self, kind: str) -> str:
        """The name put before one of its items' titles in a link from another page."""
        placement = self.kinds.get(kind)
        return placement.short_label if placement and placement.short_label else self.label

    def rating_of(self, kind: str) -> str:
        """The scale a self-review rates its items of `kind` on (kinds: rating:): in place unless given."""
        placement = self.kinds.get(kind)
        return placement.rating if placement else "in place"

    def pages(self) -> list[str]:
        """Every docs page that shows part of it, its home page first."""
        return list(dict.fromkeys([self.home, *(p.page for p in self.kinds.values())]))

    @property
    def source(self) -> Source:
        """The framework as a document that items quote."""
        return Source(self.id, self.title, self.kind, self.publisher, self.published, self.status, self.url,
                      self.status_note, self.date_note, self.reference)


def page_of_framework(framework_id: str) -> str:
    return f"frameworks/{framework_id}.md"


def framework_from_data(data: dict, data_file: str, meta: FileMeta) -> Framework:
    framework_id = data["id"]
    kinds = {kind: Placement(p["page"], p.get("reference", ""), p.get("intro", ""), p.get("note", ""),
                             p.get("label", ""), p.get("short_label", ""), p.get("show", "blocks"),
                             p.get("rating", "in place"), p.get("plural", ""))
             for kind, p in data.get("kinds", {}).items()}
    framework = Framework(
        self_review=self_review_from_data(data.get("self_review")),
        id=framework_id, title=data["title"], short_title=data.get("short_title", ""), publisher=data["publisher"],
        edition=data.get("edition", ""), published=data["published"], status=data["status"],
        status_note=data.get("status_note", ""), url=parse_url(data["url"]), licence=data["licence"],
        intro=data["intro"], data_file=data_file, meta=meta,
        in_force=data.get("in_force", ""), as_of=data.get("as_of", ""),
        standing=data.get("standing", ""),
        order=data.get("order", 100),
        keywords=tuple(data.get("keywords", ())),
        kind=data.get("kind", ""), reference=data.get("reference", ""), date_note=data.get("date_note", ""),
        page=data.get("page", ""), kinds=kinds,
        details={name: data[name] for name in DETAILS if name in data},
        detail_ids=tuple(_ids_in({name: data[name] for name in DETAILS if name in data})),
        previous=previous_from_data(data.get("previous"), data.get("previous", {}).get("short_title", "")),
    )

    def source_of(kind: str, reference: str) -> SourceRef | None:
        # Items of a kind the file places, with the section they are quoted from, quote the framework.
        placed = kinds.get(kind)
        return SourceRef(framework.source, reference) if placed and placed.reference else None

    for raw in data["items"]:
        reference = raw.get("reference") or (kinds[raw["kind"]].reference if raw["kind"] in kinds else "")
        extra = ItemFields(
            framework=framework_id, reference=reference, quote=raw.get("quote", ""),
            url=parse_url(raw["url"]) if raw.get("url") else "", checked=record_from_data(raw.get("checked")),
            since_previous=since_previous_from_data(raw.get("since_previous")),
            grew_out_of=tuple(Mapping(raw["id"], m["item"], m["relation"], m["note"]) for m in raw.get("grew_out_of", ())),
            **{name: raw[name] for name in ITEM_FIELDS if name in raw})
        framework.items.append(Item(
            id=raw["id"], kind=raw["kind"], text=raw["text"], title=raw.get("title", ""), group=raw.get("group", ""),
            source=source_of(raw["kind"], reference), keywords=tuple(raw.get("keywords", ())),
            refs={name: tuple(ids) for name, ids in raw.get("links", {}).items() if ids}, extra=extra))
    framework.groups = [
        Group(g["id"], g.get("kind", "group"), g["title"], [i for i in framework.items if i.group == g["id"]],
              intro=g.get("intro", ""), heading_inferred=g.get("heading_inferred", False), page_heading=g.get("heading", ""),
              keywords=tuple(g.get("keywords", ())))
        for g in data.get("groups", [])]
    return framework


# Item fields particular to some frameworks (ItemFields), given as they are in its open data.
ITEM_FIELDS = ("phase", "no_current_equivalent")


def _ids_in(node):
    """Every id in a framework's details, at any depth."""
    if isinstance(node, dict):
        if isinstance(node.get("id"), str):
            yield node["id"]
        for value in node.values():
            yield from _ids_in(value)
    elif isinstance(node, list):
        for value in node:
            yield from _ids_in(value)


# What a current framework must say about its source, so that a school can find the text we summarise
# (each item's checked: record says where its own wording was checked: checks.py).
CURRENT_NEEDS = {
    "edition": "the edition summarised, such as 2026 or Updated September 2026",
    "as_of": "the day you last checked the summaries against the source, such as 2026-11-24",
}
# "paragraph 165", "para. 165", "paras 12-14", "¶ 3": a number that differs between editions.
PARAGRAPH = re.compile(r"(\bparagraphs?|\bparas?\b\.?|¶)\s*\d", re.IGNORECASE)
EDITION_YEAR = re.compile(r"\b(19|20)\d\d\b")


def _source_problems(f) -> list[ContentError]:
    """A current framework names its edition and when it was last checked; a paragraph
    number names its edition (KCSIE 2025 and 2026 number their paragraphs differently)."""
    errors = []
    if f.data["status"] == "current":
        for name, example in CURRENT_NEEDS.items():
            if not f.data.get(name):
                errors.append(ContentError(f.shown_as, line_of(f.data, ["status"]), name,
                                           "is missing, and a current framework needs it",
                                           f"add '{name}:' with {example}"))
    for index, item in enumerate(f.data["items"]):
        reference = item.get("reference", "")
        if PARAGRAPH.search(reference) and not EDITION_YEAR.search(reference):
            where = ["items", index, "reference"]
            errors.append(ContentError(
                f.shown_as, line_of(f.data, where), format_path(where),
                f"'{reference}' gives a paragraph number but not the edition it belongs to",
                "name the edition, such as 'KCSIE 2026, paragraph 165', or cite the part and section instead"))
    return errors


def family_rules(checked) -> list[ContentError]:
    """The frameworks' own rules (families.py): equivalence on every file that reads; file, groups,
    pages and sources, and a survey's figures, on valid ones."""
    return (check_equivalence(checked.parsed) + check_frameworks(checked.valid, checked.docs_dir)
            + check_figures(checked.valid))


def check_figures(files) -> list[ContentError]:
    """A survey's numbers must agree with each other (a framework's survey: details)."""
    errors = []
    for f in files:
        data = f.data.get("survey") if f.schema == "framework" else None
        if not data:
            continue
        grades = {g["id"]: g["schools"] for g in data["grades"]}
        total, schools = sum(grades.values()), data["survey"]["schools"]
        if total != schools:
            errors.append(ContentError(f.shown_as, line_of(f.data, ["survey", "grades"]), "survey.grades",
                                       f"the grades add up to {total} schools, but survey.survey.schools is {schools}",
                                       "correct the counts so they add up to the number of schools visited"))
        effective = data["most_effective"]
        listed = sum(grades.get(g, 0) for g in effective["grades"])
        if listed != effective["schools"]:
            errors.append(ContentError(f.shown_as, line_of(f.data, ["survey", "most_effective", "schools"]),
                                       "survey.most_effective.schools",
                                       f"is {effective['schools']}, but the grades listed add up to {listed}",
                                       "make the number match the grades it lists"))
    return errors


def check_equivalence(files) -> list[ContentError]:
    """`no_current_equivalent` belongs on a historical item the crosswalk covers, and only while no
    current item says it grew out of it (the two would contradict each other). Run on every file
    that reads, valid or not, so the message shows with any others in the same file."""
    frameworks = [f for f in files if f.schema == "framework"]

    def items(f):
        listed = f.data.get("items")
        return [(i, item) for i, item in enumerate(listed) if isinstance(item, dict)] if isinstance(listed, list) else []

    carried = {m.get("item"): f.shown_as for f in frameworks for _, item in items(f)
               for m in (item.get("grew_out_of") if isinstance(item.get("grew_out_of"), list) else ())
               if isinstance(m, dict)}
    errors = []
    for f in frameworks:
        for index, item in items(f):
            if "no_current_equivalent" not in item:
                continue
            where = ["items", index, "no_current_equivalent"]
            status, kind = f.data.get("status"), item.get("kind")
            if status == "current" or kind not in CROSSWALK_KINDS:
                errors.append(ContentError(
                    f.shown_as, line_of(f.data, where), format_path(where),
                    f"is given for a {kind} of a {status} framework",
                    "use it only on a historical " + " or ".join(CROSSWALK_KINDS) + "; remove it here"))
            elif item.get("id") in carried:
                errors.append(ContentError(
                    f.shown_as, line_of(f.data, where), format_path(where),
                    f"says '{item['id']}' has no current equivalent, but an item in {carried[item['id']]} grew out "
                    "of it", "remove no_current_equivalent, or remove that grew_out_of entry if it is wrong"))
    return errors


def check_frameworks(files, docs_dir=None) -> list[ContentError]:
    """What the schema cannot say: the id is the file's name, items sit in groups that exist, the
    pages it names are in docs/, and a current framework's source is named in full."""
    errors = []
    for f in files:
        if f.schema != "framework":
            continue
        errors += _source_problems(f)
        expected = PurePosixPath(f.shown_as).stem
        if f.data["id"] != expected:
            errors.append(ContentError(f.shown_as, line_of(f.data, ["id"]), "id",
                                       f"is '{f.data['id']}', but the file is called {expected}.yml",
                                       f"make them the same: change the id to '{expected}', or rename the file"))
        named = [(["page"], f.data["page"])] if f.data.get("page") else []
        named += [(["self_review", "page"], f.data["self_review"]["page"])] if f.data.get("self_review", {}).get("page") else []
        named += [(["kinds", kind, "page"], placed["page"]) for kind, placed in f.data.get("kinds", {}).items()]
        for where, page in named:
            if docs_dir is not None and not (docs_dir / page).is_file():
                errors.append(ContentError(f.shown_as, line_of(f.data, where), format_path(where),
                                           f"names the page {page}, which is not in docs/",
                                           "check the spelling, or leave out page: and kinds: to have the portal "
                                           "make the framework's page"))
        if f.data.get("kinds") and not f.data.get("page"):
            errors.append(ContentError(f.shown_as, line_of(f.data, ["kinds"]), "kinds",
                                       "says which pages show its items, but the framework has no page",
                                       "add 'page:' with its hand-written page in docs/, or remove kinds: to have "
                                       "the portal make its page"))
        groups = [g["id"] for g in f.data.get("groups", [])]
        for index, item in enumerate(f.data["items"]):
            group = item.get("group")
            if group and group not in groups:
                where = ["items", index, "group"]
                errors.append(ContentError(
                    f.shown_as, line_of(f.data, where), format_path(where), f"names the group '{group}', which this "
                    "framework does not have", "use one of the ids under groups: " + (", ".join(groups) or
                                                                                     "(there are none; add groups: first)")))
        # Items of one kind are all grouped or none are (the 2012 indicators sit under no theme).
        grouped_kinds = {item["kind"] for item in f.data["items"] if item.get("group")}
        loose = [i for i, item in enumerate(f.data["items"]) if not item.get("group") and item["kind"] in grouped_kinds]
        if loose:
            index = loose[0]
            errors.append(ContentError(f.shown_as, line_of(f.data, ["items", index]), format_path(["items", index]),
                                       f"has no group, but other items of its kind ({f.data['items'][index]['kind']}) "
                                       "have one", "add 'group:' with one of: " + ", ".join(groups)))
        errors += check_review_fields(f) + _rated_kind_problems(f)
    return errors + _hand_written_review_problems([f for f in files if f.schema == "framework"])


def _rated_kind_problems(f) -> list[ContentError]:
    """A kind its self-review rates (self_review: rates:) is one the file's items have: a misspelt
    one would leave its items out of every school's review without a word."""
    kinds = sorted({item["kind"] for item in f.data["items"]})
    errors = []
    for index, kind in enumerate(f.data.get("self_review", {}).get("rates", ())):
        if kind not in kinds:
            where = ["self_review", "rates", index]
            errors.append(ContentError(f.shown_as, line_of(f.data, where), format_path(where),
                                       f"names the kind '{kind}', which no item of this framework has",
                                       "use one of: " + ", ".join(kinds)))
    return errors


def _hand_written_review_problems(files) -> list[ContentError]:
    """A school's saved answers are kept under its review's framework id, so one id is one review;
    the one self-review on a hand-written page publishes its data at the address that page has
    always loaded (self_review.data_of_review), so a second would overwrite it."""
    hand_written = [f for f in files if f.data.get("self_review", {}).get("page")]
    errors = []
    for f in hand_written if len(hand_written) > 1 else []:
        others = ", ".join(other.shown_as for other in hand_written if other is not f)
        where = ["self_review", "page"]
        errors.append(ContentError(f.shown_as, line_of(f.data, where), format_path(where),
                                   f"makes a hand-written page its self-review, as {others} does too",
                                   "leave page: in one framework file only (the one whose answers schools have "
                                   "saved): remove it here to have the portal make this framework's self-review page"))
    return errors


def build_frameworks(files, metas: dict[str, FileMeta]) -> list[Framework]:
    frameworks = [framework_from_data(f.data, f.shown_as, metas[f.shown_as]) for f in files if f.schema == "framework"]
    # Current guidance first, then the rest; within each, in the files' order, then by title.
    return sorted(frameworks, key=lambda fw: (not fw.current, fw.order, fw.label.lower()))

