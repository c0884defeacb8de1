"""Apply data/site.yml to the MkDocs configuration, so rebranding is one file."""
from __future__ import annotations

import html
from pathlib import Path

from .model import Site
from .yaml_loader import line_of, read_yaml


def apply_identity(config, site: Site) -> None:
    # The theme prints these into HTML as they are (its Jinja does not escape): escape them here.
    config.site_name = html.escape(site.portal_name)
    config.site_description = html.escape(site.description)
    config.site_url = site.site_url
    # No repo_url: schools do not edit the site, so its header holds no repository button. The
    # county's editors get an edit link at the foot of each page (hooks/page_data.py).
    config.copyright = html.escape(f"© {site.council}. {site.licence['crown_copyright']}")
    config.theme["language"] = "en"
    config.extra["site"] = site


def nav_line(site_file: Path) -> int:
    """The line of site.yml's `nav:`, for a message about the menu's order."""
    data, _ = read_yaml(site_file, "data/site.yml")
    return line_of(data, ["nav"])