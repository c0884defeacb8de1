/* The training record as data, with no DOM: who the school's people are (a role and a name or
 * initials each), when each last had each training, who is due or overdue, and the record read
 * from storage or an imported copy (JSON or CSV) without trusting it.
 *
 * A state is {values: {name: text}, modified: {name: ISO time}, saved: ISO time, newer}, the
 * shape of school-details-state.js, whose set() and merge() it shares, so that two tabs merge
 * value by value, the newer change winning. Names are "person:<key>:name", "person:<key>:role"
 * (a role's id from data/duties.yml) and "person:<key>:t:<training id>" (the day it was last
 * done, YYYY-MM-DD). A person removed has an empty name and role, so a removal merges like an edit.
 *
 * Stored and exported as {format, version, saved, values, modified} (+ exported): version 1. A
 * stored record of a newer version is read as `newer` (the page never saves over it); one that is
 * not a training record at all throws, so that StoredRecord sets it aside before a save.
 * A plain script that defines one global, and module.exports for Node's test runner; it needs
 * stored-record.js, school-details-state.js, school-year-state.js and csv-text.js loaded first.
 */
(function (root, factory) {
  "use strict";
  var node = typeof module === "object" && module.exports;
  var api = node ? factory(require("./stored-record.js"), require("./school-details-state.js"),
                           require("./school-year-state.js"), require("./csv-text.js"))
    : factory(root.StoredRecord, root.SchoolDetailsState, root.SchoolYearState, root.CsvText);
  if (node) module.exports = api;
  else root.TrainingRecordState = api;
})(typeof self !== "undefined" ? self : this, function (StoredRecord, Values, Year, Csv) {
  "use strict";

  var FORMAT = "esafety-training-record";
  var VERSION = 1;
  var ID = "[a-z0-9]+(?:-[a-z0-9]+){0,20}";
  var KEY = /^[a-z0-9]{1,20}$/;
  var NAME = new RegExp("^person:([a-z0-9]{1,20}):(name|role|t:" + ID + ")$");
  // Far above any school's record, far below what slows a page.
  var LIMITS = {bytes: 2000000, values: 20000, field: 200};
  var SOON_MONTHS = 2;  // "due" means due within this many months: time to book the course
  var CSV_HEADER = ["person", "name", "role id", "role", "training id", "training", "last done", "next due"];

  function empty() {
    var state = Values.empty();
    state.newer = false;
    return state;
  }

  function isRecord(data) {
    return Boolean(data) && typeof data === "object" && !Array.isArray(data);
  }

  function own(object, name) {
    return Object.prototype.hasOwnProperty.call(object, name);
  }

  // Only known names with string values, each cut to the field limit; times follow StoredRecord's rule.
  function read(data, now) {
    var ceiling = StoredRecord.ceilingOf(data.saved || data.exported, now || StoredRecord.clock());
    var state = empty();
    state.saved = StoredRecord.time(data.saved, "", ceiling) || StoredRecord.time(data.exported, "", ceiling);
    var values = isRecord(data.values) ? data.values : {};
    var modified = isRecord(data.modified) ? data.modified : {};
    Object.keys(values).slice(0, LIMITS.values).forEach(function (name) {
      if (!NAME.test(name) || typeof values[name] !== "string") return;
      state.values[name] = values[name].slice(0, LIMITS.field);
      state.modified[name] = own(modified, name) ? StoredRecord.time(modified[name], state.saved, ceiling) : state.saved;
    });
    return state;
  }

  function fromStored(data, now) {
    if (!isRecord(data) || data.format !== FORMAT) throw new Error("not a training record");
    if (typeof data.version !== "number" || data.version > VERSION) {
      var newer = empty();
      newer.newer = true;
      return newer;
    }
    return read(data, now);
  }

  function toStored(state) {
    return {format: FORMAT, version: VERSION, saved: state.saved, values: state.values, modified: state.modified};
  }

  // `where` is for tests: {area, events} instead of this window's localStorage.
  function open(where) {
    return StoredRecord.open(Object.assign({key: FORMAT, read: fromStored, write: toStored, merge: Values.merge}, where));
  }

  function name(key, part) {
    return "person:" + key + ":" + part;
  }

  function trainingName(key, trainingId) {
    return name(key, "t:" + trainingId);
  }

  function newKey() {
    return "p" + Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36);
  }

  function roleOf(data, id) {
    return data.roles.filter(function (role) { return role.id === id; })[0] || null;
  }

  // The people in the record, in the order of the roles in data (a role no longer listed last),
  // then by name: [{key, name, roleId, role (or null)}].
  function people(data, state) {
    var keys = {};
    Object.keys(state.values).forEach(function (field) {
      var match = NAME.exec(field);
      if (match && (match[2] === "name" || match[2] === "role") && state.values[field]) keys[match[1]] = true;
    });
    var order = data.roles.map(function (role) { return role.id; });
    return Object.keys(keys).map(function (key) {
      var roleId = state.values[name(key, "role")] || "";
      return {key: key, name: state.values[name(key, "name")] || "", roleId: roleId, role: roleOf(data, roleId)};
    }).sort(function (a, b) {
      var ra = a.role ? order.indexOf(a.roleId) : order.length, rb = b.role ? order.indexOf(b.roleId) : order.length;
      return ra - rb || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.key < b.key ? -1 : 1);
    });
  }

  // A person's training, one row each: {training, last, due, status, problem}. Status is
  // "overdue" (past its due date), "soon" (due within SOON_MONTHS), "current", "missing" (no date
  // recorded for training with an interval), "untimed" (no interval in the guidance we cite) or
  // "invalid" (a date refused, with `problem`). Training the role no longer lists, but with a
  // date recorded, is kept as a row with no interval ("listed": false).
  function training(data, state, person, today) {
    var listed = person.role ? person.role.training : [];
    var known = {};
    listed.forEach(function (t) { known[t.id] = true; });
    var prefix = name(person.key, "t:");
    var extra = Object.keys(state.values).filter(function (field) {
      return field.indexOf(prefix) === 0 && state.values[field] && !known[field.slice(prefix.length)];
    }).sort().map(function (field) {
      var id = field.slice(prefix.length);
      return {id: id, title: titleOf(data, id), interval_months: null, sources: [], listed: false};
    });
    var soon = Year.addMonths(today, SOON_MONTHS);
    return listed.map(function (t) { return Object.assign({listed: true}, t); }).concat(extra).map(function (t) {
      var row = {training: t, last: "", due: "", status: t.interval_months ? "missing" : "untimed", problem: ""};
      var text = state.values[trainingName(person.key, t.id)] || "";
      if (!text) return row;
      var checked = Year.checkDate(text, today);
      if (checked.problem) {
        row.status = "invalid";
        row.problem = checked.problem;
        return row;
      }
      row.last = checked.date;
      if (!t.interval_months) return row;
      row.due = Year.addMonths(row.last, t.interval_months);
      row.status = row.due < today ? "overdue" : row.due <= soon ? "soon" : "current";
      return row;
    });
  }

  // A training's title from any role in data that lists it, or its id.
  function titleOf(data, id) {
    for (var r = 0; r < data.roles.length; r++) {
      var found = data.roles[r].training.filter(function (t) { return t.id === id; })[0];
      if (found) return found.title;
    }
    return id;
  }

  // Who is due or overdue: [{person, row}] for every row overdue, soon or missing.
  function dueList(data, state, today) {
    var result = [];
    people(data, state).forEach(function (person) {
      training(data, state, person, today).forEach(function (row) {
        if (row.status === "overdue" || row.status === "soon" || row.status === "missing") result.push({person: person, row: row});
      });
    });
    return result;
  }

  function exportJson(state, now) {
    var data = toStored(state);
    data.exported = now;
    return JSON.stringify(data, null, 2) + "\n";
  }

  // A row per person and training (a person with none, one row with the training left blank).
  function exportCsv(data, state, today) {
    var rows = [CSV_HEADER];
    people(data, state).forEach(function (person) {
      var label = person.role ? person.role.label : person.roleId;
      var lines = training(data, state, person, today);
      if (!lines.length) rows.push([person.key, person.name, person.roleId, label, "", "", "", ""]);
      lines.forEach(function (row) {
        rows.push([person.key, person.name, person.roleId, label, row.training.id, row.training.title, row.last, row.due]);
      });
    });
    return Csv.text(rows);
  }

  // The text of an imported file (JSON or this page's CSV) as a state, or {error}; never a partial result.
  function parseImport(source, now) {
    if (source.length > LIMITS.bytes) return {error: "This file is too large to be a training record (over 2 MB)."};
    source = source.replace(/^\ufeff/, "");
    if (/^\s*[{[]/.test(source)) return parseJson(source, now);
    return parseCsv(source, now || StoredRecord.clock());
  }

  function parseJson(source, now) {
    var data;
    try {
      data = JSON.parse(source);
    } catch (error) {
      return {error: "This file is not a training record: it is not valid JSON."};
    }
    if (!isRecord(data) || data.format !== FORMAT) return {error: "This file is not a training record downloaded from this page."};
    return {state: read(data, now)};
  }

  // Values from the CSV carry no times: they count as changed when imported.
  function parseCsv(source, now) {
    var rows = Csv.parse(source);
    if (!rows || !rows.length || rows[0].join(",") !== CSV_HEADER.join(",")) {
      return {error: "This file is not a training record: a CSV file must be one downloaded from this page."};
    }
    var state = empty();
    state.saved = now;
    for (var i = 1; i < rows.length; i++) {
      var row = rows[i];
      if (row.length === 1 && row[0] === "") continue;
      var key = row[0], training = row[4], last = row[6];
      var problem = !KEY.test(key || "") ? "its person column is not one this page wrote"
        : row[2] && !new RegExp("^" + ID + "$").test(row[2]) ? "its role id is not one this page wrote"
        : training && !new RegExp("^" + ID + "$").test(training) ? "its training id is not one this page wrote"
        : last && !/^\d{4}-\d{2}-\d{2}$/.test(last) ? "its date is not written YYYY-MM-DD" : "";
      if (problem) return {error: "This file could not be imported: line " + (i + 1) + ": " + problem + "."};
      if (Object.keys(state.values).length >= LIMITS.values) return {error: "This file has too many rows to be a training record."};
      Values.set(state, name(key, "name"), (row[1] || "").slice(0, LIMITS.field), now);
      Values.set(state, name(key, "role"), row[2] || "", now);
      if (training) Values.set(state, trainingName(key, training), last || "", now);
    }
    return {state: state};
  }

  // The record with an import added: every value the copy holds is taken (stamped `now`, so
  // that other tabs take it too, even over a later removal: importing a copy brings it back);
  // what only this browser holds is kept. Returns {state, changed}: how many values changed.
  function absorb(current, incoming, now) {
    var state = Values.merge(current, empty());
    state.newer = false;
    var changed = 0;
    Object.keys(incoming.values).forEach(function (field) {
      if (incoming.values[field] && Values.set(state, field, incoming.values[field], now)) changed++;
    });
    return {state: state, changed: changed};
  }

  // What a row says in words: `longDate` writes a YYYY-MM-DD date for people.
  function statusText(row, longDate) {
    switch (row.status) {
      case "overdue": return "Overdue since " + longDate(row.due);
      case "soon": return "Due by " + longDate(row.due);
      case "current": return "Next due " + longDate(row.due);
      case "missing": return "No date recorded";
      case "invalid": return row.problem;
      default: return row.training.listed ? "No interval set by the guidance we cite" : "No longer listed for this role";
    }
  }

  function roleLabel(person) {
    return person.role ? person.role.label : person.roleId;
  }

  function lowerFirst(text) {
    return text.charAt(0).toLowerCase() + text.slice(1);
  }

  // One line of the due list: "A. B. (Role): Training: overdue since 1 May 2026."
  function dueLine(entry, longDate) {
    return (entry.person.name || "(no name)") + " (" + roleLabel(entry.person) + "): " + entry.row.training.title +
      ": " + lowerFirst(statusText(entry.row, longDate)) + ".";
  }

  // The values that fill in the governors' document's blanks (training_record.FIELDS), one line
  // per person and training.
  function documentValues(data, state, today, school, longDate) {
    var due = dueList(data, state, today).map(function (entry) { return dueLine(entry, longDate); });
    var lines = [];
    people(data, state).forEach(function (person) {
      lines.push((person.name || "(no name)") + " (" + roleLabel(person) + ")");
      training(data, state, person, today).forEach(function (row) {
        lines.push("    " + row.training.title + ": " + (row.last ? "last done " + longDate(row.last) + "; " : "") +
                   lowerFirst(statusText(row, longDate)) + ".");
      });
    });
    return {school: school, made: longDate(today), due: due.join("\n") || "No one is due or overdue.",
            people: lines.join("\n") || "No one has been added yet."};
  }

  return {FORMAT: FORMAT, VERSION: VERSION, LIMITS: LIMITS, SOON_MONTHS: SOON_MONTHS, empty: empty,
          fromStored: fromStored, toStored: toStored, open: open, set: Values.set, name: name,
          trainingName: trainingName, newKey: newKey, people: people, training: training, dueList: dueList,
          statusText: statusText, dueLine: dueLine, documentValues: documentValues,
          exportJson: exportJson, exportCsv: exportCsv, parseImport: parseImport, absorb: absorb};
});
