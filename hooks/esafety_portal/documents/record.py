"""The blank incident record as Word (.docx) and OpenDocument (.odt), written from its outline
(esafety_portal.incident_record) like a template's; kept apart from the record's fields so that
what only needs the fields (the page's macro, `make check`) never loads the document libraries."""
from __future__ import annotations

from ..incident_record import DOCUMENT_NAME, outline
from .docx import docx_bytes
from .odt import odt_bytes


def documents(author: str) -> dict[str, bytes]:
    """The blank record as .docx and .odt, by file name; the same bytes every build."""
    doc_outline = outline(author)
    return {f"{DOCUMENT_NAME}.docx": docx_bytes(doc_outline), f"{DOCUMENT_NAME}.odt": odt_bytes(doc_outline)}
