"""Type queries into the site's real Material search box and read the top results.

The search gate and its own red test share this: the box is cleared, the query put in it and a key
released (Material searches on keyup, in its web worker, for what the box holds), then the result
list is read once the worker has answered that one query and the list has stopped changing.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

TOP = 3
SHOWN = 10  # how far down a failure message looks for the wanted page

# The first links of the result list, in reading order. Links folded away under "N more on this
# page" are not what a reader sees first, so they never count towards the top three.
FIRST_LINKS = """(top) => {
  const meta = document.querySelector('.md-search-result__meta');
  const links = [...document.querySelectorAll('.md-search-result__list a.md-search-result__link')]
    .filter(a => !a.closest('details')).slice(0, top).map(a => a.href);
  return {meta: meta ? meta.textContent.trim() : '', links: links};
}"""

# Material's result line says "Initializing search" until its worker has loaded the index, then
# "Type to start searching"; only a count ("No matching documents", "1 matching document",
# "12 matching documents", in the site's own translations) is an answer to a query. Polling for a
# steady list while the worker still loads read an empty list as the answer (CI, stop 25).
META_STATE = """() => {
  const t = JSON.parse(document.getElementById('__config').textContent).translations;
  const meta = document.querySelector('.md-search-result__meta');
  const text = meta ? meta.textContent.trim() : '';
  const escape = s => s.replace(/[.*+?^${}()|[\\]\\\\]/g, '\\\\$&');
  const other = new RegExp('^' + escape(t['search.result.other']).replace('#', '\\\\d+') + '$');
  if (text === t['search.result.placeholder']) return 'ready';
  if (text === t['search.result.none'] || text === t['search.result.one'] || other.test(text)) return 'answer';
  return 'loading';
}"""


@dataclass(frozen=True)
class Case:
    query: str
    target: str  # a search index location: "templates/aup-ks2/" or "inspection/features/#feature-06"
    # Pages that answer the query as well as the target, by the start of their address: every
    # Acceptable Use Policy template ("templates/aup-") for a misspelt "acceptable use", one added
    # by copying another (CONTRIBUTING) included.
    or_pages: str = ""

    def found_in(self, locations: list[str]) -> bool:
        """A page target is met by the page or any of its sections; an anchor target only by itself;
        either, by any page whose address starts with `or_pages`."""
        if self.or_pages and any(location.startswith(self.or_pages) for location in locations):
            return True
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
        # Polled from Python: the site's CSP refuses the string evaluation wait_for_function uses.
        for _ in range(300):
            if page.evaluate(META_STATE) == "ready":
                break
            page.wait_for_timeout(100)
        else:
            raise AssertionError("the search box never finished loading its index (30 s)")

    def top(self, query: str, count: int = TOP) -> list[str]:
        """The search index locations of the first `count` results for `query`, as a reader who has
        typed it sees them."""
        # Cleared first, so that the next answer shown can only be the one to `query`: typing key by
        # key would ask the worker once per key and leave no way to tell the last answer from another.
        self._ask("", "ready")
        self._ask(query, "answer")
        return [self._location(href) for href in self._settled(query, count)]

    def _ask(self, query: str, state: str, interval_ms: int = 20, limit_ms: int = 5000) -> None:
        """Put `query` in the box, release a key, and wait until the result line is in `state`."""
        self.input.fill(query)
        self.input.press("End")
        for _ in range(limit_ms // interval_ms):
            if self.page.evaluate(META_STATE) == state:
                return
            self.page.wait_for_timeout(interval_ms)
        raise AssertionError(f"the search box never showed {state!r} for {query!r}")

    def _settled(self, query: str, count: int, interval_ms: int = 40, steady: int = 2, limit_ms: int = 5000):
        """Poll until the links are unchanged `steady` times in a row: Material draws the answer's
        results after its count."""
        seen, same = None, 0
        for _ in range(limit_ms // interval_ms):
            now = self.page.evaluate(FIRST_LINKS, count)
            same = same + 1 if self.input.input_value() == query and now == seen else 0
            if same >= steady:
                return now["links"]
            seen = now
            self.page.wait_for_timeout(interval_ms)
        raise AssertionError(f"search results for {query!r} never settled (last seen: {seen})")

    def _location(self, href: str) -> str:
        parts = urlsplit(href)
        path = parts.path.removeprefix(urlsplit(self.site_url).path)
        return path + (f"#{parts.fragment}" if parts.fragment else "")


@dataclass(frozen=True)
class SiteIndex:
    """What a failure message names: each search index location's title, the data file behind
    each page ("templates/aup-ks2/" -> "data/templates/aup-ks2.yml"), and the title boost."""
    titles: dict[str, str]
    data_files: dict[str, str]
    title_boost: float


def site_index(site_dir: Path, content) -> SiteIndex:
    from esafety_portal.pages import data_of_pages, template_page

    pages = {page: files[0] for page, files in data_of_pages(content).items()}
    pages.update({template_page(t.id): t.data_file for t in content.templates})
    data_files = {_url(page): data_file for page, data_file in pages.items()}
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    return SiteIndex({doc["location"]: doc["title"] for doc in index["docs"]}, data_files,
                     index["config"]["fields"]["title"]["boost"])


def _url(docs_page: str) -> str:
    """'templates/aup-ks2.md' -> 'templates/aup-ks2/', 'inspection/index.md' -> 'inspection/'."""
    path = docs_page.removesuffix(".md")
    return path.removesuffix("index") if path == "index" or path.endswith("/index") else path + "/"


def misses(box: SearchBox, cases: list[Case], site: SiteIndex) -> list[str]:
    """One message per case whose target is not in the top results, for the editor whose change moved it."""
    problems = []
    for case in cases:
        found = box.top(case.query, SHOWN)
        if not case.found_in(found[:TOP]):
            problems.append(miss_message(case, found, site))
    return problems


def miss_message(case: Case, found: list[str], site: SiteIndex) -> str:
    """Which query, what now ranks above the wanted page, and what to change."""
    def name(location: str) -> str:
        return f"\"{site.titles.get(location, location)}\" ({location or 'the home page'})"

    rank = next((n for n, location in enumerate(found) if case.found_in([location])), None)
    where = (f"it is now number {rank + 1}" if rank is not None
             else f"it is not among the {len(found)} results shown")
    above = found[:rank] if rank is not None else found[:TOP]
    page, _, anchor = case.target.partition("#")
    data_file = site.data_files.get(page)
    if data_file:
        keywords = (f"add the words people type to the `keywords:` of item {anchor} in {data_file}" if anchor
                    else f"add the words people type to the `keywords:` in {data_file}")
    else:
        keywords = "add the words people type to the wanted page's text"
    also = f" (or a page under {case.or_pages})" if case.or_pages else ""
    return (f"Searching for \"{case.query}\" should show {name(case.target)}{also} in the first {TOP} results, "
            f"but {where}.\n"
            f"    Above it now: " + "; ".join(f"{n}. {name(location)}" for n, location in enumerate(above, 1)) + ".\n"
            f"    What to change: if you have just edited one of the pages above, a word you added to a heading "
            f"may be pulling it up (a word in a title counts {site.title_boost:g} times a word in the text): choose another "
            f"word if it reads as well. Otherwise {keywords}. If the new order is right for readers, change "
            f"what this query should find in tests/gates/test_search.py and say why in your pull request.")
