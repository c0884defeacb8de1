"""The OpenDocument (.odt) version of a template, made with odfpy: the same outline as the
Word version, with headings as text:h with outline levels, a real list, the signature table and
highlighted blanks."""
from __future__ import annotations

import io

from odf import dc, meta
from odf.element import Element
from odf.opendocument import OpenDocumentText
from odf.style import (DefaultStyle, Footer, ListLevelProperties, MasterPage, PageLayout, PageLayoutProperties,
                       ParagraphProperties,
                       Style, TableCellProperties, TableColumnProperties, TableRowProperties, TextProperties)
from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import H, List, ListItem, ListLevelStyleBullet, ListStyle, P, Span

from .outline import PLACEHOLDER_STYLE, Bullets, Heading, Outline, Paragraph, SignatureTable
from .zips import rezip

MIMETYPE = "mimetype"


class _Styles:
    """The named styles a school sees in LibreOffice's style list, added once per document."""

    def __init__(self, doc: OpenDocumentText):
        default = DefaultStyle(family="paragraph")
        default.addElement(TextProperties(language="en", country="GB", fontsize="11pt"))
        doc.styles.addElement(default)
        self.title = self._add(doc, Style(name="Title", family="paragraph"),
                               TextProperties(fontsize="24pt", fontweight="bold"),
                               ParagraphProperties(marginbottom="0.3cm"))
        self.subtitle = self._add(doc, Style(name="Subtitle", family="paragraph"),
                                  TextProperties(fontsize="14pt"), ParagraphProperties(marginbottom="0.2cm"))
        self.body = self._add(doc, Style(name="Text_20_body", displayname="Text body", family="paragraph"),
                              ParagraphProperties(marginbottom="0.2cm"))
        self.headings = {
            level: self._add(doc, Style(name=f"Heading_20_{level}", displayname=f"Heading {level}", family="paragraph",
                                        defaultoutlinelevel=str(level), nextstylename="Text_20_body"),
                             TextProperties(fontsize=f"{18 - 2 * level}pt", fontweight="bold"),
                             ParagraphProperties(margintop="0.4cm", marginbottom="0.2cm", keepwithnext="always"))
            for level in (1, 2)
        }
        self.placeholder = self._add(doc, Style(name=PLACEHOLDER_STYLE, family="text"),
                                     TextProperties(backgroundcolor="#ffff00"))
        self.bullets = ListStyle(name="List_20_Bullet", displayname="List Bullet")
        level = ListLevelStyleBullet(level=1, bulletchar="•")
        level.addElement(ListLevelProperties(spacebefore="0.4cm", minlabelwidth="0.5cm"))
        self.bullets.addElement(level)
        doc.styles.addElement(self.bullets)
        self.cell = Style(name="SignatureCell", family="table-cell")
        self.cell.addElement(TableCellProperties(border="0.5pt solid #000000", padding="0.1cm"))
        doc.automaticstyles.addElement(self.cell)
        self.row = Style(name="SignatureRow", family="table-row")
        self.row.addElement(TableRowProperties(minrowheight="1.5cm"))
        doc.automaticstyles.addElement(self.row)
        self.column = Style(name="SignatureColumn", family="table-column")
        self.column.addElement(TableColumnProperties(columnwidth="4cm"))
        doc.automaticstyles.addElement(self.column)
        self.footer = self._add(doc, Style(name="Footer", family="paragraph"), TextProperties(fontsize="9pt"))

    @staticmethod
    def _add(doc, style, *properties):
        for prop in properties:
            style.addElement(prop)
        doc.styles.addElement(style)
        return style


def odt_bytes(doc_outline: Outline) -> bytes:
    # odfpy declares every namespace any document in this process has used so far (a class-level
    # dict); start each document afresh so its bytes depend on its own content alone.
    Element.namespaces.clear()
    doc = OpenDocumentText()
    styles = _Styles(doc)
    _set_meta(doc, doc_outline)
    _set_footer(doc, styles, doc_outline.footer)
    body = doc.text
    body.addElement(P(stylename=styles.title, text=doc_outline.title))
    for index, line in enumerate(doc_outline.cover):
        body.addElement(P(stylename=styles.subtitle if index == 0 else styles.body, text=line))
    for block in doc_outline.blocks:
        if isinstance(block, Heading):
            body.addElement(H(outlinelevel=block.level, stylename=styles.headings[block.level], text=block.text))
        elif isinstance(block, Paragraph):
            body.addElement(_paragraph(styles, block.pieces))
        elif isinstance(block, Bullets):
            bullets = List(stylename=styles.bullets)
            for item in block.items:
                list_item = ListItem()
                list_item.addElement(_paragraph(styles, item))
                bullets.addElement(list_item)
            body.addElement(bullets)
        elif isinstance(block, SignatureTable):
            body.addElement(_signature_table(styles, block))
    buffer = io.BytesIO()
    doc.write(buffer)
    return rezip(buffer.getvalue(), doc_outline.timestamp, stored=(MIMETYPE,))


def _paragraph(styles: _Styles, pieces) -> P:
    paragraph = P(stylename=styles.body)
    for piece in pieces:
        if piece.placeholder:
            paragraph.addElement(Span(stylename=styles.placeholder, text=piece.label))
        else:
            paragraph.addText(piece.label)
    return paragraph


def _signature_table(styles: _Styles, block: SignatureTable) -> Table:
    table = Table(name="Signatures")
    table.addElement(TableColumn(stylename=styles.column, numbercolumnsrepeated=len(block.header)))
    header_rows = TableHeaderRows()
    header = TableRow()
    for text in block.header:
        cell = TableCell(stylename=styles.cell, valuetype="string")
        cell.addElement(P(stylename=styles.body, text=text))
        header.addElement(cell)
    header_rows.addElement(header)
    table.addElement(header_rows)
    for signer in block.signers:
        row = TableRow(stylename=styles.row)
        for column in range(len(block.header)):
            cell = TableCell(stylename=styles.cell, valuetype="string")
            cell.addElement(P(stylename=styles.body, text=signer if column == 0 else ""))
            row.addElement(cell)
        table.addElement(row)
    return table


def _set_footer(doc, styles: _Styles, text: str) -> None:
    layout = PageLayout(name="A4")
    layout.addElement(PageLayoutProperties(pagewidth="21cm", pageheight="29.7cm", margin="2cm",
                                           printorientation="portrait"))
    doc.automaticstyles.addElement(layout)
    master = MasterPage(name="Standard", pagelayoutname=layout)
    footer = Footer()
    footer.addElement(P(stylename=styles.footer, text=text))
    master.addElement(footer)
    doc.masterstyles.addElement(master)


def _set_meta(doc, doc_outline: Outline) -> None:
    when = doc_outline.timestamp.isoformat()
    doc.meta.addElement(dc.Title(text=doc_outline.title))
    doc.meta.addElement(dc.Subject(text=doc_outline.subject))
    doc.meta.addElement(meta.InitialCreator(text=doc_outline.author))
    doc.meta.addElement(dc.Creator(text=doc_outline.author))
    doc.meta.addElement(dc.Language(text="en-GB"))
    doc.meta.addElement(meta.CreationDate(text=when))
    doc.meta.addElement(dc.Date(text=when))
    doc.meta.addElement(dc.Description(text=doc_outline.footer))
    for keyword in doc_outline.keywords:
        doc.meta.addElement(meta.Keyword(text=keyword))
    version = meta.UserDefined(name="Version", valuetype="string", text=doc_outline.version)
    doc.meta.addElement(version)
