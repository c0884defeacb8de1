"""The self-review tool in real Chromium: answers survive a reload, the summary counts them,
exports match, imports restore (or refuse and change nothing), print gives the action plan."""
from __future__ import annotations

import csv
import io
import json

from self_review_drive import import_bytes, open_review, rate, stored, write
from support.messages import click_then_read

# A school's partial self-review: item id -> (rating, evidence, next action, who, by when).
ANSWERS = {
    "inadequate-01": ("not", "Staff laptops are not encrypted.", "Encrypt every laptop", "IT technician", "2026-12-18"),
    "inadequate-02": ("fully", "Password policy enforced since September.", "", "", ""),
    "feature-01": ("fully", "Whole-staff briefing, 4 Sept; sign-in sheet.", "", "", ""),
    "feature-02": ("partly", "On the SLT agenda once a term.", "Make it a standing item", "Headteacher", "2027-01-10"),
    "feature-05": ("not", "", "Agree a reporting route with the DSL", "DSL", "2026-12-01"),
}
SCHOOL = "Riverside Primary School"


def enter_answers(page, answers=ANSWERS):
    page.fill("#sr\\:school", SCHOOL)
    for item_id, (rating, evidence, action, who, by) in answers.items():
        rate(page, item_id, rating)
        write(page, item_id, "evidence", evidence)
        write(page, item_id, "action", action)
        write(page, item_id, "who", who)
        write(page, item_id, "by", by)


def assert_answers_shown(page, answers=ANSWERS):
    assert page.input_value("#sr\\:school") == SCHOOL
    for item_id, (rating, evidence, action, who, by) in answers.items():
        assert page.is_checked(f"#sr\\:item\\:{item_id}\\:rating\\:{rating}"), item_id
        assert page.input_value(f"#sr\\:item\\:{item_id}\\:evidence") == evidence
        assert page.input_value(f"#sr\\:item\\:{item_id}\\:action") == action
        assert page.input_value(f"#sr\\:item\\:{item_id}\\:who") == who
        assert page.input_value(f"#sr\\:item\\:{item_id}\\:by") == by


def test_answers_survive_a_reload_and_the_summary_counts_them(review, content, fw):
    page = review
    assert page.locator("#sr\\:checklist").is_hidden()  # the script replaced the paper checklist
    enter_answers(page)
    page.reload()
    page.locator("#sr\\:tool").wait_for(state="visible")
    assert_answers_shown(page)
    # The rating shows in words, not colour alone.
    assert page.inner_text("#sr\\:item\\:feature-02 .sr-badge") == "Partly in place"
    assert page.inner_text("#sr\\:item\\:inadequate-01 .sr-badge") == "Still applies"
    assert page.inner_text("#sr\\:item\\:feature-03 .sr-badge") == "Not yet rated"

    features, indicators = len(content.placed_items("feature")), len(content.placed_items("inadequate"))
    assert page.inner_text("#sr\\:overall") == (
        f"1 of {features} features of good practice fully in place, 1 partly in place. "
        f"1 of {indicators} indicators of inadequate practice dealt with.")
    first_theme = content.placed_groups("theme")[0]
    row = page.locator("#sr\\:theme-rows tr").first
    assert row.locator("th").inner_text() == first_theme.title
    # feature-01 fully, feature-02 partly, the rest of the theme unrated.
    assert row.locator("td").all_inner_texts() == ["1", "1", "0", str(len(first_theme.items) - 2)]

    # Indicators that still apply come first in the summary; the one dealt with is not listed.
    open_indicators = page.locator("#sr\\:open-indicators li").all_inner_texts()
    assert len(open_indicators) == indicators - 1
    assert open_indicators[0].startswith(content.get("inadequate-01").title + " (Still applies)")
    assert not any(text.startswith(content.get("inadequate-02").title) for text in open_indicators)

    # A question is answered well only when every feature it probes is fully in place.
    fully = {i for i, a in ANSWERS.items() if a[0] == "fully"}
    expected = [q["text"] for q in fw["questions"] if not set(q["probes"]) <= fully]
    shown = [link for link in page.locator("#sr\\:open-questions li a").all_inner_texts()]
    assert shown == expected
    probing_only_feature_01 = [q for q in fw["questions"] if set(q["probes"]) == {"feature-01"}]
    for question in probing_only_feature_01:
        assert question["text"] not in shown

    # The saved record is keyed by the framework id and the items' stable ids.
    saved = stored(page)
    assert saved["framework"] == fw["id"] and saved["school"] == SCHOOL
    assert saved["items"]["feature-02"]["rating"] == "partly"


