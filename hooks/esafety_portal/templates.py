"""Policy and AUP templates: the model built from data/templates/*.yml, the placeholder
vocabulary and its check, and the clauses as indexed items.

load.py calls the placeholder check and the builder; this module knows nothing of load.py.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from .errors import ContentError
from .kept_findings import kept_for
from .model import FileMeta, Item
from .since_previous import Previous, SincePrevious, previous_from_data, since_previous_from_data
from .yaml_loader import format_path, line_of

# The only placeholders a template may use, and how each is shown to a school filling it in.
# Written [[like_this]] so they can never be mistaken for Jinja's {{ }}.
PLACEHOLDERS = {
    "school_name": "School name",
    "headteacher": "Headteacher's name",
    "dsl": "Designated safeguarding lead's name",
    "deputy_dsl": "Deputy designated safeguarding lead's name",
    "e_safety_lead": "e-Safety lead's name",
    "link_governor": "Link governor's name",
    "chair_of_governors": "Chair of governors' name",
    "technical_lead": "Technical lead's name",
    "filtering_senior_leader": "Senior leader responsible for filtering and monitoring",
    "filtering_governor": "Governor responsible for filtering and monitoring",
    "date_ratified": "Date ratified by governors",
    "next_review_date": "Next review date",
    "filtering_provider": "Filtering provider",
    "online_reporting_route": "Online reporting route",
    "school_contact": "School office phone or email",
    "guest_wifi_name": "Guest Wi-Fi network name",
}
# What each placeholder asks for, shown under its label on the "Your school's details" form.
PLACEHOLDER_HELP = {
    "school_name": "Your school's full name, as it appears on letters home.",
    "headteacher": "The headteacher's name, or their role if you prefer, such as Mrs A Patel.",
    "dsl": "The member of staff who leads on safeguarding and child protection.",
    "deputy_dsl": "Who deals with safeguarding concerns when the designated lead is away.",
    "e_safety_lead": "The member of staff who co-ordinates e-Safety; often the DSL or computing lead.",
    "link_governor": "The governor who oversees safeguarding, including e-Safety.",
    "chair_of_governors": "The chair of the governing body, who signs the policy.",
    "technical_lead": "Who runs the school's network, filtering and monitoring: staff or a company.",
    "filtering_senior_leader": "The member of the senior leadership team named as responsible for meeting the "
                               "DfE's filtering and monitoring standards.",
    "filtering_governor": "The governor named as responsible for filtering and monitoring; often the safeguarding "
                          "governor.",
    "date_ratified": "When governors approved the policy, such as 14 October 2026.",
    "next_review_date": "When the policy will next be reviewed: usually a year after it is approved.",
    "filtering_provider": "The company or service that filters the school's internet, such as its broadband provider.",
    "online_reporting_route": "How pupils and parents report a worry online, such as a form or a named email address.",
    "school_contact": "The school office's phone number or email address, for parents and visitors.",
    "guest_wifi_name": "The name of the Wi-Fi network that visitors join.",
}
_PLACEHOLDER = re.compile(r"\[\[([^\[\]]*)\]\]")
# Anything that looks like an attempt at a placeholder but is not well formed.
_BROKEN = re.compile(r"\[\[|\]\]")


@dataclass(frozen=True)
class Piece:
    """A run of template text: plain words, or a placeholder to fill in."""

    text: str
    placeholder: str = ""  # the vocabulary name, when this piece is a placeholder
    # What a school sees: the words themselves, or the placeholder's label such as [School name].
    # A field, not a lookup, so everything a document shows is in its outline (and its cache key).
    label: str = ""

    def __post_init__(self):
        if not self.label:
            shown = placeholder_label(self.placeholder) if self.placeholder else self.text
            object.__setattr__(self, "label", shown)


def placeholder_label(name: str) -> str:
    """What a blank shows until it is filled in, such as [School name]."""
    return f"[{PLACEHOLDERS.get(name, name)}]"


def pieces(text: str) -> list[Piece]:
    """Split text into plain runs and placeholders, in order."""
    out, start = [], 0
    for match in _PLACEHOLDER.finditer(text):
        if match.start() > start:
            out.append(Piece(text[start:match.start()]))
        out.append(Piece(match.group(0), match.group(1)))
        start = match.end()
    if start < len(text):
        out.append(Piece(text[start:]))
    return out


def fill_labels(text: str) -> str:
    """The text with each placeholder shown as its label, such as [School name]."""
    return "".join(piece.label for piece in pieces(text))


# -- the model -------------------------------------------------------------------------------
@dataclass
class Clause:
    id: str
    text: str
    addresses: tuple[str, ...]
    template_id: str
    line: int = 1  # the line of its text in the data file, for messages to editors
    path: str = ""  # where its text is in the file, such as sections[1].clauses[0].text
    since_previous: SincePrevious | None = None  # how it changed since the previous version


@dataclass(frozen=True)
class Reading:
    """How hard a template's clauses may be to read: its `reading` block."""

    grade: float  # the highest Flesch-Kincaid grade of the clauses read together
    max_words: int | None = None  # the most words in any one clause, if limited


@dataclass
class Section:
    id: str
    title: str
    intro: str
    clauses: list[Clause]
    template_id: str

    @property
    def heading(self) -> str:
        return self.title


@dataclass(frozen=True)
class Signature:
    title: str
    statement: str
    fields: tuple[str, ...]
    signers: tuple[str, ...]


