/* The self-review's answers as data, with no DOM: read a stored record (today's format and the
 * one saved before per-item times), merge two copies item by item (the newer change wins),
 * read an import file without trusting it, say what an import would change, tell what changed
 * in the framework since the answers were saved, and make the export records and CSV text.
 *
 * A state is {school, schoolModified, saved, items: Map(id -> answer), seen: Map(id -> print)
 * or null}; an answer is {rating, evidence, action, who, by, modified}, plus the framework's own
 * fields (`item_fields`) where it has any. What a school records once per review
 * (`review_fields`) is kept as one more answer, under the framework's own id. Times are ISO
 * strings, so that they compare as text. Everything keyed by an item id is a Map: ids come from files.
 *
 * A plain script that defines one global, and module.exports for Node's test runner; it needs
 * csv-text.js (CsvText) and stored-record.js (StoredRecord) loaded first.
 */
(function (root, factory) {
  "use strict";
  var node = typeof module === "object" && module.exports;
  var api = node ? factory(require("./csv-text.js"), require("./stored-record.js")) : factory(root.CsvText, root.StoredRecord);
  if (node) module.exports = api;
  else root.SelfReviewState = api;
})(typeof self !== "undefined" ? self : this, function (CsvText, StoredRecord) {
  "use strict";

  var FORMAT = "esafety-self-review";
  var RATINGS = ["not", "partly", "fully"];
  var FIELDS = ["evidence", "action", "who", "by"];
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;  // data/schema/common.schema.json
  // Far above any real self-review (24 items, a few notes each), far below what slows a page.
  var LIMITS = {bytes: 2000000, depth: 6, items: 2000, field: 20000};

  function empty() {
    return {school: "", schoolModified: "", saved: "", items: new Map(), seen: null};
  }

  function text(value) {
    return typeof value === "string" ? value : "";
  }

  // Times read from a file or from storage are never later than the record's own save time nor
  // the clock, and an edit is stamped after the value it replaces: stored-record.js's rule, shared
  // with the school's details.
  var time = StoredRecord.time, clock = StoredRecord.clock, ceilingOf = StoredRecord.ceilingOf, stamp = StoredRecord.stamp;

  // Every field an answer of `framework` may hold besides its rating: the four every
  // self-review has, then the framework's own, per item and per review (field ids are ids).
  function fieldNames(framework) {
    var own = framework ? framework.item_fields.concat(framework.review_fields) : [];
    return FIELDS.concat(own.map(function (field) { return field.id; }).filter(function (name) {
      return ID.test(name) && FIELDS.indexOf(name) < 0;
    }));
  }

  function answer(data, modified, names, ceiling) {
    var result = {rating: RATINGS.indexOf(data.rating) >= 0 ? data.rating : ""};
    (names || FIELDS).forEach(function (name) { result[name] = text(data[name]); });
    result.modified = time(data.modified, modified, ceiling);
    return result;
  }

  function blank(framework) {
    return answer({}, "", fieldNames(framework));
  }

  // The fields an answer holds, whichever framework it is for.
  function notes(entry) {
    return Object.keys(entry).filter(function (name) { return name !== "rating" && name !== "modified"; });
  }

  function hasAnswer(entry) {
    return Boolean(entry) && (Boolean(entry.rating) || notes(entry).some(function (name) { return entry[name]; }));
  }

  function sameAnswer(a, b) {
    return ["rating"].concat(notes(a), notes(b)).every(function (name) { return (a[name] || "") === (b[name] || ""); });
  }

  function own(object, name) {
    return Object.prototype.hasOwnProperty.call(object, name);
  }

  // A stored record, of any version of this page. Answers saved before per-item times take
  // the record's own save time. `framework` names the fields to keep beyond the four. No time
  // is later than the record's save time, nor than `now` (for tests; by default, the clock).
  function fromStored(data, framework, now) {
    var result = empty();
    var names = fieldNames(framework);
    if (!data || typeof data !== "object") return result;
    var ceiling = ceilingOf(data.saved, now || clock());
    result.saved = time(data.saved, "", ceiling);
    result.school = text(data.school);
    result.schoolModified = time(data.school_modified, result.saved, ceiling);
    var items = data.items && typeof data.items === "object" ? data.items : {};
    Object.keys(items).forEach(function (id) {
      if (ID.test(id) && items[id] && typeof items[id] === "object") {
        result.items.set(id, answer(items[id], result.saved, names, ceiling));
      }
    });
    if (data.fingerprints && typeof data.fingerprints === "object") {
      result.seen = new Map();
      Object.keys(data.fingerprints).forEach(function (id) {
        if (ID.test(id) && typeof data.fingerprints[id] === "string") result.seen.set(id, data.fingerprints[id]);
      });
    }
    return result;
  }

  // The record kept in storage: today's fields, read by older versions of this page too,
  // plus each answer's time and a fingerprint of every item's wording as the school saw it.
  function toStored(state, framework) {
    var items = Object.create(null);
    state.items.forEach(function (entry, id) { items[id] = entry; });
    var prints = Object.create(null);
    frameworkItems(framework).forEach(function (item) { prints[item.id] = fingerprint(item); });
    return {format: FORMAT, framework: framework.id, version: framework.version, school: state.school,
            school_modified: state.schoolModified, saved: state.saved, items: items, fingerprints: prints};
  }

  // Records a change and its time; false (and no new time) when the value is what it was, as
  // when a field that was filled in loses focus.
  function setAnswer(state, id, name, value, now) {
    var entry = Object.assign(blank(), state.items.get(id) || {});
    var next = name === "rating" ? (RATINGS.indexOf(value) >= 0 ? value : "") : String(value);
    if (entry[name] === next) return false;
    entry[name] = next;
    entry.modified = stamp(now, entry.modified);
    state.items.set(id, entry);
    return true;
  }

  function setSchool(state, value, now) {
    if (state.school === String(value)) return false;
    state.school = String(value);
    state.schoolModified = stamp(now, state.schoolModified);
    return true;
  }

  // Item by item, the newer change wins; on a tie `mine` wins, unless it holds no answer.
  function merge(theirs, mine) {
    var result = empty();
    var mineWins = function (a, b, aHas, bHas) { return a > b || (a === b && (aHas || !bHas)); };
    var school = mineWins(mine.schoolModified, theirs.schoolModified, Boolean(mine.school), Boolean(theirs.school));
    result.school = school ? mine.school : theirs.school;
    result.schoolModified = school ? mine.schoolModified : theirs.schoolModified;
    result.saved = mine.saved > theirs.saved ? mine.saved : theirs.saved;
    result.seen = mine.seen || theirs.seen;
    theirs.items.forEach(function (entry, id) { result.items.set(id, entry); });
    mine.items.forEach(function (entry, id) {
      var other = theirs.items.get(id);
      if (!other || mineWins(entry.modified, other.modified, hasAnswer(entry), hasAnswer(other))) result.items.set(id, entry);
    });
    return result;
  }

  function copy(state) {
    var result = Object.assign({}, state);
    result.items = new Map();
    state.items.forEach(function (entry, id) { result.items.set(id, Object.assign({}, entry)); });
    result.seen = state.seen ? new Map(state.seen) : null;
    return result;
  }

  // -- import ----------------------------------------------------------------------------------
  // Nesting depth of JSON text, counted before parsing so that no deep structure is ever built.
  function depth(source) {
    var level = 0, most = 0, inString = false;
    for (var i = 0; i < source.length; i++) {
      var c = source.charAt(i);
      if (inString) {
        if (c === "\\") i++;
        else if (c === '"') inString = false;
      } else if (c === '"') {
        inString = true;
      } else if (c === "{" || c === "[") {
        most = Math.max(most, ++level);
      } else if (c === "}" || c === "]") {
        level--;
      }
    }
    return most;
  }

  // An export of this framework as a state, or {error}; never a partial result. Notes are
  // text, whatever they hold: the page only ever shows them as text. No time is later than the
  // import (`now`, for tests; by default, the clock).
  function parseImport(source, framework, now) {
    var read = readJson(source);
    return read.error ? read : readExport(read.data, framework, now);
  }

  // The text of an import file as JSON data, or {error}: refused before parsing when too large
  // or nested too deeply (self-review-records.js reads its files with it too).
  function readJson(source) {
    if (source.length > LIMITS.bytes) {
      return {error: "This file is too large to be a self-review copy (over " + LIMITS.bytes / 1000000 + " MB)."};
    }
    source = source.replace(/^\ufeff/, "");
    if (depth(source) > LIMITS.depth) return {error: "This file is not a self-review copy: it is nested too deeply."};
    var data;
    try {
      data = JSON.parse(source);
    } catch (error) {
      return {error: "This file is not a self-review copy: it is not valid JSON."};
    }
    return {data: data};
  }

  // Parsed export data of this framework (one review's answers) as a state, or {error}; no time
  // later than `now` (by default, the clock).
  function readExport(data, framework, now) {
    if (!data || typeof data !== "object" || data.format !== FORMAT || !Array.isArray(data.items)) {
      return {error: "This file is not a self-review copy downloaded from this page."};
    }
    if (data.framework !== framework.id) {
      return {error: "This file is a self-review against a different framework (“" + String(data.framework).slice(0, 80) +
                     "”), not " + framework.title + "."};
    }
    if (data.items.length > LIMITS.items) return {error: "This file has too many items to be a self-review copy."};
    var result = empty();
    var names = fieldNames(framework);
    var ceiling = now || clock();
    var exported = time(data.exported, "", ceiling);
    result.school = typeof data.school === "string" ? data.school.slice(0, LIMITS.field) : "";
    result.schoolModified = time(data.school_modified, exported, ceiling);
    result.saved = exported;
    for (var i = 0; i < data.items.length; i++) {
      var r = data.items[i];
      var bad = !r || typeof r !== "object" || Array.isArray(r) || typeof r.id !== "string" || !ID.test(r.id) ||
        r.id.length > 100 || result.items.has(r.id) || (r.rating && RATINGS.indexOf(r.rating) < 0) ||
        names.some(function (name) {
          return own(r, name) && (typeof r[name] !== "string" || r[name].length > LIMITS.field);
        });
      if (bad) return {error: "This file is damaged: item " + (i + 1) + " is not a valid answer."};
      result.items.set(r.id, answer(r, exported, names, ceiling));
    }
    return {state: result};
  }

  // What importing `incoming` over `current` would do, both ways: merge (the newer answer of
  // each item wins) and replace (the file's answers, and only those). `model` gives the merge,
  // copy and changes of another shape of record (self-review-records.js); by default, these.
  function importPlans(current, incoming, model) {
    model = model || {merge: merge, copy: copy, changes: changes};
    var merged = model.merge(current, incoming);
    merged.seen = current.seen;
    var replaced = model.copy(incoming);
    replaced.seen = current.seen;
    return {merge: model.changes(current, merged), replace: model.changes(current, replaced)};
  }

  function changes(before, after) {
    var result = {state: after, added: 0, changed: 0, kept: 0, removed: 0};
    var ids = new Set();
    before.items.forEach(function (entry, id) { if (hasAnswer(entry)) ids.add(id); });
    after.items.forEach(function (entry, id) { if (hasAnswer(entry)) ids.add(id); });
    ids.forEach(function (id) {
      var was = before.items.get(id), now = after.items.get(id);
      if (!hasAnswer(was)) result.added++;
      else if (!hasAnswer(now)) result.removed++;
      else if (sameAnswer(was, now)) result.kept++;
      else result.changed++;
    });
    return result;
  }

  // -- the framework ---------------------------------------------------------------------------
  function frameworkItems(framework) {
    return framework.indicators.concat.apply(framework.indicators, framework.themes.map(function (theme) {
      return theme.items;
    }));
  }

  // FNV-1a of an item's title and text: enough to notice a rewording, not a security measure.
  function fingerprint(item) {
    var source = item.title + "\n" + item.text;
    var hash = 0x811c9dc5;
    for (var i = 0; i < source.length; i++) {
      hash ^= source.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return ("0000000" + hash.toString(16)).slice(-8);
  }

  // What changed in the framework since `state` was saved: ids added, reworded and retired
  // (retired only where the school had answered). Null when the record predates fingerprints.
  function frameworkChanges(state, framework) {
    if (!state.seen) return null;
    var result = {added: [], reworded: [], retired: []};
    var now = new Map();
    frameworkItems(framework).forEach(function (item) {
      now.set(item.id, true);
      if (!state.seen.has(item.id)) result.added.push(item.id);
      else if (state.seen.get(item.id) !== fingerprint(item)) result.reworded.push(item.id);
    });
    state.seen.forEach(function (print, id) {
      if (!now.has(id) && hasAnswer(state.items.get(id))) result.retired.push(id);
    });
    return result;
  }

  // -- export ----------------------------------------------------------------------------------
  // The record once per review (where the framework asks for one), then every framework item in
  // page order (indicators, then items by theme), then the answers for items no longer in the
  // framework. Each record has every field the framework asks for, filled in or not.
  function exportRecords(state, framework) {
    var records = [];
    var known = new Map();
    var add = function (item, kind, theme) {
      known.set(item.id, true);
      records.push(Object.assign({id: item.id, kind: kind, theme: theme, title: item.title}, blank(framework),
                                 state.items.get(item.id) || {}));
    };
    if (framework.review_fields.length) add({id: framework.id, title: framework.review_title}, "review", "");
    framework.indicators.forEach(function (item) { add(item, "inadequate", ""); });
    framework.themes.forEach(function (theme) {
      theme.items.forEach(function (item) { add(item, item.kind || "feature", theme.title); });
    });
    state.items.forEach(function (entry, id) {
      if (!known.has(id) && hasAnswer(entry)) records.push(Object.assign({id: id, kind: "retired", theme: "", title: ""}, entry));
    });
    return records;
  }

  function retiredIds(state, framework) {
    return exportRecords(state, framework).filter(function (r) { return r.kind === "retired"; }).map(function (r) {
      return r.id;
    });
  }

  function exportJson(state, framework, now) {
    return JSON.stringify({format: FORMAT, framework: framework.id, framework_title: framework.title,
                           version: framework.version, school: state.school, school_modified: state.schoolModified,
                           exported: now, items: exportRecords(state, framework)}, null, 2) + "\n";
  }

  return {FORMAT: FORMAT, RATINGS: RATINGS, FIELDS: FIELDS, LIMITS: LIMITS, fieldNames: fieldNames, empty: empty, blank: blank,
          hasAnswer: hasAnswer, fromStored: fromStored, toStored: toStored, setAnswer: setAnswer,
          setSchool: setSchool, merge: merge, copy: copy, parseImport: parseImport, readJson: readJson,
          readExport: readExport, importPlans: importPlans, changes: changes, time: time,
          fingerprint: fingerprint, frameworkChanges: frameworkChanges, exportRecords: exportRecords,
          retiredIds: retiredIds, exportJson: exportJson,
          csv: CsvText.text};  // csv-text.js: every cell made safe for a spreadsheet
});
