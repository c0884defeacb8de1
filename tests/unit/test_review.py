"""review.py: `make review`'s report on small content: what is overdue or due soon, which items
were checked only against a secondary copy, and which county contacts are still examples."""
from __future__ import annotations

import datetime as dt

import pytest

from esafety_portal.review import (DUE_SOON_DAYS, example_contacts_report, overdue_warning, report, rows,
                                   secondary_report, status)
from support.content_factory import framework, make_content

COPY = {"source": "https://www.example.org/briefing", "section": "page 2", "date": "2026-03-01",
        "against": "secondary copy", "copy_of": "A county's briefing"}


def reviewed(framework_id, last_reviewed, months=6, **fields):
    return framework(framework_id, review={"last_reviewed": last_reviewed, "review_every_months": months},
                     changes=[{"date": last_reviewed, "summary": "First published."}], **fields)


@pytest.fixture
def content():
    return make_content(frameworks=[reviewed("later", "2026-06-01"), reviewed("sooner", "2026-01-31", months=1),
                                    reviewed("never-late", "2026-11-01", months=12)])


def test_a_file_is_overdue_the_day_after_it_is_due_and_due_soon_within_the_window(content):
    meta = content.files["data/frameworks/sooner.yml"]  # due 28 February: one month on, at most the month's end
    assert meta.review.next_due == dt.date(2026, 2, 28)
    assert status(meta, dt.date(2026, 2, 28)) == "due soon"
    assert status(meta, dt.date(2026, 3, 1)) == "OVERDUE"
    assert status(meta, dt.date(2026, 2, 28) - dt.timedelta(days=DUE_SOON_DAYS)) == "due soon"
    assert status(meta, dt.date(2026, 2, 28) - dt.timedelta(days=DUE_SOON_DAYS + 1)) == "ok"


def test_rows_put_the_most_urgent_first_and_leave_out_files_with_no_review(content):
    assert rows(content, dt.date(2026, 3, 15)) == [
        ("data/frameworks/sooner.yml", "2026-01-31", "2026-02-28", "OVERDUE"),
        ("data/frameworks/later.yml", "2026-06-01", "2026-12-01", "ok"),
        ("data/frameworks/never-late.yml", "2026-11-01", "2027-11-01", "ok")]


def test_the_warning_names_each_late_file_longest_overdue_first(content):
    assert overdue_warning(content, dt.date(2026, 2, 1)) == ""
    assert overdue_warning(content, dt.date(2026, 12, 2)) == (
        "WARNING - 2 data file(s) past their review date: data/frameworks/sooner.yml (due 2026-02-28); "
        "data/frameworks/later.yml (due 2026-12-01). Readers see a notice on those pages. "
        "Run `make review` for the full report.")


def test_the_report_is_a_table_with_its_totals(content):
    lines = report(content, dt.date(2026, 11, 1)).splitlines()
    assert lines[0] == "Content review report, 2026-11-01"
    assert lines[2].split() == ["File", "Last", "reviewed", "Next", "due", "Status"]
    assert [line.split()[-1] for line in lines[3:6]] == ["OVERDUE", "soon", "ok"]
    assert lines[-1] == f"1 overdue, 1 due within {DUE_SOON_DAYS} days, 3 files in all."


def test_items_checked_only_against_a_copy_are_listed_with_where_to_check():
    item = {"id": "a-1", "kind": "duty", "text": "Text.", "checked": COPY}
    content = make_content(frameworks=[framework("a", items=[item])])
    assert secondary_report(content)[2:] == [
        "2026-03-01  data/frameworks/a.yml  a-1: page 2, in A county's briefing (https://www.example.org/briefing)",
        "", "1 item(s) to check against the publisher's own text."]
    refusing = make_content(frameworks=[framework("a", items=[item])], site={"refuse_secondary_copies": True})
    assert secondary_report(refusing)[-1].endswith(
        "data/site.yml refuses to publish them (refuse_secondary_copies: true).")
    assert secondary_report(make_content())[-1] == (
        "None: every current item was checked against the publisher's own text.")


def test_county_contacts_still_marked_as_examples_are_listed():
    contacts = [{"id": "lado", "role": "Local authority designated officer", "phone": "01234 567890",
                 "example": True},
                {"id": "police", "role": "Police", "phone": "101", "example": False}]
    content = make_content(site={"contacts": contacts})
    assert example_contacts_report(content)[2:] == [
        "lado: Local authority designated officer, 01234 567890", "",
        "1 example contact(s): put in the county's own details and set example: false."]
    assert example_contacts_report(make_content())[-1] == "None: no county contact is marked as an example."
