/* A school's details for the templates (the "Your school's details" form) as data: the record
 * kept in this browser through StoredRecord under its own key, and how two copies merge.
 *
 * A state is {values: {name: text}, modified: {name: ISO time}, saved: ISO time}, names being
 * the templates' placeholders (school_name, dsl, ...). Each value keeps the time it was last
 * changed, so a save merges value by value with what another tab (or the self-review, which
 * shares school_name) stored meanwhile: the newer change wins.
 *
 *   var store = SchoolDetailsState.open(StoredRecord)     the shared record
 *   SchoolDetailsState.set(state, "dsl", "Ms Khan", now)  true if it changed
 *
 * A plain script that defines one global, and module.exports for Node's test runner.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.SchoolDetailsState = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FORMAT = "esafety-school-details";
  var SCHOOL = "school_name";  // the value the self-review shares

  function empty() {
    return {values: {}, modified: {}, saved: ""};
  }

  function text(value) {
    return typeof value === "string" ? value : "";
  }

  function names(object) {
    return object && typeof object === "object" && !Array.isArray(object) ? Object.keys(object) : [];
  }

  // Anything not a string is left out: the record may have been written by an older page, or
  // edited by hand in the browser's tools.
  function fromStored(data) {
    var state = empty();
    if (!data || data.format !== FORMAT) return state;
    state.saved = text(data.saved);
    var modified = data.modified && typeof data.modified === "object" ? data.modified : {};
    names(data.values).forEach(function (name) {
      if (typeof data.values[name] !== "string") return;
      state.values[name] = data.values[name];
      state.modified[name] = text(modified[name]);
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
    state.modified[name] = now;
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
