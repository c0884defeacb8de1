"""Every indicator, question, finding, recommendation and figure of the seeds is in data/,
and on its page under its permalink. The lists come from the seed articles themselves, through
tests/fixtures/seeds.json (tests/test_seed_fixture.py keeps it identical to the articles)."""
from __future__ import annotations

import difflib
import re
from collections import Counter
from html.parser import HTMLParser

import pytest

from support.addresses import PAGE_OF_KIND
from support.seeds import (BRIEFING_POST, SURVEY_POST, all_listed_items, listed_items, normalise, seed_text,
                           theme_headings)

SEED_ITEMS = all_listed_items()


def test_the_seeds_have_the_expected_number_of_listed_items():
    # 7 findings + 7 recommendations + 17 features + 7 indicators + 15 questions in the briefing post;
    # 5 areas + 3 focus areas + 7 recommendations in the survey post.
    assert len(listed_items(BRIEFING_POST)) == 53
    assert len(listed_items(SURVEY_POST)) == 15


def _texts_with_ids(content):
    """(normalised text, id, kind) for every quoted or titled piece of data that has an id."""
    out = []
    for item in content.all_items():
        out.append((normalise(item.text), item.id, item.kind))
    for area in content.details("survey")["areas"]:
        out.append((normalise(area["title"]), area["id"], "area"))
    return out


def _match(seed: str, texts, letters_of: list[Counter]):
    """The (text, id, kind) closest to `seed` by difflib's ratio (the first of equals), and the ratio.
    Two upper bounds of the ratio, from the lengths and the letters alone (`letters_of`: each
    text's letters, counted once), skip a text that could not beat the best so far: the same
    answer as trying them all, several times sooner."""
    wanted = normalise(seed)
    letters = Counter(wanted)
    best, best_ratio = None, -1.0
    for entry, their_letters in zip(texts, letters_of):
        total = len(wanted) + len(entry[0])
        if 2 * min(len(wanted), len(entry[0])) / total <= best_ratio:  # SequenceMatcher.real_quick_ratio
            continue
        if 2 * sum((letters & their_letters).values()) / total <= best_ratio:  # .quick_ratio
            continue
        ratio = difflib.SequenceMatcher(None, wanted, entry[0]).ratio()
        if ratio > best_ratio:
            best, best_ratio = entry, ratio
    return best, best_ratio


@pytest.fixture(scope="module")
def matches(content) -> dict[str, tuple]:
    """Each seed item's closest piece of data, found once for both tests that ask."""
    texts = _texts_with_ids(content)
    letters_of = [Counter(text) for text, _, _ in texts]
    return {seed: _match(seed, texts, letters_of) for _, seed in SEED_ITEMS}


@pytest.mark.parametrize("post, seed", SEED_ITEMS, ids=[f"{p[:3]}-{i}" for i, (p, _) in enumerate(SEED_ITEMS)])
def test_every_seed_item_is_in_the_data(post, seed, matches):
    (text, item_id, kind), ratio = matches[seed]
    # The two posts quote one recommendation with slightly different wording; 0.9 allows that, not a different item.
    assert ratio >= 0.9, f"not in data/: {seed!r} (closest: {item_id} at {ratio:.2f})"


class _TextAfterAnchor(HTMLParser):
    """Collects the text that follows the element with a given id."""

    def __init__(self, anchor: str, length: int = 1500):
        super().__init__()
        self.anchor, self.length, self.found, self.parts = anchor, length, False, []

    def handle_starttag(self, tag, attrs):
        if dict(attrs).get("id") == self.anchor:
            self.found = True

    def handle_data(self, data):
        if self.found and sum(map(len, self.parts)) < self.length:
            self.parts.append(data)


def _page_html(built_site, kind):
    page = PAGE_OF_KIND[kind]
    path = built_site / (page.removesuffix(".md").removesuffix("index") + "/index.html").replace("//", "/")
    return path.read_text("utf-8")


@pytest.mark.parametrize("post, seed", SEED_ITEMS, ids=[f"{p[:3]}-{i}" for i, (p, _) in enumerate(SEED_ITEMS)])
def test_every_seed_item_is_on_its_page_under_its_permalink(post, seed, matches, built_site):
    (text, item_id, kind), _ = matches[seed]
    parser = _TextAfterAnchor(item_id)
    parser.feed(_page_html(built_site, kind))
    assert parser.found, f"{item_id} has no anchor on {PAGE_OF_KIND[kind]}"
    assert text in normalise(" ".join(parser.parts)), f"{item_id}'s text does not follow its anchor"


