"""Every string field of every data family, attacked: each hostile value either fails the build
with `file:line: path: what — fix`, or is published with no live markup.

The fields come from the schemas, not from a hand-made list: each data file is walked beside its
schema, and every property whose schema is a string (present in the data or not) is a field.
Each hostile value goes into each field on its own, and the data is loaded as a build loads it.
The values that are accepted are then all published together, one build per hostile value, and
every page is parsed (html.parser, not a regex) for anything that runs script, compared with the
real site: a script element, an on... attribute, a javascript:/data:/vbscript: link, an iframe,
object, embed, base or meta refresh that the real site does not have.
"""
from __future__ import annotations

import copy
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from esafety_portal.errors import ContentErrors
from esafety_portal.families import schema_for
from esafety_portal.load import load_content
from esafety_portal.yaml_loader import format_path
from support.build_worker import BuildWorker
from support.project_copy import copy_project
from support.site import ROOT

TEXT_ATTACKS = {
    "tag breakout": '</a></p><script>alert("tag")</script>',
    "attribute breakout": '" onmouseover="alert(1)" x="',
    "single-quote breakout": "' onfocus='alert(1)' x='",
    "unclosed tag": "<img src=x onerror=alert(1) ",
    "raw HTML": "<b onclick=alert(1)>bold</b>",
    "javascript link": "[click](javascript:alert(1))",
    "data link": "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "entity-hidden link": "[click](jav&#x61;script:alert(1))",
    "attribute list": 'Words {: onclick="alert(1)" }',
    "inline attribute list": '[link](https://example.org/){ onclick="alert(1)" }',
    "Jinja": "{{ config.site_name }}{% raw %}",
    "unclosed attribute list": "A 2012 feature { hidden",
    "attribute list in braces": "Words { key=value {x}",
    "link target by attribute": "[link](https://example.org/){ href=//evil.example/ {x}",
    "reference definition": 'See [the DfE][r].\n\n[r]: http:evil.example/ "DfE"',
    "abbreviation definition": "*[DfE]: Department for Evil\n\nThe DfE",
    "carriage return": 'Words\r!!! danger "Action required"',
    "control character": "Words\x07\x1b[31m",
}
URL_ATTACKS = {
    "URL tag breakout": 'https://example.org/"><script>alert(1)</script>',
    "URL autolink breakout": "https://example.org/><script>alert(1)</script>",
    "URL attribute breakout": "https://example.org/' onmouseover='alert(1)",
    "javascript URL": "javascript:alert(1)",
    "data URL": "data:text/html,<script>alert(1)</script>",
}


# -- fields, from the schemas ---------------------------------------------------------------------
def _schemas() -> dict[str, dict]:
    return {p.name: json.loads(p.read_text("utf-8")) for p in (ROOT / "data" / "schema").glob("*.schema.json")}


def _resolve(schema: dict, home: str, schemas: dict) -> tuple[dict, str]:
    while "$ref" in schema:
        target, _, pointer = schema["$ref"].partition("#")
        home = target or home
        node = schemas[home]
        for step in pointer.strip("/").split("/") if pointer.strip("/") else []:
            node = node[step]
        # A $ref beside its own keywords (a description) still means the referenced schema.
        schema = {**node, **{k: v for k, v in schema.items() if k not in ("$ref", "description")}}
    return schema, home


def _is_string(schema: dict) -> bool:
    kind = schema.get("type")
    return kind == "string" or (isinstance(kind, list) and "string" in kind)


def _branch(schema: dict, data) -> str:
    """Which side of its if/then/else `data` takes ("" if the schema has none): the schemas'
    conditions only ask for keys and constant values."""
    if "if" not in schema or not isinstance(data, dict):
        return ""
    test = schema["if"]
    holds = all(key in data for key in test.get("required", ())) and all(
        data.get(key) == sub["const"] for key, sub in test.get("properties", {}).items() if "const" in sub)
    return "then" if holds else "else"


def string_fields(data, schema: dict, home: str, schemas: dict, path=()):
    """(path, is it a URL) for every string property the schema allows, in every item of every
    list (all_fields keeps the first of each)."""
    schema, home = _resolve(schema, home, schemas)
    side = schema.get(_branch(schema, data), {}) if _branch(schema, data) else {}
    schema = {**schema, "properties": {**schema.get("properties", {}), **side.get("properties", {})}}
    if isinstance(data, dict):
        for name, sub in schema.get("properties", {}).items():
            resolved, _ = _resolve(sub, home, schemas)
            if _is_string(resolved) and "enum" not in resolved:
                yield path + (name,), "url" in sub.get("$ref", "") or name.endswith("url")
            elif name in data:
                yield from string_fields(data[name], sub, home, schemas, path + (name,))
    elif isinstance(data, list) and "items" in schema and data:
        items, _ = _resolve(schema["items"], home, schemas)
        if _is_string(items):
            yield path + (0,), False
        else:
            for index, item in enumerate(data):
                yield from string_fields(item, schema["items"], home, schemas, path + (index,))


def _plain(node):
    """The loader's line-aware dicts and lists as plain ones, for yaml.safe_dump."""
    if isinstance(node, dict):
        return {k: _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def all_fields() -> list[tuple[str, tuple, bool]]:
    schemas = _schemas()
    fields = []
    for path in sorted((ROOT / "data").rglob("*.yml")):
        relative = path.relative_to(ROOT / "data")
        schema = schema_for(relative)
        if schema is None:
            continue
        data = yaml.safe_load(path.read_text("utf-8"))
        # The first instance of each field: of an item's field, the first item that can have it
        # (in a list whose items' schema branches, the first of each branch).
        seen = set()
        for field, is_url in string_fields(data, schemas[f"{schema}.schema.json"], f"{schema}.schema.json", schemas):
            shape = tuple("*" if isinstance(step, int) else step for step in field)
            if shape not in seen:
                seen.add(shape)
                fields.append((f"data/{relative.as_posix()}", field, is_url))
    return fields


FIELDS = all_fields()
ATTACKS = {**TEXT_ATTACKS, **URL_ATTACKS}
# One case per data file and attack: the attack goes into every string field of the file at once
# (URL attacks into its URL fields, text attacks into the rest), and each field must be named by
# a message or published safely. All errors are collected in one load, so none hides another.
CASES = sorted({(file, name) for file, _, is_url in FIELDS for name in (URL_ATTACKS if is_url else TEXT_ATTACKS)})


def _set(data, path, value):
    for step in path[:-1]:
        data = data[step]
    if isinstance(data, list) and path[-1] >= len(data):
        data.append(value)
    else:
        data[path[-1]] = value


class _NoAliases(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml's: the same YAML, 8x faster
    def ignore_aliases(self, data):
        return True


def _write(project: Path, file: str, data) -> None:
    (project / file).write_text(yaml.dump(data, Dumper=_NoAliases, sort_keys=False, allow_unicode=True), "utf-8")


@pytest.fixture(scope="module")
def originals():
    return {file: yaml.safe_load((ROOT / file).read_text("utf-8")) for file in {f for f, _, _ in FIELDS}}


@pytest.fixture(scope="module")
def data_project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("hostile-data"), parts=("data",))


def test_the_fields_cover_every_family():
    files = {file for file, _, _ in FIELDS}
    assert files == {f"data/{p.relative_to(ROOT / 'data').as_posix()}" for p in (ROOT / "data").rglob("*.yml")}
    assert len(FIELDS) > 100 and sum(is_url for _, _, is_url in FIELDS) >= 4


@pytest.fixture(scope="module")
def verdicts(originals, data_project, today) -> dict[tuple, dict]:
    """(file, attack) -> {field: the messages that name it (empty: accepted)}."""
    found = {}
    for file, name in CASES:
        fields = [field for f, field, is_url in FIELDS if f == file and (name in URL_ATTACKS) == is_url]
        data = copy.deepcopy(originals[file])
        for field in fields:
            _set(data, field, ATTACKS[name])
        _write(data_project, file, data)
        try:
            load_content(data_project, today=today)
            errors = []
        except ContentErrors as caught:
            errors = [e for e in caught.errors if e.file == file]
        finally:
            (data_project / file).write_bytes((ROOT / file).read_bytes())  # the file as it was
        found[(file, name)] = {field: [e for e in errors if e.path == format_path(list(field))
                                       or e.path.startswith(format_path(list(field)) + ".")] for field in fields}
    return found


@pytest.mark.parametrize("file, name", CASES, ids=[f"{f.removeprefix('data/')}:{n}" for f, n in CASES])
def test_a_hostile_value_is_refused_with_file_line_and_fix_or_published_as_text(file, name, verdicts):
    for field, errors in verdicts[(file, name)].items():
        for error in errors:  # none: accepted, and published below where its page is checked
            assert error.line >= 1 and error.problem and error.fix, error
            assert str(error).startswith(f"{file}:{error.line}: {format_path(list(field))}") and " — " in str(error)


# -- publishing what was accepted ---------------------------------------------------------------
class LiveMarkup(HTMLParser):
    """Everything in a page that can run script or send the page elsewhere."""

    RISKY_TAGS = {"script", "iframe", "object", "embed", "base", "frame", "applet"}
    URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}

    def __init__(self):
        super().__init__()
        self.found: set[str] = set()
        self._script = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in self.RISKY_TAGS:
            self._script = tag if tag == "script" else None
            self.found.add(f"<{tag} src={attrs.get('src')!s}>")
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            self.found.add("<meta refresh>")
        for key, val in attrs.items():
            if key.startswith("on"):
                self.found.add(f"<{tag} {key}>")
            if key in self.URL_ATTRIBUTES and val and val.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
                self.found.add(f"<{tag} {key}={val[:30]}>")

    def handle_data(self, data):
        if self._script == "script":
            # A script's text, with the page's base URL taken out: the theme's are the same on every page.
            self.found.add("script body: " + data.split('",location)')[-1][:60])
            self._script = None


def live_markup(site: Path) -> set[str]:
    found = set()
    for page in site.rglob("*.html"):
        parser = LiveMarkup()
        parser.feed(page.read_text("utf-8"))
        found |= parser.found
    return found


@pytest.fixture(scope="module")
def real_markup(built_site):
    return live_markup(built_site)


@pytest.fixture(scope="module")
def publishing(tmp_path_factory):
    """One copy of the project and one build worker for every attack (support/build_worker.py):
    each attack's files are written into the copy, built, and put back as they were."""
    project = copy_project(tmp_path_factory.mktemp("hostile-site"))
    with BuildWorker() as worker:
        yield project, worker


@pytest.mark.parametrize("name", list(TEXT_ATTACKS) + list(URL_ATTACKS))
def test_accepted_hostile_values_are_published_with_no_live_markup(name, originals, verdicts, real_markup, publishing,
                                                                   tmp_path):
    project, worker = publishing
    accepted = [(file, field) for (file, attack), fields in verdicts.items() if attack == name
                for field, errors in fields.items() if not errors]
    for attempt in range(3):
        by_file: dict[str, dict] = {}
        for file, field in accepted:
            _set(by_file.setdefault(file, copy.deepcopy(originals[file])), field, ATTACKS[name])
        try:
            for file, data in by_file.items():
                _write(project, file, data)
            result = worker.build(project, tmp_path / f"site-{attempt}")
        finally:
            for file in by_file:
                (project / file).write_bytes((ROOT / file).read_bytes())  # the file as it was
        if result.returncode == 0:
            break
        # A rule across fields (earlier words given for an added clause) speaks only once the file's
        # other hostile values are gone, so the verdicts could not see it: a message naming the field
        # at its line is a refusal too. Anything else is a failure.
        named = named_fields(result.stderr, accepted)
        assert named, f"{len(accepted)} fields accepted {name!r} but the build failed:\n{result.stderr[-3000:]}"
        accepted = [entry for entry in accepted if entry not in named]
    assert result.returncode == 0, f"{name!r}: the build still failed:\n{result.stderr[-3000:]}"
    extra = live_markup(tmp_path / f"site-{attempt}") - real_markup
    assert not extra, f"{name!r} in {accepted} published live markup: {sorted(extra)}"


def named_fields(output: str, fields: list[tuple[str, tuple]]) -> list[tuple[str, tuple]]:
    """The (file, field)s among `fields` that a build's messages name at a line, with a fix."""
    named = set()
    for line in output.splitlines():
        match = re.match(r"^\s*(data/\S+?):(\d+): (\S+): .+ — .+$", line)
        if match:
            named.add((match.group(1), match.group(3)))
    return [(file, field) for file, field in fields if (file, format_path(list(field))) in named]


def test_a_build_message_names_the_field_it_refuses():
    output = ("ERROR - The content in data/ has 1 problem. Nothing was published.\n\n"
              "  data/templates/t.yml:130: sections[2].clauses[3].since_previous.before: gives earlier wording "
              "for something added in this edition — write change: reworded if it was there before\n")
    fields = [("data/templates/t.yml", ("sections", 2, "clauses", 3, "since_previous", "before")),
              ("data/templates/t.yml", ("sections", 2, "clauses", 3, "text"))]
    assert named_fields(output, fields) == fields[:1]


def test_the_page_check_finds_live_markup(tmp_path):
    (tmp_path / "index.html").write_text('<p><a href="javascript:x()" onclick="y()">a</a></p><script>z()</script>'
                                         '<iframe src="https://example.org/"></iframe>', "utf-8")
    assert live_markup(tmp_path) == {"<a onclick>", "<a href=javascript:x()>", "<script src=None>",
                                     "script body: z()", "<iframe src=https://example.org/>"}
