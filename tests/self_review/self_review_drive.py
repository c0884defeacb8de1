"""Drive the self-review page in Playwright: open it, rate an item, write in a field, read storage."""
from __future__ import annotations

import json

from support.messages import next_message, watch_message

PATH = "self-review/"


def open_review(page, site_url, path=PATH):
    """Open the page (the 2012 briefing's, or `path`) and wait until its script has loaded the
    framework and shown the tool."""
    page.goto(site_url + path)
    page.locator("#sr\\:tool").wait_for(state="visible")
    return page


def rate(page, item_id: str, rating: str):
    page.check(f"#sr\\:item\\:{item_id}\\:rating\\:{rating}")


def write(page, item_id: str, field: str, text: str):
    page.fill(f"#sr\\:item\\:{item_id}\\:{field}", text)


def stored(page) -> dict | None:
    """What the tool keeps in localStorage under its key (esafety-self-review:<framework id>)."""
    raw = page.evaluate("() => { for (const k of Object.keys(localStorage)) if (k.startsWith('esafety-self-review:'))"
                        " return localStorage.getItem(k); return null; }")
    return json.loads(raw) if raw else None


def reopen(page):
    """Reload the page and wait for the tool again."""
    page.reload()
    page.locator("#sr\\:tool").wait_for(state="visible")
    return page


def offer_file(page, name: str, data: bytes):
    """Give the import control a file, as a school picking it would."""
    page.set_input_files("#sr\\:import", files=[{"name": name, "mimeType": "application/json", "buffer": data}])


def import_bytes(page, name: str, data: bytes) -> str:
    """Import a file that needs no choice (no answers yet, or refused) and return what the page said."""
    watch_message(page, "sr:message")
    offer_file(page, name, data)
    return next_message(page)


def watch_errors(page) -> list[str]:
    """Collect the page's uncaught exceptions and console errors from now on."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"uncaught: {error}"))
    page.on("console", lambda m: errors.append(f"console.error: {m.text}") if m.type == "error" else None)
    return errors
