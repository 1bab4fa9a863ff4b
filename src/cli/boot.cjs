#!/usr/bin/env node
'use strict';
/**
 * The `hsh-check` bin (copied by scripts/build.cjs to dist/cli/check.js):
 * runs the bundled command line, dist/cli/engine.js, from a V8 code cache.
 *
 * On a small file start-up is most of the time, and most of start-up is
 * compiling the bundle's functions; the cache (dist/cli/engine.js.MODE.DIGEST.v8cache)
 * holds them as compiled by an earlier run, and is rewritten at exit when V8
 * rejects it (a new bundle, another Node) or there is none, if the folder is
 * writable. For a file under 32 KB the optimising compiler is off: its work
 * never pays off in a run that short. The cache is kept per mode, since V8
 * accepts only a cache made under the same flags.
 *
 * With NODE_DEBUG=hsh-check it says on standard error whether V8 took the
 * cache.
 *
 * Plain CommonJS, no dependencies: what it does before the bundle runs is
 * what every check waits for.
 */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const SMALL = 32 * 1024;
const bundle = path.join(__dirname, 'engine.js');

function smallInput(argv) {
  const file = argv.find((a) => !a.startsWith('-'));
  try {
    return file !== undefined && fs.statSync(file).size < SMALL;
  } catch {
    return true;
  }
}

function writable(dir) {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function run() {
  const small = smallInput(process.argv.slice(2));
  if (small) require('node:v8').setFlagsFromString('--no-opt');
  const source = fs.readFileSync(bundle, 'utf8');
  // V8 checks a cache against the source's length only: a rebuilt bundle of the same length would run the old
  // code, so the cache is named after a digest of the bundle it was made from (and the others removed).
  const kind = small ? 'small' : 'large';
  const digest = require('node:crypto').createHash('sha1').update(source).digest('hex').slice(0, 12);
  const cacheFile = `${bundle}.${kind}.${digest}.v8cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
  if (/\bhsh-check\b/i.test(process.env.NODE_DEBUG ?? '')) {
    const state = !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'accepted';
    process.stderr.write(`HSH-CHECK ${process.pid}: code cache ${path.basename(cacheFile)} ${state}\n`);
  }
  if ((!cachedData || script.cachedDataRejected) && writable(__dirname)) {
    // Written at exit, so the cache holds the functions this run compiled too.
    process.once('exit', () => {
      try {
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, script.createCachedData());
        fs.renameSync(tmp, cacheFile);
        const prefix = `${path.basename(bundle)}.${kind}.`;
        for (const f of fs.readdirSync(__dirname)) {
          if (f.startsWith(prefix) && f.endsWith('.v8cache') && path.join(__dirname, f) !== cacheFile) fs.rmSync(path.join(__dirname, f), { force: true });
        }
      } catch {
        // no cache this time
      }
    });
  }
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(__dirname);
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, __dirname);
}

run();
