"""Privacy and CSP gates while a school uses a self-review (the 2012 briefing's, and the annual
filtering and monitoring review, a reviewable framework's): rating, writing, exporting,
importing, undoing, printing and resetting send nothing beyond the local server, set no cookie, log no
CSP violation, and keep nothing in the browser but the tool's own record, which the school asked
for by entering answers (and which reset removes), and the school name it shares with the
templates' details."""
from __future__ import annotations

import pytest

from browsing import recording
from self_review.self_review_drive import open_review, rate, write
from support.messages import click_then_read


def downloaded(page, button: str) -> bytes:
    with page.expect_download() as info:
        page.click(button)
    return open(info.value.path(), "rb").read()


# Each self-review page: its address, two items to answer, and its own fields to fill in.
REVIEWS = {
    "ofsted-2012": ("self-review/", "inadequate-01", "feature-01", {}),
    "filtering-monitoring": ("self-review/dfe-filtering-monitoring/", "dfe-fm-2", "dfe-fm-3",
                             {"#sr\\:review\\:review-date": "2026-10-01", "#sr\\:review\\:governor": "Tom Hughes",
                              "#sr\\:item\\:dfe-fm-2\\:checks": "Tested 5 pupil iPads",
                              "#sr\\:item\\:dfe-fm-2\\:checked-on": "2026-09-30"}),
}


@pytest.fixture(scope="module", params=list(REVIEWS))
def use(request, browser, site_url):
    path, first, second, own_fields = REVIEWS[request.param]
    with recording(browser) as (page, visit, collect):
        open_review(page, site_url, path)
        collect()
        page.fill("#sr\\:school", "Riverside Primary School")
        rate(page, first, "not")
        write(page, first, "action", "Encrypt every laptop")
        rate(page, second, "fully")
        write(page, second, "evidence", "Whole-staff briefing, 4 Sept")
        for selector, value in own_fields.items():
            page.fill(selector, value)
        downloaded(page, "#sr\\:export-csv")
        saved = downloaded(page, "#sr\\:export-json")
        page.reload()
        page.locator("#sr\\:tool").wait_for(state="visible")
        page.set_input_files("#sr\\:import", files=[{"name": "review.json", "mimeType": "application/json",
                                                  "buffer": saved}])
        page.click("#sr\\:import-replace")  # answers exist, so the page asks first
        page.locator("#sr\\:message").wait_for(state="visible")  # the import has been read
        page.click("#sr\\:undo")
        page.emulate_media(media="print")
        page.pdf(format="A4")
        page.emulate_media(media="screen")
        collect()
        page.click("#sr\\:reset")
        click_then_read(page, "#sr\\:reset-confirm", "sr:message")  # cleared in the dialog's close event
        after_reset = page.evaluate("() => Object.keys(localStorage)")
        collect()
    return visit, after_reset, request.param


def test_using_the_tool_sends_nothing_beyond_the_local_server(use):
    visit, _, _ = use
    assert visit.requests, "nothing was recorded: the recorder is not running"
    assert not visit.third_party, "requests to third parties:\n" + "\n".join(visit.third_party)
    assert visit.cookies == []


def test_using_the_tool_logs_no_csp_violation(use):
    visit, _, _ = use
    assert not visit.csp_violations, "CSP violations:\n" + "\n".join(visit.csp_violations)


def test_only_the_tools_own_record_is_kept_and_reset_removes_it(use, fw):
    visit, after_reset, review = use
    framework_id = fw["id"] if review == "ofsted-2012" else "dfe-filtering-monitoring"
    # The school name typed is shared with the templates' details (their own record), which
    # the self-review's reset leaves to their own "Clear these details".
    # (in any order: the browser lists keys as it likes)
    assert sorted(visit.storage["local"]) == sorted([f"esafety-self-review:{framework_id}", "esafety-school-details"])
    assert visit.storage["session"] == []
    assert after_reset == ["esafety-school-details"]
