// The self-review's answers as data: stored records old and new, merging, hostile imports,
// what an import would change, framework changes, export and CSV. Tiny cases, no DOM.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const S = require("../../docs/assets/javascripts/self-review-state.js");

const FRAMEWORK = {
  id: "ofsted-2012", title: "Ofsted 2012", version: "v1",
  indicators: [{id: "inadequate-01", title: "Data unsafe", text: "Personal data is not secured."}],
  themes: [{id: "leadership", title: "Leadership", items: [
    {id: "feature-01", title: "Everyone trained", text: "All staff are trained."},
    {id: "feature-02", title: "Governors involved", text: "Governors review e-Safety."}]}],
  questions: [], item_fields: [], review_fields: [],
};
const T1 = "2026-11-24T10:00:00.000Z";
const T2 = "2026-11-24T11:00:00.000Z";

function state(items, school = "") {
  const result = S.empty();
  result.school = school;
  Object.entries(items).forEach(([id, a]) => result.items.set(id, Object.assign(S.blank(), a)));
  return result;
}

function importFile(items, extra = {}) {
  return JSON.stringify(Object.assign({format: "esafety-self-review", framework: "ofsted-2012", items}, extra));
}

test("a record saved by the page before per-item times loads, each answer taking its save time", () => {
  const old = {format: "esafety-self-review", framework: "ofsted-2012", version: "v0", school: "Riverside",
               saved: T1, items: {"feature-01": {rating: "fully", evidence: "Briefing", action: "", who: "", by: ""}}};
  const loaded = S.fromStored(old);
  assert.equal(loaded.school, "Riverside");
  assert.deepEqual(loaded.items.get("feature-01"),
                   {rating: "fully", evidence: "Briefing", action: "", who: "", by: "", modified: T1});
  assert.equal(loaded.seen, null);  // nothing to compare the framework with
  assert.equal(S.frameworkChanges(loaded, FRAMEWORK), null);
});

test("the stored record keeps today's fields and round-trips", () => {
  const mine = S.empty();
  assert.equal(S.setSchool(mine, "Riverside", T1), true);
  assert.equal(S.setAnswer(mine, "feature-01", "evidence", "Briefing", T2), true);
  // The same value again (a field losing focus) is no change, and keeps its time.
  assert.equal(S.setAnswer(mine, "feature-01", "evidence", "Briefing", "2099-01-01T00:00:00.000Z"), false);
  assert.equal(S.setSchool(mine, "Riverside", "2099-01-01T00:00:00.000Z"), false);
  mine.saved = T2;
  const stored = JSON.parse(JSON.stringify(S.toStored(mine, FRAMEWORK)));
  assert.equal(stored.format, "esafety-self-review");
  assert.equal(stored.items["feature-01"].evidence, "Briefing");
  assert.equal(Object.keys(stored.fingerprints).length, 3);
  const back = S.fromStored(stored);
  assert.deepEqual(back.items, mine.items);
  assert.equal(back.schoolModified, T1);
});

test("merging keeps the newer change of each item, whichever side it is on", () => {
  const theirs = state({"feature-01": {evidence: "theirs, newer", modified: T2},
                        "feature-02": {evidence: "theirs, older", modified: T1}});
  const mine = state({"feature-02": {evidence: "mine, newer", modified: T2},
                      "feature-01": {evidence: "mine, older", modified: T1},
                      "inadequate-01": {rating: "not", modified: T1}});
  const merged = S.merge(theirs, mine);
  assert.equal(merged.items.get("feature-01").evidence, "theirs, newer");
  assert.equal(merged.items.get("feature-02").evidence, "mine, newer");
  assert.equal(merged.items.get("inadequate-01").rating, "not");
  // On a tie, this tab's change wins; an empty item never wins a tie.
  const tie = S.merge(state({"feature-01": {evidence: "a", modified: T1}}), state({"feature-01": {evidence: "b", modified: T1}}));
  assert.equal(tie.items.get("feature-01").evidence, "b");
  const blank = S.merge(state({"feature-01": {evidence: "a", modified: ""}}), state({"feature-01": {modified: ""}}));
  assert.equal(blank.items.get("feature-01").evidence, "a");
});

