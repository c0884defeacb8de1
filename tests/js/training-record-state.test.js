// training-record-state.js: who is due or overdue by the intervals in data (and nobody by an
// interval data does not give), a stored record read without trust, imports in JSON and CSV.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const StoredRecord = require("../../docs/assets/javascripts/stored-record.js");
const T = require("../../docs/assets/javascripts/training-record-state.js");

const NOW = "2026-12-04T10:00:00.000Z";
const TODAY = "2026-12-04";
const DATA = {roles: [
  {id: "role-lead", label: "Lead", training: [{id: "duty-course", title: "Course", interval_months: 24, sources: []},
                                              {id: "duty-update", title: "Update", interval_months: 12, sources: []}]},
  {id: "role-board", label: "Board member", training: [{id: "training-board", title: "Board training", interval_months: null, sources: []}]},
]};

function record(entries) {
  const state = T.empty();
  for (const [name, value] of Object.entries(entries)) T.set(state, name, value, NOW);
  state.saved = NOW;
  return state;
}

function statuses(state, key) {
  const person = T.people(DATA, state).find((p) => p.key === key);
  return Object.fromEntries(T.training(DATA, state, person, TODAY).map((row) => [row.training.id, [row.status, row.due]]));
}

test("due, soon and overdue follow each training's interval from data", () => {
  const state = record({"person:a:name": "A", "person:a:role": "role-lead",
    "person:a:t:duty-course": "2024-12-05", "person:a:t:duty-update": "2025-11-30"});
  assert.deepEqual(statuses(state, "a"), {"duty-course": ["soon", "2026-12-05"], "duty-update": ["overdue", "2026-11-30"]});
  T.set(state, "person:a:t:duty-update", "2026-09-01", NOW);
  assert.deepEqual(statuses(state, "a")["duty-update"], ["current", "2027-09-01"]);
  T.set(state, "person:a:t:duty-update", "", NOW);
  assert.deepEqual(statuses(state, "a")["duty-update"], ["missing", ""]);
});

test("training with no interval in data is never due: its date only", () => {
  const state = record({"person:b:name": "B", "person:b:role": "role-board", "person:b:t:training-board": "2010-01-01"});
  assert.deepEqual(statuses(state, "b"), {"training-board": ["untimed", ""]});
  assert.deepEqual(T.dueList(DATA, state, TODAY), []);
});

test("a role or training no longer in data keeps the person and their dates", () => {
  const state = record({"person:c:name": "C", "person:c:role": "role-gone", "person:c:t:duty-old": "2025-01-01",
                        "person:d:name": "D", "person:d:role": "role-lead", "person:d:t:duty-dropped": "2025-02-02"});
  const people = T.people(DATA, state);
  assert.deepEqual(people.map((p) => [p.key, p.role && p.role.id]), [["d", "role-lead"], ["c", null]]);
  const c = T.training(DATA, state, people[1], TODAY);
  assert.deepEqual(c.map((r) => [r.training.id, r.last, r.status]), [["duty-old", "2025-01-01", "untimed"]]);
  const d = T.training(DATA, state, people[0], TODAY).map((r) => r.training.id);
  assert.deepEqual(d, ["duty-course", "duty-update", "duty-dropped"]);
});

test("a removed person (name and role emptied) is not listed", () => {
  const state = record({"person:e:name": "E", "person:e:role": "role-lead"});
  T.set(state, "person:e:name", "", NOW);
  T.set(state, "person:e:role", "", NOW);
  assert.deepEqual(T.people(DATA, state), []);
});

test("a stored record: unknown names dropped, a newer version marked, another format refused", () => {
  const state = T.fromStored({format: T.FORMAT, version: 1, saved: NOW,
    values: {"person:a:name": "A", "__proto__x": "x", "person:a:t:Bad Id": "y", "person:a:role": 5}}, NOW);
  assert.deepEqual(state.values, {"person:a:name": "A"});
  assert.equal(T.fromStored({format: T.FORMAT, version: 2, values: {}}).newer, true);
  assert.throws(() => T.fromStored({format: "something-else"}));
});

