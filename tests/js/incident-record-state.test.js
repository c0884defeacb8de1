// The incident record as data: reading stored records and imports without trusting them (the
// version-1 format from day one), merging with another tab, and the values that fill the documents.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const StoredRecord = require("../../docs/assets/javascripts/stored-record.js");
const S = require("../../docs/assets/javascripts/incident-record-state.js");

const NOW = "2026-12-04T15:00:00.000Z";

function memoryArea() {
  const data = new Map();
  return {data, getItem: (k) => (data.has(k) ? data.get(k) : null), setItem: (k, v) => { data.set(k, String(v)); },
          removeItem: (k) => { data.delete(k); }};
}

const VERSION_1 = {
  format: "esafety-incident-record", version: 1, saved: "2026-12-04T10:00:00.000Z",
  values: {seen: "A pupil showed a phone.\nSecond line", guide: "shared-nudes", "step:tell-dsl:done": "yes",
           "step:tell-dsl:at": "2026-12-04T10:05", "follow-up": "Call parents"},
  modified: {seen: "2026-12-04T09:59:00.000Z"},
};

test("a version-1 record reads as written; a value without its own time takes the record's", () => {
  const state = S.fromStored(VERSION_1, NOW);
  assert.deepEqual(state.values, VERSION_1.values);
  assert.equal(state.modified.seen, "2026-12-04T09:59:00.000Z");
  assert.equal(state.modified["follow-up"], "2026-12-04T10:00:00.000Z");
  assert.deepEqual(S.toStored(state), {...VERSION_1, modified: state.modified});
});

test("only known names with text values are read; anything else is left out", () => {
  const state = S.fromStored({format: S.FORMAT, version: 1, values: {
    seen: 4, "Bad Name": "x", constructor: "y", __proto__: {polluted: "z"}, "step:a:b": "no", "step:ok:done": "yes",
    told: "kept"}}, NOW);
  assert.deepEqual(Object.keys(state.values).sort(), ["step:ok:done", "told"]);
  assert.equal({}.polluted, undefined);
  assert.deepEqual(S.fromStored({format: "something-else", values: {seen: "x"}}, NOW), S.empty());
  assert.deepEqual(S.fromStored(null, NOW), S.empty());
});

test("a time ahead of the clock is brought back to now, so it cannot beat every later edit", () => {
  const state = S.fromStored({format: S.FORMAT, version: 1, saved: "2099-01-01T00:00:00.000Z", values: {seen: "x"},
                              modified: {seen: "2099-01-01T00:00:00.000Z"}}, NOW);
  assert.equal(state.modified.seen, NOW);
  assert.equal(state.saved, NOW);
});

test("two tabs: each value keeps the newer change, through StoredRecord under the record's key", () => {
  const area = memoryArea();
  const open = () => StoredRecord.open({key: S.FORMAT, area, events: null, read: (d) => S.fromStored(d, NOW),
                                        write: S.toStored, merge: S.merge});
  const one = S.empty(), two = S.empty();
  S.set(one, "seen", "From tab one", "2026-12-04T10:00:00.000Z");
  S.set(two, "told", "From tab two", "2026-12-04T10:01:00.000Z");
  S.set(two, "seen", "", "2026-12-04T09:00:00.000Z");  // older: loses
  open().save(one);
  const merged = open().save(two).record;
  assert.equal(merged.values.seen, "From tab one");
  assert.equal(merged.values.told, "From tab two");
  assert.ok(area.data.has("esafety-incident-record"));
  assert.equal(JSON.parse(area.data.get("esafety-incident-record")).version, 1);
});

test("an export imports back as the same record; a file that is not one is refused whole", () => {
  const state = S.fromStored(VERSION_1, NOW);
  const back = S.parseImport(S.exportJson(state, NOW), NOW);
  assert.deepEqual(back.state.values, state.values);
  assert.match(S.parseImport("{not json", NOW).error, /not valid JSON/);
  assert.match(S.parseImport(JSON.stringify({format: "esafety-self-review"}), NOW).error, /not an incident record/);
  assert.match(S.parseImport("x".repeat(S.LIMITS.bytes + 1), NOW).error, /too large/);
  assert.match(S.parseImport("[".repeat(100000), NOW).error, /not valid JSON/);
});

test("import plans count what merging and replacing would change", () => {
  const current = S.empty(), incoming = S.empty();
  S.set(current, "seen", "Old", "2026-12-04T10:00:00.000Z");
  S.set(current, "told", "Only here", "2026-12-04T10:00:00.000Z");
  S.set(incoming, "seen", "Newer", "2026-12-04T11:00:00.000Z");
  S.set(incoming, "actions", "Added", "2026-12-04T11:00:00.000Z");
  const plans = S.importPlans(current, incoming);
  assert.deepEqual([plans.merge.added, plans.merge.changed, plans.merge.kept, plans.merge.removed], [1, 1, 1, 0]);
  assert.deepEqual([plans.replace.added, plans.replace.changed, plans.replace.kept, plans.replace.removed], [1, 1, 0, 1]);
});

test("document values: the date in words, the guide's title and each step done or not, one to a line", () => {
  const state = S.fromStored(VERSION_1, NOW);
  state.values.happened = "2026-12-04T09:30";
  state.values.actions = "One\r\nTwo\rThree";
  const guide = {id: "shared-nudes", title: "A pupil has shared nude images",
                 steps: [{id: "tell-dsl", title: "Tell the DSL"}, {id: "record", title: "Record it"}]};
  const values = S.documentValues(state, guide);
  assert.equal(values.happened, "4 December 2026 at 09:30");
  assert.equal(values.guide, "A pupil has shared nude images");
  assert.equal(values.steps, "1. Tell the DSL: done, 4 December 2026 at 10:05\n2. Record it: not done");
  assert.equal(values.actions, "One\nTwo\nThree");
  assert.equal(values["step:tell-dsl:done"], undefined);
  // A guide this site no longer has is named by its id, not lost.
  assert.equal(S.documentValues(state, null).guide, "shared-nudes");
});
