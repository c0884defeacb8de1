"""Every real template's Word and OpenDocument files: every clause, in order, with real structure."""
from __future__ import annotations

import io

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from odf import dc, opendocument
from odf import table as odf_table
from odf import text as odf_text
from odf.namespaces import TEXTNS

from esafety_portal.templates import fill_labels

TEMPLATE_IDS = ["esafety-policy", "aup-eyfs-ks1", "aup-ks2", "aup-ks3-5", "aup-send", "aup-staff", "aup-parents",
                "aup-visitors"]


def _template(content, template_id):
    return next(t for t in content.templates if t.id == template_id)


def _expected_clauses(template) -> list[str]:
    return [fill_labels(" ".join(c.text.split())) for c in template.clauses]


def _expected_headings(template) -> list[str]:
    headings = ["Purpose"] + [s.title for s in template.sections]
    if template.if_broken:
        headings.append("If this agreement is broken")
    return headings + ([template.signature.title] if template.signature else [])


def _odf_text(element) -> str:
    return "".join(str(n.data) if n.nodeType == n.TEXT_NODE else _odf_text(n) for n in element.childNodes)


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_docx(content, documents, template_id):
    template = _template(content, template_id)
    document = docx.Document(io.BytesIO(documents[f"{template_id}.docx"]))
    paragraphs = document.paragraphs
    assert [p.text for p in paragraphs if p.style.name == "List Bullet"] == _expected_clauses(template)
    assert [p.text for p in paragraphs if p.style.name == "Heading 1"] == _expected_headings(template)
    placeholders = [r.text for p in paragraphs for r in p.runs if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert placeholders and all(text.startswith("[") and text.endswith("]") for text in placeholders)
    assert not any("[[" in p.text for p in paragraphs)
    (table,) = document.tables
    assert [row.cells[0].text for row in table.rows[1:]] == list(template.signature.signers)
    props = document.core_properties
    assert (props.title, props.author, props.language) == (template.title, content.site.council, "en-GB")
    assert props.version == template.version
    assert props.created.date() == template.review.last_reviewed


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_odt(content, documents, template_id):
    template = _template(content, template_id)
    doc = opendocument.load(io.BytesIO(documents[f"{template_id}.odt"]))
    items = [" ".join(_odf_text(i).split()) for i in doc.text.getElementsByType(odf_text.ListItem)]
    assert items == _expected_clauses(template)
    headings = doc.text.getElementsByType(odf_text.H)
    assert [_odf_text(h) for h in headings] == _expected_headings(template)
    assert all(h.getAttrNS(TEXTNS, "outline-level") == "1" for h in headings)
    spans = [s for s in doc.text.getElementsByType(odf_text.Span) if s.getAttrNS(TEXTNS, "style-name") == "Placeholder"]
    assert spans
    (table,) = doc.text.getElementsByType(odf_table.Table)
    rows = table.getElementsByType(odf_table.TableRow)
    assert [_odf_text(r.getElementsByType(odf_table.TableCell)[0]) for r in rows[1:]] == list(template.signature.signers)
    assert _odf_text(doc.meta.getElementsByType(dc.Title)[0]) == template.title
    assert _odf_text(doc.meta.getElementsByType(dc.Language)[0]) == "en-GB"


@pytest.mark.parametrize("template_id", TEMPLATE_IDS)
def test_markdown(content, documents, template_id):
    template = _template(content, template_id)
    text = documents[f"{template_id}.md"].decode("utf-8")
    positions = [text.index("- " + " ".join(c.text.split())) for c in template.clauses]
    assert positions == sorted(positions)
