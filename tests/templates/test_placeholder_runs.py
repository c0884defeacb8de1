"""Every placeholder of every real template is one run (.docx) or one span (.odt) holding its
label and marked with the Placeholder character style, so a program can find and replace it."""
from __future__ import annotations

import io
import re
from collections import Counter

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from odf import opendocument
from odf import text as odf_text
from odf.namespaces import TEXTNS

from esafety_portal.documents.outline import HOW_TO_FILL_IN, PLACEHOLDER_STYLE
from esafety_portal.rules import walk
from esafety_portal.templates import PLACEHOLDERS, placeholder_label
from esafety_portal.yaml_loader import read_yaml
from support.site import ROOT

TEMPLATE_FILES = sorted((ROOT / "data" / "templates").glob("*.yml"))
LABELS = [placeholder_label(name) for name in PLACEHOLDERS]


def _in_source(path) -> Counter:
    """The label of every [[placeholder]] in any text of the template's YAML file, but for the words
    of earlier versions (previous: and since_previous:), which its documents do not print."""
    data, problems = read_yaml(path, path.name)
    assert not problems
    found = Counter(placeholder_label(name) for where, _key, value in walk(data) if isinstance(value, str)
                    and not {"previous", "since_previous"} & set(where)
                    for name in re.findall(r"\[\[([a-z_]+)\]\]", value))
    return found


def _docx_paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs
    for section in document.sections:
        yield from section.header.paragraphs
        yield from section.footer.paragraphs


def _odf_text(element) -> str:
    return "".join(str(n.data) if n.nodeType == n.TEXT_NODE else _odf_text(n) for n in element.childNodes)


def _no_label_outside_marked(paragraph_text: str, rest: str) -> None:
    # The note under the cover names [School name] as an example, on purpose, in plain text.
    if paragraph_text == HOW_TO_FILL_IN:
        return
    assert "[[" not in rest and not [label for label in LABELS if label in rest], paragraph_text


def test_every_template_has_placeholders_to_check():
    assert len(TEMPLATE_FILES) >= 8 and sum(_in_source(p).total() for p in TEMPLATE_FILES) >= 20


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda p: p.stem)
def test_docx_each_placeholder_is_one_marked_highlighted_run(documents, path):
    document = docx.Document(io.BytesIO(documents[f"{path.stem}.docx"]))
    marked = []
    for paragraph in _docx_paragraphs(document):
        runs = paragraph.runs
        ours = [run for run in runs if run.style.name == PLACEHOLDER_STYLE]
        assert all(run.font.highlight_color == WD_COLOR_INDEX.YELLOW for run in ours)
        marked += [run.text for run in ours]
        _no_label_outside_marked(paragraph.text, "".join(run.text for run in runs if run not in ours))
    assert Counter(marked) == _in_source(path)


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda p: p.stem)
def test_odt_each_placeholder_is_one_marked_span(documents, path):
    doc = opendocument.load(io.BytesIO(documents[f"{path.stem}.odt"]))
    marked = []
    for paragraph in [*doc.text.getElementsByType(odf_text.P), *doc.text.getElementsByType(odf_text.H)]:
        ours = [span for span in paragraph.getElementsByType(odf_text.Span)
                if span.getAttrNS(TEXTNS, "style-name") == PLACEHOLDER_STYLE]
        for span in ours:
            # Exactly one text node: nothing nested that a program would have to stitch together.
            (node,) = span.childNodes
            assert node.nodeType == node.TEXT_NODE
            marked.append(str(node.data))
        rest = "".join(str(n.data) if n.nodeType == n.TEXT_NODE else _odf_text(n)
                       for n in paragraph.childNodes if n not in ours)
        _no_label_outside_marked(_odf_text(paragraph), rest)
    assert Counter(marked) == _in_source(path)
