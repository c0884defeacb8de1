// The school's own dates for the school's year: the stored record (with its version), dates
// refused with a reason, next due dates, and the school's calendar.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const StoredRecord = require("../../docs/assets/javascripts/stored-record.js");
const SchoolDetailsState = require("../../docs/assets/javascripts/school-details-state.js");
const IcsText = require("../../docs/assets/javascripts/ics-text.js");
const Y = require("../../docs/assets/javascripts/school-year-state.js");

function memoryArea() {
  const data = new Map();
  return {
    data,
    getItem: (key) => (data.has(key) ? data.get(key) : null),
    setItem: (key, value) => { data.set(key, String(value)); },
    removeItem: (key) => { data.delete(key); },
  };
}

const DUTIES = [
  {id: "yearly", title: "Yearly", interval_months: 12, from: "reviewed", description: "Do it."},
  {id: "two-yearly", title: "Two-yearly", interval_months: 24, from: "trained", description: "Train."},
  {id: "fixed", title: "Fixed", interval_months: 12, from: "", usual_month: 9, description: "Fixed."},
];

function state(values) {
  const result = Y.empty();
  Object.assign(result.values, values);
  return result;
}

test("a date is refused with a reason a school can act on", () => {
  const today = "2026-12-04";
  assert.deepEqual(Y.checkDate("2026-09-01", today), {date: "2026-09-01"});
  assert.match(Y.checkDate("2026-02-30", today).problem, /not a real date/);
  assert.match(Y.checkDate("2026-13-01", today).problem, /not a real date/);
  assert.match(Y.checkDate("1/9/2026", today).problem, /day, month and year/);
  assert.match(Y.checkDate("2027-01-01", today).problem, /in the future/);
  assert.match(Y.checkDate("0201-01-01", today).problem, /too long ago/);
  assert.match(Y.checkDate("2026-09-01\n", today).problem, /day, month and year/);
});

test("months are added to the same day, or the month's last day when it has none", () => {
  assert.equal(Y.addMonths("2026-09-15", 12), "2027-09-15");
  assert.equal(Y.addMonths("2026-08-31", 6), "2027-02-28");
  assert.equal(Y.addMonths("2027-02-28", 24), "2029-02-28");
  assert.equal(Y.addMonths("2024-02-29", 12), "2025-02-28");
  assert.equal(Y.addMonths("2026-11-30", 3), "2027-02-28");
});

test("each duty is due, overdue, or waits for its date", () => {
  const rows = Y.due(DUTIES, state({reviewed: "2025-09-01", trained: "2026-02-30"}), "2026-12-04");
  assert.deepEqual(rows.map((r) => [r.duty.id, r.status, r.due]), [
    ["yearly", "overdue", "2026-09-01"], ["two-yearly", "unknown", ""], ["fixed", "unknown", ""]]);
  assert.match(rows[1].problem, /not a real date/);
  const later = Y.due(DUTIES, state({trained: "2026-01-10"}), "2026-12-04");
  assert.deepEqual([later[1].status, later[1].due], ["due", "2028-01-10"]);
});

test("the record keeps its format and version, and one from a newer page is never saved over", () => {
  const area = memoryArea();
  const store = Y.open(StoredRecord, SchoolDetailsState.merge, {area, events: null});
  const mine = state({reviewed: "2026-09-01"});
  mine.modified.reviewed = "2026-12-04T10:00:00Z";
  store.save(mine);
  const stored = JSON.parse(area.data.get(Y.FORMAT));
  assert.equal(stored.format, "esafety-school-year");
  assert.equal(stored.version, 1);
  assert.deepEqual(store.load().values, {reviewed: "2026-09-01"});
  area.data.set(Y.FORMAT, JSON.stringify({format: Y.FORMAT, version: 2, values: {reviewed: "2026-09-01"}}));
  assert.equal(store.load().newer, true);
  assert.equal(Y.fromStored({format: Y.FORMAT, values: {}}).newer, true);  // no version: not ours to read
  // Values that are not strings are left out.
  assert.deepEqual(Y.fromStored({format: Y.FORMAT, version: 1, values: {a: 3, b: "2026-01-01"}}).values, {b: "2026-01-01"});
});

test("two tabs' dates merge date by date, the newer change winning", () => {
  const area = memoryArea();
  const one = Y.open(StoredRecord, SchoolDetailsState.merge, {area, events: null});
  const two = Y.open(StoredRecord, SchoolDetailsState.merge, {area, events: null});
  const a = Y.empty();
  SchoolDetailsState.set(a, "reviewed", "2026-09-01", "2026-12-04T10:00:00Z");
  one.save(a);
  const b = Y.empty();
  SchoolDetailsState.set(b, "trained", "2026-01-10", "2026-12-04T10:01:00Z");
  two.save(b);
  assert.deepEqual(one.load().values, {reviewed: "2026-09-01", trained: "2026-01-10"});
});

test("the school's calendar holds a recurring event per duty with a good date", () => {
  const data = {calendar_name: "Portal: the school's year", uid_host: "example.org", product: "-//t//EN", duties: DUTIES};
  const made = Y.calendar(IcsText, data, state({reviewed: "2026-09-01", trained: "nonsense"}), "St Mary's, Oak; Hill",
                          "2026-12-04", new Date("2026-12-04T12:00:00Z"));
  assert.equal(made.events, 1);
  const text = made.text.replace(/\r\n /g, "");
  assert.match(text, /X-WR-CALNAME:St Mary's\\, Oak\\; Hill: Portal: the school's year\r\n/);
  assert.match(text, /UID:yearly-school@example.org\r\nDTSTAMP:20261204T120000Z\r\nDTSTART;VALUE=DATE:20270901\r\n/);
  assert.match(text, /RRULE:FREQ=YEARLY\r\n/);
  assert.match(text, /DESCRIPTION:Do it.\\nLast done: 2026-09-01\r\n/);
});
