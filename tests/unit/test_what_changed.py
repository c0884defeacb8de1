"""since_previous.py and what_changed.py: what a framework's new edition or a template's new version
added, reworded and removed, what each change touches, the page that lists them, and the rules
that catch a record that cannot be right (each with its file and line)."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from esafety_portal.families import family_of
from esafety_portal.framework_pages import pages as framework_pages
from esafety_portal.open_data import framework_record
from esafety_portal.render import Renderer
from esafety_portal.rules import DataFile
from esafety_portal.since_previous import check_file
from esafety_portal.template_pages import pages as template_pages
from esafety_portal.what_changed import change_lists, page_of_changes, reviews, to_look_at_again
from esafety_portal.yaml_loader import read_yaml
from support.content_factory import framework, make_content, template
from support.site import ROOT

CHECKED = {"source": "https://www.example.org/compare", "section": "Table of changes", "date": "2026-12-01",
           "against": "secondary copy", "copy_of": "An example council's summary"}
PREVIOUS = {"title": "Framework 2025", "short_title": "FW 2025", "published": "2025-07",
            "url": "https://www.gov.uk/example-2025", "complete": False,
            "removed": [{"text": "Schools **used** to do this.", "reference": "FW 2025, paragraph 9",
                         "replaced_by": "a-2", "checked": CHECKED}]}


def edition(**fields):
    """A framework with one unchanged item, one added and one reworded since FW 2025."""
    items = [{"id": "a-1", "kind": "standard", "text": "Unchanged."},
             {"id": "a-2", "kind": "standard", "title": "New duty", "text": "A new duty.",
              "since_previous": {"change": "added", "checked": CHECKED}},
             {"id": "a-3", "kind": "standard", "title": "Changed duty", "text": "The new words.",
              "since_previous": {"change": "reworded", "before": "The old words.", "checked": CHECKED}}]
    return framework("fw-a", items, short_title="FW 2026", previous=PREVIOUS, **fields)


def policy():
    tpl = template("tpl-a", [("tpl-a-01", "I will."), ("tpl-a-02", "I will [[school_name]]."),
                             ("tpl-a-03", "I will not.")], version="1.1", previous={"version": "1.0"})
    clauses = tpl["sections"][0]["clauses"]
    clauses[1]["since_previous"] = {"change": "added"}
    clauses[2]["since_previous"] = {"change": "reworded", "before": "I might not."}
    clauses[2]["addresses"] = ["a-3"]
    return tpl


def test_each_change_list_holds_what_was_added_and_reworded_in_page_order():
    content = make_content(frameworks=[edition()], templates=[policy()])
    fw_changes, tpl_changes = change_lists(content)
    assert (fw_changes.title, [i.id for i in fw_changes.added], [i.id for i in fw_changes.reworded]) == (
        "What changed in FW 2026", ["a-2"], ["a-3"])
    assert fw_changes.removed[0].replaced_by == "a-2" and not fw_changes.previous.complete
    assert (tpl_changes.title, [i.id for i in tpl_changes.added], [i.id for i in tpl_changes.reworded]) == (
        "What changed in Template tpl-a version 1.1", ["tpl-a-02"], ["tpl-a-03"])
    assert tpl_changes.previous.label == "version 1.0"


def test_without_previous_there_is_no_page_of_changes():
    content = make_content(frameworks=[framework("fw-b", [("b-1", "standard", "Do this.")])],
                           templates=[template("tpl-b", [("tpl-b-01", "I will.")])])
    assert change_lists(content) == []


def test_a_self_review_item_linked_to_a_changed_item_is_to_be_looked_at_again():
    review = {"title": "Review R", "intro": "Rate each item."}
    rated = framework("fw-r", [{"id": "r-1", "kind": "standard", "text": "Rated.", "links": {"see_also": ["a-3"]}},
                               ("r-2", "standard", "Rated, not linked.")], self_review=review)
    content = make_content(frameworks=[edition(), rated])
    changed = content.get("a-3")
    assert [i.id for i in to_look_at_again(content, changed, reviews(content))] == ["r-1"]
    assert to_look_at_again(content, content.get("a-2"), reviews(content)) == []


def render_changes(content, owner_id):
    page = page_of_changes(owner_id)
    build = SimpleNamespace(content=content, use_directory_urls=True, download_sizes={})
    specs = framework_pages(build, family_of("framework")) + template_pages(build, family_of("template"))
    spec = next(s for s in specs if getattr(s, "path", "") == page)
    return Renderer(content, ROOT / "overrides" / "markdown").render(spec.template, spec.path, **spec.context)


def test_the_page_sets_old_and_new_wording_side_by_side_and_names_what_each_change_touches():
    content = make_content(frameworks=[edition()], templates=[policy()])
    markdown = render_changes(content, "fw-a")
    before, now = markdown.index("The old words."), markdown.index("The new words.")
    assert markdown.index('class="esafety-compare-before"') < before < markdown.index('class="esafety-compare-now"') < now
    assert "**This list is not complete.**" in markdown
    # The clause that addresses the reworded item is named, linked to its template's page.
    touched = markdown[markdown.index("Changed duty"):]
    assert "](../templates/tpl-a.md#tpl-a-03)" in touched
    assert "Replaced by [New duty](../frameworks/fw-a.md#a-2)" in markdown


def test_a_complete_list_says_so_and_an_empty_part_says_nothing_changed_there():
    fw = edition()
    fw["previous"] = {**PREVIOUS, "complete": True, "removed": []}
    markdown = render_changes(make_content(frameworks=[fw]), "fw-a")
    assert "This is every change to those parts." in markdown and "not complete" not in markdown
    assert "Nothing was removed." in markdown


def older_policy(**previous):
    """Version 1.3 of a template, with the steps from 1.0: 1.1 took out tpl-a-00 for tpl-a-01; 1.2
    added tpl-a-02 and tpl-a-gone and reworded tpl-a-03; 1.3 took tpl-a-gone out again."""
    tpl = template("tpl-a", [("tpl-a-01", "I will."), ("tpl-a-02", "I will [[school_name]]."),
                             ("tpl-a-03", "I will not.")], version="1.3")
    tpl["previous"] = {"version": "1.2", "removed": [{"id": "tpl-a-gone", "text": "Gone now."}], "earlier": [
        {"version": "1.2", "from": "1.1", "added": ["tpl-a-02", "tpl-a-gone"],
         "reworded": [{"id": "tpl-a-03", "before": "I might not."}]},
        {"version": "1.1", "from": "1.0", "removed": [{"id": "tpl-a-00", "text": "The old rule.",
                                                       "replaced_by": "tpl-a-01"}]}], **previous}
    return tpl


def test_a_school_on_an_older_version_finds_every_step_since_its_own_newest_first():
    markdown = render_changes(make_content(templates=[older_policy()]), "tpl-a")
    assert "[If your school adopted an earlier version](#earlier)" in markdown
    earlier = markdown[markdown.index("{: #earlier }"):]
    assert earlier.index("### From version 1.1 to version 1.2 {: #from-1-1 }") < earlier.index(
        "### From version 1.0 to version 1.1 {: #from-1-0 }")
    step = earlier[:earlier.index("{: #from-1-0 }")]
    assert "](../templates/tpl-a.md#tpl-a-02)" in step  # added, still there: linked
    assert "`tpl-a-gone` (taken out again in a later version)" in step
    assert "(version 1.1 said: “I might not.”)" in step
    assert "`tpl-a-00`: The old rule. Replaced by [" in earlier and "](../templates/tpl-a.md#tpl-a-01)" in earlier


def test_a_template_with_no_earlier_steps_has_no_section_for_them():
    markdown = render_changes(make_content(frameworks=[edition()], templates=[policy()]), "tpl-a")
    assert "#earlier" not in markdown and "From version" not in markdown


def test_the_page_follows_its_framework_in_the_menu():
    content = make_content(frameworks=[edition()])
    build = SimpleNamespace(content=content, use_directory_urls=True)
    paths = [s.path for s in sorted(framework_pages(build, family_of("framework")), key=lambda s: getattr(s, "menu_order", 0))
             if hasattr(s, "menu_order")]
    assert paths.index(page_of_changes("fw-a")) == paths.index("frameworks/fw-a.md") + 1


# -- rules: the message names the file and the line of the mistake ---------------------------
FRAMEWORK_YAML = """\
id: fw-a
items:
  - id: a-1
    kind: standard
    text: Words.
    since_previous:
      change: reworded
      checked: {source: "https://www.example.org/", section: s, date: "2026-12-01", against: publisher}
