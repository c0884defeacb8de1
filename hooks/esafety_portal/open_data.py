"""Open data: the content model as JSON and CSV, each file made by the family that owns it
(families.Family.exports) with the title the open-data page lists it under. Deterministic: the
same data gives the same bytes."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from .csv_text import csv_bytes
from .frameworks import ITEM_FIELDS
from .model import Content, Item


@dataclass(frozen=True)
class OpenData:
    """One published file under open-data/: its path there, how the open-data page lists it
    (a title, and Markdown after the link), and its bytes."""

    path: str  # such as features.csv or frameworks/kcsie-2026.json
    title: str
    data: bytes
    note: str = ""

    @property
    def format(self) -> str:
        return self.path.rsplit(".", 1)[-1]


def _json(data) -> bytes:
    """Indented UTF-8 JSON, dates as YYYY-MM-DD."""
    return (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False, default=_iso) + "\n").encode("utf-8")


def family_json(content: Content, family) -> list[OpenData]:
    """A family without exports of its own: its validated data as <name>.json. A family with a
    builder holds objects, not data: it names its own exports, or publishes none."""
    if family.build:
        return []
    return [OpenData(f"{family.key}.json", family.heading, _json(content.family(family.key)))]


def typed_json(content: Content, family) -> list[OpenData]:
    """A family whose builder makes dataclasses (the guides, the school's year): them as <name>.json,
    dates as YYYY-MM-DD."""
    return [OpenData(f"{family.key}.json", family.heading, _json(dataclasses.asdict(content.family(family.key))))]


def _iso(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def organisations_json(content: Content, family) -> list[OpenData]:
    return [OpenData("organisations.json", "Organisations and tools", _json(organisation_records(content)))]


def organisation_records(content: Content) -> list[dict]:
    return [{k: (list(v) if isinstance(v, tuple) else v) for k, v in vars(o).items()} for o in content.organisations]


def published(content: Content) -> list[OpenData]:
    """Every family's open data, in the registry's order (families.FAMILIES)."""
    from .families import FAMILIES
    from .registry import function

    return [made for family in FAMILIES if family.exports for made in function(family.exports)(content, family)]


# The framework family's files, in the order the open-data page lists them.
FRAMEWORK_TITLES = {
    "features.csv": ("Features of good and outstanding practice", ""),
    "inadequate.csv": ("Indicators of inadequate practice", ""),
    "questions.csv": ("Questions inspectors may ask", ""),
    "frameworks.csv": ("Every item of every framework", ", with where each current item's\n  wording was checked: "
                       "the address, the section, the day, and whether against the publisher's own\n  text or a "
                       "secondary copy (the `checked_` columns)"),
    "crosswalk.csv": ("The crosswalk from the 2012 and 2010 items to today's", ""),
    "features.json": ("Features, by theme", ""),
    "inadequate.json": ("Indicators of inadequate practice", ""),
    "questions.json": ("Questions, by audience", ""),
    "survey.json": ("The 2010 survey", ""),
    "sources.json": ("Source documents", ""),
}


def framework_exports(content: Content, family) -> list[OpenData]:
    """The 2012 and 2010 documents' tables, every framework's items, the crosswalk, and one JSON
    file per framework."""
    made = {**json_files(content), **csv_files(content)}
    out = [OpenData(path, title, made[path], note) for path, (title, note) in FRAMEWORK_TITLES.items() if path in made]
    out += [OpenData(f"frameworks/{fw.id}.json", fw.title, made[f"frameworks/{fw.id}.json"])
            for fw in content.frameworks]
    return out


def _source(item: Item) -> dict:
    s = item.source
    return {"document": s.document.id, "title": s.document.title, "published": s.document.published,
            "section": s.section, "status": s.document.status} if s else {}


def _item(item: Item) -> dict:
    record = {"id": item.id, "title": item.title, "text": item.text, "source": _source(item)}
    record.update({name: list(ids) for name, ids in sorted(item.refs.items())})
    record.update({name: getattr(item.extra, name) for name in ITEM_FIELDS if getattr(item.extra, name)})
    if item.keywords:
        record["keywords"] = list(item.keywords)
    return record


# The 2012 and 2010 documents' tables keep the addresses and shapes they were first published with:
# each is the items of one kind that a framework places on a hand-written page (its file's kinds:),
# by group where they are grouped. Every framework's own file (frameworks/<id>.json) has them too.
def grouped(content: Content, group_kind: str, key: str, **shown) -> list[dict]:
    """The items in the groups of `group_kind`, each group with its id and title (and the group
    fields `shown` names, as group attribute -> key) and its items under `key`."""
    return [{"id": g.id, "title": g.title, **{name: getattr(g, field) for name, field in shown.items()},
             key: [_item(i) for i in g.items]} for g in content.placed_groups(group_kind)]


def placed(content: Content, kind: str) -> list[dict]:
    return [_item(i) for i in content.placed_items(kind)]


def families(content: Content) -> dict[str, object]:
    """Each published family as plain JSON-ready data."""
    survey = content.details("survey")
    tables = {
        "features": grouped(content, "theme", "features", heading_inferred="heading_inferred"),
        "inadequate": placed(content, "inadequate"),
        "questions": grouped(content, "audience", "questions"),
        "survey": survey and {
            "survey": dict(survey["survey"]),
            "areas": [dict(a) for a in survey["areas"]],
            "grades": [dict(g) for g in survey["grades"]],
            "findings": placed(content, "finding"),
            "recommendations": placed(content, "recommendation"),
            "focus_areas": placed(content, "focus"),
        },
        "organisations": organisation_records(content),
        "sources": [dict(vars(s)) for s in content.sources.values()],
        **{f"frameworks/{fw.id}": framework_record(fw) for fw in content.frameworks},
    }
    # A portal without the 2010 survey's file publishes no survey.json.
    return {name: data for name, data in tables.items() if name != "survey" or data}


IDENTITY = ("id", "title", "short_title", "publisher", "edition", "published", "in_force", "as_of", "status",
            "status_note", "url", "licence", "intro")


def framework_record(framework) -> dict:
    record = {name: getattr(framework, name) for name in IDENTITY if getattr(framework, name)}
    record["groups"] = [{"id": g.id, "title": g.title, "intro": g.intro} for g in framework.groups]
    record["items"] = [{"id": i.id, "kind": i.kind, "group": i.group, "title": i.title, "text": i.text,
                        **i.extra.exported(),
                        **({"checked": i.extra.checked.as_data()} if i.extra.checked else {}),
                        **({"since_previous": i.extra.since_previous.as_data()} if i.extra.since_previous else {}),
                        **({"grew_out_of": [{"item": m.historical, "relation": m.relation, "note": m.note}
                                            for m in i.extra.grew_out_of]} if i.extra.grew_out_of else {}),
                        **({"keywords": list(i.keywords)} if i.keywords else {}),
                        **({"links": {name: list(ids) for name, ids in sorted(i.refs.items())}} if i.refs else {})}
                       for i in framework.items]
    if framework.previous:  # the edition it replaced, and what that had which this one dropped
        record["previous"] = framework.previous.as_data()
    return record


def json_files(content: Content) -> dict[str, bytes]:
    return {f"{name}.json": _json(data) for name, data in families(content).items()}


CSV_COLUMNS = ["id", "group", "title", "text", "links", "source_document", "source_section"]


def csv_files(content: Content) -> dict[str, bytes]:
    def in_groups(group_kind: str, via: str) -> list:
        return [(i, g.title, via) for g in content.placed_groups(group_kind) for i in g.items]

    tables = {
        "features.csv": in_groups("theme", "answers"),
        "inadequate.csv": [(i, "", "absence_of") for i in content.placed_items("inadequate")],
        "questions.csv": in_groups("audience", "probes"),
    }
    out = {name: csv_bytes(CSV_COLUMNS, ([item.id, group, item.title, " ".join(item.text.split()),
                                          " ".join(item.refs.get(via, ())), item.source.document.id,
                                          item.source.section] for item, group, via in rows))
           for name, rows in tables.items()}
    out["frameworks.csv"] = frameworks_csv(content)
    out["crosswalk.csv"] = crosswalk_csv(content)
    return out


CROSSWALK_COLUMNS = ["historical_id", "historical_title", "current_framework", "current_id", "current_title",
                     "relation", "note"]


NO_EQUIVALENT = "no-current-equivalent"  # the relation column of an item nothing carries forward


def crosswalk_csv(content: Content) -> bytes:
    """One row per crosswalk mapping: a 2012 or 2010 item and the current item carrying it forward."""
    rows = []
    for m in content.mappings():
        current = content.get(m.current)
        rows.append([m.historical, content.get(m.historical).title, current.extra.framework, m.current,
                     current.title, m.relation, m.note])
    # Items no current framework carries forward: a row each, with the reason in place of a note.
    for item in content.without_equivalent():
        reason = " ".join(item.extra.no_current_equivalent.split())
        rows.append([item.id, item.title, "", "", "", NO_EQUIVALENT, reason])
    return csv_bytes(CROSSWALK_COLUMNS, rows)


FRAMEWORK_COLUMNS = ["framework", "framework_status", "id", "kind", "group", "title", "text", "reference", "links",
                     "checked_source", "checked_section", "checked_date", "checked_against", "checked_copy_of"]
CHECK_FIELDS = ("source", "section", "date", "against", "copy_of")  # the checked_ columns, in order


def frameworks_csv(content: Content) -> bytes:
    """Every item of every framework, one row each, with the framework it belongs to."""
    rows = []
    for fw in content.frameworks:
        for item in fw.items:
            links = " ".join(f"{name}:{target}" for name, ids in sorted(item.refs.items()) for target in ids)
            checked = item.extra.checked.as_data() if item.extra.checked else {}
            rows.append([fw.id, fw.status, item.id, item.kind, item.group, item.title, " ".join(item.text.split()),
                         item.extra.reference, links, *(checked.get(name, "") for name in CHECK_FIELDS)])
    return csv_bytes(FRAMEWORK_COLUMNS, rows)


def schema_files(schema_dir: Path) -> dict[str, bytes]:
    return {f"schema/{p.name}": p.read_bytes() for p in sorted(schema_dir.glob("*.schema.json"))}
