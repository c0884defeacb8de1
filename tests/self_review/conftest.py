"""Fixtures for the self-review tool: the page with its script running (its framework, `fw`, is
in tests/conftest.py, which the gates share)."""
from __future__ import annotations

import pytest

from self_review_drive import open_review


@pytest.fixture
def review(page, site_url):
    """The self-review page, ready to use (its script has loaded the framework)."""
    return open_review(page, site_url)
