"""The incident record (/what-to-do/record/): the fields a school fills in when something has
happened, the blank .docx and .odt the page fills in with them in the browser, and the list of
response guides (with their steps) the record can start from.

The fields are named here once: the page's form is drawn from FIELDS, and each blank in the
documents (documents/record.py writes them from `outline`) is a Placeholder run labelled with the field's label in brackets, which is how the
browser's filling (school-details-fill.js, the same path as the templates) finds it.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from .documents.outline import Heading, Outline, Paragraph
from .templates import Piece

DOCUMENT_NAME = "incident-record"
FOLDER = "what-to-do/record"  # where the blank documents are published: beside the page
GUIDES = "what-to-do/guides.json"  # the guides the record can start from (guides_json)
# The record's shape: stored records, JSON copies and the blank documents carry it. Raise it,
# and teach incident-record-state.js to read the older one, whenever a field's meaning changes.
VERSION = 1
# When the fields last changed: the blank documents' fixed date, so they are the same bytes every build.
FIELDS_CHANGED = dt.date(2026, 12, 4)


@dataclass(frozen=True)
class Field:
    id: str        # the name in stored records, JSON copies and the documents' blanks; never changes
    label: str
    kind: str      # text, long-text, datetime; "filled" ones are written by the page, not typed
    help: str = ""

    @property
    def blank(self) -> str:
        """The text of the field's blank in the .docx and .odt, such as [What was seen or reported]."""
        return f"[{self.label}]"


FIELDS = (
    Field("school", "School", "text"),
    Field("happened", "Date and time it happened or was first reported", "datetime"),
    Field("recorded-by", "Recorded by (name and role)", "text"),
    Field("seen", "What was seen or reported", "long-text",
          "The facts, in the words used by whoever reported it. Say who was involved by role or initials."),
    Field("told", "Who was told, and when", "long-text",
          "Each person or service told (the DSL, parents, police, children's social care), with the date and time."),
    Field("decisions", "Decisions and the reasons for them", "long-text",
          "What was decided, by whom, and why; include what was decided not to do."),
    Field("actions", "Actions taken", "long-text"),
    Field("follow-up", "Follow-up", "long-text", "What is still to do, who will do it and by when."),
    # Written by the page from the guide chosen and its ticked steps.
    Field("guide", "Guide followed", "filled"),
    Field("steps", "Steps of the guide", "filled"),
)

WARNING = ("This record holds personal data about pupils. It belongs in your school's safeguarding "
           "system: store it there, and do not leave copies in a shared computer or email.")


def blank_outline(fields, warning: str, author: str, **identity) -> Outline:
    """A blank record (this one, the training record's): the warning, then a heading and a blank
    for each field. `identity`: the Outline's id, title, subject, keywords, version, reviewed, footer."""
    blocks: list = [Paragraph((Piece(warning),))]
    for field in fields:
        blocks += [Heading(field.label), Paragraph((Piece(field.blank, field.id, field.blank),))]
    return Outline(author=author, cover=(f"Published by {author}.",), blocks=tuple(blocks), **identity)


def outline(author: str) -> Outline:
    """The blank record: a heading and a blank for each field."""
    return blank_outline(
        FIELDS, WARNING, author, id=DOCUMENT_NAME, title="Incident record", subject="Online safety incident record",
        keywords=("incident record", "safeguarding", "online safety"), version=str(VERSION),
        reviewed=FIELDS_CHANGED, footer="Incident record. Confidential: holds personal data about pupils.",
    )


def guides_json(guides) -> str:
    """The response guides the record can start from, as the page reads them:
    [{"id", "title", "steps": [{"id", "title", "actor"}]}]. `guides` are the typed guides
    (guides.Guide) in the order of the /what-to-do/ index, which the list keeps."""
    listed = [{"id": guide.id, "title": guide.title,
               "steps": [{"id": step.id, "title": step.title, "actor": step.actor} for step in guide.steps]}
              for guide in guides]
    return json.dumps(listed, ensure_ascii=False, separators=(",", ":")) + "\n"