def test_rating_every_probe_fully_answers_the_question(review, fw):
    page = review
    question = fw["questions"][0]
    for item_id in question["probes"]:
        rate(page, item_id, "fully")
    assert question["text"] not in page.locator("#sr\\:open-questions").inner_text()
    rate(page, question["probes"][0], "partly")
    assert question["text"] in page.locator("#sr\\:open-questions").inner_text()


def download(page, button):
    with page.expect_download() as info:
        page.click(button)
    download = info.value
    return download.suggested_filename, open(download.path(), "rb").read()


def test_exports_match_what_was_entered_and_the_json_imports_into_a_fresh_browser(review, browser, site_url, content, fw):
    page = review
    enter_answers(page)
    write(page, "feature-03", "who", "=HYPERLINK(\"http://example.com\")")

    name, data = download(page, "#sr\\:export-csv")
    assert name.endswith(".csv") and "riverside-primary-school" in name
    assert data.startswith("\ufeff".encode("utf-8"))  # Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["Id", "Type", "Theme", "Item", "Rating", "Evidence", "Next action", "Who", "By when"]
    assert [r[0] for r in rows[1:]] == [i.id for i in content.placed_items("inadequate")] + [f.id for f in content.placed_items("feature")]
    by_id = {r[0]: r for r in rows[1:]}
    assert by_id["feature-02"] == ["feature-02", "Feature of good practice", content.placed_groups("theme")[0].title,
                                   content.get("feature-02").title, "Partly in place",
                                   "On the SLT agenda once a term.", "Make it a standing item", "Headteacher", "2027-01-10"]
    assert by_id["inadequate-01"][4] == "Still applies"
    # A note that looks like a formula stays text in Excel.
    assert by_id["feature-03"][4:] == ["Not yet rated", "", "", "'=HYPERLINK(\"http://example.com\")", ""]

    name, data = download(page, "#sr\\:export-json")
    assert name.endswith(".json")
    exported = json.loads(data)
    assert exported["format"] == "esafety-self-review" and exported["framework"] == fw["id"]
    assert exported["school"] == SCHOOL
    records = {r["id"]: r for r in exported["items"]}
    for item_id, (rating, evidence, action, who, by) in ANSWERS.items():
        assert {k: records[item_id][k] for k in ("rating", "evidence", "action", "who", "by")} == {
            "rating": rating, "evidence": evidence, "action": action, "who": who, "by": by}

    fresh = browser.new_context()  # a different browser profile: empty localStorage
    try:
        other = open_review(fresh.new_page(), site_url)
        assert stored(other) is None
        other.set_input_files("#sr\\:import", files=[{"name": name, "mimeType": "application/json", "buffer": data}])
        other.locator("#sr\\:message").wait_for(state="visible")
        assert "Imported" in other.inner_text("#sr\\:message")
        assert_answers_shown(other)
        other.reload()
        other.locator("#sr\\:tool").wait_for(state="visible")
        assert_answers_shown(other)
        assert other.inner_text("#sr\\:overall") == page.inner_text("#sr\\:overall")
    finally:
        fresh.close()


def test_a_malformed_or_foreign_import_is_refused_and_changes_nothing(review, fw):
    page = review
    enter_answers(page)
    before = stored(page)

    said = import_bytes(page, "notes.json", b"{ this is not json")
    assert "not valid JSON" in said and "Nothing was changed" in said
    assert stored(page) == before
    assert_answers_shown(page)

    foreign = {"format": "esafety-self-review", "framework": "some-other-framework", "items": [
        {"id": "feature-01", "rating": "not"}]}
    said = import_bytes(page, "other.json", json.dumps(foreign).encode())
    assert "different framework" in said and "some-other-framework" in said and "Nothing was changed" in said
    assert stored(page) == before
    assert_answers_shown(page)

    not_ours = {"name": "a spreadsheet", "rows": []}
    said = import_bytes(page, "other.json", json.dumps(not_ours).encode())
    assert "not a self-review copy" in said and "Nothing was changed" in said

    damaged = {"format": "esafety-self-review", "framework": fw["id"], "items": [
        {"id": "feature-01", "rating": "fully"}, {"id": "feature-02", "rating": "brilliant"}]}
    said = import_bytes(page, "damaged.json", json.dumps(damaged).encode())
    assert "item 2" in said and "Nothing was changed" in said
    assert stored(page) == before
    assert_answers_shown(page)
    assert page.get_attribute("#sr\\:message", "role") == "status"  # announced to screen readers


