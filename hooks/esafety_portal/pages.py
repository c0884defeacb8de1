"""Where each kind of item lives in the site, and links to it from any page."""
from __future__ import annotations

import functools
import posixpath

from .families import DATA_OF_PAGE, FAMILIES, PAGE_OF_KIND

# Kinds shown on their template's own generated page (esafety_portal/template_pages.py), not a fixed one.
TEMPLATE_KINDS = {"template", "section", "clause"}


def template_page(template_id: str) -> str:
    return f"templates/{template_id}.md"


def page_of(content, item_id: str) -> str:
    """The docs page that shows the item `item_id`."""
    framework = content.framework_of(item_id)
    kind = content.kinds[item_id]
    if framework is not None:
        return framework.page_for(kind)
    if kind in TEMPLATE_KINDS:
        thing = content.get(item_id)
        return template_page(getattr(thing, "template_id", None) or thing.extra.template_id)
    return PAGE_OF_KIND[kind]


def data_of_pages(content) -> dict[str, list[str]]:
    """Docs page -> the data files behind it, for "Edit this page" and review dates: each fixed
    family page's file, and each framework's file on every page that shows part of it."""
    pages = {page: [data_file] for page, data_file in DATA_OF_PAGE.items()}
    for fw in content.frameworks:
        for page in fw.pages():
            pages.setdefault(page, []).append(fw.data_file)
    return pages


def pages_of_data_files(content, docs_dir) -> dict[str, tuple[str, str]]:
    """Data file -> (docs page that shows it, that page's title), for every file with a page.
    Hand-written pages take their title from their front matter; generated pages from the data."""
    # A family's one page: made from its template, or hand-written (its title in its front matter;
    # a site without that page, such as a test's mini-site, links its changes nowhere).
    pages = {f"data/{f.file}": (f.page, f.heading if f.template else page_title(docs_dir, f.page))
             for f in FAMILIES if f.page and f.file and (f.template or (docs_dir / f.page).is_file())}
    pages.update({t.data_file: (template_page(t.id), t.title) for t in content.templates})
    pages.update({f.data_file: (f.home, f.label if f.generated else page_title(docs_dir, f.home))
                  for f in content.frameworks})
    if content.guides:  # response guides (guides.py): each file on its own page under what-to-do/
        pages.update({g.data_file: (g.page, g.title) for g in content.guides.guides})
    return pages


@functools.lru_cache(maxsize=8192)  # every link on every page asks: relpath reads the working folder each time
def relative_path(target: str, from_page: str) -> str:
    """A link from the docs page `from_page` to the docs file `target` (both docs paths)."""
    return posixpath.relpath(target, posixpath.dirname(from_page) or ".")


def relative_url(target_page: str, anchor: str, from_page: str) -> str:
    """A Markdown link target from `from_page` to `anchor` on `target_page` (docs paths)."""
    if target_page == from_page:
        return f"#{anchor}"
    return f"{relative_path(target_page, from_page)}#{anchor}"


def page_title(docs_dir, page: str) -> str:
    """The title in a docs page's front matter (the single place page titles are written)."""
    from mkdocs.utils.meta import get_data

    _, meta = get_data((docs_dir / page).read_text("utf-8"))
    return meta.get("title", page)
