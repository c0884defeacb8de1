"""A reviewable framework's self-review in real Chromium (the DfE filtering and monitoring
standards' annual review): its own fields per item and once per review are saved under its own
key, survive a reload, export to CSV and JSON, import back, print as a record for governors,
and never mix with the 2012 briefing's answers. Without JavaScript it is a paper checklist."""
from __future__ import annotations

import csv
import io
import json
import subprocess

import pytest

from gates.axe import axe_violations
from self_review_drive import PATH, import_bytes, open_review, rate, reopen, stored, watch_errors, write
from support.messages import click_then_read
from support.site import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
FW = "dfe-filtering-monitoring"
REVIEW_PATH = f"self-review/{FW}/"
SCHOOL = "Riverside Primary School"
# Once per review: field id -> (value typed, as printed).
REVIEW = {"review-date": ("2026-10-01", "1 October 2026"), "senior-leader": ("Asha Patel, deputy head", None),
          "governor": ("Tom Hughes", None), "dsl": ("Jo Brown", None), "it-support": ("County IT Services", None)}
# Per standard: id -> rating, and its fields (the four every review has, then the framework's own).
ANSWERS = {
    "dfe-fm-1": ("fully", {"evidence": "Roles minuted by governors, 12 Sept.", "checks": "",
                           "checked-on": "", "action": "", "who": "", "by": ""}),
    "dfe-fm-2": ("partly", {"evidence": "Review last year was not written down.",
                            "checks": "Tested 3 staff laptops and 5 pupil iPads on the guest and pupil networks.",
                            "checked-on": "2026-09-30", "action": "Write up this review and send it to governors",
                            "who": "Senior leader", "by": "2026-11-30"}),
}


@pytest.fixture
def review(page, site_url):
    return open_review(page, site_url, REVIEW_PATH)


@pytest.fixture(scope="module")
def rfw(built_site) -> dict:
    return json.loads((built_site / f"assets/self-review/{FW}.json").read_text("utf-8"))


def fill_in(page):
    page.fill("#sr\\:school", SCHOOL)
    for field, (value, _) in REVIEW.items():
        page.fill(f"#sr\\:review\\:{field}", value)
    for item_id, (rating, fields) in ANSWERS.items():
        rate(page, item_id, rating)
        for name, value in fields.items():
            write(page, item_id, name, value)


def assert_shown(page):
    assert page.input_value("#sr\\:school") == SCHOOL
    for field, (value, _) in REVIEW.items():
        assert page.input_value(f"#sr\\:review\\:{field}") == value, field
    for item_id, (rating, fields) in ANSWERS.items():
        assert page.is_checked(f"#sr\\:item\\:{item_id}\\:rating\\:{rating}"), item_id
        for name, value in fields.items():
            assert page.input_value(f"#sr\\:item\\:{item_id}\\:{name}") == value, (item_id, name)


def downloaded(page, button: str) -> bytes:
    with page.expect_download() as info:
        page.click(button)
    return open(info.value.path(), "rb").read()


def test_answers_and_the_reviews_own_fields_survive_a_reload_under_its_own_key(review):
    page = review
    errors = watch_errors(page)
    assert page.locator("#sr\\:checklist").is_hidden()
    # Every standard has the framework's own fields, labelled and described for screen readers.
    assert page.inner_text("label[for='sr:item:dfe-fm-3:checks']").startswith("Checks done")
    hint = page.get_attribute("#sr\\:item\\:dfe-fm-3\\:checks", "aria-describedby")
    assert "devices, sites and user groups" in page.inner_text(f"id={hint}")
    fill_in(page)
    assert_shown(reopen(page))
    keys = page.evaluate("() => Object.keys(localStorage)")
    assert f"esafety-self-review:{FW}" in keys
    record = stored(page)
    assert record["framework"] == FW
    assert record["items"][FW]["senior-leader"] == "Asha Patel, deputy head"  # once per review, under the framework's id
    assert record["items"]["dfe-fm-2"]["checks"].startswith("Tested 3 staff laptops")
    assert record["items"]["dfe-fm-2"]["checked-on"] == "2026-09-30"
    assert page.inner_text("#sr\\:overall") == "1 of 4 standards fully in place, 1 partly in place."
    assert errors == []


