/* One record a reader asked this browser to keep, in localStorage under one key, shared by
 * every tab. The same rules for every caller (the self-review's answers; later, a school's
 * details for the templates): a save merges with what another tab stored since this tab read
 * it, other tabs hear about every change, and a caller can tell whether anything is kept.
 *
 *   var store = StoredRecord.open({key: "...", read: fromJson, write: toJson, merge: newer});
 *   store.available()        false when this browser keeps nothing (blocked, private, full)
 *   store.load()             the stored record (read from its JSON), or null
 *   store.save(record)       merge(stored, record), stored; returns {saved, record}
 *   store.replace(record)    stores exactly `record` (null removes it); returns true if kept
 *                            (a stored value that cannot be read is first kept aside: `key:set-aside`)
 *   store.subscribe(fn)      fn(record or null) when another tab changes it; returns unsubscribe
 *
 * and the one rule for the times that decide a merge, which every caller's read and set follow:
 *   StoredRecord.time(value, fallback, ceiling)   a time read from storage or a file, or fallback
 *   StoredRecord.ceilingOf(saved, now)            what a record's times may not pass
 *   StoredRecord.stamp(now, last)                 the time of an edit made now
 *
 * and the one way every page reads a file the reader chose to import:
 *   StoredRecord.readImport(file, limit)          a promise of the file's text
 * and the one way every page hands the reader a copy to keep:
 *   StoredRecord.download(blob, name)             saves `blob` as the file `name`
 *
 * A plain script that defines one global, and module.exports for Node's test runner.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.StoredRecord = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // Reading window.localStorage itself throws where storage is blocked (a sandbox, some
  // privacy settings): that is "no storage", not an error.
  function defaultArea() {
    try {
      return typeof window !== "undefined" ? window.localStorage : null;
    } catch (error) {
      return null;
    }
  }

  var TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

  // A time read from a file or from storage, as the pages write times (so that they compare as
  // text), and never later than `ceiling`: a time ahead of the clock, from a hand-made file, a
  // hand-edited record or a wrong clock, would otherwise beat every real edit and undo the
  // school's typing as it is saved.
  function time(value, fallback, ceiling) {
    var ms = typeof value === "string" && TIME.test(value) ? Date.parse(value) : NaN;
    if (isNaN(ms)) return fallback;
    var iso = new Date(ms).toISOString();
    return ceiling && iso > ceiling ? ceiling : iso;
  }

  function clock() {
    return new Date().toISOString();
  }

  // What the times in a record may not pass: the time the record says it was written (fixed, so
  // that every read of it gives the same times), or now if that is later than now or missing.
  function ceilingOf(written, now) {
    var when = time(written, "", now);
    return when || now;
  }

  // The time to stamp a change made now: now, or just after the last one if that is later still
  // (a real edit always beats the value it replaces).
  function stamp(now, last) {
    return !last || now > last ? now : new Date(Date.parse(last) + 1).toISOString();
  }

  // A file over `limit` bytes is refused before it is read into memory: it reads as a text just
  // over the limit, so that the caller's own parseImport gives its "too large" message.
  function readImport(file, limit) {
    return file.size > limit ? Promise.resolve("x".repeat(limit + 1)) : file.text();
  }

  // A link made, clicked and removed; the address is kept a minute, for slow downloads.
  function download(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
  }

  function open(options) {
    var key = options.key;
    var area = "area" in options ? options.area : defaultArea();
    var events = options.events || (typeof window !== "undefined" ? window : null);

    function parse(raw) {
      if (raw === null || raw === "") return null;
      try {
        return options.read(JSON.parse(raw));
      } catch (error) {
        console.error("Stored record " + key + " could not be read; it is left as it is until the next save.", error);
        return null;
      }
    }

    function raw() {
      try {
        return area ? area.getItem(key) : null;
      } catch (error) {
        console.error(error);
        return null;
      }
    }

    function put(text, name) {
      name = name || key;
      if (!area) return false;
      try {
        if (text === null) area.removeItem(name);
        else area.setItem(name, text);
        return true;
      } catch (error) {
        // Quota full or writing refused: the caller tells the reader; the console tells us.
        console.error("Stored record " + key + " was not saved.", error);
        return false;
      }
    }

    // A stored value this page cannot read (damaged, or not what it expects) is copied to
    // `key:set-aside` before anything is written over it, so that it is never lost; a copy
    // already set aside is kept, not replaced. False if the copy could not be kept.
    function setAside(current, stored) {
      if (current === null || current === "" || stored !== null) return true;
      var aside = key + ":set-aside";
      try {
        if (area.getItem(aside) !== null) return true;
      } catch (error) {
        return false;
      }
      return put(current, aside);
    }

    return {
      // Writes the stored value back unchanged (no event, nothing new kept); with nothing
      // stored, writes an empty probe beside it and removes it at once, so that other tabs,
      // which listen to `key` only, do not take the probe for a cleared record.
      available: function () {
        if (!area) return false;
        var current = raw();
        if (current !== null) return put(current);
        return put("", key + ":probe") && put(null, key + ":probe");
      },
      load: function () {
        return parse(raw());
      },
      save: function (record) {
        var current = raw();
        var stored = parse(current);
        var merged = stored ? options.merge(stored, record) : record;
        return {saved: setAside(current, stored) && put(JSON.stringify(options.write(merged))), record: merged};
      },
      replace: function (record) {
        var current = raw();
        return setAside(current, parse(current)) && put(record === null ? null : JSON.stringify(options.write(record)));
      },
      subscribe: function (callback) {
        if (!events) return function () {};
        function listener(event) {
          // key is null when another tab cleared the whole of localStorage.
          if (event.key !== key && event.key !== null) return;
          if (event.storageArea && area && event.storageArea !== area) return;
          callback(parse(event.key === null ? null : event.newValue));
        }
        events.addEventListener("storage", listener);
        return function () { events.removeEventListener("storage", listener); };
      }
    };
  }

  return {open: open, time: time, clock: clock, ceilingOf: ceilingOf, stamp: stamp, readImport: readImport,
          download: download};
});
