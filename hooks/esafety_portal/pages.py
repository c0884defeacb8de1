"""Where each kind of item lives in the site, and links to it from any page."""
from __future__ import annotations

import posixpath

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

# The data file behind each generated page, for "Edit this page" and review dates.
DATA_OF_PAGE = {
    "inspection/index.md": "data/inspection.yml",
    "inspection/features.md": "data/features.yml",
    "inspection/inadequate.md": "data/inadequate.yml",
    "inspection/questions.md": "data/questions.yml",
    "survey-2010.md": "data/survey.yml",
    "organisations.md": "data/organisations.yml",
}


def relative_url(target_page: str, anchor: str, from_page: str) -> str:
    """A Markdown link target from `from_page` to `anchor` on `target_page` (docs paths)."""
    if target_page == from_page:
        return f"#{anchor}"
    path = posixpath.relpath(target_page, posixpath.dirname(from_page) or ".")
    return f"{path}#{anchor}"