def test_csv_and_json_carry_every_field_and_the_json_imports_back(review):
    page = review
    fill_in(page)
    rows = list(csv.DictReader(io.StringIO(downloaded(page, "#sr\\:export-csv").decode("utf-8-sig"))))
    assert [r["Id"] for r in rows] == [FW, "dfe-fm-1", "dfe-fm-2", "dfe-fm-3", "dfe-fm-4"]
    assert rows[0]["Type"] == "Once per review" and rows[0]["Date of the review"] == "2026-10-01"
    assert rows[0]["Senior leader responsible for filtering and monitoring"] == "Asha Patel, deputy head"
    assert rows[0]["Governor responsible for filtering and monitoring"] == "Tom Hughes"
    second = rows[2]
    assert (second["Type"], second["Rating"], second["Checks done"], second["Date of the checks"], second["Next action"],
            second["Who"], second["By when"]) == ("Standard", "Partly in place", ANSWERS["dfe-fm-2"][1]["checks"],
                                                  "2026-09-30", "Write up this review and send it to governors",
                                                  "Senior leader", "2026-11-30")
    saved = downloaded(page, "#sr\\:export-json")
    data = json.loads(saved)
    assert data["framework"] == FW and data["school"] == SCHOOL
    records = {r["id"]: r for r in data["items"]}
    assert records[FW]["kind"] == "review" and records[FW]["governor"] == "Tom Hughes"
    assert records["dfe-fm-2"]["checks"] == ANSWERS["dfe-fm-2"][1]["checks"]
    assert records["dfe-fm-3"]["checks"] == ""  # every field, filled in or not
    # Cleared, then imported: everything is back.
    page.click("#sr\\:reset")
    assert click_then_read(page, "#sr\\:reset-confirm", "sr:message").startswith("All answers were cleared")
    assert page.input_value("#sr\\:review\\:governor") == "" and page.input_value("#sr\\:item\\:dfe-fm-2\\:checks") == ""
    assert "Imported" in import_bytes(page, "review.json", saved)
    assert_shown(page)
    assert_shown(reopen(page))


def test_answers_of_two_frameworks_never_mix(review, site_url, fw):
    page = review
    fill_in(page)
    ours = downloaded(page, "#sr\\:export-json")
    # The 2012 briefing's page: its own key, none of these answers, and it refuses this file.
    open_review(page, site_url, PATH)
    assert page.input_value("#sr\\:item\\:feature-01\\:evidence") == ""
    rate(page, "feature-01", "fully")
    write(page, "feature-01", "evidence", "Whole-staff briefing")
    theirs = downloaded(page, "#sr\\:export-json")
    said = import_bytes(page, "filtering-review.json", ours)
    assert "a different framework" in said and "Nothing was changed" in said
    assert page.input_value("#sr\\:item\\:feature-01\\:evidence") == "Whole-staff briefing"
    keys = sorted(k for k in page.evaluate("() => Object.keys(localStorage)") if k.startswith("esafety-self-review:"))
    assert keys == sorted([f"esafety-self-review:{fw['id']}", f"esafety-self-review:{FW}"])
    # And the other way round.
    open_review(page, site_url, REVIEW_PATH)
    said = import_bytes(page, "ofsted-2012.json", theirs)
    assert "a different framework" in said and "Nothing was changed" in said
    assert_shown(page)
    record = json.loads(page.evaluate("key => localStorage.getItem(key)", f"esafety-self-review:{FW}"))
    assert "feature-01" not in record["items"] and "dfe-fm-2" in record["items"]


