"""Fixtures for the school details: the form page open in a fresh browser context."""
from __future__ import annotations

import pytest

from details_drive import open_form


@pytest.fixture
def form(page, site_url):
    """The "Your school's details" page, its script running."""
    return open_form(page, site_url)
