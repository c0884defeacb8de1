"""Response guides (data/guides/*.yml): what to do when something has happened, step by step,
and the contacts their steps name (county ones in data/site.yml, national ones in
data/contacts.yml). The typed model, the rules a schema cannot say, and the queries pages use.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from .checks import CheckRecord, record_from_data
from .errors import ContentError
from .model import FileMeta
from .values import parse_url
from .yaml_loader import format_path, line_of

# Who acts, by role id (data/schema/guide.schema.json $defs/role), as pages name them.
ROLES = {
    "any-staff": "Any member of staff",
    "dsl": "The designated safeguarding lead (DSL) or a deputy",
    "senior-leader": "A senior leader",
    "headteacher": "The headteacher",
    "it-support": "IT support or the filtering and monitoring provider",
    "data-protection-officer": "The data protection officer",
    "governors": "The governing body or proprietor",
}

# The anchors a guide's page gives its own sections (overrides/markdown/guide.md.jinja): no step
# may take one, nor the guide's own id.
PAGE_ANCHORS = ("contacts", "steps")

FOLDER = "what-to-do"  # the guides' pages: what-to-do/index.md and what-to-do/<id>.md
INDEX = f"{FOLDER}/index.md"


def guide_page(guide_id: str) -> str:
    return f"{FOLDER}/{guide_id}.md"


@dataclass(frozen=True)
class Contact:
    id: str
    role: str
    phone: str = ""
    hours: str = ""
    url: str = ""
    email: str = ""
    example: bool = False  # a county's placeholder number, marked on every page that shows it
    checked: CheckRecord | None = None  # national contacts: where the number was last checked
    data_file: str = ""
    use_for: str = ""  # national contacts: what the service is for, in a sentence

    @property
    def tel(self) -> str:
        """The number as a tel: address: digits and a leading + only."""
        return "tel:" + "".join(c for c in self.phone if c.isdigit() or c == "+")


@dataclass(frozen=True)
class Branch:
    condition: str
    go: str


@dataclass(frozen=True)
class Step:
    id: str
    number: int
    actor: str
    title: str
    do: str
    never: tuple[str, ...] = ()
    law: str = ""
    branches: tuple[Branch, ...] = ()
    contacts: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    source_note: str = ""

    @property
    def actor_name(self) -> str:
        return ROLES[self.actor]


@dataclass(frozen=True)
class Guide:
    id: str
    title: str
    summary: str
    roles: tuple[str, ...]
    order: int
    steps: tuple[Step, ...]
    data_file: str
    meta: FileMeta
    keywords: tuple[str, ...] = ()

    @property
    def page(self) -> str:
        return guide_page(self.id)

    @property
    def role_names(self) -> list[str]:
        return [ROLES[role] for role in self.roles]

    def contact_ids(self) -> list[str]:
        """Every contact the guide's steps name, once each, in the order they first appear."""
        return list(dict.fromkeys(c for step in self.steps for c in step.contacts))

    def step_number(self, step_id: str) -> int:
        return next(step.number for step in self.steps if step.id == step_id)


@dataclass(frozen=True)
class Guides:
    """Every guide, in the order of the What to do page, and every contact by id."""

    guides: tuple[Guide, ...] = ()
    contacts: dict = field(default_factory=dict)  # id -> Contact, county ones first

    def contacts_of(self, guide: Guide) -> list[Contact]:
        return [self.contacts[c] for c in guide.contact_ids()]

    def examples(self) -> list[Contact]:
        """The county's contacts still marked as examples: what `make review` lists."""
        return [c for c in self.contacts.values() if c.example]


# -- building the model from checked data ------------------------------------------------------
def _contact(raw: dict, data_file: str) -> Contact:
    return Contact(raw["id"], raw["role"], raw.get("phone", ""), raw.get("hours", ""),
                   parse_url(raw["url"]) if raw.get("url") else "", raw.get("email", ""),
                   raw.get("example", False), record_from_data(raw.get("checked")), data_file,
                   raw.get("use_for", ""))


def build_guides(files, metas: dict[str, FileMeta]) -> Guides:
    contacts = {}
    for schema in ("site", "contacts"):  # the county's own first
        for f in files:
            if f.schema == schema:
                contacts.update({c["id"]: _contact(c, f.shown_as) for c in f.data.get("contacts", [])})
    guides = [Guide(
        f.data["id"], f.data["title"], f.data["summary"], tuple(f.data["for"]), f.data["order"],
        tuple(Step(s["id"], number, s["actor"], s["title"], s["do"], tuple(s.get("never", ())), s.get("law", ""),
                   tuple(Branch(b["if"], b["go"]) for b in s.get("branches", ())), tuple(s.get("contacts", ())),
                   tuple(s.get("sources", ())), s.get("source_note", ""))
              for number, s in enumerate(f.data["steps"], start=1)),
        f.shown_as, metas[f.shown_as], tuple(f.data.get("keywords", ())),
    ) for f in files if f.schema == "guide"]
    return Guides(tuple(sorted(guides, key=lambda g: (g.order, g.title.lower()))), contacts)


