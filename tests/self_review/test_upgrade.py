"""Answers saved by earlier versions of the page load in this one, and when the framework has
changed since they were saved, a notice says what changed."""
from __future__ import annotations

import json
from pathlib import Path

from self_review_drive import reopen, stored, write
from test_tool import ANSWERS, assert_answers_shown, enter_answers

# The page's script as it was before answers carried their own times (main before issue 15).
OLD_SCRIPT = Path(__file__).parent / "fixtures" / "self-review-before-issue-15.js"
# What the page stored for test_tool.ANSWERS before any framework could be reviewable: written by
# its scripts as they were on main before issue 12's self-review (driven like enter_answers).
BEFORE_REVIEWABLE = Path(__file__).parent / "fixtures" / "stored-before-reviewable.json"


def old_script() -> str:
    """The old script, finding today's page's elements: their ids have since moved to the "sr:"
    namespace (issue 21). Only the ids change; what it stores is as it was."""
    text = OLD_SCRIPT.read_text("utf-8")
    for old, new in (('"sr-" + item.id', '"sr:item:" + item.id'), ('prefix + "-rating-"', 'prefix + ":rating:"'),
                     ('prefix + "-rating"', 'prefix + ":rating"'), ('prefix + "-"', 'prefix + ":"'),
                     ('"#sr-" + id', '"#sr:item:" + id'), ('getElementById("sr-', 'getElementById("sr:'),
                     ('$("sr-', '$("sr:'), ('clone("sr-', 'clone("sr:'), ('=== "sr-school"', '=== "sr:school"'),
                     # the rating scales are named for themselves now, not for the 2012 kinds
                     ('"sr:rating-" + kind', '"sr:rating-" + {feature: "in-place", inadequate: "dealt-with"}[kind]')):
        assert old in text, old
        text = text.replace(old, new)
    return text


def test_answers_saved_by_the_previous_version_all_load(review):
    page = review
    page.route("**/assets/javascripts/self-review.js",
               lambda route: route.fulfill(body=old_script(), content_type="text/javascript"))
    reopen(page)
    enter_answers(page)
    old_record = stored(page)
    assert "fingerprints" not in old_record  # written by the old script
    page.unroute("**/assets/javascripts/self-review.js")
    reopen(page)
    assert_answers_shown(page)
    assert page.is_hidden("#sr\\:changed")  # an old record cannot say what changed: no false notice
    # The first save in the new version keeps every old answer.
    write(page, "feature-03", "evidence", "New")
    items = stored(page)["items"]
    for item_id, (rating, evidence, action, who, by) in ANSWERS.items():
        assert {k: items[item_id][k] for k in ("rating", "evidence", "action", "who", "by")} == {
            "rating": rating, "evidence": evidence, "action": action, "who": who, "by": by}
    assert_answers_shown(reopen(page))


def test_a_notice_says_what_changed_in_the_framework_since_the_last_visit(review, fw):
    page = review
    write(page, "feature-01", "evidence", "Briefing")
    record = stored(page)
    # As if saved against an earlier framework: feature-02 was not there yet, inadequate-01 was
    # worded differently, and inadequate-99 (answered) has since been retired.
    del record["fingerprints"]["feature-02"]
    record["fingerprints"]["inadequate-01"] = "00000000"
    record["fingerprints"]["inadequate-99"] = "12345678"
    record["items"]["inadequate-99"] = {"rating": "not", "evidence": "Old", "action": "", "who": "", "by": "",
                                        "modified": record["saved"]}
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [f"esafety-self-review:{fw['id']}", json.dumps(record)])
    reopen(page)
    notice = page.locator("#sr\\:changed")
    assert notice.is_visible() and notice.get_attribute("role") == "status"
    lines = page.locator("#sr\\:changed-list li").all_inner_texts()
    titles = {i["id"]: i["title"] for t in fw["themes"] for i in t["items"]} | {i["id"]: i["title"] for i in fw["indicators"]}
    assert lines == [f"New items to rate: {titles['feature-02']}.",
                     f"Reworded, so check that your answers still fit: {titles['inadequate-01']}.",
                     "No longer in the framework (your answers are kept at the end of the page and in downloads): inadequate-99."]
    assert "inadequate-99" in page.inner_text("#sr\\:retired-list")  # still listed, and exported
    assert page.input_value("#sr\\:item\\:feature-01\\:evidence") == "Briefing"
    # Once the school saves again, the record knows this framework: no notice next time.
    write(page, "feature-01", "evidence", "Briefing, 4 Sept")
    assert reopen(page).is_hidden("#sr\\:changed")
    assert "inadequate-99" in page.inner_text("#sr\\:retired-list")


def test_answers_saved_before_frameworks_were_reviewable_load_unchanged(review):
    page = review
    before = json.loads(BEFORE_REVIEWABLE.read_text("utf-8"))
    page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                  [f"esafety-self-review:{before['framework']}", json.dumps(before)])
    reopen(page)
    assert_answers_shown(page)
    assert stored(page) == before  # opening the page rewrites nothing
    # The first save in this version keeps every other answer exactly as it was stored.
    write(page, "feature-03", "evidence", "New")
    after = stored(page)
    assert {k: v for k, v in after["items"].items() if k != "feature-03"} == before["items"]
    assert set(after) == set(before) and after["framework"] == before["framework"]
    assert_answers_shown(reopen(page))
