"""The Atom feed of every dated change (esafety_portal/feed.py, published by hooks/feed.py): valid
Atom 1.0 (RFC 4287) on a small fixture with hostile values, and on the real site every page
announces it and every entry links to a built page."""
from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from esafety_portal.feed import ATOM, Entry, atom_feed, summary_text
from esafety_portal.model import Change, Site

A = f"{{{ATOM}}}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
HOSTILE = "Fixed <script>alert(1)</script> & the ]]> end, \"quoted\" 'too' & AT&amp;T"

SITE = Site(portal_name="Guidance & <Help>", short_name="G", council="Somewhere Council", area="Somewhere",
            description="d", site_url="https://guidance.example.org/", repository_url="https://example.org/r",
            repository_branch="main", contact={"role": "County Officer", "team": "Safeguarding Team",
                                               "email": "team@example.org"},
            licence={}, language="en-GB")


def change(date: str, summary: str, file: str) -> Change:
    return Change(dt.date.fromisoformat(date), summary, file)


ENTRIES = [
    Entry(change("2026-01-05", "Older change with **bold** and [a link](https://www.gov.uk/x).", "data/a.yml"),
          "a/", "Page <A>"),
    Entry(change("2026-03-01", HOSTILE, "data/a.yml"), "a/", "Page <A>"),
    Entry(change("2026-03-01", "Same day, same file, second change.", "data/a.yml"), "a/", "Page <A>"),
    Entry(change("2026-02-10", "Another file.", "data/b.yml"), "", "Home & away"),
]


def parse(feed: bytes) -> ET.Element:
    return ET.fromstring(feed)


@pytest.fixture(scope="module")
def feed() -> bytes:
    return atom_feed(SITE, ENTRIES, "whats-new/")


def test_the_feed_has_every_element_rfc_4287_requires(feed):
    root = parse(feed)
    assert root.tag == f"{A}feed"
    for name in ("id", "title", "updated", "author"):
        assert len(root.findall(f"{A}{name}")) == 1, name
    assert root.find(f"{A}author/{A}name").text == "Safeguarding Team"  # the team, never a person
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{A}link")}
    assert links == {"self": "https://guidance.example.org/feed.xml", "alternate": "https://guidance.example.org/whats-new/"}
    assert root.find(f"{A}title").text == "Guidance & <Help>"
    entries = root.findall(f"{A}entry")
    assert len(entries) == len(ENTRIES)
    for entry in entries:
        for name in ("id", "title", "updated", "summary"):
            assert len(entry.findall(f"{A}{name}")) == 1, name
        (link,) = entry.findall(f"{A}link")
        assert link.get("rel") == "alternate" and link.get("href").startswith(SITE.site_url)
        assert entry.find(f"{A}summary").get("type") == "text"


def test_ids_are_unique_uris_and_dates_rfc_3339(feed):
    root = parse(feed)
    ids = [e.find(f"{A}id").text for e in root.findall(f"{A}entry")]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"tag:guidance\.example\.org,\d{4}-\d{2}-\d{2}:[\w./-]+", i) for i in ids), ids
    dates = [root.find(f"{A}updated").text] + [e.find(f"{A}updated").text for e in root.findall(f"{A}entry")]
    for date in dates:
        assert RFC3339.match(date), date
        dt.datetime.fromisoformat(date.replace("Z", "+00:00"))
    # The feed's date is its newest change, and the entries run newest first.
    assert dates[0] == "2026-03-01T00:00:00Z"
    assert dates[1:] == sorted(dates[1:], reverse=True)


def test_hostile_values_come_out_escaped_as_text(feed):
    assert b"<script" not in feed and b"]]>" not in feed and b"<Help>" not in feed and b"<A>" not in feed
    root = parse(feed)
    summaries = [e.find(f"{A}summary").text for e in root.findall(f"{A}entry")]
    assert " ".join(HOSTILE.split()) in summaries  # every character back as text, none as markup
    assert root.find(f"{A}entry/{A}title").text == "Page <A>"
    assert all(element.tag.startswith(A) for element in root.iter())  # no element came from a value