"""


def checked_file(tmp_path, text, schema="framework"):
    path = tmp_path / "file.yml"
    path.write_text(text, "utf-8")
    data, problems = read_yaml(path, f"data/{schema}s/file.yml")
    assert not problems
    return DataFile(f"data/{schema}s/file.yml", schema, data)


def problems(tmp_path, text, schema="framework"):
    return [(e.line, e.path, e.problem) for e in check_file(checked_file(tmp_path, text, schema))]


def test_a_change_without_the_previous_edition_and_a_rewording_without_its_old_words(tmp_path):
    assert problems(tmp_path, FRAMEWORK_YAML) == [
        (6, "items[0].since_previous", "says 'a-1' changed since the previous edition, but the file does not say "
                                       "which that was"),
        (7, "items[0].since_previous.change", "says it was reworded, but not what it said before")]


def test_an_added_item_with_earlier_words(tmp_path):
    text = FRAMEWORK_YAML.replace("change: reworded", "change: added\n      before: Old.") + (
        "previous: {title: T, short_title: T, published: 2025-07, url: 'https://www.example.org/', complete: true}\n")
    assert problems(tmp_path, text) == [
        (8, "items[0].since_previous.before", "gives earlier wording for something added in this edition")]


def template_yaml(version: str) -> str:
    """A template file with one clause, tpl-a-01, at `version`: what follows it is the test's."""
    return f"""\
id: tpl-a
version: "{version}"
sections:
  - id: tpl-a-rules
    clauses:
      - id: tpl-a-01
        text: I will.
"""


