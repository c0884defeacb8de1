"""Fill in the blanks of a made .docx or .odt with a school's details: the reference that the
browser's filling is tested against.

A blank is found by its Placeholder character style and named by its text, its label (such as
[School name]). A value replaces the label as plain text: the libraries escape it for XML, a
line break becomes the format's own, and characters XML cannot hold are dropped. The filled
blank loses its style and highlight; a blank whose value is empty stays as it was, highlighted.
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
    by_label = {placeholder_label(name): _NOT_XML.sub("", value) for name, value in values.items()}
    by_label = {label: value for label, value in by_label.items() if value.strip()}
    fillers = {"docx": _fill_docx, "odt": _fill_odt}
    if extension not in fillers:
        raise ValueError(f"cannot fill a .{extension} file; only {', '.join(fillers)}")
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
