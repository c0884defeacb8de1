"""JSON Schema validation, with each failure translated into an editor's message.

Every file is validated on every load: no record on disk lets a build skip it, since a file
under .cache/ can come from a pull request (a forged "found valid" record once let an id holding
`../` through). The compiled validators are kept for the process, keyed on the schemas' hash.
"""
from __future__ import annotations

import dataclasses
import difflib
import hashlib
import importlib.metadata
import json
import re
from functools import lru_cache
from pathlib import Path

from .errors import ContentError
from .values import shown
from .yaml_loader import format_path, line_of

_TYPE_WORDS = {
    "string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
    "array": "a list", "object": "a group of fields", "null": "empty",
}


def schemas_digest(schema_dir: Path) -> bytes:
    """A hash of every schema and of the jsonschema version, read afresh on every call: under
    `mkdocs serve` one process builds many times, and a schema edited between builds must count."""
    digest = hashlib.sha256(importlib.metadata.version("jsonschema").encode())
    for path in sorted(schema_dir.glob("*.schema.json")):
        digest.update(b"\0" + path.name.encode() + b"\0" + path.read_bytes())
    return digest.digest()


def shared_definitions(schema_dir: Path) -> dict:
    return _compiled(schema_dir, schemas_digest(schema_dir))[1]


def validators(schema_dir: Path) -> dict:
    return _compiled(schema_dir, schemas_digest(schema_dir))[0]


@lru_cache(maxsize=4)  # keyed on the schemas' digest, so an edited schema is compiled again
def _compiled(schema_dir: Path, digest: bytes) -> tuple[dict, dict]:
    from jsonschema import Draft202012Validator, FormatChecker, validators
    from referencing import Registry, Resource

    # 12.0 is a whole number to JSON Schema, but not to the code that counts months with it;
    # and a date must be a real day (format: date), so 2026-02-30 fails here, not in the build.
    strict_integers = Draft202012Validator.TYPE_CHECKER.redefine(
        "integer", lambda _checker, value: isinstance(value, int) and not isinstance(value, bool))
    validator_class = validators.extend(Draft202012Validator, type_checker=strict_integers)
    dates = FormatChecker(formats=["date"])

    schemas = {p.name: json.loads(p.read_text("utf-8")) for p in sorted(schema_dir.glob("*.schema.json"))}
    registry = Registry().with_resources(
        (name, Resource.from_contents(schema)) for name, schema in schemas.items()
    )
    compiled = {
        name.removesuffix(".schema.json"): validator_class(schema, registry=registry, format_checker=dates)
        for name, schema in schemas.items()
    }
    return compiled, schemas.get("common.schema.json", {}).get("$defs", {})


def check(data, schema_name: str, schema_dir: Path, shown_as: str,
          digest: bytes | None = None) -> list[ContentError]:
    """Every schema problem of one file's data.
    `digest` is schemas_digest(schema_dir), read once by a caller that checks many files."""
    digest = digest or schemas_digest(schema_dir)
    validator, defs = _compiled(schema_dir, digest)
    validator = validator[schema_name]
    errors = []
    for error in validator.iter_errors(data):
        # For a choice (oneOf/anyOf) the most specific failure is the useful one.
        choice, error = error, _deepest(error)
        if error.validator == "format" and error.schema.get("pattern") and isinstance(error.instance, str) \
                and not re.search(error.schema["pattern"], error.instance):
            continue  # not in the right form at all: the pattern's message says so
        path = list(error.absolute_path)
        errors.append(_with_choice_hint(_translate(error, data, path, shown_as, defs), choice, error))
    return _without_typo_echoes(errors)


def _without_typo_echoes(errors: list[ContentError]) -> list[ContentError]:
    """A misspelt field also makes the real one 'missing': report the typo once, not twice."""
    suggested = {(e.path.rsplit(".", 1)[0], e.fix) for e in errors if e.problem.startswith("unknown field")}
    return [e for e in errors
            if not (e.problem.startswith("missing the required field")
                    and (e.path, f"did you mean '{e.problem.split(chr(39))[1]}'?") in suggested)]


