"""schema_check: every load validates every data file against the schemas, unless this same process
has already validated those exact bytes against the same schemas (load.py keeps that verdict in
memory only). Nothing on disk (a "found valid" record under .cache/checked/, which a pull request
can force-add) skips it."""
from __future__ import annotations

import hashlib
import json

import pytest

from esafety_portal import schema_check
from esafety_portal.errors import ContentErrors
from esafety_portal.load import forget, load_content
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


def test_every_load_validates_every_file_whose_bytes_it_has_not_validated(project, validated):
    data_files = list((project / "data").rglob("*.yml"))
    forget()  # another test in this process may have validated these same bytes
    load_content(project)
    files = len(validated)
    assert files == len(data_files)
    for path in data_files:  # one byte more in every file: each is validated again
        path.write_bytes(path.read_bytes() + b"\n")
    validated.clear()
    load_content(project)
    assert len(validated) == files, "a load skipped validating a changed file"
    assert not (project / ".cache").exists(), "loading wrote a record to disk"


def test_a_forged_validity_record_does_not_skip_validation(project):
    """Builds once kept, per data file, a hash saying "this data was found valid" in
    .cache/checked/ and skipped validating data with that hash. The hash is made from public
    inputs, so a pull request could force-add a record for invalid data: an id holding `../`
    then passed. Such a record, planted exactly as that code wrote it, changes nothing."""
    from esafety_portal.yaml_loader import read_yaml

    path = project / "data/frameworks/safe-use-of-new-technologies-2010.yml"
    replace_in(path, "  schools: 35", "  schools: many")
    shown_as = "data/frameworks/safe-use-of-new-technologies-2010.yml"
    data, problems = read_yaml(path, shown_as)
    assert not problems
    digest = schema_check.schemas_digest(project / "data" / "schema")
    forged = hashlib.sha256(digest + b"framework\0")
    forged.update(json.dumps(data, sort_keys=True, ensure_ascii=False, default=repr).encode("utf-8"))
    record = project / ".cache" / "checked" / shown_as.replace("/", "__")
    record.parent.mkdir(parents=True)
    record.write_text(forged.hexdigest(), "ascii")
    with pytest.raises(ContentErrors) as caught:
        load_content(project)
    assert "must be a whole number, not text" in str(caught.value)


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


def test_the_schemas_digest_covers_every_schema_and_jsonschema(project, monkeypatch):
    """The compiled validators are kept for the process under this digest: an edited schema or
    another jsonschema version must change it."""
    schema_dir = project / "data" / "schema"
    digest = schema_check.schemas_digest(schema_dir)
    (schema_dir / "common.schema.json").write_text(
        (schema_dir / "common.schema.json").read_text("utf-8").replace("A permanent id", "An id"), "utf-8")
    assert schema_check.schemas_digest(schema_dir) != digest
    edited = schema_check.schemas_digest(schema_dir)
    monkeypatch.setattr(schema_check.importlib.metadata, "version", lambda name: "0.0.0")
    assert schema_check.schemas_digest(schema_dir) != edited
