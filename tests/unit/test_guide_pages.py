"""guide_pages.py: the response guides' pages; the What to do section ends with the incident
record only where the portal has that page, which is listed, not made."""
from __future__ import annotations

from types import SimpleNamespace

from esafety_portal.families import family_of
from esafety_portal.generated_pages import Asset, PageSpec, nav_sections
from esafety_portal.guide_pages import RECORD, RECORD_TITLE
from esafety_portal.guide_pages import pages as all_pages
from esafety_portal.guides import INDEX, Guides
from esafety_portal.incident_record import FOLDER, GUIDES


def build_of(docs_dir):
    return SimpleNamespace(content=SimpleNamespace(guides=Guides(), site=SimpleNamespace(council="Testshire")),
                           docs_dir=docs_dir)


def pages(build, family) -> list:
    """The section's pages, without the files published beside them."""
    return [spec for spec in all_pages(build, family) if isinstance(spec, PageSpec)]


def test_the_section_ends_with_the_incident_record_when_the_page_exists(tmp_path):
    (tmp_path / RECORD).parent.mkdir(parents=True)
    (tmp_path / RECORD).write_text("# Incident record\n")
    specs = pages(build_of(tmp_path), family_of("guide"))
    assert nav_sections(specs, {"guides": "What to do"})["guides"] == {"What to do": [INDEX, {RECORD_TITLE: RECORD}]}
    assert specs[-1].template == ""  # hand-written: listed in the menu, never rendered over


def test_without_the_record_page_the_section_has_no_record(tmp_path):
    assert [spec.path for spec in pages(build_of(tmp_path), family_of("guide"))] == [INDEX]


def test_the_record_documents_and_the_guides_it_starts_from_are_published_beside_the_pages(tmp_path):
    made = {spec.path: spec.data for spec in all_pages(build_of(tmp_path), family_of("guide"))
            if isinstance(spec, Asset)}
    assert made[GUIDES] == "[]\n"  # no guides in this build: an empty list, never a missing file
    documents = [path for path in made if path.startswith(f"{FOLDER}/")]
    assert {path.rsplit(".", 1)[-1] for path in documents} == {"docx", "odt"}
    assert all(made[path] for path in documents)
