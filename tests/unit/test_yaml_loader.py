"""yaml_loader.py: a strict, safe YAML loader that keeps the line of every value and turns each
way a file can be wrong into an editor's message (file:line, what is wrong, how to fix it)."""
from __future__ import annotations

import pytest
import yaml

from esafety_portal.yaml_loader import (MAX_DEPTH, MAX_DIGITS, LineDict, LineList, StrictLoader, format_path, line_of,
                                        read_yaml)


def read(tmp_path, text: str | bytes):
    path = tmp_path / "file.yml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return read_yaml(path, "data/file.yml")


def only_error(tmp_path, text) -> str:
    data, errors = read(tmp_path, text)
    assert data is None and len(errors) == 1, errors
    return str(errors[0])


SAMPLE = """\
# a comment
id: sample
published: 2026-09-01
items:
  - id: one
    text: First
  - id: two
    text: >
      Second,
      folded
count: 3
"""


def test_every_value_keeps_its_line(tmp_path):
    data, errors = read(tmp_path, SAMPLE)
    assert errors == []
    assert isinstance(data, LineDict) and isinstance(data["items"], LineList)
    assert data.lines == {"id": 2, "published": 3, "items": 4, "count": 11}
    assert data["items"].lines == [5, 7]
    assert data["items"][1].lines == {"id": 7, "text": 8}
    assert line_of(data, ["items", 1, "text"]) == 8
    assert line_of(data, ["items", 5, "text"]) == 4, "a path that goes nowhere gives its nearest parent's line"


def test_dates_stay_text_and_numbers_stay_numbers(tmp_path):
    data, _ = read(tmp_path, SAMPLE)
    assert data["published"] == "2026-09-01" and data["count"] == 3
    assert data["items"][1]["text"] == "Second, folded\n"


def test_the_fast_and_the_plain_parser_read_the_same(tmp_path):
    fast, _ = read(tmp_path, SAMPLE)
    plain = yaml.load(SAMPLE, Loader=StrictLoader)  # noqa: S506 - a SafeLoader
    assert fast == plain and fast.lines == plain.lines and fast["items"].lines == plain["items"].lines


@pytest.mark.parametrize("text, message", [
    ("id: a\nid: b\n", "data/file.yml:2: repeats the key 'id' (first on line 1) — keep one of them and delete the other"),
    ("a: &x 1\nb: *x\n", "data/file.yml:1: defines the anchor '&x' — delete the '&' name; anchors (&) and aliases (*) "
                         "are not allowed"),
    ("a: !!python/object x\n", "data/file.yml:1: uses the YAML tag '!!python/object' — delete '!!python/object' and "
                               "write the plain value; data files use no tags"),
    ("a:\n\tb: 1\n", "data/file.yml:2: is indented with a tab — indent with spaces only (two per level)"),
    ("a:\t1\n", "data/file.yml:1: is not valid YAML (a tab character: YAML needs spaces) — replace the tab on this "
                "line with spaces"),
    ("a: 'Pupils' work'\n", "data/file.yml:1: is not valid YAML (an apostrophe ends a 'single-quoted' value) — write "
                            "two apostrophes '' inside the quotes, or use double quotes around the value"),
    ("# only a comment\n\n", "data/file.yml:1: is empty — restore its content from the last good version, or delete "
                             "the file"),
    ("a: 1\nb: x\x07y\n", "data/file.yml:2: contains the invisible character U+0007 — delete it: retype the words "
                          "around it, or paste them as plain text"),
    ("1: one\n", "data/file.yml:1: has a key that is not text (1) — write the key as a word, such as 'title'"),
    (f"n: {'9' * (MAX_DIGITS + 1)}\n", f"data/file.yml:1: has a number {MAX_DIGITS + 1} digits long — write a number "
                                       f"of at most {MAX_DIGITS} digits, or put the value in quotes if it is text"),
    ("title: a: b\n", "data/file.yml:1: is not valid YAML (mapping values are not allowed here) — a value containing "
                      "': ' must be in quotes, or check the indentation of this line"),
])
def test_each_mistake_gets_its_line_and_its_fix(tmp_path, text, message):
    assert only_error(tmp_path, text) == message


def test_a_file_not_saved_as_utf8_is_named_at_its_line(tmp_path):
    assert only_error(tmp_path, "a: 1\nb: caf\xe9\n".encode("latin-1")) == (
        "data/file.yml:2: is not saved as UTF-8 text — save the file with UTF-8 encoding (in VS Code: "
        "'Save with Encoding' > UTF-8)")


def test_an_alias_is_refused_where_it_is_used(tmp_path):
    # The anchor is refused first when both are there; an alias alone points at its own line.
    assert only_error(tmp_path, "a: 1\nb:\n  - *x\n").startswith("data/file.yml:3: uses the alias '*x'")


def test_nesting_deeper_than_the_limit_is_refused_before_it_is_built(tmp_path):
    deep = "a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n"
    assert only_error(tmp_path, deep) == (f"data/file.yml:1: nests lists and groups more than {MAX_DEPTH} deep — "
                                          "check the indentation and the brackets of this line and the ones above")
    at_limit = "a: " + "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1) + "\n"
    assert read(tmp_path, at_limit)[1] == []


def test_a_tab_is_judged_as_pyyaml_judges_it(tmp_path):
    # libyaml accepts tabs in places PyYAML refuses, so any tab takes the plain parser: a tab in
    # quotes is a value's own character, one between flow items is a mistake.
    assert read(tmp_path, 'a: "x\ty"\n')[0] == {"a": "x\ty"}
    assert only_error(tmp_path, "a: [1,\t2]\n").startswith("data/file.yml:1: is not valid YAML (a tab character")


@pytest.mark.parametrize("path, shown", [
    ([], ""), (["title"], "title"), (["items", 2, "text"], "items[2].text"), ([0, "id"], "[0].id"),
])
def test_a_data_path_is_written_as_an_editor_reads_it(path, shown):
    assert format_path(path) == shown
