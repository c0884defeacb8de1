"""What a value may hold, whatever its field: attributes and links (no braces, no reference or
abbreviation definitions, every link target passes the url rule), length and nesting limits that
keep every check and the Markdown rendering linear, and the mistakes that used to pass
`make check` and then crash the build (or crash `make check` itself)."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml

from esafety_portal import values
from esafety_portal.errors import ContentErrors
from esafety_portal.load import load_content
from support.project_copy import content_errors, copy_project, replace_in
from support.site import ROOT, build_env, mkdocs_build

TEMPLATE = "data/templates/aup-ks2.yml"
FRAMEWORK = "data/frameworks/kcsie-2026.yml"
# Whatever day the framework is as of: the test makes it one that does not exist.
AS_OF = re.search(r"^as_of: .*$", (ROOT / FRAMEWORK).read_text("utf-8"), re.M).group(0)
SHORT_TITLE = re.search(r"^short_title: .*$", (ROOT / FRAMEWORK).read_text("utf-8"), re.M).group(0)
# Lines of the real files, found by their form rather than their words, so rewording them keeps
# these tests meaningful: the template's first clause (written on one line), its review interval
# and order, the framework's short title.
_TEMPLATE_TEXT = (ROOT / TEMPLATE).read_text("utf-8")
CLAUSE = re.search(r"clauses:\n +- id: [^\n]+\n( +text: [^>|\n][^\n]*)", _TEMPLATE_TEXT).group(1)
MONTHS = re.search(r"review_every_months: \d+", _TEMPLATE_TEXT).group(0)
ORDER = re.search(r"^order: \d+$", _TEMPLATE_TEXT, re.M).group(0)
EXTENSIONS = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8").split("markdown_extensions:")[1]
                            .split("\nnav:")[0].replace("\n  - ", "\n- "))


def render(text: str) -> str:
    """`text` as the site's own Markdown (the extensions in mkdocs.yml) renders it."""
    names = [e if isinstance(e, str) else next(iter(e)) for e in EXTENSIONS]
    configs = {next(iter(e)): next(iter(e.values())) for e in EXTENSIONS if isinstance(e, dict)}
    return markdown.markdown(text, extensions=names, extension_configs=configs)


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path, parts=("data",))


def only_error(project) -> str:
    errors = content_errors(project)
    assert len(errors) == 1, "\n".join(map(str, errors))
    return str(errors[0])


