"""The suite's "today": pinned, so no assertion turns red on its own as the calendar moves.

Unless SOURCE_DATE_EPOCH is already set (to run the suite as of another day, such as
`SOURCE_DATE_EPOCH=$(date -d 2030-12-31 +%s) make test`), it is set to the newest date the data
holds: the day the content was last touched, which is never "in the future" for it.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from esafety_portal.clock import VARIABLE, epoch_of, today

_DATE = re.compile(r"^\s*(?:-\s+)?(?:date|last_reviewed):\s*(\d{4}-\d{2}-\d{2})\s*$", re.M)


def newest_data_date(project: Path) -> dt.date:
    dates = [dt.date.fromisoformat(d) for path in (project / "data").rglob("*.yml")
             for d in _DATE.findall(path.read_text("utf-8"))]
    return max(dates)


def pin(project: Path) -> dt.date:
    """Set SOURCE_DATE_EPOCH for this process and every build it starts; return the day."""
    if not os.environ.get(VARIABLE, "").strip():
        os.environ[VARIABLE] = str(epoch_of(newest_data_date(project)))
    return today()
