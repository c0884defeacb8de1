"""duties.py: the school's year on small data: intervals in words, the checks the schema cannot say
(an interval that keeps to the calendar, a duty that falls due), the year from September, and the
roles' training taken from their duties."""
from __future__ import annotations

import datetime as dt

import pytest

from esafety_portal.duties import (SCHEMA, Duty, SchoolDate, Training, build_school_year, check_duties,
                                   default_date, every, regular, year_starting)
from esafety_portal.rules import DataFile


def duty(duty_id, months=12, **fields):
    return {"id": duty_id, "title": f"Duty {duty_id}", "what": "Do it.", "who": "The DSL",
            "interval_months": months, "sources": ["kcsie-1"], **fields}


def duties_file(*duties, roles=()):
    data = {"dates": [{"id": "reviewed", "label": "Last review"}], "duties": list(duties)}
    if roles:
        data["roles"] = list(roles)
    return DataFile("data/duties.yml", SCHEMA, data)


@pytest.mark.parametrize("months, words", [(1, "every month"), (6, "every 6 months"), (12, "every year"),
                                           (24, "every 2 years"), (18, "every 18 months")])
def test_an_interval_in_words(months, words):
    assert every(months) == words


@pytest.mark.parametrize("months, keeps_to_the_calendar", [(1, True), (4, True), (6, True), (12, True), (36, True),
                                                           (5, False), (18, False)])
def test_an_interval_keeps_to_the_calendar_if_it_divides_a_year_or_is_whole_years(months, keeps_to_the_calendar):
    assert regular(months) is keeps_to_the_calendar


def test_a_duty_that_would_drift_through_the_year_or_never_fall_due_is_refused():
    found = check_duties([duties_file(duty("a", usual_month=9), duty("b", 18, usual_month=3), duty("c"),
                                      duty("d", **{"from": "reviewed"}))])
    assert [(e.path, e.problem) for e in found] == [
        ("duties[1].interval_months", "18 months does not come round in the same months each year"),
        ("duties[2]", "has neither a usual month nor a date it counts from, so it never falls due")]
    assert found[0].fix.startswith("use the interval the duty's source states: 12 for every year")


def test_the_year_is_built_with_its_months_from_september():
    year = build_school_year([duties_file(duty("a", usual_month=9), duty("b", 6, usual_month=2),
                                          duty("c", **{"from": "reviewed"}))], {})
    assert year.dates == (SchoolDate("reviewed", "Last review"),)
    months = year.months()
    assert [m for m, _ in months] == [9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8]
    assert [(m, [d.id for d in ds]) for m, ds in months if ds] == [(9, ["a"]), (2, ["b"])]
    assert [d.id for d in year.unplaced()] == ["c"] and year.unplaced()[0].counts_from == "reviewed"
    assert year.date_label("reviewed") == "Last review"
    assert year.duties[1].every == "every 6 months"


def test_a_roles_training_is_its_duty_or_its_own_title_with_no_interval():
    roles = [{"id": "dsl", "label": "DSL and deputies",
              "training": [{"duty": "a"}, {"id": "induction", "title": "Induction", "sources": ["kcsie-2"]}]}]
    year = build_school_year([duties_file(duty("a", 24, usual_month=9), roles=roles)], {})
    (role,) = year.roles
    assert role.training == (Training("a", "Duty a", ("kcsie-1",), 24), Training("induction", "Induction", ("kcsie-2",)))
    assert [t.every for t in role.training] == ["every 2 years", ""]


def test_no_duties_file_is_an_empty_year():
    year = build_school_year([], {})
    assert (year.dates, year.duties, year.roles) == ((), (), ())


@pytest.mark.parametrize("today, start", [(dt.date(2026, 9, 1), 2026), (dt.date(2026, 8, 31), 2025),
                                          (dt.date(2027, 1, 15), 2026)])
def test_the_school_year_begins_in_september(today, start):
    assert year_starting(today) == start


def test_a_duty_falls_by_default_on_the_first_of_its_usual_month_in_that_year():
    autumn = Duty("a", "A", "Do.", "DSL", 12, (), usual_month=10)
    spring = Duty("b", "B", "Do.", "DSL", 12, (), usual_month=3)
    assert default_date(autumn, 2026) == dt.date(2026, 10, 1)
    assert default_date(spring, 2026) == dt.date(2027, 3, 1)