# -- 5. attributes and links --------------------------------------------------------------------
class Attributes(HTMLParser):
    """Every (tag, attribute, value) in a piece of HTML."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found += [(tag, name, value) for name, value in attrs]


ATTRIBUTE_AND_LINK_ATTACKS = [
    "A 2012 feature { hidden",
    "Words { key=value {x}",
    "Words {: hidden }",
    "[link](https://www.gov.uk/){ href=http:evil.example/x.exe {x}",
    "[link](https://www.gov.uk/){ href=//evil.example/ {x}",
    "[link](https://www.gov.uk/){: data-x=1 aria-hidden=true inert }",
    'See [the DfE][r].\n\n[r]: http:evil.example/ "DfE"',
    '[r]: https://evil.example/ "DfE"',
    "See [the DfE][].",
    "*[DfE]: Department for Evil\n\nThe DfE says so.",
    "[link](http:evil.example/x.exe)",
    "[link](//evil.example/)",
    "[link](<https://evil.example/>)",
    '[link](https://www.gov.uk/ "title")',
    "[link](evil.example)",
    "[link](",
]


@pytest.mark.parametrize("attack", ATTRIBUTE_AND_LINK_ATTACKS)
def test_data_sets_no_attribute_and_every_link_passes_the_url_rule(attack):
    assert values.markdown_problems(attack), f"{attack!r} was accepted"


def test_what_the_safe_subset_accepts_renders_only_checked_links():
    """Rendered by the real Markdown, accepted text has no attribute but a link's href, and
    every href passes the url rule: a rule of the subset, not of the payloads above."""
    accepted = ["**Bold**, *italic* and [a link](https://www.gov.uk/guidance) at [[school_name]].",
                "- one\n- two\n\n1. first", "[In the page](#feature-01) and [[[school_name]]](https://a.example/)"]
    for text in accepted + ATTRIBUTE_AND_LINK_ATTACKS:
        if values.markdown_problems(text):
            continue
        parser = Attributes()
        parser.feed(render(text))
        for tag, name, value in parser.found:
            assert (tag, name) == ("a", "href"), (text, tag, name, value)
            assert values.link_target_problem(value) is None, (text, value)
    assert not any(values.markdown_problems(t) for t in accepted)


def test_an_unclosed_attribute_list_is_what_the_real_markdown_reads():
    """Why no brace at all: the rendering sets attributes from what the old pattern let through."""
    assert 'hidden' in render("A 2012 feature {: hidden }")
    assert "evil.example" in render("[link](https://www.gov.uk/){ href=//evil.example/ }")


def test_plain_turns_every_line_break_into_a_space():
    printed = values.plain('Title\r!!! danger "Action required"\r\nWords\u2028more')
    assert "\r" not in printed and "\n" not in printed and "\u2028" not in printed
    assert "admonition" not in render("## " + printed)


# -- 6. limits, and checks in linear time -------------------------------------------------------
def _set_field(project: Path, file: str, path: list, value: str) -> None:
    target = project / file
    data = yaml.safe_load(target.read_text("utf-8"))
    node = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value
    target.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10**9), "utf-8")


STALLS = {  # each took minutes, or crashed, in one field
    "1 MB of newlines": "a" + "\n" * 1_000_000 + "b",
    "64 KB of [": "[" * 65_536,
    "5 KB of *": "* " * 2_500,
    "12,000 abbreviations": "".join(f"*[A{i}]: x\n" for i in range(12_000)) + "A1",
    "64 KB of ](": "[a](" * 16_384,
    "nested lists": "- " * 3_000 + "a",
    "64 KB of {=": "{" + "=" * 65_536,
}
FIELDS = {"text": (FRAMEWORK, ["items", 0, "text"]), "title": (FRAMEWORK, ["items", 0, "title"]),
          "id": (FRAMEWORK, ["items", 0, "id"]), "template text": (TEMPLATE, ["sections", 0, "clauses", 0, "text"])}


@pytest.mark.parametrize("field", list(FIELDS))
@pytest.mark.parametrize("name", list(STALLS))
def test_a_hostile_value_is_refused_within_seconds(project, name, field):
    file, path = FIELDS[field]
    _set_field(project, file, path, STALLS[name])
    start = time.monotonic()
    with pytest.raises(ContentErrors) as caught:
        load_content(project)  # as of the suite's today (support/clock.py)
    assert time.monotonic() - start < 10, f"checking {name} in {field} took {time.monotonic() - start:.0f} s"
    assert any(e.file == file and e.line >= 1 and e.fix for e in caught.value.errors), caught.value.report()


PATTERNS = {"[": "[", "](": "[a](", "nested [": None, "*": "*", "* ": "* ", "**a": "**a", "_*": "*_",
            "def list": "a\n: b\n", "> ": "> ", "!!!": "!!! note\n", "```": "```\n", "# {#": "# a {#", "[^": "[^",
            "abbr": "*[A]: x\n", "[a][": "[a][", "[[": "[[", "`": "`", "\\": "\\", "|": "|", "&": "&", "[a]": "[a] "}


@pytest.mark.parametrize("name", list(PATTERNS))
def test_text_at_its_length_limit_is_checked_and_rendered_in_linear_time(name):
    """Whatever a value of the longest text the schema allows repeats, the safe subset refuses it
    or the real Markdown renders it in well under a second (the worst took minutes)."""
    limit = json.loads((ROOT / "data/schema/common.schema.json").read_text())["$defs"]["text"]["maxLength"]
    unit = PATTERNS[name]
    text = ("[" * 3 + "a" + "]" * 3) * limit if unit is None else unit * limit
    text = text[:limit]
    start = time.monotonic()
    problems = values.markdown_problems(text)
    if not problems:
        render(text)
    assert time.monotonic() - start < 2, f"{name!r}: {time.monotonic() - start:.1f} s"


def test_every_text_in_the_schemas_has_a_length_limit():
    def strings(node, where):
        if isinstance(node, dict):
            kind = node.get("type")
            if (kind == "string" or isinstance(kind, list) and "string" in kind) and "enum" not in node:
                yield where, node
            for key, value in node.items():
                yield from strings(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                yield from strings(value, f"{where}/{index}")

    for path in (ROOT / "data/schema").glob("*.schema.json"):
        for where, schema in strings(json.loads(path.read_text("utf-8")), path.name):
            assert "maxLength" in schema, f"{where} has no maxLength"


def test_a_long_short_title_is_refused(project):
    line = replace_in(project / FRAMEWORK, SHORT_TITLE, "short_title: " + "Action required " * 7)
    assert only_error(project) == (f"{FRAMEWORK}:{line}: short_title: is too long (111 characters)"
                                   " — shorten it to 50 characters or fewer")


# -- 8. mistakes that passed make check and crashed the build, or crashed make check ------------
MISTAKES = {
    "a decimal number of months": (TEMPLATE, MONTHS, MONTHS + ".0",
                                   f"review.review_every_months: must be a whole number, not {MONTHS.split()[-1]}.0 — "
                                   "write it without a decimal point, such as 12"),
    "a day that does not exist": (FRAMEWORK, AS_OF, "as_of: 2026-02-30",
                                  "as_of: '2026-02-30' is not a real date — check the day and month (YYYY-MM-DD)"),
    "a control character in template text": (TEMPLATE, CLAUSE, '        text: "I will only use the\\x07 computers."',
                                             "sections[0].clauses[0].text: contains the invisible character U+0007"
                                             " — delete it: retype the words around it, or paste them as plain text"),
}
CRASHED_CHECK = {
    "a raw control character": (TEMPLATE, CLAUSE, CLAUSE[:-1] + "\x01" + CLAUSE[-1],
                                "contains the invisible character U+0001"
                                " — delete it: retype the words around it, or paste them as plain text"),
    "nesting 1,100 deep": (TEMPLATE, ORDER, ORDER + "\nnotes: " + "[" * 1100 + "]" * 1100,
                           "nests lists and groups more than 20 deep"
                           " — check the indentation and the brackets of this line and the ones above"),
    "a 5,000-digit number": (TEMPLATE, ORDER, "order: " + "9" * 5000,
                             "has a number 5000 digits long"
                             " — write a number of at most 15 digits, or put the value in quotes if it is text"),
    "a lone surrogate": (TEMPLATE, CLAUSE, '        text: "I will \\ud800 only."',
                         "sections[0].clauses[0].text: contains the invisible character U+D800"
                         " — delete it: retype the words around it, or paste them as plain text"),
    "a carriage return in a title": (FRAMEWORK, SHORT_TITLE, 'short_title: "KCSIE\\r!!! danger"',
                                     "short_title: contains the invisible character U+000D"
                                     " — delete it: retype the words around it, or paste them as plain text"),
}


@pytest.mark.parametrize("name", list(MISTAKES) + list(CRASHED_CHECK))
def test_a_mistake_gets_file_line_path_and_fix(project, name):
    file, old, new, message = {**MISTAKES, **CRASHED_CHECK}[name]
    line = replace_in(project / file, old, new) + new.count("\n")  # the line the mistake is on
    assert only_error(project) == f"{file}:{line}: {message}"


@pytest.mark.parametrize("name", list(MISTAKES))
def test_make_check_and_the_build_refuse_the_same_mistake(tmp_path, name):
    file, old, new, message = MISTAKES[name]
    project = copy_project(tmp_path / "project")
    line = replace_in(project / file, old, new)
    expected = f"{file}:{line}: {message}"
    check = subprocess.run([sys.executable, "-m", "esafety_portal.check", str(project)],
                           capture_output=True, text=True, env=build_env(), timeout=120)
    assert check.returncode == 1 and expected in check.stderr, check.stderr
    build = mkdocs_build(project, tmp_path / "site")
    assert build.returncode == 1 and expected in build.stderr and "Traceback" not in build.stderr, build.stderr[-3000:]