test("import plans say what each way would add, change, keep and remove", () => {
  const current = state({"feature-01": {rating: "fully", modified: T2}, "feature-02": {rating: "not", modified: T1},
                         "inadequate-01": {rating: "partly", modified: T1}});
  const incoming = S.parseImport(importFile([
    {id: "feature-01", rating: "not", modified: T1},       // older than the answer here
    {id: "feature-02", rating: "partly", modified: T2},    // newer
    {id: "inadequate-01", rating: "partly", modified: T1}, // the same
  ]), FRAMEWORK).state;
  const plans = S.importPlans(current, incoming);
  assert.deepEqual([plans.merge.added, plans.merge.changed, plans.merge.kept, plans.merge.removed], [0, 1, 2, 0]);
  assert.equal(plans.merge.state.items.get("feature-01").rating, "fully");
  assert.equal(plans.merge.state.items.get("feature-02").rating, "partly");
  assert.deepEqual([plans.replace.added, plans.replace.changed, plans.replace.kept, plans.replace.removed], [0, 2, 1, 0]);
  assert.equal(plans.replace.state.items.get("feature-01").rating, "not");
  const fewer = S.importPlans(current, S.parseImport(importFile([{id: "feature-02", rating: "fully"}]), FRAMEWORK).state);
  assert.equal(fewer.replace.removed, 2);
  assert.equal(fewer.merge.state.items.size, 3);
  // The plans are new states: the current one is untouched until the school chooses.
  assert.equal(current.items.get("feature-02").rating, "not");
});

test("hostile import files are refused with a message, or taken as plain text", () => {
  const refused = (text, words) => {
    const result = S.parseImport(text, FRAMEWORK);
    assert.equal(result.state, undefined, text.slice(0, 60));
    assert.match(result.error, words);
  };
  refused("x".repeat(S.LIMITS.bytes + 1), /too large/);
  refused("[".repeat(100000) + "]".repeat(100000), /nested too deeply/);
  refused(importFile([{id: "feature-01", evidence: {a: {b: {c: {d: "deep"}}}}}]), /nested too deeply/);
  refused(importFile([{id: "__proto__", rating: "fully"}]), /item 1 is not a valid answer/);
  refused(importFile([{id: "feature-01", rating: "fully"}, {id: "feature-01", rating: "not"}]), /item 2/);
  refused(importFile([{id: "feature-01", evidence: 3}]), /item 1/);
  refused(importFile([{id: "feature-01", evidence: "x".repeat(S.LIMITS.field + 1)}]), /item 1/);
  refused(importFile(Array.from({length: S.LIMITS.items + 1}, (_, i) => ({id: "feature-" + i}))), /too many items/);
  refused('{"__proto__": {"format": "esafety-self-review"}, "items": []}', /not a self-review copy/);
  refused(importFile([], {framework: "other"}), /different framework/);
  refused("{ this is not json", /not valid JSON/);

  // Keys that name Object's own properties are plain ids, or ignored; markup is only text.
  const file = importFile([{id: "constructor", rating: "partly", evidence: "<img src=x onerror=alert(1)>",
                            __proto__: {rating: "fully"}, toString: "x"}], {__proto__: null});
  const result = S.parseImport(file, FRAMEWORK);
  assert.equal(result.error, undefined);
  assert.equal(result.state.items.get("constructor").evidence, "<img src=x onerror=alert(1)>");
  assert.equal(result.state.items.get("constructor").rating, "partly");
  assert.equal({}.rating, undefined);  // nothing reached Object.prototype
  assert.deepEqual(S.retiredIds(result.state, FRAMEWORK), ["constructor"]);
  const stored = JSON.parse(JSON.stringify(S.toStored(result.state, FRAMEWORK)));
  assert.equal(stored.items.constructor.evidence, "<img src=x onerror=alert(1)>");
});

