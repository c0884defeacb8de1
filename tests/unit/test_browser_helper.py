"""tests/support/browser.py: the tests' contexts get the site's search settings with no pages, and
the real index when a test asks; a site with no index answers as it does."""
from __future__ import annotations

import json

from support.browser import search_index
from support.site import StaticServer

INDEX = {"config": {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"]},
         "docs": [{"location": "", "title": "Home", "text": "Welcome"}]}
FETCH = "() => fetch('search/search_index.json').then(r => r.ok ? r.json() : r.status)"


def index_seen(browser, url: str, **options):
    context = browser.new_context(**options)
    try:
        page = context.new_page()
        page.goto(url)
        return page.evaluate(FETCH)
    finally:
        context.close()


def test_the_index_has_the_sites_settings_and_no_pages_unless_the_real_one_is_asked_for(browser, tmp_path):
    (tmp_path / "index.html").write_text("<p>Home</p>", "utf-8")
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(INDEX), "utf-8")
    with StaticServer(tmp_path) as server:
        assert index_seen(browser, server.url) == {"config": INDEX["config"], "docs": []}
        assert index_seen(browser, server.url, real_search_index=True) == INDEX


def test_a_site_with_no_index_answers_as_it_does(browser, tmp_path):
    (tmp_path / "index.html").write_text("<p>Home</p>", "utf-8")
    with StaticServer(tmp_path) as server:
        assert index_seen(browser, server.url) == 404


def test_a_page_can_switch_between_the_real_index_and_the_one_with_no_pages(browser, tmp_path):
    (tmp_path / "index.html").write_text("<p>Home</p>", "utf-8")
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(INDEX), "utf-8")
    thin = {"config": INDEX["config"], "docs": []}
    with StaticServer(tmp_path) as server:
        for real_context in (True, False):
            context = browser.new_context(real_search_index=real_context)
            try:
                page = context.new_page()
                for real, expected in ((False, thin), (True, INDEX), (False, thin)):
                    search_index(page, real=real)
                    page.goto(server.url)
                    assert page.evaluate(FETCH) == expected, (real_context, real)
            finally:
                context.close()
