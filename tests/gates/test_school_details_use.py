"""Privacy, CSP and accessibility gates while a school uses "Your school's details": entering
them, downloading every format filled in, and clearing them send nothing beyond the local
server, set no cookie, log no CSP violation, keep nothing but the details' own record (which
clearing removes), and axe finds no violation on the form, filled or with its dialog open."""
from __future__ import annotations

import pytest

from axe import axe_violations
from browsing import recording
from conftest import node_tool
from school_details.details_drive import clear, download, enter, link_to, open_form

VALUES = {"school_name": "Riverside <Primary> & \"Nursery\"", "dsl": "Ms A Khan", "next_review_date": "1 May 2027"}
RECORD = "esafety-school-details"


@pytest.fixture(scope="module")
def use(browser, site_url):
    with recording(browser) as (page, visit, collect):
        open_form(page, site_url)
        collect()
        enter(page, VALUES)
        files = [download(page, link_to("esafety-policy.odt"))]
        page.goto(site_url + "templates/aup-ks2/")
        files += [download(page, link_to(f"aup-ks2.{ext}")) for ext in ("docx", "odt", "md")]
        page.goto(site_url + "templates/")
        files.append(download(page, link_to("esafety-templates.zip")))
        collect()
        kept = page.evaluate("() => Object.keys(localStorage)")
        open_form(page, site_url)
        clear(page)
        after_clear = page.evaluate("() => Object.keys(localStorage)")
        collect()
    return visit, files, kept, after_clear


def test_filling_and_downloading_send_nothing_beyond_the_local_server(use):
    visit, files, _, _ = use
    assert len(files) == 5 and all(files)
    assert visit.requests, "nothing was recorded: the recorder is not running"
    assert not visit.third_party, "requests to third parties:\n" + "\n".join(visit.third_party)
    assert visit.cookies == []
    # The school's details are in no address the pages asked for.
    assert not [url for url in visit.requests if "Riverside" in url or "Khan" in url]


def test_filling_and_downloading_log_no_csp_violation(use):
    visit, _, _, _ = use
    assert not visit.csp_violations, "CSP violations:\n" + "\n".join(visit.csp_violations)


def test_only_the_details_own_record_is_kept_and_clearing_removes_it(use):
    visit, _, kept, after_clear = use
    assert kept == [RECORD]
    assert visit.storage == {"local": [RECORD], "session": []}
    assert after_clear == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_form_in_use_has_no_wcag_violation(browser, site_url, scheme):
    axe_js = node_tool("axe-core/axe.min.js")
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)  # axe is injected inline
    page = context.new_page()
    try:
        open_form(page, site_url)
        enter(page, VALUES)
        problems = {"filled in": axe_violations(page, axe_js)}
        page.goto(site_url + "templates/esafety-policy/")
        page.wait_for_selector("#sd-filling:not([hidden])")
        problems["a template page, downloads filled in"] = axe_violations(page, axe_js)
        open_form(page, site_url)
        page.click("#sd-clear")
        problems["the clear dialog open"] = axe_violations(page, axe_js)
    finally:
        context.close()
    problems = {where: found for where, found in problems.items() if found}
    assert not problems, "axe found WCAG violations:\n" + "\n".join(
        f"{where}: {line}" for where, lines in problems.items() for line in lines)
