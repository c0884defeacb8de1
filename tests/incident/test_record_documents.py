"""The incident record's documents: the blank .docx and .odt have a blank for every field, and
the browser's filling (school-details-fill.js, run in Node with the vendored fflate as the page
runs it) makes valid documents from hostile records, opened with python-docx, odfpy and
LibreOffice. Also guides_json(), the list of guides the page reads."""
from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from odf import opendocument, teletype
from odf import text as odf_text
from odf.namespaces import TEXTNS

from esafety_portal.documents.outline import PLACEHOLDER_STYLE
from esafety_portal.documents.record import documents, made
from esafety_portal.incident_record import DOCUMENT_NAME, FIELDS, VERSION, guides_json
from support.site import ROOT
from record_drive import typed_guides

AUTHOR = "Example County Council"
LONG = "A very long account of what happened. " * 2000
# A record as hostile as a person (or a hand-edited JSON copy) can make it.
HOSTILE = {
    "school": "<b>St Mary & St John's \"Primary\"</b>",
    "happened": "4 December 2026 at 09:30",
    "recorded-by": "=cmd|' /C calc'!A0",
    "seen": "First line\nSecond line\n\nAfter an empty line\twith a tab,  two spaces",
    "told": "]]> <![CDATA[ &amp; &lt; </w:t></w:r><w:r><w:t>injected",
    "decisions": "bell\x07 nul\x00 escape\x1b and a lone \ud800 surrogate dropped",
    "actions": LONG,
    "follow-up": "مدرسة النور ורֹאשׁ 👩‍🏫 +SUM(1) -1 @x",
    "guide": "A pupil has shared nude images",
    "steps": "1. Tell the DSL: done, 4 December 2026 at 10:05\n2. Record it: not done",
}
CLEAN = {name: re.sub("[\x00\x07\x1b\ud800]", "", value) for name, value in HOSTILE.items()}


@pytest.fixture(scope="module")
def blanks() -> dict[str, bytes]:
    return documents(AUTHOR)