test("a stored record with hostile keys loads without touching any prototype", () => {
  const loaded = S.fromStored(JSON.parse('{"items": {"__proto__": {"rating": "fully"}, "feature-01": {"rating": "not"}},' +
                                         ' "fingerprints": {"__proto__": "x"}}'));
  assert.deepEqual([...loaded.items.keys()], ["feature-01"]);
  assert.equal(loaded.seen.size, 0);
  assert.equal({}.rating, undefined);
});

test("framework changes: items added, reworded and retired since the answers were saved", () => {
  const before = {id: "ofsted-2012", version: "v0", title: "", themes: [], questions: [], item_fields: [],
                  review_fields: [], indicators: [
    {id: "inadequate-01", title: "Data unsafe", text: "Personal data is not secure."},
    {id: "inadequate-09", title: "Gone", text: "Retired."},
    {id: "inadequate-10", title: "Gone, unanswered", text: "Retired."}]};
  const saved = state({"inadequate-09": {rating: "not", modified: T1}});
  const loaded = S.fromStored(JSON.parse(JSON.stringify(S.toStored(saved, before))));
  assert.deepEqual(S.frameworkChanges(loaded, FRAMEWORK),
                   {added: ["feature-01", "feature-02"], reworded: ["inadequate-01"], retired: ["inadequate-09"]});
  const again = S.fromStored(JSON.parse(JSON.stringify(S.toStored(loaded, FRAMEWORK))));
  assert.deepEqual(S.frameworkChanges(again, FRAMEWORK), {added: [], reworded: [], retired: []});
});

test("exports list every item in page order, then retired answers; CSV is quoted and formula-safe", () => {
  const current = state({"feature-02": {rating: "partly", who: "=1+1", modified: T1},
                         "feature-99": {evidence: "old", modified: T1}, "feature-98": {modified: T1}}, "Riverside");
  const records = S.exportRecords(current, FRAMEWORK);
  assert.deepEqual(records.map((r) => [r.id, r.kind]), [["inadequate-01", "inadequate"], ["feature-01", "feature"],
                                                          ["feature-02", "feature"], ["feature-99", "retired"]]);
  const exported = JSON.parse(S.exportJson(current, FRAMEWORK, T2));
  assert.equal(exported.exported, T2);
  const back = S.parseImport(JSON.stringify(exported), FRAMEWORK).state;
  assert.deepEqual(back.items.get("feature-02"), current.items.get("feature-02"));
  assert.equal(back.school, "Riverside");
  assert.equal(S.csv([["a", 'say "hi"'], ["=SUM(A1)", "+1", "@x", "ok"]]),
               '\ufeff"a","say ""hi"""\r\n"\'=SUM(A1)","\'+1","\'@x","ok"\r\n');
});

// A reviewable framework (framework_review.review()): its own fields per item and once per
// review, the latter kept as one more answer under the framework's own id.
const REVIEWED = {
  id: "filtering", title: "Filtering standards", review_title: "Annual review", version: "v1",
  indicators: [], questions: [],
  themes: [{id: "filtering", title: "Filtering", items: [
    {id: "fm-1", kind: "standard", title: "Named people", text: "Name a senior leader."},
    {id: "fm-2", kind: "standard", title: "Review yearly", text: "Review every year."}]}],
  item_fields: [{id: "checks", label: "Checks done", help: "", type: "long-text"},
                {id: "checked-on", label: "Date of the checks", help: "", type: "date"}],
  review_fields: [{id: "review-date", label: "Date of the review", help: "", type: "date"},
                  {id: "governor", label: "Governor", help: "", type: "text"}],
};

