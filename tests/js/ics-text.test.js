// The browser's calendar writer: escaping, recurrence and folding by UTF-8 octets (the Python
// tests in tests/school_year/ parse its output with icalendar).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const IcsText = require("../../docs/assets/javascripts/ics-text.js");

test("TEXT values escape backslash, semicolon, comma and every newline", () => {
  assert.equal(IcsText.escapeText("a\\b;c,d\ne\r\nf\rg"), "a\\\\b\\;c\\,d\\ne\\nf\\ng");
});

test("recurrence fits the interval", () => {
  assert.equal(IcsText.recurrence(12), "FREQ=YEARLY");
  assert.equal(IcsText.recurrence(24), "FREQ=YEARLY;INTERVAL=2");
  assert.equal(IcsText.recurrence(6), "FREQ=MONTHLY;INTERVAL=6");
  assert.equal(IcsText.recurrence(1), "FREQ=MONTHLY");
  assert.equal(IcsText.recurrence(0), "");
});

test("lines fold at 75 octets and never inside a character", () => {
  for (const text of ["é".repeat(80), "🏫".repeat(40), "x".repeat(74) + "é", "x".repeat(200)]) {
    const folded = IcsText.fold("SUMMARY:" + text);
    assert.ok(folded.endsWith("\r\n"));
    const lines = folded.slice(0, -2).split("\r\n");
    lines.forEach((line, index) => {
      assert.ok(Buffer.byteLength(line, "utf8") <= 75, line);
      if (index) assert.equal(line[0], " ");
      assert.ok(!/[\ud800-\udfff]$/.test(line) || /[\ud800-\udbff][\udc00-\udfff]$/.test(line), "a split surrogate pair");
    });
    assert.equal(folded.replace(/\r\n /g, ""), "SUMMARY:" + text + "\r\n");
  }
});
