"""The self-review tool by keyboard alone, and axe-core (WCAG 2.2 AA) before and after use."""
from __future__ import annotations

import json

import pytest

from gates.axe import axe_violations
from self_review_drive import open_review, rate, stored, write
from support.messages import click_then_read, next_message, watch_message
from support.site import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# Gives every visible control in the tool a key; a radio group counts as one tab stop.
MARK_CONTROLS = """() => {
  const tool = document.getElementById('sr:tool');
  const controls = [...tool.querySelectorAll('a[href], button, input, textarea, select')]
    .filter(el => el.getClientRects().length > 0);
  controls.forEach((el, i) => { el.dataset.kb = el.type === 'radio' ? 'radio:' + el.name : 'control:' + i; });
  return [...new Set(controls.map(el => el.dataset.kb))];
}"""
FOCUSED = "() => document.activeElement && document.activeElement.dataset.kb || null"


def focused(page):
    return page.evaluate(FOCUSED)


def tab_to(page, predicate: str, limit: int = 400):
    """Press Tab until `predicate` (JS, on document.activeElement) holds."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => {{ const el = document.activeElement; return Boolean({predicate}); }}"):
            return
    pytest.fail(f"Tab never reached an element where {predicate}")


def test_every_control_is_reachable_by_tab(review):
    page = review
    rate(page, "feature-01", "fully")  # so the summary's lists and links are all there
    expected = set(page.evaluate(MARK_CONTROLS))
    assert len(expected) > 100  # 24 items with a rating and four fields each, and the rest
    page.focus("#sr\\:school")
    page.keyboard.press("Shift+Tab")  # start just before the tool
    reached = []
    for _ in range(1500):
        page.keyboard.press("Tab")
        key = focused(page)
        if key is None and reached:
            break  # left the tool
        if key and (not reached or reached[-1] != key):
            reached.append(key)
    assert set(reached) == expected, f"not reachable by Tab: {sorted(expected - set(reached))[:10]}"


def test_every_kind_of_control_is_operable_from_the_keyboard(review, content, tmp_path):
    page = review
    # Playwright turns on file-chooser interception without waiting for it (fire and forget) when
    # the first listener arrives; subscribing now, long before the key press, keeps a busy machine
    # from opening the picker before interception is on (seen once in CI as a 30 s timeout).
    page.on("filechooser", lambda chooser: None)
    title = content.get("inadequate-01").title

    # School name, then a rating: Space picks the first choice, arrows move along.
    page.focus("#sr\\:school")
    page.keyboard.type("Hillside Academy")
    tab_to(page, "el.name === 'sr:item:inadequate-01:rating'")
    page.keyboard.press("Space")
    assert page.is_checked("#sr\\:item\\:inadequate-01\\:rating\\:not")
    page.keyboard.press("ArrowRight")
    assert page.is_checked("#sr\\:item\\:inadequate-01\\:rating\\:partly")
    assert page.inner_text("#sr\\:item\\:inadequate-01 .sr-badge") == "Partly dealt with"
    assert page.inner_text("#sr\\:announce").startswith(f"{title}: Partly dealt with.")
    assert page.get_attribute("#sr\\:announce", "aria-live") == "polite"

    # The text fields, in order.
    for field, text in (("evidence", "Audit of laptops, November"), ("action", "Encrypt the rest"), ("who", "Bursar")):
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.id") == f"sr:item:inadequate-01:{field}"
        page.keyboard.type(text)
    saved = stored(page)
    assert saved["school"] == "Hillside Academy"
    assert saved["items"]["inadequate-01"].pop("modified")  # when it changed, for merging with other tabs
    assert saved["items"]["inadequate-01"] == {"rating": "partly", "evidence": "Audit of laptops, November",
                                               "action": "Encrypt the rest", "who": "Bursar", "by": ""}

    # Buttons: Enter and Space both work.
    page.focus("#sr\\:school")
    tab_to(page, "el.id === 'sr:export-json'")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    exported = json.loads(open(info.value.path(), "rb").read())
    page.focus("#sr\\:export-csv")
    with page.expect_download():
        page.keyboard.press("Space")

    # The file picker opens from the keyboard; importing asks merge or replace (Enter merges,
    # the choice focused first) and announces its result.
    copy = tmp_path / "copy.json"
    exported["items"][0]["who"] = "Business manager"
    exported["items"][0]["modified"] = "2099-01-01T00:00:00.000Z"  # newer than the answer here
    copy.write_text(json.dumps(exported), "utf-8")
    page.focus("#sr\\:export-csv")
    tab_to(page, "el.id === 'sr:import'", limit=5)
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(str(copy))
    page.locator("#sr\\:import-dialog").wait_for(state="visible")
    assert page.evaluate("() => document.activeElement.id") == "sr:import-merge"
    watch_message(page, "sr:message")  # the line still says what the CSV download said
    page.keyboard.press("Enter")
    assert next_message(page).startswith("Imported copy.json")
    assert page.evaluate("() => document.activeElement.id") == "sr:import"  # focus comes back
    assert page.input_value("#sr\\:item\\:inadequate-01\\:who") == "Business manager"

    # Reset: Enter opens the confirmation with "keep" focused; Escape keeps everything;
    # Tab then Enter on "Clear everything" clears.
    tab_to(page, "el.id === 'sr:reset'", limit=10)
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.textContent") == "Keep my answers"
    page.keyboard.press("Escape")
    assert page.is_hidden("#sr\\:reset-dialog") and stored(page) is not None
    assert page.evaluate("() => document.activeElement.id") == "sr:reset"  # focus comes back
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "sr:reset-confirm"
    watch_message(page, "sr:message")  # the dialog's choice is acted on after it closes
    page.keyboard.press("Enter")
    assert next_message(page).startswith("All answers were cleared")
    assert stored(page) is None and not page.is_checked("#sr\\:item\\:inadequate-01\\:rating\\:partly")
    assert page.evaluate("() => document.activeElement.id") == "sr:reset"


IMPORT = {"format": "esafety-self-review", "framework": "", "items": [{"id": "feature-01", "rating": "not"}]}


@pytest.fixture(params=["light", "dark"])
def axe_page(request, browser, site_url):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make node_modules` (npm ci)")
    # bypass_csp: axe is injected as an inline script, which the site's own CSP rightly refuses.
    context = browser.new_context(bypass_csp=True, color_scheme=request.param)
    page = open_review(context.new_page(), site_url)
    expected = "slate" if request.param == "dark" else "default"
    assert page.get_attribute("body", "data-md-color-scheme") == expected
    yield page
    context.close()


def test_axe_finds_no_violation_before_or_after_use(axe_page, fw):
    page = axe_page
    IMPORT["framework"] = fw["id"]
    assert axe_violations(page, AXE) == [], "on the empty form"
    page.fill("#sr\\:school", "Riverside Primary School")
    for item_id, rating in (("inadequate-01", "not"), ("inadequate-02", "partly"), ("inadequate-03", "fully"),
                            ("feature-01", "fully"), ("feature-02", "partly"), ("feature-05", "not")):
        rate(page, item_id, rating)
        write(page, item_id, "evidence", "Some evidence")
    page.set_input_files("#sr\\:import", files=[{"name": "bad.json", "mimeType": "application/json", "buffer": b"nope"}])
    page.locator("#sr\\:message").wait_for(state="visible")
    assert axe_violations(page, AXE) == [], "with answers, badges and a message"
    page.click("#sr\\:reset")
    assert axe_violations(page, AXE) == [], "with the reset confirmation open"
    click_then_read(page, "#sr\\:reset-confirm", "sr:message")  # cleared in the dialog's close event
    assert axe_violations(page, AXE) == [], "with the undo button"
    page.click("#sr\\:undo")
    page.set_input_files("#sr\\:import", files=[{"name": "copy.json", "mimeType": "application/json",
                                               "buffer": json.dumps(IMPORT).encode()}])
    page.locator("#sr\\:import-dialog").wait_for(state="visible")
    assert axe_violations(page, AXE) == [], "with the import question open"


# Storage refuses every write; the page's own test hook keeps a way to plant a record.
REFUSING = """const setItem = Storage.prototype.setItem;
window.__plant = (key, value) => setItem.call(localStorage, key, value);
Storage.prototype.setItem = function () { throw new DOMException('Full', 'QuotaExceededError'); };"""


def test_axe_finds_no_violation_in_the_notices(axe_page, fw):
    """The "not being saved" and "the framework changed" notices, both showing."""
    page = axe_page
    page.context.add_init_script(REFUSING)
    record = {"format": "esafety-self-review", "framework": fw["id"], "saved": "2026-01-01T00:00:00.000Z",
              "items": {"inadequate-99": {"rating": "not"}}, "fingerprints": {"inadequate-99": "12345678"}}
    page.reload()
    page.evaluate("([key, value]) => window.__plant(key, value)", [f"esafety-self-review:{fw['id']}", json.dumps(record)])
    page.reload()
    page.locator("#sr\\:tool").wait_for(state="visible")
    assert page.is_visible("#sr\\:not-saving") and page.is_visible("#sr\\:changed")
    assert axe_violations(page, AXE) == [], "with both notices"
