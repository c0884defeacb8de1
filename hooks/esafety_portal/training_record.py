"""The training record's document for governors (/training-record/): a blank .docx and .odt that
the page fills in in the browser, by the same path as the incident record's (a Placeholder blank
per field, filled by school-details-fill.js), published beside the page by the school year family."""
from __future__ import annotations

import datetime as dt

from .documents.outline import Outline
from .incident_record import Field, blank_outline

DOCUMENT_NAME = "training-record"
FOLDER = "training-record"  # beside the page
# The record's shape: stored records, JSON copies and the blank documents carry it.
VERSION = 1
# When the fields last changed: the blank documents' fixed date, so they are the same bytes every build.
FIELDS_CHANGED = dt.date(2026, 12, 4)

FIELDS = (
    Field("school", "School", "text"),
    Field("made", "Record made on", "text"),
    Field("due", "Who is due or overdue", "long-text"),
    Field("people", "Training by person", "long-text"),
)

WARNING = ("This record names the school's staff and governors. Keep it in your school's own system, "
           "and share it only with the governors and leaders who need it.")


def outline(author: str) -> Outline:
    """The blank record for governors: a heading and a blank for each field."""
    return blank_outline(
        FIELDS, WARNING, author, id=DOCUMENT_NAME, title="Safeguarding training record",
        subject="Safeguarding and online safety training record", keywords=("training record", "safeguarding", "governors"),
        version=str(VERSION), reviewed=FIELDS_CHANGED, footer="Training record. Holds staff and governors' names.",
    )


def files(content) -> dict[str, bytes]:
    """Path under the site -> bytes: the blank .docx and .odt (none for a site with no roles)."""
    if content.school_year is None or not content.school_year.roles:
        return {}
    from .documents.record import documents  # the document libraries, only when a build publishes

    return {f"{FOLDER}/{name}": data for name, data in documents(content.site.council, DOCUMENT_NAME, outline).items()}
