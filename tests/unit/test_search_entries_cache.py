"""esafety_portal/search_entries_cache.py on a stand-in for Material's search index: a page read
once gives the same entries again without being read; any change to what Material reads reads
it again. (A whole rebuild against one made afresh: tests/test_markdown_cache.py.)"""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from esafety_portal import search_entries_cache


class Index:
    """Material's SearchIndex, as far as the cache uses it: entries made from a page's HTML."""

    def __init__(self):
        self.config = {"lang": ["en"], "separator": "[\\s]+"}
        self.entries: list[dict] = []
        self.read = 0

    def add_entry_from_context(self, page):
        self.read += 1
        self.entries.append({"location": page.url, "title": str(page.title), "text": page.content})


def a_page(**changes):
    toc = [SimpleNamespace(id="a", url="#a", title="A", children=[])]
    fields = {"url": "about/", "title": "About", "meta": {"tags": ["x"]}, "toc": toc,
              "content": "<h1>About</h1>", "file": SimpleNamespace(src_uri="about.md")}
    return SimpleNamespace(**{**fields, **changes})


@pytest.fixture(autouse=True)
def _forget():
    search_entries_cache.forget()
    yield
    search_entries_cache.forget()


def build(page) -> Index:
    """One rebuild's index (a new one each build, as Material makes), the page added to it."""
    index = Index()
    search_entries_cache.install(index)
    search_entries_cache.install(index)  # twice: still one layer
    index.add_entry_from_context(page)
    return index


def test_an_unchanged_page_gives_its_entries_again_without_being_read():
    first, again = build(a_page()), build(a_page())
    assert first.read == 1 and again.read == 0
    assert again.entries == first.entries
    again.entries[0]["text"] = "changed later by another hook"
    assert build(a_page()).entries == first.entries, "the kept entries are copies"


@pytest.mark.parametrize("change", [
    {"content": "<h1>About us</h1>"}, {"url": "about-us/"}, {"title": "About us"},
    {"meta": {"tags": ["y"]}}, {"meta": {"tags": ["x"], "search": {"boost": 2}}},
    {"toc": [SimpleNamespace(id="b", url="#b", title="A", children=[])]},
])
def test_any_change_to_what_material_reads_reads_the_page_again(change):
    build(a_page())
    index = build(a_page(**change))
    assert index.read == 1


def test_other_search_settings_read_the_page_again():
    build(a_page())
    index = Index()
    index.config["separator"] = "[\\s\\-]+"
    search_entries_cache.install(index)
    index.add_entry_from_context(a_page())
    assert index.read == 1
