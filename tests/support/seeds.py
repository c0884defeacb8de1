"""Read the seed articles: every bullet and numbered item, and the figures they state."""
from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
BRIEFING_POST = "000_2e0a547b41b323c8.txt"
SURVEY_POST = "002_901c640f8a86bc57.txt"


def normalise(text: str) -> str:
    """Lower case, straight quotes, single spaces, no trailing full stop: for comparing wording."""
    text = unicodedata.normalize("NFKC", html.unescape(text))
    text = text.replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"\s+", " ", text).strip().lower()
    return text.rstrip(".?! ")


def seed_text(name: str) -> str:
    text = (SEEDS / name).read_text("utf-8")
    # The blog's page furniture (comment form) is not content.
    return text.split("This entry was posted")[0]


def listed_items(name: str) -> list[str]:
    """Every bullet ('•') and numbered ('1.') line of a seed, as written."""
    items = []
    for line in seed_text(name).splitlines():
        match = re.match(r"^\s+(?:•|\d+\.)\s+(.*\S)\s*$", line)
        if match:
            items.append(match.group(1))
    return items


def all_listed_items() -> list[tuple[str, str]]:
    return [(name, item) for name in (BRIEFING_POST, SURVEY_POST) for item in listed_items(name)]
