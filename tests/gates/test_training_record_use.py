"""Privacy and CSP gates while a school uses the training record: adding people, entering dates,
downloading the JSON, CSV, .docx and .odt (whose filling scripts load on demand), importing and
clearing send nothing beyond the local server, set no cookie, log no CSP violation, and keep
nothing in the browser but the record itself, which clearing removes."""
from __future__ import annotations

import json

import pytest

from browsing import recording
from training_record.training_drive import RECORD, add, open_page, set_date


@pytest.fixture(scope="module")
def use(browser, site_url, built_site):
    roles = json.loads((built_site / "school-year" / "duties.json").read_text("utf-8"))["roles"]
    with recording(browser) as (page, visit, collect):
        open_page(page, site_url)
        collect()
        for role in roles:
            key = add(page, "A. B.", role["id"])
            set_date(page, key, role["training"][0]["id"], "2024-01-01")
        files = []
        for kind in ("json", "csv", "docx", "odt"):
            with page.expect_download() as info:
                page.click(f"#tr-export-{kind}")
            files.append(info.value.path().read_bytes())
        page.set_input_files("#tr-import", files=[{"name": "copy.json", "mimeType": "application/json", "buffer": files[0]}])
        page.wait_for_function("() => document.getElementById('tr-message').textContent.startsWith('Imported')")
        collect()
        kept = sorted(page.evaluate("() => Object.keys(localStorage)"))
        page.once("dialog", lambda dialog: dialog.accept())
        page.click("#tr-clear")
        after_clear = page.evaluate("() => Object.keys(localStorage)")
        collect()
        yield visit, files, kept, after_clear


def test_using_the_record_sends_nothing_to_anyone(use):
    visit, files, _kept, _after = use
    assert all(files)
    assert not visit.third_party, "requests to third parties:\n" + "\n".join(visit.third_party)
    assert not visit.csp_violations, "\n".join(visit.csp_violations)
    assert visit.cookies == []


def test_only_the_record_is_kept_and_clearing_removes_it(use):
    _visit, _files, kept, after_clear = use
    assert kept == [RECORD]
    assert after_clear == []
