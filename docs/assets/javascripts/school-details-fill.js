/* Fill in a template download with a school's details, in the browser, by the rules of the
 * Python reference hooks/esafety_portal/documents/fill.py (tests/js/tests/templates/test_fill_script.py
 * runs both on the same files and compares them):
 *
 *   SchoolDetailsFill.fill(bytes, extension, values, labels, fflate)  -> Uint8Array
 *     extension  docx, odt, md, or zip (the pack: each document in it is filled)
 *     values     {school_name: "St Mary's", ...}; empty ones leave their blanks highlighted
 *     labels     {school_name: "[School name]", ...}: the text of each blank in .docx and .odt
 *     fflate     the zip library (vendor/fflate.js)
 *   SchoolDetailsFill.anyFilled(values)  true if filling would change anything
 *
 * .docx and .odt are zips: each is unzipped, the text of each Placeholder run or span is
 * replaced in its XML (no other byte of the XML changes), and it is zipped again in the same
 * order, with the OpenDocument `mimetype` first and stored uncompressed.
 * A plain script that defines one global, and module.exports for Node.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.SchoolDetailsFill = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var STYLE = "Placeholder";  // outline.PLACEHOLDER_STYLE
  // What XML 1.0 cannot hold (control characters, lone surrogates, non-characters): dropped.
  var NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]/gu;
  // Python's str.isspace(), which decides both what an empty value is and when python-docx
  // marks a Word text as preserving its spaces.
  var SPACE = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  var ONLY_SPACE = new RegExp("^[" + SPACE + "]*$");
  var EDGE_SPACE = new RegExp("^[" + SPACE + "]|[" + SPACE + "]$");

  function has(object, name) {
    return Object.prototype.hasOwnProperty.call(object, name);
  }

  // name -> text for the values that fill a blank: cleaned, and not empty or only spaces.
  function filledValues(values) {
    var result = {};
    Object.keys(values || {}).forEach(function (name) {
      var value = String(values[name]).replace(NOT_XML, "");
      if (!ONLY_SPACE.test(value)) result[name] = value;
    });
    return result;
  }

  function anyFilled(values) {
    return Object.keys(filledValues(values)).length > 0;
  }

  function escapeXml(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function unescapeXml(text) {
    return text.replace(/&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g, function (whole, hex, dec, name) {
      if (name) return {amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'"}[name];
      return String.fromCodePoint(hex ? parseInt(hex, 16) : parseInt(dec, 10));
    });
  }

  // -- Word: what python-docx writes for `run.text = value` ------------------------------------
  var DOCX_RUN = /<w:r><w:rPr>((?:(?!<\/w:rPr>)[\s\S])*)<\/w:rPr><w:t(?: xml:space="preserve")?>([^<]*)<\/w:t><\/w:r>/g;
  var DOCX_STYLE = '<w:rStyle w:val="' + STYLE + '"/>';

  function docxText(value) {
    var out = "", buffer = "";
    function flush() {
      if (buffer) out += (EDGE_SPACE.test(buffer) ? '<w:t xml:space="preserve">' : "<w:t>") + escapeXml(buffer) + "</w:t>";
      buffer = "";
    }
    for (var i = 0; i < value.length; i++) {
      var c = value[i];
      if (c === "\t") { flush(); out += "<w:tab/>"; }
      else if (c === "\r" || c === "\n") { flush(); out += "<w:br/>"; }
      else buffer += c;
    }
    flush();
    return out;
  }

  function fillDocxXml(xml, byLabel) {
    return xml.replace(DOCX_RUN, function (run, props, text) {
      var label = unescapeXml(text);
      if (props.indexOf(DOCX_STYLE) < 0 || !has(byLabel, label)) return run;
      // The filled text loses the blank's style and highlight, as fill.py's does.
      props = props.replace(DOCX_STYLE, "").replace(/<w:highlight w:val="[^"]*"\/>/, "");
      return "<w:r>" + (props ? "<w:rPr>" + props + "</w:rPr>" : "<w:rPr/>") + docxText(byLabel[label]) + "</w:r>";
    });
  }

  // -- OpenDocument: what odfpy's teletype.addTextToElement writes ----------------------------
  var ODT_SPAN = new RegExp('<text:span text:style-name="' + STYLE + '">([^<]*)</text:span>', "g");

  function odtText(value) {
    var out = "", buffer = "", i = 0;
    function flush() {
      out += escapeXml(buffer);
      buffer = "";
    }
    while (i < value.length) {
      var c = value[i];
      if (c === "\t") { flush(); out += "<text:tab/>"; i++; }
      else if (c === "\n") { flush(); out += "<text:line-break/>"; i++; }
      else if (c === " ") {
        // The first space is text; any more after it become one <text:s text:c="n"/>.
        buffer += " ";
        var more = 0;
        for (i++; i < value.length && value[i] === " "; i++) more++;
        if (more) { flush(); out += '<text:s text:c="' + more + '"/>'; }
      } else { buffer += c; i++; }
    }
    flush();
    return out;
  }

  function fillOdtXml(xml, byLabel) {
    return xml.replace(ODT_SPAN, function (span, text) {
      var label = unescapeXml(text);
      return has(byLabel, label) ? "<text:span>" + odtText(byLabel[label]) + "</text:span>" : span;
    });
  }

  // -- Markdown: markdown_value in fill.py ---------------------------------------------------
  var ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"};

  function markdownValue(value) {
    return value.replace(/\r\n|[\r\n\t]/g, " ")
      .replace(/[\\`*_[\]|]/g, "\\$&")
      .replace(/[&<>]/g, function (c) { return ENTITIES[c]; })
      .replace(/^(?:([#+-])|([0-9]+)([.)]))/, function (whole, mark, number, dot) {
        return mark ? "\\" + mark : number + "\\" + dot;
      });
  }

  function fillMarkdown(text, filled) {
    return text.replace(/\[\[([a-z_]+)\]\]/g, function (blank, name) {
      return has(filled, name) ? markdownValue(filled[name]) : blank;
    });
  }

  // -- files ---------------------------------------------------------------------------------
  var PARTS = {docx: ["word/document.xml", fillDocxXml], odt: ["content.xml", fillOdtXml]};

  function fillZippedDocument(bytes, extension, byLabel, fflate) {
    var entries = fflate.unzipSync(bytes);
    var part = PARTS[extension];
    if (!has(entries, part[0])) throw new Error("not a ." + extension + " made by the portal: no " + part[0]);
    var xml = new TextDecoder("utf-8", {fatal: true}).decode(entries[part[0]]);
    entries[part[0]] = new TextEncoder().encode(part[1](xml, byLabel));
    return rezip(entries, fflate);
  }

  // Same entries in the same order; ODF's mimetype is stored, as the format requires.
  function rezip(entries, fflate) {
    var files = {};
    Object.keys(entries).forEach(function (name) {
      files[name] = name === "mimetype" ? [entries[name], {level: 0}] : entries[name];
    });
    return fflate.zipSync(files, {level: 9});
  }

  function fill(bytes, extension, values, labels, fflate) {
    var filled = filledValues(values);
    if (extension === "md") {
      return new TextEncoder().encode(fillMarkdown(new TextDecoder("utf-8", {fatal: true}).decode(bytes), filled));
    }
    if (extension === "zip") {
      var entries = fflate.unzipSync(bytes);
      Object.keys(entries).forEach(function (name) {
        var inner = name.split(".").pop();
        if (inner === "md" || has(PARTS, inner)) entries[name] = fill(entries[name], inner, values, labels, fflate);
      });
      return rezip(entries, fflate);
    }
    if (!has(PARTS, extension)) throw new Error("cannot fill a ." + extension + " file");
    var byLabel = {};
    Object.keys(filled).forEach(function (name) {
      if (has(labels, name)) byLabel[labels[name]] = filled[name];
    });
    return fillZippedDocument(bytes, extension, byLabel, fflate);
  }

  return {fill: fill, anyFilled: anyFilled, filledValues: filledValues, markdownValue: markdownValue};
});
