"""Privacy and CSP gates while a school uses the self-review tool: rating, writing, exporting,
importing, undoing, printing and resetting send nothing beyond the local server, set no cookie, log no
CSP violation, and keep nothing in the browser but the tool's own record, which the school asked
for by entering answers (and which reset removes), and the school name it shares with the
templates' details."""
from __future__ import annotations

import pytest

from browsing import recording
from self_review.self_review_drive import open_review, rate, write


def downloaded(page, button: str) -> bytes:
    with page.expect_download() as info:
        page.click(button)
    return open(info.value.path(), "rb").read()


@pytest.fixture(scope="module")
def use(browser, site_url, fw):
    with recording(browser) as (page, visit, collect):
        open_review(page, site_url)
        collect()
        page.fill("#sr-school", "Riverside Primary School")
        rate(page, "inadequate-01", "not")
        write(page, "inadequate-01", "action", "Encrypt every laptop")
        rate(page, "feature-01", "fully")
        write(page, "feature-01", "evidence", "Whole-staff briefing, 4 Sept")
        downloaded(page, "#sr-export-csv")
        saved = downloaded(page, "#sr-export-json")
        page.reload()
        page.locator("#sr-tool").wait_for(state="visible")
        page.set_input_files("#sr-import", files=[{"name": "review.json", "mimeType": "application/json",
                                                  "buffer": saved}])
        page.click("#sr-import-replace")  # answers exist, so the page asks first
        page.locator("#sr-message").wait_for(state="visible")  # the import has been read
        page.click("#sr-undo")
        page.emulate_media(media="print")
        page.pdf(format="A4")
        page.emulate_media(media="screen")
        collect()
        page.click("#sr-reset")
        page.click("#sr-reset-confirm")
        after_reset = page.evaluate("() => Object.keys(localStorage)")
        collect()
    return visit, after_reset


def test_using_the_tool_sends_nothing_beyond_the_local_server(use):
    visit, _ = use
    assert visit.requests, "nothing was recorded: the recorder is not running"
    assert not visit.third_party, "requests to third parties:\n" + "\n".join(visit.third_party)
    assert visit.cookies == []


def test_using_the_tool_logs_no_csp_violation(use):
    visit, _ = use
    assert not visit.csp_violations, "CSP violations:\n" + "\n".join(visit.csp_violations)


def test_only_the_tools_own_record_is_kept_and_reset_removes_it(use, fw):
    visit, after_reset = use
    # The school name typed is shared with the templates' details (their own record), which
    # the self-review's reset leaves to their own "Clear these details".
    assert visit.storage == {"local": [f"esafety-self-review:{fw['id']}", "esafety-school-details"], "session": []}
    assert after_reset == ["esafety-school-details"]
