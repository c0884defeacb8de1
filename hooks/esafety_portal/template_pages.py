"""The templates family's pages (families.FAMILIES: pages): one page per template in
data/templates/, the templates index and the "Your school's details" form, and the placeholders
(name, label, help) as JSON for the script that fills in downloads."""
from __future__ import annotations

import json

from .documents.pack import DOWNLOADS, PACK_NAME, file_names
from .generated_pages import FIXED_PAGES, Asset, PageSpec
from .pages import relative_path, template_page
from .templates import PLACEHOLDER_HELP, PLACEHOLDERS, pieces, placeholder_label
from .what_changed import change_page, template_changes

INDEX = FIXED_PAGES["templates"]["index"]
YOUR_SCHOOL = FIXED_PAGES["templates"]["your-school"]
YOUR_SCHOOL_TITLE = "Your school's details"
# What school-details.js needs to fill in a download: each placeholder's label in the documents.
VOCABULARY = "assets/school-details/placeholders.json"


def pages(build, family) -> list:
    content = build.content
    if not content.templates:  # a portal without templates has no Templates section
        return []
    sizes = build.download_sizes

    def downloads(template_id: str, page: str) -> list[dict]:
        return [download(name, page, sizes) for name in file_names(template_id).values()]

    specs = [PageSpec(INDEX, "template_index.md.jinja", {
                 "downloads": downloads, "pack": download(PACK_NAME, INDEX, sizes), "placeholders": PLACEHOLDERS},
                 section=family.key),
             PageSpec(YOUR_SCHOOL, "your_school.md.jinja", {
                 "title": YOUR_SCHOOL_TITLE, "downloads": downloads, "pack": download(PACK_NAME, YOUR_SCHOOL, sizes),
                 "placeholders": placeholders()}, title=YOUR_SCHOOL_TITLE, section=family.key)]
    for template in content.templates:
        page = template_page(template.id)
        specs.append(PageSpec(page, "template.md.jinja", {
            "tpl": template, "pieces": pieces, "downloads": downloads(template.id, page),
            "pack": download(PACK_NAME, page, sizes)}, title=template.title, section=family.key))
        if changes := template_changes(template):  # what changed since its previous version follows it
            specs.append(change_page(content, changes, family.key))
    vocabulary = {p["name"]: {"label": p["label"], "blank": p["blank"]} for p in placeholders()}
    return specs + [Asset(VOCABULARY, json.dumps(vocabulary, ensure_ascii=False, indent=1))]


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
