"""checks.py: where each current framework item's wording was last checked: every current item has
a record, a secondary copy says whose it is, advice labels nothing a duty, and a county may refuse
to publish what was checked only against a copy."""
from __future__ import annotations

import datetime as dt

from esafety_portal.checks import CheckRecord, check_records, record_from_data, refused_secondary, secondary_only
from esafety_portal.rules import DataFile
from support.content_factory import SITE, framework, make_content

PUBLISHED = {"source": "https://www.gov.uk/guidance/x", "section": "paragraph 1", "date": "2026-09-01",
             "against": "publisher"}
COPY = {"source": "https://www.example.org/briefing", "section": "page 2", "date": "2026-08-01",
        "against": "secondary copy", "copy_of": "A county's briefing"}


def item(item_id, checked=None, kind="duty"):
    return {"id": item_id, "kind": kind, "text": "Text.", **({"checked": checked} if checked else {})}


def messages(*records):
    return [f"{e.path}: {e.problem}" for e in check_records([DataFile("data/frameworks/f.yml", "framework", r)
                                                                for r in records])]


def test_every_item_of_a_current_framework_has_a_check_record():
    fw = framework("f", items=[item("f-1", PUBLISHED), item("f-2")])
    assert messages(fw) == ["items[1]: 'f-2' has no check record, and every item of a current framework needs one"]


def test_a_historical_framework_needs_none():
    assert messages(framework("f", items=[item("f-1")], status="historical")) == []


def test_a_secondary_copy_says_whose_and_the_publishers_text_does_not():
    whose_missing = {**COPY, "copy_of": ""}
    given_for_publisher = {**PUBLISHED, "copy_of": "Someone"}
    fw = framework("f", items=[item("f-1", COPY), item("f-2", whose_missing), item("f-3", given_for_publisher)])
    assert messages(fw) == ["items[1].checked.against: is a secondary copy but does not say whose",
                            "items[2].checked.copy_of: is given for the publisher's own text"]


def test_a_national_contacts_record_follows_the_same_rule():
    contacts = {"contacts": [{"checked": PUBLISHED}, {"checked": {**COPY, "copy_of": ""}}]}
    found = check_records([DataFile("data/contacts.yml", "contacts", contacts)])
    assert [f"{e.path}: {e.problem}" for e in found] == [
        "contacts[1].checked.against: is a secondary copy but does not say whose"]


def test_non_statutory_advice_labels_no_item_a_duty():
    advice = framework("f", items=[item("f-1", PUBLISHED, kind="duty"), item("f-2", PUBLISHED, kind="advice")],
                       standing="Non-statutory advice")
    assert messages(advice) == ["items[0].kind: labels 'f-1' a duty, but the framework's standing says it is "
                                "not statutory"]
    assert messages({**advice, "standing": "Statutory guidance"}) == []


def test_a_file_that_is_not_what_it_should_be_is_left_to_the_schema():
    assert messages({**framework("f"), "items": ["not an item", 7, item("f-1", PUBLISHED)]}) == []
    assert messages({**framework("f"), "items": "nothing"}) == []


def test_a_record_reads_as_data_and_back():
    record = record_from_data(COPY)
    assert record == CheckRecord("https://www.example.org/briefing", "page 2", dt.date(2026, 8, 1),
                                 "secondary copy", "A county's briefing")
    assert record.secondary and record.site == "example.org"
    assert record.as_data() == COPY
    assert record_from_data(PUBLISHED).as_data() == PUBLISHED, "no copy_of for the publisher's own text"
    assert record_from_data(None) is None


def files_with(refuse: bool):
    fw = framework("f", items=[item("f-1", PUBLISHED), item("f-2", COPY)])
    return [DataFile("data/site.yml", "site", {**SITE, "refuse_secondary_copies": refuse}),
            DataFile("data/frameworks/f.yml", "framework", fw)]


def test_a_county_may_refuse_to_publish_items_checked_only_against_a_copy():
    (error,) = refused_secondary(files_with(True))
    assert (error.file, error.path) == ("data/frameworks/f.yml", "items[1].checked.against")
    assert error.problem == ("'f-2' was checked only against a secondary copy, and data/site.yml says "
                             "refuse_secondary_copies: true")
    assert refused_secondary(files_with(False)) == []


def test_the_editors_list_of_copies_to_check_is_oldest_first():
    older, newer = {**COPY, "date": "2025-01-01"}, {**COPY, "date": "2026-01-01"}
    content = make_content(frameworks=[
        framework("a", items=[item("a-1", newer), item("a-2", PUBLISHED)]),
        framework("b", items=[item("b-1", older)]),
        framework("c", items=[item("c-1", older)], status="historical")])
    assert [(fw.id, it.id) for fw, it in secondary_only(content.frameworks)] == [("b", "b-1"), ("a", "a-1")]
