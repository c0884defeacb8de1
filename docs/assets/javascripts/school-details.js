/* Your school's details: the form that keeps them (on templates/your-school/), and every
 * template download on the templates' pages filled in with them.
 *
 * The details are a record kept in this browser's localStorage through StoredRecord
 * (school-details-state.js says what it holds); the filling is school-details-fill.js with the
 * vendored fflate. A download link (into downloads/) is filled only when some detail is
 * entered: the script fetches the blank file from this site, fills it in and offers the result
 * as a file to save. Nothing is sent anywhere. Without this script the links are the blank files.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !window.StoredRecord || !window.SchoolDetailsState || !window.SchoolDetailsFill || !window.fflate) return;

  var S = window.SchoolDetailsState;
  var F = window.SchoolDetailsFill;
  var $ = function (id) { return document.getElementById(id); };
  var EXTENSIONS = ["docx", "odt", "md", "zip"];

  var store = S.open(window.StoredRecord);
  var state = store.load() || S.empty();  // this tab's details
  var saving = true;                      // false once this browser has refused to keep them
  var vocabulary = null;                  // the published placeholders, fetched when first needed

  function now() {
    return new Date().toISOString();
  }

  // -- the form --------------------------------------------------------------------------------
  var form = $("sd-form");
  if (form) {
    $("sd-needs-script").hidden = true;
    form.hidden = false;
    if (!store.available()) notSaving();
    showForm();
    form.addEventListener("input", onInput);
    $("sd-clear").addEventListener("click", function () {
      $("sd-clear-dialog").returnValue = "";  // Escape leaves the last value in place
      $("sd-clear-dialog").showModal();
    });
    $("sd-clear-dialog").addEventListener("close", onClearClosed);
  }

  function fields() {
    return form ? Array.prototype.slice.call(form.querySelectorAll("input[name]")) : [];
  }

  // Sets only what differs, so that a change from another tab leaves the caret where it is.
  function showForm() {
    fields().forEach(function (input) {
      var value = state.values[input.name] || "";
      if (input.value !== value) input.value = value;
    });
  }

  function onInput(event) {
    var input = event.target;
    if (!input.name || !S.set(state, input.name, input.value, now())) return;
    state.saved = now();
    if (!saving) return showFilling();
    var result = store.save(state);
    state = result.record;
    if (result.saved) $("sd-saved").textContent = "Saved on this device at " + time(new Date(state.saved)) + ".";
    else notSaving();
    showForm();
    showFilling();
  }

  // Said at once, and nothing on the page claims otherwise from then on.
  function notSaving() {
    saving = false;
    if (!form) return;
    $("sd-not-saving").hidden = false;
    $("sd-saved").textContent = "Not saved: this browser keeps nothing. Your details fill in the downloads on this page until you leave it.";
  }

  function onClearClosed() {
    if ($("sd-clear-dialog").returnValue !== "clear") return;
    state = S.empty();
    if (saving && !store.replace(null)) notSaving();
    showForm();
    showFilling();
    if (saving) $("sd-saved").textContent = "Cleared: nothing is kept on this device now.";
    $("sd-clear").focus();
  }

  function time(date) {
    return date.toLocaleTimeString("en-GB", {hour: "2-digit", minute: "2-digit"});
  }

  // Another tab (this form, or the self-review's school name) saved or cleared.
  store.subscribe(function (record) {
    if (!saving) return;
    state = record || S.empty();
    showForm();
    showFilling();
  });

  // -- the downloads ---------------------------------------------------------------------------
  var filling = $("sd-filling");

  function showFilling() {
    if (!filling) return;
    var school = (state.values[S.SCHOOL] || "").trim();
    filling.hidden = !F.anyFilled(state.values);
    filling.textContent = filling.hidden ? "" : "The downloads on this page come filled in with your school's details" +
      (school ? ", for " + school : "") + ".";
  }
  showFilling();

  function downloadExtension(link) {
    var url = new URL(link.href, document.baseURI);
    if (url.origin !== location.origin || !/\/downloads\/[^/]+$/.test(url.pathname)) return "";
    var extension = url.pathname.split(".").pop();
    return EXTENSIONS.indexOf(extension) >= 0 ? extension : "";
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href]") : null;
    if (!link || event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    var extension = downloadExtension(link);
    if (!extension || !F.anyFilled(state.values)) return;
    event.preventDefault();
    fillAndSave(link, extension, state.values);
  });

  function fetchBytes(url) {
    return fetch(url, {credentials: "same-origin"}).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status);
      return response.arrayBuffer();
    });
  }

  function labels() {
    if (!vocabulary) {
      vocabulary = fetch(script.dataset.placeholders).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(function (data) {
        var result = {};
        Object.keys(data).forEach(function (name) { result[name] = data[name].blank; });
        return result;
      });
      vocabulary.catch(function () { vocabulary = null; });  // try again next time
    }
    return vocabulary;
  }

  function fillAndSave(link, extension, values) {
    var name = decodeURIComponent(new URL(link.href, document.baseURI).pathname.split("/").pop());
    say("Filling in " + name + " with your school's details…");
    Promise.all([fetchBytes(link.href), labels()]).then(function (results) {
      var filled = F.fill(new Uint8Array(results[0]), extension, values, results[1], window.fflate);
      save(new Blob([filled], {type: link.type || "application/octet-stream"}), name);
      say(name + " is filled in with your school's details and downloaded.");
    }).catch(function (error) {
      console.error(error);
      say(name + " could not be filled in, so this is the blank template.");
      window.location.href = link.href;
    });
  }

  function say(text) {
    if (!filling) return;
    filling.hidden = false;
    filling.textContent = text;
  }

  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }
})();
