"""Page weight: what a first visit to each kind of page downloads, measured in real Chromium.

Each page is opened in a fresh browser context (empty cache) from a local server; every
response is counted except the search index, which Material fetches in the background for the
search box. Sizes are the bytes of each body, raw and gzipped (level 6, a common server
default), as a server that compresses would send them.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import threading
from dataclasses import dataclass
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SEARCH_INDEX = "search/search_index.json"


@dataclass
class Weight:
    page: str
    raw: int
    gzipped: int
    requests: int


def kind_of(page: str) -> str:
    """The kind of page, from where it sits: the home page, guidance, templates, tools, ..."""
    if page == "":
        return "home"
    top = page.split("/")[0]
    return {"inspection": "guidance", "survey-2010": "guidance", "organisations": "guidance",
            "templates": "template", "self-review": "tool", "school-year": "tool",
            "training-record": "tool"}.get(top, "about/other")


def pages(site: Path) -> list[str]:
    """Every page of the built site, as its URL path ('' for the home page)."""
    found = []
    for html in sorted(site.rglob("index.html")):
        relative = html.parent.relative_to(site).as_posix()
        found.append("" if relative == "." else relative + "/")
    return found


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def heaviest_of_each_kind(site: Path) -> dict[str, str]:
    """For each kind of page, the page whose HTML is largest (they share every other file)."""
    heaviest: dict[str, tuple[int, str]] = {}
    for page_path in pages(site):
        size = (site / page_path / "index.html").stat().st_size
        kind = kind_of(page_path)
        if size > heaviest.get(kind, (-1, ""))[0]:
            heaviest[kind] = (size, page_path)
    return {kind: page_path for kind, (_size, page_path) in sorted(heaviest.items())}


def measure(site: Path) -> tuple[dict[str, Weight], int, int]:
    """The first-visit weight of the heaviest page of each kind, and the search index's raw
    and gzip size."""
    from playwright.sync_api import sync_playwright

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    weights = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            for kind, page_path in heaviest_of_each_kind(site).items():
                weights[kind] = _visit(browser, base, page_path)
            browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    index = (site / SEARCH_INDEX).read_bytes()
    return weights, len(index), len(gzip.compress(index, 6))


def _visit(browser, base: str, page_path: str) -> Weight:
    context = browser.new_context()
    bodies: dict[str, bytes] = {}

    def keep(response):
        url = response.url
        if url.startswith(base) and not url.endswith(SEARCH_INDEX) and response.status == 200:
            try:
                bodies[url] = response.body()
            except Exception:  # noqa: BLE001 - a response the page abandoned has no body to count
                pass

    page = context.new_page()
    page.on("response", keep)
    page.goto(base + page_path, wait_until="networkidle")
    context.close()
    return Weight(page_path, sum(map(len, bodies.values())),
                  sum(len(gzip.compress(b, 6)) for b in bodies.values()), len(bodies))
