"""Under `mkdocs serve`, a page whose Markdown and surroundings are unchanged since the last rebuild
is not converted to HTML again: it gets the last conversion's HTML, contents, title and anchors, and
the messages that conversion logged (a broken link) are logged again, so a strict build still fails.

Why: converting Markdown was about 40% of a rebuild, and an edit to one data file changes the
Markdown of only the few pages that show it. Used only while serving (hooks/live_preview.py), so a
published site is always converted in full; kept in memory, one entry per page.

What a conversion reads, all in the key: the page's Markdown (after the macros), its address, the
address and inclusion of every file it could link to, and the settings MkDocs' conversion reads
(extensions and their options, link validation, directory URLs, the log level that decides whether
links to anchors are recorded). The extensions this site uses read nothing else (mkdocs.yml: no
snippets); tests/test_markdown_cache.py checks that a rebuild made with the cache is the same, byte
for byte, as one made without.
"""
from __future__ import annotations

import copy
import hashlib
import logging
import threading
from dataclasses import dataclass

from mkdocs.structure.pages import Page

_MKDOCS_LOG = logging.getLogger("mkdocs")


@dataclass(frozen=True)
class Converted:
    key: str
    content: str
    toc: object
    title: str | None
    present_anchor_ids: frozenset[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # by the linked file's src_uri
    records: tuple[logging.LogRecord, ...]


_KEPT: dict[str, Converted] = {}  # page src_uri -> its last conversion
_SITE: dict[str, object] = {}  # the last build's Files and their part of the key
STATS = {"converted": 0, "reused": 0}  # since the process started, for the tests


def _site_part(files) -> str:
    """The key's part for every file a link could reach; made once per build (one Files per build)."""
    if _SITE.get("files") is not files or _SITE.get("count") != len(files):  # a file added since
        described = sorted((f.src_uri, f.dest_uri, f.url, f.inclusion.name, f.is_documentation_page()) for f in files)
        _SITE.update(files=files, count=len(files), part=hashlib.sha256(repr(described).encode("utf-8")).hexdigest())
    return _SITE["part"]


def key(page: Page, config, files) -> str:
    settings = (config["markdown_extensions"], config["mdx_configs"], config["validation"],
                config["use_directory_urls"], _MKDOCS_LOG.getEffectiveLevel())
    parts = (page.file.src_uri, page.file.dest_uri, page.file.url, page.file.inclusion.name,
             repr(settings), _site_part(files), page.markdown)
    return hashlib.sha256("\0".join(map(str, parts)).encode("utf-8")).hexdigest()


class _Recorder(logging.Handler):
    """Every record this thread logs while a page converts (the server's thread logs too)."""

    def __init__(self):
        super().__init__(logging.NOTSET)
        self.thread = threading.get_ident()
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        if record.thread == self.thread and not any(r is record for r in self.records):
            self.records.append(record)


# MkDocs' own logger does not pass its records on to the root logger; every other one does.
_LISTENED = (logging.getLogger(), _MKDOCS_LOG)


def render(page: Page, config, files) -> None:
    """Page.render, or the last conversion of the same input."""
    page_key = key(page, config, files)
    kept = _KEPT.get(page.file.src_uri)
    if kept is not None and kept.key == page_key:
        _reuse(kept, page, files)
        return
    recorder = _Recorder()
    for logger in _LISTENED:
        logger.addHandler(recorder)
    try:
        Page.render(page, config, files)
    finally:
        for logger in _LISTENED:
            logger.removeHandler(recorder)
    STATS["converted"] += 1
    links = vars(page).get("links_to_anchors")  # set only at some log levels, as MkDocs does
    _KEPT[page.file.src_uri] = Converted(
        page_key, page.content, copy.deepcopy(page.toc), page._title_from_render, frozenset(page.present_anchor_ids),
        None if links is None else {f.src_uri: dict(anchors) for f, anchors in links.items()},
        tuple(recorder.records))


def _reuse(kept: Converted, page: Page, files) -> None:
    STATS["reused"] += 1
    for record in kept.records:
        logging.getLogger(record.name).handle(record)
    page.content = kept.content
    page.toc = copy.deepcopy(kept.toc)
    page._title_from_render = kept.title
    page.present_anchor_ids = set(kept.present_anchor_ids)
    if kept.links_to_anchors is not None:
        page.links_to_anchors = {files.get_file_from_path(src): dict(anchors)
                                 for src, anchors in kept.links_to_anchors.items()}


def forget() -> None:
    _KEPT.clear()
    _SITE.clear()
