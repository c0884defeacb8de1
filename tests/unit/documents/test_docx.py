"""documents/docx.py: the Word version of an outline: real heading and list styles, each blank one
highlighted run in the Placeholder style, a signature table with a header row, British English,
properties and dates from the outline, and the same bytes every time."""
from __future__ import annotations

import datetime as dt
import io

import docx
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn

from esafety_portal.documents.docx import docx_bytes
from esafety_portal.documents.outline import PLACEHOLDER_STYLE
from support.outlines import ODD_WORDS, sample_outline


def opened(outline=None):
    return docx.Document(io.BytesIO(docx_bytes(outline or sample_outline())))


def test_each_block_has_its_style_and_the_words_as_written():
    styled = [(p.style.name, p.text) for p in opened().paragraphs]
    assert styled == [
        ("Title", "Sample & <policy>"), ("Subtitle", "For: Pupils"), ("Normal", "Version 1.2."),
        ("Normal", "Published by Testshire County Council."), ("Heading 1", "Purpose"),
        ("Normal", "Ask [Designated safeguarding lead's name] first."), ("Heading 2", "Rules"),
        ("List Bullet", ODD_WORDS), ("List Bullet", "At [School name]")]


def test_a_blank_is_one_highlighted_run_in_the_placeholder_style():
    ask = opened().paragraphs[5]
    blanks = [run for run in ask.runs if run.style.name == PLACEHOLDER_STYLE]
    assert [run.text for run in blanks] == ["[Designated safeguarding lead's name]"]
    assert blanks[0].font.highlight_color == WD_COLOR_INDEX.YELLOW
    assert opened().styles[PLACEHOLDER_STYLE].font.highlight_color == WD_COLOR_INDEX.YELLOW


def test_the_signature_table_has_a_header_row_and_a_row_per_signer():
    (table,) = opened().tables
    assert [[cell.text for cell in row.cells] for row in table.rows] == [
        ["Signed by", "Name", "Date"], ["Pupil", "", ""], ["Parent or carer", "", ""]]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_properties_language_and_footer_come_from_the_outline():
    document = opened()
    props = document.core_properties
    assert (props.title, props.subject, props.author, props.keywords, props.version, props.language) == (
        "Sample & <policy>", "Pupils", "Testshire County Council", "online safety, sample", "1.2", "en-GB")
    assert props.created == props.modified == sample_outline().timestamp.replace(tzinfo=dt.timezone.utc)
    assert document.sections[0].footer.paragraphs[0].text == "Sample policy. Version 1.2."
    lang = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert lang.get(qn("w:val")) == "en-GB"


def test_the_same_outline_gives_the_same_bytes():
    assert docx_bytes(sample_outline()) == docx_bytes(sample_outline())
    assert docx_bytes(sample_outline()) != docx_bytes(sample_outline(version="1.3"))
