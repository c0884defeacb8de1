"""Pages made from data: what each family's `pages` function returns (a PageSpec per page, an
Asset per other file), the menu sections they make, placed in the order data/site.yml gives
(nav:), and the pages themselves as MkDocs files. Used by hooks/generated_pages.py alone."""
from __future__ import annotations

from dataclasses import dataclass, field

from .guides import FOLDER as GUIDES_FOLDER
from .guides import INDEX as GUIDES_INDEX


@dataclass(frozen=True)
class PageSpec:
    """One generated page: rendered from overrides/markdown/<template> with `context`, listed in
    the menu section `section` (a family's name; "" for none) under `title` ("" for its own).
    Without a template, a hand-written page in docs/ that the family lists in its section."""

    path: str  # its docs path, such as templates/aup-ks2.md
    template: str
    context: dict = field(default_factory=dict)
    title: str = ""
    section: str = ""
    menu_order: int = 0  # its place in its section, where that differs from the order pages are published in


@dataclass(frozen=True)
class Asset:
    """Another file a family publishes beside its pages, such as a script's JSON."""

    path: str
    data: bytes | str


def family_pages(build, family) -> list:
    """A family with a `template`: its one page (`page`), made from its data, in its own section."""
    if not (family.template and family.page):
        return []
    return [PageSpec(family.page, family.template, {"family": family, "data": build.content.family(family.key)},
                     title=family.heading, section=family.key)]

# The pages the hooks make in a folder besides one page per data file there; a data file's id is
# its page's name, so no id may take one of these.
FIXED_PAGES = {
    "templates": {"index": "templates/index.md", "your-school": "templates/your-school.md"},
    "frameworks": {"index": "frameworks/index.md", "crosswalk": "frameworks/crosswalk.md"},
    # guide_pages.py: the What to do page, and the hand-written incident record beside the guides
    "guides": {"index": GUIDES_INDEX, "record": f"{GUIDES_FOLDER}/record.md"},
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
            page_folder = FIXED_PAGES[folder][item_id].rsplit("/", 1)[0]  # guides are under what-to-do/
            errors.append(ContentError(
                f.shown_as, line_of(f.data, ["id"]), "id",
                f"'{item_id}' is the name of the portal's own page {page_folder}/{item_id}/",
                f"choose another id (and file name), such as '{folder[:-1]}-{item_id}'"))
    return errors


def nav_sections(pages: list, titles: dict[str, str]) -> dict[str, dict]:
    """Section name -> its menu entry ({title: [pages]}, or {title: page} for a one-page section),
    its pages in the order given; `titles`: section name -> its title in the menu."""
    listed: dict[str, list] = {}
    for spec in sorted((s for s in pages if isinstance(s, PageSpec)), key=lambda s: s.menu_order):
        if spec.section:
            listed.setdefault(spec.section, []).append({spec.title: spec.path} if spec.title else spec.path)
    return {name: ({titles.get(name, name): entries} if len(entries) > 1 or not isinstance(entries[0], dict)
                   else entries[0]) for name, entries in listed.items()}


def entry_id(entry) -> str:
    """How data/site.yml's nav: names a section of mkdocs.yml's nav: by its first page's file, so
    renaming a section in the menu never moves another."""
    if isinstance(entry, dict):
        return entry_id(next(iter(entry.values())))
    if isinstance(entry, list):
        return entry_id(entry[0]) if entry else ""
    return str(entry)


def place_sections(nav: list, sections: dict[str, dict], order) -> tuple[list, list[str]]:
    """mkdocs.yml's nav with the generated `sections` in it, and the problems with `order` (data/site.yml's
    nav:). A section named after a hand-written one (its first page, such as self-review.md) opens
    that section; every other goes where `order` puts it, or last without an order."""
    hand = {entry_id(entry): _opened(entry, sections[entry_id(entry)])
            if entry_id(entry) in sections and isinstance(entry, dict) else entry for entry in nav}
    own = {name: section for name, section in sections.items() if name not in hand}
    # Generated pages can open a section, not join a page that stands alone in the menu.
    problems = [f"pages made from data name '{name}', a page on its own in mkdocs.yml's nav: make it a section"
                for name in sections if name in hand and not isinstance(hand[name], dict)]
    if not order:
        return list(hand.values()) + list(own.values()), problems
    everything = {**hand, **own}
    problems += [f"'{name}' is not a section of the menu: use the first page of a section in mkdocs.yml's nav, "
                 f"or one of {', '.join(sorted(own)) or 'no generated section'}"
                 for name in order if name not in everything]
    problems += [f"does not list '{name}': add it where its section goes in the menu"
                 for name in everything if name not in order]
    return [everything[name] for name in order if name in everything], problems


def _opened(entry: dict, section: dict) -> dict:
    """A hand-written section (`{title: [pages]}` or `{title: page}`) with the generated `section`'s
    pages first."""
    pages = next(iter(section.values()))
    pages = pages if isinstance(pages, list) else [section]
    title, own = next(iter(entry.items()))
    return {title: pages + (own if isinstance(own, list) else [own])}


def publish_pages(files, config, pages: list, renderer):
    """Render and add each generated page, and add each asset; a hand-written page of the same
    name gives way."""
    from mkdocs.structure.files import File, InclusionLevel

    for spec in pages:
        if isinstance(spec, Asset):
            files.append(File.generated(config, spec.path, content=spec.data))
            continue
        if not spec.template:  # a hand-written page, only listed in the menu
            continue
        existing = files.get_file_from_path(spec.path)
        if existing is not None:
            files.remove(existing)
        markdown = renderer.render(spec.template, spec.path, **spec.context)
        # MkDocs leaves out any /templates/ folder by default (for theme templates): say these count.
        files.append(File.generated(config, spec.path, content=markdown, inclusion=InclusionLevel.INCLUDED))
    return files
