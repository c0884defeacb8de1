"""schema_check: data already found valid against the same schemas is not validated again
(its hash is kept in .cache/checked/, one file per data file), and that never hides a mistake."""
from __future__ import annotations

import pytest

from esafety_portal import schema_check
from esafety_portal.errors import ContentErrors
from esafety_portal.load import CHECKED, load_content
from support.project_copy import copy_project, replace_in


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path, parts=("data",))


@pytest.fixture
def validated(monkeypatch):
    """The names of the schemas data is validated against, in order."""
    names = []
    real = schema_check._compiled

    class Counting(dict):
        def __getitem__(self, name):
            names.append(name)
            return super().__getitem__(name)

    def counting(schema_dir, digest):
        compiled, defs = real(schema_dir, digest)
        return Counting(compiled), defs

    monkeypatch.setattr(schema_check, "_compiled", counting)
    return names


def test_unchanged_data_is_validated_once(project, validated):
    load_content(project)  # as of the suite's today (support/clock.py)
    files = len(validated)
    assert files == len(list((project / "data").rglob("*.yml"))) and len(list((project / CHECKED).iterdir())) == files
    validated.clear()
    load_content(project)
    assert validated == []
    replace_in(project / "data/frameworks/inspecting-e-safety-2012.yml", "title: Peer mentoring", "title: Peer mentors")
    load_content(project)
    assert validated == ["framework"], "only the edited file is validated again"
    assert len(list((project / CHECKED).iterdir())) == files, "one record per data file, however many edits"


def test_a_mistake_is_reported_on_every_build_after_valid_ones(project):
    load_content(project)
    replace_in(project / "data/frameworks/safe-use-of-new-technologies-2010.yml", "  schools: 35", "  schools: many")
    for _ in range(2):
        with pytest.raises(ContentErrors) as caught:
            load_content(project)
        assert "must be a whole number, not text" in str(caught.value)


def test_a_schema_change_validates_everything_again(project):
    load_content(project)
    # A stricter schema (every framework now needs a field the data does not have) must find the
    # data invalid even though the same data was found valid before.
    schema = project / "data/schema/framework.schema.json"
    schema.write_text(schema.read_text("utf-8").replace('"required": [', '"required": ["owner", ', 1), "utf-8")
    # In the same process, as under `mkdocs serve`: nothing is cleared by hand.
    with pytest.raises(ContentErrors) as caught:
        load_content(project)
    assert "missing the required field 'owner'" in str(caught.value)


def test_the_validity_record_covers_every_input(project, monkeypatch):
    """The record's hash changes with the data, the schema name, any schema and jsonschema's version."""
    schema_dir = project / "data" / "schema"
    digest = schema_check.schemas_digest(schema_dir)
    data = {"intro": "Text"}
    base = schema_check._validity_hash(data, "inadequate", digest)
    assert schema_check._validity_hash({"intro": "Text!"}, "inadequate", digest) != base
    assert schema_check._validity_hash(data, "features", digest) != base
    (schema_dir / "common.schema.json").write_text(
        (schema_dir / "common.schema.json").read_text("utf-8").replace("A permanent id", "An id"), "utf-8")
    assert schema_check.schemas_digest(schema_dir) != digest
    edited = schema_check.schemas_digest(schema_dir)
    monkeypatch.setattr(schema_check.importlib.metadata, "version", lambda name: "0.0.0")
    assert schema_check.schemas_digest(schema_dir) != edited
