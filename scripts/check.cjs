#!/usr/bin/env node
'use strict';
/**
 * `npm run check`: runs the command line's bin (dist/cli/check.js, which runs
 * the bundle dist/cli/engine.js from a V8 code cache: src/cli/boot.cjs),
 * first rebuilding them when one of their inputs (as recorded by the last
 * build) is newer than the bundle, or gone. Build messages go to standard
 * error only, so with --json standard output is exactly the report.
 */
const { CLI, isStale, ensureBuilt } = require('./build.cjs');

if (isStale(CLI)) ensureBuilt(CLI, { quiet: true }).then(() => require(CLI.boot.outfile));
else require(CLI.boot.outfile);
