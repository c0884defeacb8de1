"""The Word (.docx) version of a template, made with python-docx.

Real Heading styles give Word's navigation pane and screen readers an outline; clauses use the
List Bullet style; the signature block is a table; each blank to fill in is one run holding its
label, in the Placeholder character style and highlighted yellow.
"""
from __future__ import annotations

import io

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

from .outline import PLACEHOLDER_STYLE, Bullets, Heading, Outline, Paragraph, SignatureTable
from .zips import rezip

LANGUAGE = "en-GB"


def docx_bytes(doc_outline: Outline) -> bytes:
    document = docx.Document()
    _set_language(document)
    _set_properties(document, doc_outline)
    add = _StyledParagraphs(document)
    placeholder = _add_placeholder_style(document)
    add("Title").add_run(doc_outline.title)
    for line in doc_outline.cover:
        add("Subtitle" if line is doc_outline.cover[0] else None).add_run(line)
    for block in doc_outline.blocks:
        if isinstance(block, Heading):
            add(f"Heading {block.level}").add_run(block.text)
        elif isinstance(block, Paragraph):
            _add_pieces(add(None), block.pieces, placeholder)
        elif isinstance(block, Bullets):
            for item in block.items:
                _add_pieces(add("List Bullet"), item, placeholder)
        elif isinstance(block, SignatureTable):
            _add_signature_table(document, block)
    document.sections[0].footer.paragraphs[0].text = doc_outline.footer
    buffer = io.BytesIO()
    document.save(buffer)
    return rezip(buffer.getvalue(), doc_outline.timestamp)


class _StyledParagraphs:
    """Adds a paragraph in a named style. python-docx finds a style by name by scanning every
    style in the document on each call (~1 ms; most of the time a document took), so each
    style's id is looked up once and set directly."""

    def __init__(self, document):
        self.document = document
        self.ids: dict[str, str] = {}

    def __call__(self, style_name: str | None):
        paragraph = self.document.add_paragraph()
        if style_name:
            if style_name not in self.ids:
                self.ids[style_name] = self.document.styles[style_name].style_id
            paragraph._p.style = self.ids[style_name]
        return paragraph


def _add_placeholder_style(document) -> str:
    """The character style that marks a blank; returns its id."""
    style = document.styles.add_style(PLACEHOLDER_STYLE, WD_STYLE_TYPE.CHARACTER)
    style.font.highlight_color = WD_COLOR_INDEX.YELLOW
    style.quick_style = True  # listed in Word's style gallery, so a school can find every blank
    return style.style_id


def _add_pieces(paragraph, pieces, placeholder_style: str) -> None:
    for piece in pieces:
        run = paragraph.add_run(piece.label)
        if piece.placeholder:
            run._r.style = placeholder_style
            # Highlighted on the run too, as before the style: programs that ignore character
            # styles' highlighting still show the blank.
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _add_signature_table(document, block: SignatureTable) -> None:
    table = document.add_table(rows=1 + len(block.signers), cols=len(block.header))
    table.style = "Table Grid"
    header = table.rows[0]
    _repeat_as_header(header)
    for cell, text in zip(header.cells, block.header):
        cell.paragraphs[0].add_run(text).bold = True
    for row, signer in zip(table.rows[1:], block.signers):
        row.height = Cm(1.5)  # room to sign by hand
        row.cells[0].text = signer


def _repeat_as_header(row) -> None:
    # Marks the row as the table's header, so screen readers announce column names.
    properties = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def _set_language(document) -> None:
    # The default text language, so Word checks spelling in British English and screen
    # readers use a British voice; python-docx's default template says en-US.
    run_defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = run_defaults.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_defaults.append(lang)
    lang.set(qn("w:val"), LANGUAGE)


def _set_properties(document, doc_outline: Outline) -> None:
    props = document.core_properties
    props.title = doc_outline.title
    props.subject = doc_outline.subject
    props.author = doc_outline.author
    props.last_modified_by = doc_outline.author
    props.language = LANGUAGE
    props.keywords = ", ".join(doc_outline.keywords)
    props.version = doc_outline.version
    props.comments = doc_outline.footer
    props.category = "e-Safety template"
    props.revision = 1
    # Dates from the data, never the clock, so an unchanged template gives the same bytes.
    props.created = props.modified = props.last_printed = doc_outline.timestamp
