// Lighthouse runs one after another in one Node process and one Chrome, instead of a new `lighthouse`
// command (Node, Lighthouse's modules and a new Chrome) for every run: that start-up was about as long
// as the run itself. Each run is what the command does: the command's own flag parser reads the same
// arguments, Lighthouse opens a new tab, clears the page's storage and cache, and closes the tab.
//
//   node lighthouse_runner.mjs <node_modules/lighthouse> <lighthouse arguments...>
// then one request a line on stdin, {"url", "out", "categories"}; one answer a line on stdout,
// {"done": true} once the JSON report is written to `out`, or {"error": "..."}. Chrome is closed
// when stdin ends.
import {createInterface} from 'node:readline';
import {writeFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';

const [given, ...settings] = process.argv.slice(2);
const lighthouseDir = path.resolve(given);
const load = (file) => import(pathToFileURL(path.join(lighthouseDir, file)).href);
const {getFlags} = await load('cli/cli-flags.js');
const {parseChromeFlags} = await load('cli/run.js');
const {default: lighthouse} = await load('core/index.js');
// The launcher Lighthouse's own command uses, found as Lighthouse finds it.
const launcher = await import(pathToFileURL(createRequire(path.join(lighthouseDir, 'package.json'))
  .resolve('chrome-launcher')).href);

// The command's own reading of its arguments (the URL first, as on its command line).
const parse = (url, ...args) => getFlags([url, ...args, ...settings], {noExitOnFailure: true});

const chrome = await launcher.launch({chromeFlags: parseChromeFlags(parse('about:blank').chromeFlags)});
const answer = (reply) => process.stdout.write(JSON.stringify(reply) + '\n');

try {
  for await (const line of createInterface({input: process.stdin})) {
    if (!line.trim()) continue;
    try {
      const {url, out, categories} = JSON.parse(line);
      const flags = {...parse(url, '--output=json', `--output-path=${out}`, `--only-categories=${categories.join(',')}`),
                     port: chrome.port};
      const result = await lighthouse(url, flags);
      if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
      await writeFile(out, result.report);
      answer({done: true});
    } catch (error) {
      answer({error: String(error && error.stack || error)});
    }
  }
} finally {
  await chrome.kill();
}
