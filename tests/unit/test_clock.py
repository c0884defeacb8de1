"""clock.py: the one "today" of a build: the computer's date in UTC, or the day SOURCE_DATE_EPOCH
names, and a clear message when that is not a date."""
from __future__ import annotations

import datetime as dt

import pytest

from esafety_portal.clock import ClockError, epoch_of, today


def test_the_epoch_of_a_day_names_that_day(monkeypatch):
    day = dt.date(2026, 11, 24)
    assert epoch_of(day) == 1795478400
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch_of(day)))
    assert today() == day
    monkeypatch.setenv("SOURCE_DATE_EPOCH", f" {epoch_of(day) + 86399} ")  # the last second of the day
    assert today() == day


def test_unset_or_empty_is_today_in_utc(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert today() == dt.datetime.now(dt.timezone.utc).date()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "  ")
    assert today() == dt.datetime.now(dt.timezone.utc).date()


@pytest.mark.parametrize("value", ["yesterday", "2026-11-24", "1e9", "99999999999999999999"])
def test_a_value_that_is_not_a_date_says_what_to_set(monkeypatch, value):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(ClockError) as raised:
        today()
    assert str(raised.value) == (f"SOURCE_DATE_EPOCH is '{value}', which is not a date — set it to whole seconds "
                                 "since 1970-01-01 UTC (for 24 November 2026: 1795478400), or unset it to use "
                                 "today's date")