def test_items_no_longer_in_the_framework_are_reported_and_kept(review, fw):
    page = review
    old = {"format": "esafety-self-review", "framework": fw["id"], "school": SCHOOL, "items": [
        {"id": "feature-01", "rating": "fully", "evidence": "Briefing", "action": "", "who": "", "by": ""},
        {"id": "feature-retired-99", "rating": "partly", "evidence": "Old evidence", "action": "Old action",
         "who": "Bursar", "by": "2026-01-01"}]}
    said = import_bytes(page, "last-year.json", json.dumps(old).encode())
    assert "feature-retired-99" in said and "no longer in the framework" in said
    assert page.is_checked("#sr\\:item\\:feature-01\\:rating\\:fully")
    retired = page.locator("#sr\\:retired")
    assert retired.is_visible() and "feature-retired-99" in retired.inner_text() and "Old evidence" in retired.inner_text()
    # Still there after a reload, and carried into the next export.
    page.reload()
    page.locator("#sr\\:tool").wait_for(state="visible")
    assert "feature-retired-99" in page.inner_text("#sr\\:retired")
    _, data = download(page, "#sr\\:export-json")
    records = {r["id"]: r for r in json.loads(data)["items"]}
    assert records["feature-retired-99"]["evidence"] == "Old evidence"


def test_reset_asks_first_and_then_clears_everything(review):
    page = review
    enter_answers(page)
    page.click("#sr\\:reset")
    dialog = page.locator("#sr\\:reset-dialog")
    assert dialog.is_visible()
    page.keyboard.press("Escape")  # changing your mind keeps everything
    assert dialog.is_hidden()
    assert_answers_shown(page)
    page.click("#sr\\:reset")
    page.click("text=Keep my answers")
    assert_answers_shown(page)
    page.click("#sr\\:reset")
    assert click_then_read(page, "#sr\\:reset-confirm", "sr:message").startswith("All answers were cleared")
    assert dialog.is_hidden()
    assert stored(page) is None
    assert page.input_value("#sr\\:school") == ""
    assert not page.is_checked("#sr\\:item\\:feature-01\\:rating\\:fully")
    assert "cleared" in page.inner_text("#sr\\:message")


def test_print_gives_the_action_plan_without_navigation(review, content):
    page = review
    enter_answers(page)
    page.emulate_media(media="print")
    plan = page.locator("#sr\\:plan")
    assert plan.is_visible()
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", "#sr\\:sections", ".sr-files", "h1"):
        assert page.locator(chrome).first.is_hidden(), chrome
    assert page.inner_text("#sr\\:plan-school") == SCHOOL
    assert page.inner_text("#sr\\:plan-date").split()[-1].isdigit()  # e.g. 24 November 2026
    # Items needing action first: indicators that still apply, then features not in place, partly, unrated.
    needs = page.locator("#sr\\:plan-action tr th").all_inner_texts()
    assert needs[0] == content.get("inadequate-01").title
    assert needs.index(content.get("feature-05").title) < needs.index(content.get("feature-02").title)
    assert needs.index(content.get("feature-02").title) < needs.index(content.get("feature-03").title)
    first = page.locator("#sr\\:plan-action tr").first.locator("td").all_inner_texts()
    assert first == ["Still applies", "Encrypt every laptop", "IT technician", "18 December 2026",
                     "Staff laptops are not encrypted."]
    done = page.locator("#sr\\:plan-done tr th").all_inner_texts()
    assert done == [content.get("inadequate-02").title, content.get("feature-01").title]
    page.emulate_media(media="screen")
    assert plan.is_hidden()


def test_without_javascript_the_page_is_a_complete_printable_checklist(browser, site_url, content, fw):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "self-review/")
        assert page.locator("#sr\\:tool").is_hidden()
        checklist = page.locator("#sr\\:checklist")
        assert checklist.is_visible()
        items = [i for t in fw["themes"] for i in t["items"]] + fw["indicators"]
        for item in items:
            link = checklist.locator(f'td:first-child a[href$="{item["url"]}"]')
            assert link.count() == 1, item["id"]
            assert link.inner_text() == item["title"]
        for question in fw["questions"]:
            assert checklist.locator(f'td:first-child a[href$="{question["url"]}"]').count() == 1, question["id"]
        page.emulate_media(media="print")
        assert checklist.is_visible() and page.locator(".md-header").is_hidden()
    finally:
        context.close()
