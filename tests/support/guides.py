"""A copy of the project's data whose response guides and contacts are the small fixtures in
tests/fixtures/guides/ (never the real guides), for the guide engine's tests."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from .project_copy import copy_project
from .site import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "guides"
STANDARDS = ROOT / "tests" / "fixtures" / "frameworks" / "example-standards.yml"
GUIDES = ("fixture-nudes.yml", "fixture-scare.yml")


def guide_project(destination: Path, parts=("data",)) -> Path:
    """The project's `parts` with the fixture guides, the fixture contacts (county ones in
    site.yml, national ones in contacts.yml) and the fixture framework their steps cite."""
    project = copy_project(destination, parts=parts)
    data = project / "data"
    shutil.rmtree(data / "guides", ignore_errors=True)
    (data / "guides").mkdir()
    for name in GUIDES:
        shutil.copy(FIXTURES / name, data / "guides" / name)
    shutil.copy(FIXTURES / "contacts.yml", data / "contacts.yml")
    shutil.copy(STANDARDS, data / "frameworks" / STANDARDS.name)
    site = data / "site.yml"
    # The real site.yml's own contacts: (if any) give way to the fixture's.
    text = re.sub(r"^contacts:\n(?:[ \-#][^\n]*\n|\n)*", "", site.read_text("utf-8"), flags=re.M)
    site.write_text(text.rstrip("\n") + "\n" + (FIXTURES / "site-contacts.yml").read_text("utf-8"), "utf-8")
    return project