def test_summaries_are_the_plain_words_of_their_markdown():
    assert summary_text("Older change with **bold** and [a link](https://www.gov.uk/x).") == \
        "Older change with bold and a link."
    assert summary_text("a < b & c") == "a < b & c"


def test_the_same_data_gives_the_same_bytes_and_ids_stay_when_changes_are_added(feed):
    assert atom_feed(SITE, list(ENTRIES), "whats-new/") == feed
    more = ENTRIES + [Entry(change("2026-04-01", "Newest.", "data/c.yml"), "c/", "C")]
    old_ids = {e.find(f"{A}summary").text: e.find(f"{A}id").text for e in parse(feed).findall(f"{A}entry")}
    new_ids = {e.find(f"{A}summary").text: e.find(f"{A}id").text for e in parse(atom_feed(SITE, more, "")).findall(f"{A}entry")}
    assert all(new_ids[summary] == i for summary, i in old_ids.items())
    assert parse(atom_feed(SITE, more, "")).find(f"{A}updated").text == "2026-04-01T00:00:00Z"


def test_a_character_xml_cannot_hold_is_refused_not_written():
    bad = [Entry(change("2026-01-01", "bell \x07 here", "data/a.yml"), "a/", "A")]
    with pytest.raises(ValueError, match="XML cannot hold"):
        atom_feed(SITE, bad, "")


# -- the real site: rules every valid content keeps --------------------------------------------
def built_feed(built_site) -> ET.Element:
    return parse((built_site / "feed.xml").read_bytes())


def test_the_built_feed_holds_every_change_each_linking_to_a_built_page(built_site, content):
    root = built_feed(built_site)
    entries = root.findall(f"{A}entry")
    assert len(entries) == len(content.changes())
    assert root.find(f"{A}title").text == content.site.portal_name
    base = content.site.site_url.rstrip("/") + "/"
    for entry in entries:
        href = entry.find(f"{A}link").get("href")
        assert href.startswith(base), href
        path = urlsplit(href).path.removeprefix(urlsplit(base).path)
        target = built_site / path / "index.html" if path == "" or path.endswith("/") else built_site / path
        assert target.is_file(), f"{href} is not a built page"
    ids = [e.find(f"{A}id").text for e in entries]
    assert len(set(ids)) == len(ids)


def test_every_page_links_the_feed_in_its_head(built_site):
    pages = [p for p in built_site.rglob("*.html") if "assets" not in p.parts]
    assert pages
    feed = (built_site / "feed.xml").resolve()
    for page in pages:
        head = page.read_text("utf-8").split("</head>", 1)[0]
        found = re.findall(r'<link rel="alternate" type="application/atom\+xml" title="[^"<]+" href="([^"]+)">', head)
        assert len(found) == 1, page
        # Relative from the page (as every link on the site is), or from the root on the 404 page.
        href = found[0]
        resolved = (built_site / href.lstrip("/")) if href.startswith("/") else page.parent / href
        assert resolved.resolve() == feed, (page, href)


def test_a_feed_reader_reads_it_as_atom_1_0(feed, built_site):
    import feedparser

    for data in (feed, (built_site / "feed.xml").read_bytes()):
        parsed = feedparser.parse(data)
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.version == "atom10"
        assert parsed.entries and all(e.id and e.title and e.link and e.updated_parsed for e in parsed.entries)
    hostile = feedparser.parse(feed).entries
    assert " ".join(HOSTILE.split()) in [e.summary for e in hostile]


def test_a_site_without_its_whats_new_page_is_told_to_restore_it(tmp_path):
    """The feed links every reader to docs/whats-new.md: without it the build stops with the page and
    the fix, and no traceback (the no-guides scenario, tests/sites/no-guides/, less that page)."""
    from support.scenario_site import build_scenario

    built = build_scenario("no-guides", tmp_path, change=lambda project: (project / "docs/whats-new.md").unlink())
    assert not built.ok and "Traceback" not in built.result.stderr
    assert ("docs/whats-new.md: is missing, and the feed of changes (/feed.xml) links every reader to it — restore "
            "the page: a title, and {{ whats_new() }} under its heading") in built.result.stderr
