/* The school's own dates for the school's year (the page's form) as data: the record kept in
 * this browser through StoredRecord, each date's next due date, and the school's calendar file.
 *
 * A state is {values: {date id: "YYYY-MM-DD"}, modified: {date id: ISO time}, saved: ISO time},
 * stored with its format and version; two tabs' states merge date by date, the newer change
 * winning, as the school's details do (SchoolDetailsState.merge). A record stored by a newer
 * version of the page is marked `newer` and never saved over.
 *
 *   var store = SchoolYearState.open(StoredRecord, SchoolDetailsState.merge)
 *   SchoolYearState.localToday(), .longDate("2026-12-04")   today as YYYY-MM-DD; "4 December 2026"
 *   SchoolYearState.checkDate("2026-02-30", today)      {date} or {problem}
 *   SchoolYearState.due(duties, state, today)           a row per duty
 *   SchoolYearState.calendar(IcsText, data, state, schoolName, today, now)   the .ics text
 *
 * A plain script that defines one global, and module.exports for Node's test runner.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.SchoolYearState = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FORMAT = "esafety-school-year";
  var VERSION = 1;

  function empty() {
    return {values: {}, modified: {}, saved: "", newer: false};
  }

  // Anything not a string is left out: the record may have been edited in the browser's tools.
  function fromStored(data) {
    var state = empty();
    if (!data || data.format !== FORMAT) return state;
    if (typeof data.version !== "number" || data.version > VERSION) {
      state.newer = true;
      return state;
    }
    state.saved = typeof data.saved === "string" ? data.saved : "";
    var values = data.values && typeof data.values === "object" ? data.values : {};
    var modified = data.modified && typeof data.modified === "object" ? data.modified : {};
    Object.keys(values).forEach(function (name) {
      if (typeof values[name] !== "string") return;
      state.values[name] = values[name];
      state.modified[name] = typeof modified[name] === "string" ? modified[name] : "";
    });
    return state;
  }

  function toStored(state) {
    return {format: FORMAT, version: VERSION, saved: state.saved, values: state.values, modified: state.modified};
  }

  function open(StoredRecord, merge, where) {
    return StoredRecord.open(Object.assign({key: FORMAT, read: fromStored, write: toStored, merge: merge}, where));
  }

  function iso(date) {
    return date.toISOString().slice(0, 10);
  }

  // Today in this browser's own time zone, as YYYY-MM-DD (`date`: for tests; by default, now).
  function localToday(date) {
    date = date || new Date();
    return date.getFullYear() + "-" + String(date.getMonth() + 1).padStart(2, "0") + "-" + String(date.getDate()).padStart(2, "0");
  }

  // A YYYY-MM-DD day in words, "4 December 2026", whatever the browser's language.
  function longDate(text) {
    return new Date(text + "T00:00:00Z").toLocaleDateString("en-GB", {day: "numeric", month: "long", year: "numeric", timeZone: "UTC"});
  }

  // A real day written YYYY-MM-DD, not after today: when something was last done.
  function checkDate(text, today) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return {problem: "Enter the date as day, month and year."};
    var date = new Date(text + "T00:00:00Z");
    if (isNaN(date.getTime()) || iso(date) !== text) return {problem: text + " is not a real date: check the day and the month."};
    if (text > today) return {problem: "This date is in the future: enter when it was last done."};
    if (text < "1990-01-01") return {problem: "This date is too long ago: check the year."};
    return {date: text};
  }

  // The same day `months` later, or the month's last day when it has no such day (31 August + 6).
  function addMonths(text, months) {
    var year = +text.slice(0, 4), month = +text.slice(5, 7) - 1 + months, day = +text.slice(8, 10);
    year += Math.floor(month / 12);
    month %= 12;
    var last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return iso(new Date(Date.UTC(year, month, Math.min(day, last))));
  }

  // Each duty with the school's date it counts from: {duty, last, due, status, problem}, status
  // being "overdue", "due" or "unknown" (no date, or a date refused with `problem`).
  function due(duties, state, today) {
    return duties.map(function (duty) {
      var row = {duty: duty, last: "", due: "", status: "unknown", problem: ""};
      var text = duty.from ? state.values[duty.from] || "" : "";
      if (!text) return row;
      var checked = checkDate(text, today);
      if (checked.problem) {
        row.problem = checked.problem;
        return row;
      }
      row.last = checked.date;
      row.due = addMonths(checked.date, duty.interval_months);
      row.status = row.due < today ? "overdue" : "due";
      return row;
    });
  }

  // The school's calendar: an event per duty it has a date for, on the next due date, recurring.
  function calendar(IcsText, data, state, schoolName, today, now) {
    var name = schoolName ? schoolName + ": " + data.calendar_name : data.calendar_name;
    var events = due(data.duties, state, today).filter(function (row) { return row.due; }).map(function (row) {
      return {
        uid: row.duty.id + "-school@" + data.uid_host,
        start: row.due,
        summary: row.duty.title + (schoolName ? " (" + schoolName + ")" : ""),
        description: row.duty.description + "\nLast done: " + row.last,
        everyMonths: row.duty.interval_months
      };
    });
    return {text: IcsText.calendar(name, events, now, data.product), events: events.length};
  }

  return {FORMAT: FORMAT, VERSION: VERSION, empty: empty, fromStored: fromStored, toStored: toStored,
          open: open, localToday: localToday, longDate: longDate, checkDate: checkDate, addMonths: addMonths, due: due, calendar: calendar};
});
