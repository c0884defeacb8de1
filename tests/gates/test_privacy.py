"""Privacy gate: browsing every page and searching sends nothing beyond the local server, sets
no cookie and stores nothing in the browser (the reader has asked for nothing to be kept)."""
from __future__ import annotations

from browsing import browse
from conftest import FIXTURES
from support.site import StaticServer


def test_every_page_was_visited(site_visit, site_url, site_pages):
    for path in site_pages:
        assert site_url + path in site_visit.requests


def test_no_request_leaves_the_local_server(site_visit):
    assert not site_visit.third_party, "requests to third parties:\n" + "\n".join(site_visit.third_party)
    # A request the CSP stopped was still an attempt to reach a third party.
    assert not [v for v in site_visit.csp_violations if "http" in v.split(": ", 1)[1]]


def test_no_cookie_is_set(site_visit):
    assert site_visit.cookies == []


def test_nothing_is_stored_in_the_browser(site_visit):
    assert site_visit.storage == {"local": [], "session": []}


def test_colour_scheme_is_stored_only_when_the_reader_chooses_one(browser, site_url):
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    try:
        page.goto(site_url)
        assert page.evaluate("() => localStorage.length") == 0
        page.locator("label[title='Switch to dark mode']").click()
        assert page.get_attribute("body", "data-md-color-scheme") == "slate"
        assert page.evaluate("() => Object.keys(localStorage)") == ["/.__palette"]
    finally:
        context.close()


def test_gate_turns_red_on_a_leaky_page(browser):
    with StaticServer(FIXTURES / "leaky-site") as server:
        visit = browse(browser, server.url, [""])
    assert any("fonts.googleapis.com" in url for url in visit.third_party)
    assert any("google-analytics.com" in url for url in visit.third_party)
    assert visit.cookies == ["visitor (127.0.0.1)"]
    assert visit.storage == {"local": ["seen"], "session": ["visit"]}
