"""The one "today" of a build, a check and a review report.

Review notices, "in the future" checks and the review report all depend on the date. Reading
the computer's clock in several places made builds (and tests) change on their own from one day
to the next. SOURCE_DATE_EPOCH, the reproducible-builds convention that MkDocs itself already
honours for its build date, pins it: seconds since 1 January 1970, UTC.
"""
from __future__ import annotations

import datetime as dt
import os

VARIABLE = "SOURCE_DATE_EPOCH"


class ClockError(ValueError):
    """SOURCE_DATE_EPOCH is set to something that is not a date."""


def today() -> dt.date:
    """Today in UTC, or the day SOURCE_DATE_EPOCH names when it is set."""
    value = os.environ.get(VARIABLE, "").strip()
    if not value:
        return dt.datetime.now(dt.timezone.utc).date()
    try:
        return dt.datetime.fromtimestamp(int(value), dt.timezone.utc).date()
    except (ValueError, OverflowError, OSError):
        raise ClockError(f"{VARIABLE} is '{value}', which is not a date — set it to whole seconds since "
                         f"1970-01-01 UTC (for 24 November 2026: {epoch_of(dt.date(2026, 11, 24))}), "
                         f"or unset it to use today's date") from None


def epoch_of(day: dt.date) -> int:
    """The SOURCE_DATE_EPOCH value for the start of `day` (UTC)."""
    return int(dt.datetime.combine(day, dt.time(0, 0), dt.timezone.utc).timestamp())
