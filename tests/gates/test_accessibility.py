"""Accessibility gate: axe-core finds no WCAG 2.2 AA violation (nor any of its best practices)
on any page, in either scheme.

Material 9.8.1 fails some rules out of the box (footer contrast, links told apart by colour
alone, a search dialog with no name); those are fixed in overrides/ and esafety.css, never by
excluding a rule.
"""
from __future__ import annotations

from pathlib import Path

import material
import pytest

from axe import axe_violations
from conftest import FIXTURES, node_tool
from support.browser import search_index

# Material's palettes (mkdocs.yml): the scheme each puts on <body>, in the order its toggle cycles.
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.fixture(scope="module")
def axe_js():
    return node_tool("axe-core/axe.min.js")


def scheme_of(page) -> str:
    shown = page.get_attribute("body", "data-md-color-scheme")
    return next(name for name, attribute in SCHEMES.items() if attribute == shown)


def switch_scheme(page) -> str:
    """Switch to the other scheme with the header's toggle, as a reader does; the scheme now shown."""
    before = scheme_of(page)
    page.locator('form[data-md-component="palette"] label:not([hidden])').click()
    page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') !== s", arg=SCHEMES[before])
    return scheme_of(page)


def test_every_page_has_no_wcag_violation_in_either_scheme(browser, site_url, site_pages, axe_js):
    """Each page is loaded once and checked in both schemes: the toggle switches it, and the
    scheme chosen is kept for the next page (Material remembers it), so the pages alternate
    which scheme they are checked in first."""
    # bypass_csp: axe is injected into every page, which the site's own CSP rightly refuses.
    # The search index with no pages: the same page either way, until it searches (support/browser.py).
    context = browser.new_context(color_scheme="light", bypass_csp=True)
    context.add_init_script(path=str(axe_js))
    page = context.new_page()
    problems, checked = {}, {name: 0 for name in SCHEMES}
    try:
        for url in site_pages:
            page.goto(site_url + url)
            for _ in SCHEMES:
                scheme = scheme_of(page)
                found = axe_violations(page, axe_js)
                checked[scheme] += 1
                if found:
                    problems[f"{url or '/'} ({scheme})"] = found
                switch_scheme(page)
        # The search dialog, open with results showing, is part of every page too.
        search_index(page, real=True)
        for _ in SCHEMES:
            page.goto(site_url)
            page.keyboard.press("/")  # Material's keyboard shortcut: opens search, focuses the box
            page.keyboard.type("online safety")
            page.locator(".md-search-result__item").first.wait_for()
            found = axe_violations(page, axe_js)
            if found:
                problems[f"/ (search open, {scheme_of(page)})"] = found
            page.keyboard.press("Escape")
            switch_scheme(page)
    finally:
        context.close()
    assert checked == {name: len(site_pages) for name in SCHEMES}, checked
    assert not problems, "axe found WCAG violations:\n" + "\n".join(
        f"{url}: {line}" for url, lines in problems.items() for line in lines)


def test_gate_turns_red_on_an_inaccessible_page(page, axe_js):
    """The same check fails a page with the faults the overrides fix (and a missing alt text)."""
    page.set_content((FIXTURES / "inaccessible.html").read_text(encoding="utf-8"))
    found = "\n".join(axe_violations(page, axe_js))
    for rule in ("color-contrast", "link-in-text-block", "image-alt", "aria-dialog-name"):
        assert rule in found, f"axe did not report {rule}:\n{found}"


def test_the_check_waits_for_a_fade_that_a_scroll_has_just_started(page, axe_js):
    """A scroll up, made just before the check, shows a button with a fade (as the theme's back to
    top button): axe must see it whole, not half-faded with too little contrast."""
    page.set_content((FIXTURES / "fades-in-on-scroll.html").read_text(encoding="utf-8"))
    page.evaluate("() => new Promise(done => { scrollTo(0, 1000); requestAnimationFrame(() => requestAnimationFrame(done)); })")
    page.evaluate("() => scrollTo(0, 500)")  # its scroll event comes with the next frame
    assert axe_violations(page, axe_js) == []
    assert page.evaluate("() => getComputedStyle(document.querySelector('.top')).opacity") == "1"


def test_search_partial_differs_from_materials_only_by_its_name(root):
    """overrides/partials/search.html is Material's own partial plus the dialog's name; when an
    upgrade changes Material's copy, this fails so the override is remade from the new one."""
    ours = (root / "overrides/partials/search.html").read_text(encoding="utf-8")
    theirs = (Path(material.__file__).parent / "templates/partials/search.html").read_text(encoding="utf-8")
    strip_comment = lambda text: text.split("-#}\n", 1)[1]  # noqa: E731 - the header comment
    named = strip_comment(theirs).replace('role="dialog">', 'role="dialog" aria-label="{{ lang.t(\'search\') }}">', 1)
    assert strip_comment(ours) == named


@pytest.fixture
def reader_page(browser):
    """A page with the site's real search index (support/browser.py)."""
    context = browser.new_context(real_search_index=True)
    yield context.new_page()
    context.close()


def test_search_and_navigation_work_by_keyboard_with_visible_focus(reader_page, site_url):
    page = reader_page
    page.goto(site_url)
    # Tab from the top: the first stop is the skip link, and it shows a focus indicator.
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.className")
    assert "md-skip" in focused
    page.keyboard.press("/")
    assert page.evaluate("() => document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("inadequate")
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("ArrowDown")
    tag, href = page.evaluate("() => [document.activeElement.tagName, document.activeElement.href]")
    assert tag == "A" and href.startswith(site_url), (tag, href)
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    box = page.evaluate("() => getComputedStyle(document.activeElement).backgroundColor")
    assert outline != "none" or box not in ("rgba(0, 0, 0, 0)", "transparent"), "no visible focus"
    page.keyboard.press("Enter")
    page.wait_for_url(href)
