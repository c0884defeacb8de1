// A self-review kept once per thing (self_review.per): records added, named, deleted, stored,
// merged between tabs, exported and imported; a single review's record read as the first one.
// Tiny cases, no DOM.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const S = require("../../docs/assets/javascripts/self-review-state.js");
const R = require("../../docs/assets/javascripts/self-review-records.js");

const FRAMEWORK = {
  id: "example-per-review", title: "Example product standards", version: "v1", per: {label: "AI product", help: ""},
  indicators: [], questions: [], item_fields: [{id: "supplier-says", label: "What the supplier says", type: "long-text"}],
  review_fields: [],
  themes: [{id: "example-per-review", title: "Standards", items: [
    {id: "standard-1", title: "Filters", text: "It filters."},
    {id: "standard-2", title: "Logs", text: "It logs."}]}],
};
const T1 = "2026-11-24T10:00:00.000Z";
const T2 = "2026-11-24T11:00:00.000Z";
const T3 = "2026-11-24T12:00:00.000Z";

// A book with two products, each answered differently.
function twoProducts() {
  const book = R.empty();
  R.add(book, "r-aaa", T1);
  R.rename(book, "r-aaa", "Quokkachat 2", T1);
  S.setAnswer(R.view(book, "r-aaa"), "standard-1", "rating", "fully", T1);
  R.add(book, "r-bbb", T2);
  R.rename(book, "r-bbb", "Wombat Tutor", T2);
  S.setAnswer(R.view(book, "r-bbb"), "standard-1", "rating", "not", T2);
  S.setAnswer(R.view(book, "r-bbb"), "standard-2", "supplier-says", "Logs kept 30 days", T2);
  return book;
}

function roundTrip(book) {
  return R.fromStored(JSON.parse(JSON.stringify(R.toStored(book, FRAMEWORK))), FRAMEWORK);
}

test("each record keeps its own answers, through storage, in the order they were added", () => {
  const book = roundTrip(twoProducts());
  assert.deepEqual(R.live(book), ["r-aaa", "r-bbb"]);
  assert.equal(book.records.get("r-aaa").subject, "Quokkachat 2");
  assert.equal(R.view(book, "r-aaa").items.get("standard-1").rating, "fully");
  assert.equal(R.view(book, "r-bbb").items.get("standard-1").rating, "not");
  assert.equal(R.view(book, "r-bbb").items.get("standard-2")["supplier-says"], "Logs kept 30 days");
  assert.equal(R.view(book, "r-aaa").items.has("standard-2"), false);
  const stored = R.toStored(book, FRAMEWORK);
  assert.equal(stored.records_version, R.VERSION);
  assert.deepEqual(Object.keys(stored.fingerprints), ["standard-1", "standard-2"]);
});

test("a view's changes and the school's name go back into the book", () => {
  const book = twoProducts();
  const view = R.view(book, "r-aaa");
  S.setSchool(view, "Riverside", T3);
  S.setAnswer(view, "standard-2", "evidence", "Tested", T3);
  R.absorb(book, "r-aaa", view);
  assert.equal(book.school, "Riverside");
  assert.equal(book.records.get("r-aaa").items.get("standard-2").evidence, "Tested");
  assert.equal(R.view(book, "r-bbb").school, "Riverside");  // one school for every record
});

test("the record to show: the one asked for, else the one changed last, else none", () => {
  const book = twoProducts();
  assert.equal(R.pick(book, "r-aaa"), "r-aaa");
  assert.equal(R.pick(book, "r-gone"), "r-bbb");
  R.remove(book, "r-bbb", T3);
  assert.equal(R.pick(book, "r-bbb"), "r-aaa");
  R.remove(book, "r-aaa", T3);
  assert.equal(R.pick(book, null), null);
});

