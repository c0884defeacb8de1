"""documents/outline.py: one outline of a template, in reading order, that every format writes out:
the cover, the note on blanks, the purpose, each section's clauses, what happens if it is broken,
the signatures, and the dates from the data, never the clock."""
from __future__ import annotations

import datetime as dt

from esafety_portal.documents.outline import HOW_TO_FILL_IN, Bullets, Heading, Paragraph, SignatureTable, outline
from support.content_factory import make_content, template
from support.outlines import sample_outline


def make(**fields):
    record = template("aup-a", [("aup-a-01", "Ask [[dsl]] first."), ("aup-a-02", "Be kind.")],
                      review={"last_reviewed": "2026-05-31", "review_every_months": 9},
                      changes=[{"date": "2026-05-31", "summary": "First published."}], **fields)
    return outline(make_content(templates=[record]).templates[0], "Testshire County Council")


def words(block):
    if isinstance(block, Heading):
        return f"# {block.text}"
    if isinstance(block, Paragraph):
        return "".join(p.text for p in block.pieces)
    if isinstance(block, Bullets):
        return ["".join(p.text for p in item) for item in block.items]
    return block


def test_the_blocks_are_in_reading_order():
    made = make(if_broken="We will talk to you.", key_stage="KS2",
                signature={"title": "Signatures", "statement": "I agree.", "fields": ["Name", "Date"],
                           "signers": ["Pupil", "Parent or carer"]})
    assert [words(b) for b in made.blocks] == [
        HOW_TO_FILL_IN, "# Purpose", "An example template.", "# Rules", ["Ask [[dsl]] first.", "Be kind."],
        "# If this agreement is broken", "We will talk to you.", "# Signatures", "I agree.",
        SignatureTable(("Signed by", "Name", "Date"), ("Pupil", "Parent or carer"))]
    assert made.cover == ("For: Pupils", "Key stage: KS2", "Version 1.0. Last reviewed 31 May 2026. "
                          "Next review due 28 February 2027.", "Published by Testshire County Council.")


def test_a_blank_is_its_own_piece_labelled_for_the_school():
    rules = next(b for b in make().blocks if isinstance(b, Bullets))
    ask = rules.items[0]
    assert [(p.text, p.placeholder, p.label) for p in ask] == [
        ("Ask ", "", "Ask "), ("[[dsl]]", "dsl", "[Designated safeguarding lead's name]"), (" first.", "", " first.")]


def test_what_a_template_leaves_out_is_left_out():
    headings = [b.text for b in make().blocks if isinstance(b, Heading)]
    assert headings == ["Purpose", "Rules"]
    assert not any(isinstance(b, SignatureTable) for b in make().blocks)


def test_the_dates_are_the_templates_own():
    made = make()
    assert made.reviewed == dt.date(2026, 5, 31) and made.timestamp == dt.datetime(2026, 5, 31, 0, 0)
    assert made.footer == "Template aup-a. Version 1.0, reviewed 31 May 2026."
    assert make() == made, "the same template gives the same outline"
    assert sample_outline().timestamp.date() == sample_outline().reviewed