@pytest.mark.parametrize("removed, expected", [
    ("{id: tpl-a-01, text: Old.}", (11, "previous.removed[0].id",
                                    "says the clause 'tpl-a-01' was removed, but the template still has it")),
    ("{id: tpl-a-09, text: Old., replaced_by: tpl-a-99}", (11, "previous.removed[0].replaced_by",
                                                           "names 'tpl-a-99', which is not an item of this file")),
])
def test_a_removed_clause_must_be_gone_and_its_replacement_must_exist(tmp_path, removed, expected):
    text = template_yaml("1.1") + f"""\
previous:
  version: "1.0"
  removed:
    - {removed}
"""
    assert problems(tmp_path, text, "template") == [expected]


def test_a_template_s_previous_version_is_not_its_own(tmp_path):
    text = 'id: tpl-a\nversion: "1.1"\nsections: []\nprevious:\n  version: "1.1"\n'
    assert problems(tmp_path, text, "template") == [(5, "previous.version", "is 1.1, the same as this version")]


def test_a_template_s_previous_version_is_not_later_than_its_own(tmp_path):
    # Numbers, not words: 1.10 is later than 1.9.
    text = 'id: tpl-a\nversion: "1.9"\nsections: []\nprevious:\n  version: "1.10"\n'
    assert problems(tmp_path, text, "template") == [(5, "previous.version", "is 1.10, later than this version (1.9)")]
    earlier = 'id: tpl-a\nversion: "1.10"\nsections: []\nprevious:\n  version: "1.9"\n'
    assert problems(tmp_path, earlier, "template") == []


def test_the_open_data_carries_the_records_as_the_data_file_has_them():
    record = framework_record(make_content(frameworks=[edition()]).frameworks[0])
    assert record["previous"]["short_title"] == "FW 2025" and record["previous"]["complete"] is False
    assert record["previous"]["removed"][0]["checked"] == CHECKED
    reworded = next(item for item in record["items"] if item["id"] == "a-3")
    assert reworded["since_previous"] == {"change": "reworded", "before": "The old words.", "checked": CHECKED}


EARLIER_YAML = template_yaml("1.3") + """\
previous:
  version: "1.2"
  removed: [{id: tpl-a-gone, text: Gone.}]
  earlier:
    - version: "1.2"
      from: "1.1"
      added: [tpl-a-01, tpl-a-gone]
    - version: "1.1"
      from: "1.0"
      removed: [{id: tpl-a-00, text: Old., replaced_by: tpl-a-01}]
"""


def test_earlier_steps_that_run_down_without_a_gap_and_name_known_clauses_pass(tmp_path):
    assert problems(tmp_path, EARLIER_YAML, "template") == []


@pytest.mark.parametrize("old, new, expected", [
    ('    - version: "1.1"', '    - version: "1.0"', [
        (15, "previous.earlier[1].version", "is 1.0, but the step before it in the list came from version 1.1"),
        (16, "previous.earlier[1].from", "is 1.0, not a version before 1.0")]),
    ('      from: "1.1"', '      from: "1.2"', [
        (13, "previous.earlier[0].from", "is 1.2, not a version before 1.2"),
        (15, "previous.earlier[1].version", "is 1.1, but the step before it in the list came from version 1.2")]),
    ("added: [tpl-a-01, tpl-a-gone]", "added: [tpl-a-01, tpl-a-typo]", (14, "previous.earlier[0].added[1]",
     "names 'tpl-a-typo', which is not a clause of this template (nor one a newer version removed)")),
    ("{id: tpl-a-00, text: Old., replaced_by: tpl-a-01}", "{id: tpl-a-01, text: Old.}", (17,
     "previous.earlier[1].removed[0].id", "says the clause 'tpl-a-01' was removed, but the template still has it")),
    ("replaced_by: tpl-a-01}", "replaced_by: tpl-a-99}", (17, "previous.earlier[1].removed[0].replaced_by",
     "names 'tpl-a-99', which is not a clause of this template (nor one a newer version removed)")),
])
def test_earlier_steps_out_of_order_or_naming_what_is_not_there(tmp_path, old, new, expected):
    assert old in EARLIER_YAML
    assert problems(tmp_path, EARLIER_YAML.replace(old, new), "template") == (
        expected if isinstance(expected, list) else [expected])
