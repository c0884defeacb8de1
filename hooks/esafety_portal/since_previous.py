"""What changed since the previous edition of a framework or version of a template, as data: the
file's `previous:` block (the edition or version it replaced, and what that had which this one
dropped) and each item's or clause's `since_previous:` (added, or reworded with its earlier words).

One record serves both families, so the page "What changed in ..." (what_changed.py) is drawn the
same way for KCSIE 2026 and for version 1.3 of the e-Safety policy.
"""
from __future__ import annotations

from dataclasses import dataclass

from .checks import CheckRecord, copy_problems, record_from_data
from .errors import ContentError
from .values import parse_url
from .yaml_loader import format_path, line_of

ADDED = "added"
REWORDED = "reworded"


@dataclass(frozen=True)
class SincePrevious:
    """How one item or clause changed: ADDED, or REWORDED from `before`."""

    change: str
    before: str = ""
    reference: str = ""  # where it was in the previous edition
    note: str = ""
    checked: CheckRecord | None = None  # where the change was confirmed (frameworks only)

    def as_data(self) -> dict:
        """The record for the open data, as it is in the data file."""
        return _data(self)


@dataclass(frozen=True)
class Removed:
    """Something the previous edition or version had that this one has not."""

    text: str
    id: str = ""  # a removed clause's id
    reference: str = ""
    replaced_by: str = ""  # the id of what took its place
    checked: CheckRecord | None = None

    def as_data(self) -> dict:
        return _data(self)


@dataclass(frozen=True)
class Step:
    """One step before a template's previous version: what `version` changed from `source`."""

    version: str
    source: str  # the version it replaced (the data's from:)
    added: tuple[str, ...] = ()  # clause ids
    reworded: tuple[tuple[str, str], ...] = ()  # (clause id, its words in `source`)
    removed: tuple[Removed, ...] = ()

    @property
    def anchor(self) -> str:
        return "from-" + self.source.replace(".", "-")


@dataclass(frozen=True)
class Previous:
    """The edition or version this one replaced."""

    label: str  # its short name, such as KCSIE 2025 or version 1.2
    title: str = ""
    published: str = ""
    url: str = ""
    complete: bool = True  # whether the changes recorded are every change (a template's always are)
    note: str = ""
    removed: tuple[Removed, ...] = ()
    earlier: tuple[Step, ...] = ()  # a template's steps before this one, newest first

    def as_data(self) -> dict:
        # Named as in the data file (a framework's short_title; a template's version is not published).
        return {"short_title": self.label, **_data(self, "label", "removed", "earlier"),
                "removed": [r.as_data() for r in self.removed]}


def _data(record, *leave_out: str) -> dict:
    """A record's fields that hold something, its check record as in the data file."""
    values = {name: getattr(record, name) for name in record.__dataclass_fields__ if name not in leave_out}
    return {name: value.as_data() if isinstance(value, CheckRecord) else str(value) if name == "url" else value
            for name, value in values.items() if value not in ("", None)}


def since_previous_from_data(raw: dict | None) -> SincePrevious | None:
    if not raw:
        return None
    return SincePrevious(raw["change"], raw.get("before", ""), raw.get("reference", ""), raw.get("note", ""),
                         record_from_data(raw.get("checked")))


def previous_from_data(raw: dict | None, label: str) -> Previous | None:
    """A file's `previous:`; `label` names it (a framework's short title, a template's version)."""
    if not raw:
        return None
    earlier = tuple(Step(str(step["version"]), str(step["from"]), tuple(step.get("added", ())),
                         tuple((r["id"], r["before"]) for r in step.get("reworded", ())), _removed(step))
                    for step in raw.get("earlier", ()))
    return Previous(label, raw.get("title", ""), str(raw.get("published", "")),
                    parse_url(raw["url"]) if raw.get("url") else "", raw.get("complete", True), raw.get("note", ""),
                    _removed(raw), earlier)


def _removed(raw: dict) -> tuple[Removed, ...]:
    return tuple(Removed(r["text"], r.get("id", ""), r.get("reference", ""), r.get("replaced_by", ""),
                         record_from_data(r.get("checked"))) for r in raw.get("removed", ()))


# -- rules ----------------------------------------------------------------------------------
def changed_entries(f) -> list[tuple[list, dict]]:
    """(path, item or clause) for every item of a framework or clause of a template in file `f`."""
    if f.schema == "framework":
        return [(["items", i], item) for i, item in enumerate(f.data["items"])]
    return [(["sections", s, "clauses", c], clause) for s, section in enumerate(f.data["sections"])
            for c, clause in enumerate(section["clauses"])]


def framework_rules(checked) -> list[ContentError]:
    """What the schema cannot say about previous: and since_previous: in frameworks (families.py)."""
    return [error for f in checked.valid if f.schema == "framework" for error in check_file(f)]


def template_rules(checked) -> list[ContentError]:
    """The same for templates (families.py)."""
    return [error for f in checked.valid if f.schema == "template" for error in check_file(f)]