test("a deleted record keeps none of its answers, and another tab's older copy does not bring it back", () => {
  const older = twoProducts();
  const mine = R.copy(older);
  R.remove(mine, "r-bbb", T3);
  const stored = R.toStored(mine, FRAMEWORK).records.find((r) => r.key === "r-bbb");
  assert.deepEqual([stored.subject, Object.keys(stored.items), stored.deleted], ["", [], T3]);
  assert.deepEqual(R.live(R.merge(older, mine)), ["r-aaa"]);
  assert.deepEqual(R.live(R.merge(mine, older)), ["r-aaa"]);
  // A change made after the deletion, in a tab that had not heard of it, keeps the record.
  const later = R.copy(older);
  S.setAnswer(R.view(later, "r-bbb"), "standard-2", "rating", "partly", "2026-11-24T13:00:00.000Z");
  const merged = R.merge(mine, later);
  assert.deepEqual(R.live(merged), ["r-aaa", "r-bbb"]);
  assert.equal(merged.records.get("r-bbb").items.get("standard-2").rating, "partly");
});

test("two tabs' records merge by key, each answer and each name the newer", () => {
  const base = twoProducts();
  const theirs = R.copy(base);
  const mine = R.copy(base);
  R.rename(theirs, "r-aaa", "Quokkachat 3", T3);
  S.setAnswer(R.view(mine, "r-aaa"), "standard-2", "rating", "partly", T3);
  R.add(theirs, "r-ccc", T3);
  const merged = R.merge(theirs, mine);
  assert.deepEqual(R.live(merged), ["r-aaa", "r-bbb", "r-ccc"]);
  assert.equal(merged.records.get("r-aaa").subject, "Quokkachat 3");
  assert.equal(merged.records.get("r-aaa").items.get("standard-2").rating, "partly");
  assert.equal(merged.records.get("r-aaa").items.get("standard-1").rating, "fully");
});

test("a record stored by a single review of the framework reads as the first record", () => {
  const single = {format: "esafety-self-review", framework: "example-per-review", version: "v0", school: "Riverside",
                  school_modified: T1, saved: T1, items: {"standard-1": {rating: "partly", evidence: "Trial",
                  action: "", who: "", by: "", "supplier-says": "", modified: T1}}, fingerprints: {"standard-1": "00000000"}};
  const book = R.fromStored(single, FRAMEWORK);
  assert.deepEqual(R.live(book), [R.FIRST]);
  assert.equal(book.school, "Riverside");
  assert.deepEqual(R.view(book, R.FIRST).items.get("standard-1"), single.items["standard-1"]);
  assert.equal(book.seen.get("standard-1"), "00000000");
  assert.deepEqual(R.live(R.fromStored({format: "esafety-self-review", framework: "example-per-review", items: {}},
                                       FRAMEWORK)), []);
});

test("an export holds one record per product, not deleted, and imports back whole", () => {
  const book = twoProducts();
  R.add(book, "r-ccc", T3);
  R.remove(book, "r-ccc", T3);
  const text = R.exportJson(book, FRAMEWORK, T3);
  const data = JSON.parse(text);
  assert.deepEqual([data.records_version, data.per, data.framework], [R.VERSION, "AI product", "example-per-review"]);
  assert.deepEqual(data.records.map((r) => [r.key, r.subject]), [["r-aaa", "Quokkachat 2"], ["r-bbb", "Wombat Tutor"]]);
  assert.deepEqual(data.records[1].items.map((r) => r.id), ["standard-1", "standard-2"]);
  assert.equal(data.records[1].items[1]["supplier-says"], "Logs kept 30 days");
  const back = R.parseImport(text, FRAMEWORK);
  assert.ok(back.state, back.error);
  assert.deepEqual(R.live(back.state), ["r-aaa", "r-bbb"]);
  assert.equal(back.state.records.get("r-bbb").subject, "Wombat Tutor");
  assert.equal(R.view(back.state, "r-bbb").items.get("standard-2")["supplier-says"], "Logs kept 30 days");
  assert.equal(R.view(back.state, "r-aaa").items.get("standard-1").rating, "fully");
});

test("a copy from a single review imports as the first record", () => {
  const single = S.empty();
  S.setAnswer(single, "standard-2", "rating", "fully", T1);
  const back = R.parseImport(S.exportJson(single, FRAMEWORK, T2), FRAMEWORK);
  assert.deepEqual(R.live(back.state), [R.FIRST]);
  assert.equal(R.view(back.state, R.FIRST).items.get("standard-2").rating, "fully");
});

