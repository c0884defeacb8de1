"""Hook: make each template's Word, OpenDocument and Markdown downloads and the .zip pack, and
publish them under downloads/ so links to them are checked like any page.

The documents are made once per build by the build state (esafety_portal/build_state.py), which
the template pages also ask for each file's size. Documents whose template is unchanged come from
.cache/documents/ instead of being made again.
"""
from __future__ import annotations

from mkdocs.structure.files import File

from esafety_portal.build_state import build_state
from esafety_portal.documents.pack import DOWNLOADS


def on_files(files, config):
    for name, data in build_state(config).documents.items():
        files.append(DownloadFile.generated(config, f"{DOWNLOADS}/{name}", content=data))
    return files


class DownloadFile(File):
    """A file published exactly as made. MkDocs would turn a .md download into a page; this one
    is copied byte for byte, at the same address, like any other download."""

    def is_documentation_page(self) -> bool:
        return False
