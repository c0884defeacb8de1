"""fill(): the school's details go into a made .docx and .odt as text, whatever they hold, and
the rest of the document stays as it was. Checked by opening the filled files with python-docx,
odfpy and LibreOffice."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from html.parser import HTMLParser

import docx
import markdown
import pytest
from docx.enum.text import WD_COLOR_INDEX
from odf import opendocument, teletype
from odf import text as odf_text
from odf.namespaces import TEXTNS

from esafety_portal.documents.fill import fill, markdown_value
from esafety_portal.documents.outline import PLACEHOLDER_STYLE
from esafety_portal.templates import placeholder_label

POLICY = "esafety-policy"  # the template with the most kinds of blank
SCHOOL = "<b>St Mary & St John's \"Primary\"</b> 'quoted'"
LONG = "A very long name " * 400
VALUES = {
    "school_name": SCHOOL,
    "headteacher": "مدرسة النور ורֹאשׁ",  # right-to-left: Arabic and Hebrew
    "dsl": "Ms 👩‍🏫 Safe 🏫",
    "e_safety_lead": LONG,
    "link_governor": "Line one\nLine two\tafter a tab,  two spaces",
    "filtering_provider": "bell\x07 nul\x00 and a lone \ud800 surrogate dropped",
    "online_reporting_route": "]]> <![CDATA[ &amp; &lt;",
    "technical_lead": "",  # empty: stays a highlighted blank
    "next_review_date": "   ",  # only spaces: empty too
}
# What XML can hold of each value: the control characters and the lone surrogate go.
CLEAN = {name: re.sub("[\x00\x07\ud800]", "", value) for name, value in VALUES.items() if value.strip()}
EMPTY = {placeholder_label(name) for name, value in VALUES.items() if not value.strip()}
FILLED = {placeholder_label(name): value for name, value in CLEAN.items()}


@pytest.fixture(scope="module")
def filled(documents):
    return {extension: fill(documents[f"{POLICY}.{extension}"], extension, VALUES) for extension in ("docx", "odt")}


# -- Word --------------------------------------------------------------------------------------
def _docx_runs(data: bytes):
    document = docx.Document(io.BytesIO(data))
    return [[(run.text, run.style.name, run.font.highlight_color) for run in p.runs] for p in document.paragraphs]


def test_docx_values_replace_their_blanks_as_text(documents, filled):
    before, after = _docx_runs(documents[f"{POLICY}.docx"]), _docx_runs(filled["docx"])
    assert len(before) == len(after)
    expected = [[(FILLED[text], "Default Paragraph Font", None) if style == PLACEHOLDER_STYLE and text in FILLED
                 else (text, style, highlight) for text, style, highlight in paragraph] for paragraph in before]
    assert after == expected
    texts = [text for paragraph in after for text, _style, _highlight in paragraph]
    assert set(CLEAN.values()) <= set(texts)  # every hostile value is there, whole, as one run's text


def test_docx_empty_values_stay_highlighted_blanks(filled):
    marked = {text for paragraph in _docx_runs(filled["docx"]) for text, style, highlight in paragraph
              if style == PLACEHOLDER_STYLE and highlight == WD_COLOR_INDEX.YELLOW}
    assert EMPTY <= marked and not marked & set(FILLED)


def test_docx_markup_in_a_value_is_escaped(filled):
    xml = zipfile.ZipFile(io.BytesIO(filled["docx"])).read("word/document.xml").decode("utf-8")
    assert "&lt;b&gt;St Mary &amp; St John's" in xml and "<b>" not in xml
    assert "]]&gt; &lt;![CDATA[ &amp;amp; &amp;lt;" in xml


# -- OpenDocument ------------------------------------------------------------------------------
def _odt_paragraphs(data: bytes):
    doc = opendocument.load(io.BytesIO(data))
    return [(p, teletype.extractText(p)) for p in doc.text.getElementsByType(odf_text.P)]


def _marked(paragraph) -> list[str]:
    return [teletype.extractText(s) for s in paragraph.getElementsByType(odf_text.Span)
            if s.getAttrNS(TEXTNS, "style-name") == PLACEHOLDER_STYLE]


def test_odt_values_replace_their_blanks_as_text(documents, filled):
    before, after = _odt_paragraphs(documents[f"{POLICY}.odt"]), _odt_paragraphs(filled["odt"])
    assert len(before) == len(after)
    for (old, old_text), (new, new_text) in zip(before, after):
        expected = old_text
        for label in _marked(old):
            expected = expected.replace(label, FILLED.get(label, label), 1)
        assert new_text == expected
        assert _marked(new) == [label for label in _marked(old) if label not in FILLED]
    texts = "\n".join(text for _p, text in after)
    assert all(value in texts for value in CLEAN.values())


def test_odt_empty_values_stay_highlighted_blanks(filled):
    # The Placeholder style is what highlights a blank in .odt.
    marked = {label for paragraph, _text in _odt_paragraphs(filled["odt"]) for label in _marked(paragraph)}
    assert EMPTY <= marked and not marked & set(FILLED)


def test_odt_markup_in_a_value_is_escaped_and_breaks_are_real(filled):
    with zipfile.ZipFile(io.BytesIO(filled["odt"])) as archive:
        xml = archive.read("content.xml").decode("utf-8")
        assert archive.infolist()[0].filename == "mimetype"
    assert "&lt;b&gt;St Mary &amp; St John's" in xml and "<b>" not in xml
    assert "Line one<text:line-break/>Line two<text:tab/>after a tab, <text:s text:c=\"1\"/>two spaces" in xml


# -- both ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("extension", ["docx", "odt"])
def test_same_details_same_bytes_and_no_details_no_change(documents, filled, extension):
    blank = documents[f"{POLICY}.{extension}"]
    assert fill(blank, extension, VALUES) == filled[extension]
    unchanged = fill(blank, extension, {})
    assert zipfile.ZipFile(io.BytesIO(unchanged)).namelist() == zipfile.ZipFile(io.BytesIO(blank)).namelist()
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(filled[extension])).infolist()} == {
        i.date_time for i in zipfile.ZipFile(io.BytesIO(blank)).infolist()}


def test_unknown_placeholder_or_format_is_refused(documents):
    with pytest.raises(ValueError, match="school_nmae"):
        fill(documents[f"{POLICY}.docx"], "docx", {"school_nmae": "x"})
    with pytest.raises(ValueError, match=r"\.pdf"):
        fill(documents[f"{POLICY}.md"], "pdf", {"school_name": "x"})


def test_libreoffice_opens_the_filled_documents(filled, tmp_path):
    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        pytest.fail("LibreOffice and pdftotext are missing: run `bash .ci/system-packages` (this test never skips)")
    for extension, data in filled.items():
        (tmp_path / f"filled.{extension}").write_bytes(data)
        result = subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/p",
                                 "--convert-to", "pdf", "--outdir", str(tmp_path / extension),
                                 str(tmp_path / f"filled.{extension}")], capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        text = subprocess.run(["pdftotext", str(tmp_path / extension / "filled.pdf"), "-"], capture_output=True,
                              text=True, timeout=60).stdout
        assert " ".join(SCHOOL.split()) in " ".join(text.split()), extension
        assert placeholder_label("technical_lead") in text, extension


# -- Markdown ----------------------------------------------------------------------------------
class _Text(HTMLParser):
    """The elements and the text a piece of HTML holds."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], ""

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text += data


