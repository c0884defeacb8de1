"""The "Your school's details" form: a field with label and help for every placeholder, kept in
this browser only (and said so), cleared on request, plainly not saved where the browser keeps
nothing, and one school name with the self-review, whichever page it is typed on."""
from __future__ import annotations

import json

import pytest

from details_drive import FORM, clear, download, enter, form, link_to, open_form  # noqa: F401 (form: a fixture)
from esafety_portal.templates import PLACEHOLDER_HELP, PLACEHOLDERS
from self_review.self_review_drive import open_review

RECORD = "esafety-school-details"


def stored(page) -> dict:
    raw = page.evaluate(f"() => localStorage.getItem('{RECORD}')")
    return json.loads(raw)["values"] if raw else {}


def test_every_placeholder_has_a_labelled_field_with_its_help(form):
    assert set(PLACEHOLDER_HELP) == set(PLACEHOLDERS)
    for name, label in PLACEHOLDERS.items():
        field = form.locator(f"#sd-{name}")
        assert form.locator(f"label[for='sd-{name}']").inner_text() == label
        help_id = field.get_attribute("aria-describedby")
        assert PLACEHOLDER_HELP[name] in form.inner_text(f"#{help_id}")
    assert "stay on this device" in form.inner_text(".sd-form")
    assert form.locator("#sd-needs-script").is_hidden() and form.locator("#sd-not-saving").is_hidden()


def test_the_form_and_every_template_page_link_to_each_other(page, site_url, content):
    for path in ["templates/"] + [f"templates/{t.id}/" for t in content.templates]:
        page.goto(site_url + path)
        page.click(".sd-invite a")
        assert page.url == site_url + FORM, path


def test_details_are_kept_on_this_device_and_cleared_on_request(form, site_url):
    enter(form, {"school_name": "Riverside Primary", "dsl": "Ms <Khan> & co"})
    assert "Saved on this device" in form.inner_text("#sd-saved")
    assert stored(form) == {"school_name": "Riverside Primary", "dsl": "Ms <Khan> & co"}
    form.reload()
    form.wait_for_selector("#sd-form:not([hidden])")
    assert form.input_value("#sd-dsl") == "Ms <Khan> & co"
    form.click("#sd-clear")
    form.click("#sd-clear-dialog button[value='keep']")
    assert form.input_value("#sd-dsl") == "Ms <Khan> & co"
    clear(form)
    assert stored(form) == {}
    assert form.evaluate("() => localStorage.length") == 0
    form.goto(site_url + "templates/esafety-policy/")
    assert form.locator("#sd-filling").is_hidden()


def test_another_tab_sees_a_change_at_once(page, site_url):
    open_form(page, site_url)
    other = open_form(page.context.new_page(), site_url)
    enter(page, {"headteacher": "Mr B Jones"})
    other.wait_for_function("() => document.getElementById('sd-headteacher').value === 'Mr B Jones'")
    enter(other, {"dsl": "Ms A Khan"})
    page.wait_for_function("() => document.getElementById('sd-dsl').value === 'Ms A Khan'")
    assert stored(page) == {"headteacher": "Mr B Jones", "dsl": "Ms A Khan"}


ACCESS_THROWS = """Object.defineProperty(window, 'localStorage', {
  configurable: true, get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); }});"""
SETITEM_THROWS = """Storage.prototype.setItem = function () {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };"""


@pytest.mark.parametrize("script", [SETITEM_THROWS, ACCESS_THROWS], ids=["setItem-throws", "access-throws"])
def test_where_nothing_is_kept_the_page_says_so_and_still_fills_its_downloads(browser, site_url, built_site, script):
    context = browser.new_context()
    context.add_init_script(script)
    try:
        page = open_form(context.new_page(), site_url)
        notice = page.locator("#sd-not-saving")
        assert notice.is_visible() and notice.get_attribute("role") == "alert"
        assert "not being saved on this device" in notice.inner_text()
        enter(page, {"school_name": "Riverside Primary"})
        assert "Not saved" in page.inner_text("#sd-saved") and "Saved on" not in page.inner_text("#sd-saved")
        filled = download(page, link_to("esafety-policy.md")).decode("utf-8")
        assert "Riverside Primary" in filled and "[[school_name]]" not in filled
    finally:
        context.close()


def test_a_school_name_typed_in_the_form_is_the_self_reviews(form, site_url):
    enter(form, {"school_name": "Riverside Primary"})
    review = open_review(form, site_url)
    assert review.input_value("#sr\\:school") == "Riverside Primary"
    # It is the self-review's own from its next change, and prints on its action plan.
    review.fill("#sr\\:school", "Riverside Primary School")
    open_form(review, site_url)
    assert review.input_value("#sd-school_name") == "Riverside Primary School"


def test_a_school_name_typed_in_the_self_review_fills_in_the_downloads(page, site_url):
    review = open_review(page, site_url)
    review.fill("#sr\\:school", "Hillside Academy")
    open_form(review, site_url)
    assert review.input_value("#sd-school_name") == "Hillside Academy"
    review.goto(site_url + "templates/aup-ks2/")
    assert "Hillside Academy" in download(review, link_to("aup-ks2.md")).decode("utf-8")


def test_details_dated_in_the_future_cannot_undo_the_schools_typing(page, site_url):
    # Issue 21: a record whose times lie far ahead (edited by hand, or saved under a wrong clock)
    # must not beat a real edit, as in the self-review.
    future = "2099-01-01T00:00:00.000Z"
    record = {"format": RECORD, "saved": "2026-01-01T00:00:00.000Z",
              "values": {"dsl": "Locked", "school_name": "Locked School"},
              "modified": {"dsl": future, "school_name": future}}
    open_form(page, site_url)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [RECORD, json.dumps(record)])
    page.reload()
    page.wait_for_selector("#sd-form:not([hidden])")
    assert enter(page, {"dsl": "Typed by the school", "school_name": "Riverside Primary"}) == {
        "dsl": "Typed by the school", "school_name": "Riverside Primary"}
    assert stored(page) == {"dsl": "Typed by the school", "school_name": "Riverside Primary"}
    raw = json.loads(page.evaluate(f"() => localStorage.getItem('{RECORD}')"))
    assert all(time < future for time in raw["modified"].values())
