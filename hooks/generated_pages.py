"""Hook: every page made from data, from one list (the build state's `pages`, which each family
in esafety_portal/families.py contributes to), and the menu sections they make.

on_config (priority 50, after load_content) puts each family's section in the menu where
data/site.yml's `nav:` lists it: mkdocs.yml's nav is explicit and a page left out of it fails
the strict build. on_files renders the pages through their templates in overrides/markdown/ and
publishes the files beside them (a script's JSON).
"""
from __future__ import annotations

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from esafety_portal.build_state import build_state
from esafety_portal.families import FAMILIES
from esafety_portal.generated_pages import nav_sections, place_sections, publish_pages
from esafety_portal.site_config import nav_line


@event_priority(50)
def on_config(config):
    build = build_state(config)
    sections = nav_sections(build.pages, {f.key: f.heading for f in FAMILIES})
    nav, problems = place_sections(config.nav or [], sections, build.content.site.nav)
    if problems:
        where = f"data/site.yml:{nav_line(build.project_dir / 'data' / 'site.yml')}: nav"
        raise PluginError("\n".join(f"{where}: {problem}" for problem in problems))
    config.nav = nav
    return config


def on_files(files, config):
    build = build_state(config)
    return publish_pages(files, config, build.pages, build.renderer)
