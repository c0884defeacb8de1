"""The Atom 1.0 feed (RFC 4287) of every dated change in the content: the What's new page's data
(each data file's `changes:`), for a DSL's feed reader or a county newsletter.

Deterministic: the same data gives the same bytes. Every date comes from the data (the feed's
`updated` is its newest change), and every value is an XML text node or attribute written by
ElementTree, which escapes it: no value is ever joined into markup.
"""
from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown

from .model import Change, Content, Site
from .self_review import page_url

ATOM = "http://www.w3.org/2005/Atom"
PATH = "feed.xml"  # where the feed is published, under the site's root
# What XML 1.0 cannot hold at all; the loader refuses these in every value, so meeting one here
# is a bug upstream, and no half-valid feed is written.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class Entry:
    """One change as the feed gives it: `page` the URL (from the site root) of the page that
    shows the changed file, `title` that page's title."""
    change: Change
    page: str
    title: str


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


@functools.lru_cache(maxsize=4096)  # each summary, every build: a Markdown conversion is a new converter each time
def summary_text(summary: str) -> str:
    """A change's summary (safe Markdown) as the plain words a reader sees on the page: links
    become their text, emphasis its words. Its own characters are escaped first, so anything
    that looks like HTML stays text."""
    parser = _Text()
    parser.feed(markdown.markdown(summary.replace("&", "&amp;").replace("<", "&lt;")))
    parser.close()
    return " ".join("".join(parser.parts).split())


def rfc3339(change: Change) -> str:
    return f"{change.date.isoformat()}T00:00:00Z"


def entry_ids(entries: list[Entry], host: str) -> list[str]:
    """A tag: URI (RFC 4151) per entry that stays the same when other changes are added: the
    date, the data file, and the change's place among that file's changes of that date."""
    seen: Counter = Counter()
    ids = []
    for entry in entries:
        key = (entry.change.file, entry.change.date)
        seen[key] += 1
        ids.append(f"tag:{host},{entry.change.date.isoformat()}:{entry.change.file}/{seen[key]}")
    return ids


def atom_feed(site: Site, entries: list[Entry], whats_new: str) -> bytes:
    """The feed, newest change first. `entries` in the data's own order (each file's changes as
    written); `whats_new` the URL (from the site root) of the What's new page, the feed's
    alternate."""
    root_url = site.site_url.rstrip("/") + "/"
    ids = entry_ids(entries, urlsplit(root_url).hostname or "localhost")
    ordered = sorted(zip(ids, entries), key=lambda pair: (pair[1].change.date, pair[1].change.file, pair[0]),
                     reverse=True)
    # Atom is the default namespace, declared once, so every element is written unprefixed.
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": site.language})
    _text(feed, "id", root_url + PATH)
    _text(feed, "title", site.portal_name)
    _text(feed, "subtitle", f"Every dated change to the guidance of {site.council}.")
    # With no change yet there is no date in the data: the feed says so with the earliest time.
    _text(feed, "updated", rfc3339(ordered[0][1].change) if ordered else "1970-01-01T00:00:00Z")
    author = ET.SubElement(feed, "author")
    _text(author, "name", site.contact.get("team") or site.contact["role"])  # a team, never a person
    if site.contact.get("email"):
        _text(author, "email", site.contact["email"])
    _link(feed, "self", root_url + PATH, "application/atom+xml")
    _link(feed, "alternate", root_url + whats_new, "text/html")
    for entry_id, entry in ordered:
        element = ET.SubElement(feed, "entry")
        _text(element, "id", entry_id)
        _text(element, "title", entry.title)
        _text(element, "updated", rfc3339(entry.change))
        _link(element, "alternate", root_url + entry.page, "text/html")
        _text(element, "summary", summary_text(entry.change.summary)).set("type", "text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def entries(content: Content, pages: dict[str, tuple[str, str]], whats_new: tuple[str, str],
            use_directory_urls: bool = True) -> list[Entry]:
    """Every change of every data file, each with the page that shows its file (`pages`: data
    file -> (docs page, title), as pages.pages_of_data_files gives them), else the What's new
    page (`whats_new`: its docs page and title), which lists them all."""
    found = []
    for meta in content.files.values():
        for change in meta.changes:
            page, title = pages.get(change.file, whats_new)
            found.append(Entry(change, page_url(page, use_directory_urls), title))
    return found


def _text(parent: ET.Element, name: str, value: str) -> ET.Element:
    if _NOT_XML.search(value):
        raise ValueError(f"the feed's {name} {value[:80]!r} holds a character XML cannot hold")
    element = ET.SubElement(parent, name)
    element.text = value
    return element


def _link(parent: ET.Element, rel: str, href: str, media_type: str) -> None:
    ET.SubElement(parent, "link", {"rel": rel, "href": href, "type": media_type})
