"""Crawl a site served on 127.0.0.1: every internal link, anchor and download must resolve.

External links are collected for a report and never fetched.
"""
from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

LINK_ATTRS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src")}
NOT_FETCHED = ("mailto:", "tel:", "data:", "javascript:")


class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            if (tag, name) in LINK_ATTRS and value:
                self.links.append(value)


@dataclass
class Crawl:
    pages: list[str] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)
    external: dict[str, set[str]] = field(default_factory=dict)


def _fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def crawl(base_url: str, start: str = "") -> Crawl:
    """Follow every link from `start` that stays under `base_url`; check targets and anchors."""
    result = Crawl()
    host = urlsplit(base_url).netloc
    status, ids, queue, seen = {}, {}, [urljoin(base_url, start)], set()
    anchors: list[tuple[str, str, str]] = []  # (page linking, target url, fragment)

    def visit(url: str, referrer: str | None):
        if url in status:
            return
        code, kind, body = _fetch(url)
        status[url] = code
        if code != 200:
            result.broken.append(f"{referrer}: {url} answers {code}")
        elif kind == "text/html":
            parser = _Page()
            parser.feed(body.decode("utf-8"))
            ids[url] = parser.ids
            result.pages.append(url)
            for link in parser.links:
                if link.startswith(NOT_FETCHED):
                    continue
                target, fragment = urldefrag(urljoin(url, link))
                if urlsplit(target).netloc != host:
                    result.external.setdefault(target, set()).add(url.removeprefix(base_url) or "/")
                    continue
                if fragment:
                    anchors.append((url, target, fragment))
                queue.append((target, url))

    visit(queue.pop(), None)
    while queue:
        target, referrer = queue.pop()
        visit(target, referrer)
    for page, target, fragment in anchors:
        if status.get(target) == 200 and target in ids and fragment not in ids[target]:
            result.broken.append(f"{page}: {target}#{fragment}: no element has id {fragment!r}")
    return result
