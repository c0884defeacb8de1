"""guide_pages.py: the response guides' pages; the What to do section ends with the incident
record only where the portal has that page, which is listed, not made."""
from __future__ import annotations

from types import SimpleNamespace

from esafety_portal.families import family_of
from esafety_portal.generated_pages import nav_sections
from esafety_portal.guide_pages import RECORD, RECORD_TITLE, pages
from esafety_portal.guides import INDEX, Guides


def build_of(docs_dir):
    return SimpleNamespace(content=SimpleNamespace(guides=Guides()), docs_dir=docs_dir)


def test_the_section_ends_with_the_incident_record_when_the_page_exists(tmp_path):
    (tmp_path / RECORD).parent.mkdir(parents=True)
    (tmp_path / RECORD).write_text("# Incident record\n")
    specs = pages(build_of(tmp_path), family_of("guide"))
    assert nav_sections(specs, {"guides": "What to do"})["guides"] == {"What to do": [INDEX, {RECORD_TITLE: RECORD}]}
    assert specs[-1].template == ""  # hand-written: listed in the menu, never rendered over


def test_without_the_record_page_the_section_has_no_record(tmp_path):
    assert [spec.path for spec in pages(build_of(tmp_path), family_of("guide"))] == [INDEX]
