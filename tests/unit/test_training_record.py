"""training_record.py: the training record's blank documents for governors: a labelled blank per
field, written beside the page, and none for a site whose school year names no roles."""
from __future__ import annotations

import io
from types import SimpleNamespace

import docx
from odf import teletype
from odf.opendocument import load as load_odt
from odf.text import P

from esafety_portal.documents.outline import Paragraph
from esafety_portal.training_record import DOCUMENT_NAME, FIELDS, FOLDER, VERSION, WARNING, files, outline

COUNCIL = "O'Brien & <Sons> County Council"


def site_with(roles):
    return SimpleNamespace(site=SimpleNamespace(council=COUNCIL),
                           school_year=None if roles is None else SimpleNamespace(roles=roles))


def test_the_outline_has_the_warning_then_a_named_blank_for_each_field():
    made = outline(COUNCIL)
    assert made.blocks[0].pieces[0].text == WARNING
    blanks = [b.pieces[0] for b in made.blocks[1:] if isinstance(b, Paragraph)]
    assert [(p.placeholder, p.label) for p in blanks] == [(f.id, f"[{f.label}]") for f in FIELDS]
    assert made.id == DOCUMENT_NAME and made.version == str(VERSION) and made.author == COUNCIL


def test_no_roles_no_documents():
    assert files(site_with(None)) == {}
    assert files(site_with([])) == {}


def test_with_roles_a_docx_and_an_odt_beside_the_page_each_holding_every_blank():
    made = files(site_with(["a role"]))
    assert set(made) == {f"{FOLDER}/{DOCUMENT_NAME}.docx", f"{FOLDER}/{DOCUMENT_NAME}.odt"}
    word = docx.Document(io.BytesIO(made[f"{FOLDER}/{DOCUMENT_NAME}.docx"]))
    word_text = [p.text for p in word.paragraphs]
    odt = load_odt(io.BytesIO(made[f"{FOLDER}/{DOCUMENT_NAME}.odt"]))
    odt_text = [teletype.extractText(p) for p in odt.getElementsByType(P)]
    for field in FIELDS:
        assert field.blank in word_text and field.blank in odt_text
    assert f"Published by {COUNCIL}." in word_text, "the council's name is printed as written"
    assert files(site_with(["a role"])) == made, "the same bytes every build"
