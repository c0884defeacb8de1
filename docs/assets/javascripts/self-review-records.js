/* A self-review repeated per thing (a framework whose self_review block has `per`, such as one
 * record per AI product a school considers): its records as data, with no DOM. Each record is
 * a self-review of its own, kept and merged by self-review-state.js's rules; the school's name,
 * and the framework as the school last saw it, are shared by all the records.
 *
 * A book is {school, schoolModified, saved, seen, records: Map(key -> record)}; a record is
 * {subject, subjectModified, created, deleted, items: Map(id -> answer)}. Keys are made when a
 * record is added and never change. A deleted record keeps only its key and times, none of its
 * answers, so that another tab's older copy of it does not bring it back.
 *
 * Stored in localStorage under the same key as a single review (records_version 1):
 *   {format, framework, version, records_version, school, school_modified, saved,
 *    records: [{key, subject, subject_modified, created, deleted, items: {id: answer}}], fingerprints}
 * Exported as a copy to import later (only records not deleted):
 *   {format, framework, framework_title, version, records_version, per, school, school_modified, exported,
 *    records: [{key, subject, subject_modified, created, items: [the records a single review exports]}]}
 * What a single review stored or exported (no `records`: the page before the framework was
 * reviewed per thing) reads as one record, under the key FIRST.
 *
 * A plain script that defines one global, and module.exports for Node's test runner.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) module.exports = factory(require("./self-review-state.js"));
  else root.SelfReviewRecords = factory(root.SelfReviewState);
})(typeof self !== "undefined" ? self : this, function (S) {
  "use strict";

  var VERSION = 1;
  var FIRST = "first";
  var KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var MAX_RECORDS = 500;  // far above the products a school considers, far below what slows a page

  function empty() {
    return {school: "", schoolModified: "", saved: "", seen: null, records: new Map()};
  }

  function record(created) {
    return {subject: "", subjectModified: "", created: created || "", deleted: "", items: new Map()};
  }

  function tombstone(created, deleted) {
    var result = record(created);
    result.deleted = deleted;
    return result;
  }

  function text(value) {
    return typeof value === "string" ? value.slice(0, S.LIMITS.field) : "";
  }

  // A key for a new record: random, so that two tabs or two computers never make the same one.
  function newKey() {
    var bytes = new Uint8Array(8);
    if (typeof crypto !== "undefined" && crypto.getRandomValues) crypto.getRandomValues(bytes);
    else for (var i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
    return "r-" + Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(36)).slice(-2); }).join("");
  }

  // The record `key` as a single review's state (its items are the record's own Map, so that a
  // change to the one is a change to the other); with no such record, a state with no answers.
  function view(book, key) {
    var entry = key ? book.records.get(key) : null;
    return {school: book.school, schoolModified: book.schoolModified, saved: book.saved, seen: book.seen,
            items: entry && !entry.deleted ? entry.items : new Map()};
  }

  // What changed in `state`, the view of record `key`, made part of the book.
  function absorb(book, key, state) {
    book.school = state.school;
    book.schoolModified = state.schoolModified;
    book.saved = state.saved;
    book.seen = state.seen;
    var entry = book.records.get(key);
    if (entry && !entry.deleted) entry.items = state.items;
    return book;
  }

  // The keys of the records not deleted, oldest first.
  function live(book) {
    var keys = [];
    book.records.forEach(function (entry, key) { if (!entry.deleted) keys.push(key); });
    return keys.sort(function (a, b) {
      var x = book.records.get(a).created, y = book.records.get(b).created;
      return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
    });
  }

  // The time of a record's latest change.
  function latest(entry) {
    var most = entry.subjectModified > entry.created ? entry.subjectModified : entry.created;
    entry.items.forEach(function (answer) { if (answer.modified > most) most = answer.modified; });
    return most;
  }

  // `key` if it is a record not deleted, else the record changed last, else null.
  function pick(book, key) {
    if (key && book.records.has(key) && !book.records.get(key).deleted) return key;
    var keys = live(book);
    keys.sort(function (a, b) {
      var x = latest(book.records.get(a)), y = latest(book.records.get(b));
      return x > y ? -1 : x < y ? 1 : 0;
    });
    return keys.length ? keys[0] : null;
  }

  function add(book, key, now) {
    book.records.set(key, record(now));
    return key;
  }

  function rename(book, key, value, now) {
    var entry = book.records.get(key);
    if (!entry || entry.deleted || entry.subject === String(value)) return false;
    entry.subject = String(value);
    entry.subjectModified = now;
    return true;
  }

  function remove(book, key, now) {
    var entry = book.records.get(key);
    if (!entry || entry.deleted) return false;
    book.records.set(key, tombstone(entry.created, now));
    return true;
  }

  function hasAnyAnswer(book) {
    return Boolean(book.school) || live(book).some(function (key) {
      var entry = book.records.get(key);
      return Boolean(entry.subject) || Array.from(entry.items.values()).some(S.hasAnswer);
    });
  }

  function copy(book) {
    var result = Object.assign({}, book);
    result.seen = book.seen ? new Map(book.seen) : null;
    result.records = new Map();
    book.records.forEach(function (entry, key) {
      result.records.set(key, Object.assign({}, entry, {items: S.copy({items: entry.items, seen: null}).items}));
    });
    return result;
  }

  // -- merging ---------------------------------------------------------------------------------
  // The school's name as a single review merges it; each record by its key, its answers item by
  // item as a single review merges them, its name the newer; a record deleted after its last
  // change in either copy stays deleted.
  function merge(theirs, mine) {
    var head = S.merge(view(theirs, null), view(mine, null));
    var result = empty();
    result.school = head.school;
    result.schoolModified = head.schoolModified;
    result.saved = head.saved;
    result.seen = head.seen;
    theirs.records.forEach(function (entry, key) { result.records.set(key, entry); });
    mine.records.forEach(function (entry, key) {
      var other = theirs.records.get(key);
      result.records.set(key, other ? mergeRecord(other, entry) : entry);
    });
    return result;
  }

  function mergeRecord(theirs, mine) {
    var created = theirs.created && theirs.created < mine.created ? theirs.created : mine.created || theirs.created;
    var deleted = theirs.deleted > mine.deleted ? theirs.deleted : mine.deleted;
    if (theirs.deleted && mine.deleted) return tombstone(created, deleted);
    var result = record(created);
    var mineNamed = mine.subjectModified > theirs.subjectModified ||
      (mine.subjectModified === theirs.subjectModified && (Boolean(mine.subject) || !theirs.subject));
    var named = mineNamed ? mine : theirs;
    result.subject = named.subject;
    result.subjectModified = named.subjectModified;
    result.items = S.merge({items: theirs.items, seen: null}, {items: mine.items, seen: null}).items;
    return deleted && deleted >= latest(result) ? tombstone(created, deleted) : result;
  }

  // -- storage ---------------------------------------------------------------------------------
  function fromStored(data, framework, now) {
    var book = empty();
    if (!data || typeof data !== "object") return book;
    var many = Array.isArray(data.records);
    var head = S.fromStored(many ? Object.assign({}, data, {items: {}}) : data, framework, now);
    book.school = head.school;
    book.schoolModified = head.schoolModified;
    book.saved = head.saved;
    book.seen = head.seen;
    if (!many) {
      // Stored by a single review of this framework: its answers are the first record.
      if (head.items.size) book.records.set(FIRST, Object.assign(record(head.saved), {items: head.items}));
      return book;
    }
    data.records.slice(0, MAX_RECORDS).forEach(function (r) {
      if (!r || typeof r !== "object" || typeof r.key !== "string" || !KEY.test(r.key) || book.records.has(r.key)) return;
      // No time later than the book's save time (itself no later than now): see S.time.
      var created = S.time(r.created, book.saved, book.saved);
      var deleted = S.time(r.deleted, "", book.saved);
      if (deleted) return book.records.set(r.key, tombstone(created, deleted));
      var entry = record(created);
      entry.subject = text(r.subject);
      entry.subjectModified = S.time(r.subject_modified, created, book.saved);
      entry.items = S.fromStored({saved: book.saved, items: r.items}, framework, now).items;
      book.records.set(r.key, entry);
    });
    return book;
  }

  function toStored(book, framework) {
    var head = S.toStored(view(book, null), framework);
    var records = [];
    book.records.forEach(function (entry, key) {
      records.push({key: key, subject: entry.subject, subject_modified: entry.subjectModified, created: entry.created,
                    deleted: entry.deleted, items: plain(entry.items)});
    });
    return {format: head.format, framework: head.framework, version: head.version, records_version: VERSION,
            school: head.school, school_modified: head.school_modified, saved: head.saved, records: records,
            fingerprints: head.fingerprints};
  }

  function plain(items) {
    var result = Object.create(null);
    items.forEach(function (answer, id) { result[id] = answer; });
    return result;
  }

  // -- import and export -----------------------------------------------------------------------
  // A copy of this framework's records (or a single review's copy, as its first record) as a
  // book, or {error}; never a partial result. No time is later than the import (`now`, for
  // tests; by default, the clock), as S.parseImport.
  function parseImport(source, framework, now) {
    now = now || new Date().toISOString();
    var read = S.readJson(source);
    if (read.error) return read;
    var data = read.data;
    if (!data || typeof data !== "object" || !Array.isArray(data.records)) {
      var single = S.readExport(data, framework, now);
      if (single.error) return single;
      var book = empty();
      Object.assign(book, {school: single.state.school, schoolModified: single.state.schoolModified,
                           saved: single.state.saved});
      if (single.state.items.size) book.records.set(FIRST, Object.assign(record(book.saved), {items: single.state.items}));
      return {state: book};
    }
    // The file's own checks (format, framework, school) as a single review's, with no items.
    var head = S.readExport(Object.assign({}, data, {items: []}), framework, now);
    if (head.error) return head;
    if (data.records.length > MAX_RECORDS) return {error: "This file has too many records to be a self-review copy."};
    var result = empty();
    Object.assign(result, {school: head.state.school, schoolModified: head.state.schoolModified, saved: head.state.saved});
    for (var i = 0; i < data.records.length; i++) {
      var r = data.records[i];
      var damaged = "This file is damaged: record " + (i + 1) + " is not a valid record.";
      if (!r || typeof r !== "object" || Array.isArray(r) || typeof r.key !== "string" || !KEY.test(r.key) ||
          r.key.length > 100 || result.records.has(r.key) || !Array.isArray(r.items) ||
          ("subject" in r && (typeof r.subject !== "string" || r.subject.length > S.LIMITS.field))) {
        return {error: damaged};
      }
      var one = S.readExport({format: S.FORMAT, framework: framework.id, exported: data.exported, items: r.items},
                             framework, now);
      if (one.error) return {error: one.error + " It is in record " + (i + 1) + "."};
      var entry = record(S.time(r.created, result.saved, now));
      entry.subject = text(r.subject);
      entry.subjectModified = S.time(r.subject_modified, result.saved, now);
      entry.items = one.state.items;
      result.records.set(r.key, entry);
    }
    return {state: result};
  }

  // What importing `incoming` over `current` would do, both ways, as self-review-state.js
  // counts it (each record's answers, and its name, count as items), and how many records it
  // adds and removes.
  function importPlans(current, incoming) {
    return S.importPlans(current, incoming, {merge: merge, copy: copy, changes: changes});
  }

  function changes(before, after) {
    var result = S.changes(flat(before), flat(after));
    var was = live(before), now = live(after);
    result.state = after;
    result.recordsAdded = now.filter(function (key) { return was.indexOf(key) < 0; }).length;
    result.recordsRemoved = was.filter(function (key) { return now.indexOf(key) < 0; }).length;
    return result;
  }

  // Every record's answers as one state, keyed "record key/item id"; its name as one more.
  function flat(book) {
    var result = S.empty();
    live(book).forEach(function (key) {
      var entry = book.records.get(key);
      if (entry.subject) result.items.set(key + "/", {rating: "", subject: entry.subject, modified: entry.subjectModified});
      entry.items.forEach(function (answer, id) { result.items.set(key + "/" + id, answer); });
    });
    return result;
  }

  function exportJson(book, framework, now) {
    var records = live(book).map(function (key) {
      var entry = book.records.get(key);
      return {key: key, subject: entry.subject, subject_modified: entry.subjectModified, created: entry.created,
              items: S.exportRecords(view(book, key), framework)};
    });
    return JSON.stringify({format: S.FORMAT, framework: framework.id, framework_title: framework.title,
                           version: framework.version, records_version: VERSION, per: framework.per.label,
                           school: book.school, school_modified: book.schoolModified, exported: now,
                           records: records}, null, 2) + "\n";
  }

  return {VERSION: VERSION, FIRST: FIRST, empty: empty, newKey: newKey, view: view, absorb: absorb, live: live,
          pick: pick, add: add, rename: rename, remove: remove, hasAnyAnswer: hasAnyAnswer, copy: copy,
          merge: merge, fromStored: fromStored, toStored: toStored, parseImport: parseImport,
          importPlans: importPlans, exportJson: exportJson};
});
