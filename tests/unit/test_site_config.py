"""site_config.py: the line a message about the menu's order points at."""
from __future__ import annotations

from esafety_portal.site_config import nav_line


def test_the_line_of_nav(tmp_path):
    site = tmp_path / "site.yml"
    site.write_text("portal_name: X\nlanguage: en-GB\nnav:\n  - index.md\n", "utf-8")
    assert nav_line(site) == 3
    site.write_text("portal_name: X\n", "utf-8")
    assert nav_line(site) == 1
