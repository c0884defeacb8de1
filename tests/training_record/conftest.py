"""The training record's tests: the page opened on the fixed clock, and the roles the build published."""
from __future__ import annotations

import json

import pytest

from training_drive import open_page


@pytest.fixture
def record(page, site_url):
    return open_page(page, site_url)


@pytest.fixture(scope="module")
def duties(built_site) -> dict:
    return json.loads((built_site / "school-year" / "duties.json").read_text("utf-8"))
