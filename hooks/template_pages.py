"""Hook: one page per template in data/templates/, plus the templates index, made from the data
alone and added to the navigation, so adding a template is adding one data file.

on_config (priority 50, after load_content) adds the pages to the nav: mkdocs.yml's nav is
explicit and a page left out of it fails the strict build. on_files renders the pages through
overrides/markdown/template.md.jinja and template_index.md.jinja.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from esafety_portal.documents.pack import DOWNLOADS, PACK_NAME, file_names
from esafety_portal.generated_pages import add_nav_section, publish_pages
from esafety_portal.jinja_cache import bytecode_cache
from esafety_portal.pages import relative_path, template_page
from esafety_portal.render import Renderer
from esafety_portal.templates import PLACEHOLDERS, pieces

INDEX = "templates/index.md"
SECTION = "Templates"
# The Templates section goes straight after this nav section, or last if it is not there.
AFTER = "Inspection"


@event_priority(50)
def on_config(config):
    content = config["esafety_content"]
    add_nav_section(config, SECTION, [INDEX] + [{t.title: template_page(t.id)} for t in content.templates], AFTER)
    return config


def on_files(files, config):
    content = config["esafety_content"]
    sizes = config.get("esafety_downloads", {})
    renderer = Renderer(content, Path(config.theme.custom_dir) / "markdown",
                        bytecode_cache=bytecode_cache(config, "markdown"))

    def downloads(template_id: str, page: str) -> list[dict]:
        return [download(name, page, sizes) for name in file_names(template_id).values()]

    pages = {INDEX: renderer.render("template_index.md.jinja", INDEX, downloads=downloads,
                                    pack=download(PACK_NAME, INDEX, sizes), placeholders=PLACEHOLDERS)}
    for template in content.templates:
        page = template_page(template.id)
        pages[page] = renderer.render("template.md.jinja", page, tpl=template, pieces=pieces,
                                      downloads=downloads(template.id, page), pack=download(PACK_NAME, page, sizes))
    return publish_pages(files, config, pages)


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
