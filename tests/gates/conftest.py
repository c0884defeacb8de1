"""Fixtures the quality gates share: every built page, the Node tools, report folder."""
from __future__ import annotations

import dataclasses
import json
import os
import shutil
from pathlib import Path

import pytest

from browsing import Visit, browse
from support.shared_site import once_per_run, run_folder
from support.site import ROOT

NODE_MODULES = ROOT / "node_modules"
REPORTS = ROOT / "reports"
FIXTURES = Path(__file__).parent / "fixtures"


def node_tool(relative: str) -> Path:
    """A file from node_modules/; a missing tool fails the gate loudly (gates never skip)."""
    path = NODE_MODULES / relative
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make node_modules` (npm ci) before the gates")
    return path


def require_program(name: str) -> str:
    found = shutil.which(name)
    if not found:
        pytest.fail(f"`{name}` is not installed: run `bash .ci/system-packages` (gates never skip)")
    return found


def page_urls(site_dir: Path) -> list[str]:
    """Every HTML page of a built site, as a URL path relative to the site root ('' is home)."""
    urls = []
    for html in sorted(site_dir.rglob("*.html")):
        rel = html.relative_to(site_dir).as_posix()
        urls.append(rel.removesuffix("index.html"))
    return urls


@pytest.fixture(scope="session")
def site_pages(built_site) -> list[str]:
    pages = page_urls(built_site)
    assert "" in pages and len(pages) > 5, f"the built site has too few pages: {pages}"
    return pages


@pytest.fixture(scope="session")
def reports_dir() -> Path:
    REPORTS.mkdir(exist_ok=True)
    return REPORTS


# What the CSP and privacy gates both read: every page, then these searches, in one fresh context.
SEARCHES = ["online safety", "inadequate", "inspection"]
BASE = "{site}/"  # where the recording stood for the local server's address


@pytest.fixture(scope="session")
def site_visit(browser, site_url, site_pages, tmp_path_factory) -> Visit:
    """Browsing the real site once per test run: the first worker to get here records it, under a
    lock in the run's shared folder (as the built site), and every worker reads the same record,
    re-based to its own server's address."""
    folder = run_folder(tmp_path_factory.getbasetemp(), os.environ.get("PYTEST_XDIST_WORKER"))
    kept = folder / "site-visit.json"

    def record():
        visit = browse(browser, site_url, site_pages, SEARCHES)
        kept.write_text(json.dumps(dataclasses.asdict(visit)).replace(json.dumps(site_url)[1:-1], BASE), "utf-8")

    once_per_run(folder, "site-visit", record)
    return Visit(**json.loads(kept.read_text(encoding="utf-8").replace(BASE, json.dumps(site_url)[1:-1])))