def test_the_figures_of_the_2010_survey_are_in_the_data_and_on_the_page(content, built_site):
    seed = seed_text(SURVEY_POST)
    schools = int(re.search(r"in (\d+) maintained schools", seed).group(1))
    start, end, year = re.search(r"between (\w+) and (\w+) (\d{4})", seed).groups()
    grades = re.search(r"outstanding in (\w+) of the schools, good in (\d+), satisfactory in (\d+), and inadequate in (\w+)", seed).groups()
    most_effective = int(re.search(r"The (\d+) most effective schools", seed).group(1))
    locked_down = int(re.search(r"(\d+) schools used .locked down. systems", seed).group(1))
    words = {"one": 1, "five": 5}
    grades = [words.get(g, None) or int(g) for g in grades]

    survey = content.details("survey")
    assert survey["survey"]["schools"] == schools == 35
    assert (survey["survey"]["fieldwork_start"], survey["survey"]["fieldwork_end"]) == (f"{year}-04", f"{year}-07")
    assert (start, end) == ("April", "July")
    assert [g["schools"] for g in survey["grades"]] == grades == [5, 16, 13, 1]
    assert [g["title"] for g in survey["grades"]] == ["Outstanding", "Good", "Satisfactory", "Inadequate"]
    assert survey["most_effective"]["schools"] == most_effective == 21
    assert survey["managed_systems"]["locked_down_schools"] == locked_down == 13

    page = normalise(re.sub(r"<[^>]+>", " ", _page_html(built_site, "grade")))
    assert "35 maintained schools in england" in page
    assert "april 2009 and july 2009" in page
    for grade, count in zip(["outstanding", "good", "satisfactory", "inadequate"], grades):
        assert re.search(rf"{grade} {count} \d+%", page), f"grade row for {grade} missing"
    assert "the 21 most effective schools" in page


def test_the_briefing_framing_is_in_the_data(content):
    seed = seed_text(BRIEFING_POST)
    inspection = content.details("inspection")
    assert "two of the four key judgements" in seed
    assert len(inspection["judgements"]) == 2 and inspection["key_judgements_total"] == 4
    for judgement in inspection["judgements"]:
        assert f"\u201c{judgement['quote']}\u201d" in seed
    assert normalise(inspection["smsc"]["quote"]) in normalise(seed)
    assert normalise(inspection["expectation"]["quote"]) in normalise(seed)


def test_questions_by_audience_match_the_briefing(content):
    counts = {a.title: len(a.items) for a in content.placed_groups("audience")}
    assert counts == {"Senior leadership team": 5, "Pupils": 4, "Staff": 6}
    secondary = [q.id for q in content.placed_items("question") if q.extra.phase == "secondary"]
    assert secondary == ["question-pupils-4"]


def test_restored_theme_headings_are_marked_as_inferred(content):
    inferred = {t.title for t in content.placed_groups("theme") if t.heading_inferred}
    assert inferred == {"Staff training", "Policies", "Education", "Infrastructure"}
    # The headings that survived in the seed are Ofsted's, not ours.
    headings = theme_headings()
    seed = " ".join(heading for heading in headings if heading)
    for theme in content.placed_groups("theme"):
        if not theme.heading_inferred:
            assert normalise(theme.title)[:20] in normalise(seed)
    # And ours stand exactly where the seed lost a heading (None), in the seed's order.
    assert [t.heading_inferred for t in content.placed_groups("theme")] == [h is None for h in headings]


def test_both_documents_are_marked_historical_in_data_and_pages(content, built_site):
    assert all(source.historical for source in content.sources.values())
    for page in ("inspection/features", "inspection/inadequate", "inspection/questions", "survey-2010"):
        assert "Historical document" in (built_site / page / "index.html").read_text("utf-8")


def test_named_organisations_are_described_with_their_mentions(content):
    names = {o.abbreviation or o.name for o in content.organisations}
    for expected in ("CEOP", "SHARP", "EPICT", "360 degree safe", "SID", "Becta", "DCSF"):
        assert expected in names
    historical = {o.abbreviation for o in content.organisations if o.status == "historical"}
    assert historical == {"Becta", "DCSF"}
    assert {o.id for o in content.organisations_mentioning("feature-06")} == {"ceop", "ceop-report-abuse"}
