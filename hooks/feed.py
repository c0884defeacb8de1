"""Hook: publish the Atom feed of every dated change (esafety_portal/feed.py) at /feed.xml, from
the same data and pages as the What's new page; every page's head links to it (overrides/main.html)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from esafety_portal.build_state import build_state
from esafety_portal.feed import PATH, atom_feed, entries
from esafety_portal.pages import page_title, pages_of_data_files
from esafety_portal.self_review import page_url

WHATS_NEW = "whats-new.md"  # the page that lists the same changes: the feed's alternate


def on_files(files, config):
    content = build_state(config).content
    docs_dir = Path(config["docs_dir"])
    directory_urls = config["use_directory_urls"]
    if not (docs_dir / WHATS_NEW).is_file():
        raise PluginError(f"docs/{WHATS_NEW}: is missing, and the feed of changes (/{PATH}) links every reader to it "
                          "— restore the page: a title, and {{ whats_new() }} under its heading")
    found = entries(content, pages_of_data_files(content, docs_dir), (WHATS_NEW, page_title(docs_dir, WHATS_NEW)),
                    directory_urls)
    files.append(File.generated(config, PATH, content=atom_feed(content.site, found, page_url(WHATS_NEW, directory_urls))))
    return files
