"""Importing over answers asks first (merge, newer wins, or replace), says what will change,
and can be undone exactly; clearing all answers can be undone the same way."""
from __future__ import annotations

import json

import pytest

from self_review_drive import import_bytes, offer_file, rate, reopen, stored, write
from support.messages import click_then_read, next_message, watch_message

NEWER = "2099-01-01T00:00:00.000Z"
OLDER = "2000-01-01T00:00:00.000Z"


@pytest.fixture
def answered(review):
    """The page with a school's answers saved."""
    page = review
    page.fill("#sr\\:school", "Riverside Primary School")
    rate(page, "feature-01", "fully")
    write(page, "feature-01", "evidence", "Briefing, 4 Sept")
    rate(page, "feature-02", "partly")
    write(page, "inadequate-01", "action", "Encrypt laptops")
    return page


def copy_file(fw, items, school="Colleague's school") -> bytes:
    return json.dumps({"format": "esafety-self-review", "framework": fw["id"], "school": school,
                       "exported": OLDER, "items": items}).encode()


# In the file: feature-01 older than the answer here, feature-02 newer, feature-03 new.
def last_years_copy(fw) -> bytes:
    return copy_file(fw, [
        {"id": "feature-01", "rating": "not", "evidence": "Last year", "modified": OLDER},
        {"id": "feature-02", "rating": "fully", "evidence": "Done since", "modified": NEWER},
        {"id": "feature-03", "rating": "partly", "modified": OLDER}])


def ask(page, name, data):
    offer_file(page, name, data)
    page.locator("#sr\\:import-dialog").wait_for(state="visible")
    return page.inner_text("#sr\\:import-dialog")


def test_import_over_answers_asks_and_says_what_each_choice_changes(answered, fw):
    page = answered
    before = stored(page)
    said = ask(page, "last-year.json", last_years_copy(fw))
    assert "last-year.json" in said
    # Merge: feature-03 added, feature-02 changed (newer in the file); feature-01 and
    # inadequate-01 kept. Replace: inadequate-01 removed (it is not in the file).
    assert page.inner_text("#sr\\:import-merge-summary") == "1 item added, 1 changed, 2 kept as they are."
    assert page.inner_text("#sr\\:import-replace-summary") == "1 item added, 2 changed, 0 kept as they are, 1 removed."
    assert stored(page) == before  # nothing happens until the school chooses
    watch_message(page, "sr:message")  # the dialog's choice is acted on after it closes
    page.keyboard.press("Escape")
    assert next_message(page) == "The import was cancelled. Nothing was changed."
    assert stored(page) == before
    ask(page, "last-year.json", last_years_copy(fw))
    page.click("#sr\\:import-cancel")
    assert stored(page) == before


def test_merge_keeps_the_newer_answer_of_each_item_and_undo_puts_everything_back(answered, fw):
    page = answered
    before = stored(page)
    ask(page, "last-year.json", last_years_copy(fw))
    assert "1 item added, 1 changed, 2 kept" in click_then_read(page, "#sr\\:import-merge", "sr:message")
    assert page.input_value("#sr\\:item\\:feature-01\\:evidence") == "Briefing, 4 Sept"  # newer here: kept
    assert page.is_checked("#sr\\:item\\:feature-02\\:rating\\:fully")  # newer in the file
    assert page.is_checked("#sr\\:item\\:feature-03\\:rating\\:partly")  # added
    assert page.input_value("#sr\\:item\\:inadequate-01\\:action") == "Encrypt laptops"
    assert stored(page)["items"]["feature-02"]["rating"] == "fully"
    assert page.inner_text("#sr\\:undo") == "Undo import"
    page.click("#sr\\:undo")
    assert stored(page) == before
    assert page.is_checked("#sr\\:item\\:feature-02\\:rating\\:partly")
    assert not page.is_checked("#sr\\:item\\:feature-03\\:rating\\:partly")
    assert "undone" in page.inner_text("#sr\\:message") and page.is_hidden("#sr\\:undo")
    assert stored(reopen(page)) == before


def test_replace_keeps_only_the_files_answers_and_undo_puts_everything_back(answered, fw):
    page = answered
    before = stored(page)
    ask(page, "colleague.json", last_years_copy(fw))
    assert click_then_read(page, "#sr\\:import-replace", "sr:message").startswith("Imported colleague.json")
    assert page.input_value("#sr\\:school") == "Colleague's school"
    assert page.input_value("#sr\\:item\\:feature-01\\:evidence") == "Last year"
    assert page.input_value("#sr\\:item\\:inadequate-01\\:action") == ""
    assert set(stored(page)["items"]) == {"feature-01", "feature-02", "feature-03"}
    page.click("#sr\\:undo")
    assert stored(page) == before
    assert page.input_value("#sr\\:school") == "Riverside Primary School"
    assert page.input_value("#sr\\:item\\:inadequate-01\\:action") == "Encrypt laptops"


def test_importing_with_no_answers_yet_needs_no_question_and_undo_leaves_nothing_stored(review, fw):
    page = review
    said = import_bytes(page, "copy.json", last_years_copy(fw))
    assert said.startswith("Imported copy.json: 3 items added")
    assert page.is_hidden("#sr\\:import-dialog")
    page.click("#sr\\:undo")
    assert stored(page) is None


def test_clearing_can_be_undone_until_the_page_is_left(answered):
    page = answered
    before = stored(page)
    page.click("#sr\\:reset")
    assert "You can undo this until you leave" in page.inner_text("#sr\\:reset-dialog")
    assert click_then_read(page, "#sr\\:reset-confirm", "sr:message").startswith("All answers were cleared")
    assert stored(page) is None
    assert page.inner_text("#sr\\:undo") == "Undo clearing all answers"
    page.click("#sr\\:undo")
    assert stored(page) == before
    assert page.input_value("#sr\\:item\\:feature-01\\:evidence") == "Briefing, 4 Sept"
    page.click("#sr\\:reset")
    click_then_read(page, "#sr\\:reset-confirm", "sr:message")
    reopen(page)  # leaving the page ends the undo
    assert page.is_hidden("#sr\\:undo-line") and stored(page) is None
