"""Under `mkdocs serve`, a page whose HTML and surroundings are unchanged since the last rebuild
adds the same entries to the search index as last time, without Material's search reading its
HTML again.

Why: Material's search plugin parses every page's HTML into sections on every rebuild, about an
eighth of a rebuild once unchanged Markdown is no longer converted (markdown_cache.py). Used only
while serving (hooks/live_preview.py); kept in memory, one entry per page.

What Material reads for a page's entries, all in the key (material/plugins/search/plugin.py,
SearchIndex.add_entry_from_context and create_entry_for_section): the page's HTML, address, title
and front matter (title, tags, search), its contents' anchors and addresses, and the search
settings. tests/test_markdown_cache.py checks that a rebuild made with this cache writes the same
search index, byte for byte, as one made without.
"""
from __future__ import annotations

import copy
import hashlib

_KEPT: dict[str, tuple[str, list[dict]]] = {}  # page src_uri -> (key, the entries it added)
STATS = {"parsed": 0, "reused": 0}  # since the process started, for the tests


def _contents(toc) -> list:
    return [(item.id, item.url, item.title, _contents(item.children)) for item in toc]


def key(index, page) -> str:
    parts = (page.url, str(page.title), repr(page.meta),
             repr(_contents(page.toc)), repr(sorted(index.config.items())), page.content)
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def install(index) -> None:
    """Make the search plugin's index (Material's SearchIndex) reuse a page's last entries."""
    if getattr(index, "_reuses_entries", False):
        return
    add = index.add_entry_from_context

    def add_entry_from_context(page):
        page_key = key(index, page)
        kept = _KEPT.get(page.file.src_uri)
        if kept is not None and kept[0] == page_key:
            STATS["reused"] += 1
            index.entries.extend(copy.deepcopy(kept[1]))
            return
        before = len(index.entries)
        add(page)
        STATS["parsed"] += 1
        _KEPT[page.file.src_uri] = (page_key, copy.deepcopy(index.entries[before:]))

    index.add_entry_from_context = add_entry_from_context
    index._reuses_entries = True


def forget() -> None:
    _KEPT.clear()