@dataclass
class Template:
    id: str
    kind: str  # policy or aup
    title: str
    audience: str
    key_stage: str
    version: str
    purpose: str
    sections: list[Section]
    if_broken: str
    signature: Signature | None
    data_file: str  # e.g. data/templates/aup-ks2.yml
    meta: FileMeta
    keywords: tuple[str, ...] = ()
    order: int = 0  # position in the list of templates
    reading: Reading | None = None  # the reading target, which every template file states
    items: list[Item] = field(default_factory=list)  # the clauses, as indexed items
    previous: Previous | None = None  # the version it replaced, when its changes are recorded

    @property
    def template_id(self) -> str:
        return self.id

    @property
    def heading(self) -> str:
        return self.title

    @property
    def clauses(self) -> list[Clause]:
        return [clause for section in self.sections for clause in section.clauses]

    @property
    def review(self):
        return self.meta.review

    @property
    def changes(self):
        return self.meta.changes


def template_from_data(data: dict, data_file: str, meta: FileMeta) -> Template:
    template_id = data["id"]
    sections = [
        Section(s["id"], s["title"], s.get("intro", ""),
                [_clause(data, template_id, (index, number)) for number in range(len(s["clauses"]))],
                template_id)
        for index, s in enumerate(data["sections"])
    ]
    reading = data.get("reading")
    sig = data.get("signature")
    template = Template(
        id=template_id, kind=data["kind"], title=data["title"], audience=data["audience"],
        key_stage=data.get("key_stage", ""), version=str(data["version"]), purpose=data["purpose"],
        sections=sections, if_broken=data.get("if_broken", ""),
        signature=Signature(sig["title"], sig.get("statement", ""), tuple(sig["fields"]), tuple(sig["signers"]))
        if sig else None,
        data_file=data_file, meta=meta, keywords=tuple(data.get("keywords", ())), order=data.get("order", 0),
        reading=Reading(reading["grade"], reading.get("max_words")) if reading else None,
        previous=previous_from_data(data.get("previous"), f"version {data['previous']['version']}")
        if data.get("previous") else None,
    )
    template.items = [clause_item(template, section, clause) for section in sections for clause in section.clauses]
    return template


def _clause(data: dict, template_id: str, where: tuple[int, int]) -> Clause:
    section, number = where
    path = ["sections", section, "clauses", number, "text"]
    raw = data["sections"][section]["clauses"][number]
    return Clause(raw["id"], raw["text"], tuple(raw["addresses"]), template_id,
                  line=line_of(data, path), path=format_path(path),
                  since_previous=since_previous_from_data(raw.get("since_previous")))


@dataclass(frozen=True)
class ClauseFields:
    """Where a clause sits, besides every item's fields (model.Item): its `extra`."""

    section: str  # the id of its section
    template_id: str  # the id of its template


def clause_item(template: Template, section: Section, clause: Clause) -> Item:
    # The title is what links to the clause from indicator pages say: which template, and the words.
    words = fill_labels(clause.text).replace("[", "").replace("]", "")
    short = words if len(words) <= 90 else words[:90].rsplit(" ", 1)[0] + "…"
    return Item(id=clause.id, kind="clause", text=clause.text, title=f"{template.title}: {short}",
                group=template.id, refs={"addresses": clause.addresses} if clause.addresses else {},
                extra=ClauseFields(section.id, template.id))


# -- checks and building, called by load.py ------------------------------------------
def family_rules(checked) -> list[ContentError]:
    """The templates' own rules (families.py): placeholders."""
    return check_placeholders(checked.valid, checked.ids)


def check_placeholders(files, ids) -> list[ContentError]:
    """Every [[placeholder]] in a template must be one of PLACEHOLDERS."""
    errors = []
    for f in files:
        if f.schema == "template":
            errors += kept_for(f, "placeholders", lambda: _placeholder_problems(f))
    return errors


def _placeholder_problems(f) -> list[ContentError]:
    from .rules import walk

    errors = []
    for path, _key, value in walk(f.data):
        if not isinstance(value, str):
            continue
        where, line = format_path(path), line_of(f.data, list(path))
        for match in _PLACEHOLDER.finditer(value):
            name = match.group(1)
            if name not in PLACEHOLDERS:
                errors.append(ContentError(f.shown_as, line, where, f"uses the unknown placeholder '[[{name}]]'",
                                           _suggest_placeholder(name)))
        if _BROKEN.search(_PLACEHOLDER.sub("", value)):
            errors.append(ContentError(f.shown_as, line, where, "has a '[[' or ']]' that is not part of a placeholder",
                                       "write placeholders as [[school_name]], with two brackets on each side"))
    return errors


def _suggest_placeholder(name: str) -> str:
    close = difflib.get_close_matches(name.strip().lower().replace(" ", "_").replace("-", "_"), PLACEHOLDERS, n=1,
                                      cutoff=0.5)
    if close:
        return f"did you mean '[[{close[0]}]]'?"
    return "use one of: " + ", ".join(f"[[{name}]]" for name in PLACEHOLDERS)


def build_templates(files, metas: dict[str, FileMeta]) -> list[Template]:
    return sorted((template_from_data(f.data, f.shown_as, metas[f.shown_as]) for f in files if f.schema == "template"),
                  key=template_order)


def template_order(template: Template):
    # The policy first, then the AUPs in the order their files give, youngest pupils first.
    return (template.kind != "policy", template.order, template.id)

