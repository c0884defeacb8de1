"""documents/zips.py: a zip whose bytes depend only on its files: fixed dates, order, permissions
and system, with the names ODF needs left uncompressed."""
from __future__ import annotations

import datetime as dt
import io
import zipfile

from esafety_portal.documents.zips import fixed_zip, rezip

WHEN = dt.datetime(2026, 9, 1, 0, 0)
ENTRIES = [("mimetype", b"application/vnd.oasis.opendocument.text"), ("content.xml", b"<x/>" * 100),
           ("a/b.txt", "O'Brien & <Sons> – é".encode())]


def test_the_entries_keep_their_order_date_and_bytes_and_stored_names_are_not_compressed():
    made = fixed_zip(ENTRIES, WHEN, stored=("mimetype",))
    with zipfile.ZipFile(io.BytesIO(made)) as archive:
        infos = archive.infolist()
        assert [(i.filename, archive.read(i)) for i in infos] == ENTRIES
        assert {i.date_time for i in infos} == {(2026, 9, 1, 0, 0, 0)}
        assert [i.compress_type for i in infos] == [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_DEFLATED]
        assert {(i.external_attr >> 16, i.create_system) for i in infos} == {(0o644, 3)}
    assert made[30:38] == b"mimetype", "ODF's mimetype is the first name in the file"


def test_the_same_files_give_the_same_bytes_and_a_different_date_does_not():
    assert fixed_zip(ENTRIES, WHEN) == fixed_zip(list(ENTRIES), WHEN)
    assert fixed_zip(ENTRIES, WHEN) != fixed_zip(ENTRIES, WHEN + dt.timedelta(days=1))


def test_a_zip_stamped_with_the_time_it_was_made_is_rewritten_as_fixed():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in ENTRIES:
            archive.writestr(name, data)  # stamped now, as python-docx stamps its files
    assert rezip(buffer.getvalue(), WHEN, stored=("mimetype",)) == fixed_zip(ENTRIES, WHEN, stored=("mimetype",))
