/* Self-review: a school rates itself against every feature and inadequate indicator.
 *
 * Answers live only in this browser's localStorage, keyed by the framework id and each
 * item's stable id. The framework (built from data/ at build time) is fetched as JSON; all
 * markup comes from <template> elements on the page. No dependencies, no network but that one
 * same-origin file.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var tool = document.getElementById("sr-tool");
  if (!tool || !script) return;

  var FORMAT = "esafety-self-review";
  var RATINGS = ["not", "partly", "fully"];
  var FIELDS = ["evidence", "action", "who", "by"];
  var $ = function (id) { return document.getElementById(id); };

  var framework;        // the published framework
  var items = {};       // id -> {item, kind, theme, element}
  var order = [];       // item ids in page order: indicators, then features by theme
  var state;            // {school, saved, items: {id: {rating, evidence, action, who, by}}}
  var storageKey;

  fetch(script.dataset.framework)
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    })
    .then(start)
    .catch(function () { /* the printable checklist stays in place */ });

  // -- words from the page's templates -------------------------------------------------------
  function word(name) {
    return $("sr-words").content.querySelector('[data-word="' + name + '"]').textContent;
  }

  function ratingWord(id, rating) {
    if (!rating) return word("unrated");
    var kind = items[id] ? items[id].kind : "feature";
    var input = $("sr-rating-" + kind).content.querySelector('input[value="' + rating + '"]');
    return input.parentNode.querySelector("[data-word]").textContent;
  }

  function clone(templateId) {
    return $(templateId).content.firstElementChild.cloneNode(true);
  }

  function slot(element, name) {
    return element.querySelector('[data-slot="' + name + '"]');
  }

  function fill(element, name, text) {
    element.querySelectorAll('[data-slot="' + name + '"]').forEach(function (el) { el.textContent = text; });
  }

  // -- start ---------------------------------------------------------------------------------
  function start(data) {
    framework = data;
    storageKey = FORMAT + ":" + framework.id;
    var root = script.dataset.siteRoot || "";
    var sections = $("sr-sections");
    sections.appendChild(section(word("indicators-title"), word("indicators-intro"), framework.indicators, null, root));
    framework.themes.forEach(function (theme) {
      sections.appendChild(section(theme.title, "", theme.items, theme, root));
    });
    state = load();
    show();
    tool.addEventListener("input", onInput);
    tool.addEventListener("change", onInput);
    $("sr-export-csv").addEventListener("click", exportCsv);
    $("sr-export-json").addEventListener("click", exportJson);
    $("sr-import").addEventListener("change", importFile);
    $("sr-print").addEventListener("click", function () { window.print(); });
    $("sr-reset").addEventListener("click", function () {
      $("sr-reset-dialog").returnValue = "";  // Escape leaves the last value in place
      $("sr-reset-dialog").showModal();
    });
    $("sr-reset-dialog").addEventListener("close", onResetClosed);
    $("sr-checklist").hidden = true;
    tool.hidden = false;
    document.documentElement.classList.add("sr-ready");
  }

  function section(title, intro, list, theme, root) {
    var element = clone("sr-section-template");
    slot(element, "title").textContent = title;
    slot(element, "intro").textContent = intro;
    slot(element, "intro").hidden = !intro;
    list.forEach(function (item) {
      var kind = item.kind === "inadequate" ? "inadequate" : "feature";
      var article = itemElement(item, kind, root);
      items[item.id] = {item: item, kind: kind, theme: theme, element: article};
      order.push(item.id);
      slot(element, "items").appendChild(article);
    });
    return element;
  }

  function itemElement(item, kind, root) {
    var article = clone("sr-item-template");
    var prefix = "sr-" + item.id;
    article.id = prefix;
    article.dataset.id = item.id;
    fill(article, "title", item.title);
    fill(article, "title-ref", ": " + item.title);
    slot(article, "text").textContent = item.text;
    slot(article, "link").href = root + item.url;
    var rating = clone("sr-rating-" + kind);
    fill(rating, "title-ref", ": " + item.title);
    rating.querySelectorAll("input").forEach(function (input) {
      input.name = prefix + "-rating";
      input.id = prefix + "-rating-" + input.value;
    });
    slot(article, "rating").appendChild(rating);
    article.querySelectorAll("[data-field]").forEach(function (field) {
      field.id = prefix + "-" + field.dataset.field;
      article.querySelector('[data-for="' + field.dataset.field + '"]').htmlFor = field.id;
    });
    return article;
  }

  // -- state and storage ---------------------------------------------------------------------
  function empty() {
    return {school: "", saved: "", items: {}};
  }

  function load() {
    try {
      var raw = window.localStorage.getItem(storageKey);
      return raw ? normalise(JSON.parse(raw)) : empty();
    } catch (error) {
      return empty();
    }
  }

  function save() {
    state.saved = new Date().toISOString();
    var stored = {format: FORMAT, framework: framework.id, version: framework.version,
                  school: state.school, saved: state.saved, items: state.items};
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(stored));
      $("sr-saved").textContent = "Saved on this device at " + time(new Date(state.saved)) + ".";
    } catch (error) {
      $("sr-saved").textContent = "This browser is not saving your answers. Download a copy before you leave the page.";
    }
  }

  function normalise(data) {
    var result = empty();
    result.school = typeof data.school === "string" ? data.school : "";
    result.saved = typeof data.saved === "string" ? data.saved : "";
    var source = data.items || {};
    Object.keys(source).forEach(function (id) { result.items[id] = record(source[id]); });
    return result;
  }

  function record(data) {
    var result = {rating: RATINGS.indexOf(data.rating) >= 0 ? data.rating : ""};
    FIELDS.forEach(function (name) { result[name] = typeof data[name] === "string" ? data[name] : ""; });
    return result;
  }

  function entry(id) {
    return state.items[id] || record({});
  }

  function hasAnswer(entry) {
    return Boolean(entry.rating) || FIELDS.some(function (name) { return entry[name]; });
  }

  // -- showing the state ---------------------------------------------------------------------
  function show() {
    $("sr-school").value = state.school;
    order.forEach(function (id) {
      var article = items[id].element;
      var current = entry(id);
      article.querySelectorAll('input[type="radio"]').forEach(function (input) {
        input.checked = input.value === current.rating;
      });
      article.querySelectorAll("[data-field]").forEach(function (field) {
        field.value = current[field.dataset.field];
      });
      showRating(id);
    });
    if (state.saved) {
      $("sr-saved").textContent = "Last saved on this device " + longDate(new Date(state.saved)) + " at " + time(new Date(state.saved)) + ".";
    }
    refresh();
  }

  function showRating(id) {
    var article = items[id].element;
    article.dataset.rating = entry(id).rating;
    slot(article, "status").textContent = ratingWord(id, entry(id).rating);
  }

  function onInput(event) {
    var target = event.target;
    if (target.id === "sr-school") {
      state.school = target.value;
    } else {
      var article = target.closest(".sr-item");
      if (!article) return;
      var id = article.dataset.id;
      var current = state.items[id] = entry(id);
      if (target.type === "radio") {
        if (event.type !== "change") return;
        current.rating = target.value;
        showRating(id);
      } else if (target.dataset.field) {
        current[target.dataset.field] = target.value;
      } else {
        return;
      }
    }
    save();
    refresh();
    if (target.type === "radio") {
      var rated = target.closest(".sr-item").dataset.id;
      announce(items[rated].item.title + ": " + ratingWord(rated, target.value) + ". " + $("sr-overall").textContent);
    }
  }

  function announce(text) {
    $("sr-announce").textContent = text;
  }

  function message(text, isError) {
    var box = $("sr-message");
    box.textContent = text;
    box.classList.toggle("sr-message--error", Boolean(isError));
    box.hidden = false;
  }

  // The summary, the action plan and the retired list, all from `state`.
  function refresh() {
    var features = order.filter(function (id) { return items[id].kind === "feature"; });
    var indicators = order.filter(function (id) { return items[id].kind === "inadequate"; });
    var count = function (ids, rating) {
      return ids.filter(function (id) { return entry(id).rating === rating; }).length;
    };
    $("sr-overall").textContent =
      count(features, "fully") + " of " + features.length + " features of good practice fully in place, " +
      count(features, "partly") + " partly in place. " +
      count(indicators, "fully") + " of " + indicators.length + " indicators of inadequate practice dealt with.";

    var rows = $("sr-theme-rows");
    rows.textContent = "";
    framework.themes.forEach(function (theme) {
      var ids = theme.items.map(function (item) { return item.id; });
      var row = clone("sr-theme-row-template");
      slot(row, "title").textContent = theme.title;
      RATINGS.forEach(function (rating) { slot(row, rating).textContent = count(ids, rating); });
      slot(row, "unrated").textContent = count(ids, "");
      rows.appendChild(row);
    });

    var open = indicators.filter(function (id) { return entry(id).rating !== "fully"; });
    list($("sr-open-indicators"), $("sr-open-indicators-none"), open.map(function (id) {
      return {text: items[id].item.title, href: "#sr-" + id, note: "(" + ratingWord(id, entry(id).rating) + ")"};
    }));

    var root = script.dataset.siteRoot || "";
    var unanswered = framework.questions.filter(function (question) {
      return question.probes.some(function (id) { return entry(id).rating !== "fully"; });
    });
    list($("sr-open-questions"), $("sr-open-questions-none"), unanswered.map(function (question) {
      var missing = question.probes.filter(function (id) { return entry(id).rating !== "fully" && items[id]; });
      return {text: question.text, href: root + question.url,
              note: "(" + question.audience + "; depends on: " + missing.map(function (id) {
                return items[id].item.title + ", " + ratingWord(id, entry(id).rating).toLowerCase();
              }).join("; ") + ")"};
    }));

    plan();
    retired();
  }

  function list(element, none, entries) {
    element.textContent = "";
    entries.forEach(function (data) {
      var li = clone("sr-open-item-template");
      slot(li, "link").textContent = data.text;
      slot(li, "link").href = data.href;
      slot(li, "note").textContent = data.note;
      element.appendChild(li);
    });
    element.hidden = entries.length === 0;
    none.hidden = entries.length !== 0;
  }

  // Needs action first: indicators that still apply, then features not fully in place.
  function plan() {
    $("sr-plan-school").textContent = state.school || word("school-unnamed");
    $("sr-plan-date").textContent = longDate(new Date());
    var rank = {not: 0, partly: 1, "": 2};
    var needs = order.filter(function (id) { return entry(id).rating !== "fully"; });
    needs.sort(function (a, b) {
      return (items[a].kind === "inadequate" ? 0 : 3) + rank[entry(a).rating] -
             ((items[b].kind === "inadequate" ? 0 : 3) + rank[entry(b).rating]) ||
             order.indexOf(a) - order.indexOf(b);
    });
    planRows($("sr-plan-action"), needs);
    planRows($("sr-plan-done"), order.filter(function (id) { return entry(id).rating === "fully"; }));
  }

  function planRows(body, ids) {
    body.textContent = "";
    ids.forEach(function (id) {
      var row = clone("sr-plan-row-template");
      var current = entry(id);
      slot(row, "title").textContent = items[id].item.title;
      slot(row, "status").textContent = ratingWord(id, current.rating);
      FIELDS.forEach(function (name) {
        slot(row, name).textContent = name === "by" && current.by ? longDate(new Date(current.by + "T12:00:00")) : current[name];
      });
      body.appendChild(row);
    });
  }

  function retiredIds() {
    return Object.keys(state.items).filter(function (id) { return !items[id] && hasAnswer(state.items[id]); });
  }

  function retired() {
    var ids = retiredIds();
    var ul = $("sr-retired-list");
    ul.textContent = "";
    ids.forEach(function (id) {
      var li = clone("sr-open-item-template");
      var current = state.items[id];
      slot(li, "link").replaceWith(document.createTextNode(id));
      slot(li, "note").textContent = "(" + [ratingWord(id, current.rating)].concat(FIELDS.map(function (name) {
        return current[name];
      }).filter(Boolean)).join("; ") + ")";
      ul.appendChild(li);
    });
    $("sr-retired").hidden = ids.length === 0;
  }

  // -- export and import ---------------------------------------------------------------------
  function exportRecords() {
    var records = order.map(function (id) {
      var info = items[id];
      return Object.assign({id: id, kind: info.kind, theme: info.theme ? info.theme.title : "",
                            title: info.item.title}, entry(id));
    });
    return records.concat(retiredIds().map(function (id) {
      return Object.assign({id: id, kind: "retired", theme: "", title: ""}, state.items[id]);
    }));
  }

  function exportJson() {
    var data = {format: FORMAT, framework: framework.id, framework_title: framework.title,
                version: framework.version, school: state.school, exported: new Date().toISOString(),
                items: exportRecords()};
    download(JSON.stringify(data, null, 2) + "\n", "application/json", "json");
  }

  function exportCsv() {
    var header = ["Id", "Type", "Theme", "Item", "Rating", "Evidence", "Next action", "Who", "By when"];
    var rows = exportRecords().map(function (r) {
      return [r.id, word(r.kind === "inadequate" ? "indicator" : r.kind), r.theme, r.title,
              ratingWord(r.id, r.rating), r.evidence, r.action, r.who, r.by];
    });
    var text = [header].concat(rows).map(function (row) {
      return row.map(csvCell).join(",");
    }).join("\r\n") + "\r\n";
    // The byte-order mark makes Excel read the file as UTF-8.
    download("\ufeff" + text, "text/csv;charset=utf-8", "csv");
  }

  // Quoted; and a note that starts like a formula (=, +, @) gets a leading apostrophe so that
  // Excel shows it as text rather than running it.
  function csvCell(value) {
    var text = String(value);
    if (/^[=+@\t\r]/.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }

  function download(text, type, extension) {
    var link = document.createElement("a");
    var slug = (state.school || "school").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "school";
    link.href = URL.createObjectURL(new Blob([text], {type: type}));
    link.download = "self-review-" + slug + "-" + new Date().toISOString().slice(0, 10) + "." + extension;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    message("Downloaded " + link.download + ".");
  }

  function importFile(event) {
    var input = event.target;
    var file = input.files && input.files[0];
    if (!file) return;
    file.text().then(function (text) {
      var result = parseExport(text);
      input.value = "";
      if (result.error) {
        message(result.error + " Nothing was changed.", true);
        return;
      }
      state = result.state;
      save();
      show();
      var retiredNow = retiredIds();
      message("Imported " + file.name + ": answers for " + Object.keys(state.items).filter(function (id) {
        return items[id] && hasAnswer(state.items[id]);
      }).length + " items." + (retiredNow.length ? " " + retiredNow.length +
        " item(s) in the file are no longer in the framework and are listed under “Answers for items no longer in the framework”: " +
        retiredNow.join(", ") + "." : ""));
    });
  }

  // An export of this framework, or {error}; never a partial result.
  function parseExport(text) {
    var data;
    try {
      data = JSON.parse(text.replace(/^\ufeff/, ""));
    } catch (error) {
      return {error: "This file is not a self-review copy: it is not valid JSON."};
    }
    if (!data || typeof data !== "object" || data.format !== FORMAT || !Array.isArray(data.items)) {
      return {error: "This file is not a self-review copy downloaded from this page."};
    }
    if (data.framework !== framework.id) {
      return {error: "This file is a self-review against a different framework (“" + String(data.framework) +
                     "”), not " + framework.title + "."};
    }
    var result = empty();
    result.school = typeof data.school === "string" ? data.school : "";
    for (var i = 0; i < data.items.length; i++) {
      var r = data.items[i];
      var bad = !r || typeof r !== "object" || typeof r.id !== "string" || !r.id ||
        (r.rating && RATINGS.indexOf(r.rating) < 0) ||
        FIELDS.some(function (name) { return r[name] !== undefined && typeof r[name] !== "string"; });
      if (bad) return {error: "This file is damaged: item " + (i + 1) + " is not a valid answer."};
      result.items[r.id] = record(r);
    }
    return {state: result};
  }

  function onResetClosed() {
    if ($("sr-reset-dialog").returnValue !== "clear") return;
    state = empty();
    try { window.localStorage.removeItem(storageKey); } catch (error) { /* nothing stored */ }
    show();
    $("sr-saved").textContent = "All answers were cleared from this device.";
    message("All answers were cleared from this device.");
    $("sr-reset").focus();
  }

  // -- dates ---------------------------------------------------------------------------------
  function longDate(date) {
    return date.toLocaleDateString("en-GB", {day: "numeric", month: "long", year: "numeric"});
  }

  function time(date) {
    return date.toLocaleTimeString("en-GB", {hour: "2-digit", minute: "2-digit"});
  }
})();
