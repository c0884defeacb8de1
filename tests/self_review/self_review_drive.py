"""Drive the self-review page in Playwright: open it, rate an item, write in a field, read storage."""
from __future__ import annotations

import json

PATH = "self-review/"


def open_review(page, site_url):
    """Open the page and wait until its script has loaded the framework and shown the tool."""
    page.goto(site_url + PATH)
    page.locator("#sr-tool").wait_for(state="visible")
    return page


def rate(page, item_id: str, rating: str):
    page.check(f"#sr-{item_id}-rating-{rating}")


def write(page, item_id: str, field: str, text: str):
    page.fill(f"#sr-{item_id}-{field}", text)


def stored(page) -> dict | None:
    """What the tool keeps in localStorage under its key (esafety-self-review:<framework id>)."""
    raw = page.evaluate("() => { for (const k of Object.keys(localStorage)) if (k.startsWith('esafety-self-review:'))"
                        " return localStorage.getItem(k); return null; }")
    return json.loads(raw) if raw else None
