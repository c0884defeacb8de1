"""The school's year as a calendar file (RFC 5545), written by the build (esafety_portal/ics.py)
and by the browser (ics-text.js, run here in Node): both parse with the icalendar package over
hostile values, fold at 75 octets without splitting a character, end every line in CRLF, give
every event a UID and a DTSTAMP, and write the same bytes from the same events."""
from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess

import icalendar
import pytest

from esafety_portal import clock, ics, school_year
from esafety_portal.load import load_content
from support.site import ROOT

STAMP = dt.datetime(2026, 12, 4, 9, 30, 15)
HOSTILE = [
    "Plain words",
    "Commas, semicolons; colons: and a backslash \\ too",
    "A line\nbreak, and a Windows one\r\nand an old Mac one\rend",
    "École Sainte-Thérèse — Ŵales 🏫 " * 6,  # long, multi-byte: folding must not split a character
    "日本語の学校名" * 20,
    "ends with a backslash\\",
    "",
]


def events(summaries) -> list[ics.Event]:
    return [ics.Event(f"event-{n}@example.org", dt.date(2026, 9, 1) + dt.timedelta(days=n * 40), summary,
                      f"{summary}\nSecond line, with a comma", months)
            for n, (summary, months) in enumerate(zip(summaries, [12, 24, 6, 1, 0, 36, 12]))]


def node_calendar(name: str, evs: list[ics.Event], stamp: dt.datetime, product: str) -> bytes:
    node = shutil.which("node")
    assert node, "node is missing: install Node.js (Debian's nodejs package)"
    payload = {"name": name, "stamp": stamp.strftime("%Y-%m-%dT%H:%M:%SZ"), "product": product,
               "events": [{"uid": e.uid, "start": e.start.isoformat(), "summary": e.summary,
                           "description": e.description, "everyMonths": e.every_months} for e in evs]}
    run = subprocess.run([node, str(ROOT / "tests" / "school_year" / "ics_with_node.js")],
                         input=json.dumps(payload).encode("utf-8"), capture_output=True, timeout=60)
    assert run.returncode == 0, run.stderr.decode()
    return run.stdout


def python_calendar(name, evs, stamp, product) -> bytes:
    return ics.calendar(name, evs, stamp, product)


WRITERS = {"python": python_calendar, "browser": node_calendar}


def check_lines(data: bytes) -> None:
    """Byte by byte: CRLF after every line and nowhere else, no line over 75 octets, and each
    physical line whole UTF-8 (a fold never splits a character)."""
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"") and b"\r" not in data.replace(b"\r\n", b"")
    for line in data.split(b"\r\n")[:-1]:
        assert len(line) <= 75, line
        line.decode("utf-8")  # raises on a split character


def unfolded(data: bytes) -> list[str]:
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]


@pytest.mark.parametrize("writer", WRITERS)
def test_hostile_values_survive_a_calendar_app_reading_them(writer):
    name = "Our school, year; 2026\nnext line 🏫"
    data = WRITERS[writer](name, events(HOSTILE), STAMP, "-//test//EN")
    check_lines(data)
    calendar = icalendar.Calendar.from_ical(data)
    # icalendar keeps an X- property as written: it must be the name escaped as TEXT.
    assert "X-WR-CALNAME:Our school\\, year\\; 2026\\nnext line 🏫" in unfolded(data)
    found = calendar.walk("VEVENT")
    assert len(found) == len(HOSTILE)
    for event, expected, months in zip(found, events(HOSTILE), [12, 24, 6, 1, 0, 36, 12]):
        assert str(event["SUMMARY"]) == expected.summary.replace("\r\n", "\n").replace("\r", "\n")
        assert str(event["DESCRIPTION"]).endswith("\nSecond line, with a comma")
        assert event["UID"] == expected.uid
        assert event.decoded("DTSTAMP") == STAMP.replace(tzinfo=dt.timezone.utc)
        assert event.decoded("DTSTART") == expected.start
        rule = event.get("RRULE")
        if not months:
            assert rule is None
        elif months % 12 == 0:
            assert rule["FREQ"] == ["YEARLY"] and rule.get("INTERVAL", [1]) == [months // 12]
        else:
            assert rule["FREQ"] == ["MONTHLY"] and rule.get("INTERVAL", [1]) == [months]


def test_the_browser_and_the_build_write_the_same_bytes():
    evs = events(HOSTILE)
    assert node_calendar("A, b; c", evs, STAMP, "-//test//EN") == python_calendar("A, b; c", evs, STAMP, "-//test//EN")


@pytest.mark.parametrize("text", ["é" * 80, "🏫" * 40, "a" + "€" * 60, "x" * 74 + "é", "x" * 75 + "é"])
def test_folding_never_splits_a_character(text):
    folded = ics.fold(f"SUMMARY:{text}")
    check_lines(folded)
    assert folded.replace(b"\r\n ", b"") == f"SUMMARY:{text}\r\n".encode("utf-8")


def test_the_default_year_is_the_same_bytes_for_the_same_day(fixture_project, monkeypatch):
    content = load_content(fixture_project)
    monkeypatch.setenv(clock.VARIABLE, str(clock.epoch_of(dt.date(2027, 3, 15))))
    first = school_year.default_calendar(content)
    assert school_year.default_calendar(content) == first
    check_lines(first)
    calendar = icalendar.Calendar.from_ical(first)
    found = {str(e["UID"]).split("-default@")[0]: e for e in calendar.walk("VEVENT")}
    # Only the duties with a usual month; each on the 1st of it, in the school year holding the day.
    assert set(found) == {"fixture-yearly", "fixture-two-yearly"}
    assert found["fixture-yearly"].decoded("DTSTART") == dt.date(2026, 10, 1)
    assert found["fixture-two-yearly"].decoded("DTSTART") == dt.date(2027, 3, 1)
    assert found["fixture-two-yearly"]["RRULE"]["INTERVAL"] == [2]
    for event in found.values():
        assert event.decoded("DTSTAMP") == dt.datetime(2027, 3, 15, tzinfo=dt.timezone.utc)
    assert str(found["fixture-yearly"]["SUMMARY"]) == "A yearly review, with a comma; a semicolon"
    monkeypatch.setenv(clock.VARIABLE, str(clock.epoch_of(dt.date(2027, 9, 2))))
    later = icalendar.Calendar.from_ical(school_year.default_calendar(content))
    assert {e.decoded("DTSTART") for e in later.walk("VEVENT")} == {dt.date(2027, 10, 1), dt.date(2028, 3, 1)}


def test_the_duties_json_gives_the_page_every_duty_and_date(fixture_project):
    content = load_content(fixture_project)
    data = json.loads(school_year.duties_json(content))
    assert [d["id"] for d in data["duties"]] == [d.id for d in content.school_year.duties]
    assert [d["id"] for d in data["dates"]] == [d.id for d in content.school_year.dates]
    own = next(d for d in data["duties"] if d["id"] == "fixture-own-date")
    assert own["from"] == "fixture-trained" and own["usual_month"] is None and own["interval_months"] == 24
    assert own["sources"][0]["href"].endswith("#example-standard-1")