def test_it_prints_as_a_record_for_governors(review, tmp_path, rfw):
    page = review
    fill_in(page)
    page.emulate_media(media="print")
    assert page.locator("#sr\\:plan").is_visible() and page.locator("#sr\\:sections").is_hidden()
    pdf = tmp_path / "review.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert f"Annual filtering and monitoring review: {SCHOOL}" in text
    for field, (value, printed) in REVIEW.items():
        assert (printed or value) in text, field
    # Each value beside its label (labels wrap in the PDF's text, so paired here in the page).
    pairs = dict(zip(page.locator(".sr-plan-review dt").all_inner_texts(),
                     page.locator(".sr-plan-review dd").all_inner_texts()))
    assert pairs["Senior leader responsible for filtering and monitoring"] == "Asha Patel, deputy head"
    assert pairs["Governor responsible for filtering and monitoring"] == "Tom Hughes"
    assert pairs["Date of the review"] == "1 October 2026"
    for item in rfw["themes"][0]["items"]:  # a section per standard, with every field
        assert item["title"] in text, item["id"]
    assert "Checks done Tested 3 staff laptops and 5 pupil iPads on the guest and pupil networks." in text
    assert "Date of the checks 30 September 2026" in text
    # The actions table, after the standards' sections (its cells wrap in the PDF: checked in the page).
    assert text.index("Actions Item") > text.index("Monitor in ways that meet")
    actions = page.locator("#sr\\:plan-action tr")
    assert actions.first.locator("th").inner_text() == "Review filtering and monitoring at least annually"
    assert actions.first.locator("td").all_inner_texts() == [
        "Partly in place", "Write up this review and send it to governors", "Senior leader", "30 November 2026",
        "Review last year was not written down."]


def test_without_javascript_it_is_a_complete_printable_checklist(browser, site_url, rfw):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + REVIEW_PATH)
        assert page.locator("#sr\\:tool").is_hidden()
        checklist = page.locator("#sr\\:checklist")
        assert checklist.is_visible()
        for item in rfw["themes"][0]["items"]:
            link = checklist.locator(f'td:first-child a[href$="{item["url"]}"]')
            assert link.count() == 1 and link.inner_text() == item["title"], item["id"]
        text = checklist.inner_text()
        for field in rfw["review_fields"]:
            assert field["label"] in text, field["id"]
        assert "Evidence, checks done, date of the checks, next action, who and by when" in text
        page.emulate_media(media="print")
        assert checklist.is_visible() and page.locator(".md-header").is_hidden()
    finally:
        context.close()


def test_the_framework_page_links_to_its_review_and_the_nav_lists_it(built_site):
    page = (built_site / "frameworks" / FW / "index.html").read_text("utf-8")
    assert f'href="../../self-review/{FW}/"' in page
    home = (built_site / "index.html").read_text("utf-8")
    assert f'href="self-review/{FW}/"' in home


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_empty_or_filled_in(browser, site_url, scheme):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make node_modules` (npm ci)")
    # bypass_csp: axe is injected as an inline script, which the site's own CSP rightly refuses.
    context = browser.new_context(bypass_csp=True, color_scheme=scheme)
    try:
        page = open_review(context.new_page(), site_url, REVIEW_PATH)
        assert axe_violations(page, AXE) == [], "on the empty form"
        fill_in(page)
        assert axe_violations(page, AXE) == [], "filled in"
    finally:
        context.close()


@pytest.mark.parametrize("path", [REVIEW_PATH, PATH])
def test_item_text_reads_as_it_does_on_the_page_not_as_markdown(page, site_url, path):
    """Bold, italic and links in an item's text show as they do on the framework's page (the
    site's own rendering, reused from the checklist), never as `**` and brackets."""
    open_review(page, site_url, path)
    shown = page.evaluate("""() => Array.from(document.querySelectorAll('#sr\\\\:sections .sr-item')).map(article => {
        const text = article.querySelector('[data-slot="text"]');
        const made = document.querySelector(`#sr\\\\:checklist [data-item-text="${article.dataset.id}"]`);
        return [article.dataset.id, text.innerHTML, made ? made.innerHTML : null, text.textContent];
    })""")
    assert shown
    for item_id, html, rendered, text in shown:
        assert html == rendered, item_id
        assert "**" not in text and "](" not in text, f"{item_id} shows raw Markdown: {text}"
