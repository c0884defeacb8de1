"""The crosswalk: a current framework item's grew_out_of shows on both items' pages, on the
crosswalk page (with what has no current equivalent, what is not mapped yet and what is new since
2012) and as open data. Every 2012 feature and indicator and every 2010 recommendation is either
carried forward or says why not."""
from __future__ import annotations

import csv
import io

import pytest

from esafety_portal.errors import ContentErrors
from esafety_portal.load import load_content
from support.edit_yaml import add_yaml, edit_yaml, path_of
from support.project_copy import copy_project
from support.site import ROOT


def test_every_historical_item_is_carried_forward_or_says_why_not(content):
    carried = {m.historical for m in content.mappings()}
    historical = content.historical_items()
    assert {i.kind for i in historical} == {"feature", "inadequate", "recommendation"}
    assert len(historical) == len(content.placed_items("feature")) + len(content.placed_items("inadequate")) + len(content.placed_items("recommendation"))
    for item in historical:
        reason = item.extra.no_current_equivalent
        assert (item.id in carried) != bool(reason), f"{item.id}: carried forward, or a reason why not (not both)"
        assert not reason or len(reason.split()) >= 8, f"{item.id}: say why in a sentence"


def test_an_item_with_no_current_equivalent_says_why_everywhere(content, built_site):
    dropped = [i for i in content.historical_items() if i.extra.no_current_equivalent]
    assert dropped
    crosswalk = (built_site / "frameworks" / "crosswalk" / "index.html").read_text("utf-8")
    section = crosswalk.split('id="no-current-equivalent"')[1].split('id="not-mapped"')[0]
    rows = list(csv.DictReader(io.StringIO((built_site / "open-data" / "crosswalk.csv").read_text("utf-8-sig"))))
    for item in dropped:
        page = "survey-2010" if item.kind == "recommendation" else "inspection/features"
        html = (built_site / page / "index.html").read_text("utf-8")
        reason_start = " ".join(item.extra.no_current_equivalent.split()[:6])
        after = html.split(f'id="{item.id}"')[1]
        assert "<strong>What applies now:</strong> no current equivalent. " + reason_start in after.split("<h")[0] + \
            after.split("</h")[1][:2000], item.id
        assert f'#{item.id}"' in section and reason_start in section, item.id
        assert [r for r in rows if r["historical_id"] == item.id and r["relation"] == "no-current-equivalent"
                and r["note"].startswith(reason_start) and not r["current_id"]], item.id


def test_every_mapping_shows_on_both_pages(content, built_site):
    features = (built_site / "inspection" / "features" / "index.html").read_text("utf-8")
    fm = (built_site / "frameworks" / "dfe-filtering-monitoring" / "index.html").read_text("utf-8")
    mappings = content.mappings()
    assert len(mappings) >= 4
    for m in mappings:
        page = built_site / ("inspection/features" if m.historical.startswith("feature") else
                             "inspection/inadequate" if m.historical.startswith("inadequate") else "survey-2010")
        html = (page / "index.html").read_text("utf-8")
        # Each current item lives on its own framework's page, whichever framework that is.
        framework = content.framework_of(m.current).id
        current = (built_site / "frameworks" / framework / "index.html").read_text("utf-8")
        assert f'frameworks/{framework}/#{m.current}">' in html, m
        assert f"#{m.historical}\">" in current, m
    assert "<strong>What applies now:</strong>" in features and "<strong>Grew out of:</strong>" in fm


def test_the_crosswalk_page_lists_mapped_unmapped_and_new(content, built_site):
    page = (built_site / "frameworks" / "crosswalk" / "index.html").read_text("utf-8")
    rows = page.split('id="no-current-equivalent"')[0].count("<tr>") - 1  # less the header row
    assert rows == len(content.mappings())
    carried = {m.historical for m in content.mappings()}
    not_mapped = page.split('id="not-mapped"')[1].split('id="new-since-2012"')[0]
    for item in content.historical_items():
        explained = bool(item.extra.no_current_equivalent)
        assert (f"#{item.id}\"" in not_mapped) == (item.id not in carried and not explained), item.id


def test_the_crosswalk_is_open_data(content, built_site):
    text = (built_site / "open-data" / "crosswalk.csv").read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(r["historical_id"], r["current_id"], r["relation"]) for r in rows] == [
        (m.historical, m.current, m.relation) for m in content.mappings()] + [
        (i.id, "", "no-current-equivalent") for i in content.historical_items() if i.extra.no_current_equivalent]


def first_mapping(content):
    """(file, path) of the first crosswalk row of a current framework: where its item: is."""
    fw, item = next((fw, item) for fw in content.frameworks for item in fw.items if item.extra.grew_out_of)
    return fw.data_file, path_of(ROOT / fw.data_file, item.id) + ["grew_out_of", 0]


@pytest.mark.parametrize("field, value, message", [
    ("item", "feature-99", "refers to 'feature-99', which does not exist"),
    ("relation", "stronger", "'stronger' is not allowed"),
    ("item", "an organisation", "which is a organisation, not a feature or inadequate or recommendation"),
])
def test_a_crosswalk_mistake_gets_file_line_and_fix(tmp_path, content, field, value, message):
    project = copy_project(tmp_path, parts=("data",))
    file, where = first_mapping(content)
    value = content.organisations[0].id if value == "an organisation" else value
    line = edit_yaml(project / file, where + [field], value)
    with pytest.raises(ContentErrors) as caught:
        load_content(project)
    mine = [e for e in caught.value.errors if message in e.problem]
    assert mine and mine[0].file == file and mine[0].line == line and mine[0].fix, caught.value.report()


@pytest.mark.parametrize("place", ["a historical item carried forward", "a current item"])
def test_no_current_equivalent_in_the_wrong_place_gets_file_line_and_fix(tmp_path, content, place):
    project = copy_project(tmp_path, parts=("data",))
    if place == "a current item":
        fw = next(fw for fw in content.frameworks if fw.current)
        item = fw.items[0]
        file, message = fw.data_file, f"is given for a {item.kind} of a current framework"
    else:
        item = content.get(content.mappings()[0].historical)
        file = content.framework_of(item.id).data_file
        message = f"says '{item.id}' has no current equivalent, but an item in data/frameworks/"
    line = add_yaml(project / file, path_of(project / file, item.id), "no_current_equivalent",
                    "Nothing today asks for this at all.")
    with pytest.raises(ContentErrors) as caught:
        load_content(project)
    mine = [e for e in caught.value.errors if message in e.problem]
    assert mine and mine[0].file == file and mine[0].line == line and mine[0].fix, caught.value.report()
