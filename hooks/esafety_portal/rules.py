"""The checks a schema cannot express: unique ids, references that resolve, real dates,
safe Markdown and web addresses, for every family. Each returns a list of ContentError."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from . import duplicate_ids, values
from .errors import ContentError
from .families import ANY_FRAMEWORK_ITEM, CROSSWALK_KINDS, FAMILIES, LINKS, family_of
from .kept_findings import kept_for
from .yaml_loader import LineDict, LineList, format_path, line_of


@dataclass
class DataFile:
    shown_as: str  # e.g. data/frameworks/kcsie-2026.yml
    schema: str  # e.g. features
    data: LineDict
    raw: bytes = b""  # the file's bytes when read from one: what is found in it is kept by them (kept_findings.py)


@dataclass(frozen=True)
class Checked:
    """What a family's own rules (families.Family.rules) are given: every file that reads, those
    that also keep to their schema, every id with its kind, and docs/ (None when only data/ is
    checked, as by `make check` on a copy of data/)."""
    parsed: list[DataFile]
    valid: list[DataFile]
    ids: dict
    docs_dir: Path | None

    def all_valid(self, *schemas: str) -> bool:
        """Whether every file of these schemas that reads also keeps to its schema."""
        return all(f in self.valid for f in self.parsed if f.schema in schemas)


@dataclass(frozen=True)
class IdEntry:
    id: str
    kind: str
    file: str
    line: int
    path: str
    family: str = ""  # the schema of the file it is in, such as framework


def _children(node):
    """(its (key or index, value) pairs, whether the keys are a mapping's), or None for a scalar."""
    if isinstance(node, dict):
        return iter(node.items()), True
    if isinstance(node, list):
        return iter(enumerate(node)), False
    return None


def walk(node, path=()):
    """Yield (path, parent_key, value) for every value in a tree of dicts and lists, each value
    before those inside it. With a stack rather than nested generators: every load walks every
    file, and a generator per level made each value pass up through every level above it."""
    top = _children(node)
    stack = [(path, *top)] if top else []
    while stack:
        here, pairs, mapping = stack[-1]
        for key, value in pairs:
            step = here + (key,)
            yield step, key if mapping else None, value
            below = _children(value)
            if below:
                stack.append((step, *below))
                break
        else:
            stack.pop()


def _kind_of(path, kinds: dict) -> str | None:
    """The kind of item a mapping at `path` is, from the nearest named list or field, in the
    `kinds` of the family whose file it is in (a list of the same name elsewhere is not typed)."""
    for step in reversed(path):
        if isinstance(step, str):
            return kinds.get(step)
    return None


def collect_ids(files: list[DataFile], project_dir: Path | None = None) -> tuple[dict[str, IdEntry], list[ContentError]]:
    """Every id with its kind and place; an id used twice is kept by the published occurrence
    and reported at the other (duplicate_ids.py says which is which)."""
    entries: list[IdEntry] = []
    occurrences: list[duplicate_ids.Occurrence] = []
    for order, f in enumerate(files):
        own_id = _own_id(f)
        for entry in kept_for(f, "ids", lambda: _ids_in(f)):
            entries.append(entry)
            occurrences.append(duplicate_ids.Occurrence(entry.id, f.shown_as, entry.line, order,
                                                        own_id if isinstance(own_id, str) else "", len(entries) - 1))
    clashes = duplicate_ids.resolve(occurrences, project_dir, next_free_id)
    reported = {c.new.index for c in clashes}
    ids = {e.id: e for index, e in enumerate(entries) if index not in reported}
    errors = []
    for clash in clashes:
        entry = entries[clash.new.index]
        kept = f"{clash.kept.file}:{clash.kept.line}"
        if clash.published:
            problem = (f"the id '{clash.new.id}' is already published at {kept} "
                       f"(schools' links and saved answers use it)")
            fix = f"keep that one, and give this one a new id: '{clash.suggestion}'"
        else:
            problem = f"the id '{clash.new.id}' is already used at {kept}"
            fix = f"ids must be unique; give this one a new id: '{clash.suggestion}'"
        where = f"{entry.path}.id" if entry.path else "id"
        errors.append(ContentError(entry.file, entry.line, where, problem, fix))
    return ids, errors


def _ids_in(f: DataFile) -> list[IdEntry]:
    """The ids one file gives its items, its own first (for a family whose files have one)."""
    candidates = []
    family = family_of(f.schema)
    kinds = family.kinds if family else {}
    if isinstance(_own_id(f), str):
        candidates.append(((), family.own_kind, f.data))
    for path, _key, value in walk(f.data):
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            # A framework's items and groups say what kind they are; elsewhere the list's name says.
            own = value.get("kind") if f.schema == "framework" and len(path) == 2 and path[0] in (
                "items", "groups") else None
            kind = own if isinstance(own, str) else _kind_of(path, kinds)
            if kind:
                candidates.append((path, kind, value))
    return [IdEntry(value["id"], kind, f.shown_as, line_of(f.data, list(path) + ["id"]), format_path(path), f.schema)
            for path, kind, value in candidates]


def _own_id(f: DataFile):
    """The id a file gives itself, for a family whose files have one (a template's, a framework's)."""
    family = family_of(f.schema)
    return f.data.get("id") if family and family.own_kind else None


def next_free_id(taken_id: str, ids) -> str:
    match = re.match(r"^(.*?)(\d+)$", taken_id)
    stem, number, width = (match.group(1), int(match.group(2)), len(match.group(2))) if match else (taken_id + "-", 1, 1)
    while True:
        number += 1
        candidate = f"{stem}{number:0{width}d}"
        if candidate not in ids:
            return candidate


@dataclass(frozen=True)
class _Reference:
    """One id a file refers to, where it does, and the kinds it may point at."""
    target: str
    line: int
    where: str
    allowed: tuple


def check_references(files: list[DataFile], ids: dict[str, IdEntry]) -> list[ContentError]:
    errors = []
    # ANY_FRAMEWORK_ITEM: an item of a framework with its own generated page. Those shown on the
    # hand-written pages (the 2012 and 2010 items, placed by their file's kinds:) count only by kind.
    placed = {f.shown_as for f in files if f.schema == "framework" and f.data.get("kinds")}
    for f in files:
        for ref in kept_for(f, "references", lambda: _references_in(f)):
            entry = ids.get(ref.target)
            if entry is None:
                errors.append(ContentError(
                    f.shown_as, ref.line, ref.where, f"refers to '{ref.target}', which does not exist",
                    _suggest(ref.target, ids, ref.allowed, placed)))
            elif not _fits(entry, ref.allowed, placed):
                errors.append(ContentError(
                    f.shown_as, ref.line, ref.where,
                    f"refers to '{ref.target}', which is a {entry.kind}, not a {' or '.join(ref.allowed)}",
                    f"use the id of a {' or '.join(ref.allowed)}"))
    return errors


def _references_in(f: DataFile) -> list[_Reference]:
    """Every id one file refers to, with the kinds its field allows."""
    family = family_of(f.schema)
    references = family.references if family else {}
    found = []
    for path, key, value in walk(f.data):
        # A framework's typed links point at the kinds in families.LINKS; its items' grew_out_of
        # only at the 2012 and 2010 items the crosswalk carries forward.
        in_links = f.schema == "framework" and len(path) >= 2 and path[-2] == "links"
        crosswalk = f.schema == "framework" and len(path) >= 3 and path[-3] == "grew_out_of" and key == "item"
        if key not in references and not (in_links or crosswalk):
            continue
        allowed = CROSSWALK_KINDS if crosswalk else LINKS.get(key) if in_links else references[key]
        targets = [value] if isinstance(value, str) else value if isinstance(value, LineList) else []
        for index, target in enumerate(targets):
            if isinstance(target, str):
                where = list(path) if isinstance(value, str) else list(path) + [index]
                found.append(_Reference(target, line_of(f.data, where), format_path(where), tuple(allowed or ())))
    return found


def _fits(entry: IdEntry, allowed, placed: set[str]) -> bool:
    """Whether a reference may point at `entry`: its kind is allowed, or any item of a framework
    with its own generated page is (ANY_FRAMEWORK_ITEM)."""
    return not allowed or entry.kind in allowed or (
        ANY_FRAMEWORK_ITEM in allowed and entry.family == "framework" and entry.path.startswith("items")
        and entry.file not in placed)


def _suggest(target: str, ids, allowed, placed: set[str]) -> str:
    """The fix for a reference to an id that does not exist: the same suggestion wherever the
    reference is (a template's addresses, a framework's links), among the ids it may point at."""
    import difflib

    pool = [i for i, e in ids.items() if _fits(e, allowed, placed)]
    numbered = re.match(r"^(.*?)\d+$", target)
    if numbered:
        # For numbered ids a near spelling is a guess; the range that exists is a fact.
        same_stem = sorted(i for i in pool if re.fullmatch(re.escape(numbered.group(1)) + r"\d+", i))
        if same_stem:
            return f"the ids that exist run from '{same_stem[0]}' to '{same_stem[-1]}'; check which one you meant"
    close = difflib.get_close_matches(target, pool, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return "check the spelling of the id, or remove it from the list"


_DATE_KEYS = {"last_reviewed", "published", "date"}
_MONTH_KEYS = {"fieldwork_start", "fieldwork_end", "published"}


def check_dates(files: list[DataFile], today: dt.date) -> list[ContentError]:
    errors = []
    for f in files:
        errors += kept_for(f, f"dates:{today.isoformat()}", lambda: _date_problems(f, today))
    return errors


def _date_problems(f: DataFile, today: dt.date) -> list[ContentError]:
    errors = []
    for path, key, value in walk(f.data):
        if not isinstance(value, str):
            continue
        if key in _DATE_KEYS and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                day = dt.date.fromisoformat(value)
            except ValueError:  # the schema says it is not a real date (format: date)
                continue
            if key in ("last_reviewed", "date") and day > today:
                errors.append(ContentError(f.shown_as, line_of(f.data, list(path)), format_path(path),
                                           f"'{value}' is in the future", "use today's date or an earlier one"))
        if key in _MONTH_KEYS and re.fullmatch(r"\d{4}-\d{2}", value) and not 1 <= int(value[5:]) <= 12:
            errors.append(ContentError(f.shown_as, line_of(f.data, list(path)), format_path(path),
                                       f"'{value}' is not a real month", "use a month from 01 to 12 (YYYY-MM)"))
    return errors


# Fields that are not Markdown: each is checked for its own kind (the schema's patterns and enums,
# and check_urls for web addresses).
URL_FIELDS = {"url", "site_url", "repository_url", "source"}
_NOT_MARKDOWN = {"id", "email", "repository_branch", "language"} | URL_FIELDS


def check_markdown(files: list[DataFile]) -> list[ContentError]:
    errors = []
    for f in files:
        for path, key, value in walk(f.data):
            if not isinstance(value, str) or key in _NOT_MARKDOWN:
                continue
            where, line = format_path(path), line_of(f.data, list(path))
            errors += [ContentError(f.shown_as, line, where, problem, fix)
                       for problem, fix in values.markdown_problems(value)]
    return errors


def check_urls(files: list[DataFile]) -> list[ContentError]:
    """Every web address is a safe https address (values.url_problem)."""
    errors = []
    for f in files:
        for path, key, value in walk(f.data):
            if key in URL_FIELDS and isinstance(value, str):
                problem = values.url_problem(value)
                if problem:
                    errors.append(ContentError(f.shown_as, line_of(f.data, list(path)), format_path(path), *problem))
    return errors


def check_family_pages(files: list[DataFile], docs_dir: Path | None) -> list[ContentError]:
    """Every hand-written page a family's file is shown on (families.Family: page, kind_pages) is
    in docs/: without it, the file's items would silently lose their page and every link to them."""
    if docs_dir is None:
        return []
    errors = []
    for family in FAMILIES:
        pages = ([family.page] if family.page and not family.template else []) + list(family.kind_pages.values())
        shown_as = f"data/{family.file}"
        if not family.file or not any(f.shown_as == shown_as for f in files):
            continue
        for page in dict.fromkeys(pages):
            if not (docs_dir / page).is_file():
                errors.append(ContentError(shown_as, 1, "", f"is shown on the page docs/{page}, which is missing",
                                           f"restore docs/{page} from the last good version: the portal puts this "
                                           "file's items on it, and every link to them goes there"))
    return errors
