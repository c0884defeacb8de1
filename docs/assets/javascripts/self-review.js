/* Self-review: a school rates itself against the items a framework's self_review: rates (the
 * 2012 briefing's features and inadequate indicators, or every item of a current framework),
 * with that framework's own fields per item and once per review. Every review's JSON has one
 * shape (esafety_portal/self_review.py: review); the page's words say what differs.
 *
 * The page's DOM layer. The answers as data (merging, import, export, CSV) are in
 * self-review-state.js (SelfReviewState); keeping them in this browser's localStorage, shared
 * with the page's other open tabs, is stored-record.js (StoredRecord). The framework (built
 * from data/ at build time) is fetched as JSON; all markup comes from <template> elements on
 * the page. No dependencies, no network but that one same-origin file. The school name is
 * shared with the templates' "Your school's details" (school-details-state.js): see shareSchool.
 * A framework reviewed once per thing (`per`, such as each AI product) keeps one record per
 * thing (self-review-records.js, SelfReviewRecords): `state` is then the record shown.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var tool = document.getElementById("sr:tool");
  if (!tool || !script) return;

  var S = window.SelfReviewState;
  var FIELDS = S.FIELDS;
  // The tool's own element ids, in a namespace no data id or heading anchor can take (those are
  // lower-case letters, digits, hyphens and underscores): "sr:" + a name, and "sr:item:<id>..."
  // for an item's elements, so that an item `words` or a heading "sr words" clashes with nothing.
  var NS = "sr:";
  var $ = function (name) { return document.getElementById(NS + name); };

  var framework;        // the published framework
  var items = new Map(); // id -> {item, scale, theme, element}, for the framework's items
  var order = [];       // item ids in page order: indicators, then features by theme
  var state;            // see self-review-state.js
  var store;            // see stored-record.js
  var details;          // the templates' school details (school-details-state.js), if loaded
  var saving = true;    // false once this browser has refused to keep the answers
  var undo = null;      // {state, word}: the answers before the last import, clearing or deletion
  var W = S;            // what imports, exports, undoes and clears the whole: S, or R for a `per` review
  var R = window.SelfReviewRecords;  // loaded on a `per` review's page only
  var book = null;      // a `per` review's records (self-review-records.js); null for any other
  var shownKey = null;  // the key of the record shown, in `book`

  fetch(script.dataset.framework)
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    })
    .then(start)
    .catch(function (error) {
      console.error(error);  // the printable checklist stays in place
    });

  // -- words from the page's templates -------------------------------------------------------
  function word(name) {
    return $("words").content.querySelector('[data-word="' + name + '"]').textContent;
  }

  // A kind of item in words: the page's own word for it, else the kind the framework names.
  function kindWord(kind) {
    var known = $("words").content.querySelector('[data-word="kind:' + kind + '"]');
    return known ? known.textContent : kind.charAt(0).toUpperCase() + kind.slice(1);
  }

  function ratingWord(id, rating) {
    if (!rating) return word("unrated");
    var scale = items.get(id) ? items.get(id).scale : "in-place";
    var input = $("rating-" + scale).content.querySelector('input[value="' + rating + '"]');
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
    var root = script.dataset.siteRoot || "";
    var sections = $("sections");
    if (framework.indicators.length) {
      sections.appendChild(section(word("indicators-title"), word("indicators-intro"), framework.indicators, null, root));
    }
    framework.themes.forEach(function (theme) {
      sections.appendChild(section(theme.title, "", theme.items, theme, root));
    });
    if (framework.per) W = R;
    store = StoredRecord.open({
      key: S.FORMAT + ":" + framework.id,
      read: function (data) { return W.fromStored(data, framework); },
      write: function (record) { return W.toStored(record, framework); },
      merge: W.merge
    });
    adopt(store.load());
    if (window.SchoolDetailsState) details = SchoolDetailsState.open(StoredRecord);
    shareSchool();
    show();
    if (state.saved) {
      $("saved").textContent = "Last saved on this device " + longDate(new Date(state.saved)) + " at " + time(new Date(state.saved)) + ".";
    }
    showFrameworkChanges(S.frameworkChanges(state, framework));
    if (!store.available()) notSaving();
    store.subscribe(onStoredElsewhere);
    if (details) details.subscribe(function () { if (saving) { shareSchool(); show(); } });
    tool.addEventListener("input", onInput);
    tool.addEventListener("change", onInput);
    $("export-csv").addEventListener("click", exportCsv);
    $("export-json").addEventListener("click", exportJson);
    $("not-saving-download").addEventListener("click", exportJson);
    $("import").addEventListener("change", importFile);
    $("undo").addEventListener("click", onUndo);
    $("print").addEventListener("click", function () { window.print(); });
    $("reset").addEventListener("click", function () {
      $("reset-dialog").returnValue = "";  // Escape leaves the last value in place
      $("reset-dialog").showModal();
    });
    $("reset-dialog").addEventListener("close", onResetClosed);
    if (book) startRecords();
    $("checklist").hidden = true;
    tool.hidden = false;
    document.documentElement.classList.add("sr-ready");
  }

  function section(title, intro, list, theme, root) {
    var element = clone("section-template");
    slot(element, "title").textContent = title;
    slot(element, "intro").textContent = intro;
    slot(element, "intro").hidden = !intro;
    list.forEach(function (item) {
      // The scale it is rated on, from its framework's file (kinds: rating:): in place unless given.
      var scale = item.scale || "in-place";
      var article = itemElement(item, scale, root);
      items.set(item.id, {item: item, scale: scale, theme: theme, element: article});
      order.push(item.id);
      slot(element, "items").appendChild(article);
    });
    return element;
  }

  // An item's text as the page shows it (Markdown made into bold, italic and links by the site
  // build, in the checklist below the tool): a copy of those nodes, so the script makes no markup.
  // The plain text if the page has none.
  function showText(target, item) {
    var rendered = document.querySelector('[data-item-text="' + CSS.escape(item.id) + '"]');
    if (rendered) {
      target.replaceChildren.apply(target, Array.from(rendered.cloneNode(true).childNodes));
    } else {
      target.textContent = item.text;
    }
  }

  function itemElement(item, scale, root) {
    var article = clone("item-template");
    var prefix = NS + "item:" + item.id;
    article.id = prefix;
    article.dataset.id = item.id;
    fill(article, "title", item.title);
    fill(article, "title-ref", ": " + item.title);
    showText(slot(article, "text"), item);
    slot(article, "link").href = root + item.url;
    var rating = clone("rating-" + scale);
    fill(rating, "title-ref", ": " + item.title);
    rating.querySelectorAll("input").forEach(function (input) {
      input.name = prefix + ":rating";
      input.id = prefix + ":rating:" + input.value;
    });
    slot(article, "rating").appendChild(rating);
    article.querySelectorAll("[data-field]").forEach(function (field) {
      field.id = prefix + ":" + field.dataset.field;
      article.querySelector('[data-for="' + field.dataset.field + '"]').htmlFor = field.id;
      var hint = article.querySelector('[data-hint="' + field.dataset.field + '"]');
      if (hint) {
        hint.id = field.id + ":hint";
        field.setAttribute("aria-describedby", hint.id);
      }
    });
    return article;
  }

  // -- state and storage ---------------------------------------------------------------------
  function entry(id) {
    return Object.assign(S.blank(framework), state.items.get(id) || {});
  }

  // The fields filled in once per review (the framework's review_fields), kept as the answer
  // under the framework's own id.
  function reviewFields() {
    return tool.querySelectorAll("[data-review-field]");
  }

  function now() {
    return new Date().toISOString();
  }

  // Every change is saved at once, merged with whatever another tab saved meanwhile.
  function save() {
    state.saved = now();
    var result = store.save(whole());
    adopt(result.record);
    if (result.saved) $("saved").textContent = "Saved on this device at " + time(new Date(state.saved)) + ".";
    else notSaving();
    show();
  }

  // Said at once, and nothing on the page claims otherwise from then on.
  function notSaving() {
    saving = false;
    $("not-saving").hidden = false;
    $("saved").textContent = word("not-saving");
  }

  // Another tab saved, imported or cleared: it saved every change as it was made, so what is
  // stored now is the whole truth for this tab too.
  function onStoredElsewhere(record) {
    if (!saving) return;
    adopt(record);
    show();
  }

  // -- showing the state ---------------------------------------------------------------------
  // Sets only what differs, so that a change from another tab leaves the caret where it is.
  function show() {
    if (book) showRecords();
    setValue($("school"), state.school);
    reviewFields().forEach(function (field) { setValue(field, entry(framework.id)[field.dataset.reviewField]); });
    order.forEach(function (id) {
      var article = items.get(id).element;
      var current = entry(id);
      article.querySelectorAll('input[type="radio"]').forEach(function (input) {
        if (input.checked !== (input.value === current.rating)) input.checked = input.value === current.rating;
      });
      article.querySelectorAll("[data-field]").forEach(function (field) {
        setValue(field, current[field.dataset.field]);
      });
      showRating(id);
    });
    refresh();
  }

  // One school name for the self-review and the templates' details: whichever was changed last
  // wins, both ways, when the page opens, when the name is typed and when another tab changes
  // the details. Taken from the details only into this page (saved with the next change); given to
  // them at once, as the reader asked this browser to keep it. Imports, clearing and undoing
  // change the self-review's own record only: the templates' details have their own clearing.
  function shareSchool() {
    if (!details) return;
    var D = window.SchoolDetailsState;
    var record = details.load() || D.empty();
    var theirs = record.modified[D.SCHOOL] || "";
    var mine = state.schoolModified || "";
    if (D.SCHOOL in record.values && theirs > mine) {
      state.school = record.values[D.SCHOOL];
      state.schoolModified = theirs;
    } else if (saving && mine > theirs && D.set(record, D.SCHOOL, state.school, mine)) {
      details.save(record);
    }
  }

  function setValue(field, value) {
    if (field.value !== value) field.value = value;
  }

  function showRating(id) {
    var article = items.get(id).element;
    article.dataset.rating = entry(id).rating;
    slot(article, "status").textContent = ratingWord(id, entry(id).rating);
  }

  function onInput(event) {
    var target = event.target;
    var changed;
    if (book && recordInput(event)) return;
    if (target.id === NS + "school") {
      changed = S.setSchool(state, target.value, now());
    } else if (target.dataset.reviewField) {
      changed = S.setAnswer(state, framework.id, target.dataset.reviewField, target.value, now());
    } else {
      var article = target.closest(".sr-item");
      if (!article) return;
      var id = article.dataset.id;
      if (target.type === "radio") {
        if (event.type !== "change") return;
        changed = S.setAnswer(state, id, "rating", target.value, now());
      } else if (target.dataset.field) {
        changed = S.setAnswer(state, id, target.dataset.field, target.value, now());
      } else {
        return;
      }
    }
    if (!changed) return;
    if (saving) save(); else show();
    if (target.id === NS + "school") shareSchool();
    if (target.type === "radio") {
      var rated = target.closest(".sr-item").dataset.id;
      announce(items.get(rated).item.title + ": " + ratingWord(rated, target.value) + ". " + $("overall").textContent);
    }
  }

  function showFrameworkChanges(changes) {
    if (!changes) return;
    var title = function (id) { return items.get(id).item.title; };
    var lines = [];
    if (changes.added.length) lines.push(word("changed-added") + " " + changes.added.map(title).join("; ") + ".");
    if (changes.reworded.length) lines.push(word("changed-reworded") + " " + changes.reworded.map(title).join("; ") + ".");
    if (changes.retired.length) lines.push(word("changed-retired") + " " + changes.retired.join("; ") + ".");
    var list = $("changed-list");
    lines.forEach(function (line) {
      var li = document.createElement("li");
      li.textContent = line;
      list.appendChild(li);
    });
    $("changed").hidden = lines.length === 0;
  }

  function announce(text) {
    $("announce").textContent = text;
  }

  function message(text, isError) {
    var box = $("message");
    box.textContent = text;
    box.classList.toggle("sr-message--error", Boolean(isError));
    box.hidden = false;
  }

  // The summary, the action plan and the retired list, all from `state`.
  function refresh() {
    var features = order.filter(function (id) { return items.get(id).scale === "in-place"; });
    var indicators = order.filter(function (id) { return items.get(id).scale === "dealt-with"; });
    var count = function (ids, rating) {
      return ids.filter(function (id) { return entry(id).rating === rating; }).length;
    };
    $("overall").textContent =
      count(features, "fully") + " of " + features.length + " " + word("items-counted") + " fully in place, " +
      count(features, "partly") + " partly in place." + (indicators.length ? " " +
      count(indicators, "fully") + " of " + indicators.length + " " + word("indicators-counted") + " dealt with." : "");

    var rows = $("theme-rows");
    rows.textContent = "";
    framework.themes.forEach(function (theme) {
      var ids = theme.items.map(function (item) { return item.id; });
      var row = clone("theme-row-template");
      slot(row, "title").textContent = theme.title;
      S.RATINGS.forEach(function (rating) { slot(row, rating).textContent = count(ids, rating); });
      slot(row, "unrated").textContent = count(ids, "");
      rows.appendChild(row);
    });

    plan();
    retired();
    if ($("open-indicators")) openIndicators(indicators);
    if ($("open-questions")) openQuestions();
  }

  // The summary's lists (where the review has indicators, and questions): what still needs doing.
  function openIndicators(indicators) {
    var open = indicators.filter(function (id) { return entry(id).rating !== "fully"; });
    list($("open-indicators"), $("open-indicators-none"), open.map(function (id) {
      return {text: items.get(id).item.title, href: "#" + NS + "item:" + id, note: "(" + ratingWord(id, entry(id).rating) + ")"};
    }));
  }

  function openQuestions() {
    var root = script.dataset.siteRoot || "";
    var unanswered = framework.questions.filter(function (question) {
      return question.probes.some(function (id) { return entry(id).rating !== "fully"; });
    });
    list($("open-questions"), $("open-questions-none"), unanswered.map(function (question) {
      var missing = question.probes.filter(function (id) { return entry(id).rating !== "fully" && items.get(id); });
      return {item: question, href: root + question.url,
              note: "(" + question.audience + "; depends on: " + missing.map(function (id) {
                return items.get(id).item.title + ", " + ratingWord(id, entry(id).rating).toLowerCase();
              }).join("; ") + ")"};
    }));
  }

  function list(element, none, entries) {
    element.textContent = "";
    entries.forEach(function (data) {
      var li = clone("open-item-template");
      if (data.item) {
        showText(slot(li, "link"), data.item);
      } else {
        slot(li, "link").textContent = data.text;
      }
      slot(li, "link").href = data.href;
      slot(li, "note").textContent = data.note;
      element.appendChild(li);
    });
    element.hidden = entries.length === 0;
    none.hidden = entries.length !== 0;
  }

  // Needs action first: indicators that still apply, then features not fully in place.
  function plan() {
    $("plan-school").textContent = state.school || word("school-unnamed");
    $("plan-date").textContent = longDate(new Date());
    if (book) $("plan-subject").textContent = recordName(shownKey);
    var rank = {not: 0, partly: 1, "": 2};
    var needs = order.filter(function (id) { return entry(id).rating !== "fully"; });
    needs.sort(function (a, b) {
      return (items.get(a).scale === "dealt-with" ? 0 : 3) + rank[entry(a).rating] -
             ((items.get(b).scale === "dealt-with" ? 0 : 3) + rank[entry(b).rating]) ||
             order.indexOf(a) - order.indexOf(b);
    });
    planRows($("plan-action"), needs);
    if ($("plan-done")) planRows($("plan-done"), order.filter(function (id) { return entry(id).rating === "fully"; }));
    if ($("plan-items")) planItems($("plan-items"));
    tool.querySelectorAll("[data-review-slot]").forEach(function (slotted) {
      var field = tool.querySelector('[data-review-field="' + slotted.dataset.reviewSlot + '"]');
      slotted.textContent = shown(field, entry(framework.id)[slotted.dataset.reviewSlot]) || word("not-given");
    });
  }

  // A value as printed: dates in words, the rest as written.
  function shown(field, value) {
    return field && field.type === "date" && value ? longDate(new Date(value + "T12:00:00")) : value;
  }

  // The record for governors: every item with every field, in page order.
  function planItems(container) {
    container.textContent = "";
    order.forEach(function (id) {
      var section = clone("plan-item-template");
      var current = entry(id);
      var fields = items.get(id).element;
      slot(section, "title").textContent = items.get(id).item.title;
      slot(section, "status").textContent = ratingWord(id, current.rating);
      S.fieldNames(framework).forEach(function (name) {
        var target = slot(section, name);
        if (target) target.textContent = shown(fields.querySelector('[data-field="' + name + '"]'), current[name]) || "–";
      });
      container.appendChild(section);
    });
  }

  function planRows(body, ids) {
    body.textContent = "";
    ids.forEach(function (id) {
      var row = clone("plan-row-template");
      var current = entry(id);
      slot(row, "title").textContent = items.get(id).item.title;
      slot(row, "status").textContent = ratingWord(id, current.rating);
      FIELDS.forEach(function (name) {
        slot(row, name).textContent = name === "by" && current.by ? longDate(new Date(current.by + "T12:00:00")) : current[name];
      });
      body.appendChild(row);
    });
  }

  function retired() {
    var ids = S.retiredIds(state, framework);
    var ul = $("retired-list");
    ul.textContent = "";
    ids.forEach(function (id) {
      var li = clone("open-item-template");
      var current = entry(id);
      slot(li, "link").replaceWith(document.createTextNode(id));
      slot(li, "note").textContent = "(" + [ratingWord(id, current.rating)].concat(S.fieldNames(framework).map(function (name) {
        return current[name];
      }).filter(Boolean)).join("; ") + ")";
      ul.appendChild(li);
    });
    $("retired").hidden = ids.length === 0;
  }

  // -- export and import ---------------------------------------------------------------------
  function exportJson() {
    download(W.exportJson(whole(), framework, now()), "application/json", "json");
  }

  // One row per record; a framework's own fields (per item, then per review) add a column each.
  function exportCsv() {
    var own = framework.item_fields.concat(framework.review_fields);
    var header = ["Id", "Type", "Theme", "Item", "Rating", "Evidence", "Next action", "Who", "By when"].concat(
      own.map(function (field) { return field.label; }));
    var rows = S.exportRecords(state, framework).map(function (r) {
      return [r.id, kindWord(r.kind), r.theme, r.title,
              r.kind === "review" ? "" : ratingWord(r.id, r.rating), r.evidence, r.action, r.who, r.by].concat(
        own.map(function (field) { return r[field.id]; }));
    });
    if (book) {  // the record shown, each row saying which thing it is about
      header.unshift(word("per-label"));
      rows.forEach(function (row) { row.unshift(recordName(shownKey)); });
    }
    download(S.csv([header].concat(rows)), "text/csv;charset=utf-8", "csv", book ? recordName(shownKey) : "");
  }

  // `about`: what the file is about besides the school (the record shown), if anything.
  function download(text, type, extension, about) {
    var link = document.createElement("a");
    var slug = (state.school || "school").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "school";
    var aboutSlug = (about || "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    link.href = URL.createObjectURL(new Blob([text], {type: type}));
    link.download = "self-review-" + slug + (aboutSlug ? "-" + aboutSlug : "") + "-" + new Date().toISOString().slice(0, 10) + "." + extension;
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
    input.value = "";
    StoredRecord.readImport(file, S.LIMITS.bytes).then(function (text) {
      var result = W.parseImport(text, framework);
      if (result.error) {
        message(result.error + " Nothing was changed.", true);
        return;
      }
      if (!hasAnyAnswer(whole())) return applyImport(W.importPlans(whole(), result.state).replace, file.name);
      askHowToImport(result.state, file.name);
    }).catch(function (error) {
      console.error(error);
      message("This file could not be read. Nothing was changed.", true);
    });
  }

  function hasAnyAnswer(current) {
    if (book) return R.hasAnyAnswer(current);
    return Boolean(current.school) || Array.from(current.items.values()).some(S.hasAnswer);
  }

  function askHowToImport(incoming, name) {
    var plans = W.importPlans(whole(), incoming);
    var dialog = $("import-dialog");
    $("import-file").textContent = name;
    $("import-merge-summary").textContent = summary(plans.merge);
    $("import-replace-summary").textContent = summary(plans.replace);
    dialog.returnValue = "";  // Escape leaves the last value in place
    dialog.onclose = function () {
      dialog.onclose = null;
      var choice = dialog.returnValue;
      // Planned again: another tab may have saved while the question was open.
      if (choice === "merge" || choice === "replace") applyImport(W.importPlans(whole(), incoming)[choice], name);
      else message("The import was cancelled. Nothing was changed.");
      $("import").focus();
    };
    dialog.showModal();
  }

  function summary(plan) {
    var parts = [count(plan.added, "item") + " added", plan.changed + " changed", plan.kept + " kept as they are"];
    if (plan.removed) parts.push(plan.removed + " removed");
    if (plan.recordsAdded) parts.unshift(count(plan.recordsAdded, "record") + " added");
    if (plan.recordsRemoved) parts.unshift(count(plan.recordsRemoved, "record") + " removed");
    return parts.join(", ") + ".";
  }

  function count(n, noun) {
    return n + " " + noun + (n === 1 ? "" : "s");
  }

  function applyImport(plan, name) {
    offerUndo("undo-import");
    plan.state.saved = now();
    replaceState(plan.state);
    var retiredNow = S.retiredIds(state, framework);
    message("Imported " + name + ": " + summary(plan) + (retiredNow.length ? " " + retiredNow.length +
      " item(s) in the file are no longer in the framework and are listed under “Answers for items no longer in the framework”: " +
      retiredNow.join(", ") + "." : ""));
  }

  // Imports, clearing and undoing store exactly the answers they show, merging nothing.
  function replaceState(next) {
    adopt(next);
    if (saving && !store.replace(hasAnyAnswer(whole()) ? whole() : null)) notSaving();
    show();
  }

  // One undo, for the last import or clearing, until the page is left.
  function offerUndo(label) {
    undo = {state: W.copy(whole()), label: label};
    $("undo").textContent = word(label);
    $("undo-line").hidden = false;
  }

  function onUndo() {
    if (!undo) return;
    var what = {"undo-import": "The import was undone", "undo-clear": "The clearing was undone",
                "undo-delete": "The deletion was undone"}[undo.label];
    replaceState(undo.state);
    undo = null;
    $("undo-line").hidden = true;
    message(what + ": your answers are as they were before it.");
    $("import").focus();
  }

  function onResetClosed() {
    if ($("reset-dialog").returnValue !== "clear") return;
    offerUndo("undo-clear");
    replaceState(W.empty());
    if (saving) $("saved").textContent = "All answers were cleared from this device.";
    message("All answers were cleared from this device. You can undo this until you leave the page.");
    $("reset").focus();
  }

  // -- the whole record, and one record per thing ------------------------------------------------
  // What is stored: `state`, or for a `per` review the book with `state` (the record shown) in it.
  function whole() {
    return book ? R.absorb(book, shownKey, state) : state;
  }

  // Takes a stored, merged or imported record (or nothing) as the page's own. A `per` review
  // keeps showing the same record while it exists; with none left, it starts a new one, kept
  // once something is written in it.
  function adopt(record) {
    if (!framework.per) {
      state = record || S.empty();
      return;
    }
    book = record || R.empty();
    shownKey = R.pick(book, shownKey) || R.add(book, R.newKey(), now());
    state = R.view(book, shownKey);
  }

  function startRecords() {
    $("per-add").addEventListener("click", addRecord);
    $("per-delete").addEventListener("click", function () {
      $("per-delete-name").textContent = recordName(shownKey);
      $("per-delete-dialog").returnValue = "";  // Escape leaves the last value in place
      $("per-delete-dialog").showModal();
    });
    $("per-delete-dialog").addEventListener("close", onDeleteClosed);
  }

  function recordName(key) {
    var entry = book.records.get(key);
    if (entry && entry.subject) return entry.subject;
    return word("per-label") + " " + (R.live(book).indexOf(key) + 1) + " " + word("per-unnamed");
  }

  // The list to choose from, rebuilt only when a name or a record changed, and the name shown.
  function showRecords() {
    var choose = $("per-choose");
    var keys = R.live(book);
    var names = keys.map(recordName);
    var listed = Array.prototype.map.call(choose.options, function (option) { return option.value + "\n" + option.text; });
    if (listed.join("\n") !== keys.map(function (key, i) { return key + "\n" + names[i]; }).join("\n")) {
      choose.textContent = "";
      keys.forEach(function (key, i) { choose.appendChild(new Option(names[i], key)); });
    }
    choose.value = shownKey;
    setValue($("per-name"), book.records.get(shownKey).subject);
  }

  // Choosing a record, or naming the one shown; false for any other control.
  function recordInput(event) {
    var target = event.target;
    if (target.id === NS + "per-choose") {
      if (event.type === "change" && target.value !== shownKey) showRecord(target.value);
      return true;
    }
    if (target.id !== NS + "per-name") return false;
    if (R.rename(book, shownKey, target.value, now())) {
      if (saving) save(); else show();
    }
    return true;
  }

  function showRecord(key) {
    whole();
    shownKey = key;
    state = R.view(book, key);
    show();
    announce(word("per-showing") + " " + recordName(key) + ". " + $("overall").textContent);
  }

  function addRecord() {
    whole();
    shownKey = R.add(book, R.newKey(), now());
    state = R.view(book, shownKey);
    if (saving) save(); else show();
    announce(word("per-added"));
    $("per-name").focus();
  }

  // Deleting is saved like any change (merged with other tabs' records), and can be undone.
  function onDeleteClosed() {
    if ($("per-delete-dialog").returnValue !== "delete") return;
    var name = recordName(shownKey);
    offerUndo("undo-delete");
    R.remove(whole(), shownKey, now());
    if (saving) {
      save();
    } else {
      adopt(book);
      show();
    }
    message("The record for " + name + " was deleted from this device. You can undo this until you leave the page.");
    $("per-choose").focus();
  }

  // -- dates ---------------------------------------------------------------------------------
  function longDate(date) {
    return date.toLocaleDateString("en-GB", {day: "numeric", month: "long", year: "numeric"});
  }

  function time(date) {
    return date.toLocaleTimeString("en-GB", {hour: "2-digit", minute: "2-digit"});
  }
})();
