"""documents/pack.py: every format of a template under a name that never changes, and one .zip of
the whole pack in file-name order, dated by the newest review."""
from __future__ import annotations

import io
import zipfile

from esafety_portal.documents.pack import FORMATS, PACK_NAME, file_names, maker, pack_zip, template_documents
from support.content_factory import make_content, template


def reviewed(template_id, last_reviewed):
    return template(template_id, [(f"{template_id}-01", "Ask [[dsl]] first.")],
                    review={"last_reviewed": last_reviewed, "review_every_months": 12},
                    changes=[{"date": last_reviewed, "summary": "First published."}])


def test_each_format_has_a_fixed_name_from_the_template_id():
    assert file_names("aup-ks2") == {"docx": "aup-ks2.docx", "odt": "aup-ks2.odt", "md": "aup-ks2.md"}
    assert set(FORMATS) == {"docx", "odt", "md"}
    assert all(callable(maker(extension)) for extension in FORMATS)


def test_a_template_gives_one_document_per_format_each_the_same_every_time():
    (tpl,) = make_content(templates=[reviewed("tpl-a", "2026-05-01")]).templates
    made = template_documents(tpl, "Testshire County Council")
    assert set(made) == {"tpl-a.docx", "tpl-a.odt", "tpl-a.md"}
    assert made["tpl-a.docx"][:2] == made["tpl-a.odt"][:2] == b"PK", "both are zips"
    assert b"- Ask [[dsl]] first." in made["tpl-a.md"], "the Markdown keeps the placeholder as written"
    assert template_documents(tpl, "Testshire County Council") == made


def test_the_pack_holds_every_document_in_name_order_dated_by_the_newest_review():
    templates = make_content(templates=[reviewed("tpl-b", "2026-05-01"), reviewed("tpl-a", "2026-07-15")]).templates
    documents = {"tpl-b.md": b"b", "tpl-a.md": b"a", "tpl-a.docx": b"d"}
    with zipfile.ZipFile(io.BytesIO(pack_zip(documents, templates))) as archive:
        assert [(i.filename, archive.read(i)) for i in archive.infolist()] == [
            ("esafety-templates/tpl-a.docx", b"d"), ("esafety-templates/tpl-a.md", b"a"),
            ("esafety-templates/tpl-b.md", b"b")]
        assert {i.date_time[:3] for i in archive.infolist()} == {(2026, 7, 15)}
    assert PACK_NAME.endswith(".zip")
