// Runs the browser's calendar writer (docs/assets/javascripts/ics-text.js) in Node for the tests:
// reads {name, events, stamp, product} as JSON on stdin, writes the calendar to stdout.
"use strict";
const IcsText = require("../../docs/assets/javascripts/ics-text.js");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const data = JSON.parse(input);
  process.stdout.write(IcsText.calendar(data.name, data.events, new Date(data.stamp), data.product));
});
