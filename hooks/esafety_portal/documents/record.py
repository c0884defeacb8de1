"""The blank records as Word (.docx) and OpenDocument (.odt), written from their outlines
(esafety_portal.incident_record, esafety_portal.training_record) like a template's; kept apart from
the records' fields so that what only needs the fields (the pages' macros, `make check`) never
loads the document libraries."""
from __future__ import annotations

from collections.abc import Callable

from .. import incident_record
from ..bounded_memo import BoundedMemo
from .docx import docx_bytes
from .odt import odt_bytes
from .outline import Outline


def made(author: str, name: str = incident_record.DOCUMENT_NAME,
         make: Callable[[str], Outline] = incident_record.outline) -> dict[str, bytes]:
    """A blank record (`make(author)`, files called `name`) as .docx and .odt, by file name; the
    same bytes every build."""
    doc_outline = make(author)
    return {f"{name}.docx": docx_bytes(doc_outline), f"{name}.odt": odt_bytes(doc_outline)}


# The bytes depend on the author alone (the outline is the record's code), so they are made once
# per process: `make serve` rebuilds often, and making them was a twentieth of a rebuild.
_KEPT = BoundedMemo(8)  # (author, name, outline function) -> the files, by name


def documents(author: str, name: str = incident_record.DOCUMENT_NAME,
              make: Callable[[str], Outline] = incident_record.outline) -> dict[str, bytes]:
    """As made(), made once per process for each record and author."""
    return dict(_KEPT.get((author, name, make), lambda: tuple(made(author, name, make).items())))
