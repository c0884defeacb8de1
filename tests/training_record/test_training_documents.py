"""The training record's document for governors: the blank .docx and .odt have a highlighted
blank for every field, and the page fills them in (in Chromium, as a school would) with a row per
person and training, hostile names kept as text, opened with python-docx and odfpy."""
from __future__ import annotations

import io
import zipfile

import docx
from odf import opendocument, teletype
from odf import text as odf_text
from odf.namespaces import TEXTNS

from esafety_portal.documents.outline import PLACEHOLDER_STYLE
from esafety_portal.documents.record import documents
from esafety_portal.training_record import DOCUMENT_NAME, FIELDS, outline
from training_drive import HOSTILE, LONG_AGO, add, open_page, role_with, set_date

AUTHOR = "Example County Council"


def blanks() -> dict[str, bytes]:
    return documents(AUTHOR, DOCUMENT_NAME, outline)


def docx_lines(data: bytes) -> list[str]:
    return [line for p in docx.Document(io.BytesIO(data)).paragraphs for line in p.text.split("\n")]


def odt_lines(data: bytes) -> list[str]:
    doc = opendocument.load(io.BytesIO(data))
    return [line for p in doc.text.getElementsByType(odf_text.P) for line in teletype.extractText(p).split("\n")]


def test_the_blank_record_has_a_highlighted_blank_for_every_field_and_the_same_bytes_each_time():
    made = blanks()
    document = docx.Document(io.BytesIO(made[f"{DOCUMENT_NAME}.docx"]))
    runs = {run.text for p in document.paragraphs for run in p.runs if run.style.name == PLACEHOLDER_STYLE}
    assert runs == {field.blank for field in FIELDS}
    odt = opendocument.load(io.BytesIO(made[f"{DOCUMENT_NAME}.odt"]))
    spans = {teletype.extractText(s) for s in odt.text.getElementsByType(odf_text.Span)
             if s.getAttrNS(TEXTNS, "style-name") == PLACEHOLDER_STYLE}
    assert spans == {field.blank for field in FIELDS}
    assert blanks() == made


def test_the_page_fills_the_record_with_a_row_per_person_and_training(page, site_url, duties):
    record = open_page(page, site_url)
    role = role_with(duties, timed=True)
    key = add(record, HOSTILE, role["id"])
    other = add(record, "C. D.", role["id"])
    set_date(record, key, role["training"][0]["id"], LONG_AGO)
    made = {}
    for extension in ("docx", "odt"):
        with record.expect_download() as info:
            record.click(f"#tr-export-{extension}")
        made[extension] = info.value.path().read_bytes()
        assert info.value.suggested_filename.endswith("." + extension)
    for extension, lines in (("docx", docx_lines(made["docx"])), ("odt", odt_lines(made["odt"]))):
        text = "\n".join(lines)
        for name in (HOSTILE, "C. D."):
            assert f"{name} ({role['label']})" in lines, (extension, name)
        # Each person has a row for each training of their role; the one done long ago is overdue.
        for training in role["training"]:
            assert sum(line.strip().startswith(training["title"] + ":") for line in lines) == 2, (extension, training)
        assert f"{HOSTILE} ({role['label']}): {role['training'][0]['title']}: overdue since" in text
        # Only the school's name may stay a blank: this browser has none saved.
        left = {line for line in lines if line.startswith("[") and line.endswith("]")}
        assert left <= {next(f.blank for f in FIELDS if f.id == "school")}, f"{extension}: blanks left {left}"
    xml = zipfile.ZipFile(io.BytesIO(made["docx"])).read("word/document.xml").decode("utf-8")
    assert "<img" not in xml and "&lt;img" in xml

