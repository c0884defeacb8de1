"""Loading the content again (each `make serve` rebuild) parses only the data files whose bytes
changed, and never hands out data an earlier caller could have changed."""
from __future__ import annotations

from esafety_portal import load
from support.project_copy import copy_project, replace_in


def test_only_changed_files_are_parsed_again(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project", parts=("data",))
    parsed: list[str] = []
    real = load.parse_yaml

    def counting(raw, shown_as):
        parsed.append(shown_as)
        return real(raw, shown_as)

    monkeypatch.setattr(load, "parse_yaml", counting)
    load.forget()  # another test in this process may have read these same bytes
    load.load_content(project)
    assert len(parsed) > 1
    parsed.clear()
    assert load.load_content(project).site.council  # nothing changed: nothing parsed, all there
    assert parsed == []

    replace_in(project / "data" / "site.yml", "council:", "council: Edited\n# was:")
    parsed.clear()
    assert load.load_content(project).site.council == "Edited"
    assert parsed == ["data/site.yml"]


def test_each_reader_gets_its_own_copy(tmp_path):
    path = copy_project(tmp_path / "project", parts=("data",)) / "data" / "site.yml"
    first, _ = load.read_data_file(path.read_bytes(), "data/site.yml")
    council = first["council"]
    first["council"] = "Changed by the first reader"
    second, _ = load.read_data_file(path.read_bytes(), "data/site.yml")
    assert second["council"] == council and second.lines == first.lines


def test_a_copy_shares_nothing_a_reader_could_change_and_keeps_every_line(tmp_path):
    from esafety_portal.yaml_loader import copy_tree, read_yaml

    path = tmp_path / "f.yml"
    path.write_text("id: a\nitems:\n  - id: b\n    tags: [x, y]\n    when: 2026-01-02\n", "utf-8")
    data, _ = read_yaml(path, "f.yml")
    copied = copy_tree(data)
    assert copied == data and type(copied) is type(data)
    # Every mapping and list is new, with its own lines; scalars, which cannot change, are shared.
    assert copied["items"] is not data["items"] and copied["items"][0]["tags"] is not data["items"][0]["tags"]
    assert (copied.lines, copied["items"].lines, copied["items"][0].lines) == (
        data.lines, data["items"].lines, data["items"][0].lines)
    copied.lines["id"] = 99
    copied["items"].lines.append(99)
    copied["items"][0]["tags"].append("z")
    assert data.lines["id"] == 1 and 99 not in data["items"].lines and data["items"][0]["tags"] == ["x", "y"]


def test_a_walk_visits_each_value_before_those_inside_it_in_file_order():
    from esafety_portal.rules import walk

    tree = {"a": [1, {"b": 2}], "c": {}, "d": [[3]]}
    assert list(walk(tree)) == [
        (("a",), "a", [1, {"b": 2}]), (("a", 0), None, 1), (("a", 1), None, {"b": 2}), (("a", 1, "b"), "b", 2),
        (("c",), "c", {}), (("d",), "d", [[3]]), (("d", 0), None, [3]), (("d", 0, 0), None, 3)]
    assert list(walk("scalar")) == [] and list(walk([], ("x",))) == []


def test_only_changed_files_are_checked_against_their_schema_again(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project", parts=("data",))
    checked: list[str] = []
    real = load.schema_check.check

    def counting(data, schema, schema_dir, shown_as, digest=None):
        checked.append(shown_as)
        return real(data, schema, schema_dir, shown_as, digest=digest)

    monkeypatch.setattr(load.schema_check, "check", counting)
    load.forget()
    load.load_content(project)
    assert len(checked) > 1
    checked.clear()
    load.load_content(project)
    assert checked == []  # same bytes, same schemas: the verdicts kept

    replace_in(project / "data" / "site.yml", "council:", "council: Edited\n# was:")
    checked.clear()
    load.load_content(project)
    assert checked == ["data/site.yml"]


def test_the_rules_across_files_read_only_changed_files_again(tmp_path, monkeypatch):
    """Ids, references, dates and placeholders are read from a file once for its bytes; whether
    they clash or resolve is still decided on every load (tests/unit/test_rules.py)."""
    from esafety_portal import rules, templates

    project = copy_project(tmp_path / "project", parts=("data",))
    read: list[str] = []
    for module, name in [(rules, "_ids_in"), (rules, "_references_in"), (rules, "_date_problems"),
                         (templates, "_placeholder_problems")]:
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda f, *rest, real=real: read.append(f.shown_as) or real(f, *rest))
    load.forget()
    content = load.load_content(project)
    assert "data/site.yml" in read
    read.clear()
    assert load.load_content(project) == content
    assert read == []

    replace_in(project / "data" / "site.yml", "council:", "council: Edited\n# was:")
    load.load_content(project)
    assert set(read) == {"data/site.yml"}


def test_a_schema_edited_between_loads_is_applied_to_every_file(tmp_path):
    """A kept verdict never outlives the schema it was made with: make serve after a schema edit."""
    project = copy_project(tmp_path / "project", parts=("data",))
    load.load_content(project)
    schema = project / "data" / "schema" / "site.schema.json"
    text = schema.read_text("utf-8")
    schema.write_text(text.replace('"required": [', '"required": ["a_field_no_file_has", ', 1), "utf-8")
    try:
        load.load_content(project)
    except load.ContentErrors as caught:
        assert any(e.file == "data/site.yml" and "a_field_no_file_has" in e.problem + e.fix for e in caught.errors)
    else:
        raise AssertionError("the edited schema was not applied: a kept verdict outlived its schema")


def test_a_copy_of_the_data_elsewhere_is_not_read_or_checked_again(tmp_path, monkeypatch):
    """What is kept depends on a file's bytes and name, not on where it lies: a second copy of the
    project (a test's, another checkout's) loads from what the first load kept, to the same content."""
    first = copy_project(tmp_path / "first", parts=("data",))
    second = copy_project(tmp_path / "second", parts=("data",))
    load.forget()
    content = load.load_content(first)
    work: list[str] = []
    monkeypatch.setattr(load, "parse_yaml", lambda raw, shown_as: work.append(shown_as))
    monkeypatch.setattr(load.schema_check, "check", lambda data, schema, *_, **__: work.append(schema))
    assert load.load_content(second) == content
    assert work == []


def test_the_same_bytes_under_another_name_are_read_and_reported_as_that_file(tmp_path):
    """A reading keeps the name it was read under (its messages say it), so it is kept by name too."""
    raw = b"id: a\n\tname: b\n"
    _, first = load.read_data_file(raw, "data/one.yml")
    _, second = load.read_data_file(raw, "data/two.yml")
    assert [e.file for e in first] == ["data/one.yml"] and [e.file for e in second] == ["data/two.yml"]


def test_what_is_kept_is_bounded_the_oldest_going_first(monkeypatch):
    monkeypatch.setattr(load._readings, "most", 3)
    load.forget()
    for n in range(5):
        load.read_data_file(f"id: a{n}\n".encode(), "data/f.yml")
    assert [raw for _, raw in load._readings] == [b"id: a2\n", b"id: a3\n", b"id: a4\n"]
    load.read_data_file(b"id: a2\n", "data/f.yml")  # used again: now the newest
    load.read_data_file(b"id: a5\n", "data/f.yml")
    assert [raw for _, raw in load._readings] == [b"id: a4\n", b"id: a2\n", b"id: a5\n"]
