"""The incident record page in real Chromium: typing is kept across reloads and tabs, a guide's
steps are a checklist, the downloads (.docx, .odt, JSON) hold the record and JSON imports back,
clearing asks first, a version-1 record stored by hand loads, axe finds nothing in either colour
scheme, and the page prints as a blank form without JavaScript."""
from __future__ import annotations

import io
import json

import docx
import pytest
from odf import opendocument, teletype
from odf import text as odf_text

from gates.axe import axe_violations
from record_drive import GUIDES_DATA, KEY, PATH, downloaded, field, open_record, serve_guides, step, stored
from support.messages import click_then_read
from support.site import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SEEN = "A pupil showed a teacher an image on her phone.\nThe teacher did not look at it.\n=cmd|' /C calc'!A0 <b>&"


@pytest.fixture
def context(browser):
    context = browser.new_context(accept_downloads=True)
    yield context
    context.close()


@pytest.fixture
def record(context, site_url):
    serve_guides(context)
    return open_record(context.new_page(), site_url)


def fill_record(page):
    page.fill(field("school"), "Riverside Primary")
    page.fill(field("happened"), "2026-12-04T09:30")
    page.fill(field("seen"), SEEN)
    page.fill(field("told"), "DSL at 09:40")


def test_what_is_typed_is_kept_across_a_reload_under_a_versioned_key(record):
    page = record
    fill_record(page)
    saved = stored(page)
    assert saved["format"] == KEY and saved["version"] == 1
    assert saved["values"]["seen"] == SEEN
    page.reload()
    page.locator("#ir\\:export-docx").wait_for(state="visible")
    assert page.input_value(field("seen")) == SEEN
    assert page.input_value(field("happened")) == "2026-12-04T09:30"
    assert page.inner_text("#ir\\:saved").startswith("Last saved on this device")


def test_a_guide_from_the_address_gives_its_steps_as_a_checklist_with_times(context, site_url):
    serve_guides(context)
    page = open_record(context.new_page(), site_url, "?guide=shared-nudes")
    assert page.input_value("#ir\\:guide") == "shared-nudes"
    steps = GUIDES_DATA[0]["steps"]
    assert page.locator("#ir\\:steps li").count() == len(steps)
    assert page.inner_text("#ir\\:steps").splitlines()[0].strip().startswith(steps[0]["title"])
    page.check(step("tell-dsl", "done"))
    at = page.input_value(step("tell-dsl", "at"))
    assert len(at) == 16 and at[10] == "T"  # ticked now, as a date and time the school can correct
    values = stored(page)["values"]
    assert values["guide"] == "shared-nudes" and values["step:tell-dsl:done"] == "yes"
    page.goto(site_url + PATH)  # no ?guide= now: the record keeps its own
    page.locator(step("tell-dsl", "done")).wait_for()
    assert page.is_checked(step("tell-dsl", "done")) and not page.is_checked(step("record", "done"))
    assert page.locator("#ir\\:guide-other").is_hidden()
    # Opened from another guide's page: the record keeps its own, and says so.
    open_record(page, site_url, "?guide=sextortion")
    page.locator(step("tell-dsl", "done")).wait_for()
    assert page.input_value("#ir\\:guide") == "shared-nudes"
    assert "follows another guide" in page.inner_text("#ir\\:guide-other")
    page.select_option("#ir\\:guide", "sextortion")
    assert page.locator("#ir\\:steps li").count() == 1


def test_without_guides_the_form_works_and_no_checklist_shows(context, site_url):
    serve_guides(context, [])  # a portal with no response guides: guides.json lists none
    page = open_record(context.new_page(), site_url, "?guide=shared-nudes")
    assert page.locator("#ir\\:guide-panel").is_hidden()
    page.fill(field("seen"), "Still works")
    assert stored(page)["values"] == {"seen": "Still works"}


