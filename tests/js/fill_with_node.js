// Runs the browser's filling (docs/assets/javascripts/school-details-fill.js, with the vendored
// fflate) on files named in a JSON job read from standard input, for tests/templates/test_fill_script.py:
//   {"labels": {name: label}, "cases": [{"input": path, "extension": "docx", "values": {...}, "output": path}]}
"use strict";
const fs = require("fs");
const path = require("path");
const assets = path.join(__dirname, "..", "..", "docs", "assets", "javascripts");
const fflate = require(path.join(assets, "vendor", "fflate.js"));
const SchoolDetailsFill = require(path.join(assets, "school-details-fill.js"));

const job = JSON.parse(fs.readFileSync(0, "utf8"));
for (const c of job.cases) {
  const filled = SchoolDetailsFill.fill(new Uint8Array(fs.readFileSync(c.input)), c.extension, c.values, job.labels, fflate);
  fs.writeFileSync(c.output, filled);
}
