// The school's details as a stored record: value-by-value merging with another tab, reading
// only what is well formed, and the round trip through StoredRecord under its own key.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const StoredRecord = require("../../docs/assets/javascripts/stored-record.js");
const S = require("../../docs/assets/javascripts/school-details-state.js");

function memoryArea() {
  const data = new Map();
  return {data, getItem: (k) => (data.has(k) ? data.get(k) : null), setItem: (k, v) => { data.set(k, String(v)); },
          removeItem: (k) => { data.delete(k); }};
}

test("set records the change and its time, and says when nothing changed", () => {
  const state = S.empty();
  assert.equal(S.set(state, "dsl", "Ms Khan", "2026-01-01T10:00:00Z"), true);
  assert.equal(S.set(state, "dsl", "Ms Khan", "2026-01-01T11:00:00Z"), false);
  assert.deepEqual(state.values, {dsl: "Ms Khan"});
  assert.deepEqual(state.modified, {dsl: "2026-01-01T10:00:00Z"});
});

test("merge keeps the newer change of each value, and this tab's on a tie", () => {
  const theirs = S.empty();
  const mine = S.empty();
  S.set(theirs, "dsl", "Theirs, newer", "2026-01-02");
  S.set(mine, "dsl", "Mine, older", "2026-01-01");
  S.set(mine, "school_name", "Mine only", "2026-01-01");
  S.set(theirs, "headteacher", "Theirs only", "2026-01-01");
  S.set(theirs, "technical_lead", "Tie, theirs", "2026-01-03");
  S.set(mine, "technical_lead", "Tie, mine", "2026-01-03");
  const merged = S.merge(theirs, mine);
  assert.deepEqual(merged.values, {dsl: "Theirs, newer", headteacher: "Theirs only", technical_lead: "Tie, mine",
                                   school_name: "Mine only"});
  assert.equal(merged.modified.dsl, "2026-01-02");
});

test("a cleared value is a change like any other, and wins when newer", () => {
  const theirs = S.empty();
  const mine = S.empty();
  S.set(theirs, "dsl", "Ms Khan", "2026-01-01");
  S.set(mine, "dsl", "Ms Khan", "2026-01-01");
  S.set(mine, "dsl", "", "2026-01-02");
  assert.equal(S.merge(theirs, mine).values.dsl, "");
});

test("only well-formed values are read back", () => {
  assert.deepEqual(S.fromStored(null), S.empty());
  assert.deepEqual(S.fromStored({format: "something-else", values: {dsl: "x"}}), S.empty());
  const state = S.fromStored({format: S.FORMAT, saved: 5, values: {dsl: "Ms Khan", headteacher: 42, x: null},
                              modified: "not an object"});
  assert.deepEqual(state.values, {dsl: "Ms Khan"});
  assert.deepEqual(state.modified, {dsl: ""});
  assert.equal(state.saved, "");
});

test("two tabs saving different values both keep theirs, under the record's own key", () => {
  const area = memoryArea();
  const one = S.open(StoredRecord, {area, events: null});
  const two = S.open(StoredRecord, {area, events: null});
  const a = S.empty();
  S.set(a, "dsl", "<Ms & \"Khan\">", "2026-01-01");
  one.save(a);
  const b = S.empty();
  S.set(b, "school_name", "مدرسة 🏫", "2026-01-02");
  const result = two.save(b);
  assert.equal(result.saved, true);
  assert.deepEqual(one.load().values, {dsl: "<Ms & \"Khan\">", school_name: "مدرسة 🏫"});
  assert.deepEqual([...area.data.keys()], [S.FORMAT]);
});

// Issue 21: a time ahead of the clock (a hand-edited record, a wrong clock once) must not beat a
// real edit: the self-review's rule (StoredRecord.time), here for the school's details.
test("stored times are never later than the record's save time or the clock, and an edit beats them", () => {
  const FUTURE = "2099-01-01T00:00:00.000Z";
  const SAVED = "2026-11-30T09:00:00.000Z";
  const NOW = "2026-12-01T09:00:00.000Z";
  const stored = {format: S.FORMAT, saved: SAVED, values: {dsl: "Locked", headteacher: "Old"},
                  modified: {dsl: FUTURE, headteacher: "not a time"}};
  const loaded = S.fromStored(stored, NOW);
  assert.deepEqual(loaded.modified, {dsl: SAVED, headteacher: SAVED});
  // A save time itself ahead of the clock counts as now.
  const ahead = S.fromStored(Object.assign({}, stored, {saved: FUTURE}), NOW);
  assert.deepEqual([ahead.saved, ahead.modified.dsl], [NOW, NOW]);
  // The school types over the locked value: the edit sticks when merged with what is stored.
  const mine = S.fromStored(stored, NOW);
  assert.equal(S.set(mine, "dsl", "Typed by the school", NOW), true);
  assert.equal(S.merge(S.fromStored(stored, NOW), mine).values.dsl, "Typed by the school");
  // Even over a value whose time is ahead of the clock in memory, an edit is stamped after it.
  const held = S.empty();
  S.set(held, "dsl", "Held", FUTURE);
  S.set(held, "dsl", "Typed", NOW);
  assert.ok(held.modified.dsl > FUTURE);
});
