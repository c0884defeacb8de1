/* A school's details for the templates (the "Your school's details" form) as data: the record
 * kept in this browser through StoredRecord under its own key, and how two copies merge.
 *
 * A state is {values: {name: text}, modified: {name: ISO time}, saved: ISO time}, names being
 * the templates' placeholders (school_name, dsl, ...). Each value keeps the time it was last
 * changed, so a save merges value by value with what another tab (or the self-review, which
 * shares school_name) stored meanwhile: the newer change wins. Times follow StoredRecord's rule:
 * none read from storage is later than the record's save time or the clock, and an edit is
 * stamped after the value it replaces, so a time ahead of the clock never beats a real edit.
 *
 *   var store = SchoolDetailsState.open(StoredRecord)     the shared record
 *   SchoolDetailsState.set(state, "dsl", "Ms Khan", now)  true if it changed
 *
 * A plain script that defines one global, and module.exports for Node's test runner; it needs
 * stored-record.js (StoredRecord) loaded first.
 */
(function (root, factory) {
  "use strict";
  var node = typeof module === "object" && module.exports;
  var api = factory(node ? require("./stored-record.js") : root.StoredRecord);
  if (node) module.exports = api;
  else root.SchoolDetailsState = api;
})(typeof self !== "undefined" ? self : this, function (StoredRecord) {
  "use strict";

  var FORMAT = "esafety-school-details";
  var SCHOOL = "school_name";  // the value the self-review shares

  function empty() {
    return {values: {}, modified: {}, saved: ""};
  }

  function names(object) {
    return object && typeof object === "object" && !Array.isArray(object) ? Object.keys(object) : [];
  }

  // Anything not a string is left out: the record may have been written by an older page, or
  // edited by hand in the browser's tools. No time is later than the record's save time, nor
  // than `now` (for tests; by default, the clock); one missing takes the save time.
  function fromStored(data, now) {
    var state = empty();
    if (!data || data.format !== FORMAT) return state;
    var ceiling = StoredRecord.ceilingOf(data.saved, now || StoredRecord.clock());
    state.saved = StoredRecord.time(data.saved, "", ceiling);
    var modified = data.modified && typeof data.modified === "object" ? data.modified : {};
    names(data.values).forEach(function (name) {
      if (typeof data.values[name] !== "string") return;
      state.values[name] = data.values[name];
      state.modified[name] = StoredRecord.time(modified[name], state.saved, ceiling);
    });
    return state;
  }

  function toStored(state) {
    return {format: FORMAT, saved: state.saved, values: state.values, modified: state.modified};
  }

  function set(state, name, value, now) {
    value = String(value);
    if ((state.values[name] || "") === value) return false;
    state.values[name] = value;
    state.modified[name] = StoredRecord.stamp(now, state.modified[name]);
    return true;
  }

  // Value by value, the later change wins; on a tie, `mine` (this tab's) does.
  function merge(theirs, mine) {
    var result = empty();
    result.saved = mine.saved > theirs.saved ? mine.saved : theirs.saved;
    var all = names(theirs.values).concat(names(mine.values));
    all.forEach(function (name) {
      var mineWins = !(name in theirs.values) ||
        (name in mine.values && (mine.modified[name] || "") >= (theirs.modified[name] || ""));
      var from = mineWins ? mine : theirs;
      result.values[name] = from.values[name];
      result.modified[name] = from.modified[name] || "";
    });
    return result;
  }

  // `where` is for tests: {area, events} instead of this window's localStorage.
  function open(StoredRecord, where) {
    return StoredRecord.open(Object.assign({key: FORMAT, read: fromStored, write: toStored, merge: merge}, where));
  }

  return {FORMAT: FORMAT, SCHOOL: SCHOOL, empty: empty, fromStored: fromStored, toStored: toStored,
          set: set, merge: merge, open: open};
});
