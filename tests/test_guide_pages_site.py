"""The response guides' pages (esafety_portal/guide_pages.py), built from the small fixture guides: the
What to do index in the guides' order, each step under its own permanent anchor, choices as links
within the page, contacts in full with tel: links, example numbers marked on every page that
shows one, the law labelled, sources linked to their framework items; and a site with no guides."""
from __future__ import annotations

import re

import pytest

from support.guides import guide_project
from support.scenario_site import build_scenario
from support.site import mkdocs_build

PARTS = ("data", "docs", "hooks", "overrides", "mkdocs.yml")
EXAMPLE = "Example number: the county has not yet given its own."


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = guide_project(tmp_path_factory.mktemp("guides") / "project", parts=PARTS)
    out = project.parent / "site"
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stderr
    return out


def read(site, path: str) -> str:
    return (site / path / "index.html").read_text("utf-8")


def article(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


def test_what_to_do_comes_straight_after_home_in_the_menu(site):
    home = read(site, "")
    nav = home[home.index('<nav class="md-nav md-nav--primary"'):home.index('<div class="md-content"')]
    sections = re.findall(r'<label class="md-nav__link"[^>]*>\s*<span class="md-ellipsis">\s*([^<]+?)\s*<', nav)
    assert sections[:2] == ["What to do", "Frameworks"], sections
    links = re.findall(r'href="([^"]+)"', nav)
    assert links.index("what-to-do/") < links.index("what-to-do/fixture-nudes/") < links.index(
        "what-to-do/fixture-scare/")


def test_the_index_lists_the_situations_in_their_order_with_the_county_contacts(site):
    page = article(read(site, "what-to-do"))
    assert page.index('href="fixture-nudes/"') < page.index('href="fixture-scare/"')  # order: 10, then 20
    assert 'href="tel:01000000000"' in page and "01000 000000" in page
    assert EXAMPLE in page
    assert "fixture-helpline" not in page and "Fixture national helpline" not in page  # national ones: on guides


def test_each_step_is_a_heading_with_its_id_as_anchor_in_order(site):
    page = article(read(site, "what-to-do/fixture-nudes"))
    steps = re.findall(r'<h3 id="([^"]+)">(\d+)\. ', page)
    assert steps == [("tell-dsl", "1"), ("assess", "2"), ("call-police", "3"), ("record", "4")]
    assert page.count("<strong>Who:</strong> The designated safeguarding lead (DSL) or a deputy") == 3


def test_choices_are_links_to_steps_on_the_same_page(site):
    page = article(read(site, "what-to-do/fixture-nudes"))
    assert 'The fixture condition holds: <a href="#call-police">go to step 3</a>' in page
    assert 'Otherwise: <a href="#record">go to step 4</a>' in page
    anchors = set(re.findall(r' id="([^"]+)"', page))
    assert set(re.findall(r'href="#([^"]+)"', page)) <= anchors


def test_never_and_the_law_are_labelled(site):
    page = article(read(site, "what-to-do/fixture-nudes"))
    assert "<strong>Never:</strong>" in page and "<li>Do not view, copy or delete the image.</li>" in page
    assert re.search(r'<p class="admonition-title">The law</p>\s*<p>Fixture law line', page)


def test_contacts_are_printed_in_full_with_tel_links_and_examples_marked(site):
    page = article(read(site, "what-to-do/fixture-nudes"))
    assert '<a href="tel:08000000000">0800 000 0000</a> (Monday to Friday, 8am to 8pm)' in page
    assert '<a href="https://www.example.org/helpline">https://www.example.org/helpline</a>' in page
    assert '<a href="tel:999">999</a>' in page
    # The example number is marked wherever it shows (contacts list and its step); 999 is not.
    assert page.count("tel:01000000000") == page.count(EXAMPLE) == 2
    # The national contact says where it was checked, as a framework item does.
    assert "Checked on 1 November 2026 against the original text, Contact us" in page


def test_a_page_without_example_numbers_has_no_mark(site):
    page = article(read(site, "what-to-do/fixture-scare"))
    assert "tel:08000000000" in page and EXAMPLE not in page


def test_sources_link_to_their_framework_items_or_say_why_there_is_none(site):
    page = article(read(site, "what-to-do/fixture-nudes"))
    assert 'href="../../frameworks/example-standards/#example-standard-1"' in page
    assert "<strong>Where this comes from:</strong> County practice, for the fixture." in page


def test_the_guide_shows_its_review_dates_and_prints_its_address(site):
    page = read(site, "what-to-do/fixture-nudes")
    assert 'Last reviewed: <time datetime="2026-11-01">' in page
    assert "https://esafety.example.org/what-to-do/fixture-nudes/" in page


def test_a_site_with_no_guides_builds_and_says_none_yet(tmp_path):
    """The no-guides scenario (tests/sites/no-guides/): no data/guides/ at all."""
    built = build_scenario("no-guides", tmp_path)
    assert built.ok, built.result.stderr
    page = article(built.page("what-to-do/"))
    assert "No guides have been published yet." in page
    assert EXAMPLE in page and 'href="tel:01000000000"' in page  # the county's contacts, still marked


def test_the_home_page_leads_with_tasks_and_keeps_2012_under_history(site):
    home = article(read(site, ""))
    tasks = [home.index(f'href="{href}') for href in ("what-to-do/", "self-review/", "templates/", "whats-new/")]
    assert tasks == sorted(tasks) and tasks[-1] < home.index("Who it is for")
    assert home.index("What schools must do now") < home.index("History") < home.index('href="inspection/"')


def test_the_self_review_menu_leads_with_todays_reviews(site):
    home = read(site, "")
    nav = home[home.index('<nav class="md-nav md-nav--primary"'):home.index('<div class="md-content"')]
    links = re.findall(r'href="([^"]+)"', nav)
    reviews = [i for i, link in enumerate(links) if link.startswith("self-review/") and link != "self-review/"]
    assert reviews and max(reviews) < links.index("self-review/")


def test_whats_new_links_a_guides_changes_to_its_page(site):
    page = article(read(site, "whats-new"))
    assert '<a href="../what-to-do/fixture-nudes/">A pupil has shared a fixture image</a>' in page


def test_the_record_lists_every_loaded_guide_and_each_guide_page_starts_one(built_site, content):
    # A rule on the real build: the incident record's guides.json is the loaded guides, step for
    # step, and every guide page links to the record with its own id.
    import json

    listed = {g["id"]: [s["id"] for s in g["steps"]]
              for g in json.loads((built_site / "what-to-do" / "guides.json").read_text("utf-8"))}
    assert listed == {g.id: [s.id for s in g.steps] for g in content.guides.guides}
    for guide in content.guides.guides:
        html = (built_site / "what-to-do" / guide.id / "index.html").read_text("utf-8")
        assert f'href="../record/?guide={guide.id}"' in html, guide.id
