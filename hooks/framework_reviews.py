"""Hook: a self-review page and its JSON for every reviewable framework (a file in
data/frameworks/ with a `self_review:` block), made from the data alone, so making a framework
reviewable is an edit to its file.

on_config (priority 40, after framework_pages has made the Frameworks section) lists the
reviews first in the nav's Self-review section (or, without one, each straight after its
framework's page); on_files renders the page through
overrides/markdown/framework_review.md.jinja (template: self-review.html, the same tool as the
2012 briefing's) and publishes assets/self-review/<id>.json for its script.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from esafety_portal.framework_review import data_of_review, page_of_review, review, review_json, reviewable
from esafety_portal.generated_pages import publish_pages
from esafety_portal.jinja_cache import bytecode_cache
from esafety_portal.render import Renderer

SECTION = "Self-review"  # mkdocs.yml: today's reviews lead it, Ofsted's 2012 checklist after them
FALLBACK = "Frameworks"  # hooks/framework_pages.py: where they go if there is no Self-review section


@event_priority(40)
def on_config(config):
    nav = config.nav or []
    sections = {next(iter(e)): e[next(iter(e))] for e in nav if isinstance(e, dict) and isinstance(
        e[next(iter(e))], list)}
    if SECTION in sections:
        # Today's reviews first, in the frameworks' order, before the historical checklist.
        sections[SECTION][:0] = [{fw.self_review.title: page_of_review(fw.id)}
                                 for fw in reviewable(config["esafety_content"])]
        return config
    for fw in reviewable(config["esafety_content"]):
        pages = sections.get(FALLBACK)
        if pages is not None:
            # After its framework's page; a framework on hand-written pages (the 2012 briefing)
            # is not in this section, so its review goes at the end.
            at = next((i + 1 for i, e in enumerate(pages) if isinstance(e, dict) and fw.home in e.values()),
                      len(pages))
            pages.insert(at, {fw.self_review.title: page_of_review(fw.id)})
    return config


def on_files(files, config):
    content = config["esafety_content"]
    frameworks = reviewable(content)
    if not frameworks:
        return files
    renderer = Renderer(content, Path(config.theme.custom_dir) / "markdown",
                        bytecode_cache=bytecode_cache(config, "markdown"))
    pages = {}
    for fw in frameworks:
        page = page_of_review(fw.id)
        pages[page] = renderer.render("framework_review.md.jinja", page, fw=fw, data_path=data_of_review(fw.id),
                                      framework=review(content, fw, config["use_directory_urls"]))
        files.append(File.generated(config, data_of_review(fw.id),
                                    content=review_json(content, fw, config["use_directory_urls"])))
    return publish_pages(files, config, pages)