test("a reviewable framework's own fields are kept, merged, exported and imported like the four", () => {
  assert.deepEqual(S.fieldNames(REVIEWED), ["evidence", "action", "who", "by", "checks", "checked-on", "review-date", "governor"]);
  assert.deepEqual(S.fieldNames(FRAMEWORK), S.FIELDS);  // the 2012 briefing's answers are as they were
  const mine = S.empty();
  assert.ok(S.setAnswer(mine, "fm-2", "checks", "Tested 5 iPads", T1));
  assert.ok(S.setAnswer(mine, "filtering", "governor", "Tom Hughes", T1));
  assert.ok(S.hasAnswer(mine.items.get("fm-2")));  // a note in the framework's own field is an answer
  const loaded = S.fromStored(JSON.parse(JSON.stringify(S.toStored(mine, REVIEWED))), REVIEWED);
  assert.equal(loaded.items.get("fm-2").checks, "Tested 5 iPads");
  assert.equal(loaded.items.get("filtering").governor, "Tom Hughes");
  // Read without the framework (as for the 2012 briefing), only the four are kept.
  assert.equal(S.fromStored(JSON.parse(JSON.stringify(S.toStored(mine, REVIEWED)))).items.get("fm-2").checks, undefined);
  // The newer change wins, field by field of the same answer as for the four.
  const theirs = S.copy(loaded);
  assert.ok(S.setAnswer(theirs, "fm-2", "checks", "Tested 5 iPads and 3 laptops", T2));
  assert.equal(S.merge(loaded, theirs).items.get("fm-2").checks, "Tested 5 iPads and 3 laptops");
  const plan = S.importPlans(loaded, theirs).merge;
  assert.deepEqual([plan.added, plan.changed, plan.kept, plan.removed], [0, 1, 1, 0]);
  // The export: the review record first, then every item with every field, filled in or not.
  const records = S.exportRecords(loaded, REVIEWED);
  assert.deepEqual(records.map((r) => [r.id, r.kind]), [["filtering", "review"], ["fm-1", "standard"], ["fm-2", "standard"]]);
  assert.equal(records[0].title, "Annual review");
  assert.equal(records[1]["checked-on"], "");
  const back = S.parseImport(S.exportJson(loaded, REVIEWED, T2), REVIEWED).state;
  assert.equal(back.items.get("fm-2").checks, "Tested 5 iPads");
  assert.equal(back.items.get("filtering").governor, "Tom Hughes");
  assert.deepEqual(S.retiredIds(back, REVIEWED), []);
  assert.deepEqual(S.frameworkChanges(loaded, REVIEWED), {added: [], reworded: [], retired: []});
});

test("an import's own fields are checked like the four, and another framework's file is refused", () => {
  const bad = JSON.stringify({format: "esafety-self-review", framework: "filtering", items: [{id: "fm-1", checks: {x: 1}}]});
  assert.match(S.parseImport(bad, REVIEWED).error, /item 1 is not a valid answer/);
  const long = JSON.stringify({format: "esafety-self-review", framework: "filtering",
                               items: [{id: "fm-1", governor: "x".repeat(S.LIMITS.field + 1)}]});
  assert.match(S.parseImport(long, REVIEWED).error, /item 1 is not a valid answer/);
  // A field the framework does not ask for is left out, not trusted.
  const extra = JSON.stringify({format: "esafety-self-review", framework: "filtering", items: [{id: "fm-1", secret: "x"}]});
  assert.equal(S.parseImport(extra, REVIEWED).state.items.get("fm-1").secret, undefined);
  assert.match(S.parseImport(importFile([{id: "feature-01", rating: "fully"}]), REVIEWED).error,
               /a different framework \(“ofsted-2012”\), not Filtering standards/);
  const ours = JSON.stringify({format: "esafety-self-review", framework: "filtering", items: [{id: "fm-1", rating: "fully"}]});
  assert.match(S.parseImport(ours, FRAMEWORK).error, /a different framework \(“filtering”\), not Ofsted 2012/);
});

