"""The real site's pages "What changed in ...": rules any valid content keeps, whatever changes it
records. Each is built, linked both ways with what it describes and from What's new, every link on
it lands on a built page and anchor, and each framework change it shows says where it was checked."""
from __future__ import annotations

import posixpath
import re
from html import unescape
from urllib.parse import urlsplit

from esafety_portal.since_previous import REWORDED
from esafety_portal.what_changed import change_lists, since_previous


def built(site, src: str):
    return site / re.sub(r"(index)?\.md$", "", src) / "index.html"


def article(site, src: str) -> str:
    html = built(site, src).read_text("utf-8")
    return html[html.index("<article"):html.index("</article>")]


def internal_links(html: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="([^"]+)"', html) if not urlsplit(unescape(h)).scheme]


def test_every_page_of_changes_is_built_and_linked_both_ways(built_site, content):
    for changes in change_lists(content):
        page = article(built_site, changes.page)
        owner = changes.owner.home if changes.framework else f"templates/{changes.owner.id}.md"
        owner_dir = posixpath.dirname(owner.removesuffix(".md") + "/")
        here = changes.page.removesuffix(".md") + "/"
        assert any(posixpath.normpath(posixpath.join(here, urlsplit(h).path)) == owner_dir
                   for h in internal_links(page)), f"{changes.page} does not link to {owner}"
        back = f'href="../../{changes.page.removesuffix(".md")}/"'
        assert back in article(built_site, owner), f"{owner} does not link to {changes.page}"
        assert f'href="../{changes.page.removesuffix(".md")}/"' in article(built_site, "whats-new.md")


def test_every_link_on_a_page_of_changes_lands_on_a_built_page_and_anchor(built_site, content):
    for changes in change_lists(content):
        here = changes.page.removesuffix(".md") + "/"
        for href in internal_links(article(built_site, changes.page)):
            target = urlsplit(href)
            path = posixpath.normpath(posixpath.join(here, target.path)) if target.path else here
            file = built_site / path / "index.html" if not path.endswith(".html") else built_site / path
            assert file.is_file(), f"{changes.page} links to {href}, which is not built"
            if target.fragment:
                assert f'id="{target.fragment}"' in file.read_text("utf-8"), f"{changes.page}: no anchor for {href}"


def test_every_framework_change_shown_says_where_it_was_checked(content):
    for changes in (c for c in change_lists(content) if c.framework):
        for item in changes.added + changes.reworded:
            record = since_previous(content, item)
            assert record.checked, f"{item.id}: a change of edition without a check record"
            assert record.change != REWORDED or record.before
        assert all(removed.checked for removed in changes.removed)
