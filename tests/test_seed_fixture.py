"""The code that makes tests/fixtures/seeds.json from the seed articles, tested on a small
article (`make check-seeds` compares the fixture with the real articles where they are at hand)."""
from __future__ import annotations

import json

import pytest

from support.seeds import BRIEFING_POST, FIXTURE, SURVEY_POST, drift, extract, fixture_json


BRIEFING = """\
Ofsted and e-Safety

Schools are judged in two of the four key judgements: “one” and “two” when it matters. In addition, pupils’ ability to “develop and apply an understanding of right and wrong”.

The report recommended that all schools:

  • audit the training needs of all staff
  • work closely with all families

Ofsted will identify the following as key features of good and outstanding e-Safety practice

Whole School Consistent Approach

  • All staff can recognise e-Safety issues.


  • All staff receive regular training.

Monitoring and Evaluations

  • Risk assessment taken seriously.

Indicators of inadequate e-Safety practice

Sample questions for Pupils

  1. Would you know where to go for help?
  2.  Can you tell me one of the rules?

In a good or outstanding school then Ofsted will expect positive answers to all of the above. Not this one.

This entry was posted in Uncategorized.

  • A bullet in the comment form is not content.
"""

SURVEY = """\
A survey between April and July 2009 in 35 maintained schools in England! Other words.

The provision for e-safety was outstanding in five of the schools, good in 16. The 21 most effective schools were safe.

13 schools used ‘locked down’ systems which kept their pupils safe while in school, Ofsted felt so.

  • Overall effectiveness of e-Safety
"""


@pytest.fixture
def seed_dir(tmp_path):
    (tmp_path / BRIEFING_POST).write_text(BRIEFING, "utf-8")
    (tmp_path / SURVEY_POST).write_text(SURVEY, "utf-8")
    return tmp_path


def test_extract_takes_every_listed_item_as_written_and_nothing_after_the_post(seed_dir):
    posts = extract(seed_dir)["posts"]
    assert posts[BRIEFING_POST]["listed_items"] == [
        "audit the training needs of all staff", "work closely with all families",
        "All staff can recognise e-Safety issues.", "All staff receive regular training.",
        "Risk assessment taken seriously.", "Would you know where to go for help?", "Can you tell me one of the rules?"]
    assert posts[SURVEY_POST]["listed_items"] == ["Overall effectiveness of e-Safety"]


def test_extract_keeps_each_theme_heading_and_none_where_one_was_lost(seed_dir):
    assert extract(seed_dir)["posts"][BRIEFING_POST]["theme_headings"] == [
        "Whole School Consistent Approach", None, "Monitoring and Evaluations"]


def test_extract_takes_the_one_sentence_holding_each_figure_or_quote(seed_dir):
    posts = extract(seed_dir)["posts"]
    assert posts[BRIEFING_POST]["passages"] == [
        "Schools are judged in two of the four key judgements: “one” and “two” when it matters.",
        "In addition, pupils’ ability to “develop and apply an understanding of right and wrong”.",
        "In a good or outstanding school then Ofsted will expect positive answers to all of the above."]
    assert posts[SURVEY_POST]["passages"] == [
        "A survey between April and July 2009 in 35 maintained schools in England!",
        "The provision for e-safety was outstanding in five of the schools, good in 16.",
        "The 21 most effective schools were safe.",
        "13 schools used ‘locked down’ systems which kept their pupils safe while in school, Ofsted felt so."]


def test_extract_refuses_a_figure_it_cannot_place_in_exactly_one_sentence(seed_dir):
    (seed_dir / SURVEY_POST).write_text(SURVEY + "\nThe 21 most effective schools, again.\n", "utf-8")
    with pytest.raises(ValueError, match="'most effective schools' is in 2 sentences"):
        extract(seed_dir)


def test_the_fixture_says_where_its_words_come_from():
    fixture = json.loads(FIXTURE.read_text("utf-8"))
    for words in ("Ofsted", "2012", "2010", "Open Government Licence", BRIEFING_POST, SURVEY_POST):
        assert words in fixture["source"]


def test_the_drift_check_reports_a_changed_article(seed_dir, monkeypatch, tmp_path):
    fixture = tmp_path / "seeds.json"
    fixture.write_text(fixture_json(extract(seed_dir)), "utf-8")
    monkeypatch.setattr("support.seeds.FIXTURE", fixture)
    assert drift(seed_dir) == ""
    article = seed_dir / BRIEFING_POST
    article.write_text(article.read_text("utf-8").replace("work closely with all families", "work with families"), "utf-8")
    assert "work with families" in drift(seed_dir)
