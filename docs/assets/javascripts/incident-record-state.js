/* The incident record as data, with no DOM: read a stored record or an imported copy without
 * trusting it, write both, say what an import would change, and make the values that fill in the
 * record's .docx and .odt.
 *
 * A state is {values: {name: text}, modified: {name: ISO time}, saved: ISO time}, the shape of
 * school-details-state.js, whose set() and merge() it shares: each value keeps the time it last
 * changed, and two copies merge value by value, the newer change winning. Names are the
 * record's fields (incident_record.FIELDS in Python: school, happened, seen, follow-up ...), `guide` (the id
 * of the guide followed) and, for each step of it ticked, "step:<id>:done" ("yes") and
 * "step:<id>:at" (when, as a datetime-local value).
 *
 * Stored and exported as {format, version, saved, values, modified} (+ exported): version 1.
 * A plain script that defines one global, and module.exports for Node's test runner; it needs
 * stored-record.js (StoredRecord) and school-details-state.js (SchoolDetailsState) loaded first.
 */
(function (root, factory) {
  "use strict";
  var node = typeof module === "object" && module.exports;
  var api = node ? factory(require("./stored-record.js"), require("./school-details-state.js"))
    : factory(root.StoredRecord, root.SchoolDetailsState);
  if (node) module.exports = api;
  else root.IncidentRecordState = api;
})(typeof self !== "undefined" ? self : this, function (StoredRecord, Values) {
  "use strict";

  var FORMAT = "esafety-incident-record";
  var VERSION = 1;
  var NAME = /^(?:[a-z0-9]+(?:-[a-z0-9]+){0,20}|step:[a-z0-9]+(?:-[a-z0-9]+){0,20}:(?:done|at))$/;
  // Far above any real record, far below what slows a page.
  var LIMITS = {bytes: 2000000, values: 1000, field: 100000};
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"];

  function empty() {
    return Values.empty();
  }

  function own(object, name) {
    return Object.prototype.hasOwnProperty.call(object, name);
  }

  function isRecord(data) {
    return Boolean(data) && typeof data === "object" && !Array.isArray(data);
  }

  // A stored record or an import, version 1 or a later one (whose values this page knows are
  // read, the rest left out), as a state; null if it is not an incident record at all. Anything
  // that is not a known name with a string value is left out. Times follow StoredRecord's rule:
  // none later than the record's save time or `now` (for tests; by default, the clock).
  function read(data, now) {
    if (!isRecord(data) || data.format !== FORMAT) return null;
    var ceiling = StoredRecord.ceilingOf(data.saved || data.exported, now || StoredRecord.clock());
    var state = empty();
    state.saved = StoredRecord.time(data.saved, "", ceiling) || StoredRecord.time(data.exported, "", ceiling);
    var values = isRecord(data.values) ? data.values : {};
    var modified = isRecord(data.modified) ? data.modified : {};
    Object.keys(values).slice(0, LIMITS.values).forEach(function (name) {
      // "constructor" and the like would read as present in every plain object.
      if (!NAME.test(name) || name in Object.prototype || typeof values[name] !== "string") return;
      state.values[name] = values[name].slice(0, LIMITS.field);
      state.modified[name] = own(modified, name) ? StoredRecord.time(modified[name], state.saved, ceiling) : state.saved;
    });
    return state;
  }

  function fromStored(data, now) {
    return read(data, now) || empty();
  }

  function toStored(state) {
    return {format: FORMAT, version: VERSION, saved: state.saved, values: state.values, modified: state.modified};
  }

  function hasAny(state) {
    return Object.keys(state.values).some(function (name) { return state.values[name] !== ""; });
  }

  function exportJson(state, now) {
    var data = toStored(state);
    data.exported = now;
    return JSON.stringify(data, null, 2) + "\n";
  }

  // The text of an import file as a state, or {error}; never a partial result.
  function parseImport(source, now) {
    if (source.length > LIMITS.bytes) return {error: "This file is too large to be an incident record (over 2 MB)."};
    var data;
    try {
      data = JSON.parse(source.replace(/^\ufeff/, ""));
    } catch (error) {
      return {error: "This file is not an incident record: it is not valid JSON."};
    }
    var state = read(data, now);
    if (!state) return {error: "This file is not an incident record downloaded from this page."};
    return {state: state};
  }

  // What taking `after` in place of `before` does, counted by value: added, changed, kept, removed.
  function changes(before, after) {
    var result = {state: after, added: 0, changed: 0, kept: 0, removed: 0};
    var names = {};
    [before, after].forEach(function (state) {
      Object.keys(state.values).forEach(function (name) { if (state.values[name]) names[name] = true; });
    });
    Object.keys(names).forEach(function (name) {
      var was = before.values[name] || "", now = after.values[name] || "";
      if (!was) result.added++;
      else if (!now) result.removed++;
      else if (was === now) result.kept++;
      else result.changed++;
    });
    return result;
  }

  // Importing `incoming` over `current`, both ways: merge (the newer of each value) and replace.
  function importPlans(current, incoming) {
    return {merge: changes(current, Values.merge(current, incoming)), replace: changes(current, incoming)};
  }

  // A datetime-local value ("2026-12-04T14:05") in words, whatever the browser's language.
  function when(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value || "");
    if (!match || +match[2] < 1 || +match[2] > 12) return value || "";
    return +match[3] + " " + MONTHS[+match[2] - 1] + " " + match[1] + " at " + match[4] + ":" + match[5];
  }

  function stepName(stepId, part) {
    return "step:" + stepId + ":" + part;
  }

  // The values that fill in the documents' blanks, by field name: each field as written (a date
  // and time in words), the guide's title, and its steps one to a line, each done or not.
  // `guide` is the guide followed ({id, title, steps}) or null.
  function documentValues(state, guide) {
    var values = {};
    Object.keys(state.values).forEach(function (name) {
      if (name.indexOf(":") < 0 && name !== "guide") values[name] = state.values[name].replace(/\r\n?/g, "\n");
    });
    if (values.happened) values.happened = when(values.happened);
    var chosen = state.values.guide || "";
    if (guide && guide.id === chosen) {
      values.guide = guide.title;
      values.steps = guide.steps.map(function (step, index) {
        var done = state.values[stepName(step.id, "done")] === "yes";
        var at = state.values[stepName(step.id, "at")];
        return (index + 1) + ". " + step.title + ": " + (done ? "done" + (at ? ", " + when(at) : "") : "not done");
      }).join("\n");
    } else if (chosen) {
      values.guide = chosen;
    }
    return values;
  }

  return {FORMAT: FORMAT, VERSION: VERSION, LIMITS: LIMITS, empty: empty, set: Values.set, merge: Values.merge,
          fromStored: fromStored, toStored: toStored, hasAny: hasAny, exportJson: exportJson,
          parseImport: parseImport, changes: changes, importPlans: importPlans, when: when,
          stepName: stepName, documentValues: documentValues};
});
