#!/usr/bin/env node
'use strict';
/**
 * `npm run check`: runs the bundled command line (dist/cli/check.js), first
 * rebuilding it when one of its inputs (as recorded by the last build) is
 * newer than the bundle, or gone. Build messages go to standard error only,
 * so with --json standard output is exactly the report.
 *
 * Start-up is most of the time on a small file, so the bundle runs from a
 * V8 code cache (dist/cli/check.js.*.v8cache, rewritten whenever V8 rejects
 * it), and for a file under 32 KB without the optimising compiler, whose
 * work never pays off in a run that short.
 */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');
const { CLI, isStale, ensureBuilt } = require('./build.cjs');

const SMALL = 32 * 1024;

function smallInput(argv) {
  const file = argv.find((a) => !a.startsWith('-'));
  try {
    return file !== undefined && fs.statSync(file).size < SMALL;
  } catch {
    return true;
  }
}

function run(outfile) {
  const small = smallInput(process.argv.slice(2));
  if (small) require('node:v8').setFlagsFromString('--no-opt');
  let source = fs.readFileSync(outfile, 'utf8');
  // V8 checks a cache against the source's length only: a rebuilt bundle of the same length would run the old
  // code, so the cache is named after a digest of the bundle it was made from.
  const digest = require('node:crypto').createHash('sha1').update(source).digest('hex').slice(0, 12);
  const kind = small ? 'small' : 'large';
  const cacheFile = `${outfile}.${kind}.${digest}.v8cache`;
  if (source.startsWith('#!')) source = `//${source.slice(2)}`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: outfile, cachedData });
  if (!cachedData || script.cachedDataRejected) {
    // Written at exit, so the cache holds the functions this run compiled too.
    process.once('exit', () => {
      try {
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
        const dir = path.dirname(outfile);
        const prefix = `${path.basename(outfile)}.${kind}.`;
        for (const f of fs.readdirSync(dir)) if (f.startsWith(prefix) && f.endsWith('.v8cache') && path.join(dir, f) !== cacheFile) fs.rmSync(path.join(dir, f), { force: true });
      } catch {
        // no cache this time
      }
    });
  }
  const mod = new Module(outfile, module);
  mod.filename = outfile;
  mod.paths = Module._nodeModulePaths(path.dirname(outfile));
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(outfile), mod, outfile, path.dirname(outfile));
}

if (require.main !== module) module.exports = { run };
else if (isStale(CLI)) ensureBuilt(CLI, { quiet: true }).then(() => run(CLI.outfile));
else run(CLI.outfile);
