"""Print gate: guidance pages, template pages and the self-review page print without
navigation or search, showing the page's address and its last-reviewed date; Chromium really
prints them to PDF."""
from __future__ import annotations

import re

import pytest

from support.site import member_ids

# Pages schools print: guidance, a policy and an AUP template, the self-review checklist, a current
# framework and the crosswalk from 2012 to today.
PRINTED = ["inspection/features/", "inspection/questions/", "templates/esafety-policy/",
           "templates/aup-ks2/", "self-review/", "frameworks/dfe-filtering-monitoring/", "frameworks/crosswalk/"]

SCREEN_ONLY = ".md-header, .md-tabs, .md-sidebar, .md-search, .md-footer, .md-top, .md-content__button"
# A reviewable framework's self-review, which prints as a record for governors.
PRINTED += ["self-review/dfe-filtering-monitoring/"]
# Forms a school prints to fill in by hand: no data behind them, so no review dates to print.
FORMS = ["what-to-do/record/"]
# The response guides (esafety_portal/guide_pages.py): the What to do poster and the first guide, whichever
# it is, once data/guides/ has any (the poster's review dates are its guides').
GUIDES = [f"what-to-do/{guide}/" for guide in member_ids("guides")]
PRINTED += ["what-to-do/", GUIDES[0]] if GUIDES else []


def print_problems(page, dated: bool = True) -> list[str]:
    """What is wrong with the page as printed: screen furniture shown, address or (if `dated`) date missing."""
    page.emulate_media(media="print")
    problems = [f"shown in print: {cls}" for cls in page.evaluate(
        """sel => [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length > 0)
                   .map(e => e.className)""", SCREEN_ONLY)]
    url = page.locator(".esafety-print-url")
    if not url.count() or not url.first.is_visible() or not url.first.inner_text().startswith("https://"):
        problems.append("the page's address is not printed")
    dates = page.locator(".esafety-review-dates")
    if dated and (not dates.count() or not dates.first.is_visible() or "Last reviewed" not in dates.first.inner_text()):
        problems.append("the last-reviewed date is not printed")
    return problems


@pytest.mark.parametrize("path", PRINTED)
def test_page_prints_cleanly(page, site_url, path):
    page.goto(site_url + path)
    assert page.locator(".esafety-print-url").is_hidden(), "the address line shows on screen"
    assert print_problems(page) == []
    assert page.pdf(format="A4")[:5] == b"%PDF-"


@pytest.mark.parametrize("path", FORMS)
def test_form_prints_cleanly(page, site_url, path):
    page.goto(site_url + path)
    assert print_problems(page, dated=False) == []
    assert page.pdf(format="A4")[:5] == b"%PDF-"


@pytest.mark.parametrize("path", GUIDES)
def test_a_guide_prints_on_one_or_two_a4_pages_with_every_number_visible(page, site_url, path):
    page.goto(site_url + path)
    page.emulate_media(media="print")
    numbers = page.locator('article a[href^="tel:"]')
    hidden = [numbers.nth(i).inner_text() for i in range(numbers.count()) if not numbers.nth(i).is_visible()]
    assert numbers.count() and not hidden, f"numbers not printed: {hidden}"
    pages = len(re.findall(rb"/Type\s*/Page(?![a-z])", page.pdf(format="A4")))
    assert 1 <= pages <= 2, f"/{path} prints on {pages} A4 pages: shorten its steps, or split the guide"


def test_the_what_to_do_page_prints_as_a_one_page_poster(page, site_url):
    page.goto(site_url + "what-to-do/")
    page.emulate_media(media="print")
    pages = len(re.findall(rb"/Type\s*/Page(?![a-z])", page.pdf(format="A4")))
    assert pages == 1, f"/what-to-do/ prints on {pages} A4 pages: shorten the guides' titles or the county contacts"


def test_gate_turns_red_when_navigation_prints_and_the_address_is_gone(browser, site_url):
    context = browser.new_context(bypass_csp=True)  # the site's CSP rightly refuses injected styles
    page = context.new_page()
    page.goto(site_url + PRINTED[0])
    # The regressions the gate guards against: a style that prints the header and navigation,
    # and a template that no longer writes the address line.
    page.add_style_tag(content="@media print { .md-header, .md-sidebar { display: block !important } }")
    page.evaluate("() => document.querySelector('.esafety-print-only').remove()")
    problems = print_problems(page)
    assert "the page's address is not printed" in problems
    assert any("md-header" in p for p in problems) and any("md-sidebar" in p for p in problems), problems
    context.close()
