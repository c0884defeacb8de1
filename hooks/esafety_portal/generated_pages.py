"""Pages made from data (templates, frameworks): a section of the navigation for them, and the
pages themselves as MkDocs files. Shared by hooks/template_pages.py and hooks/framework_pages.py."""
from __future__ import annotations

# The pages the hooks make in a folder besides one page per data file there; a data file's id is
# its page's name, so no id may take one of these.
FIXED_PAGES = {
    "templates": {"index": "templates/index.md", "your-school": "templates/your-school.md"},
    "frameworks": {"index": "frameworks/index.md", "crosswalk": "frameworks/crosswalk.md"},
    "guides": {"index": "what-to-do/index.md"},  # hooks/guide_pages.py
}


def check_reserved_ids(files) -> list:
    """A template or framework whose id is the name of one of the folder's own pages."""
    from .errors import ContentError
    from .yaml_loader import line_of

    errors = []
    for f in files:
        folder = f.shown_as.split("/")[1] if f.shown_as.count("/") == 2 else ""
        item_id = f.data.get("id") if isinstance(f.data, dict) else None
        if item_id in FIXED_PAGES.get(folder, {}):
            errors.append(ContentError(
                f.shown_as, line_of(f.data, ["id"]), "id",
                f"'{item_id}' is the name of the portal's own page {folder}/{item_id}/",
                f"choose another id (and file name), such as '{folder[:-1]}-{item_id}'"))
    return errors


def add_nav_section(config, title: str, entries: list, after: str) -> None:
    """Put the section `title` (replacing one of that name) straight after the nav section `after`,
    or last if there is none: mkdocs.yml's nav is explicit and a page left out of it fails --strict."""
    nav = [entry for entry in (config.nav or []) if not (isinstance(entry, dict) and title in entry)]
    keys = [next(iter(entry)) if isinstance(entry, dict) else None for entry in nav]
    nav.insert(keys.index(after) + 1 if after in keys else len(nav), {title: entries})
    config.nav = nav


def publish_pages(files, config, pages: dict[str, str]):
    """Add each generated page (docs path -> Markdown); a hand-written page of the same name gives way."""
    from mkdocs.structure.files import File, InclusionLevel

    for src_uri, markdown in pages.items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            files.remove(existing)
        # MkDocs leaves out any /templates/ folder by default (for theme templates): say these count.
        files.append(File.generated(config, src_uri, content=markdown, inclusion=InclusionLevel.INCLUDED))
    return files
