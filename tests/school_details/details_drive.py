"""Driving the "Your school's details" form and the templates' downloads in Chromium."""
from __future__ import annotations

import pytest

FORM = "templates/your-school/"


def open_form(page, site_url: str):
    page.goto(site_url + FORM)
    page.wait_for_selector("#sd-form:not([hidden])")
    return page


def enter(page, values: dict[str, str]) -> dict[str, str]:
    """Types each value into its field; returns what the fields hold (an input drops line breaks)."""
    for name, value in values.items():
        page.fill(f"#sd-{name}", value)
    return {name: page.input_value(f"#sd-{name}") for name in values}


def download(page, selector: str) -> bytes:
    with page.expect_download() as info:
        page.click(selector)
    return open(info.value.path(), "rb").read()


def link_to(file_name: str) -> str:
    return f'a[href$="downloads/{file_name}"]'


def clear(page):
    """Clears the details through the form's dialog; returns once the page has cleared them (the
    dialog's close event, which does it, comes after the click)."""
    page.click("#sd-clear")
    page.click("#sd-clear-confirm")
    page.wait_for_function("() => [...document.querySelectorAll('#sd-form input[name]')].every(i => i.value === '')")


# A fixture here, not in a conftest.py: the gates import their own conftest by that name.
@pytest.fixture
def form(page, site_url):
    """The "Your school's details" page, its script running."""
    return open_form(page, site_url)
