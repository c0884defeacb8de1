"""since_previous.py: what changed since the previous edition or version, as data, and the rules a
schema cannot say about it, each with its exact message, on small frameworks and templates."""
from __future__ import annotations

import pytest

from esafety_portal.rules import DataFile
from esafety_portal.since_previous import (ADDED, REWORDED, Previous, Removed, SincePrevious, Step, check_file,
                                           previous_from_data, since_previous_from_data)
from support.content_factory import framework, template


def problems(record, schema="template"):
    folder = "templates" if schema == "template" else "frameworks"
    return [f"{e.path}: {e.problem} — {e.fix}" for e in check_file(DataFile(f"data/{folder}/x.yml", schema, record))]


def policy(version="1.3", previous=None, clauses=(("p-01", "One."), ("p-02", "Two.")), changes=None):
    record = template("p", list(clauses), version=version, **({"previous": previous} if previous else {}))
    for clause in record["sections"][0]["clauses"]:
        if changes and clause["id"] in changes:
            clause["since_previous"] = changes[clause["id"]]
    return record


def test_records_are_read_from_the_data_and_give_it_back():
    reworded = since_previous_from_data({"change": "reworded", "before": "Old words.", "reference": "para 3"})
    assert reworded == SincePrevious(REWORDED, "Old words.", "para 3")
    assert reworded.as_data() == {"change": "reworded", "before": "Old words.", "reference": "para 3"}
    assert since_previous_from_data(None) is None
    previous = previous_from_data({"version": "1.2", "url": "https://WWW.example.org/old",
                                   "removed": [{"text": "Gone.", "id": "p-00", "replaced_by": "p-02"}],
                                   "earlier": [{"version": "1.2", "from": "1.1", "added": ["p-02"],
                                                "reworded": [{"id": "p-01", "before": "Once."}]}]}, "version 1.2")
    assert previous == Previous("version 1.2", url="https://www.example.org/old",
                                removed=(Removed("Gone.", "p-00", replaced_by="p-02"),),
                                earlier=(Step("1.2", "1.1", ("p-02",), (("p-01", "Once."),)),))
    assert previous.earlier[0].anchor == "from-1-1"
    assert previous.as_data() == {"short_title": "version 1.2", "url": "https://www.example.org/old", "complete": True,
                                  "removed": [{"text": "Gone.", "id": "p-00", "replaced_by": "p-02"}]}


def test_a_recorded_change_is_clean():
    assert problems(policy(previous={"version": "1.2"}, changes={"p-02": {"change": ADDED}})) == []


def test_a_change_needs_to_know_the_edition_it_is_since():
    assert problems(policy(changes={"p-02": {"change": ADDED}})) == [
        "sections[0].clauses[1].since_previous: says 'p-02' changed since the previous edition, but the file does "
        "not say which that was — add 'previous:' at the top of the file, naming the edition or version this one "
        "replaced"]


@pytest.mark.parametrize("change, message", [
    ({"change": REWORDED}, "sections[0].clauses[0].since_previous.change: says it was reworded, but not what it said "
                           "before — add 'before:' with the previous wording, or write change: added if it is new"),
    ({"change": ADDED, "before": "Old."}, "sections[0].clauses[0].since_previous.before: gives earlier wording for "
                                          "something added in this edition — write change: reworded if it was there "
                                          "before, or remove before:"),
])
def test_added_has_no_earlier_words_and_reworded_has_them(change, message):
    assert problems(policy(previous={"version": "1.2"}, changes={"p-01": change})) == [message]


@pytest.mark.parametrize("previous_version, message", [
    ("1.3", "previous.version: is 1.3, the same as this version — give the version this one replaced"),
    ("1.10", "previous.version: is 1.10, later than this version (1.3) — give the version this one replaced, or "
             "the new version number under version:"),
])
def test_a_templates_previous_version_comes_before_its_own_compared_as_numbers(previous_version, message):
    assert problems(policy(previous={"version": previous_version})) == [message]
    assert problems(policy(version="1.10", previous={"version": "1.9"})) == []


def test_what_was_removed_is_not_still_there_and_what_replaced_it_is():
    previous = {"version": "1.2", "removed": [{"text": "Gone.", "id": "p-01"},
                                              {"text": "Also gone.", "id": "p-00", "replaced_by": "p-99"}]}
    assert problems(policy(previous=previous)) == [
        "previous.removed[0].id: says the clause 'p-01' was removed, but the template still has it — remove this "
        "entry, or give the removed clause's own id (a clause's id is never used again)",
        "previous.removed[1].replaced_by: names 'p-99', which is not an item of this file — give the id of the item "
        "or clause, in this file, that took its place, or remove replaced_by"]


def test_earlier_steps_run_down_without_a_gap_and_name_only_known_clauses():
    previous = {"version": "1.2", "removed": [{"text": "Gone.", "id": "p-00"}],
                "earlier": [{"version": "1.2", "from": "1.1", "added": ["p-00"]},  # removed later: still known
                            {"version": "1.0", "from": "1.0", "reworded": [{"id": "p-77", "before": "x"}]}]}
    assert problems(policy(previous=previous)) == [
        "previous.earlier[1].version: is 1.0, but the step before it in the list came from version 1.1 — list the "
        "steps newest first without a gap: this one should make version 1.1",
        "previous.earlier[1].from: is 1.0, not a version before 1.0 — give the version this step replaced",
        "previous.earlier[1].reworded[0].id: names 'p-77', which is not a clause of this template (nor one a newer "
        "version removed) — give the id of one of its clauses, or list the clause under removed: of the version "
        "that took it out"]


def test_a_frameworks_items_follow_the_same_rules():
    fw = framework("f", [("f-1", "duty", "Text.")], previous={"short_title": "F 2025"})
    fw["items"][0]["since_previous"] = {"change": REWORDED}
    assert problems(fw, "framework") == [
        "items[0].since_previous.change: says it was reworded, but not what it said before — add 'before:' with the "
        "previous wording, or write change: added if it is new"]