def _rendered(markdown_text: str) -> _Text:
    parser = _Text()
    parser.feed(markdown.markdown(markdown_text, extensions=["tables"]))
    return parser


@pytest.mark.parametrize("value", [*CLEAN.values(), "# Not a heading", "12. not a list", "- nor this", "+ nor",
                                   "=", "a_b*c*d `code` [link](x) \\ |pipe|", "&copy; &#60; &amp;"])
@pytest.mark.parametrize("where", ["{}", "Rules for {} and more.", "- I will tell {}."])
def test_markdown_value_shows_exactly_its_text(value, where):
    rendered = _rendered(where.format(markdown_value(value)))
    one_line = re.sub(r"\r\n|[\r\n\t]", " ", value)
    assert rendered.text.strip() == where.replace("- ", "").format(one_line).strip()
    assert set(rendered.tags) <= {"p", "ul", "li"}


def test_md_values_replace_their_blanks_and_empty_ones_stay(documents):
    blank = documents[f"{POLICY}.md"].decode("utf-8")
    filled = fill(documents[f"{POLICY}.md"], "md", VALUES).decode("utf-8")
    for name, value in CLEAN.items():
        assert f"[[{name}]]" in blank and f"[[{name}]]" not in filled and markdown_value(value) in filled
    for name, value in VALUES.items():
        if not value.strip():
            assert filled.count(f"[[{name}]]") == blank.count(f"[[{name}]]") > 0
    # Otherwise identical: putting the blanks back gives the blank file.
    restored = filled
    for name, value in CLEAN.items():
        restored = restored.replace(markdown_value(value), f"[[{name}]]")
    assert restored == blank
