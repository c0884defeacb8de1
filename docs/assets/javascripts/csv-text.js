/* CSV text as every script here writes it: one place, so that every cell is made safe for a
 * spreadsheet (the Python side is esafety_portal.csv_text, with the same rule).
 *
 * A cell a spreadsheet could read as a formula (one starting with =, +, -, @, a tab or a carriage
 * return) gets a leading apostrophe, as OWASP's advice on CSV injection says: Calc and Excel then
 * show it as text and never run it. Every cell is quoted.
 *
 *   CsvText.cell("=1+1")         "\"'=1+1\""
 *   CsvText.text([[...], ...])   the whole file, with a byte-order mark and CRLF line ends
 *
 * A plain script that defines one global, and module.exports for Node's test runner.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.CsvText = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FORMULA_START = /^[=+\-@\t\r]/;

  function cell(value) {
    var text = String(value === undefined || value === null ? "" : value);
    if (FORMULA_START.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }

  // The byte-order mark makes Excel read the file as UTF-8.
  function text(rows) {
    return "\ufeff" + rows.map(function (row) { return row.map(cell).join(","); }).join("\r\n") + "\r\n";
  }

  return {cell: cell, text: text};
});
