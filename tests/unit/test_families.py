"""families.py: an entry needs only a schema and where its files are; the rest has defaults."""
from __future__ import annotations

from esafety_portal.families import FAMILIES, Family, family_of


def test_a_new_family_is_one_line_with_the_old_arguments():
    guide = Family("guide", folder="guides", page="", kinds={"steps": "step"})
    assert (guide.key, guide.heading, guide.build, guide.own_kind, guide.references) == ("guide", "Guide", "", "", {})
    assert guide.exports and guide.pages  # its data is published and a template would make its page
    contacts = Family("contacts", file="contacts.yml", optional=True, page="contacts.md", kinds={"contacts": "contact"})
    assert (contacts.key, contacts.optional, contacts.template) == ("contacts", True, "")


def test_each_family_is_found_by_its_schema():
    assert all(family_of(f.schema) is f for f in FAMILIES)
    assert family_of("no-such-schema") is None
