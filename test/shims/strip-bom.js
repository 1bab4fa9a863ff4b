// CommonJS stand-in for strip-bom 5 (ESM only), which office-addin-mock pulls in
// through office-addin-manifest; Jest here runs CommonJS.
'use strict';
function stripBom(text) {
  if (typeof text !== 'string') throw new TypeError(`Expected a string, got ${typeof text}`);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
module.exports = stripBom;
module.exports.default = stripBom;
