#!/usr/bin/env node
'use strict';
/**
 * `npm run check`: runs the bundled command line (dist/cli/check.js), first
 * rebuilding it when one of its inputs (as recorded by the last build) is
 * newer than the bundle, or gone. Build messages go to standard error only,
 * so with --json standard output is exactly the report.
 */
const { CLI, isStale, ensureBuilt } = require('./build.cjs');

if (isStale(CLI)) ensureBuilt(CLI, { quiet: true }).then(() => require(CLI.outfile));
else require(CLI.outfile);
