/* Calendar files (RFC 5545) in the browser: all-day events that recur, the same format as the
 * build's esafety_portal/ics.py. CRLF line ends; lines folded at 75 octets of UTF-8, never inside
 * a character; TEXT values escaped; a UID and a DTSTAMP on every event.
 *
 *   IcsText.calendar(name, [{uid, start: "YYYY-MM-DD", summary, description, everyMonths}],
 *                    stamp (a Date), product)     the file's text
 *
 * A plain script that defines one global, and module.exports for Node's test runner.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.IcsText = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var CRLF = "\r\n";
  var LINE_OCTETS = 75;

  function escapeText(value) {
    return String(value).replace(/\r\n?/g, "\n").replace(/\\/g, "\\\\").replace(/;/g, "\\;")
      .replace(/,/g, "\\,").replace(/\n/g, "\\n");
  }

  function octets(codePoint) {
    return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
  }

  // Counted in UTF-8 octets, a whole character at a time (for...of walks code points).
  function fold(line) {
    var out = [], current = "", size = 0;
    for (var char of line) {
      var length = octets(char.codePointAt(0));
      var limit = out.length ? LINE_OCTETS - 1 : LINE_OCTETS;  // a continuation starts with a space
      if (size + length > limit) {
        out.push(current);
        current = "";
        size = 0;
      }
      current += char;
      size += length;
    }
    out.push(current);
    return out.join(CRLF + " ") + CRLF;
  }

  function recurrence(months) {
    if (!months) return "";
    if (months % 12 === 0) return "FREQ=YEARLY" + (months > 12 ? ";INTERVAL=" + months / 12 : "");
    return "FREQ=MONTHLY" + (months > 1 ? ";INTERVAL=" + months : "");
  }

  function compact(isoDate) {
    return isoDate.replace(/-/g, "");
  }

  function nextDay(isoDate) {
    var day = new Date(isoDate + "T00:00:00Z");
    day.setUTCDate(day.getUTCDate() + 1);
    return day.toISOString().slice(0, 10);
  }

  function stampOf(date) {
    return date.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  }

  function calendar(name, events, stamp, product) {
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + product, "CALSCALE:GREGORIAN",
                 "X-WR-CALNAME:" + escapeText(name)];
    events.forEach(function (event) {
      lines.push("BEGIN:VEVENT", "UID:" + event.uid, "DTSTAMP:" + stampOf(stamp),
                 "DTSTART;VALUE=DATE:" + compact(event.start),
                 "DTEND;VALUE=DATE:" + compact(nextDay(event.start)),
                 "SUMMARY:" + escapeText(event.summary));
      if (event.description) lines.push("DESCRIPTION:" + escapeText(event.description));
      if (event.everyMonths) lines.push("RRULE:" + recurrence(event.everyMonths));
      lines.push("TRANSP:TRANSPARENT", "END:VEVENT");
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("");
  }

  return {escapeText: escapeText, fold: fold, recurrence: recurrence, calendar: calendar};
});
