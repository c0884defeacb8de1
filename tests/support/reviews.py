"""The hand-written self-review's data (docs/self-review.md, the 2012 briefing's), as its page loads it."""
from __future__ import annotations

from esafety_portal.self_review import as_json, hand_written, review

PAGE = "self-review.md"


def briefing_review(content, use_directory_urls: bool = True) -> dict:
    return review(content, hand_written(content, PAGE), use_directory_urls)


def briefing_json(content) -> bytes:
    return as_json(briefing_review(content))
