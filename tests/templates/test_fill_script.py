"""The browser fills in the downloads exactly as the Python reference does: school-details-fill.js
(run in Node with the vendored fflate) against esafety_portal.documents.fill on the same blank
documents and the same values, including hostile ones and every kind of whitespace."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from esafety_portal.documents.fill import fill
from esafety_portal.documents.pack import PACK_NAME
from esafety_portal.templates import PLACEHOLDERS, placeholder_label
from support.documents_compare import assert_same_document, entries
from support.site import ROOT
from test_fill import VALUES  # the hostile values fill.py is tested with

NAMES = list(PLACEHOLDERS)
# Every character Python counts as a space, alone (an empty value) and around a name.
SPACES = [chr(c) for c in range(0x3001) if chr(c).isspace()]
VALUE_SETS = {
    "hostile": VALUES,
    "spaces alone": {NAMES[i % len(NAMES)]: space * (1 + i // len(NAMES)) for i, space in enumerate(SPACES)},
    "spaces around": {name: f"{SPACES[i]}Name {i}{SPACES[-1 - i]}" for i, name in enumerate(NAMES)},
    "not spaces": {NAMES[0]: "\ufeff", NAMES[1]: "\u200b", NAMES[2]: "\ufeffSchool\u200b", NAMES[3]: "a\r\nb\rc \r"},
    "markdown": {NAMES[0]: "# 1. *x* _y_ `z` [a](b) \\ | &amp; <i>", NAMES[1]: "12) list", NAMES[2]: "- item",
                 NAMES[3]: "٣. Arabic-Indic digit"},
    "everything": {name: f"{name} <&> 'value' \"{i}\"" for i, name in enumerate(NAMES)},
}
TEMPLATE = "esafety-policy"  # the template with the most kinds of blank


@pytest.fixture(scope="module")
def node_filled(documents, tmp_path_factory):
    """(value set, file name) -> (what fill.py makes, what the browser's script makes)."""
    node = shutil.which("node")
    assert node, "node is missing: install Node.js (Debian's nodejs package)"
    folder = tmp_path_factory.mktemp("fill")
    names = [f"{TEMPLATE}.docx", f"{TEMPLATE}.odt", f"{TEMPLATE}.md", "aup-ks2.docx", "aup-ks2.odt"]
    cases, expected = [], {}
    for name in [*names, PACK_NAME]:
        (folder / name).write_bytes(documents[name])
    for set_name, values in VALUE_SETS.items():
        for name in names + ([PACK_NAME] if set_name == "hostile" else []):
            extension = name.rsplit(".", 1)[1]
            output = folder / f"{set_name}-{name}"
            cases.append({"input": str(folder / name), "extension": extension, "values": values, "output": str(output)})
            expected[set_name, name] = output
    job = {"labels": {name: placeholder_label(name) for name in PLACEHOLDERS}, "cases": cases}
    run = subprocess.run([node, str(ROOT / "tests" / "js" / "fill_with_node.js")], input=json.dumps(job),
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return {key: path.read_bytes() for key, path in expected.items()}


@pytest.mark.parametrize("set_name", list(VALUE_SETS))
def test_the_browser_fills_each_format_as_fill_py_does(documents, node_filled, set_name):
    values = VALUE_SETS[set_name]
    for (case, name), browser in node_filled.items():
        if case != set_name or name == PACK_NAME:
            continue
        blank = documents[name]
        python = fill(blank, name.rsplit(".", 1)[1], values)
        assert browser != blank or not any(v.strip() for v in values.values())
        assert_same_document(name, blank, python, browser)


def test_the_browser_fills_every_document_in_the_pack(documents, node_filled):
    pack = entries(node_filled["hostile", PACK_NAME])
    assert [n for n, _c, _d in pack] == [n for n, _c, _d in entries(documents[PACK_NAME])]
    for entry, _method, data in pack:
        name = entry.rsplit("/", 1)[1]
        python = fill(documents[name], name.rsplit(".", 1)[1], VALUES)
        assert_same_document(name, documents[name], python, data)
