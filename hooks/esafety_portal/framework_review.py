"""Where each self-review lives: its page (made by the portal at /self-review/<id>/, or the
hand-written page its framework's self_review: page: names) and its data (self_review.review),
and which frameworks get a page made for them.
"""
from __future__ import annotations

from .frameworks import Framework
from .model import Content

# The hand-written self-review's data keeps the address its page has always loaded
# (overrides/self-review.html); the rules allow one such review (frameworks.py).
HAND_WRITTEN_DATA = "assets/self-review/framework.json"


def page_of_review(fw: Framework) -> str:
    """The docs path of a framework's self-review page: its hand-written page, or /self-review/<id>/."""
    return fw.self_review.page or f"self-review/{fw.id}.md"


def data_of_review(fw: Framework) -> str:
    """Where its JSON is published: beside the 2012 briefing's framework.json."""
    return HAND_WRITTEN_DATA if fw.self_review.page else f"assets/self-review/{fw.id}.json"


def reviews(content: Content) -> list[Framework]:
    """Every framework with a self-review."""
    return [fw for fw in content.frameworks if fw.self_review]


def reviewable(content: Content) -> list[Framework]:
    """The frameworks whose self-review page the portal makes (no hand-written page)."""
    return [fw for fw in reviews(content) if not fw.self_review.page]