test("JSON exports import back; bad files are refused with a message", () => {
  const state = record({"person:a:name": "<img src=x onerror=alert(1)>", "person:a:role": "role-lead",
                        "person:a:t:duty-course": "2025-01-01"});
  const back = T.parseImport(T.exportJson(state, NOW), NOW);
  assert.deepEqual(back.state.values, state.values);
  assert.match(T.parseImport("{oops", NOW).error, /not valid JSON/);
  assert.match(T.parseImport('{"format": "x"}', NOW).error, /not a training record/);
  assert.match(T.parseImport("x".repeat(T.LIMITS.bytes + 1), NOW).error, /too large/);
});

test("CSV exports import back, formula cells included; a foreign CSV is refused", () => {
  const state = record({"person:a:name": "=HYPERLINK(\"https://evil.example\")", "person:a:role": "role-lead",
                        "person:a:t:duty-course": "2025-01-01", "person:b:name": "B, \"quoted\"\nline", "person:b:role": "role-board"});
  const csv = T.exportCsv(DATA, state, TODAY);
  assert.ok(csv.includes("\"'=HYPERLINK"), csv);
  const back = T.parseImport(csv, NOW).state;
  for (const name of ["person:a:name", "person:a:role", "person:a:t:duty-course", "person:b:name", "person:b:role"]) {
    assert.equal(back.values[name], state.values[name], name);
  }
  assert.match(T.parseImport("a,b\n1,2\n", NOW).error, /CSV file must be one downloaded from this page/);
  const broken = csv.replace("role-lead", "Role Lead!");
  assert.match(T.parseImport(broken, NOW).error, /line 2: its role id/);
});

test("an import's values are taken, even over a later removal; what only this browser has is kept", () => {
  const mine = record({"person:a:name": "A", "person:a:role": "role-lead", "person:b:name": "B"});
  const copy = record({"person:a:name": "A. N.", "person:a:role": "role-lead", "person:c:name": "C"});
  T.set(mine, "person:c:name", "", "2026-12-05T00:00:00.000Z");  // removed after the copy was made
  const result = T.absorb(mine, copy, "2026-12-06T00:00:00.000Z");
  assert.deepEqual(result.state.values, {"person:a:name": "A. N.", "person:a:role": "role-lead",
                                         "person:b:name": "B", "person:c:name": "C"});
  assert.equal(result.changed, 2);
  assert.equal(result.state.modified["person:c:name"], "2026-12-06T00:00:00.000Z");
});

test("a damaged stored record is set aside before a save writes over it", () => {
  const data = new Map();
  const area = {getItem: (k) => (data.has(k) ? data.get(k) : null), setItem: (k, v) => data.set(k, String(v)),
                removeItem: (k) => data.delete(k)};
  const orig = console.error;
  console.error = () => {};
  try {
    data.set(T.FORMAT, "{damaged");
    const store = T.open({area, events: null});
    assert.equal(store.load(), null);
    assert.equal(store.save(record({"person:a:name": "A"})).saved, true);
    assert.equal(data.get(T.FORMAT + ":set-aside"), "{damaged");
    assert.equal(JSON.parse(data.get(T.FORMAT)).values["person:a:name"], "A");
  } finally {
    console.error = orig;
  }
});

test("readImport refuses a file over the limit without reading it", async () => {
  let read = false;
  const big = {size: 11, text: () => { read = true; return Promise.resolve(""); }};
  assert.equal((await StoredRecord.readImport(big, 10)).length, 11);
  assert.equal(read, false);
  const small = {size: 2, text: () => Promise.resolve("ok")};
  assert.equal(await StoredRecord.readImport(small, 10), "ok");
});

test("the governors' document has a line per person and per training, and the due list", () => {
  const state = record({"person:a:name": "A", "person:a:role": "role-lead", "person:a:t:duty-course": "2020-01-01",
                        "person:b:name": "B", "person:b:role": "role-board"});
  const values = T.documentValues(DATA, state, TODAY, "St Mary's", (d) => "[" + d + "]");
  assert.equal(values.school, "St Mary's");
  assert.equal(values.made, "[2026-12-04]");
  assert.deepEqual(values.people.split("\n"), [
    "A (Lead)", "    Course: last done [2020-01-01]; overdue since [2022-01-01].", "    Update: no date recorded.",
    "B (Board member)", "    Board training: no interval set by the guidance we cite."]);
  assert.deepEqual(values.due.split("\n"), ["A (Lead): Course: overdue since [2022-01-01].", "A (Lead): Update: no date recorded."]);
  assert.equal(T.documentValues(DATA, T.empty(), TODAY, "", String).people, "No one has been added yet.");
});
