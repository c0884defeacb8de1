"""A small document outline with every kind of block, for the document writers' unit tests
(tests/unit/documents/): odd but valid words, a blank to fill in, a list and a signature table."""
from __future__ import annotations

import datetime as dt

from esafety_portal.documents.outline import Bullets, Heading, Outline, Paragraph, SignatureTable
from esafety_portal.templates import Piece

ODD_WORDS = "O'Brien & <Sons> say \"hi\" – café **not bold** {{ not code }}"


def sample_outline(**changes) -> Outline:
    fields = dict(
        id="sample", title="Sample & <policy>", subject="Pupils", author="Testshire County Council",
        keywords=("online safety", "sample"), version="1.2", reviewed=dt.date(2026, 5, 1),
        cover=("For: Pupils", "Version 1.2.", "Published by Testshire County Council."),
        blocks=(Heading("Purpose"), Paragraph((Piece("Ask "), Piece("[[dsl]]", "dsl"), Piece(" first."))),
                Heading("Rules", level=2), Bullets(((Piece(ODD_WORDS),), (Piece("At "), Piece("[[school_name]]",
                                                                                              "school_name")))),
                SignatureTable(("Signed by", "Name", "Date"), ("Pupil", "Parent or carer"))),
        footer="Sample policy. Version 1.2.")
    return Outline(**{**fields, **changes})
