"""Whether a filled-in download is the one the Python reference fill() makes from the same blank:
the browser's filling (school-details-fill.js) is checked with it, in Node and in Chromium."""
from __future__ import annotations

import io
import zipfile

from lxml import etree


def entries(data: bytes) -> list[tuple[str, int, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(i.filename, i.compress_type, archive.read(i)) for i in archive.infolist()]


def c14n(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")


def assert_same_document(name: str, blank: bytes, python: bytes, browser: bytes) -> None:
    extension = name.rsplit(".", 1)[1]
    if extension == "md":
        assert browser == python
        return
    ours, theirs = entries(browser), entries(python)
    assert [n for n, _c, _d in ours] == [n for n, _c, _d in theirs] == [n for n, _c, _d in entries(blank)]
    for (entry, method, data), (_n, python_method, python_data) in zip(ours, theirs):
        if extension == "docx":
            # python-docx writes back only the part that changed: the browser's bytes are the same.
            assert data == python_data, f"{name}: {entry}"
        elif entry == "META-INF/manifest.xml":
            # odfpy writes the manifest again with a second entry for "/"; the browser keeps the blank's.
            assert data == dict((n, d) for n, _c, d in entries(blank))[entry]
        elif entry.endswith(".xml"):
            # odfpy writes every part again in its own namespace order: compare them canonically.
            assert c14n(data) == c14n(python_data), f"{name}: {entry}"
        else:
            assert data == python_data, f"{name}: {entry}"
        assert method == python_method, f"{name}: {entry} compressed differently"
    if extension == "odt":
        assert ours[0][:2] == ("mimetype", zipfile.ZIP_STORED)
