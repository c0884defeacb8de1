"""Each document function on a tiny template: structure, marked blanks, properties, fixed bytes."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import shutil
import zipfile

import docx
from docx.enum.text import WD_COLOR_INDEX
from odf import dc, meta, opendocument
from odf import table as odf_table
from odf import text as odf_text
from odf.namespaces import TEXTNS

from esafety_portal import templates
from esafety_portal.documents import cache
from esafety_portal.documents.docx import docx_bytes
from esafety_portal.documents.markdown import markdown_text
from esafety_portal.documents.odt import odt_bytes
from esafety_portal.documents.outline import outline
from esafety_portal.documents.pack import PACK_NAME, pack_zip, template_documents
from esafety_portal.templates import template_from_data
from templates.conftest import TINY

AUTHOR = "Testshire County Council"  # the tiny fixture's publisher
TINY_REVIEWED = dt.date(2025, 3, 4)  # the tiny fixture's last review (tests/templates/conftest.py)

CLAUSES = ["I will ask [Headteacher's name] first.", "I will be kind.", "I will tell an adult."]
HEADINGS = ["Purpose", "First heading", "Second heading", "If this agreement is broken", "Our agreement"]
FIXED = (TINY_REVIEWED.year, TINY_REVIEWED.month, TINY_REVIEWED.day, 0, 0, 0)


def _zip_dates(data: bytes) -> set:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.date_time for info in archive.infolist()}


# -- Word ----------------------------------------------------------------------------------
def test_docx_structure(tiny):
    document = docx.Document(io.BytesIO(docx_bytes(outline(tiny, AUTHOR))))
    paragraphs = document.paragraphs
    assert paragraphs[0].style.name == "Title" and paragraphs[0].text == "Tiny AUP"
    assert [p.text for p in paragraphs if p.style.name == "Heading 1"] == HEADINGS
    assert [p.text for p in paragraphs if p.style.name == "List Bullet"] == CLAUSES
    cover = "\n".join(p.text for p in paragraphs[:6])
    assert "Version 2.1" in cover and "Last reviewed 4 March 2025" in cover and "Next review due 4 March 2026" in cover
    footer = document.sections[0].footer.paragraphs[0].text
    assert "Version 2.1" in footer and "4 March 2025" in footer


def test_docx_placeholders_are_highlighted(tiny):
    document = docx.Document(io.BytesIO(docx_bytes(outline(tiny, AUTHOR))))
    runs = [run for p in document.paragraphs for run in p.runs]
    marked = [run.text for run in runs if run.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert marked == ["[School name]", "[Headteacher's name]"]
    assert not any("[[" in run.text for run in runs)


def test_docx_signature_table(tiny):
    document = docx.Document(io.BytesIO(docx_bytes(outline(tiny, AUTHOR))))
    (table,) = document.tables
    assert [c.text for c in table.rows[0].cells] == ["Signed by", "Name", "Signature", "Date"]
    assert [row.cells[0].text for row in table.rows[1:]] == ["Pupil", "Parent or carer"]
    assert all(c.text == "" for row in table.rows[1:] for c in row.cells[1:])
    assert table.rows[0]._tr.trPr.xpath("./w:tblHeader")  # announced as the header row


def test_docx_properties_and_fixed_dates(tiny):
    data = docx_bytes(outline(tiny, AUTHOR))
    props = docx.Document(io.BytesIO(data)).core_properties
    assert (props.title, props.subject, props.author, props.language) == ("Tiny AUP", "Pupils aged 7 to 11", AUTHOR,
                                                                         "en-GB")
    assert props.version == "2.1"
    assert props.created == props.modified == dt.datetime(2025, 3, 4, 0, 0, tzinfo=dt.timezone.utc)
    assert _zip_dates(data) == {FIXED}
    assert b'w:val="en-GB"' in zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml")


# -- OpenDocument ----------------------------------------------------------------------------
def _odt(tiny):
    return opendocument.load(io.BytesIO(odt_bytes(outline(tiny, AUTHOR))))


def _text(element) -> str:
    out = []
    for node in element.childNodes:
        if node.nodeType == node.TEXT_NODE:
            out.append(str(node.data))
        else:
            out.append(_text(node))
    return "".join(out)


def test_odt_headings_have_outline_levels(tiny):
    doc = _odt(tiny)
    headings = doc.text.getElementsByType(odf_text.H)
    assert [_text(h) for h in headings] == HEADINGS
    assert {h.getAttrNS(TEXTNS, "outline-level") for h in headings} == {"1"}
    assert {h.getAttrNS(TEXTNS, "style-name") for h in headings} == {"Heading_20_1"}


def test_odt_clauses_are_a_list_in_order(tiny):
    doc = _odt(tiny)
    items = [_text(item) for item in doc.text.getElementsByType(odf_text.ListItem)]
    assert items == CLAUSES
    assert {lst.getAttrNS(TEXTNS, "style-name") for lst in doc.text.getElementsByType(odf_text.List)} == {
        "List_20_Bullet"}


def test_odt_placeholders_are_marked(tiny):
    doc = _odt(tiny)
    spans = [s for s in doc.text.getElementsByType(odf_text.Span) if s.getAttrNS(TEXTNS, "style-name") == "Placeholder"]
    assert [_text(s) for s in spans] == ["[School name]", "[Headteacher's name]"]
    assert b'fo:background-color="#ffff00"' in zipfile.ZipFile(io.BytesIO(odt_bytes(outline(tiny, AUTHOR)))).read(
        "styles.xml")


def test_odt_signature_table_footer_and_meta(tiny):
    data = odt_bytes(outline(tiny, AUTHOR))
    doc = opendocument.load(io.BytesIO(data))
    (table,) = doc.text.getElementsByType(odf_table.Table)
    rows = [[_text(cell) for cell in row.getElementsByType(odf_table.TableCell)]
            for row in table.getElementsByType(odf_table.TableRow)]
    assert rows == [["Signed by", "Name", "Signature", "Date"], ["Pupil", "", "", ""], ["Parent or carer", "", "", ""]]
    assert _text(doc.meta.getElementsByType(dc.Title)[0]) == "Tiny AUP"
    assert _text(doc.meta.getElementsByType(dc.Subject)[0]) == "Pupils aged 7 to 11"
    assert _text(doc.meta.getElementsByType(meta.InitialCreator)[0]) == AUTHOR
    assert _text(doc.meta.getElementsByType(dc.Language)[0]) == "en-GB"
    assert _text(doc.meta.getElementsByType(meta.CreationDate)[0]) == "2025-03-04T00:00:00"
    styles = zipfile.ZipFile(io.BytesIO(data)).read("styles.xml").decode()
    assert "<style:footer>" in styles and "Version 2.1, reviewed 4 March 2025" in styles
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        first = archive.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
    assert _zip_dates(data) == {FIXED}


# -- Markdown, pack, determinism, cache ----------------------------------------------------
def test_markdown_keeps_placeholders_for_find_and_replace(tiny):
    text = markdown_text(outline(tiny, AUTHOR))
    assert text.startswith("# Tiny AUP\n")
    assert "- I will ask [[headteacher]] first.\n- I will be kind.\n" in text
    assert [line[3:] for line in text.splitlines() if line.startswith("## ")] == HEADINGS
    assert "| Signed by | Name | Signature | Date |" in text and "| Pupil |" in text


def test_same_template_same_bytes(tiny):
    first, second = template_documents(tiny, AUTHOR), template_documents(tiny, AUTHOR)
    assert sorted(first) == ["tiny.docx", "tiny.md", "tiny.odt"]
    assert first == second


def test_pack_is_sorted_and_dated_from_the_data(tiny):
    documents = template_documents(tiny, AUTHOR)
    data = pack_zip(documents, [tiny])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == [f"esafety-templates/{n}" for n in sorted(documents)]
        assert archive.read("esafety-templates/tiny.docx") == documents["tiny.docx"]
    assert _zip_dates(data) == {FIXED}
    assert pack_zip(dict(reversed(documents.items())), [tiny]) == data


def test_cache_reuses_unchanged_documents_and_remakes_changed_ones(tiny, tmp_path, monkeypatch):
    made = cache.cached_documents(tiny, AUTHOR, tmp_path)
    (folder,) = tmp_path.iterdir()

    def must_not_run(*args):
        raise AssertionError("an unchanged template was made again")

    monkeypatch.setattr(cache, "template_documents", must_not_run)
    assert cache.cached_documents(tiny, AUTHOR, tmp_path) == made
    monkeypatch.undo()
    tiny.sections[0].clauses[1].text = "I will be kind to everyone."
    remade = cache.cached_documents(tiny, AUTHOR, tmp_path)
    assert remade["tiny.md"] != made["tiny.md"]
    assert [p.name for p in tmp_path.iterdir()] != [folder.name]  # the old entry is forgotten
    assert len(list(tmp_path.iterdir())) == 1


def test_a_build_writing_the_same_entry_at_the_same_time_is_left_alone(tiny, tmp_path):
    # Two builds of the same content (two pytest-xdist workers, or `make serve` beside a test)
    # write the same entry: the one that finishes first must not delete the other's files.
    folder = tmp_path / f"tiny-{cache.content_key(tiny, AUTHOR)}"
    folder.mkdir()
    theirs = folder / ".tiny.docx.99999"  # the other build's file, half written
    theirs.write_bytes(b"in progress")
    made = cache.cached_documents(tiny, AUTHOR, tmp_path)
    assert theirs.exists(), "a build deleted the files another build was writing"
    assert made == template_documents(tiny, AUTHOR)


def test_a_placeholder_label_edit_remakes_the_documents(tiny, tmp_path, monkeypatch):
    made = cache.cached_documents(tiny, AUTHOR, tmp_path)
    # The label lives in templates.PLACEHOLDERS, not in the template's data file.
    monkeypatch.setitem(templates.PLACEHOLDERS, "headteacher", "Name of the headteacher")
    edited = template_from_data(TINY, tiny.data_file, tiny.meta)
    remade = cache.cached_documents(edited, AUTHOR, tmp_path)
    assert remade["tiny.docx"] != made["tiny.docx"] and remade["tiny.odt"] != made["tiny.odt"]
    assert "[Name of the headteacher]" in _docx_text(remade["tiny.docx"])
    assert remade == template_documents(edited, AUTHOR), "the cache gave back what a fresh build makes"


def _docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def test_the_author_and_the_code_are_in_the_cache_key(tiny, monkeypatch):
    key = cache.content_key(tiny, AUTHOR)
    assert cache.content_key(tiny, "Another County Council") != key
    monkeypatch.setattr(cache, "_code_digest", lambda: "changed code or library")
    assert cache.content_key(tiny, AUTHOR) != key


def test_all_documents_includes_the_pack(tiny, tmp_path):
    documents = cache.all_documents([tiny], AUTHOR, tmp_path)
    assert sorted(documents) == [PACK_NAME, "tiny.docx", "tiny.md", "tiny.odt"]


# -- the cache is not trusted: an entry is used only if it checks ---------------------------
def _planted(tmp_path, tiny, files: dict[str, bytes]):
    """An entry under the key of today's data, as a pull request could force-add it."""
    folder = tmp_path / f"tiny-{cache.content_key(tiny, AUTHOR)}"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def test_a_planted_entry_is_never_published(tiny, tmp_path):
    fresh = template_documents(tiny, AUTHOR)
    _planted(tmp_path, tiny, {**fresh, "tiny.docx": b"not the document the data make"})
    assert cache.cached_documents(tiny, AUTHOR, tmp_path) == fresh
    assert cache.cached_documents(tiny, AUTHOR, tmp_path) == fresh  # and the entry was made again


