"""Load every data file once: read strictly, check against its schema, check the rules,
then build the content model. All problems are collected and raised together."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import checks, clock, generated_pages, kept_findings, limits, registry, rules, schema_check
from .bounded_memo import BoundedMemo
from .errors import ContentError, ContentErrors
from .families import FAMILIES, REQUIRED_FILES, Family, schema_for
from .kept_findings import kept_verdict
from .model import Change, Content, FileMeta, Organisation, Review, Site
from .values import parse_url
from .yaml_loader import LineDict, copy_tree, parse_yaml


# Readings of data files, kept in this process only and keyed by the file's exact bytes (and
# name): a `make serve` rebuild, or a test loading many variants or copies of the data, parses
# again only bytes it has not seen (what the checks found is kept the same way: kept_findings.py).
# Each caller gets its own copy of a reading, so nothing it does reaches the next. The oldest go
# first past KEPT.
KEPT = 256  # entries: the data files of a few projects; each load refreshes the ones it reads
_readings = BoundedMemo(KEPT)  # (shown_as, raw) -> (data, problems)


def forget() -> None:
    """Drop every kept reading and finding (for a test that counts the work a load does)."""
    _readings.clear()
    kept_findings.forget()


def read_data_file(raw: bytes, shown_as: str):
    """parse_yaml(raw, shown_as), parsed again only for bytes not read before."""
    data, problems = _readings.get((shown_as, raw), lambda: parse_yaml(raw, shown_as))
    return copy_tree(data), list(problems)


def read_and_check(project_dir: Path, today: dt.date | None = None, publishing: bool = True):
    """Every data file, read and fully checked, and every id with its kind.
    Raises ContentErrors listing every problem. `publishing`: False for a report (make review),
    which lists what site.yml would refuse to publish instead of refusing it."""
    today = today or clock.today()
    data_dir, schema_dir = project_dir / "data", (project_dir / "data" / "schema").resolve()
    errors: list[ContentError] = []
    parsed: list[rules.DataFile] = []
    valid: list[rules.DataFile] = []
    seen = set()
    digest = schema_check.schemas_digest(schema_dir)  # once per load: every file is checked against the same schemas
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(data_dir)
        shown_as = f"data/{relative.as_posix()}"
        if relative.parts[0] == "schema" or path.name.startswith("."):
            continue
        if path.suffix == ".yaml":
            errors.append(ContentError(shown_as, 1, "", "ends in .yaml", "rename it to end in .yml"))
            continue
        schema = schema_for(relative)
        if path.suffix != ".yml" or schema is None:
            errors.append(ContentError(shown_as, 1, "", "is not a data file the portal knows",
                                       "move it into data/templates/ if it is a template, or delete it"))
            continue
        seen.add(relative.as_posix())
        raw = path.read_bytes()
        data, problems = read_data_file(raw, shown_as)
        # A value too long, or with a character no value may hold, goes no further than here.
        problems = problems or kept_verdict(raw, shown_as, "limits",
                                            lambda: limits.value_problems(data, shown_as))
        errors += problems
        if problems:
            continue
        if not isinstance(data, LineDict):
            errors.append(ContentError(shown_as, 1, "", "must be a set of 'field: value' lines",
                                       "restore the file's structure from the last good version"))
            continue
        data_file = rules.DataFile(shown_as, schema, data, raw)
        parsed.append(data_file)
        # Markdown and web addresses are checked in each file that reads, valid or not.
        errors += kept_verdict(raw, shown_as, "values",
                               lambda: rules.check_markdown([data_file]) + rules.check_urls([data_file]))
        problems = kept_verdict(raw, shown_as, f"schema:{schema}",
                                lambda: schema_check.check(data, schema, schema_dir, shown_as, digest=digest), digest)
        errors += problems
        if not problems:
            valid.append(data_file)
    for name in REQUIRED_FILES:
        if name not in seen:
            errors.append(ContentError(f"data/{name}", 1, "", "is missing",
                                       "restore it from the last good version; the portal needs it"))
    ids, problems = rules.collect_ids(parsed, project_dir)
    errors += problems
    # A file that could not be read hides its ids; checking references now would blame
    # every file that points into it. Those are checked once it reads again.
    unreadable = len(parsed) < len(seen)
    if not unreadable:
        errors += rules.check_references(parsed, ids)
    errors += rules.check_dates(parsed, today)
    errors += checks.check_records(parsed)  # on every file that reads, valid or not
    errors += generated_pages.check_reserved_ids(valid)
    docs_dir = project_dir / "docs"  # absent when only data/ is checked; the pages are then not checked
    checked = rules.Checked(parsed, valid, ids, docs_dir if docs_dir.is_dir() else None)
    errors += rules.check_family_pages(parsed, checked.docs_dir)
    for family in FAMILIES:  # each family's own rules (families.py)
        for name in family.rules:
            errors += registry.function(name)(checked)
    if publishing:
        errors += checks.refused_secondary(valid)
    if errors:
        raise ContentErrors(errors)
    return valid, ids


def load_content(project_dir: Path, today: dt.date | None = None, publishing: bool = True) -> Content:
    """The whole content model, built in one call from checked data; never changed afterwards."""
    files, ids = read_and_check(Path(project_dir), today, publishing)
    return build_model(files, {item_id: entry.kind for item_id, entry in ids.items()})


# -- building the model from checked data -------------------------------------------------
def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def file_meta(f: rules.DataFile) -> FileMeta:
    review = f.data.get("review")
    return FileMeta(
        f.shown_as,
        Review(_date(review["last_reviewed"]), review["review_every_months"], review.get("owner")) if review else None,
        tuple(Change(_date(c["date"]), c["summary"], f.shown_as) for c in f.data.get("changes", [])),
    )


def build_model(files: list[rules.DataFile], kinds: dict[str, str]) -> Content:
    """Each family's typed objects from its builder (families.FAMILIES), in one Content."""
    metas = {f.shown_as: file_meta(f) for f in files}
    built = {family.key: build_family(family, files, metas) for family in FAMILIES}
    # The families the model has a typed field for are there; every family is in content.families.
    typed = {name: value for name, value in built.items() if name in Content.__dataclass_fields__}
    return Content(**typed, files=metas, kinds=kinds, families=built)


def build_family(family: Family, files: list[rules.DataFile], metas: dict[str, FileMeta]):
    """What `family`'s builder makes of the checked files; without one, its validated data (a
    one-file family's mapping, or a folder's list of mappings)."""
    if family.build:
        return registry.function(family.build)(files, metas)
    files = [f for f in files if f.schema == family.schema]
    if family.file:
        return files[0].data if files else {}
    return [f.data for f in files]


def build_site(files: list[rules.DataFile], metas) -> Site:
    site = next(f.data for f in files if f.schema == "site")
    return Site(**{k: parse_url(site[k]) if k in rules.URL_FIELDS else tuple(site[k]) if k == "nav" else site[k]
                   for k in Site.__dataclass_fields__ if k in site})


def build_organisations(files: list[rules.DataFile], metas) -> list[Organisation]:
    return [
        Organisation(o["id"], o["name"], o["kind"], o["status"], o["description"], parse_url(o["url"]),
                     tuple(o["mentioned_in"]), o.get("abbreviation", ""), o.get("part_of", ""),
                     o.get("status_note", ""))
        for f in files if f.schema == "organisations" for o in f.data["organisations"]
    ]
