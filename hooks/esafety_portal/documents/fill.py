"""Fill in the blanks of a made .docx, .odt or .md with a school's details: the reference that
the browser's filling (docs/assets/javascripts/school-details-fill.js) is tested against.

In .docx and .odt a blank is found by its Placeholder character style and named by its text, its
label (such as [School name]). A value replaces the label as plain text: the libraries escape it
for XML, a line break becomes the format's own, and characters XML cannot hold are dropped. The
filled blank loses its style and highlight; a blank whose value is empty stays as it was,
highlighted. In .md a blank is written [[school_name]]; its value is written as Markdown text
(see markdown_value), and an empty one leaves the blank as it was.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from ..templates import PLACEHOLDERS, placeholder_label
from .outline import PLACEHOLDER_STYLE
from .zips import rezip

# Control characters, lone surrogates and non-characters: not allowed anywhere in XML 1.0.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def fill(data: bytes, extension: str, values: dict[str, str]) -> bytes:
    """`data` (a .docx or .odt made by this package) with each blank in `values` filled in.
    `values` maps placeholder names, such as school_name, to the school's text."""
    unknown = sorted(set(values) - set(PLACEHOLDERS))
    if unknown:
        raise ValueError(f"unknown placeholders: {', '.join(unknown)}")
    fillers = {"docx": _fill_docx, "odt": _fill_odt, "md": _fill_markdown}
    if extension not in fillers:
        raise ValueError(f"cannot fill a .{extension} file; only {', '.join(fillers)}")
    cleaned = {name: _NOT_XML.sub("", value) for name, value in values.items()}
    filled = {name: value for name, value in cleaned.items() if value.strip()}
    if extension == "md":
        return _fill_markdown(data, filled)
    by_label = {placeholder_label(name): value for name, value in filled.items()}
    filled = fillers[extension](data, by_label)
    # Dated like the blank document, so the same details always give the same bytes.
    return rezip(filled, _date_of(data), stored=("mimetype",) if extension == "odt" else ())


def _date_of(data: bytes) -> dt.datetime:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return dt.datetime(*archive.infolist()[0].date_time)


def _fill_docx(data: bytes, by_label: dict[str, str]) -> bytes:
    import docx
    from docx.oxml.ns import qn
    from docx.text.run import Run

    document = docx.Document(io.BytesIO(data))
    style_id = document.styles[PLACEHOLDER_STYLE].style_id
    for element in document.element.body.iter(qn("w:r")):
        run = Run(element, None)
        if element.style == style_id and run.text in by_label:
            run.text = by_label[run.text]
            element.style = None
            run.font.highlight_color = None
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _fill_odt(data: bytes, by_label: dict[str, str]) -> bytes:
    from odf import opendocument, teletype
    from odf.element import Element
    from odf.namespaces import TEXTNS
    from odf.text import Span

    Element.namespaces.clear()  # as odt.py does: only this document's namespaces
    doc = opendocument.load(io.BytesIO(data))
    for span in doc.text.getElementsByType(Span):
        label = teletype.extractText(span)
        if span.getAttrNS(TEXTNS, "style-name") == PLACEHOLDER_STYLE and label in by_label:
            # A new, unstyled span in its place (odfpy cannot remove a span's text node).
            value = Span()
            teletype.addTextToElement(value, by_label[label])
            span.parentNode.insertBefore(value, span)
            span.parentNode.removeChild(span)
    buffer = io.BytesIO()
    doc.write(buffer)
    return buffer.getvalue()


# -- Markdown ----------------------------------------------------------------------------------
_BLANK = re.compile(r"\[\[([a-z_]+)\]\]")
# A line break or tab in a value becomes a space: Markdown keeps neither inside a line.
_BREAK_OR_TAB = re.compile(r"\r\n|[\r\n\t]")
# Characters that mean something anywhere in a line, escaped the way every Markdown reader
# understands: a backslash, or an entity for those that could start HTML.
_INLINE = re.compile(r"[\\`*_\[\]|]")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# What would start a heading, a list or a rule if the value began a line.
_BLOCK_START = re.compile(r"^(?:([#+-])|([0-9]+)([.)]))")


def markdown_value(value: str) -> str:
    """`value` as Markdown that shows exactly its text: on one line (line breaks become spaces,
    as a blank sits inside a sentence or list item, and tabs too), with markup characters escaped."""
    text = _BREAK_OR_TAB.sub(" ", value)
    text = _INLINE.sub(lambda match: "\\" + match.group(0), text)
    text = re.sub("[&<>]", lambda match: _ENTITIES[match.group(0)], text)
    return _BLOCK_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", text)


def _fill_markdown(data: bytes, filled: dict[str, str]) -> bytes:
    def value(match: re.Match) -> str:
        name = match.group(1)
        return markdown_value(filled[name]) if name in filled else match.group(0)

    return _BLANK.sub(value, data.decode("utf-8")).encode("utf-8")