// Issue 21: a time ahead of the clock, in an imported file or in storage, must not beat a real edit.
const FUTURE = "2099-01-01T00:00:00.000Z";
const NOW = "2026-12-01T09:00:00.000Z";
const LATER = "2026-12-01T09:00:05.000Z";

test("an imported file's times are never later than the import, so the school's next edit wins", () => {
  const file = importFile([{id: "feature-01", evidence: "from the file", modified: FUTURE}],
                          {exported: FUTURE, school: "Riverside", school_modified: FUTURE});
  const imported = S.parseImport(file, FRAMEWORK, NOW).state;
  assert.equal(imported.items.get("feature-01").modified, NOW);
  assert.equal(imported.schoolModified, NOW);
  assert.equal(imported.saved, NOW);
  // The school types: the save merges what is stored (the import) with this tab's edit.
  const mine = S.copy(imported);
  S.setAnswer(mine, "feature-01", "evidence", "typed by the school", LATER);
  S.setSchool(mine, "Riverside Primary", LATER);
  const saved = S.merge(S.fromStored(S.toStored(imported, FRAMEWORK), FRAMEWORK, LATER), mine);
  assert.equal(saved.items.get("feature-01").evidence, "typed by the school");
  assert.equal(saved.school, "Riverside Primary");
});

test("a stored record's times are never later than its save time, on every read", () => {
  const stored = {format: "esafety-self-review", framework: "ofsted-2012", saved: T1, school: "Riverside",
                  school_modified: FUTURE, items: {"feature-01": {evidence: "locked", modified: FUTURE}}};
  // Read when the page opens and again when it saves: the same times, not a later "now".
  assert.equal(S.fromStored(stored, FRAMEWORK, NOW).items.get("feature-01").modified, T1);
  assert.equal(S.fromStored(stored, FRAMEWORK, LATER).items.get("feature-01").modified, T1);
  const mine = S.fromStored(stored, FRAMEWORK, NOW);
  S.setAnswer(mine, "feature-01", "evidence", "typed by the school", NOW);
  const saved = S.merge(S.fromStored(stored, FRAMEWORK, LATER), mine);
  assert.equal(saved.items.get("feature-01").evidence, "typed by the school");
  // A save time itself ahead of the clock counts as now.
  const ahead = Object.assign({}, stored, {saved: FUTURE});
  assert.equal(S.fromStored(ahead, FRAMEWORK, NOW).items.get("feature-01").modified, NOW);
  assert.equal(S.fromStored(ahead, FRAMEWORK, NOW).saved, NOW);
});

test("an edit is stamped after the time of the value it replaces, even if that is ahead of the clock", () => {
  const mine = state({"feature-01": {evidence: "old", modified: LATER}}, "Riverside");
  mine.schoolModified = LATER;
  S.setAnswer(mine, "feature-01", "evidence", "new", NOW);
  S.setSchool(mine, "Riverside Primary", NOW);
  assert.equal(mine.items.get("feature-01").modified, "2026-12-01T09:00:05.001Z");
  assert.equal(mine.schoolModified, "2026-12-01T09:00:05.001Z");
  S.setAnswer(mine, "feature-02", "evidence", "first", NOW);
  assert.equal(mine.items.get("feature-02").modified, NOW);
});

test("times are read in one form, so that they compare as text", () => {
  const stored = {saved: "2026-11-24T10:00:00Z", items: {"feature-01": {evidence: "x", modified: "2026-11-24T09:00:00Z"}}};
  const loaded = S.fromStored(stored, FRAMEWORK, NOW);
  assert.equal(loaded.saved, T1);
  assert.equal(loaded.items.get("feature-01").modified, "2026-11-24T09:00:00.000Z");
  assert.equal(S.fromStored({saved: "2026-13-45T10:00:00Z"}, FRAMEWORK, NOW).saved, "");
});
