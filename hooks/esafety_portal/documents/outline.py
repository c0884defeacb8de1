"""One outline of a template, in reading order, that every document format writes out.

Building the outline once keeps .docx, .odt and .md the same in content and structure: a format
only decides how each block looks.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..render import long_date
from ..templates import Piece, Template, pieces

# Shown under the cover so a school knows what to do with the highlighted blanks.
HOW_TO_FILL_IN = ("Replace each highlighted blank, such as [School name], with your school's own details, "
                  "then delete this note.")
# The character style of each blank in .docx and .odt: a program finds the blanks by it, and
# the run's text, the label, says which one it is.
PLACEHOLDER_STYLE = "Placeholder"


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class Bullets:
    items: tuple[tuple[Piece, ...], ...]


@dataclass(frozen=True)
class SignatureTable:
    header: tuple[str, ...]
    signers: tuple[str, ...]  # one row each, the other cells left blank to fill in


@dataclass(frozen=True)
class Outline:
    id: str
    title: str
    subject: str
    author: str
    keywords: tuple[str, ...]
    version: str
    reviewed: dt.date  # the template's last review: the documents' fixed creation date
    cover: tuple[str, ...]  # lines under the title
    blocks: tuple
    footer: str

    @property
    def timestamp(self) -> dt.datetime:
        return dt.datetime.combine(self.reviewed, dt.time(0, 0))


def _para(text: str) -> Paragraph:
    return Paragraph(tuple(pieces(" ".join(text.split()))))


def outline(template: Template, author: str) -> Outline:
    review = template.review
    dates = f"Version {template.version}. Last reviewed {long_date(review.last_reviewed)}. " \
            f"Next review due {long_date(review.next_due)}."
    cover = [f"For: {template.audience}"]
    if template.key_stage:
        cover.append(f"Key stage: {template.key_stage}")
    cover += [dates, f"Published by {author}."]
    blocks: list = [_para(HOW_TO_FILL_IN), Heading("Purpose"), _para(template.purpose)]
    for section in template.sections:
        blocks.append(Heading(section.title))
        if section.intro:
            blocks.append(_para(section.intro))
        blocks.append(Bullets(tuple(_para(c.text).pieces for c in section.clauses)))
    if template.if_broken:
        blocks += [Heading("If this agreement is broken"), _para(template.if_broken)]
    if template.signature:
        sig = template.signature
        blocks.append(Heading(sig.title))
        if sig.statement:
            blocks.append(_para(sig.statement))
        blocks.append(SignatureTable(("Signed by", *sig.fields), sig.signers))
    return Outline(
        id=template.id, title=template.title, subject=template.audience, author=author,
        keywords=template.keywords, version=template.version, reviewed=review.last_reviewed,
        cover=tuple(cover), blocks=tuple(blocks),
        footer=f"{template.title}. Version {template.version}, reviewed {long_date(review.last_reviewed)}.",
    )
