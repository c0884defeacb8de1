"""The crosswalk: a current framework item's grew_out_of shows on both items' pages, on the
crosswalk page (with what is not mapped yet and what is new since 2012) and as open data."""
from __future__ import annotations

import csv
import io

import pytest

from esafety_portal.errors import ContentErrors
from esafety_portal.load import load_content
from support.project_copy import copy_project, replace_in

FM = "data/frameworks/dfe-filtering-monitoring.yml"


def test_every_mapping_shows_on_both_pages(content, built_site):
    features = (built_site / "inspection" / "features" / "index.html").read_text("utf-8")
    fm = (built_site / "frameworks" / "dfe-filtering-monitoring" / "index.html").read_text("utf-8")
    mappings = content.mappings()
    assert len(mappings) >= 4
    for m in mappings:
        page = built_site / ("inspection/features" if m.historical.startswith("feature") else
                             "inspection/inadequate" if m.historical.startswith("inadequate") else "survey-2010")
        html = (page / "index.html").read_text("utf-8")
        framework = content.framework_of(m.current).id  # every current framework, not only the first
        current = (built_site / "frameworks" / framework / "index.html").read_text("utf-8")
        assert f'frameworks/{framework}/#{m.current}">' in html, m
        assert f"#{m.historical}\">" in current, m
    assert "<strong>What applies now:</strong>" in features and "<strong>Grew out of:</strong>" in fm


def test_the_crosswalk_page_lists_mapped_unmapped_and_new(content, built_site):
    page = (built_site / "frameworks" / "crosswalk" / "index.html").read_text("utf-8")
    rows = page.split('id="not-mapped"')[0].count("<tr>") - 1  # less the header row
    assert rows == len(content.mappings())
    carried = {m.historical for m in content.mappings()}
    not_mapped = page.split('id="not-mapped"')[1].split('id="new-since-2012"')[0]
    for item in content.historical_items():
        assert (f"#{item.id}\"" in not_mapped) == (item.id not in carried), item.id


def test_the_crosswalk_is_open_data(content, built_site):
    text = (built_site / "open-data" / "crosswalk.csv").read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["historical_id"], r["current_id"], r["relation"]) for r in rows] == [
        (m.historical, m.current, m.relation) for m in content.mappings()]


@pytest.mark.parametrize("old, new, message", [
    ("item: feature-02", "item: feature-99", "refers to 'feature-99', which does not exist"),
    ("relation: strengthened", "relation: stronger", "'stronger' is not allowed"),
    ("item: feature-02", "item: ceop", "refers to 'ceop', which is a organisation, not a feature or inadequate or recommendation"),
])
def test_a_crosswalk_mistake_gets_file_line_and_fix(tmp_path, old, new, message):
    project = copy_project(tmp_path, parts=("data",))
    line = replace_in(project / FM, old, new)
    with pytest.raises(ContentErrors) as caught:
        load_content(project)
    mine = [e for e in caught.value.errors if message in e.problem]
    assert mine and mine[0].file == FM and mine[0].line == line and mine[0].fix, caught.value.report()
