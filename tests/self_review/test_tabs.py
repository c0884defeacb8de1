"""Two and three tabs of the self-review in one browser (one localStorage): typing in one tab
never overwrites what another saved, and every tab shows the others' changes at once.

Each tab acts once it shows the other tabs' last change, as a person moving between tabs does.
A tab hears of another tab's save by a storage event, a moment later, and until then can still
read localStorage as it was: in whole-suite runs on a busy machine, a tab that saved within that
moment (a few milliseconds after the other, as only a test types) stored a copy without the other
tab's last change. A save merging with what another tab stored is tested on its own in
tests/js/stored-record.test.js."""
from __future__ import annotations

import pytest

from self_review_drive import open_review, rate, reopen, stored, write


@pytest.fixture
def tabs(browser, site_url):
    """Open n tabs of the page in one browser profile."""
    context = browser.new_context()
    yield lambda n: [open_review(context.new_page(), site_url) for _ in range(n)]
    context.close()


def shows(page, item_id: str, field: str, text: str):
    """Wait until `page` shows `text` in the field (another tab's change arrives by an event)."""
    page.wait_for_function("([id, text]) => document.getElementById(id).value === text",
                           arg=[f"sr:item:{item_id}:{field}", text], timeout=5000)


def shows_rating(page, item_id: str, rating: str):
    page.wait_for_function("id => document.getElementById(id).checked",
                           arg=f"sr:item:{item_id}:rating:{rating}", timeout=5000)


def test_two_tabs_typing_into_different_items_keep_both(tabs):
    one, two = tabs(2)
    write(one, "feature-01", "evidence", "Whole-staff briefing, 4 Sept")
    rate(one, "feature-01", "fully")
    shows_rating(two, "feature-01", "fully")  # this tab opened before those answers
    write(two, "feature-02", "evidence", "On the SLT agenda")
    rate(two, "inadequate-01", "not")
    shows_rating(one, "inadequate-01", "not")
    write(one, "feature-03", "who", "DSL")
    # First what is stored (no tab's save lost another's answers), then what each tab shows.
    saved = stored(one)["items"]
    assert saved["feature-01"]["evidence"] == "Whole-staff briefing, 4 Sept"
    assert saved["feature-01"]["rating"] == "fully"
    assert saved["feature-02"]["evidence"] == "On the SLT agenda"
    assert saved["inadequate-01"]["rating"] == "not"
    assert saved["feature-03"]["who"] == "DSL"
    shows(two, "feature-01", "evidence", "Whole-staff briefing, 4 Sept")
    shows(one, "feature-02", "evidence", "On the SLT agenda")
    assert one.is_checked("#sr\\:item\\:inadequate-01\\:rating\\:not")
    assert two.is_checked("#sr\\:item\\:feature-01\\:rating\\:fully")
    reopen(two)
    assert two.input_value("#sr\\:item\\:feature-01\\:evidence") == "Whole-staff briefing, 4 Sept"
    assert two.input_value("#sr\\:item\\:feature-03\\:who") == "DSL"


def test_two_tabs_typing_into_the_same_item_keep_every_field_and_the_newer_text(tabs):
    one, two = tabs(2)
    write(one, "feature-05", "evidence", "Reporting route agreed")
    shows(two, "feature-05", "evidence", "Reporting route agreed")
    write(two, "feature-05", "action", "Tell the pupils")  # same item, another field
    shows(one, "feature-05", "action", "Tell the pupils")
    write(one, "feature-05", "who", "DSL")
    shows(two, "feature-05", "who", "DSL")
    write(two, "feature-05", "who", "Headteacher")  # the same field: the later change wins
    shows(one, "feature-05", "who", "Headteacher")
    assert stored(one)["items"]["feature-05"] | {"modified": None} == {
        "rating": "", "evidence": "Reporting route agreed", "action": "Tell the pupils", "who": "Headteacher",
        "by": "", "modified": None}


def test_three_tabs_each_typing_lose_nothing(tabs):
    pages = tabs(3)
    # Each tab types into its own item and into one they share, in turn, twice round.
    last = None
    for round_ in range(2):
        for n, page in enumerate(pages):
            if last:
                shows(page, "inadequate-02", "action", last)
            write(page, f"feature-0{n + 1}", "evidence", f"tab {n + 1}, round {round_ + 1}")
            last = f"shared, tab {n + 1}, round {round_ + 1}"
            write(page, "inadequate-02", "action", last)
    for page in pages:
        for n in range(3):
            shows(page, f"feature-0{n + 1}", "evidence", f"tab {n + 1}, round 2")
        shows(page, "inadequate-02", "action", "shared, tab 3, round 2")
    saved = stored(pages[0])["items"]
    assert [saved[f"feature-0{n + 1}"]["evidence"] for n in range(3)] == [f"tab {n + 1}, round 2" for n in range(3)]
    assert saved["inadequate-02"]["action"] == "shared, tab 3, round 2"


def test_a_tab_that_is_typing_keeps_its_caret_when_another_tab_saves(tabs):
    one, two = tabs(2)
    one.click("#sr\\:item\\:feature-01\\:evidence")
    one.keyboard.type("Briefing")
    shows(two, "feature-01", "evidence", "Briefing")
    write(two, "feature-02", "evidence", "Elsewhere")
    shows(one, "feature-02", "evidence", "Elsewhere")
    one.keyboard.type(" for all staff")  # still focused, caret still at the end
    assert one.input_value("#sr\\:item\\:feature-01\\:evidence") == "Briefing for all staff"
    assert one.evaluate("() => document.activeElement.id") == "sr:item:feature-01:evidence"


def test_clearing_in_one_tab_clears_the_others_and_they_do_not_bring_answers_back(tabs):
    one, two = tabs(2)
    write(one, "feature-01", "evidence", "Briefing")
    shows(two, "feature-01", "evidence", "Briefing")
    one.click("#sr\\:reset")
    one.click("#sr\\:reset-confirm")
    shows(two, "feature-01", "evidence", "")
    write(two, "feature-02", "evidence", "New start")
    shows(one, "feature-02", "evidence", "New start")
    saved = stored(one)["items"]
    assert "feature-01" not in saved and saved["feature-02"]["evidence"] == "New start"


# Stops the storage event before the tool hears it: a tab that has not heard of another's save yet.
UNHEARING = "window.addEventListener('storage', event => event.stopImmediatePropagation(), true);"


def test_a_tab_that_has_not_heard_of_another_tabs_save_keeps_it_when_it_saves(browser, site_url):
    context = browser.new_context()
    try:
        one = open_review(context.new_page(), site_url)
        unhearing = context.new_page()
        unhearing.add_init_script(UNHEARING)
        open_review(unhearing, site_url)
        write(one, "feature-01", "evidence", "Briefing")
        # The save has reached the other tab's localStorage, but not the tool in it.
        unhearing.wait_for_function("() => JSON.stringify(Object.entries(localStorage)).includes('Briefing')", timeout=5000)
        assert unhearing.input_value("#sr\\:item\\:feature-01\\:evidence") == ""
        write(unhearing, "feature-02", "evidence", "Elsewhere")
        saved = stored(unhearing)["items"]
        assert saved["feature-01"]["evidence"] == "Briefing" and saved["feature-02"]["evidence"] == "Elsewhere"
    finally:
        context.close()
