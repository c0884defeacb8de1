"""families.py: an entry needs only a schema and where its files are; the rest has defaults."""
from __future__ import annotations

from esafety_portal.families import FAMILIES, Family, data_of_fixed_pages, family_of, pages_of_kinds


def test_a_new_family_is_one_line_with_the_old_arguments():
    guide = Family("guide", folder="guides", page="", kinds={"steps": "step"})
    assert (guide.key, guide.heading, guide.build, guide.own_kind, guide.references) == ("guide", "Guide", "", "", {})
    assert guide.exports and guide.pages  # its data is published and a template would make its page
    contacts = Family("contacts", file="contacts.yml", optional=True, page="contacts.md", kinds={"contacts": "contact"})
    assert (contacts.key, contacts.optional, contacts.template) == ("contacts", True, "")


def test_each_family_is_found_by_its_schema():
    assert all(family_of(f.schema) is f for f in FAMILIES)
    assert family_of("no-such-schema") is None


def test_a_kind_shown_on_another_fixed_page_links_there_and_that_page_edits_the_family_file():
    year = Family("duties", file="duties.yml", page="school-year.md",
                  kinds={"duties": "recurring duty", "roles": "training role"},
                  kind_pages={"training role": "training-record.md"})
    glossary = Family("glossary", folder="glossary", page="glossary.md", kinds={"terms": "term"})
    assert pages_of_kinds((year, glossary)) == {
        "recurring duty": "school-year.md", "training role": "training-record.md", "term": "glossary.md"}
    # A folder family's page has no one file behind it.
    assert data_of_fixed_pages((year, glossary)) == {
        "school-year.md": "data/duties.yml", "training-record.md": "data/duties.yml"}
