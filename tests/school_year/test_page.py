"""The school's year page in Chromium: a school's own dates are kept in this browser (through
reloads, across tabs, from a record an earlier version stored), bad dates are refused with a
reason, the next due dates follow the duties' intervals, the school's calendar downloads and
parses, nothing is requested from anywhere else, and axe finds nothing in either colour scheme."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import icalendar
import pytest

from gates.axe import axe_violations
from gates.browsing import recording
from support.site import ROOT

PAGE = "school-year/"
RECORD = "esafety-school-year"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VERSION_1 = Path(__file__).parent / "fixtures" / "stored-version-1.json"
LONG_AGO = (dt.date.today() - dt.timedelta(days=6 * 366)).isoformat()  # beyond any interval (60 months at most)
TODAY = dt.date.today().isoformat()


def open_page(page, site_url: str):
    page.goto(site_url + PAGE)
    page.wait_for_selector("#sy-form:not([hidden])")
    page.wait_for_selector("#sy-due-rows tr")
    return page


@pytest.fixture
def year(page, site_url):
    return open_page(page, site_url)


@pytest.fixture(scope="module")
def duties(built_site) -> dict:
    return json.loads((built_site / "school-year" / "duties.json").read_text("utf-8"))


def date_ids(page) -> list[str]:
    return page.eval_on_selector_all("#sy-form input[type=date]", "els => els.map(e => e.name)")


def fill_all(page, value: str) -> None:
    for name in date_ids(page):
        page.fill(f"#sy-{name}", value)


def statuses(page) -> dict[str, str]:
    return dict(page.eval_on_selector_all("#sy-due-rows tr", "rows => rows.map(r => [r.dataset.duty, r.dataset.status])"))


def stored(page) -> dict:
    raw = page.evaluate(f"() => localStorage.getItem('{RECORD}')")
    return json.loads(raw) if raw else {}


def counted(duties) -> set[str]:
    return {d["id"] for d in duties["duties"] if d["from"]}


def test_every_date_has_a_labelled_field_and_every_duty_a_row(year, duties):
    assert date_ids(year) == [d["id"] for d in duties["dates"]]
    for date in duties["dates"]:
        assert year.inner_text(f"label[for='sy-{date['id']}']") == date["label"]
    assert set(statuses(year)) == {d["id"] for d in duties["duties"]}
    assert year.locator("#sy-needs-script").is_hidden()


def test_due_dates_follow_the_dates_entered_and_are_kept_through_a_reload(year, duties):
    fill_all(year, LONG_AGO)
    assert {statuses(year)[d] for d in counted(duties)} == {"overdue"}
    assert "Saved on this device" in year.inner_text("#sy-saved")
    record = stored(year)
    assert record["format"] == RECORD and record["version"] == 1
    assert set(record["values"].values()) == {LONG_AGO}
    fill_all(year, TODAY)
    year.reload()
    open_page(year, year.url.removesuffix(PAGE))
    assert {year.input_value(f"#sy-{n}") for n in date_ids(year)} == {TODAY}
    assert {statuses(year)[d] for d in counted(duties)} == {"due"}


def test_two_tabs_share_the_dates(browser, site_url):
    context = browser.new_context()
    one, two = open_page(context.new_page(), site_url), open_page(context.new_page(), site_url)
    first, second = date_ids(one)[:2] if len(date_ids(one)) > 1 else (date_ids(one)[0], None)
    one.fill(f"#sy-{first}", LONG_AGO)
    two.wait_for_function(f"() => document.getElementById('sy-{first}').value === '{LONG_AGO}'")
    if second:
        two.fill(f"#sy-{second}", TODAY)
        one.wait_for_function(f"() => document.getElementById('sy-{second}').value === '{TODAY}'")
        assert stored(one)["values"] == {first: LONG_AGO, second: TODAY}
    context.close()


@pytest.mark.parametrize("bad", ["2026-02-30", "2026-13-01", "01/09/2026", "2999-01-01"])
def test_a_bad_date_in_the_record_is_refused_with_a_reason(year, bad):
    name = date_ids(year)[0]
    year.evaluate("([key, name, bad]) => localStorage.setItem(key, JSON.stringify({format: key, version: 1,"
                  " saved: '', values: {[name]: bad}, modified: {}}))", [RECORD, name, bad])
    year.reload()
    year.wait_for_selector("#sy-due-rows tr")
    problem = year.inner_text(f"#sy-{name}-problem")
    assert "not a real date" in problem or "day, month and year" in problem or "in the future" in problem
    assert year.get_attribute(f"#sy-{name}", "aria-invalid") == "true"


def test_the_schools_calendar_downloads_and_parses(year, duties):
    name = "St Mary's, Oak; Hill — École Sainte-Thérèse 🏫 " * 3
    year.fill("#sy-school-name", name)
    year.click("#sy-download")  # nothing entered yet: nothing to make, and the page says why
    assert "Enter when" in year.inner_text("#sy-download-note")
    fill_all(year, LONG_AGO)
    with year.expect_download() as info:
        year.click("#sy-download")
    data = Path(info.value.path()).read_bytes()
    for line in data.split(b"\r\n")[:-1]:
        assert len(line) <= 75
        line.decode("utf-8")
    assert b"\n" not in data.replace(b"\r\n", b"")
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert {str(e["UID"]).split("-school@")[0] for e in events} == counted(duties)
    for event in events:
        assert str(event["SUMMARY"]).endswith(f"({name.strip()})")
        assert "DTSTAMP" in event and event["RRULE"]["FREQ"][0] in ("YEARLY", "MONTHLY")


def test_a_record_stored_by_version_1_loads(year):
    name = date_ids(year)[0]
    record = VERSION_1.read_text("utf-8").replace("DATE", name)
    year.evaluate("([key, text]) => localStorage.setItem(key, text)", [RECORD, record])
    year.reload()
    year.wait_for_selector("#sy-due-rows tr")
    assert year.input_value(f"#sy-{name}") == "2026-09-01"
    assert year.locator("#sy-newer").is_hidden()


def test_a_record_from_a_newer_version_is_never_saved_over(year):
    name = date_ids(year)[0]
    newer = {"format": RECORD, "version": 99, "values": {name: "2026-09-01"}, "whatever": ["comes", "next"]}
    year.evaluate("([key, text]) => localStorage.setItem(key, text)", [RECORD, json.dumps(newer)])
    year.reload()
    year.wait_for_selector("#sy-due-rows tr")
    assert year.locator("#sy-newer").is_visible()
    year.fill(f"#sy-{name}", TODAY)
    assert stored(year) == newer


def test_the_page_asks_nothing_of_anyone_else(browser, site_url):
    with recording(browser) as (page, visit, collect):
        open_page(page, site_url)
        fill_all(page, LONG_AGO)
        page.fill("#sy-school-name", "Riverside")
        with page.expect_download():
            page.click("#sy-download")
        collect()
    assert visit.third_party == [] and visit.csp_violations == []
    assert visit.storage["local"] and set(visit.storage["local"]) <= {RECORD, "esafety-school-details"}


@pytest.fixture(params=["light", "dark"])
def axe_page(request, browser, site_url):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make node_modules` (npm ci)")
    # bypass_csp: axe is injected as an inline script, which the site's own CSP rightly refuses.
    context = browser.new_context(bypass_csp=True, color_scheme=request.param)
    page = open_page(context.new_page(), site_url)
    assert page.get_attribute("body", "data-md-color-scheme") == ("slate" if request.param == "dark" else "default")
    yield page
    context.close()


def test_axe_finds_no_violation_empty_filled_or_with_a_bad_date(axe_page):
    assert axe_violations(axe_page, AXE) == [], "on the empty form"
    fill_all(axe_page, LONG_AGO)
    axe_page.fill("#sy-school-name", "Riverside")
    assert axe_violations(axe_page, AXE) == [], "with overdue duties"
    name = date_ids(axe_page)[0]
    axe_page.evaluate("([key, name]) => localStorage.setItem(key, JSON.stringify({format: key, version: 1,"
                      " saved: '', values: {[name]: '2026-02-30'}, modified: {}}))", [RECORD, name])
    axe_page.reload()
    axe_page.wait_for_selector("#sy-due-rows tr")
    assert axe_violations(axe_page, AXE) == [], "with a date refused"


def test_without_javascript_the_year_and_its_calendar_file_are_all_there(browser, site_url, built_site, duties):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PAGE)
    assert page.locator("#sy-needs-script").is_visible() and page.locator("#sy-form").is_hidden()
    for duty in duties["duties"]:  # each duty has its place in the year, citing its sources
        section = page.locator(f"#{duty['id']}")
        assert section.is_visible()
        for source in duty["sources"]:
            assert page.locator(f"a[href$='#{source['id']}']").count() >= 1
    href = page.get_attribute("a[href$='default-year.ics']", "href")
    context.close()
    data = (built_site / "school-year" / href.split("/")[-1]).read_bytes()
    placed = {d["id"] for d in duties["duties"] if d["usual_month"]}
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert {str(e["UID"]).split("-default@")[0] for e in events} == placed
