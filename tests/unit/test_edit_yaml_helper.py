"""tests/support/edit_yaml.py, the helper tests use to change one value of a copy of a data file by
its path: it changes only that value (a line, a folded block or a list), says on which line, and
can add a key to a list item after its id."""
from __future__ import annotations

from esafety_portal.yaml_loader import read_yaml
from support.edit_yaml import add_yaml, edit_yaml, path_of

FILE = """\
# a comment stays
id: sample
items:
  - id: one
    text: >-
      Folded words
      over two lines.
    links:
      see_also: [two]
  - id: two
    text: Short.
"""


def data(path):
    loaded, problems = read_yaml(path, "x.yml")
    assert not problems
    return loaded


def test_one_value_changes_and_its_line_is_given(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text(FILE, "utf-8")
    assert edit_yaml(path, ["items", 0, "text"], "New: words") == 5
    assert edit_yaml(path, path_of(path, "one") + ["links", "see_also"], ["two", "three"]) == 7
    assert edit_yaml(path, ["items", 1, "text"], 'Said "so".') == 9  # the folded block is one line now
    loaded = data(path)
    assert loaded["items"][0]["text"] == "New: words" and loaded["items"][0]["links"]["see_also"] == ["two", "three"]
    assert loaded["items"][1]["text"] == 'Said "so".'
    lines = path.read_text("utf-8").splitlines()
    assert lines[0] == "# a comment stays" and lines[3] == "  - id: one" and len(lines) == len(FILE.splitlines()) - 2


def test_a_key_is_added_to_a_list_item_after_its_id(tmp_path):
    path = tmp_path / "x.yml"
    path.write_text(FILE, "utf-8")
    assert add_yaml(path, path_of(path, "two"), "note", "Added.") == 11
    assert data(path)["items"][1] == {"id": "two", "note": "Added.", "text": "Short."}
    assert path.read_text("utf-8").splitlines()[10] == '    note: "Added."'
