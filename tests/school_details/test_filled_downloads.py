"""With details entered, every download on the templates' pages comes filled in, made by the
browser from the blank file on this site: the same as the Python reference fill() makes from it,
values there as text, nothing else changed; without JavaScript, or with nothing entered, the
downloads are the blank files."""
from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import docx
import pytest
from odf import opendocument, teletype
from odf import text as odf_text

from details_drive import FORM, download, enter, form, link_to  # noqa: F401 (form: a fixture)
from esafety_portal.documents.fill import fill, markdown_value
from esafety_portal.documents.outline import HOW_TO_FILL_IN
from esafety_portal.documents.pack import PACK_NAME
from esafety_portal.templates import placeholder_label
from support.documents_compare import assert_same_document

TEMPLATE = "esafety-policy"
# Hostile values, as a school could type them (an input holds no line break).
HOSTILE = {
    "school_name": "<b>St Mary & St John's \"Primary\"</b> 'quoted'",
    "headteacher": "مدرسة النور ורֹאשׁ",
    "dsl": "Ms 👩‍🏫 Safe 🏫",
    "e_safety_lead": "A very long name " * 200,
    "link_governor": "Tab\there,  two spaces",
    "online_reporting_route": "]]> <![CDATA[ &amp; &lt; [[dsl]]",
    "technical_lead": "",
    "next_review_date": "   ",
}


def _blank(built_site, name: str) -> bytes:
    return (built_site / "downloads" / name).read_bytes()


@pytest.fixture
def entered(form):
    return form, enter(form, HOSTILE)


@pytest.mark.parametrize("extension", ["docx", "odt", "md"])
@pytest.mark.parametrize("where", ["template", "index", "form"])
def test_each_download_is_the_blank_filled_in_as_fill_py_does(entered, site_url, built_site, extension, where):
    page, values = entered
    name = f"{TEMPLATE}.{extension}"
    page.goto(site_url + {"template": f"templates/{TEMPLATE}/", "index": "templates/", "form": FORM}[where])
    page.wait_for_selector("#sd-filling:not([hidden])")
    browser_made = download(page, link_to(name))
    blank = _blank(built_site, name)
    assert browser_made != blank
    assert_same_document(name, blank, fill(blank, extension, values), browser_made)
    assert "filled in" in page.inner_text("#sd-filling")


def test_the_pack_comes_with_every_document_filled_in(entered, site_url, built_site):
    page, values = entered
    page.goto(site_url + "templates/")
    with zipfile.ZipFile(io.BytesIO(download(page, link_to(PACK_NAME)))) as pack:
        entries = [(info.filename, pack.read(info)) for info in pack.infolist()]
    assert [n for n, _d in entries] == zipfile.ZipFile(built_site / "downloads" / PACK_NAME).namelist()
    for entry, data in entries:
        name = entry.rsplit("/", 1)[1]
        blank = _blank(built_site, name)
        assert_same_document(name, blank, fill(blank, name.rsplit(".", 1)[1], values), data)


def test_values_are_text_in_word_opendocument_and_markdown(entered, site_url):
    page, values = entered
    page.goto(site_url + f"templates/{TEMPLATE}/")
    files = {ext: download(page, link_to(f"{TEMPLATE}.{ext}")) for ext in ("docx", "odt", "md")}
    filled = {name: value for name, value in values.items() if value.strip()}
    empty = [name for name in values if name not in filled]

    word = "\n".join(p.text for p in docx.Document(io.BytesIO(files["docx"])).paragraphs)
    odt = "\n".join(teletype.extractText(p) for p in
                    opendocument.load(io.BytesIO(files["odt"])).text.getElementsByType(odf_text.P))
    for text in (word.replace(HOW_TO_FILL_IN, ""), odt.replace(HOW_TO_FILL_IN, "")):  # the note names a blank
        for name, value in filled.items():
            assert value in text, name
            assert placeholder_label(name) not in text.replace(value, ""), f"{name}'s blank is left"
        for name in empty:
            assert placeholder_label(name) in text, f"{name} was left empty: its blank stays"
    md = files["md"].decode("utf-8")
    for name, value in filled.items():
        assert markdown_value(value) in md and f"[[{name}]]" not in md
    assert all(f"[[{name}]]" in md for name in empty)


def test_libreoffice_opens_the_browsers_filled_documents(entered, site_url, tmp_path):
    if not shutil.which("soffice") or not shutil.which("pdftotext"):
        pytest.fail("LibreOffice and pdftotext are missing: run `bash .ci/system-packages` (this test never skips)")
    page, values = entered
    page.goto(site_url + f"templates/{TEMPLATE}/")
    for extension in ("docx", "odt"):
        (tmp_path / f"filled.{extension}").write_bytes(download(page, link_to(f"{TEMPLATE}.{extension}")))
        result = subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/p",
                                 "--convert-to", "pdf", "--outdir", str(tmp_path / extension),
                                 str(tmp_path / f"filled.{extension}")], capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        text = " ".join(subprocess.run(["pdftotext", str(tmp_path / extension / "filled.pdf"), "-"],
                                       capture_output=True, text=True, timeout=60).stdout.split())
        text = text.replace(HOW_TO_FILL_IN, "")  # the note names a blank
        assert " ".join(values["school_name"].split()) in text, extension
        assert placeholder_label("technical_lead") in text and placeholder_label("school_name") not in text, extension


def test_with_nothing_entered_the_downloads_are_the_blank_files(form, site_url, built_site):
    form.goto(site_url + f"templates/{TEMPLATE}/")
    assert form.locator("#sd-filling").is_hidden()
    assert download(form, link_to(f"{TEMPLATE}.docx")) == _blank(built_site, f"{TEMPLATE}.docx")


def test_without_javascript_the_downloads_are_the_blank_files(browser, site_url, built_site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + FORM)
        assert page.locator("#sd-needs-script").is_visible() and page.locator("#sd-form").is_hidden()
        page.goto(site_url + f"templates/{TEMPLATE}/")
        for extension in ("docx", "odt"):
            assert download(page, link_to(f"{TEMPLATE}.{extension}")) == _blank(built_site, f"{TEMPLATE}.{extension}")
        with page.expect_navigation() as navigation:  # a browser shows a .md file rather than saving it
            page.click(link_to(f"{TEMPLATE}.md"))
        assert navigation.value.body() == _blank(built_site, f"{TEMPLATE}.md")
    finally:
        context.close()