def test_two_tabs_keep_each_others_changes(context, site_url):
    one, two = open_record(context.new_page(), site_url), open_record(context.new_page(), site_url)
    one.fill(field("seen"), "From tab one")
    # Tab two, opened before tab one typed, types once it shows tab one's change, as a person moving
    # between tabs does (tests/self_review/test_tabs.py says why, and tests a tab that has not heard).
    two.wait_for_function("() => document.getElementById('ir:field:seen').value === 'From tab one'", timeout=5000)
    two.fill(field("told"), "From tab two")
    one.wait_for_function("() => document.getElementById('ir:field:told').value === 'From tab two'", timeout=5000)
    assert stored(one)["values"] == {"seen": "From tab one", "told": "From tab two"}


def test_downloads_hold_the_record_and_json_imports_back(context, site_url):
    serve_guides(context)
    page = open_record(context.new_page(), site_url, "?guide=shared-nudes")
    fill_record(page)
    page.check(step("tell-dsl", "done"))
    name, data = downloaded(page, "#ir\\:export-docx")
    assert name.startswith("incident-record-") and name.endswith(".docx")
    lines = [line for p in docx.Document(io.BytesIO(data)).paragraphs for line in p.text.split("\n")]
    for line in SEEN.split("\n") + ["Riverside Primary", "4 December 2026 at 09:30", GUIDES_DATA[0]["title"]]:
        assert line in lines, line
    assert any(line.startswith("1. Tell the DSL straight away: done, ") for line in lines)
    assert "2. The DSL's initial review: not done" in lines
    _, data = downloaded(page, "#ir\\:export-odt")
    odt = "\n".join(teletype.extractText(p) for p in opendocument.load(io.BytesIO(data)).text.getElementsByType(odf_text.P))
    assert SEEN in odt and "Riverside Primary" in odt
    _, copy = downloaded(page, "#ir\\:export-json")
    exported = json.loads(copy)
    assert exported["format"] == KEY and exported["version"] == 1 and exported["values"]["seen"] == SEEN

    # Cleared, then imported: the record comes back as it was (no question: nothing to merge with).
    clear(page)
    assert stored(page) is None and page.input_value(field("seen")) == ""
    page.set_input_files("#ir\\:import", files=[{"name": "copy.json", "mimeType": "application/json", "buffer": copy}])
    page.locator("#ir\\:message").filter(has_text="Imported").wait_for()
    assert page.input_value(field("seen")) == SEEN and page.is_checked(step("tell-dsl", "done"))

    # Over a record: the school chooses; replace keeps only the file's.
    page.fill(field("actions"), "Only on this device")
    page.set_input_files("#ir\\:import", files=[{"name": "copy.json", "mimeType": "application/json", "buffer": copy}])
    page.locator("#ir\\:import-dialog").wait_for(state="visible")
    assert "1 removed" in page.inner_text("#ir\\:import-replace-summary")
    # The line still says what the first import said: read what it says next.
    assert click_then_read(page, "#ir\\:import-replace", "ir:message").startswith("Imported copy.json")
    assert page.input_value(field("actions")) == "" and "actions" not in stored(page)["values"]

    bad = b'{"format": "esafety-self-review", "items": []}'
    page.set_input_files("#ir\\:import", files=[{"name": "bad.json", "mimeType": "application/json", "buffer": bad}])
    page.locator("#ir\\:message").filter(has_text="Nothing was changed").wait_for()
    assert page.input_value(field("seen")) == SEEN


def clear(page, confirm: bool = True):
    page.click("#ir\\:clear")
    page.locator("#ir\\:clear-dialog").wait_for(state="visible")
    if confirm:  # cleared in the dialog's close event, after the click has returned
        assert click_then_read(page, "#ir\\:clear-confirm", "ir:message") == "The record was cleared from this device."
    else:
        page.click("#ir\\:clear-dialog button[value=keep]")
        page.locator("#ir\\:clear-dialog").wait_for(state="hidden")


def test_clearing_asks_first(record):
    page = record
    page.fill(field("seen"), "Something")
    clear(page, confirm=False)
    assert stored(page)["values"]["seen"] == "Something"
    clear(page)
    assert stored(page) is None
    assert page.input_value(field("seen")) == ""
    page.reload()
    page.locator("#ir\\:export-docx").wait_for(state="visible")
    assert page.input_value(field("seen")) == ""


