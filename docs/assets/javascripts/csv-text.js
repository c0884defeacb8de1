/* CSV text as every script here writes it: one place, so that every cell is made safe for a
 * spreadsheet (the Python side is esafety_portal.csv_text, with the same rule).
 *
 * A cell a spreadsheet could read as a formula (one starting with =, +, -, @, a tab or a carriage
 * return) gets a leading apostrophe, as OWASP's advice on CSV injection says: Calc and Excel then
 * show it as text and never run it. Every cell is quoted.
 *
 *   CsvText.cell("=1+1")         "\"'=1+1\""
 *   CsvText.text([[...], ...])   the whole file, with a byte-order mark and CRLF line ends
 *   CsvText.parse(text)          the rows of a CSV file (quoted or not), each cell as cell() was
 *                                given it (the apostrophe it added taken off), or null if broken
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

  // RFC 4180: cells split by commas, lines by CRLF or LF, a quoted cell may hold both and "".
  // Linear in the text's length. Null for a quote left open or text after a closing quote.
  function parse(source) {
    source = source.replace(/^\ufeff/, "");
    var rows = [], row = [], cellText = "", i = 0, quoted = false, wasQuoted = false;
    function endCell() {
      row.push(wasQuoted && /^'[=+\-@\t\r]/.test(cellText) ? cellText.slice(1) : cellText);
      cellText = "";
      wasQuoted = false;
    }
    while (i < source.length) {
      var c = source[i];
      if (quoted) {
        if (c === '"' && source[i + 1] === '"') { cellText += '"'; i += 2; continue; }
        if (c === '"') { quoted = false; i++; if (i < source.length && !/[,\r\n]/.test(source[i])) return null; continue; }
        cellText += c;
        i++;
        continue;
      }
      if (c === '"' && cellText === "") { quoted = wasQuoted = true; i++; continue; }
      if (c === ",") { endCell(); i++; continue; }
      if (c === "\r" || c === "\n") {
        endCell();
        rows.push(row);
        row = [];
        i += c === "\r" && source[i + 1] === "\n" ? 2 : 1;
        continue;
      }
      cellText += c;
      i++;
    }
    if (quoted) return null;
    if (cellText !== "" || row.length) { endCell(); rows.push(row); }
    return rows;
  }

  return {cell: cell, text: text, parse: parse};
});
