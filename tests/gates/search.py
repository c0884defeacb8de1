"""Type queries into the site's real Material search box and read the top results.

The search gate and its own red test share this: a query is typed key by key (Material searches
on keyup, in its web worker), then the result list is read once it has stopped changing.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

TOP = 3

# The first links of the result list, in reading order. Links folded away under "N more on this
# page" are not what a reader sees first, so they never count towards the top three.
FIRST_LINKS = """(top) => {
  const meta = document.querySelector('.md-search-result__meta');
  const links = [...document.querySelectorAll('.md-search-result__list a.md-search-result__link')]
    .filter(a => !a.closest('details')).slice(0, top).map(a => a.href);
  return {meta: meta ? meta.textContent.trim() : '', links: links};
}"""


@dataclass(frozen=True)
class Case:
    query: str
    target: str  # a search index location: "templates/aup-ks2/" or "inspection/features/#feature-06"

    def found_in(self, locations: list[str]) -> bool:
        """A page target is met by the page or any of its sections; an anchor target only by itself."""
        if "#" in self.target:
            return self.target in locations
        return any(location.split("#")[0] == self.target for location in locations)


class SearchBox:
    """One open search box on one page, reused for every query (a fresh page per query is slower)."""

    def __init__(self, page, site_url: str):
        self.page = page
        self.site_url = site_url
        page.goto(site_url)
        page.keyboard.press("/")  # Material's own shortcut: opens and focuses the search box
        self.input = page.locator("input.md-search__input")
        self.input.wait_for(state="visible")

    def top(self, query: str) -> list[str]:
        """The search index locations of the first TOP results for `query`, as typed by a reader."""
        self.input.fill("")
        self.input.type(query)
        return [self._location(href) for href in self._settled(query)]

    def _settled(self, query: str, interval_ms: int = 100, steady: int = 3, limit_ms: int = 5000):
        """Poll until the meta line and links are unchanged `steady` times in a row: the worker
        answers every keystroke, so the last answer is the one that stays."""
        seen, same = None, 0
        for _ in range(limit_ms // interval_ms):
            self.page.wait_for_timeout(interval_ms)
            now = self.page.evaluate(FIRST_LINKS, TOP)
            ready = self.input.input_value() == query and now["meta"]
            same = same + 1 if ready and now == seen else 0
            if same >= steady:
                return now["links"]
            seen = now
        raise AssertionError(f"search results for {query!r} never settled (last seen: {seen})")

    def _location(self, href: str) -> str:
        parts = urlsplit(href)
        path = parts.path.removeprefix(urlsplit(self.site_url).path)
        return path + (f"#{parts.fragment}" if parts.fragment else "")


def misses(box: SearchBox, cases: list[Case]) -> list[str]:
    """One line per case whose target is not in the top results, with what came instead."""
    problems = []
    for case in cases:
        found = box.top(case.query)
        if not case.found_in(found):
            problems.append(f"{case.query!r}: wanted {case.target} in the top {TOP}, got {found}")
    return problems
