// CommonJS stand-in for uuid (v14 is ESM only) under Jest. Only v4 and
// validate are used by office-addin-manifest and exceljs; the others fall back to v4.
'use strict';
const { randomUUID } = require('node:crypto');
const v4 = () => randomUUID();
const validate = (s) => typeof s === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(s);
module.exports = { v4, v1: v4, v7: v4, validate, NIL: '00000000-0000-0000-0000-000000000000' };
