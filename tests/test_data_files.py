"""Rules for the data files themselves: schema headers for editors, schemas written for editors, YAML style."""
from __future__ import annotations

import json
import subprocess
import sys

from esafety_portal.families import schema_for


def data_files(root):
    return sorted(p for p in (root / "data").rglob("*.yml"))


def test_every_data_file_names_its_schema_on_the_first_line(root):
    for path in data_files(root):
        relative = path.relative_to(root / "data")
        schema = schema_for(relative)
        assert schema, f"{relative} is not a known data file"
        prefix = "../" * (len(relative.parts) - 1)
        expected = f"# yaml-language-server: $schema={prefix}schema/{schema}.schema.json"
        assert path.read_text("utf-8").splitlines()[0] == expected, f"{relative}: first line must be {expected!r}"


def _properties(schema):
    """Every property schema, anywhere in a schema."""
    if isinstance(schema, dict):
        for name, prop in schema.get("properties", {}).items():
            yield name, prop
        for value in schema.values():
            yield from _properties(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _properties(value)


def test_every_schema_property_has_a_description_for_editors(root):
    for path in sorted((root / "data" / "schema").glob("*.schema.json")):
        schema = json.loads(path.read_text("utf-8"))
        defs = schema.get("$defs", {})
        for name, prop in _properties(schema):
            ref_name = prop.get("$ref", "").rsplit("/", 1)[-1]
            # A reference to a described definition (shared, or this schema's own) is described by it.
            described = prop.get("description") or (ref_name and ref_name in {**_common_defs(root), **defs})
            assert described, f"{path.name}: property '{name}' has no description"
        for name, definition in defs.items():
            assert definition.get("description"), f"{path.name}: $defs/{name} has no description"


def _common_defs(root):
    return json.loads((root / "data" / "schema" / "common.schema.json").read_text("utf-8"))["$defs"]


def test_data_passes_yaml_lint(root):
    result = subprocess.run([sys.executable, "-m", "yamllint", "--strict", "-c", str(root / ".yamllint.yml"), "data"],
                            cwd=root, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