test("a damaged or foreign file is refused whole, saying why", () => {
  const good = JSON.parse(R.exportJson(twoProducts(), FRAMEWORK, T3));
  const refused = (change) => {
    const data = structuredClone(good);
    change(data);
    return R.parseImport(JSON.stringify(data), FRAMEWORK).error;
  };
  assert.match(refused((d) => { d.framework = "other"; }), /different framework/);
  assert.match(refused((d) => { d.format = "x"; }), /not a self-review copy/);
  assert.match(refused((d) => { d.records[1].key = "Not A Key"; }), /record 2 is not a valid record/);
  assert.match(refused((d) => { d.records[0].key = d.records[1].key; }), /record 2 is not a valid record/);
  assert.match(refused((d) => { d.records[1].subject = 7; }), /record 2 is not a valid record/);
  assert.match(refused((d) => { d.records[1].items[0].rating = "great"; }), /item 1 is not a valid answer\. It is in record 2/);
  assert.match(R.parseImport("{", FRAMEWORK).error, /not valid JSON/);
});

test("an import's plans count answers and names as items, and the records added or removed", () => {
  const current = R.empty();
  R.add(current, "r-aaa", T1);
  S.setAnswer(R.view(current, "r-aaa"), "standard-1", "rating", "partly", T1);
  R.add(current, "r-zzz", T1);
  S.setAnswer(R.view(current, "r-zzz"), "standard-1", "rating", "not", T1);
  const plans = R.importPlans(current, twoProducts());
  assert.equal(plans.merge.recordsAdded, 1);
  assert.equal(plans.merge.recordsRemoved, 0);
  assert.equal(plans.replace.recordsRemoved, 1);
  assert.deepEqual(R.live(plans.replace.state), ["r-aaa", "r-bbb"]);
  // r-aaa: a newer rating and a name; r-bbb: a name and two answers.
  assert.deepEqual([plans.merge.added, plans.merge.changed, plans.merge.kept, plans.merge.removed], [4, 1, 1, 0]);
});

test("new keys are ids, and differ", () => {
  const a = R.newKey(), b = R.newKey();
  assert.match(a, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  assert.notEqual(a, b);
});

// Issue 21: times ahead of the clock, in a file or in storage, never beat a real edit.
test("a book's times from a file or from storage are never later than the import or its save time", () => {
  const FUTURE = "2099-01-01T00:00:00.000Z";
  const NOW = "2026-12-01T09:00:00.000Z";
  const book = twoProducts();
  const data = JSON.parse(R.exportJson(book, FRAMEWORK, FUTURE));
  data.records.forEach((r) => {
    r.created = r.subject_modified = FUTURE;
    r.items.forEach((item) => { item.modified = FUTURE; });
  });
  const imported = R.parseImport(JSON.stringify(data), FRAMEWORK, NOW).state;
  const entry = imported.records.get("r-aaa");
  assert.deepEqual([entry.created, entry.subjectModified, entry.items.get("standard-1").modified, imported.saved],
                   [NOW, NOW, NOW, NOW]);
  const stored = JSON.parse(JSON.stringify(R.toStored(book, FRAMEWORK)));
  stored.saved = T3;
  stored.records.forEach((r) => {
    r.subject_modified = FUTURE;
    r.items["standard-1"].modified = FUTURE;
  });
  const loaded = R.fromStored(stored, FRAMEWORK, NOW).records.get("r-bbb");
  assert.deepEqual([loaded.subjectModified, loaded.items.get("standard-1").modified], [T3, T3]);
  // The school renames the product and rates it again: both stick when merged with what is stored.
  const mine = R.fromStored(stored, FRAMEWORK, NOW);
  R.rename(mine, "r-bbb", "Wombat Tutor 6", NOW);
  S.setAnswer(R.view(mine, "r-bbb"), "standard-1", "rating", "partly", NOW);
  const merged = R.merge(R.fromStored(stored, FRAMEWORK, NOW), mine);
  assert.equal(merged.records.get("r-bbb").subject, "Wombat Tutor 6");
  assert.equal(R.view(merged, "r-bbb").items.get("standard-1").rating, "partly");
});
