"""generated_pages.py: sections of generated pages, placed in the menu in the order data gives."""
from __future__ import annotations

from esafety_portal.generated_pages import PageSpec, entry_id, nav_sections, place_sections, publish_pages

HAND = [{"Home": "index.md"}, {"Inspection": ["inspection/index.md", "inspection/features.md"]},
        {"About": ["about.md", "privacy.md"]}]


def test_sections_list_their_pages_in_menu_order():
    pages = [PageSpec("t/index.md", "x", section="templates"),
             PageSpec("t/last.md", "x", title="Last", section="templates", menu_order=9),
             PageSpec("t/a.md", "x", title="A", section="templates", menu_order=1),
             PageSpec("g.md", "x", title="Glossary", section="glossary"),
             PageSpec("unlisted.md", "x")]
    assert nav_sections(pages, {"templates": "Templates", "glossary": "Glossary"}) == {
        "templates": {"Templates": ["t/index.md", {"A": "t/a.md"}, {"Last": "t/last.md"}]},
        "glossary": {"Glossary": "g.md"},  # one page: an entry, not a section
    }


def test_a_hand_written_section_is_named_by_its_first_page():
    assert [entry_id(e) for e in HAND] == ["index.md", "inspection/index.md", "about.md"]


def test_sections_go_where_the_data_lists_them():
    sections = {"templates": {"Templates": ["t/index.md"]}}
    nav, problems = place_sections(HAND, sections, ("index.md", "inspection/index.md", "templates", "about.md"))
    assert problems == []
    assert nav == [HAND[0], HAND[1], sections["templates"], HAND[2]]


def test_renaming_a_section_moves_nothing():
    renamed = [HAND[0], {"Ofsted 2012": HAND[1]["Inspection"]}, HAND[2]]
    sections = {"templates": {"Templates": ["t/index.md"]}}
    nav, _ = place_sections(renamed, sections, ("index.md", "inspection/index.md", "templates", "about.md"))
    assert nav.index(sections["templates"]) == 2


def test_a_section_missing_from_the_order_or_an_unknown_name_is_a_problem():
    sections = {"templates": {"Templates": ["t/index.md"]}, "glossary": {"Glossary": "g.md"}}
    _, problems = place_sections(HAND, sections, ("index.md", "templates", "about.md", "inspection"))
    assert problems[0].startswith("'inspection' is not a section of the menu")
    assert sorted(p for p in problems[1:]) == [
        "does not list 'glossary': add it where its section goes in the menu",
        "does not list 'inspection/index.md': add it where its section goes in the menu"]


def test_without_an_order_generated_sections_come_last():
    sections = {"glossary": {"Glossary": "g.md"}}
    assert place_sections(HAND, sections, ()) == (HAND + [sections["glossary"]], [])


def test_a_section_named_after_a_hand_written_one_opens_it():
    # Reviews listed first in mkdocs.yml's Self-review section, named by its first page.
    hand = HAND + [{"Self-review": [{"Ofsted's 2012 checklist": "self-review.md"}]}]
    sections = nav_sections([PageSpec("self-review/fw-a.md", "x", title="Review A", section="self-review.md")],
                            {})
    nav, problems = place_sections(hand, sections, ("index.md", "inspection/index.md", "self-review.md", "about.md"))
    assert problems == []
    assert nav[2] == {"Self-review": [{"Review A": "self-review/fw-a.md"},
                                      {"Ofsted's 2012 checklist": "self-review.md"}]}


def test_pages_cannot_join_a_page_that_stands_alone():
    sections = {"about.md": {"Extra": ["extra.md", "more.md"]}}
    nav, problems = place_sections(["index.md", {"About": "about.md"}], sections, ())
    assert nav == ["index.md", {"About": ["extra.md", "more.md", "about.md"]}] and problems == []
    nav, problems = place_sections(["index.md", "about.md"], sections, ())
    assert problems == ["pages made from data name 'about.md', a page on its own in mkdocs.yml's nav: make it a section"]


def test_a_page_without_a_template_is_listed_in_the_menu_but_not_published():
    """A family may list a hand-written page in its section (the incident record in What to do)."""
    from mkdocs.structure.files import Files

    listed = PageSpec("what-to-do/record.md", "", title="Incident record", section="guides")
    assert nav_sections([listed], {"guides": "What to do"}) == {"guides": {"Incident record": "what-to-do/record.md"}}
    assert list(publish_pages(Files([]), None, [listed], renderer=None)) == []
