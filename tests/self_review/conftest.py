"""Fixtures for the self-review tool: its framework, and the page with its script running."""
from __future__ import annotations

import pytest

from esafety_portal.self_review import framework
from self_review_drive import open_review


@pytest.fixture(scope="session")
def fw(content) -> dict:
    return framework(content)


@pytest.fixture
def review(page, site_url):
    """The self-review page, ready to use (its script has loaded the framework)."""
    return open_review(page, site_url)