def test_a_version_1_record_stored_by_hand_loads(context, site_url):
    """The stored format from day one: a record as version 1 of the page wrote it."""
    version_1 = {"format": KEY, "version": 1, "saved": "2026-12-04T10:00:00.000Z",
                 "values": {"seen": "Written by version 1\nline two", "happened": "2026-12-04T09:30",
                            "guide": "shared-nudes", "step:tell-dsl:done": "yes", "step:tell-dsl:at": "2026-12-04T10:05"},
                 "modified": {"seen": "2026-12-04T10:00:00.000Z"}}
    context.add_init_script(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(json.dumps(version_1))})")
    serve_guides(context)
    page = open_record(context.new_page(), site_url)
    page.locator(step("tell-dsl", "at")).wait_for()
    assert page.input_value(field("seen")) == "Written by version 1\nline two"
    assert page.input_value("#ir\\:guide") == "shared-nudes"
    assert page.input_value(step("tell-dsl", "at")) == "2026-12-04T10:05"
    page.fill(field("told"), "DSL")  # and it is saved on, in today's format, keeping what it had
    assert stored(page)["values"]["seen"] == "Written by version 1\nline two"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_empty_or_filled(browser, site_url, scheme):
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)  # axe is injected inline
    serve_guides(context)
    page = open_record(context.new_page(), site_url, "?guide=shared-nudes")
    try:
        assert axe_violations(page, AXE) == []
        fill_record(page)
        page.check(step("tell-dsl", "done"))
        assert axe_violations(page, AXE) == []
        page.focus("#ir\\:clear")
        page.keyboard.press("Enter")
        page.locator("#ir\\:clear-dialog").wait_for(state="visible")
        assert axe_violations(page, AXE) == []
    finally:
        context.close()


def test_without_javascript_the_page_prints_as_a_blank_form(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + PATH)
    page.emulate_media(media="print")
    for name in ("school", "happened", "seen", "told", "decisions", "actions", "follow-up"):
        assert page.locator(field(name)).is_visible(), name
    assert page.locator("#ir\\:export-docx").is_hidden() and page.locator("#ir\\:guide-panel").is_hidden()
    assert page.locator(".ir-warning").is_visible()
    assert page.pdf(format="A4")[:5] == b"%PDF-"
    page.emulate_media(media="screen")
    # On screen, the blank documents are there to download.
    assert page.locator("#ir\\:blank-docx").is_visible() and page.locator("#ir\\:blank-odt").is_visible()
    context.close()


def test_with_javascript_the_record_prints_as_text(record):
    page = record
    fill_record(page)
    page.emulate_media(media="print")
    assert page.locator(field("seen")).is_hidden()
    printed = page.inner_text("#ir\\:printed")
    assert "A pupil showed a teacher an image on her phone." in printed and "4 December 2026 at 09:30" in printed
    assert page.locator(".esafety-print-url").is_visible()


@pytest.mark.parametrize("refusal", ["setItem throws", "localStorage throws"])
def test_where_the_browser_keeps_nothing_the_page_says_so_and_downloads_still_work(browser, site_url, refusal):
    script = {"setItem throws": "Storage.prototype.setItem = function () { throw new DOMException('full', "
                                "'QuotaExceededError'); };",
              "localStorage throws": "Object.defineProperty(window, 'localStorage', {configurable: true, "
                                     "get() { throw new DOMException('denied', 'SecurityError'); }});"}[refusal]
    context = browser.new_context(accept_downloads=True)
    context.add_init_script(script)
    try:
        page = open_record(context.new_page(), site_url)
        notice = page.locator("#ir\\:not-saving")
        assert notice.is_visible() and notice.get_attribute("role") == "alert"
        page.fill(field("seen"), "Kept only while the page is open")
        assert page.inner_text("#ir\\:saved").startswith("Not saved")
        _, data = downloaded(page, "#ir\\:export-docx")
        assert "Kept only while the page is open" in [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    finally:
        context.close()
