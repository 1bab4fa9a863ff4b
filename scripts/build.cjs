/**
 * Builds what `npm run serve` and the command line run, with esbuild:
 *
 *   dist/cli/engine.js       the check command line, self-contained
 *   dist/cli/check.js        the `hsh-check` bin (src/cli/boot.cjs): runs engine.js from a V8 code cache
 *   dist/cli/vendor.js       SheetJS, bundled apart: required by engine.js only for an .xls, .xlsb or .ods
 *   dist/server/server.js    the server (dependencies stay in node_modules)
 *   dist/server/worker.js    the server's check worker (read, check, annotate, aggregate)
 *
 * `node scripts/build.cjs [cli] [server] [worker] [--if-stale]` builds them (all three by default); ensureBuilt() rebuilds one only
 * when an input recorded by its last build changed, so launchers never run a
 * stale bundle. A bundle is written to a temporary file and renamed, so a
 * concurrent run sees the old file or the new one, never half of one.
 */
'use strict';
const { mkdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } = require('node:fs');
const { dirname, join, relative, resolve } = require('node:path');
const { isDeepStrictEqual } = require('node:util');

const ROOT = resolve(__dirname, '..');

/**
 * Modules whose exports are data checked against a schema (zod) when the
 * module loads: the built-in collection and the language's words. In the
 * command line's bundle each is replaced by the values it computes, computed
 * here by loading the module itself, so a wrong data file fails the build
 * and the schema checks do not run at every start. The tests load the
 * modules themselves (test/cli/precomputed.test.ts compares the two).
 */
const PRECOMPUTED = [
  { file: 'src/core/collection/hsh2023.ts', exports: ['HSH_2023'] },
  { file: 'src/core/language/english.ts', exports: ['ENGLISH_FILE'] },
];

/** The exports of a TypeScript module, by loading it (bundled, in memory), with the files it was built from. */
async function evaluateModule(file) {
  const { build: esbuild } = require('esbuild');
  const result = await esbuild({ ...common, entryPoints: [file], logLevel: 'silent' });
  const mod = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(mod, mod.exports, require);
  return { exports: mod.exports, inputs: Object.keys(result.metafile.inputs).map((f) => resolve(ROOT, f)) };
}

/** The JSON text of the modules' exports, each checked to be plain data that JSON keeps whole; and the files they come from. */
async function precomputedModules() {
  const modules = new Map();
  const inputs = new Set();
  for (const m of PRECOMPUTED) {
    const path = join(ROOT, m.file);
    const loaded = await evaluateModule(path);
    loaded.inputs.forEach((f) => inputs.add(f));
    const lines = m.exports.map((name) => {
      const value = loaded.exports[name];
      const json = JSON.stringify(value);
      if (json === undefined || !isDeepStrictEqual(JSON.parse(json), value)) throw new Error(`${m.file}: ${name} is not plain JSON data, so it cannot be computed at build`);
      // JSON.parse of one string is read faster than the same object as a literal.
      return `export const ${name} = JSON.parse(${JSON.stringify(json)});`;
    });
    modules.set(path, lines.join('\n'));
  }
  return { modules, inputs };
}

/**
 * An esbuild plugin leaving the vendor packages out of the bundle: each is
 * a small module taking the package from the vendor file next to the bundle
 * (one file, so that packages requiring one another share one copy).
 */
