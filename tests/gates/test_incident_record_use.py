"""Privacy and CSP gates while a school uses the incident record: typing, following a guide's
checklist, downloading the .docx, .odt and JSON, importing, printing and clearing send nothing
beyond the local server, set no cookie, log no CSP violation, and keep nothing in the browser
but the record itself, which clearing removes."""
from __future__ import annotations

import pytest

from browsing import recording
from incident.record_drive import KEY, downloaded, field, open_record, serve_guides, step
from support.messages import click_then_read


@pytest.fixture(scope="module")
def use(browser, site_url):
    with recording(browser) as (page, visit, collect):
        serve_guides(page.context)
        open_record(page, site_url, "?guide=shared-nudes")
        collect()
        page.fill(field("seen"), "A pupil reported an image\nshared in a group chat")
        page.check(step("tell-dsl", "done"))
        files = [downloaded(page, f"#ir\\:export-{kind}") for kind in ("docx", "odt", "json")]
        page.set_input_files("#ir\\:import", files=[{"name": "copy.json", "mimeType": "application/json",
                                                     "buffer": files[2][1]}])
        page.locator("#ir\\:import-dialog").wait_for(state="visible")
        click_then_read(page, "#ir\\:import-merge", "ir:message")
        page.emulate_media(media="print")
        page.pdf(format="A4")
        page.emulate_media(media="screen")
        collect()
        kept = sorted(k for k in page.evaluate("() => Object.keys(localStorage)"))
        page.click("#ir\\:clear")
        click_then_read(page, "#ir\\:clear-confirm", "ir:message")  # cleared in the dialog's close event
        after_clear = page.evaluate("() => Object.keys(localStorage)")
        collect()
        yield visit, files, kept, after_clear


def test_using_the_record_sends_nothing_to_anyone(use):
    visit, files, _kept, _after = use
    assert all(data for _name, data in files)
    assert not visit.third_party, "requests to third parties:\n" + "\n".join(visit.third_party)
    assert not visit.csp_violations, "\n".join(visit.csp_violations)
    assert visit.cookies == []


def test_only_the_record_is_kept_and_clearing_removes_it(use):
    _visit, _files, kept, after_clear = use
    assert kept == [KEY]
    assert after_clear == []
