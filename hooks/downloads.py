"""Hook: make each template's Word, OpenDocument and Markdown downloads and the .zip pack, and
publish them under downloads/ so links to them are checked like any page.

Runs before hooks/template_pages.py (priority 10), which shows each file's size. Documents whose
template is unchanged come from .cache/documents/ instead of being made again.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from esafety_portal.documents.cache import all_documents
from esafety_portal.documents.pack import DOWNLOADS

CACHE = Path(".cache") / "documents"


@event_priority(10)
def on_files(files, config):
    content = config["esafety_content"]
    cache_dir = Path(config.config_file_path).parent / CACHE
    documents = all_documents(content.templates, content.site.council, cache_dir)
    config["esafety_downloads"] = {name: len(data) for name, data in documents.items()}
    for name, data in documents.items():
        files.append(DownloadFile.generated(config, f"{DOWNLOADS}/{name}", content=data))
    return files


class DownloadFile(File):
    """A file published exactly as made. MkDocs would turn a .md download into a page; this one
    is copied byte for byte, at the same address, like any other download."""

    def is_documentation_page(self) -> bool:
        return False
