/* The incident record page (what-to-do/record/): the DOM layer.
 *
 * The record as data is incident-record-state.js (IncidentRecordState); keeping it in this
 * browser's localStorage, shared with the page's other open tabs, is stored-record.js
 * (StoredRecord); filling in the blank .docx and .odt is the templates' school-details-fill.js
 * with the vendored fflate. The guides the record can start from are what-to-do/guides.json,
 * fetched from this site; a link from a guide opens the page as ?guide=<id>. All markup is on
 * the page (its fields, and <template> elements for the steps). Nothing is sent anywhere.
 * Without this script the page is a blank record to print, with the blank documents to download.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var root = document.getElementById("ir:record");
  if (!root || !script || !window.StoredRecord || !window.IncidentRecordState) return;

  var S = window.IncidentRecordState;
  var F = window.SchoolDetailsFill;
  var $ = function (name) { return document.getElementById("ir:" + name); };
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

  var store = StoredRecord.open({key: S.FORMAT, read: function (data) { return S.fromStored(data); },
                                 write: S.toStored, merge: S.merge});
  var state = store.load() || S.empty();
  var saving = true;     // false once this browser has refused to keep the record
  var guides = [];       // [{id, title, steps: [{id, title, actor}]}], from guides.json
  var stepsShown = null; // the id of the guide whose steps are on the page

  function now() {
    return new Date().toISOString();
  }

  // Now as a datetime-local value, in this computer's time.
  function localNow() {
    return localTime(now());
  }

  // An ISO time as a datetime-local value ("2026-12-04T14:05"), in this computer's time.
  function localTime(iso) {
    var date = new Date(iso);
    return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  }

  // -- start -----------------------------------------------------------------------------------
  root.querySelectorAll(".ir-script-only").forEach(function (element) { element.hidden = false; });
  document.documentElement.classList.add("ir-ready");
  if (!store.available()) notSaving();
  else if (state.saved) $("saved").textContent = "Last saved on this device " + S.when(localTime(state.saved)) + ".";
  root.addEventListener("input", onInput);
  root.addEventListener("change", onInput);
  $("export-docx").addEventListener("click", function () { exportDocument("docx"); });
  $("export-odt").addEventListener("click", function () { exportDocument("odt"); });
  $("export-json").addEventListener("click", exportJson);
  $("print").addEventListener("click", function () { window.print(); });
  $("import").addEventListener("change", importFile);
  $("clear").addEventListener("click", function () {
    $("clear-dialog").returnValue = "";  // Escape leaves the last value in place
    $("clear-dialog").showModal();
  });
  $("clear-dialog").addEventListener("close", onClearClosed);
  store.subscribe(function (record) {
    if (!saving) return;
    state = record || S.empty();
    show();
  });
  show();

  fetch(script.dataset.guides, {credentials: "same-origin"})
    .then(function (response) {
      if (!response.ok) throw new Error(script.dataset.guides + ": " + response.status);
      return response.json();
    })
    .then(startGuides)
    .catch(function (error) {
      console.error(error);  // the record works without the guides' checklist
    });

  // Only well-formed guides: the file is this site's own, but a record never shows what it cannot read.
  function startGuides(data) {
    guides = (Array.isArray(data) ? data : []).filter(function (guide) {
      return guide && typeof guide.id === "string" && ID.test(guide.id) && typeof guide.title === "string" &&
        Array.isArray(guide.steps) && guide.steps.every(function (step) {
          return step && typeof step.id === "string" && ID.test(step.id) && typeof step.title === "string";
        });
    });
    if (!guides.length) return;
    var select = $("guide");
    guides.forEach(function (guide) { select.appendChild(new Option(guide.title, guide.id)); });
    // Opened from a guide's page: that guide, unless this record already follows one. Kept with
    // the first thing written, like everything else.
    var asked = new URLSearchParams(window.location.search).get("guide");
    if (asked && !state.values.guide && guideById(asked)) S.set(state, "guide", asked, now());
    else if (asked && guideById(asked) && asked !== state.values.guide) {
      // Never switched silently: the record on this device is about another incident.
      $("guide-other").textContent = "You came from the guide “" + guideById(asked).title + "”, but the record on this " +
        "device follows another guide. To record a new incident, download this record, clear it, then choose the guide.";
      $("guide-other").hidden = false;
    }
    $("guide-panel").hidden = false;
    show();
  }

  function guideById(id) {
    return guides.filter(function (guide) { return guide.id === id; })[0] || null;
  }

  // -- storage ---------------------------------------------------------------------------------
  function save() {
    state.saved = now();
    if (!saving) return show();
    var result = store.save(state);
    state = result.record;
    if (result.saved) $("saved").textContent = "Saved on this device at " + localTime(state.saved).slice(11, 16) + ".";
    else notSaving();
    show();
  }

  // Said at once, and nothing on the page claims otherwise from then on.
  function notSaving() {
    saving = false;
    $("not-saving").hidden = false;
    $("saved").textContent = "Not saved: this browser is not keeping your record on this device.";
  }


  function onInput(event) {
    var target = event.target;
    var name = target.dataset && target.dataset.name;
    if (!name) return;
    if (target.type === "checkbox") {
      if (event.type !== "change") return;
      var changed = S.set(state, name, target.checked ? "yes" : "", now());
      var at = name.replace(/:done$/, ":at");
      if (target.checked && !state.values[at]) S.set(state, at, localNow(), now());
      if (changed) save();
      return;
    }
    if (S.set(state, name, target.value, now())) save();
  }

  // -- showing the record ----------------------------------------------------------------------
  // Sets only what differs, so that a change from another tab leaves the caret where it is.
  function show() {
    showSteps();
    root.querySelectorAll("[data-name]").forEach(function (field) {
      var value = state.values[field.dataset.name] || "";
      if (field.type === "checkbox") {
        if (field.checked !== (value === "yes")) field.checked = value === "yes";
      } else if (field.value !== value && !(field.tagName === "SELECT" && !guideById(value) && value)) {
        field.value = value;
      }
      if (field.tagName === "TEXTAREA") field.rows = Math.min(40, Math.max(5, value.split("\n").length + 1));
    });
    showPrinted();
  }

  // The chosen guide's steps as a checklist; a guide no longer published is named, not lost.
  function showSteps() {
    var chosen = state.values.guide || "";
    var guide = guideById(chosen);
    var missing = $("guide-missing");
    missing.hidden = !chosen || Boolean(guide) || !guides.length;
    missing.textContent = missing.hidden ? "" : "This record was started from a guide this site no longer has (" +
      chosen + "). Its steps are kept in the record and in downloads.";
    if (stepsShown === (guide ? guide.id : "")) return;
    stepsShown = guide ? guide.id : "";
    var list = $("steps");
    list.textContent = "";
    $("steps-box").hidden = !guide;
    if (!guide) return;
    guide.steps.forEach(function (step) {
      var item = $("step-template").content.firstElementChild.cloneNode(true);
      var part = function (name) { return item.querySelector('[data-part="' + name + '"]'); };
      var prefix = "ir:step:" + step.id;
      part("done").id = prefix + ":done";
      part("done").dataset.name = S.stepName(step.id, "done");
      part("title").htmlFor = prefix + ":done";
      part("title").textContent = step.title;
      part("title-ref").textContent = ": " + step.title;
      part("at").id = prefix + ":at";
      part("at").dataset.name = S.stepName(step.id, "at");
      part("at-label").htmlFor = prefix + ":at";
      list.appendChild(item);
    });
  }

  function values() {
    return S.documentValues(state, guideById(state.values.guide || ""));
  }

  // What printing shows with the script running: every field with all its text.
  function showPrinted() {
    var filled = values();
    $("printed-date").textContent = S.when(localNow());
    root.querySelectorAll("[data-printed]").forEach(function (slot) {
      slot.textContent = filled[slot.dataset.printed] || "";
    });
  }

  function message(text, isError) {
    var box = $("message");
    box.textContent = text;
    box.classList.toggle("sr-message--error", Boolean(isError));
    box.hidden = false;
  }

  // -- downloads -------------------------------------------------------------------------------
  function fileName(extension) {
    return "incident-record-" + localNow().slice(0, 10) + "." + extension;
  }

  function download(blob, name) {
    StoredRecord.download(blob, name);
    message("Downloaded " + name + ". Keep it in your school’s safeguarding system, then clear this record.");
  }

  function exportJson() {
    download(new Blob([S.exportJson(state, now())], {type: "application/json"}), fileName("json"));
  }

  // The blank document from this site, each blank filled in with the record's text.
  function exportDocument(extension) {
    var link = $("blank-" + extension);
    var labels = {};
    $("blanks").content.querySelectorAll("[data-blank-for]").forEach(function (blank) {
      labels[blank.dataset.blankFor] = blank.textContent;
    });
    message("Making " + fileName(extension) + "…");
    fetch(link.href, {credentials: "same-origin"}).then(function (response) {
      if (!response.ok) throw new Error(link.href + ": " + response.status);
      return response.arrayBuffer();
    }).then(function (bytes) {
      var filled = F.fill(new Uint8Array(bytes), extension, values(), labels, window.fflate);
      download(new Blob([filled], {type: "application/octet-stream"}), fileName(extension));
    }).catch(function (error) {
      console.error(error);
      message("The record could not be made as a ." + extension + " file. Download a JSON copy instead, or print it.", true);
    });
  }

  // -- import and clearing ---------------------------------------------------------------------
  function importFile(event) {
    var input = event.target;
    var file = input.files && input.files[0];
    if (!file) return;
    input.value = "";
    StoredRecord.readImport(file, S.LIMITS.bytes).then(function (text) {
      var result = S.parseImport(text);
      if (result.error) return message(result.error + " Nothing was changed.", true);
      if (!S.hasAny(state)) return applyImport(S.importPlans(state, result.state).replace, file.name);
      askHowToImport(result.state, file.name);
    }).catch(function (error) {
      console.error(error);
      message("This file could not be read. Nothing was changed.", true);
    });
  }

  function askHowToImport(incoming, name) {
    var plans = S.importPlans(state, incoming);
    var dialog = $("import-dialog");
    $("import-file").textContent = name;
    $("import-merge-summary").textContent = summary(plans.merge);
    $("import-replace-summary").textContent = summary(plans.replace);
    dialog.returnValue = "";
    dialog.onclose = function () {
      dialog.onclose = null;
      var choice = dialog.returnValue;
      // Planned again: another tab may have saved while the question was open.
      if (choice === "merge" || choice === "replace") applyImport(S.importPlans(state, incoming)[choice], name);
      else message("The import was cancelled. Nothing was changed.");
      $("import").focus();
    };
    dialog.showModal();
  }

  function summary(plan) {
    var parts = [plan.added + " added", plan.changed + " changed", plan.kept + " kept as they are"];
    if (plan.removed) parts.push(plan.removed + " removed");
    return parts.join(", ") + ".";
  }

  // Imports and clearing store exactly what they show, merging nothing.
  function replaceState(next) {
    state = next;
    if (saving && !store.replace(S.hasAny(state) ? state : null)) notSaving();
    show();
  }

  function applyImport(plan, name) {
    plan.state.saved = now();
    replaceState(plan.state);
    message("Imported " + name + ": " + summary(plan));
  }

  function onClearClosed() {
    if ($("clear-dialog").returnValue !== "clear") return;
    replaceState(S.empty());
    if (saving) $("saved").textContent = "The record was cleared: nothing of it is kept on this device now.";
    message("The record was cleared from this device.");
    $("clear").focus();
  }
})();
