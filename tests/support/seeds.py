"""What the seed articles say, as the tests need it: every bullet and numbered item, the theme
headings of the features list, and the few sentences that state figures and quotes.

The tests read it from tests/fixtures/seeds.json, which is in the repository: the suite reads
nothing outside it. The fixture is made from the seed articles by `extract` below. Where the
articles are at hand, `make check-seeds` (this file with --check) extracts again and fails with a
diff if the fixture has drifted; `.venv/bin/python tests/support/seeds.py DIR` remakes it.
"""
from __future__ import annotations

import functools
import html
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "fixtures" / "seeds.json"
BRIEFING_POST = "000_2e0a547b41b323c8.txt"
SURVEY_POST = "002_901c640f8a86bc57.txt"

SOURCE_NOTE = (
    "Extracted by tests/support/seeds.py from the two seed articles of the Kent e-Safety blog: "
    f"{BRIEFING_POST}, 'Ofsted and e-Safety - Is your school ready for inspection?', on Ofsted's "
    f"2012 briefing 'Inspecting e-Safety'; and {SURVEY_POST}, 'The Safe Use of New Technologies - "
    "New Ofsted Report', on Ofsted's 2010 survey report 'The safe use of new technologies' "
    "(reference 090231). The listed items are Ofsted's wording, which data/ quotes with its source "
    "(data/sources.yml); Ofsted material is Crown copyright, used under the Open Government Licence. "
    "Do not edit by hand: remake it with `.venv/bin/python tests/support/seeds.py`."
)

# The sentences the figure and framing tests read, each found by a phrase only it contains.
PASSAGE_MARKERS = {
    BRIEFING_POST: (
        "two of the four key judgements",
        "develop and apply an understanding of right and wrong",
        "Ofsted will expect positive answers",
    ),
    SURVEY_POST: (
        "maintained schools in England",
        "The provision for e-safety was outstanding in",
        "most effective schools",
        "systems which kept their pupils safe",
    ),
}
# Where the features list starts and ends in the briefing post.
FEATURES_START = "key features of good and outstanding e-Safety practice"
FEATURES_END = "Indicators of inadequate e-Safety practice"

_LISTED = re.compile(r"^\s+(?:•|\d+\.)\s+(.*\S)\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][”’])\s+")


def normalise(text: str) -> str:
    """Lower case, straight quotes, single spaces, no trailing full stop: for comparing wording."""
    text = unicodedata.normalize("NFKC", html.unescape(text))
    text = text.replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = re.sub(r"\s+", " ", text).strip().lower()
    return text.rstrip(".?! ")


# -- Extracting from the seed articles -------------------------------------------------------

def article_text(seed_dir: Path, name: str) -> str:
    text = (seed_dir / name).read_text("utf-8")
    # The blog's page furniture (comment form) is not content.
    return text.split("This entry was posted")[0]


def _listed_items(text: str) -> list[str]:
    """Every bullet ('•') and numbered ('1.') line, as written."""
    return [match.group(1) for line in text.splitlines() if (match := _LISTED.match(line))]


def _passages(text: str, name: str, markers: tuple[str, ...]) -> list[str]:
    """The one sentence holding each marker; raises if a marker is in none or in several."""
    sentences = [s.strip() for paragraph in text.split("\n\n") for s in _SENTENCE_END.split(paragraph)]
    passages = []
    for marker in markers:
        found = [s for s in sentences if marker in s]
        if len(found) != 1:
            raise ValueError(f"{name}: {marker!r} is in {len(found)} sentences, not one")
        passages.append(found[0])
    return passages


def _theme_headings(text: str) -> list[str | None]:
    """The heading above each group of the features list, or None where it was lost."""
    section = text.split(FEATURES_START, 1)[1].split(FEATURES_END, 1)[0]
    headings, pending, in_group = [], None, False
    for line in section.splitlines()[1:]:  # [0] is the rest of the introducing line
        if _LISTED.match(line):
            if not in_group:
                headings.append(pending)
            pending, in_group = None, True
        elif line.strip():
            pending, in_group = line.strip(), False
        else:
            in_group = False
    return headings


def extract(seed_dir: Path) -> dict:
    """The fixture's content, from the seed articles in `seed_dir`."""
    posts = {}
    for name, markers in PASSAGE_MARKERS.items():
        text = article_text(seed_dir, name)
        posts[name] = {"listed_items": _listed_items(text), "passages": _passages(text, name, markers)}
    posts[BRIEFING_POST]["theme_headings"] = _theme_headings(article_text(seed_dir, BRIEFING_POST))
    return {"source": SOURCE_NOTE, "posts": posts}


def fixture_json(content: dict) -> str:
    return json.dumps(content, ensure_ascii=False, indent=2) + "\n"


# -- Reading the fixture ---------------------------------------------------------------------

@functools.cache
def _fixture() -> dict:
    return json.loads(FIXTURE.read_text("utf-8"))


def listed_items(name: str) -> list[str]:
    return _fixture()["posts"][name]["listed_items"]


def all_listed_items() -> list[tuple[str, str]]:
    return [(name, item) for name in (BRIEFING_POST, SURVEY_POST) for item in listed_items(name)]


def seed_text(name: str) -> str:
    """The sentences of a post that state its figures and quotes, one a line."""
    return "\n".join(_fixture()["posts"][name]["passages"])


def theme_headings() -> list[str | None]:
    return _fixture()["posts"][BRIEFING_POST]["theme_headings"]


def drift(seed_dir: Path) -> str:
    """A diff between the committed fixture and what the articles in `seed_dir` say ('' if none)."""
    import difflib

    committed, expected = FIXTURE.read_text("utf-8"), fixture_json(extract(seed_dir))
    return "".join(difflib.unified_diff(committed.splitlines(True), expected.splitlines(True),
                                        "committed fixture", "from the seeds", n=1))


def main(argv: list[str]) -> int:
    check = argv[:1] == ["--check"]
    args = argv[1:] if check else argv
    if len(args) != 1 or not Path(args[0]).is_dir():
        print("usage: seeds.py [--check] SEED_DIR (the folder holding the two seed articles)", file=sys.stderr)
        return 2
    seed_dir = Path(args[0])
    if check:
        diff = drift(seed_dir)
        print(f"{FIXTURE.relative_to(ROOT)} has drifted from {seed_dir}; remake it with "
              f"`.venv/bin/python tests/support/seeds.py {seed_dir}`:\n{diff[:3000]}" if diff
              else f"{FIXTURE.relative_to(ROOT)} matches the seed articles in {seed_dir}")
        return 1 if diff else 0
    FIXTURE.parent.mkdir(exist_ok=True)
    FIXTURE.write_text(fixture_json(extract(seed_dir)), "utf-8")
    print(f"wrote {FIXTURE.relative_to(ROOT)} from {seed_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
