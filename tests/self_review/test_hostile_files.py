"""Hostile import files change nothing: a huge file, a deeply nested one, one with `__proto__`
keys are refused with a message and nothing is stored; ids such as `constructor` and markup in
notes come in as plain text. No exception, no script, nothing stored from a refused file."""
from __future__ import annotations

import json

import pytest

from self_review_drive import import_bytes, rate, stored, watch_errors, write

# Would set window.__pwned if any note were ever parsed as markup.
MARKUP = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'


def export(fw, items, **extra) -> bytes:
    return json.dumps({"format": "esafety-self-review", "framework": fw["id"], "school": "Riverside",
                       "items": items, **extra}).encode()


@pytest.fixture
def answered(review):
    page = review
    errors = watch_errors(page)
    rate(page, "feature-01", "fully")
    write(page, "feature-01", "evidence", "Briefing, 4 Sept")
    yield page
    assert errors == []  # refusing a file is no error: no exception, nothing logged
    assert page.evaluate("() => window.__pwned") is None


def hostile_files(fw):
    yield "huge", export(fw, [{"id": "feature-02", "evidence": "x" * 3_000_000}]), "too large"
    nested = "[" * 5000 + "]" * 5000
    yield "deeply nested", export(fw, [{"id": "feature-02", "rating": "fully"}]).replace(
        b'"items"', b'"extra": ' + nested.encode() + b', "items"'), "nested too deeply"
    yield "a __proto__ id", export(fw, [{"id": "feature-02", "rating": "fully"},
                                       {"id": "__proto__", "rating": "fully", "evidence": "polluted"}]), "item 2"
    yield "a __proto__ key", (b'{"__proto__": {"format": "esafety-self-review", "items": []}, "framework": "'
                              + fw["id"].encode() + b'"}'), "not a self-review copy"
    yield "too many items", export(fw, [{"id": f"feature-{n}"} for n in range(3000)]), "too many items"


@pytest.mark.parametrize("case", range(5), ids=["huge", "nested", "proto-id", "proto-key", "many"])
def test_a_hostile_file_is_refused_with_a_message_and_changes_nothing(answered, fw, case):
    page = answered
    name, data, words = list(hostile_files(fw))[case]
    before = stored(page)
    said = import_bytes(page, "hostile.json", data)
    assert words in said and "Nothing was changed" in said, name
    assert stored(page) == before, name
    assert page.is_hidden("#sr\\:import-dialog") and page.is_hidden("#sr\\:undo-line")
    assert page.input_value("#sr\\:item\\:feature-01\\:evidence") == "Briefing, 4 Sept"
    assert page.evaluate("() => ({}).rating") is None  # nothing reached Object.prototype


def test_markup_and_prototype_names_come_in_as_plain_text(review, fw):
    page = review
    errors = watch_errors(page)
    said = import_bytes(page, "odd.json", export(fw, [
        {"id": "feature-01", "rating": "partly", "evidence": MARKUP, "who": "<b>DSL</b>"},
        {"id": "constructor", "rating": "not", "evidence": "Kept as a retired item " + MARKUP},
        {"id": "to-string", "rating": "fully", "action": "Ordinary", "__proto__": {"rating": "fully"}}],
        school=MARKUP))
    assert said.startswith("Imported odd.json")
    assert page.input_value("#sr\\:item\\:feature-01\\:evidence") == MARKUP
    assert page.input_value("#sr\\:school") == MARKUP
    retired = page.inner_text("#sr\\:retired-list")
    assert "constructor" in retired and MARKUP in retired and "to-string" in retired
    assert page.locator("#sr\\:tool img, #sr\\:tool b, #sr\\:tool script:not(template script)").count() == 0
    page.emulate_media(media="print")
    assert MARKUP in page.inner_text("#sr\\:plan-action") and "<b>DSL</b>" in page.inner_text("#sr\\:plan-action")
    page.emulate_media(media="screen")
    assert set(stored(page)["items"]) == {"feature-01", "constructor", "to-string"}
    with page.expect_download() as info:
        page.click("#sr\\:export-json")
    records = {r["id"]: r for r in json.loads(open(info.value.path(), "rb").read())["items"]}
    assert records["constructor"]["kind"] == "retired" and records["constructor"]["rating"] == "not"
    assert page.evaluate("() => window.__pwned") is None
    assert errors == []


def test_a_file_dated_in_the_future_cannot_undo_the_schools_typing(review, fw):
    # Issue 21: the file's times lie far ahead; once imported, the school's edits must stick.
    page = review
    future = "2099-01-01T00:00:00.000Z"
    said = import_bytes(page, "future.json", export(fw, [
        {"id": "feature-01", "rating": "not", "evidence": "From the file", "modified": future}],
        exported=future, school_modified=future))
    assert said.startswith("Imported future.json")
    assert all(entry["modified"] < future for entry in stored(page)["items"].values())
    write(page, "feature-01", "evidence", "Typed by the school")
    rate(page, "feature-01", "fully")
    page.fill("#sr\\:school", "Riverside Primary School")
    assert page.input_value("#sr\\:item\\:feature-01\\:evidence") == "Typed by the school"
    record = stored(page)
    assert (record["items"]["feature-01"]["evidence"], record["items"]["feature-01"]["rating"],
            record["school"]) == ("Typed by the school", "fully", "Riverside Primary School")
