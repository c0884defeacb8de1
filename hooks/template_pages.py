"""Hook: one page per template in data/templates/, plus the templates index and the "Your
school's details" form, made from the data alone and added to the navigation, so adding a
template is adding one data file.

on_config (priority 50, after load_content) adds the pages to the nav: mkdocs.yml's nav is
explicit and a page left out of it fails the strict build. on_files renders the pages through
overrides/markdown/template.md.jinja, template_index.md.jinja and your_school.md.jinja, and
publishes the placeholders (name, label, help) as JSON for the script that fills in downloads.
"""
from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from esafety_portal.documents.pack import DOWNLOADS, PACK_NAME, file_names
from esafety_portal.generated_pages import FIXED_PAGES, add_nav_section, publish_pages
from esafety_portal.jinja_cache import bytecode_cache
from esafety_portal.pages import relative_path, template_page
from esafety_portal.render import Renderer
from esafety_portal.templates import PLACEHOLDER_HELP, PLACEHOLDERS, pieces, placeholder_label

INDEX = FIXED_PAGES["templates"]["index"]
YOUR_SCHOOL = FIXED_PAGES["templates"]["your-school"]
YOUR_SCHOOL_TITLE = "Your school's details"
# What school-details.js needs to fill in a download: each placeholder's label in the documents.
VOCABULARY = "assets/school-details/placeholders.json"
SECTION = "Templates"
# The Templates section goes straight after this nav section, or last if it is not there.
AFTER = "Inspection"


@event_priority(50)
def on_config(config):
    content = config["esafety_content"]
    add_nav_section(config, SECTION, [INDEX, {YOUR_SCHOOL_TITLE: YOUR_SCHOOL}]
                    + [{t.title: template_page(t.id)} for t in content.templates], AFTER)
    return config


def on_files(files, config):
    content = config["esafety_content"]
    sizes = config.get("esafety_downloads", {})
    renderer = Renderer(content, Path(config.theme.custom_dir) / "markdown",
                        bytecode_cache=bytecode_cache(config, "markdown"))

    def downloads(template_id: str, page: str) -> list[dict]:
        return [download(name, page, sizes) for name in file_names(template_id).values()]

    pages = {INDEX: renderer.render("template_index.md.jinja", INDEX, downloads=downloads,
                                    pack=download(PACK_NAME, INDEX, sizes), placeholders=PLACEHOLDERS),
             YOUR_SCHOOL: renderer.render("your_school.md.jinja", YOUR_SCHOOL, title=YOUR_SCHOOL_TITLE,
                                          downloads=downloads, pack=download(PACK_NAME, YOUR_SCHOOL, sizes),
                                          placeholders=placeholders())}
    for template in content.templates:
        page = template_page(template.id)
        pages[page] = renderer.render("template.md.jinja", page, tpl=template, pieces=pieces,
                                      downloads=downloads(template.id, page), pack=download(PACK_NAME, page, sizes))
    files = publish_pages(files, config, pages)
    vocabulary = {p["name"]: {"label": p["label"], "blank": p["blank"]} for p in placeholders()}
    files.append(File.generated(config, VOCABULARY, content=json.dumps(vocabulary, ensure_ascii=False, indent=1)))
    return files


def placeholders() -> list[dict]:
    """Each placeholder a school fills in: its name, label, help, and the blank documents show."""
    return [{"name": name, "label": label, "help": PLACEHOLDER_HELP[name], "blank": placeholder_label(name)}
            for name, label in PLACEHOLDERS.items()]


FORMAT_NAMES = {
    "docx": "Word document",
    "odt": "OpenDocument text",
    "md": "Markdown text",
    "zip": "Every template (.zip)",
}


def download(name: str, page: str, sizes: dict) -> dict:
    """What a download link needs: its text, its address from `page` and the file's size."""
    extension = name.rsplit(".", 1)[-1]
    return {"name": name, "kind": FORMAT_NAMES[extension], "extension": extension,
            "href": relative_path(f"{DOWNLOADS}/{name}", page), "size": _size(sizes.get(name))}


def _size(size: int | None) -> str:
    if size is None:
        return ""
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} bytes"
