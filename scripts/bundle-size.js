// Builds the task pane for production and fails when the JavaScript loaded
// before the first render (the entry's initial chunks) is over the budget,
// gzipped, for each page: the task pane and the partners' site (--budget-kb, 350 KB) and the
// analysts' page (250 KB). Lazily loaded chunks (exceljs, the grid, the Excel
// adapter) are listed but not counted.
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
/** Each entry's budget (KB gzipped); an entry not named here has the task pane's. */
const BUDGETS = { taskpane: budgetKb, site: budgetKb, analysis: 250 };

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
  /** Entry name → its initial JavaScript files. */
  const entries = new Map();
  for (const [entry, data] of Object.entries(info.entrypoints ?? {})) {
    const files = (data.assets ?? []).map((asset) => (typeof asset === 'string' ? asset : asset.name)).filter((name) => name.endsWith('.js'));
    entries.set(entry, files);
  }
  const initial = new Set([...entries.values()].flat());
  const rows = [];
  const sizes = new Map();
  for (const name of fs.readdirSync(out)) {
    if (!name.endsWith('.js')) continue;
    const file = path.join(out, name);
    const gz = gzipSize(file);
    sizes.set(name, gz);
    rows.push({ name, raw: fs.statSync(file).size, gz, isInitial: initial.has(name) });
  }
  for (const name of initial) if (!sizes.has(name)) throw new Error(`initial chunk ${name} was not written`);
  rows.sort((a, b) => Number(b.isInitial) - Number(a.isInitial) || b.gz - a.gz);
  for (const r of rows) console.log(`${r.isInitial ? 'initial' : 'lazy   '}  ${kb(r.gz).padStart(10)} gz  ${kb(r.raw).padStart(10)} raw  ${r.name}`);
  console.log('');
  for (const [entry, files] of entries) {
    const total = files.reduce((n, f) => n + sizes.get(f), 0);
    const budget = BUDGETS[entry] ?? budgetKb;
    console.log(`${entry}: initial JavaScript ${kb(total)} gzipped (budget ${budget} KB)`);
    if (total > budget * 1024) {
      console.error(`FAIL: ${entry}'s initial JavaScript is ${kb(total - budget * 1024)} over budget. Load code that the first render does not need with import().`);
      process.exitCode = 1;
    }
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