function vendorPlugin(target) {
  const { packages, outfile } = target.vendor;
  const file = `./${relative(dirname(target.outfile), outfile).replace(/\\/g, '/')}`;
  return {
    name: 'vendor',
    setup(build) {
      build.onResolve({ filter: /^@/ }, (args) => (args.path in packages ? { path: args.path, namespace: 'vendor' } : undefined));
      build.onResolve({ filter: /.*/, namespace: 'vendor' }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'vendor' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(file)})[${JSON.stringify(packages[args.path])}];`, loader: 'js' }));
    },
  };
}

/** Bundles the vendor packages as one CommonJS file exporting each by its name; returns the files it was built from. */
async function buildVendor(vendor) {
  const { build: esbuild } = require('esbuild');
  const contents = Object.entries(vendor.packages).map(([id, name]) => `exports[${JSON.stringify(name)}] = require(${JSON.stringify(id)});`).join('\n');
  const result = await esbuild({ ...common, stdin: { contents, resolveDir: ROOT, loader: 'js' }, minify: true, legalComments: 'none' });
  mkdirSync(dirname(vendor.outfile), { recursive: true });
  const tmp = `${vendor.outfile}.${process.pid}.tmp`;
  writeFileSync(tmp, result.outputFiles[0].contents);
  renameSync(tmp, vendor.outfile);
  return Object.keys(result.metafile.inputs).filter((f) => f !== '<stdin>').map((f) => resolve(ROOT, f));
}

/** An esbuild plugin serving the precomputed modules' values in place of their source. */
function precomputedPlugin(modules) {
  return {
    name: 'precomputed',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => (modules.has(args.path) ? { contents: modules.get(args.path), loader: 'js' } : undefined));
    },
  };
}

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent', metafile: true, write: false, absWorkingDir: ROOT };

const CLI = {
  name: 'cli',
  outfile: join(ROOT, 'dist/cli/engine.js'),
  /** Copied next to the bundle, executable: what the bin and `npm run check` start. */
  boot: { source: join(ROOT, 'src/cli/boot.cjs'), outfile: join(ROOT, 'dist/cli/check.js') },
  /**
   * Packages bundled into files of their own next to the bundle, which
   * requires them from there: SheetJS is 80% of the command line's code, and
   * every start would read it, though only an .xls, .xlsb or .ods needs it.
   * No state of ours is shared with them (only their API is called).
   */
  vendor: { outfile: join(ROOT, 'dist/cli/vendor.js'), packages: { '@e965/xlsx': 'xlsx', '@e965/xlsx/dist/cpexcel': 'cpexcel' } },
  precompute: true,
  options: { ...common, entryPoints: [join(ROOT, 'src/cli/check.ts')], minify: true, legalComments: 'none' },
};

const SERVER = {
  name: 'server',
  outfile: join(ROOT, 'dist/server/server.js'),
  options: { ...common, entryPoints: [join(ROOT, 'src/server/server.ts')], packages: 'external', sourcemap: 'inline' },
};

const WORKER = {
  name: 'worker',
  outfile: join(ROOT, 'dist/server/worker.js'),
  options: { ...common, entryPoints: [join(ROOT, 'src/server/worker.ts')], packages: 'external', sourcemap: 'inline' },
};

const TARGETS = [CLI, SERVER, WORKER];

const inputsFile = (target) => `${target.outfile}.inputs.json`;

/** True when the bundle (or its boot file) is missing or older than one of its recorded inputs. */
function isStale(target) {
  let builtAt;
  let inputs;
  try {
    if (target.boot) statSync(target.boot.outfile);
    if (target.vendor) statSync(target.vendor.outfile);
    builtAt = statSync(target.outfile).mtimeMs;
    inputs = JSON.parse(readFileSync(inputsFile(target), 'utf8'));
  } catch {
    return true;
  }
  for (const file of inputs) {
    try {
      if (statSync(file).mtimeMs > builtAt) return true;
    } catch {
      return true;
    }
  }
  return false;
}

/** Builds one target; its mtime is set to when the build started, so an edit made meanwhile still counts as newer. */
async function build(target) {
  const { build: esbuild } = require('esbuild');
  const started = new Date();
  const precomputed = target.precompute ? await precomputedModules() : { modules: new Map(), inputs: new Set() };
  const plugins = precomputed.modules.size ? [precomputedPlugin(precomputed.modules)] : [];
  if (target.vendor) plugins.push(vendorPlugin(target));
  const result = await esbuild({ ...target.options, outfile: target.outfile, plugins });
  const vendorInputs = target.vendor ? await buildVendor(target.vendor) : [];
  const cwd = target.options.absWorkingDir || ROOT;
  // (Less the vendor plugin's own modules, which are no files.)
  const built = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('vendor:'));
  const inputs = [...new Set([...built.map((f) => resolve(cwd, f)), ...precomputed.inputs, ...vendorInputs])];
  inputs.push(join(ROOT, 'package.json'), join(ROOT, 'scripts/build.cjs'));
  mkdirSync(dirname(target.outfile), { recursive: true });
  if (target.boot) {
    inputs.push(target.boot.source);
    const tmpBoot = `${target.boot.outfile}.${process.pid}.tmp`;
    writeFileSync(tmpBoot, readFileSync(target.boot.source), { mode: 0o755 });
    renameSync(tmpBoot, target.boot.outfile);
  }
  const tmp = `${target.outfile}.${process.pid}.tmp`;
  const code = result.outputFiles.find((f) => f.path === target.outfile);
  writeFileSync(tmp, code.contents, { mode: 0o755 });
  const tmpInputs = `${inputsFile(target)}.${process.pid}.tmp`;
  writeFileSync(tmpInputs, JSON.stringify(inputs));
  renameSync(tmpInputs, inputsFile(target));
  utimesSync(tmp, started, started);
  renameSync(tmp, target.outfile);
  return result;
}

async function ensureBuilt(target, { quiet = false } = {}) {
  if (!isStale(target)) return false;
  try {
    await build(target);
  } catch (error) {
    process.stderr.write(`build of ${target.name} failed:\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  }
  if (!quiet) process.stderr.write(`built ${target.outfile.slice(ROOT.length + 1)}\n`);
  return true;
}

module.exports = { ROOT, CLI, SERVER, WORKER, TARGETS, PRECOMPUTED, isStale, build, ensureBuilt, precomputedModules };

if (require.main === module) {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const names = args.filter((a) => !a.startsWith('--'));
  const chosen = names.length ? TARGETS.filter((t) => names.includes(t.name)) : TARGETS;
  if (flags.has('--if-possible')) {
    // `prepare` after a production install (no devDependencies): nothing to build with, and nothing wrong.
    try {
      require.resolve('esbuild');
    } catch {
      process.stderr.write('esbuild is not installed: skipping the build of dist/cli and dist/server\n');
      process.exit(0);
    }
  }
  (async () => {
    for (const target of chosen) {
      if (flags.has('--if-stale') && !isStale(target)) continue;
      await build(target).catch((error) => {
        process.stderr.write(`build of ${target.name} failed:\n${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(1);
      });
    }
  })();
}
