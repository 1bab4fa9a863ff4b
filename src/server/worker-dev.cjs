'use strict';
// The worker as TypeScript source (tests, `tsx src/server/server.ts`): tsx compiles it on load.
require('tsx/cjs');
module.exports = require('./worker.ts');
