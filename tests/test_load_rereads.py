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