def test_a_file_changed_after_it_was_kept_is_made_again(tiny, tmp_path):
    fresh = cache.cached_documents(tiny, AUTHOR, tmp_path)
    (folder,) = tmp_path.iterdir()
    (folder / "tiny.odt").write_bytes(b"edited")
    assert cache.cached_documents(tiny, AUTHOR, tmp_path) == fresh
    (folder / "key.json").write_text("{not json", "utf-8")
    assert cache.cached_documents(tiny, AUTHOR, tmp_path) == fresh


def test_a_link_in_the_cache_is_never_followed(tiny, tmp_path):
    """A link planted as a cached file would publish whatever it points at; one planted as the
    entry's folder would have the build write outside the repository."""
    fresh = cache.cached_documents(tiny, AUTHOR, tmp_path / "cache")
    (folder,) = (tmp_path / "cache").iterdir()
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"a file of the build machine")
    (folder / "tiny.md").unlink()
    (folder / "tiny.md").symlink_to(secret)
    record = json.loads((folder / "key.json").read_text("utf-8"))
    record["files"]["tiny.md"] = hashlib.sha256(secret.read_bytes()).hexdigest()
    (folder / "key.json").write_text(json.dumps(record), "utf-8")
    assert cache.cached_documents(tiny, AUTHOR, tmp_path / "cache") == fresh

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.rmtree(folder)
    folder.symlink_to(elsewhere, target_is_directory=True)
    assert cache.cached_documents(tiny, AUTHOR, tmp_path / "cache") == fresh
    assert list(elsewhere.iterdir()) == [], "the build wrote through a link"
