"""documents/odt.py: the OpenDocument version of an outline: headings with outline levels, a real
list, each blank a highlighted Placeholder span, the signature table with a header row, metadata and
dates from the outline, the mimetype first and uncompressed, and the same bytes every time."""
from __future__ import annotations

import io
import zipfile

from odf import teletype
from odf.opendocument import load
from odf.table import TableHeaderRows, TableRow
from odf.text import H, List, ListItem, P, Span

from esafety_portal.documents.odt import odt_bytes
from esafety_portal.documents.outline import PLACEHOLDER_STYLE
from support.outlines import ODD_WORDS, sample_outline


def opened(outline=None):
    return load(io.BytesIO(odt_bytes(outline or sample_outline())))


def test_headings_keep_their_outline_levels():
    headings = [(h.getAttribute("outlinelevel"), teletype.extractText(h)) for h in opened().getElementsByType(H)]
    assert headings == [("1", "Purpose"), ("2", "Rules")]


def test_the_clauses_are_a_real_list_with_the_words_as_written():
    (bullets,) = opened().text.getElementsByType(List)
    items = [teletype.extractText(item) for item in bullets.getElementsByType(ListItem)]
    assert items == [ODD_WORDS, "At [School name]"]


def test_a_blank_is_a_span_in_the_placeholder_style():
    spans = [(s.getAttribute("stylename"), teletype.extractText(s)) for s in opened().getElementsByType(Span)]
    assert spans == [(PLACEHOLDER_STYLE, "[Designated safeguarding lead's name]"), (PLACEHOLDER_STYLE, "[School name]")]


def test_the_signature_table_has_a_header_row_and_a_row_per_signer():
    document = opened()
    (header,) = document.getElementsByType(TableHeaderRows)
    rows = document.getElementsByType(TableRow)
    assert [teletype.extractText(p) for p in header.getElementsByType(P)] == ["Signed by", "Name", "Date"]
    assert [teletype.extractText(row.getElementsByType(P)[0]) for row in rows[1:]] == ["Pupil", "Parent or carer"]


def test_metadata_and_footer_come_from_the_outline():
    made = odt_bytes(sample_outline())
    with zipfile.ZipFile(io.BytesIO(made)) as archive:
        meta = archive.read("meta.xml").decode()
        styles = archive.read("styles.xml").decode()
        first = archive.infolist()[0]
    assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
    for expected in ("<dc:title>Sample &amp; &lt;policy&gt;</dc:title>", "<dc:language>en-GB</dc:language>",
                     "<meta:creation-date>2026-05-01T00:00:00</meta:creation-date>",
                     "<meta:keyword>online safety</meta:keyword>", ">1.2</meta:user-defined>"):
        assert expected in meta
    assert "Sample policy. Version 1.2." in styles


def test_the_same_outline_gives_the_same_bytes_whatever_was_written_before():
    first = odt_bytes(sample_outline())
    odt_bytes(sample_outline(title="Another document"))
    assert odt_bytes(sample_outline()) == first
