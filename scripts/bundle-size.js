// Builds the task pane and the partners' site for production and fails when
// the JavaScript a page loads before its first render (its entry's initial
// chunks) is over the budget, gzipped. Lazily loaded chunks (exceljs, the grid, the Excel adapter) are
// listed but not counted.
//
//   node scripts/bundle-size.js [--config webpack.config.js] [--budget-kb 350]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const webpack = require('webpack');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const configPath = path.resolve(option('--config', path.join(__dirname, '..', 'webpack.config.js')));
const budgetKb = Number(option('--budget-kb', '350'));

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const gzipSize = (file) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;

async function main() {
  const exported = require(configPath);
  const config = typeof exported === 'function' ? await exported({}, { mode: 'production' }) : exported;
  const stats = await new Promise((resolve, reject) => {
    webpack({ ...config, mode: 'production' }, (error, result) => (error ? reject(error) : resolve(result)));
  });
  const info = stats.toJson({ all: false, entrypoints: true, errors: true, outputPath: true });
  if (stats.hasErrors()) {
    for (const e of info.errors ?? []) console.error(e.message ?? e);
    throw new Error('the production build failed');
  }
  const out = info.outputPath;
  // Each page (entry: the taskpane, the partners' site) is a first download of its own, held to the budget on its own.
  const initial = new Set();
  const pages = new Map();
  for (const [page, entry] of Object.entries(info.entrypoints ?? {})) {
    const names = (entry.assets ?? []).map((asset) => (typeof asset === 'string' ? asset : asset.name)).filter((name) => name.endsWith('.js'));
    pages.set(page, names);
    for (const name of names) initial.add(name);
  }
  const rows = [];
  for (const name of fs.readdirSync(out)) {
    if (!name.endsWith('.js')) continue;
    const file = path.join(out, name);
    rows.push({ name, raw: fs.statSync(file).size, gz: gzipSize(file), isInitial: initial.has(name) });
  }
  for (const name of initial) if (!rows.some((r) => r.name === name)) throw new Error(`initial chunk ${name} was not written`);
  rows.sort((a, b) => Number(b.isInitial) - Number(a.isInitial) || b.gz - a.gz);
  for (const r of rows) console.log(`${r.isInitial ? 'initial' : 'lazy   '}  ${kb(r.gz).padStart(10)} gz  ${kb(r.raw).padStart(10)} raw  ${r.name}`);
  console.log('');
  for (const [page, names] of pages) {
    const total = names.reduce((n, name) => n + rows.find((r) => r.name === name).gz, 0);
    console.log(`initial JavaScript of ${page}: ${kb(total)} gzipped (budget ${budgetKb} KB)`);
    if (total > budgetKb * 1024) {
      console.error(`FAIL: the initial JavaScript of ${page} is ${kb(total - budgetKb * 1024)} over budget. Load browser-only code with import().`);
      process.exitCode = 1;
    }
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
