/* The training record page: the DOM layer.
 *
 * The record as data is training-record-state.js (TrainingRecordState); keeping it in this
 * browser's localStorage, shared with the page's other open tabs, is stored-record.js. The roles,
 * their training and its intervals come from school-year/duties.json on this site, made from
 * data/duties.yml. All markup is on the page (its fields, and a <template> for a person). Nothing
 * is sent anywhere. Without this script the page shows what each role needs and how often.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var form = document.getElementById("tr-form");
  if (!script || !form || !window.StoredRecord || !window.TrainingRecordState) return;

  var T = window.TrainingRecordState;
  var $ = function (id) { return document.getElementById("tr-" + id); };

  var store = T.open();
  var state = store.load() || T.empty();
  var saving = true;
  var data = null;

  function now() {
    return new Date().toISOString();
  }

  var today = window.SchoolYearState.localToday;
  var longDate = window.SchoolYearState.longDate;

  fetch(script.dataset.duties, {credentials: "same-origin"}).then(function (response) {
    if (!response.ok) throw new Error(response.status + " " + response.statusText);
    return response.json();
  }).then(function (loaded) {
    data = {roles: Array.isArray(loaded.roles) ? loaded.roles : []};
    $("needs-script").hidden = true;
    form.hidden = false;
    if (!store.available()) notSaving();
    if (state.newer) $("newer").hidden = false;
    else if (state.saved) $("saved").textContent = "Last saved on this device on " + longDate(state.saved.slice(0, 10)) + ".";
    $("add").addEventListener("click", addPerson);
    $("people").addEventListener("input", onInput);
    $("people").addEventListener("click", onClick);
    $("export-json").addEventListener("click", exportJson);
    $("export-csv").addEventListener("click", exportCsv);
    $("export-docx").addEventListener("click", function () { exportDocument("docx"); });
    $("export-odt").addEventListener("click", function () { exportDocument("odt"); });
    $("import").addEventListener("change", importFile);
    $("clear").addEventListener("click", clearRecord);
    store.subscribe(function (record) {
      if (!saving) return;
      state = record || T.empty();
      if (state.newer) $("newer").hidden = false;
      show();
    });
    show();
  }).catch(function (error) {
    console.error("The training record could not load its roles.", error);
  });

  // -- storage ---------------------------------------------------------------------------------
  function save() {
    state.saved = now();
    if (saving && !state.newer) {
      var result = store.save(state);
      state = result.record;
      if (result.saved) $("saved").textContent = "Saved on this device at " + new Date(state.saved).toLocaleTimeString("en-GB") + ".";
      else notSaving();
    }
    show();
  }

  function notSaving() {
    saving = false;
    $("not-saving").hidden = false;
    $("saved").textContent = "Not saved: this browser is not keeping your record on this device.";
  }

  function message(text, isError) {
    $("message").textContent = text;
    $("message").classList.toggle("tr-message--error", Boolean(isError));
  }

  // -- editing ---------------------------------------------------------------------------------
  function addPerson() {
    var personName = $("new-name").value.trim();
    if (!personName) {
      message("Enter a name or initials for the person first.", true);
      $("new-name").focus();
      return;
    }
    var key = T.newKey();
    T.set(state, T.name(key, "name"), personName, now());
    T.set(state, T.name(key, "role"), $("new-role").value, now());
    $("new-name").value = "";
    message("Added " + personName + ".");
    save();
  }

  function onInput(event) {
    var field = event.target.dataset && event.target.dataset.name;
    if (field && T.set(state, field, event.target.value, now())) save();
  }

  function onClick(event) {
    var button = event.target.closest("[data-remove]");
    if (!button) return;
    var key = button.dataset.remove;
    var personName = state.values[T.name(key, "name")] || "";
    // Every value emptied: a removal merges with other tabs like any edit.
    Object.keys(state.values).forEach(function (field) {
      if (field.indexOf(T.name(key, "")) === 0) T.set(state, field, "", now());
    });
    message("Removed " + personName + " from the record.");
    save();
    $("new-name").focus();
  }

  // -- showing the record ----------------------------------------------------------------------
  // Built again only when the people or their roles change, so that typing keeps its caret;
  // otherwise each field is set only where it differs.
  var shownPeople = null;

  function show() {
    var day = today();
    var list = T.people(data, state);
    var signature = JSON.stringify(list.map(function (p) { return [p.key, p.roleId]; }));
    if (signature !== shownPeople) {
      shownPeople = signature;
      buildPeople(list);
    }
    $("people-none").hidden = list.length > 0;
    list.forEach(function (person) {
      var section = document.getElementById("tr-person-" + person.key);
      section.querySelector('[data-part="heading"]').textContent = (person.name || "(no name)") + ": " +
        (person.role ? person.role.label : "a role this site no longer lists");
      section.querySelectorAll("[data-name]").forEach(function (input) {
        var value = state.values[input.dataset.name] || "";
        if (input.value !== value) input.value = value;
      });
      showRows(section, person, day);
    });
    showDue(day);
  }

  function buildPeople(list) {
    var box = $("people");
    box.textContent = "";
    list.forEach(function (person) {
      var section = $("person-template").content.firstElementChild.cloneNode(true);
      var part = function (name) { return section.querySelector('[data-part="' + name + '"]'); };
      var id = "tr-person-" + person.key;
      section.id = id;
      part("heading").id = id + "-heading";
      section.setAttribute("aria-labelledby", id + "-heading");
      part("name").id = id + "-name";
      part("name").dataset.name = T.name(person.key, "name");
      part("name-label").htmlFor = id + "-name";
      part("remove").dataset.remove = person.key;
      part("caption").textContent = "Training for this person";
      if (!person.role) {
        part("role-missing").hidden = false;
        part("role-missing").textContent = "This person's role (" + person.roleId + ") is no longer listed on this site. " +
          "Their dates are kept: remove them and add them again under a current role.";
      }
      box.appendChild(section);
    });
  }

  function statusText(row) {
    return T.statusText(row, longDate);
  }

  function showRows(section, person, day) {
    var body = section.querySelector('[data-part="rows"]');
    var rows = T.training(data, state, person, day);
    var signature = rows.map(function (row) { return row.training.id; }).join(" ");
    if (body.dataset.shown !== signature) {
      body.dataset.shown = signature;
      body.textContent = "";
      rows.forEach(function (row) {
        var id = "tr-person-" + person.key + "-" + row.training.id;
        var tr = document.createElement("tr");
        var title = document.createElement("th");
        title.scope = "row";
        var label = document.createElement("label");
        label.htmlFor = id;
        label.textContent = row.training.title;
        title.appendChild(label);
        var last = document.createElement("td");
        var input = document.createElement("input");
        input.type = "date";
        input.id = id;
        input.dataset.name = T.trainingName(person.key, row.training.id);
        last.appendChild(input);
        var next = document.createElement("td");
        next.dataset.part = "status";
        tr.append(title, last, next);
        body.appendChild(tr);
      });
    }
    Array.prototype.forEach.call(body.rows, function (tr, index) {
      var row = rows[index];
      tr.dataset.training = row.training.id;
      tr.dataset.status = row.status;
      var input = tr.querySelector("input");
      var value = state.values[input.dataset.name] || "";
      if (input.value !== value) input.value = value;
      var cell = tr.querySelector('[data-part="status"]');
      cell.textContent = "";
      var target = row.status === "overdue" || row.status === "invalid" ? cell.appendChild(document.createElement("strong")) : cell;
      target.textContent = statusText(row);
    });
  }

  function showDue(day) {
    var list = $("due");
    list.textContent = "";
    var due = T.dueList(data, state, day);
    $("due-none").hidden = due.length > 0;
    due.forEach(function (entry) {
      var item = document.createElement("li");
      item.dataset.status = entry.row.status;
      item.textContent = T.dueLine(entry, longDate);
      list.appendChild(item);
    });
  }

  // -- copies ----------------------------------------------------------------------------------
  function download(blob, fileName) {
    StoredRecord.download(blob, fileName);
    message("Downloaded " + fileName + ".");
  }

  function exportJson() {
    download(new Blob([T.exportJson(state, now())], {type: "application/json"}), "training-record-" + today() + ".json");
  }

  function exportCsv() {
    download(new Blob([T.exportCsv(data, state, today())], {type: "text/csv;charset=utf-8"}), "training-record-" + today() + ".csv");
  }

  // A script of this site's, added to the page the first time a document is asked for: the
  // document filling weighs more than the rest of the page, and most visits never need it.
  function load(src) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = src;
      tag.onload = resolve;
      tag.onerror = function () { reject(new Error(src + " did not load")); };
      document.head.appendChild(tag);
    });
  }

  var filling = null;

  // The blank document from this site, each blank filled in with the record, as the incident record's.
  function exportDocument(extension) {
    var fileName = "training-record-" + today() + "." + extension;
    var labels = {};
    $("blanks").content.querySelectorAll("[data-blank-for]").forEach(function (blank) {
      labels[blank.dataset.blankFor] = blank.textContent;
    });
    var school = window.SchoolDetailsState ? (SchoolDetailsState.open(StoredRecord).load() || SchoolDetailsState.empty()).values[SchoolDetailsState.SCHOOL] || "" : "";
    var values = T.documentValues(data, state, today(), school, longDate);
    message("Making " + fileName + "…");
    filling = filling || load(script.dataset.fflate).then(function () { return load(script.dataset.fill); });
    filling.then(function () {
      return fetch($("blank-" + extension).href, {credentials: "same-origin"});
    }).then(function (response) {
      if (!response.ok) throw new Error(response.url + ": " + response.status);
      return response.arrayBuffer();
    }).then(function (bytes) {
      var filled = window.SchoolDetailsFill.fill(new Uint8Array(bytes), extension, values, labels, window.fflate);
      download(new Blob([filled], {type: "application/octet-stream"}), fileName);
    }).catch(function (error) {
      console.error(error);
      filling = null;
      message("The record could not be made as a ." + extension + " file. Download a CSV or JSON copy instead.", true);
    });
  }

  // Everything removed from this device, once the reader says so; a newer page's record is left alone.
  function clearRecord() {
    if (state.newer) return message("This page cannot change a record saved by a newer version of it: reload the page first.", true);
    if (!window.confirm("Clear the whole training record from this device? Download a copy first if you want to keep it.")) return;
    state = T.empty();
    if (saving && !store.replace(null)) notSaving();
    message("The record was cleared: nothing of it is kept on this device now.");
    show();
  }

  function importFile(event) {
    var input = event.target;
    var file = input.files && input.files[0];
    if (!file) return;
    input.value = "";
    StoredRecord.readImport(file, T.LIMITS.bytes).then(function (text) {
      var result = T.parseImport(text, now());
      if (result.error) return message(result.error + " Nothing was changed.", true);
      if (state.newer) return message("This page cannot change a record saved by a newer version of it: reload the page first. Nothing was changed.", true);
      var absorbed = T.absorb(state, result.state, now());
      state = absorbed.state;
      save();
      message("Imported " + file.name + ": " + absorbed.changed + (absorbed.changed === 1 ? " entry" : " entries") + " added or changed.");
    }).catch(function (error) {
      console.error(error);
      message("This file could not be read. Nothing was changed.", true);
    });
  }
})();
