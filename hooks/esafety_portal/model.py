"""The typed content model, built once from validated data, with named queries."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from .families import CROSSWALK_KINDS


@dataclass(frozen=True)
class Change:
    date: dt.date
    summary: str
    file: str = ""  # the data file the change belongs to


@dataclass(frozen=True)
class Review:
    last_reviewed: dt.date
    every_months: int
    owner: str | None = None

    @property
    def next_due(self) -> dt.date:
        month = self.last_reviewed.month - 1 + self.every_months
        year, month = self.last_reviewed.year + month // 12, month % 12 + 1
        day = min(self.last_reviewed.day, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
        return dt.date(year, month, day)

    def overdue(self, today: dt.date) -> bool:
        return today > self.next_due


@dataclass(frozen=True)
class FileMeta:
    """Review dates and change history of one data file."""

    file: str  # e.g. data/frameworks/inspecting-e-safety-2012.yml
    review: Review | None
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    kind: str
    publisher: str
    published: str  # YYYY-MM-DD, or YYYY-MM when only the month is known
    status: str
    url: str
    status_note: str = ""
    date_note: str = ""
    reference: str = ""

    @property
    def historical(self) -> bool:
        return self.status == "historical"


@dataclass(frozen=True)
class SourceRef:
    document: Source
    section: str


@dataclass
class Item:
    """One identified piece of guidance: a feature, indicator, question, finding, ..."""

    id: str
    kind: str
    text: str
    title: str = ""
    source: SourceRef | None = None
    group: str = ""  # the theme or audience id it sits under
    keywords: tuple[str, ...] = ()
    refs: dict[str, tuple[str, ...]] = field(default_factory=dict)  # field name -> ids
    extra: object = None  # its family's own fields: frameworks.ItemFields or templates.ClauseFields

    @property
    def heading(self) -> str:
        return self.title or self.text


@dataclass
class Group:
    """A theme of features or an audience of questions."""

    id: str
    kind: str
    title: str
    items: list[Item]
    heading_inferred: bool = False
    keywords: tuple[str, ...] = ()
    intro: str = ""
    page_heading: str = ""  # its heading on its page, if not its title (data: heading:)


@dataclass
class Organisation:
    id: str
    name: str
    kind: str
    status: str
    description: str
    url: str
    mentioned_in: tuple[str, ...]
    abbreviation: str = ""
    part_of: str = ""
    status_note: str = ""

    @property
    def label(self) -> str:
        return f"{self.name} ({self.abbreviation})" if self.abbreviation and self.abbreviation not in self.name else self.name


@dataclass
class Site:
    portal_name: str
    short_name: str
    council: str
    area: str
    description: str
    site_url: str
    repository_url: str
    repository_branch: str
    contact: dict
    licence: dict
    language: str
    refuse_secondary_copies: bool = False  # refuse to publish items checked only against a copy
    nav: tuple[str, ...] = ()  # the menu's sections in order (hooks/generated_pages.py)

    def edit_url(self, path: str) -> str:
        return f"{self.repository_url.rstrip('/')}/edit/{self.repository_branch}/{path}"


@dataclass
class Content:
    """Built once by load.build_model and never changed. The 2012 briefing and the 2010 survey are
    frameworks like any other: placed_items and placed_groups find the items and groups of a kind
    that a framework places on a hand-written page (its file's `kinds:`)."""

    site: Site
    organisations: list[Organisation]
    files: dict[str, FileMeta]  # data file -> review and changes
    kinds: dict[str, str] = field(default_factory=dict)  # every id -> its kind
    templates: list = field(default_factory=list)  # templates.Template, policy first
    frameworks: list = field(default_factory=list)  # frameworks.Framework, current first
    guides: object = None  # guides.Guides: the response guides and the contacts they name
    school_year: object = None  # duties.SchoolYear: the duties that recur (data/duties.yml)
    families: dict[str, object] = field(default_factory=dict)  # every family's name -> what its builder made
    _by_id: dict[str, object] = field(default_factory=dict, repr=False)
    _incoming: dict[str, list[tuple[str, str]]] = field(default_factory=dict, repr=False)
    _framework_of: dict[str, object] = field(default_factory=dict, repr=False)
    _carried: dict[str, list] = field(default_factory=dict, repr=False)  # historical id -> mappings

    def __post_init__(self):
        self._index(self.all_items())
        for template in self.templates:
            self._index([template, *template.sections])
        for framework in self.frameworks:
            self._index([framework, *framework.groups])  # its items are in all_items()
            for thing in [framework, *framework.groups, *framework.items]:
                self._framework_of[thing.id] = framework
            for detail_id in framework.detail_ids:
                self._framework_of[detail_id] = framework
            for item in framework.items:
                for mapping in item.extra.grew_out_of:
                    self._carried.setdefault(mapping.historical, []).append(mapping)
        for org in self.organisations:
            self._by_id[org.id] = org
            for target in org.mentioned_in:
                self._incoming.setdefault(target, []).append(("mentioned_in", org.id))

    def _index(self, things) -> None:
        """Index things by id, with the references they make, so `get` and `referring` find them."""
        for thing in things:
            self._by_id[thing.id] = thing
            for name, targets in getattr(thing, "refs", {}).items():
                for target in targets:
                    self._incoming.setdefault(target, []).append((name, thing.id))

    # -- views of the frameworks shown on hand-written pages -----------------------------------
    def _placed(self, kind: str) -> list:
        """The frameworks whose file places `kind` on a hand-written page (`kinds:`)."""
        return [fw for fw in self.frameworks if kind in fw.kinds]

    def placed_items(self, kind: str) -> list[Item]:
        return [item for fw in self._placed(kind) for item in fw.items if item.kind == kind]

    def placed_groups(self, kind: str) -> list[Group]:
        return [group for fw in self._placed(kind) for group in fw.groups if group.kind == kind]

    def details(self, name: str) -> dict:
        """A framework's details block `name` (frameworks.DETAILS), such as the survey's figures."""
        return next((fw.details[name] for fw in self.frameworks if name in fw.details), {})

    @cached_property
    def sources(self) -> dict[str, Source]:
        """The documents the portal quotes and lists as its sources: the frameworks that place
        their own entry (`kinds: framework:`) on a page."""
        return {fw.id: fw.source for fw in self._placed("framework")}

    # -- queries -------------------------------------------------------------------------
    def all_items(self) -> list[Item]:
        return [item for fw in self.frameworks for item in fw.items] + [
            item for template in self.templates for item in template.items]

    def family(self, name: str):
        """What the family `name` (families.Family.key) holds: its builder's objects or its data."""
        return self.families[name]

    def get(self, item_id: str):
        return self._by_id[item_id]

    def framework_of(self, item_id: str):
        """The framework an id belongs to (the framework itself, a group or an item), or None."""
        return self._framework_of.get(item_id)

    def carried_by(self, item_id: str) -> list:
        """The crosswalk rows (frameworks.Mapping) of current items that carry `item_id` forward."""
        return self._carried.get(item_id, [])

    def historical_items(self) -> list[Item]:
        """What the crosswalk carries forward (families.CROSSWALK_KINDS): the 2012 features and
        indicators, the 2010 recommendations."""
        return [item for kind in CROSSWALK_KINDS for item in self.placed_items(kind)]

    def without_equivalent(self) -> list[Item]:
        """The historical items that say why nothing current carries them forward."""
        return [item for item in self.historical_items() if item.extra.no_current_equivalent]

    def mappings(self) -> list:
        """Every crosswalk row, in framework and item order."""
        return [m for fw in self.frameworks for item in fw.items for m in item.extra.grew_out_of]

    def has(self, item_id: str) -> bool:
        return item_id in self._by_id

    def referring(self, item_id: str, via: str | None = None) -> list:
        """Items that point at `item_id` (optionally only through the field `via`)."""
        return [self._by_id[source] for name, source in self._incoming.get(item_id, [])
                if via is None or name == via]

    def targets(self, item: Item, via: str) -> list:
        return [self._by_id[target] for target in item.refs.get(via, ()) if target in self._by_id]

    def organisations_mentioning(self, item_id: str) -> list[Organisation]:
        return self.referring(item_id, "mentioned_in")

    def changes(self) -> list[Change]:
        """Every published change, newest first."""
        every = [change for meta in self.files.values() for change in meta.changes]
        return sorted(every, key=lambda c: (c.date, c.file), reverse=True)

    def overdue(self, today: dt.date) -> list[FileMeta]:
        """The files past their review date, the longest overdue first (as `make review` lists them)."""
        late = [meta for meta in self.files.values() if meta.review and meta.review.overdue(today)]
        return sorted(late, key=lambda meta: (meta.review.next_due, meta.file))
