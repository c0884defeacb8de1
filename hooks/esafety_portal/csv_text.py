"""CSV as the open data writes it: one function for every table, so that every cell is made safe
for a spreadsheet in one place.

A cell a spreadsheet could read as a formula (one starting with =, +, -, @, a tab or a carriage
return) gets a leading apostrophe, as OWASP's advice on CSV injection says: Calc and Excel then
show it as text and never run it (a `=HYPERLINK(...)` in a title could send a cell's value away).
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_bytes(header: list[str], rows: Iterable[Iterable[object]]) -> bytes:
    """A table as UTF-8 CSV with CRLF line ends and a byte-order mark (so Excel reads it as UTF-8)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([safe_cell(value) for value in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
