"""school_year.py: the school's year as the files the site publishes, on small content: the default
year as a calendar (.ics) dated by the build's day, and the duties' JSON the page's script reads."""
from __future__ import annotations

import datetime as dt
import json

from esafety_portal.school_year import CALENDAR, DUTIES_JSON, FOLDER, default_calendar, duties_json, files, uid_host
from support.content_factory import framework, make_content

DUTIES = {
    "review": {"last_reviewed": "2026-09-01", "review_every_months": 12},
    "changes": [{"date": "2026-09-01", "summary": "First published."}],
    "dates": [{"id": "reviewed", "label": "Last filtering review"}],
    "duties": [
        {"id": "filtering-review", "title": "Review filtering", "what": "Check what is blocked.", "who": "The DSL",
         "interval_months": 12, "sources": ["fw-1"], "from": "reviewed"},
        {"id": "staff-update", "title": "Update staff", "what": "Tell staff <what's new>.", "who": "The DSL",
         "interval_months": 12, "usual_month": 1, "sources": ["fw-1", "fw-2"]},
    ],
    "roles": [{"id": "dsl", "label": "DSL", "training": [{"duty": "staff-update"}]}],
}


def content():
    return make_content(frameworks=[framework("fw", [("fw-1", "duty", "Review it."), ("fw-2", "duty", "Train.")])],
                        school_year=DUTIES)


def test_the_default_calendar_has_each_duty_with_a_usual_month_in_the_year_holding_today():
    text = default_calendar(content(), dt.date(2026, 12, 5)).decode()
    assert text.count("BEGIN:VEVENT") == 1, "a duty counted from the school's own date is not in the default year"
    assert "UID:staff-update-default@portal.example.org" in text
    assert "DTSTART;VALUE=DATE:20270101" in text and "RRULE:FREQ=YEARLY" in text
    assert "DTSTAMP:20261205T000000Z" in text
    assert default_calendar(content(), dt.date(2026, 12, 5)) == default_calendar(content(), dt.date(2026, 12, 5))


def test_the_duties_json_gives_the_script_every_duty_date_and_role_with_linked_sources():
    data = json.loads(duties_json(content()))
    assert data["uid_host"] == "portal.example.org" and data["calendar_name"] == "Test: the school's year"
    assert data["dates"] == [{"id": "reviewed", "label": "Last filtering review"}]
    review, update = data["duties"]
    assert (review["from"], review["usual_month"], update["from"], update["usual_month"]) == ("reviewed", None, "", 1)
    assert update["description"] == ("Tell staff <what's new>.\n\nWho: The DSL\nHow often: every year\n"
                                     "Source: Review it.; Train.")
    assert [s["id"] for s in update["sources"]] == ["fw-1", "fw-2"]
    assert all(s["href"].endswith(f"#{s['id']}") and not s["href"].startswith("/") for s in update["sources"])
    assert data["roles"] == [{"id": "dsl", "label": "DSL", "training": [
        {"id": "staff-update", "title": "Update staff", "interval_months": 12, "sources": update["sources"]}]}]


def test_files_are_published_beside_the_page_and_none_without_duties():
    assert set(files(content(), dt.date(2026, 12, 5))) == {f"{FOLDER}/{CALENDAR}", f"{FOLDER}/{DUTIES_JSON}"}
    assert files(make_content(), dt.date(2026, 12, 5)) == {}


def test_event_ids_end_in_the_portals_own_domain():
    assert uid_host(content()) == "portal.example.org"
