"""Hook: the What to do page and one page per response guide in data/guides/, made from the data
alone and added to the navigation straight after Home, so adding a guide is adding one data file.

on_config (priority 50, after load_content and framework_pages, so this section comes first)
adds the pages to the nav; on_files renders them through overrides/markdown/guide_index.md.jinja
and guide.md.jinja.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from esafety_portal.generated_pages import add_nav_section, publish_pages
from esafety_portal.guides import INDEX
from esafety_portal.jinja_cache import bytecode_cache
from esafety_portal.render import Renderer

SECTION = "What to do"
AFTER = "Home"
# The incident record (docs/what-to-do/record.md, hooks/incident_record.py) ends the section.
RECORD = {"Incident record": "what-to-do/record.md"}


def has_record(config) -> bool:
    return (Path(config["docs_dir"]) / RECORD["Incident record"]).is_file()


@event_priority(50)
def on_config(config):
    guides = config["esafety_content"].guides
    record = [RECORD] if has_record(config) else []
    add_nav_section(config, SECTION, [INDEX] + [{g.title: g.page} for g in guides.guides] + record, AFTER)
    return config


def on_files(files, config):
    content = config["esafety_content"]
    guides = content.guides
    renderer = Renderer(content, Path(config.theme.custom_dir) / "markdown",
                        bytecode_cache=bytecode_cache(config, "markdown"))
    county = [c for c in guides.contacts.values() if c.data_file == "data/site.yml"]
    # A page is as fresh as the stalest file behind it (hooks/page_data.py): its guides and contacts.
    pages = {INDEX: renderer.render("guide_index.md.jinja", INDEX, guides=guides, county=county,
                                    data_files=[g.data_file for g in guides.guides])}
    for guide in guides.guides:
        contacts = guides.contacts_of(guide)
        behind = [guide.data_file] + sorted({c.data_file for c in contacts} - {"data/site.yml"})
        pages[guide.page] = renderer.render("guide.md.jinja", guide.page, guide=guide, guides=guides,
                                            contacts=contacts, data_files=behind, record=has_record(config))
    return publish_pages(files, config, pages)
