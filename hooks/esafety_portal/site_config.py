"""Apply data/site.yml to the MkDocs configuration, so rebranding is one file."""
from __future__ import annotations

from .model import Site


def apply_identity(config, site: Site) -> None:
    config.site_name = site.portal_name
    config.site_description = site.description
    config.site_url = site.site_url
    config.repo_url = site.repository_url
    config.repo_name = "Edit the content"
    config.edit_uri = f"edit/{site.repository_branch}/docs/"
    config.copyright = f"© {site.council}. {site.licence['crown_copyright']}"
    config.theme["language"] = "en"
    config.extra["site"] = site
