"""Shared fixtures: the real content, one build of the real site, a local server, Chromium."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from esafety_portal.load import load_content
from support.browser import Chromium
from support.reviews import briefing_review
from support.clock import pin
from support.shared_site import run_folder, shared_build
from support.site import ROOT, StaticServer

TODAY = pin(ROOT)  # before anything reads the date (support/clock.py)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def today():
    """The day the suite runs as (SOURCE_DATE_EPOCH)."""
    return TODAY


@pytest.fixture(scope="session")
def content():
    return load_content(ROOT)


@pytest.fixture(scope="session")
def fw(content) -> dict:
    """The self-review framework, as the site's framework JSON holds it."""
    return briefing_review(content)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test run (shared by every xdist worker) with the network
    blocked. Tests only read it."""
    folder = run_folder(tmp_path_factory.getbasetemp(), os.environ.get("PYTEST_XDIST_WORKER"))
    site, failure = shared_build(ROOT, folder / "real-site")
    assert site, f"the real site failed to build:\n{failure}"
    return site


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    with StaticServer(built_site) as server:
        yield server.url


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole session; its contexts' search index lists no
    pages unless a test asks for the real one (support/browser.py)."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `bash .ci/system-packages` (browser tests never skip)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield Chromium(browser)
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
