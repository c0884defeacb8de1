"""Rewrite a zip so the same files always give the same bytes: fixed timestamps, fixed order."""
from __future__ import annotations

import datetime as dt
import io
import zipfile


def fixed_zip(entries: list[tuple[str, bytes]], when: dt.datetime, stored: tuple[str, ...] = ()) -> bytes:
    """A zip of `entries` in the order given, every one dated `when`. Names in `stored` are not
    compressed (ODF needs its `mimetype` first and uncompressed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16  # the same permissions on every machine
            info.create_system = 3  # Unix, wherever it was built
            archive.writestr(info, data, compresslevel=9 if name not in stored else None)
    return buffer.getvalue()


def rezip(data: bytes, when: dt.datetime, stored: tuple[str, ...] = ()) -> bytes:
    """`data` (a zip made by a library that stamps the current time) with fixed timestamps."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    return fixed_zip(entries, when, stored)
