"""incident_record.py: the incident record's fields, named once; the blank document outline with a
labelled blank per field (which the page's filling finds by its label); the guides it starts from."""
from __future__ import annotations

import datetime as dt
import json

from esafety_portal.documents.outline import Heading, Paragraph
from esafety_portal.guides import Guide, Step
from esafety_portal.incident_record import FIELDS, VERSION, WARNING, Field, blank_outline, guides_json, outline
from esafety_portal.model import FileMeta
from esafety_portal.values import ID


def test_every_field_has_a_lasting_id_a_label_and_a_known_kind():
    assert len({f.id for f in FIELDS}) == len(FIELDS), "a field's id names it in stored records"
    assert all(ID.fullmatch(f.id) and f.label for f in FIELDS)
    assert {f.kind for f in FIELDS} <= {"text", "long-text", "datetime", "filled"}


def test_a_fields_blank_is_its_label_in_brackets():
    assert Field("seen", "What was seen", "long-text").blank == "[What was seen]"


def test_a_blank_outline_has_the_warning_then_a_heading_and_a_named_blank_for_each_field():
    fields = (Field("a", "First <b>", "text"), Field("b", "Second", "long-text"))
    made = blank_outline(fields, "Keep it safe.", "Testshire County Council", id="rec", title="Record",
                         subject="A record", keywords=("record",), version="1", reviewed=dt.date(2026, 1, 2),
                         footer="Record.")
    assert made.blocks[0] == Paragraph(made.blocks[0].pieces) and made.blocks[0].pieces[0].text == "Keep it safe."
    headings = [b.text for b in made.blocks if isinstance(b, Heading)]
    blanks = [b.pieces[0] for b in made.blocks[1:] if isinstance(b, Paragraph)]
    assert headings == ["First <b>", "Second"]
    assert [(p.placeholder, p.label) for p in blanks] == [("a", "[First <b>]"), ("b", "[Second]")]
    assert made.author == "Testshire County Council" and made.cover == ("Published by Testshire County Council.",)


def test_the_record_outline_carries_every_field_and_the_records_version():
    made = outline("Testshire County Council")
    blanks = [b.pieces[0].placeholder for b in made.blocks[1:] if isinstance(b, Paragraph)]
    assert blanks == [f.id for f in FIELDS]
    assert made.blocks[0].pieces[0].text == WARNING
    assert made.version == str(VERSION)
    assert outline("Testshire County Council") == made, "the same every build: its date is fixed"


def test_the_guides_list_keeps_their_order_and_gives_each_steps_actor():
    meta = FileMeta("data/guides/g.yml", None, ())
    steps = (Step("g-1", 1, "dsl", "Tell the DSL \"now\"", "Do it."), Step("g-2", 2, "staff", "Write it down", "Do it."))
    guides = [Guide("zeta", "Zeta guide", "S.", ("dsl",), 1, steps, "data/guides/g.yml", meta),
              Guide("alpha", "Alpha – guide", "S.", ("dsl",), 2, (), "data/guides/a.yml", meta)]
    text = guides_json(guides)
    assert text.endswith("\n") and "Alpha – guide" in text, "one line of UTF-8 JSON"
    assert json.loads(text) == [
        {"id": "zeta", "title": "Zeta guide", "steps": [{"id": "g-1", "title": 'Tell the DSL "now"', "actor": "dsl"},
                                                         {"id": "g-2", "title": "Write it down", "actor": "staff"}]},
        {"id": "alpha", "title": "Alpha – guide", "steps": []}]
