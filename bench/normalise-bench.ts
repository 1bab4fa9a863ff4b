/**
 * `npm run bench:normalise`: the time of one normaliser call on hostile cell
 * texts (issue 8). Every normaliser reads text in time linear in its length
 * and refuses at once a text far longer than its field's values, so a
 * 32,767-character cell (Excel's limit) costs about as much as a short one.
 *
 * For each normaliser and each shape (repeated separators, unclosed
 * brackets, runs of spaces, digits, words…), at 32,767 characters and just
 * under the normalisers' own limits (300 for one value, 1,000 for a list of
 * audiences), reports the median time per call over distinct texts (no
 * cache helps), and the worst shape.
 *
 * Environment: BENCH_CALLS (25 per shape and length), BENCH_LENGTHS (299,999,32767),
 * BENCH_JSON=1 for one JSON line.
 */
import { HSH_2023 } from '../src/core/collection/hsh2023';
import { normaliseAttendees } from '../src/core/normalise/attendees';
import { normaliseAudience } from '../src/core/normalise/audience';
import { normaliseDate } from '../src/core/normalise/date';
import { normaliseEngagement } from '../src/core/normalise/engagement';
import { normaliseEnum } from '../src/core/normalise/enum';
import { normaliseEventType } from '../src/core/normalise/eventType';
import { normaliseText } from '../src/core/normalise/text';
import { normaliseZip } from '../src/core/normalise/zip';
import type { Cell } from '../src/core/workbook';

const AUDIENCE_OPTIONS = HSH_2023.enumerations.audience;
const AUDIENCE_UNCLEAR = HSH_2023.vocabulary.unclear.audience;
const ENGAGEMENT_OPTIONS = HSH_2023.enumerations.engagement;
const EVENT_TYPE_OPTIONS = HSH_2023.enumerations.event_type;

const CALLS = Math.max(3, Number(process.env.BENCH_CALLS ?? 25));
const LENGTHS = (process.env.BENCH_LENGTHS ?? '299,999,32767').split(',').map(Number).filter((n) => n > 0);
const keywords = HSH_2023.vocabulary.keywords.event_type ?? {};
const text = (value: string): Cell => ({ kind: 'text', value });

const NORMALISERS: [string, (s: string) => unknown][] = [
  ['date', (s) => normaliseDate(text(s), { date1904: false })],
  ['engagement', (s) => normaliseEngagement(text(s), ENGAGEMENT_OPTIONS)],
  ['audience', (s) => normaliseAudience(text(s), AUDIENCE_OPTIONS, AUDIENCE_UNCLEAR)],
  ['event type', (s) => normaliseEventType(text(s), EVENT_TYPE_OPTIONS, keywords)],
  ['enum', (s) => normaliseEnum(text(s), EVENT_TYPE_OPTIONS)],
  ['zip', (s) => normaliseZip(text(s))],
  ['attendees', (s) => normaliseAttendees(text(s))],
  ['text', (s) => normaliseText(text(s))],
];

/** Units repeated to the length: what made the old matchers quadratic. */
const SHAPES = ['parents caregivers ', 'Parents, ', ' ', '1', '(', '(a ', 'a - ', 'a: ', '1/', 'a and ', '1 ', '&', 'L1/',
  'a1', 'x', '1.', 'a\t', '"a', '[', 'Level 1 (', 'family     ', '48201     ', '3/4/2023 ', 'é\u0301', '🙂'];

function shape(unit: string, length: number, i: number): string {
  // A distinct prefix per call, so that no cache of the normalisers answers.
  const s = `${i} ${unit.repeat(Math.ceil(length / unit.length))}`;
  return s.slice(0, length);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const rows: { normaliser: string; length: number; medianMicros: number; worstShape: string }[] = [];
for (const [name, f] of NORMALISERS) {
  for (let i = 0; i < 20 * SHAPES.length; i++) f(shape(SHAPES[i % SHAPES.length] as string, 64 + (i % 3) * 200, -i)); // warm up
  for (const length of LENGTHS) {
    let worst = 0;
    let worstShape = '';
    for (const unit of SHAPES) {
      const times: number[] = [];
      for (let i = 0; i < CALLS; i++) {
        const s = shape(unit, length, i);
        const t0 = process.hrtime.bigint();
        f(s);
        times.push(Number(process.hrtime.bigint() - t0) / 1000);
      }
      const m = median(times);
      if (m > worst) { worst = m; worstShape = unit; }
    }
    rows.push({ normaliser: name, length, medianMicros: Math.round(worst), worstShape });
  }
}

if (process.env.BENCH_JSON === '1') {
  console.log(JSON.stringify({ calls: CALLS, rows }));
} else {
  console.log(`normalisers on hostile texts: median µs per call, worst of ${SHAPES.length} shapes (${CALLS} calls each)`);
  console.log(`${'normaliser'.padEnd(12)}${LENGTHS.map((l) => `${l} chars`.padStart(14)).join('')}   worst shape at the longest`);
  for (const [name] of NORMALISERS) {
    const mine = rows.filter((r) => r.normaliser === name);
    console.log(`${name.padEnd(12)}${mine.map((r) => String(r.medianMicros).padStart(14)).join('')}   ${JSON.stringify(mine[mine.length - 1]?.worstShape)}`);
  }
}
