"""Hook: one page per framework in data/frameworks/, plus the frameworks index, made from the
data alone and added to the navigation, so adding a framework is adding one data file. A framework
whose file names its hand-written page (the 2012 briefing, the 2010 survey) is shown there instead.

on_config (priority 50, after load_content) adds the pages to the nav; on_files renders them
through overrides/markdown/framework.md.jinja and framework_index.md.jinja.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from esafety_portal.generated_pages import FIXED_PAGES, add_nav_section, publish_pages
from esafety_portal.jinja_cache import bytecode_cache
from esafety_portal.pages import relative_path
from esafety_portal.render import Renderer

INDEX = FIXED_PAGES["frameworks"]["index"]
CROSSWALK = FIXED_PAGES["frameworks"]["crosswalk"]
SECTION = "Frameworks"
AFTER = "Home"  # today's guidance comes straight after the home page


@event_priority(50)
def on_config(config):
    content = config["esafety_content"]
    if content.frameworks:
        # A framework with hand-written pages (its file's page:) is in mkdocs.yml's nav already.
        add_nav_section(config, SECTION, [INDEX] + [{f.label: f.home} for f in content.frameworks if f.generated]
                        + [CROSSWALK], AFTER)
    return config


def on_files(files, config):
    content = config["esafety_content"]
    if not content.frameworks:
        return files
    renderer = Renderer(content, Path(config.theme.custom_dir) / "markdown",
                        bytecode_cache=bytecode_cache(config, "markdown"))
    historical = content.historical_items()
    pages = {
        INDEX: renderer.render("framework_index.md.jinja", INDEX, relative=lambda src: relative_path(src, INDEX)),
        CROSSWALK: renderer.render("crosswalk.md.jinja", CROSSWALK, historical=historical,
                                   carried_ids={m.historical for m in content.mappings()},
                                   dropped=content.without_equivalent(),
                                   new_items=[i for fw in content.frameworks if fw.current for i in fw.items
                                              if not i.extra.get("grew_out_of")]),
    }
    for framework in content.frameworks:
        if framework.generated:
            pages[framework.home] = renderer.render("framework.md.jinja", framework.home, fw=framework)
    return publish_pages(files, config, pages)
