"""The session's Chromium, as the tests hand it out: contexts whose search index lists no pages,
unless a test asks for the real one.

Material starts its search on every page load: it fetches the site's search index (over half a
megabyte) and builds a lunr index from it in a worker. Measured on the 2-core machine, that was a
third of Chromium's work for a page (20 loads of five pages: 11.7 CPU-seconds, 7.8 with an empty
index), and the suite is bound by its CPU. The tests of the tools never search, so their contexts
get the site's own index with its pages taken out: the search box, its worker and its settings
still load and run. The gates that check pages whole, as a reader has them (accessibility,
privacy, CSP, search), ask for the real index with `real_search_index=True`.
"""
from __future__ import annotations

INDEX = "**/search/search_index.json"


class Chromium:
    """Wraps a Playwright Browser: `new_context` as Playwright's, plus `real_search_index`."""

    def __init__(self, browser):
        self.browser = browser

    def new_context(self, *, real_search_index: bool = False, **options):
        context = self.browser.new_context(**options)
        if not real_search_index:
            context.route(INDEX, self._no_pages)
        return context

    @staticmethod
    def _no_pages(route):
        """Answer with the site's own search settings (its language, separators) and no pages."""
        response = route.fetch()
        if not response.ok:  # nothing to thin out: the page sees the site's own answer
            route.fulfill(response=response)
        else:
            route.fulfill(status=200, content_type="application/json", json={"config": response.json()["config"], "docs": []})

    def close(self):
        self.browser.close()
