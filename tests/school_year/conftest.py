"""A copy of the project's data with the small school's year of tests/fixtures/duties/ in place
of data/duties.yml, and the fixture framework it cites."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from support.project_copy import copy_project
from support.site import ROOT

FIXTURES = ROOT / "tests" / "fixtures"


@pytest.fixture
def fixture_project(tmp_path) -> Path:
    project = copy_project(tmp_path, parts=("data",))
    shutil.copy(FIXTURES / "duties" / "duties.yml", project / "data" / "duties.yml")
    shutil.copy(FIXTURES / "frameworks" / "example-standards.yml", project / "data" / "frameworks")
    return project
