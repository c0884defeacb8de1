"""Calendar files (RFC 5545): all-day events that recur, written byte for byte the same from the
same events. docs/assets/javascripts/ics-text.js writes the same format in the browser."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

CRLF = b"\r\n"
LINE_OCTETS = 75  # RFC 5545 3.1: lines longer than this are folded


@dataclass(frozen=True)
class Event:
    uid: str
    start: dt.date
    summary: str
    description: str = ""
    every_months: int = 0  # 0: once


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n"))


def fold(line: str) -> bytes:
    """One content line as UTF-8, folded so no line passes 75 octets; a character is never split."""
    out, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        limit = LINE_OCTETS if not out else LINE_OCTETS - 1  # a continuation starts with a space
        if len(current) + len(encoded) > limit:
            out.append(current)
            current = b""
        current += encoded
    out.append(current)
    return (CRLF + b" ").join(out) + CRLF


def recurrence(months: int) -> str:
    """The RRULE for an event every `months` months, or "" for one that does not recur."""
    if not months:
        return ""
    if months % 12 == 0:
        return "FREQ=YEARLY" + (f";INTERVAL={months // 12}" if months > 12 else "")
    return "FREQ=MONTHLY" + (f";INTERVAL={months}" if months > 1 else "")


def calendar(name: str, events, stamp: dt.datetime, product: str) -> bytes:
    """A VCALENDAR of all-day events; `stamp` (UTC) is every event's DTSTAMP."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{product}", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{escape_text(name)}"]
    for event in events:
        lines += ["BEGIN:VEVENT", f"UID:{event.uid}", f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
                  f"DTSTART;VALUE=DATE:{event.start:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{event.start + dt.timedelta(days=1):%Y%m%d}",
                  f"SUMMARY:{escape_text(event.summary)}"]
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        if event.every_months:
            lines.append(f"RRULE:{recurrence(event.every_months)}")
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return b"".join(fold(line) for line in lines)
