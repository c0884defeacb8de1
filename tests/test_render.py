"""Render functions and the model's queries, without MkDocs."""
from __future__ import annotations

import datetime as dt

import pytest

from esafety_portal.model import Review
from esafety_portal.open_data import csv_files, json_files
from esafety_portal.page_macros import page_macros
from esafety_portal.pages import relative_url
from esafety_portal.render import Renderer, long_date


@pytest.fixture(scope="module")
def renderer(content, root):
    return Renderer(content, root / "overrides" / "markdown")


def on_page(renderer, content, root, page: str) -> dict:
    """The pages' macros, as called from the docs page `page`."""
    return page_macros(content, renderer, lambda: page, root / "docs")


def test_features_render_as_anchored_headings_under_their_themes(renderer, content, root):
    markdown = on_page(renderer, content, root, "inspection/features.md")["items"]("inspecting-e-safety-2012", "feature")
    assert "## Whole school consistent approach {: #theme-whole-school }" in markdown
    for feature in content.placed_items("feature"):
        assert f"### {feature.title} {{: #{feature.id} }}" in markdown
    restored = [theme for theme in content.placed_groups("theme") if theme.heading_inferred]
    assert markdown.count('!!! note "Heading restored by us"') == len(restored)
    assert "[Audit and train all staff](../survey-2010.md#recommendation-01)" in markdown
    assert "[No planned e-Safety education](inadequate.md#inadequate-04)" in markdown


def test_questions_render_by_audience_with_the_phase_and_what_they_probe(renderer, content, root):
    markdown = on_page(renderer, content, root, "inspection/questions.md")["items"]("inspecting-e-safety-2012", "question")
    assert markdown.index("{: #audience-leaders }") < markdown.index("{: #audience-pupils }") < markdown.index("{: #audience-staff }")
    assert "*Asked of secondary pupils only.*" in markdown
    assert "**Probes:** [Clear online reporting to nominated staff](features.md#feature-05)" in markdown


def test_links_are_relative_to_the_page_being_rendered(renderer):
    from_root = renderer.render("link.md.jinja", "index.md", item_id="feature-05", text=None)
    from_same = renderer.render("link.md.jinja", "inspection/features.md", item_id="feature-05", text="here")
    assert from_root.strip() == "[Clear online reporting to nominated staff](inspection/features.md#feature-05)"
    assert from_same.strip() == "[here](#feature-05)"
    assert relative_url("survey-2010.md", "finding-01", "inspection/questions.md") == "../survey-2010.md#finding-01"


def test_survey_renders_an_accessible_grades_table(renderer, content, root):
    markdown = on_page(renderer, content, root, "survey-2010.md")["details"]("safe-use-of-new-technologies-2010", "survey")
    assert "<caption>Grades for e-Safety provision in the 35 schools visited</caption>" in markdown
    assert '<tr id="grade-good"><th scope="row">Good</th><td>16</td><td>46%</td></tr>' in markdown


def test_historical_notice_names_the_document_and_its_status(renderer):
    markdown = renderer.render("historical_notice.md.jinja", "inspection/index.md", document="inspecting-e-safety-2012")
    assert markdown.startswith('!!! warning "Historical document: Inspecting e-Safety, Ofsted, June 2012"')
    assert "withdrew this briefing in 2015" in markdown


def test_an_unknown_id_fails_the_render(renderer):
    with pytest.raises(KeyError):
        renderer.render("link.md.jinja", "index.md", item_id="feature-99", text=None)


def test_dates_are_written_the_gov_uk_way():
    assert long_date(dt.date(2026, 11, 4)) == "4 November 2026"
    assert long_date("2009-04") == "April 2009"
    assert long_date("2010-02-10") == "10 February 2010"


@pytest.mark.parametrize("last, months, due", [
    ("2026-11-24", 12, "2027-11-24"),
    ("2026-08-31", 6, "2027-02-28"),
    ("2026-12-15", 1, "2027-01-15"),
])
def test_next_review_date(last, months, due):
    review = Review(dt.date.fromisoformat(last), months)
    assert review.next_due == dt.date.fromisoformat(due)
    assert review.overdue(review.next_due + dt.timedelta(days=1))
    assert not review.overdue(review.next_due)


def test_open_data_is_deterministic(content):
    assert json_files(content) == json_files(content)
    assert csv_files(content) == csv_files(content)


def test_model_queries_follow_references_both_ways(content):
    assert [i.id for i in content.referring("feature-12", "absence_of")] == ["inadequate-04"]
    assert [r.id for r in content.targets(content.get("inadequate-06"), "absence_of")] == ["feature-07", "feature-08"]
    assert {q.id for q in content.referring("feature-05", "probes")} >= {"question-pupils-1", "question-staff-5"}
    assert content.get(content.get("feature-15").group).title == "Infrastructure"
