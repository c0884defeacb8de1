"""framework_pages.py: the frameworks family's pages; a self-review follows its framework in the
menu, or opens the Self-review section where the menu has one, and the crosswalk comes last."""
from __future__ import annotations

from types import SimpleNamespace

from esafety_portal.families import family_of
from esafety_portal.framework_pages import CROSSWALK, INDEX, SELF_REVIEW, pages
from esafety_portal.generated_pages import nav_sections, place_sections
from support.content_factory import framework, make_content

REVIEW = {"title": "Review B", "intro": "Rate each item."}


def build_of(*frameworks, site=None):
    return SimpleNamespace(content=make_content(frameworks=list(frameworks), site=site), use_directory_urls=True)


def test_the_menu_lists_each_review_after_its_framework_and_the_crosswalk_last():
    build = build_of(framework("fw-a", [("a-1", "standard", "Do this.")], order=1),
                     framework("fw-b", [("b-1", "standard", "Do that.")], order=2, self_review=REVIEW))
    section = nav_sections(pages(build, family_of("framework")), {"frameworks": "Frameworks"})["frameworks"]
    assert section == {"Frameworks": [INDEX, {"Framework fw-a": "frameworks/fw-a.md"},
                                      {"Framework fw-b": "frameworks/fw-b.md"}, {"Review B": "self-review/fw-b.md"},
                                      CROSSWALK]}


def test_the_review_publishes_its_data_for_the_script():
    build = build_of(framework("fw-b", [("b-1", "standard", "Do that.")], self_review=REVIEW))
    assert "assets/self-review/fw-b.json" in [spec.path for spec in pages(build, family_of("framework"))]


def test_no_frameworks_no_section():
    assert pages(build_of(), family_of("framework")) == []


def test_with_a_self_review_section_today_s_reviews_come_first_in_it():
    build = build_of(framework("fw-a", [("a-1", "standard", "Do this.")], order=1, self_review=REVIEW),
                     framework("fw-b", [("b-1", "standard", "Do that.")], order=2,
                               self_review={**REVIEW, "title": "Review C"}),
                     site={"nav": ["frameworks", SELF_REVIEW]})
    hand = [{"Self-review": [{"Ofsted's 2012 checklist": SELF_REVIEW}]}]
    sections = nav_sections(pages(build, family_of("framework")), {"frameworks": "Frameworks"})
    nav, problems = place_sections(hand, sections, build.content.site.nav)
    assert problems == []
    assert nav[1] == {"Self-review": [{"Review B": "self-review/fw-a.md"}, {"Review C": "self-review/fw-b.md"},
                                      {"Ofsted's 2012 checklist": SELF_REVIEW}]}
    assert "self-review/fw-a.md" not in str(nav[0])
