"""The response guides' pages (families.FAMILIES: pages): the What to do page and one page per
guide in data/guides/, made from the data alone, so adding a guide is adding one data file. The
section ends with the incident record (docs/what-to-do/record.md) when the portal has that page;
beside the pages go the record's blank documents and the list of guides it can start from."""
from __future__ import annotations

from pathlib import Path

from .generated_pages import FIXED_PAGES, Asset, PageSpec
from .incident_record import FOLDER as RECORD_FOLDER
from .incident_record import GUIDES as GUIDES_JSON
from .incident_record import guides_json

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
    if record:
        specs.append(PageSpec(RECORD, "", title=RECORD_TITLE, section=family.key))
    return specs + record_files(build.content)


def record_files(content) -> list:
    """The incident record's blank .docx and .odt (which the page fills in in the browser, and links
    as they are without JavaScript), and the guides it can start from, as the page reads them."""
    from .documents.record import documents  # the document libraries, only when a build publishes

    return ([Asset(f"{RECORD_FOLDER}/{name}", data) for name, data in documents(content.site.council).items()]
            + [Asset(GUIDES_JSON, guides_json(content.guides.guides))])
