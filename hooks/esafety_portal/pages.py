"""Where each kind of item lives in the site, and links to it from any page."""
from __future__ import annotations

import posixpath

from .frameworks import page_of_framework

# The page (docs source path) on which each kind of item is shown, anchored by its id.
PAGE_OF_KIND = {
    "judgement": "inspection/index.md",
    "smsc": "inspection/index.md",
    "expectation": "inspection/questions.md",
    "theme": "inspection/features.md",
    "feature": "inspection/features.md",
    "inadequate": "inspection/inadequate.md",
    "audience": "inspection/questions.md",
    "question": "inspection/questions.md",
    "area": "survey-2010.md",
    "grade": "survey-2010.md",
    "summary": "survey-2010.md",
    "explanation": "survey-2010.md",
    "finding": "survey-2010.md",
    "recommendation": "survey-2010.md",
    "focus": "survey-2010.md",
    "support": "survey-2010.md",
    "organisation": "organisations.md",
    "tool": "organisations.md",
    "event": "organisations.md",
    "source": "about.md",
}

# Kinds shown on their template's own generated page (hooks/template_pages.py), not a fixed one.
TEMPLATE_KINDS = {"template", "section", "clause"}


def template_page(template_id: str) -> str:
    return f"templates/{template_id}.md"


def page_of(content, item_id: str) -> str:
    """The docs page that shows the item `item_id`."""
    framework = content.framework_of(item_id)
    if framework is not None:
        return page_of_framework(framework.id)
    kind = content.kinds[item_id]
    if kind in TEMPLATE_KINDS:
        thing = content.get(item_id)
        return template_page(getattr(thing, "template_id", None) or thing.extra["template_id"])
    return PAGE_OF_KIND[kind]


# The data file behind each generated page, for "Edit this page" and review dates.
DATA_OF_PAGE = {
    "inspection/index.md": "data/inspection.yml",
    "inspection/features.md": "data/features.yml",
    "inspection/inadequate.md": "data/inadequate.yml",
    "inspection/questions.md": "data/questions.yml",
    "survey-2010.md": "data/survey.yml",
    "organisations.md": "data/organisations.yml",
    "about.md": "data/sources.yml",
}


def pages_of_data_files(content, docs_dir) -> dict[str, tuple[str, str]]:
    """Data file -> (docs page that shows it, that page's title), for every file with a page.
    Hand-written pages take their title from their front matter; template pages from the data."""
    pages = {data_file: (page, page_title(docs_dir, page)) for page, data_file in DATA_OF_PAGE.items()}
    pages.update({t.data_file: (template_page(t.id), t.title) for t in content.templates})
    pages.update({f.data_file: (page_of_framework(f.id), f.label) for f in content.frameworks})
    return pages


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
