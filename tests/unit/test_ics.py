"""ics.py: calendar text escaped and folded as RFC 5545 says, recurrence in the plainest rule, and
every line ended with CRLF. (A calendar app reading hostile values, and the browser writing the same
bytes: tests/school_year/test_calendar_files.py.)"""
from __future__ import annotations

import datetime as dt

from esafety_portal.ics import Event, calendar, escape_text, fold, recurrence


def test_text_escapes_backslash_semicolon_comma_and_every_kind_of_newline():
    assert escape_text("a\\b;c,d\ne\r\nf\rg") == "a\\\\b\\;c\\,d\\ne\\nf\\ng"


def test_a_long_line_is_folded_at_75_octets_with_a_space_starting_each_continuation():
    folded = fold("X" * 160)
    lines = folded.split(b"\r\n")
    assert lines[-1] == b"" and [len(line) for line in lines[:-1]] == [75, 75, 12]
    assert all(line.startswith(b" ") for line in lines[1:-1])
    assert b"".join(line.removeprefix(b" ") for line in lines) == b"X" * 160


def test_recurrence_uses_years_where_the_months_make_whole_years():
    assert [recurrence(m) for m in (0, 1, 3, 12, 24, 18)] == [
        "", "FREQ=MONTHLY", "FREQ=MONTHLY;INTERVAL=3", "FREQ=YEARLY", "FREQ=YEARLY;INTERVAL=2",
        "FREQ=MONTHLY;INTERVAL=18"]


def test_an_all_day_event_ends_the_next_day_and_says_how_it_recurs():
    stamp = dt.datetime(2026, 12, 5, 9, 30, tzinfo=dt.timezone.utc)
    text = calendar("Duties, Testshire", [Event("a@test", dt.date(2026, 12, 31), "Review; filters", "", 12),
                                          Event("b@test", dt.date(2027, 1, 4), "Once", "Why, and how")],
                    stamp, "-//Test//EN").decode("utf-8")
    assert text.split("\r\n") == [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//EN", "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:Duties\\, Testshire",
        "BEGIN:VEVENT", "UID:a@test", "DTSTAMP:20261205T093000Z", "DTSTART;VALUE=DATE:20261231",
        "DTEND;VALUE=DATE:20270101", "SUMMARY:Review\\; filters", "RRULE:FREQ=YEARLY", "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "BEGIN:VEVENT", "UID:b@test", "DTSTAMP:20261205T093000Z", "DTSTART;VALUE=DATE:20270104",
        "DTEND;VALUE=DATE:20270105", "SUMMARY:Once", "DESCRIPTION:Why\\, and how", "TRANSP:TRANSPARENT",
        "END:VEVENT", "END:VCALENDAR", ""]
