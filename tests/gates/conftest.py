"""Fixtures the quality gates share: every built page, the Node tools, report folder."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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