def _with_choice_hint(translated: ContentError, choice, error) -> ContentError:
    """A value that fits none of a field's forms (published: YYYY-MM-DD or YYYY-MM) is told
    every form the field takes, from the field's own description, not the first form's."""
    described = choice.schema.get("description") if choice is not error else None
    if described and error.validator == "pattern" and list(choice.absolute_path) == list(error.absolute_path):
        return dataclasses.replace(translated, fix=described)
    return translated


def _deepest(error):
    while error.context:
        # Among equally deep failures, the form (pattern) says more than the length: 'September
        # 2026' for YYYY-MM is in the wrong form, not merely too long.
        error = max(error.context, key=lambda e: (len(e.absolute_path), e.validator != "maxLength"))
    return error


def _translate(error, data, path, shown_as, defs) -> ContentError:
    kind = error.validator
    schema = error.schema
    hint = schema.get("description", "")
    line = line_of(data, path)
    where = format_path(path)
    if kind == "required":
        missing = error.message.split("'")[1]
        field_schema = schema.get("properties", {}).get(missing, {})
        help_text = _description(field_schema, defs) or "see the schema for what it needs"
        return ContentError(shown_as, line, where, f"missing the required field '{missing}'",
                            f"add '{missing}:' here. {help_text}")
    if kind == "additionalProperties":
        allowed = sorted(schema.get("properties", {}))
        unknown = [k for k in error.instance if k not in allowed]
        key = unknown[0] if unknown else "?"
        key_line = line_of(data, path + [key])
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        fix = (f"did you mean '{close[0]}'?" if close
               else "remove it, or use one of: " + ", ".join(allowed))
        return ContentError(shown_as, key_line, format_path(path + [key]), f"unknown field '{key}'", fix)
    if kind == "type" and schema["type"] == "integer" and isinstance(error.instance, float):
        return ContentError(shown_as, line, where, f"must be a whole number, not {shown(repr(error.instance))}",
                            f"write it without a decimal point, such as {int(error.instance) if error.instance.is_integer() else 12}")
    if kind == "format" and schema.get("format") == "date":
        return ContentError(shown_as, line, where, f"'{shown(error.instance)}' is not a real date",
                            "check the day and month (YYYY-MM-DD)")
    if kind == "type":
        wanted = schema["type"]
        wanted = " or ".join(_TYPE_WORDS.get(t, t) for t in (wanted if isinstance(wanted, list) else [wanted]))
        got = _TYPE_WORDS.get(_json_type(error.instance), "something else")
        return ContentError(shown_as, line, where, f"must be {wanted}, not {got}",
                            hint or f"write {wanted} here")
    if kind in ("minLength", "pattern") and isinstance(error.instance, str) and not error.instance.strip():
        return ContentError(shown_as, line, where, "must not be empty",
                            f"write the text, or delete the field if it is optional. {_description(schema, defs)}".strip())
    if kind == "pattern":
        return ContentError(shown_as, line, where, f"'{shown(error.instance)}' is not in the right form",
                            _description(schema, defs) or "check the format")
    if kind == "enum":
        options = ", ".join(str(o) for o in schema["enum"])
        return ContentError(shown_as, line, where, f"'{shown(str(error.instance))}' is not allowed", f"use one of: {options}")
    if kind == "minItems":
        return ContentError(shown_as, line, where, "must not be an empty list",
                            f"add at least {schema['minItems']} {'entry' if schema['minItems'] == 1 else 'entries'}. {hint}".strip())
    if kind == "uniqueItems":
        return ContentError(shown_as, line, where, "lists the same value twice", "delete the repeated value")
    if kind in ("minimum", "maximum"):
        return ContentError(shown_as, line, where, f"{error.instance} is out of range",
                            f"use a number from {schema.get('minimum', '…')} to {schema.get('maximum', '…')}")
    if kind == "maxLength":
        return ContentError(shown_as, line, where, f"is too long ({len(error.instance)} characters)",
                            f"shorten it to {schema['maxLength']} characters or fewer")
    return ContentError(shown_as, line, where, error.message, hint or "see the schema")


def _description(schema: dict, defs: dict) -> str:
    """A schema's description, following a bare $ref into the shared definitions."""
    if "description" in schema:
        return schema["description"]
    name = schema.get("$ref", "").rsplit("/", 1)[-1]
    return defs.get(name, {}).get("description", "")


def _json_type(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"