# -- the rules a schema cannot say ----------------------------------------------------------------
def family_rules(checked) -> list[ContentError]:
    """The guides' own rules (families.py). A contacts file that fails its schema is reported
    there, not again in every step that names one of its contacts."""
    return check_guides(checked.valid, checked.all_valid("site", "contacts"))


def check_guides(files, contacts_readable: bool = True) -> list[ContentError]:
    """Every guide's id is its file's name; step ids are unique in it; each branch goes to a later
    step of the same guide; each contact is one data/site.yml or data/contacts.yml has; each step
    has sources or says why not (source_note). Unknown sources are reported with every other
    reference (rules.check_references, the guide family's `references`). While a contacts file fails its own
    schema (`contacts_readable` false) its ids are unknown: its own error is the one to fix, so no
    step is blamed for naming one of them."""
    contact_ids, errors = _contact_ids(files)
    for f in files:
        if f.schema == "guide":
            errors += _guide_problems(f, contact_ids if contacts_readable else None)
    return errors


def _contact_ids(files) -> tuple[set[str], list[ContentError]]:
    """Every contact id, and an error for an id given twice (in one file or across both) or for a
    check record that is unclear about whose copy was read."""
    seen: dict[str, str] = {}
    errors = []
    for f in [f for schema in ("site", "contacts") for f in files if f.schema == schema]:  # the county's first
        for index, contact in enumerate(f.data.get("contacts", [])):
            where = ["contacts", index, "id"]
            line = line_of(f.data, where)
            if contact["id"] in seen:
                errors.append(ContentError(f.shown_as, line, format_path(where),
                                           f"the contact id '{contact['id']}' is already used at {seen[contact['id']]}",
                                           "give each contact its own id, or remove one of the two"))
            else:
                seen[contact["id"]] = f"{f.shown_as}:{line}"
    return set(seen), errors


def _guide_problems(f, contact_ids: set[str] | None) -> list[ContentError]:
    errors = []
    expected = PurePosixPath(f.shown_as).stem
    if f.data["id"] != expected:
        errors.append(ContentError(f.shown_as, line_of(f.data, ["id"]), "id",
                                   f"is '{f.data['id']}', but the file is called {expected}.yml",
                                   f"make them the same: change the id to '{expected}', or rename the file"))
    position: dict[str, int] = {}
    for index, step in enumerate(f.data["steps"]):
        if step["id"] in PAGE_ANCHORS + (f.data["id"],):
            where = ["steps", index, "id"]
            errors.append(ContentError(
                f.shown_as, line_of(f.data, where), format_path(where),
                f"'{step['id']}' is the link of the guide page's own heading, so the step's link would not reach it",
                f"choose another id, such as '{f.data['id'][:20]}-{step['id']}-step'"))
        elif step["id"] in position:
            where = ["steps", index, "id"]
            errors.append(ContentError(
                f.shown_as, line_of(f.data, where), format_path(where),
                f"the step id '{step['id']}' is already used by step {position[step['id']] + 1} of this guide",
                "give each step its own id (it is the step's link on the page)"))
        else:
            position[step["id"]] = index
    for index, step in enumerate(f.data["steps"]):
        if not step.get("sources") and not step.get("source_note"):
            where = ["steps", index]
            errors.append(ContentError(
                f.shown_as, line_of(f.data, where + ["id"]), format_path(where),
                f"step '{step['id']}' has no sources and no source_note",
                "add sources: with the ids of the framework items it comes from, or source_note: saying why it "
                "has none (such as County practice: ...)"))
        for b, branch in enumerate(step.get("branches", [])):
            where = ["steps", index, "branches", b, "go"]
            target = position.get(branch["go"])
            if target is None:
                close = difflib.get_close_matches(branch["go"], list(position), n=1, cutoff=0.6)
                errors.append(ContentError(
                    f.shown_as, line_of(f.data, where), format_path(where),
                    f"goes to '{branch['go']}', which is not a step of this guide",
                    f"did you mean '{close[0]}'?" if close else "use the id of a later step of this guide"))
            elif target <= index:
                errors.append(ContentError(
                    f.shown_as, line_of(f.data, where), format_path(where),
                    f"goes to '{branch['go']}', which is {'this step itself' if target == index else 'an earlier step'}",
                    "a choice goes forward only: use the id of a later step, or move the steps so it comes later"))
        for c, contact in enumerate(step.get("contacts", [])):
            if contact_ids is not None and contact not in contact_ids:
                where = ["steps", index, "contacts", c]
                close = difflib.get_close_matches(contact, sorted(contact_ids), n=1, cutoff=0.6)
                errors.append(ContentError(
                    f.shown_as, line_of(f.data, where), format_path(where),
                    f"names the contact '{contact}', which neither data/site.yml nor data/contacts.yml has",
                    (f"did you mean '{close[0]}'? " if close else "")
                    + "Add it under contacts: in data/site.yml (the county's own) or data/contacts.yml (national)"))
    return errors
