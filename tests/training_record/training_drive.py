"""Drive the training record page in Playwright, on a fixed clock: open it, add people, set
dates, and read what it shows and stores."""
from __future__ import annotations

import datetime as dt
import json

from support.site import ROOT

PAGE = "training-record/"
RECORD = "esafety-training-record"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
NOW = dt.datetime(2027, 3, 15, 12, 0, tzinfo=dt.timezone.utc)  # the browser's clock in every test
TODAY = NOW.date().isoformat()
LONG_AGO = "2020-01-01"  # beyond every interval data may give (60 months at most)
SEARCH_INDEX = "search/search_index.json"  # not counted in a first view (benchmarks/weight.py)
HOSTILE = "<img src=x onerror=\"window.__hacked=1\">=HYPERLINK(\"x\")"


def open_page(page, site_url: str):
    page.clock.set_fixed_time(NOW)
    page.goto(site_url + PAGE)
    page.wait_for_selector("#tr-form:not([hidden])")
    return page


def role_with(duties, timed: bool) -> dict:
    """A role in data with training that has (or has not) an interval."""
    return next(r for r in duties["roles"] if any(bool(t["interval_months"]) == timed for t in r["training"]))


def months_before(day: dt.date, months: int) -> str:
    """The same day `months` earlier (NOW's day is 15, in every month)."""
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, day.day).isoformat()


def add(page, name: str, role_id: str) -> str:
    """Adds a person; returns their key."""
    before = set(keys(page))
    page.fill("#tr-new-name", name)
    page.select_option("#tr-new-role", role_id)
    page.click("#tr-add")
    page.wait_for_function(f"() => document.querySelectorAll('.tr-person').length === {len(before) + 1}")
    return (set(keys(page)) - before).pop()


def keys(page) -> list[str]:
    return page.eval_on_selector_all(".tr-person", "els => els.map(e => e.id.replace('tr-person-', ''))")


def statuses(page, key: str) -> dict[str, str]:
    return dict(page.eval_on_selector_all(f"#tr-person-{key} tbody tr",
                                          "rows => rows.map(r => [r.dataset.training, r.dataset.status])"))


def set_date(page, key: str, training: str, value: str) -> None:
    page.fill(f"#tr-person-{key}-{training}", value)


def stored(page) -> dict:
    raw = page.evaluate(f"() => localStorage.getItem('{RECORD}')")
    return json.loads(raw) if raw else {}


def put_stored(page, value) -> None:
    page.evaluate("([key, text]) => localStorage.setItem(key, text)",
                  [RECORD, value if isinstance(value, str) else json.dumps(value)])
