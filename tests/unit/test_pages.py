"""pages.py: which page shows each data file, for What's new and "Edit this page"."""
from __future__ import annotations

from esafety_portal import pages
from esafety_portal.families import FAMILIES, Family
from support.content_factory import make_content

GLOSSARY = Family("glossary", file="glossary.yml", page="glossary.md", template="glossary.md.jinja",
                  title="Glossary of terms")


def test_a_family_page_made_from_its_template_is_titled_by_the_family(tmp_path, monkeypatch):
    monkeypatch.setattr(pages, "FAMILIES", FAMILIES + (GLOSSARY,))
    found = pages.pages_of_data_files(make_content(), tmp_path)
    assert found["data/glossary.yml"] == ("glossary.md", "Glossary of terms")


def test_a_hand_written_family_page_is_titled_by_its_front_matter_when_the_site_has_it(tmp_path):
    assert "data/organisations.yml" not in pages.pages_of_data_files(make_content(), tmp_path)
    (tmp_path / "organisations.md").write_text("---\ntitle: Who is who\n---\n# Who\n", "utf-8")
    found = pages.pages_of_data_files(make_content(), tmp_path)
    assert found["data/organisations.yml"] == ("organisations.md", "Who is who")
