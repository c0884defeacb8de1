/* The school's year: the form where a school enters when each duty was last done, its next due
 * dates, and its own calendar file, made in this browser.
 *
 * The dates are a record kept in this browser's localStorage through StoredRecord
 * (school-year-state.js says what it holds); the school name is the school's details' own
 * (school-details-state.js), shared with the templates and the self-review. The duties come from
 * school-year/duties.json on this site. Nothing is sent anywhere. Without this script the page
 * shows the default year and its calendar file.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var form = document.getElementById("sy-form");
  if (!script || !form || !window.StoredRecord || !window.SchoolDetailsState || !window.SchoolYearState || !window.IcsText) return;

  var Y = window.SchoolYearState;
  var D = window.SchoolDetailsState;
  var $ = function (id) { return document.getElementById(id); };

  var store = Y.open(window.StoredRecord, D.merge);
  var detailsStore = D.open(window.StoredRecord);
  var state = store.load() || Y.empty();
  var details = detailsStore.load() || D.empty();
  var saving = true;
  var data = null;

  function now() {
    return new Date().toISOString();
  }

  var today = Y.localToday;
  var longDate = Y.longDate;

  fetch(script.dataset.duties).then(function (response) {
    if (!response.ok) throw new Error(response.status + " " + response.statusText);
    return response.json();
  }).then(function (loaded) {
    data = loaded;
    $("sy-needs-script").hidden = true;
    form.hidden = false;
    if (!store.available()) notSaving();
    if (state.newer) newer();
    show();
    form.addEventListener("input", onInput);
    $("sy-download").addEventListener("click", download);
    store.subscribe(function (record) { state = record || Y.empty(); if (state.newer) newer(); show(); });
    detailsStore.subscribe(function (record) { details = record || D.empty(); show(); });
  }).catch(function (error) {
    console.error("The school's year could not load its duties.", error);
  });

  function inputs() {
    return Array.prototype.slice.call(form.querySelectorAll("input[name]"));
  }

  // Sets only what differs, so that a change from another tab leaves the caret where it is.
  function show() {
    inputs().forEach(function (input) {
      var value = input.name === D.SCHOOL ? details.values[D.SCHOOL] || "" : state.values[input.name] || "";
      if (input.value !== value) input.value = value;
    });
    showDue();
  }

  function showDue() {
    var day = today();
    inputs().forEach(function (input) {
      var problem = $(input.id + "-problem");
      if (!problem) return;
      var text = state.values[input.name] || "";
      var checked = text ? Y.checkDate(text, day) : {};
      problem.textContent = checked.problem || "";
      input.setAttribute("aria-invalid", checked.problem ? "true" : "false");
    });
    var body = $("sy-due-rows");
    body.textContent = "";
    Y.due(data.duties, state, day).forEach(function (row) {
      var tr = document.createElement("tr");
      tr.dataset.duty = row.duty.id;
      tr.dataset.status = row.status;
      var title = document.createElement("th");
      title.scope = "row";
      title.textContent = row.duty.title;
      var last = document.createElement("td");
      last.textContent = row.last ? longDate(row.last) : row.problem ? "Check the date above" : "Not entered";
      var next = document.createElement("td");
      var target = row.status === "overdue" ? next.appendChild(document.createElement("strong")) : next;
      target.textContent = row.status === "overdue" ? "Overdue since " + longDate(row.due)
        : row.status === "due" ? "Due by " + longDate(row.due) : "Enter when it was last done";
      tr.append(title, last, next);
      body.appendChild(tr);
    });
  }

  function onInput(event) {
    var input = event.target;
    if (input.name === D.SCHOOL) {
      if (D.set(details, D.SCHOOL, input.value, now())) {
        details.saved = now();
        if (saving) details = detailsStore.save(details).record;
      }
      return;
    }
    if (!input.name || !D.set(state, input.name, input.value, now())) return;
    state.saved = now();
    if (saving && !state.newer) {
      var result = store.save(state);
      state = result.record;
      if (result.saved) $("sy-saved").textContent = "Saved on this device at " + new Date(state.saved).toLocaleTimeString("en-GB") + ".";
      else notSaving();
    }
    showDue();
  }

  function notSaving() {
    saving = false;
    $("sy-not-saving").hidden = false;
    $("sy-saved").textContent = "Not saved: this browser keeps nothing. Your dates show here until you leave the page.";
  }

  function newer() {
    $("sy-newer").hidden = false;
  }

  function download() {
    var made = Y.calendar(window.IcsText, data, state, (details.values[D.SCHOOL] || "").trim(), today(), new Date());
    if (!made.events) {
      $("sy-download-note").textContent = "Enter when at least one duty was last done: the calendar holds your next due dates.";
      return;
    }
    var url = URL.createObjectURL(new Blob([made.text], {type: "text/calendar;charset=utf-8"}));
    var link = document.createElement("a");
    link.href = url;
    link.download = "school-year.ics";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 0);
    $("sy-download-note").textContent = "Downloaded a calendar with " + made.events + (made.events === 1 ? " duty." : " duties.");
  }
})();
