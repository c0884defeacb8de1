"""limits.py: what any value in a data file may be, whatever its field: no longer than MAX_TEXT
characters and holding no invisible character, each found at its line and path."""
from __future__ import annotations

from esafety_portal.limits import MAX_TEXT, value_problems
from esafety_portal.yaml_loader import read_yaml


def problems(tmp_path, text: str) -> list[str]:
    path = tmp_path / "file.yml"
    path.write_text(text, "utf-8")
    data, errors = read_yaml(path, "data/file.yml")
    assert errors == []
    return [str(e) for e in value_problems(data, "data/file.yml")]


def test_ordinary_values_have_no_problem(tmp_path):
    assert problems(tmp_path, "title: Café – “quotes”\nitems:\n  - text: \"Tab\\there\"\n    n: 3\n") == []


def test_a_value_at_the_limit_passes_and_one_past_it_is_named_at_its_line(tmp_path):
    assert problems(tmp_path, f"a: {'x' * MAX_TEXT}\n") == []
    assert problems(tmp_path, f"a: 1\nitems:\n  - text: {'x' * (MAX_TEXT + 1)}\n") == [
        f"data/file.yml:3: items[0].text: is far too long ({MAX_TEXT + 1} characters) — shorten it: no field holds "
        f"more than {MAX_TEXT} characters"]


def test_an_invisible_character_is_found_in_a_value_and_in_a_key(tmp_path):
    found = problems(tmp_path, 'a: 1\nb: "x\\u202Ey"\n"c\\u200Bd\\u2066": 2\n')
    assert found == [
        "data/file.yml:2: b: contains the invisible character U+202E — delete it: retype the words around it, "
        "or paste them as plain text",
        "data/file.yml:3: c\u200bd\u2066: contains the invisible character U+2066 — delete it: retype the words "
        "around it, or paste them as plain text"]


def test_a_long_key_is_shortened_where_the_message_quotes_it(tmp_path):
    key = "k" * 50 + "\\x07"
    (message,) = problems(tmp_path, f'"{key}": 1\n')
    assert message.startswith(f"data/file.yml:1: {'k' * 40}…: contains the invisible character U+0007")


def test_numbers_and_empty_values_are_not_text(tmp_path):
    assert problems(tmp_path, "a: 123456789012345\nb:\nc: true\n") == []
