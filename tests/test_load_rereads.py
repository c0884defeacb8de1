"""Loading the content again (each `make serve` rebuild) parses only the data files whose bytes
changed, and never hands out data an earlier caller could have changed."""
from __future__ import annotations

from esafety_portal import load
from support.project_copy import copy_project, replace_in


def test_only_changed_files_are_parsed_again(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project", parts=("data",))
    parsed: list[str] = []
    real = load.read_yaml

    def counting(path, shown_as):
        parsed.append(shown_as)
        return real(path, shown_as)

    monkeypatch.setattr(load, "read_yaml", counting)
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
    first, _ = load.read_data_file(path, "data/site.yml")
    council = first["council"]
    first["council"] = "Changed by the first reader"
    second, _ = load.read_data_file(path, "data/site.yml")
    assert second["council"] == council and second.lines == first.lines


def test_only_changed_files_are_checked_against_their_schema_again(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "project", parts=("data",))
    checked: list[str] = []
    real = load.schema_check.check

    def counting(data, schema, schema_dir, shown_as, digest=None):
        checked.append(shown_as)
        return real(data, schema, schema_dir, shown_as, digest=digest)

    monkeypatch.setattr(load.schema_check, "check", counting)
    load.load_content(project)
    assert len(checked) > 1
    checked.clear()
    load.load_content(project)
    assert checked == []  # same bytes, same schemas: the verdicts kept

    replace_in(project / "data" / "site.yml", "council:", "council: Edited\n# was:")
    checked.clear()
    load.load_content(project)
    assert checked == ["data/site.yml"]


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
