"""The response guides' pages (families.FAMILIES: pages): the What to do page and one page per
guide in data/guides/, made from the data alone, so adding a guide is adding one data file. The
section ends with the incident record (docs/what-to-do/record.md, hooks/incident_record.py) when
the portal has that page."""
from __future__ import annotations

from pathlib import Path

from .generated_pages import FIXED_PAGES, PageSpec

INDEX, RECORD = FIXED_PAGES["guides"]["index"], FIXED_PAGES["guides"]["record"]
RECORD_TITLE = "Incident record"


def has_record(docs_dir: Path) -> bool:
    return (Path(docs_dir) / RECORD).is_file()


def pages(build, family) -> list:
    guides = build.content.guides
    record = has_record(build.docs_dir)
    county = [c for c in guides.contacts.values() if c.data_file == "data/site.yml"]
    # A page is as fresh as the stalest file behind it (hooks/page_data.py): its guides and contacts.
    specs = [PageSpec(INDEX, "guide_index.md.jinja", {"guides": guides, "county": county,
                                                      "data_files": [g.data_file for g in guides.guides]},
                      section=family.key)]
    for guide in guides.guides:
        contacts = guides.contacts_of(guide)
        behind = [guide.data_file] + sorted({c.data_file for c in contacts} - {"data/site.yml"})
        specs.append(PageSpec(guide.page, "guide.md.jinja", {
            "guide": guide, "guides": guides, "contacts": contacts, "data_files": behind, "record": record},
            title=guide.title, section=family.key))
    # A hand-written page: listed in the section, not made here (no template).
    return specs + ([PageSpec(RECORD, "", title=RECORD_TITLE, section=family.key)] if record else [])
