"""Small content models built in memory for unit tests: `make_content(frameworks=[framework(...)])`.

The records are the data files' own shape (as loaded from YAML), so a test says only what it is
about; each family's builder then makes the model exactly as a build does (load.build_model).
Nothing is read from data/, so no test of the engine depends on today's content."""
from __future__ import annotations

from esafety_portal.families import FAMILIES
from esafety_portal.load import build_model
from esafety_portal.rules import DataFile, collect_ids

SITE = {
    "portal_name": "Test portal", "short_name": "Test", "council": "Testshire County Council", "area": "Testshire",
    "description": "A portal for tests.", "site_url": "https://portal.example.org/",
    "repository_url": "https://github.com/example/portal", "repository_branch": "main",
    "contact": {"role": "e-Safety Officer", "email": "esafety@example.org"},
    "licence": {"content": "Open Government Licence v3.0.", "crown_copyright": "Crown copyright.",
                "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"},
    "language": "en-GB",
}


def framework(framework_id: str, items=(), **fields) -> dict:
    """A framework file's data: `items` as (id, kind, text) or mappings; the rest defaulted."""
    record = {"id": framework_id, "title": f"Framework {framework_id}", "publisher": "Department for Tests",
              "published": "2026-01-01", "status": "current", "url": "https://www.gov.uk/example",
              "licence": "Open Government Licence v3.0", "intro": "An example framework.",
              "items": [item if isinstance(item, dict) else {"id": item[0], "kind": item[1], "text": item[2]}
                        for item in items]}
    return {**record, **fields}


def template(template_id: str, clauses=(), **fields) -> dict:
    """A template file's data with one section holding `clauses` ((id, text) pairs)."""
    record = {"id": template_id, "kind": "aup", "title": f"Template {template_id}", "audience": "Pupils",
              "version": "1.0", "purpose": "An example template.",
              "sections": [{"id": f"{template_id}-rules", "title": "Rules",
                            "clauses": [{"id": cid, "text": text, "addresses": []} for cid, text in clauses]}]}
    return {**record, **fields}


def data_files(site=None, organisations=(), frameworks=(), templates=(), **families) -> list[DataFile]:
    """The DataFile list a load would hand to build_model, for these records."""
    files = [DataFile("data/site.yml", "site", {**SITE, **(site or {})}),
             DataFile("data/organisations.yml", "organisations", {"organisations": list(organisations)})]
    files += [DataFile(f"data/frameworks/{r['id']}.yml", "framework", r) for r in frameworks]
    files += [DataFile(f"data/templates/{r['id']}.yml", "template", r) for r in templates]
    for name, records in families.items():  # any other family, by its name in families.FAMILIES
        family = next(f for f in FAMILIES if f.key == name)
        if family.file:
            files.append(DataFile(f"data/{family.file}", family.schema, records))
        else:
            files += [DataFile(f"data/{family.folder}/{r['id']}.yml", family.schema, r) for r in records]
    return files


def make_content(**records):
    """A content model from a few inline records (data_files' arguments); ids must be unique."""
    files = data_files(**records)
    ids, errors = collect_ids(files)
    assert not errors, errors
    return build_model(files, {item_id: entry.kind for item_id, entry in ids.items()})
