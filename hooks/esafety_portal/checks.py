"""Check records: where each current framework item's wording was last checked.

Every item of a current framework carries `checked:` (data/schema/framework.schema.json,
$defs/check_record): the address read, the paragraph or section, the day, and whether it was the
publisher's own text or a secondary copy. The item's page shows it in one line, the open data
carries it, `make review` lists the items checked only against secondary copies, and a county
may refuse to publish those (data/site.yml: refuse_secondary_copies).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from .errors import ContentError
from .values import parse_url
from .yaml_loader import format_path, line_of

PUBLISHER = "publisher"
SECONDARY = "secondary copy"


@dataclass(frozen=True)
class CheckRecord:
    source: str  # the address read (values.Url)
    section: str  # the paragraph, section or standard, such as paragraph 165
    date: dt.date
    against: str  # PUBLISHER or SECONDARY
    copy_of: str = ""  # for a secondary copy: whose copy it is

    @property
    def secondary(self) -> bool:
        return self.against == SECONDARY

    @property
    def site(self) -> str:
        """The site read, as a reader knows it: gov.uk, legislation.gov.uk, www.example.org."""
        host = urlsplit(self.source).hostname or ""
        return host[4:] if host.startswith("www.") else host

    def as_data(self) -> dict:
        """The record for the open data, as it is in the data file."""
        record = {"source": str(self.source), "section": self.section, "date": self.date.isoformat(),
                  "against": self.against}
        return {**record, "copy_of": self.copy_of} if self.copy_of else record


def record_from_data(raw: dict | None) -> CheckRecord | None:
    if not raw:
        return None
    return CheckRecord(parse_url(raw["source"]), raw["section"], dt.date.fromisoformat(raw["date"]), raw["against"],
                       raw.get("copy_of", ""))


# A framework's `standing` that says it is not statutory: its items advise, they are not duties.
NOT_STATUTORY = re.compile(r"\bnon-?statutory\b|\bnot statutory\b", re.IGNORECASE)
DUTY = re.compile(r"\bduty\b")


def check_records(files) -> list[ContentError]:
    """Every item of a current framework has its check record; a secondary copy says whose it is
    (and the publisher's own text does not), for national contacts too; advice labels no item a
    duty. Run on every file that reads, valid or not, so these messages show with any others in
    the same file."""
    errors = []
    for f in files:
        if f.schema == "framework":
            errors += _records_of(f)
        elif f.schema == "contacts":  # national contacts' records (data/contacts.yml)
            contacts = f.data.get("contacts") if isinstance(f.data, dict) else None
            for index in range(len(contacts) if isinstance(contacts, list) else 0):
                errors += copy_problems(f, ["contacts", index, "checked"])
    return errors


def _records_of(f) -> list[ContentError]:
    errors = []
    current = f.data.get("status") == "current"
    standing = f.data.get("standing")
    not_statutory = isinstance(standing, str) and bool(NOT_STATUTORY.search(standing))
    items = f.data.get("items")
    for index, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict):
            continue
        where = ["items", index]
        record = item.get("checked")
        if current and not record:
            errors.append(ContentError(
                f.shown_as, line_of(f.data, where + ["id"]), format_path(where),
                f"'{item.get('id')}' has no check record, and every item of a current framework needs one",
                "add 'checked:' with source (the address you read), section (such as paragraph 165), "
                "date (the day you checked, YYYY-MM-DD) and against (publisher or secondary copy)"))
        else:
            errors += copy_problems(f, where + ["checked"])
        kind = item.get("kind")
        if not_statutory and isinstance(kind, str) and DUTY.search(kind):
            errors.append(ContentError(
                f.shown_as, line_of(f.data, where + ["kind"]), format_path(where + ["kind"]),
                f"labels '{item.get('id')}' a duty, but the framework's standing says it is not statutory",
                "use a kind that says what it is, such as advice or expectation; a duty needs a law or "
                "statutory guidance behind it"))
    return errors


def copy_problems(f, where: list) -> list[ContentError]:
    """A check record (at `where` in file `f`) of a secondary copy says whose copy it is, and one
    of the publisher's own text does not: for framework items and national contacts alike."""
    record = _at(f.data, where)
    if isinstance(record, dict) and record.get("against") == SECONDARY and not record.get("copy_of"):
        return [ContentError(
            f.shown_as, line_of(f.data, where + ["against"]), format_path(where + ["against"]),
            "is a secondary copy but does not say whose", "add 'copy_of:' naming who made the copy, "
            "such as a local authority's briefing")]
    if isinstance(record, dict) and record.get("against") == PUBLISHER and record.get("copy_of"):
        return [ContentError(
            f.shown_as, line_of(f.data, where + ["copy_of"]), format_path(where + ["copy_of"]),
            "is given for the publisher's own text", "remove copy_of, or set against: secondary copy")]
    return []


def _at(data, path):
    for step in path:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def refused_secondary(files) -> list[ContentError]:
    """With data/site.yml's refuse_secondary_copies: true, one error for each current item
    checked only against a secondary copy, so that none is published."""
    site = next((f.data for f in files if f.schema == "site"), {})
    if not site.get("refuse_secondary_copies"):
        return []
    errors = []
    for f in files:
        if f.schema != "framework" or f.data["status"] != "current":
            continue
        for index, item in enumerate(f.data["items"]):
            record = item.get("checked")
            if record and record["against"] == SECONDARY:
                where = ["items", index, "checked", "against"]
                errors.append(ContentError(
                    f.shown_as, line_of(f.data, where), format_path(where),
                    f"'{item['id']}' was checked only against a secondary copy, and data/site.yml says "
                    "refuse_secondary_copies: true",
                    "check the wording against the publisher's own text and set against: publisher, or set "
                    "refuse_secondary_copies: false in data/site.yml"))
    return errors


def secondary_only(frameworks) -> list[tuple[object, object]]:
    """(framework, item) for every current item checked only against a secondary copy, the
    oldest check first: the editors' list of what to check against the publisher's text."""
    found = [(fw, item) for fw in frameworks if fw.current for item in fw.items
             if item.extra.checked and item.extra.checked.secondary]
    return sorted(found, key=lambda pair: (pair[1].extra.checked.date, pair[0].data_file, pair[1].id))
