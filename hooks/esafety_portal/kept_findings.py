"""What each check found in a data file, kept in this process only and keyed by the file's exact
bytes and name: a `make serve` rebuild, or a test loading many variants or copies of the data,
checks again only bytes it has not seen. The loader keeps its schema and value checks here
(load.py), and the rules across files keep what they read from each file (rules.py: its ids, its
references, its dates). The oldest go first past KEPT.
"""
from __future__ import annotations

from collections.abc import Callable

from .bounded_memo import BoundedMemo

# Entries: about seven for each data file (load.py's three checks, rules.py's four), for the data
# files of a few projects; each load refreshes the ones it uses.
KEPT = 1024
_findings = BoundedMemo(KEPT)  # (shown_as, check, raw, made_with) -> what the check found


def forget() -> None:
    """Drop everything kept (for a test that counts the work a load does)."""
    _findings.clear()


def kept_verdict(raw: bytes, shown_as: str, check: str, run: Callable[[], list], made_with: bytes = b"") -> list:
    """run(), or what it gave for `check` on the same bytes and the same `made_with` (the
    schemas' digest, for the schema check). Each caller gets its own list."""
    return list(_findings.get((shown_as, check, raw, made_with), run))


def kept_for(data_file, check: str, run: Callable[[], list]) -> list:
    """kept_verdict for a rules.DataFile: run() when it was not read from a file's bytes (a
    test's own data), which leaves nothing to key it by."""
    if not data_file.raw:
        return list(run())
    return kept_verdict(data_file.raw, data_file.shown_as, check, run)
