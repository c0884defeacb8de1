"""The session's Chromium, as the tests hand it out: contexts that ask the test server for a search
index with no pages, unless a test asks for the real one.

Material starts its search on every page load: it fetches the site's search index (over half a
megabyte) and builds a lunr index from it in a worker. Measured on the 2-core machine, that was a
third of Chromium's work for a page (20 loads of five pages: 11.7 CPU-seconds, 7.8 with an empty
index), and the suite is bound by its CPU. The tests of the tools never search, so their contexts
send a header (support/site.py, NO_PAGES_HEADER) that has the test server answer with the site's
own search settings and no pages: the search box, its worker and its settings still load and run.
The search gate and the pages that check what a reader has ask for the real index with
`real_search_index=True`; the gates that load every page first and search after (privacy, CSP,
accessibility) load them with the thin one and switch a page to the real one before they search
(`search_index(page, real=True)`): a page makes the same requests and ends with the same DOM either
way, since the index's pages are only read by a search (compared on every page of the site, 5
December 2026: the same requests, and the same DOM once loaded). Other servers (mkdocs serve)
ignore the header.
"""
from __future__ import annotations

from support.site import NO_PAGES_HEADER


# What a test context or page sends to be answered with the index with no pages.
THIN = {NO_PAGES_HEADER: "no-pages"}


class Chromium:
    """Wraps a Playwright Browser: `new_context` as Playwright's, plus `real_search_index`."""

    def __init__(self, browser):
        self.browser = browser

    def new_context(self, *, real_search_index: bool = False, **options):
        if not real_search_index:
            options["extra_http_headers"] = {**options.get("extra_http_headers", {}), **THIN}
        return self.browser.new_context(**options)


def search_index(page, *, real: bool) -> None:
    """From its next request on, `page` gets the real search index or the one with no pages,
    whatever its context asked for (a page's own value of a header overrides its context's)."""
    page.set_extra_http_headers({NO_PAGES_HEADER: "all-pages"} if real else THIN)
