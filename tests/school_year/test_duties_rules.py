"""The school's year's data rules (esafety_portal/duties.py and the registry's references), on a
small fixture: every mistake is reported at its file and line, with how to put it right."""
from __future__ import annotations

import pytest

from esafety_portal.errors import ContentErrors
from esafety_portal.load import load_content
from support.project_copy import replace_in

SHOWN = "data/duties.yml"


def mistake(project, old: str, new: str):
    """The errors in data/duties.yml once `old` is changed to `new`, and the line of the change."""
    line = replace_in(project / "data" / "duties.yml", old, new)
    with pytest.raises(ContentErrors) as caught:
        load_content(project)
    errors = [e for e in caught.value.errors if e.file == SHOWN]
    assert errors, caught.value.report()
    return errors, line


def test_the_fixture_loads_with_its_duties_and_dates(fixture_project):
    year = load_content(fixture_project).school_year
    assert [d.id for d in year.duties] == ["fixture-yearly", "fixture-two-yearly", "fixture-own-date"]
    assert year.duties[1].every == "every 2 years" and year.duties[0].every == "every year"
    assert [d.id for d in year.unplaced()] == ["fixture-own-date"]
    months = dict(year.months())
    assert list(months)[0] == 9 and list(months)[-1] == 8  # September to August
    assert [d.id for d in months[10]] == ["fixture-yearly"]


def test_an_unknown_source_is_named_with_a_suggestion(fixture_project):
    errors, line = mistake(fixture_project, "sources: [example-standard-2]", "sources: [example-standrd-2]")
    error = next(e for e in errors if "example-standrd-2" in e.problem)
    assert (error.line, error.path) == (line, "duties[1].sources[0]")
    assert "does not exist" in error.problem and "example-standard" in error.fix


def test_a_source_must_be_a_framework_item(fixture_project):
    errors, line = mistake(fixture_project, "sources: [example-standard-2]", "sources: [fixture-yearly]")
    error = next(e for e in errors if "fixture-yearly" in e.problem)
    assert error.line == line and "not a framework item" in error.problem


def test_an_unknown_date_to_count_from_suggests_the_nearest(fixture_project):
    errors, line = mistake(fixture_project, "from: fixture-trained\n    sources: [example-standard-2]",
                           "from: fixture-trainde\n    sources: [example-standard-2]")
    error = next(e for e in errors if "fixture-trainde" in e.problem)
    assert (error.line, error.path) == (line, "duties[1].from")
    assert error.fix == "did you mean 'fixture-trained'?"


@pytest.mark.parametrize("months", ["13", "18", "5"])
def test_an_interval_that_does_not_keep_to_the_calendar_is_refused(fixture_project, months):
    errors, line = mistake(fixture_project, "interval_months: 24\n    usual_month: 3",
                           f"interval_months: {months}\n    usual_month: 3")
    error = next(e for e in errors if "interval_months" in e.path)
    assert (error.line, error.path) == (line, "duties[1].interval_months")
    assert f"{months} months" in error.problem and "24 for every two years" in error.fix


def test_an_interval_out_of_range_is_refused_by_the_schema(fixture_project):
    errors, line = mistake(fixture_project, "interval_months: 12", "interval_months: 0")
    assert any(e.line == line and "interval_months" in e.path for e in errors)


def test_a_duty_with_no_month_and_no_date_never_falls_due(fixture_project):
    errors, _ = mistake(fixture_project, "    from: fixture-trained\n    sources: [example-standard-1]",
                        "    sources: [example-standard-1]")
    error = next(e for e in errors if "never falls due" in e.problem)
    assert error.path == "duties[2]" and "usual_month" in error.fix


def test_the_roles_training_takes_its_interval_from_its_duty_or_has_none(fixture_project):
    roles = load_content(fixture_project).school_year.roles
    assert [(r.id, [(t.id, t.interval_months, t.every) for t in r.training]) for r in roles] == [
        ("fixture-role-lead", [("fixture-two-yearly", 24, "every 2 years")]),
        ("fixture-role-board", [("fixture-board-training", None, "")]),
    ]
    assert roles[1].training[0].sources == ("example-standard-1",)


def test_a_roles_training_must_name_a_duty(fixture_project):
    errors, line = mistake(fixture_project, "- duty: fixture-two-yearly", "- duty: fixture-two-yarly")
    error = next(e for e in errors if "fixture-two-yarly" in e.problem)
    assert (error.line, error.path) == (line, "roles[0].training[0].duty")
    assert error.fix == "did you mean 'fixture-two-yearly'?"
    errors, line = mistake(fixture_project, "- duty: fixture-two-yarly", "- duty: fixture-trained")
    error = next(e for e in errors if "fixture-trained" in e.problem)
    assert error.line == line and "not a recurring duty" in error.problem


def test_training_with_no_interval_must_cite_its_source(fixture_project):
    errors, _ = mistake(fixture_project, "        sources: [example-standard-1]\nduties:", "duties:")
    error = next(e for e in errors if e.path == "roles[1].training[0]")
    text = (fixture_project / "data" / "duties.yml").read_text("utf-8").splitlines()
    assert error.line == text.index("      - id: fixture-board-training") + 1
    assert "missing the required field 'sources'" in error.problem