def check_file(f) -> list[ContentError]:
    errors = []
    previous = f.data.get("previous")
    entries = changed_entries(f)
    own_ids = {entry["id"] for _, entry in entries}
    for where, entry in entries:
        change = entry.get("since_previous")
        if not change:
            continue
        at = where + ["since_previous"]
        if not previous:
            errors.append(ContentError(
                f.shown_as, line_of(f.data, at), format_path(at),
                f"says '{entry['id']}' changed since the previous edition, but the file does not say which that was",
                "add 'previous:' at the top of the file, naming the edition or version this one replaced"))
        if change["change"] == REWORDED and not change.get("before"):
            errors.append(ContentError(
                f.shown_as, line_of(f.data, at + ["change"]), format_path(at + ["change"]),
                "says it was reworded, but not what it said before",
                "add 'before:' with the previous wording, or write change: added if it is new"))
        if change["change"] == ADDED and change.get("before"):
            errors.append(ContentError(
                f.shown_as, line_of(f.data, at + ["before"]), format_path(at + ["before"]),
                "gives earlier wording for something added in this edition",
                "write change: reworded if it was there before, or remove before:"))
        if change.get("checked"):
            errors += copy_problems(f, at + ["checked"])
    if not previous:
        return errors
    if f.schema == "template" and _version(previous["version"]) >= _version(f.data["version"]):
        same = _version(previous["version"]) == _version(f.data["version"])
        errors.append(ContentError(
            f.shown_as, line_of(f.data, ["previous", "version"]), "previous.version",
            f"is {previous['version']}, " + ("the same as this version" if same else
                                              f"later than this version ({f.data['version']})"),
            "give the version this one replaced" + ("" if same else ", or the new version number under version:")))
    for index, removed in enumerate(previous.get("removed", ())):
        at = ["previous", "removed", index]
        if removed.get("id") in own_ids:
            errors.append(_removed_but_kept(f, at + ["id"], removed["id"]))
        target = removed.get("replaced_by")
        if target and target not in own_ids:
            errors.append(ContentError(
                f.shown_as, line_of(f.data, at + ["replaced_by"]), format_path(at + ["replaced_by"]),
                f"names '{target}', which is not an item of this file",
                "give the id of the item or clause, in this file, that took its place, or remove replaced_by"))
        if removed.get("checked"):
            errors += copy_problems(f, at + ["checked"])
    if f.schema == "template":
        errors += _earlier_problems(f, previous, own_ids)
    return errors


def _removed_but_kept(f, where: list, clause_id: str) -> ContentError:
    return ContentError(
        f.shown_as, line_of(f.data, where), format_path(where),
        f"says the clause '{clause_id}' was removed, but the template still has it",
        "remove this entry, or give the removed clause's own id (a clause's id is never used again)")


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in str(text).split("."))


def _earlier_problems(f, previous: dict, own_ids: set[str]) -> list[ContentError]:
    """A template's earlier steps run down from its previous version without a gap, and name only
    clauses it has (or that a newer step removed), never a removed clause it still has."""
    errors = []
    gone = {r.get("id") for r in previous.get("removed", ())}  # removed by a newer step than each
    expected = str(previous["version"])
    for index, step in enumerate(previous.get("earlier", ())):
        at = ["previous", "earlier", index]
        if str(step["version"]) != expected:
            errors.append(ContentError(
                f.shown_as, line_of(f.data, at + ["version"]), format_path(at + ["version"]),
                f"is {step['version']}, but the step before it in the list came from version {expected}",
                f"list the steps newest first without a gap: this one should make version {expected}"))
        if _version(step["from"]) >= _version(step["version"]):
            errors.append(ContentError(
                f.shown_as, line_of(f.data, at + ["from"]), format_path(at + ["from"]),
                f"is {step['from']}, not a version before {step['version']}", "give the version this step replaced"))
        expected = str(step["from"])
        named = [(["added", n], cid) for n, cid in enumerate(step.get("added", ()))]
        named += [(["reworded", n, "id"], r["id"]) for n, r in enumerate(step.get("reworded", ()))]
        named += [(["removed", n, "replaced_by"], r["replaced_by"])
                  for n, r in enumerate(step.get("removed", ())) if r.get("replaced_by")]
        for where, clause_id in named:
            if clause_id not in own_ids | gone:
                errors.append(ContentError(
                    f.shown_as, line_of(f.data, at + where), format_path(at + where),
                    f"names '{clause_id}', which is not a clause of this template (nor one a newer version removed)",
                    "give the id of one of its clauses, or list the clause under removed: of the version that took it out"))
        for n, removed in enumerate(step.get("removed", ())):
            if removed.get("id") in own_ids:
                errors.append(_removed_but_kept(f, at + ["removed", n, "id"], removed["id"]))
        gone |= {r.get("id") for r in step.get("removed", ())}
    return errors
