"""Proof of the registry: a new family of content (a glossary) added with only a registry entry,
a schema and a template (tests/sites/glossary/) gets its page, anchors, search entries, open data,
edit link, links by id and its place in the menu, with no other change to the code."""
from __future__ import annotations

import json

import pytest

from support.edit_yaml import edit_yaml
from support.scenario_site import build_scenario


@pytest.fixture(scope="module")
def glossary(tmp_path_factory):
    site = build_scenario("glossary", tmp_path_factory.mktemp("sites"))
    assert site.ok, site.result.stderr
    return site


def test_its_page_has_an_anchor_per_term(glossary):
    page = glossary.page("glossary/")
    assert 'id="term-phishing"' in page and 'id="term-grooming"' in page
    assert "A message that pretends to come from someone you trust" in page


def test_each_term_is_a_search_entry(glossary):
    assert {"glossary/", "glossary/#term-phishing", "glossary/#term-grooming"} <= set(glossary.search_locations())


def test_its_data_is_open_data_and_listed_on_the_open_data_page(glossary):
    data = json.loads(glossary.file("open-data/glossary.json"))
    assert [t["id"] for t in data["terms"]] == ["term-phishing", "term-grooming"]
    assert '<a href="../glossary.json">Glossary</a>' in glossary.page("open-data/").replace('href="glossary.json"',
                                                                                             'href="../glossary.json"')


def test_it_takes_its_place_in_the_menu_from_data(glossary):
    # data/site.yml lists it between the home page and the open-data page.
    assert '<link rel="next" href="glossary/">' in glossary.page("")
    assert '<link rel="next" href="../open-data/">' in glossary.page("glossary/")


def test_an_item_is_linked_by_its_id_and_its_page_edited_in_its_data_file(glossary):
    assert 'href="glossary/#term-phishing"' in glossary.page("")
    assert "/edit/main/data/glossary.yml" in glossary.page("glossary/")


def test_its_changes_are_on_whats_new_with_a_link_to_its_page(glossary):
    page = glossary.page("whats-new/")
    assert "The glossary is published." in page and 'href="../glossary/"' in page


def test_its_ids_are_checked_like_any_other(tmp_path):
    # A second term with the same id is refused, with the file and line, before anything is built.
    lines = []
    site = build_scenario("glossary", tmp_path, change=lambda project: lines.append(
        edit_yaml(project / "data" / "glossary.yml", ["terms", 1, "id"], "term-phishing")))
    assert not site.ok
    report = " ".join(site.result.stderr.split())
    assert f"data/glossary.yml:{lines[0]}: terms[1].id: the id 'term-phishing' is already" in report, report


def test_a_section_the_menu_order_leaves_out_is_an_error_naming_the_line(tmp_path):
    lines = []
    site = build_scenario("glossary", tmp_path, change=lambda project: lines.append(
        edit_yaml(project / "data" / "site.yml", ["nav"], ["index.md", "open-data.md", "whats-new.md"])))
    assert not site.ok
    report = " ".join(site.result.stderr.split())
    assert (f"data/site.yml:{lines[0]}: nav: does not list 'glossary': add it where its section goes in the menu"
            in report), report