@pytest.fixture(scope="module")
def filled(blanks, tmp_path_factory) -> dict[str, bytes]:
    """The blanks filled with HOSTILE by the browser's own script, in Node."""
    node = shutil.which("node")
    assert node, "node is missing: install Node.js (Debian's nodejs package)"
    folder = tmp_path_factory.mktemp("record")
    cases = []
    for extension in ("docx", "odt"):
        (folder / f"blank.{extension}").write_bytes(blanks[f"{DOCUMENT_NAME}.{extension}"])
        cases.append({"input": str(folder / f"blank.{extension}"), "extension": extension, "values": HOSTILE,
                      "output": str(folder / f"filled.{extension}")})
    job = {"labels": {field.id: field.blank for field in FIELDS}, "cases": cases}
    run = subprocess.run([node, str(ROOT / "tests" / "js" / "fill_with_node.js")], input=json.dumps(job),
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return {extension: (folder / f"filled.{extension}").read_bytes() for extension in ("docx", "odt")}


def _docx_lines(data: bytes) -> list[str]:
    """Each paragraph's text, split at its line breaks (python-docx reads <w:br/> as a newline)."""
    return [line for p in docx.Document(io.BytesIO(data)).paragraphs for line in p.text.split("\n")]


def _odt_texts(data: bytes) -> list[str]:
    doc = opendocument.load(io.BytesIO(data))
    return [teletype.extractText(p) for p in doc.text.getElementsByType(odf_text.P)]


def test_the_blank_record_has_a_highlighted_blank_for_every_field(blanks):
    document = docx.Document(io.BytesIO(blanks[f"{DOCUMENT_NAME}.docx"]))
    runs = {run.text for p in document.paragraphs for run in p.runs if run.style.name == PLACEHOLDER_STYLE}
    assert runs == {field.blank for field in FIELDS}
    headings = {p.text for p in document.paragraphs if p.style.name == "Heading 1"}
    assert headings == {field.label for field in FIELDS}
    odt = opendocument.load(io.BytesIO(blanks[f"{DOCUMENT_NAME}.odt"]))
    spans = {teletype.extractText(s) for s in odt.text.getElementsByType(odf_text.Span)
             if s.getAttrNS(TEXTNS, "style-name") == PLACEHOLDER_STYLE}
    assert spans == {field.blank for field in FIELDS}
    assert document.core_properties.version == str(VERSION)


def test_field_ids_are_ids_and_blanks_are_unique():
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", field.id) for field in FIELDS)
    assert len({field.id for field in FIELDS}) == len({field.blank for field in FIELDS}) == len(FIELDS)


def test_the_blank_documents_are_the_same_bytes_every_build(blanks):
    assert made(AUTHOR) == blanks  # made afresh, not the copy kept for the process


def test_docx_holds_every_hostile_value_as_text_with_its_lines(filled):
    lines = _docx_lines(filled["docx"])
    for name, value in CLEAN.items():
        for line in value.split("\n"):
            # A tab is <w:tab/>, which python-docx reads back as a tab.
            assert line in lines or any(line in text for text in lines), f"{name}: {line[:60]!r} missing"
    xml = zipfile.ZipFile(io.BytesIO(filled["docx"])).read("word/document.xml").decode("utf-8")
    assert "<b>" not in xml and "&lt;/w:t&gt;&lt;/w:r&gt;" in xml
    remaining = {run.text for p in docx.Document(io.BytesIO(filled["docx"])).paragraphs for run in p.runs
                 if run.style.name == PLACEHOLDER_STYLE}
    assert remaining == set(), f"blanks left unfilled: {remaining}"


def test_odt_holds_every_hostile_value_as_text_with_real_line_breaks(filled):
    texts = "\n".join(_odt_texts(filled["odt"]))
    for name, value in CLEAN.items():
        assert value in texts, f"{name} missing"
    with zipfile.ZipFile(io.BytesIO(filled["odt"])) as archive:
        assert archive.infolist()[0].filename == "mimetype"
        assert archive.infolist()[0].compress_type == zipfile.ZIP_STORED
        xml = archive.read("content.xml").decode("utf-8")
    assert "First line<text:line-break/>Second line<text:line-break/><text:line-break/>After an empty line" in xml
    assert "<b>" not in xml


def test_libreoffice_opens_the_blank_and_the_hostile_record(blanks, filled, tmp_path):
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is missing: run `bash .ci/system-packages` (this test never skips)"
    files = {"blank.docx": blanks[f"{DOCUMENT_NAME}.docx"], "blank.odt": blanks[f"{DOCUMENT_NAME}.odt"],
             "hostile.docx": filled["docx"], "hostile-odt.odt": filled["odt"]}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    run = subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
                          "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(tmp_path / "txt"),
                          *(str(tmp_path / name) for name in files)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    for name in files:
        text = (tmp_path / "txt" / (name.rsplit(".", 1)[0] + ".txt")).read_text("utf-8-sig")
        assert "Incident record" in text, f"LibreOffice could not read {name}"
        for field in FIELDS:
            assert field.label in text, f"{name}: {field.label} missing"
        if name.startswith("hostile"):
            for value_name in ("school", "recorded-by", "told", "follow-up"):
                assert CLEAN[value_name] in text, f"{name}: {value_name} missing"
            assert "Second line" in text and "Record it: not done" in text
            assert text.count("A very long account") == 2000


def test_guides_json_lists_each_guide_with_its_steps_in_index_order():
    guides = typed_guides([
        {"id": "second", "title": "Second", "order": 20,
         "steps": [{"id": "a", "title": "Step A", "actor": "dsl", "sources": []}]},
        {"id": "first", "title": "First <b>&</b>", "order": 10,
         "steps": [{"id": "tell-dsl", "title": "Tell the DSL", "actor": "any-staff", "never": ["x"]},
                   {"id": "record", "title": "Record it", "actor": "dsl"}]},
        {"id": "zz-twenty", "title": "Also twenty", "order": 20, "steps": []},
    ])
    listed = json.loads(guides_json(guides))
    assert listed == [
        {"id": "first", "title": "First <b>&</b>", "steps": [
            {"id": "tell-dsl", "title": "Tell the DSL", "actor": "any-staff"},
            {"id": "record", "title": "Record it", "actor": "dsl"}]},
        {"id": "zz-twenty", "title": "Also twenty", "steps": []},
        {"id": "second", "title": "Second", "steps": [{"id": "a", "title": "Step A", "actor": "dsl"}]},
    ]
    assert json.loads(guides_json(())) == []
