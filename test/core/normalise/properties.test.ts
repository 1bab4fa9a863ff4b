import fc from 'fast-check';
import { HSH_2023 } from '../../../src/core/collection/hsh2023';
import { AUDIENCE_OPTIONS, AUDIENCE_UNCLEAR, ENGAGEMENT_OPTIONS, EVENT_TYPE_OPTIONS } from '../../../src/core/collection/hsh2023-vocabulary';
import { ISSUE_CODES } from '../../../src/core/issues';
import { issueMessage } from '../../../src/core/messages';
import { normaliseField } from '../../../src/core/normalise';
import { normaliseAttendees } from '../../../src/core/normalise/attendees';
import { normaliseAudience } from '../../../src/core/normalise/audience';
import { normaliseDate } from '../../../src/core/normalise/date';
import { normaliseEngagement } from '../../../src/core/normalise/engagement';
import { normaliseEventType } from '../../../src/core/normalise/eventType';
import { normaliseText } from '../../../src/core/normalise/text';
import type { Normalised } from '../../../src/core/normalise/types';
import { normaliseZip } from '../../../src/core/normalise/zip';
import type { Cell } from '../../../src/core/workbook';

const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, 60, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 44989.5),
);
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('3/4/2023', 'L1/L2', '~25', '48201-1234', 'Parents & caregivers', '(', ')', '/', '-', ',', '\n', '=A1'),
  fc.array(fc.constantFrom('3', '/', '-', '2023', 'March', 'level', 'L1', '&', 'and', ',', ' ', '~', '+', 'about', '(est)', '48201', 'parents', 'providers'), { maxLength: 8 }).map((a) => a.join('')),
);
const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  text.map((v): Cell => ({ kind: 'text', value: v })),
  number.map((v): Cell => ({ kind: 'number', value: v })),
  number.map((v): Cell => ({ kind: 'date', value: v })),
  fc.boolean().map((v): Cell => ({ kind: 'boolean', value: v })),
  fc.constant<Cell>({ kind: 'empty', value: null }),
  fc.constantFrom('#REF!', '#N/A', '#VALUE!', '#DIV/0!').map((v): Cell => ({ kind: 'error', value: v })),
);

function wellFormed(r: Normalised<unknown>): boolean {
  if (r.kind === 'empty') return true;
  if (r.kind === 'invalid') return ISSUE_CODES.includes(r.problem.code);
  return r.warning === undefined || ISSUE_CODES.includes(r.warning.code);
}

describe('normalisers never throw', () => {
  const normalisers: [string, (c: Cell) => Normalised<unknown>][] = [
    ['date 1900', (c) => normaliseDate(c, { date1904: false })],
    ['date 1904', (c) => normaliseDate(c, { date1904: true })],
    ['engagement', (c) => normaliseEngagement(c, ENGAGEMENT_OPTIONS)],
    ['audience', (c) => normaliseAudience(c, AUDIENCE_OPTIONS, AUDIENCE_UNCLEAR)],
    ['event type', (c) => normaliseEventType(c, EVENT_TYPE_OPTIONS)],
    ['zip', normaliseZip],
    ['attendees', normaliseAttendees],
    ['text', normaliseText],
  ];

  test.each(normalisers)('%s', (_name, f) => {
    fc.assert(fc.property(cellArb, (c) => wellFormed(f(c))), { numRuns: 1500 });
  });

  test('normaliseField and issueMessage, every field', () => {
    fc.assert(fc.property(cellArb, fc.constantFrom(...HSH_2023.fields), fc.boolean(), (c, field, date1904) => {
      const r = normaliseField(field, c, { collection: HSH_2023, date1904 });
      const problem = r.kind === 'invalid' ? r.problem : r.kind === 'ok' ? r.warning : undefined;
      if (problem) {
        const m = issueMessage(problem, { value: String(c.value ?? ''), fieldLabel: field.label, period: HSH_2023.period });
        if (m.length === 0) return false;
      }
      return wellFormed(r);
    }), { numRuns: 3000 });
  });
});

describe('normalised values have their documented shape', () => {
  test('dates are real ISO days', () => {
    fc.assert(fc.property(cellArb, (c) => {
      const r = normaliseDate(c, { date1904: false });
      return r.kind !== 'ok' || (/^\d{4}-\d{2}-\d{2}$/.test(r.value) && !Number.isNaN(Date.parse(r.value)));
    }), { numRuns: 2000 });
  });

  test('every real day between 1901 and 2099 survives m/d/yyyy text and serials', () => {
    fc.assert(fc.property(fc.date({ min: new Date(Date.UTC(1901, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }), (d) => {
      const y = d.getUTCFullYear();
      const m = d.getUTCMonth() + 1;
      const day = d.getUTCDate();
      const iso = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const fromText = normaliseDate({ kind: 'text', value: `${m}/${day}/${y}` }, { date1904: false });
      const serial = Math.round((Date.UTC(y, m - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
      const fromSerial = normaliseDate({ kind: 'date', value: serial }, { date1904: false });
      return fromText.kind === 'ok' && fromText.value === iso && fromSerial.kind === 'ok' && fromSerial.value === iso;
    }), { numRuns: 1000 });
  });

  test('zips are 5 digits, attendees whole numbers >= 0, audiences known ids without repeats', () => {
    const ids = new Set(AUDIENCE_OPTIONS.map((o) => o.id));
    fc.assert(fc.property(cellArb, (c) => {
      const z = normaliseZip(c);
      const a = normaliseAttendees(c);
      const au = normaliseAudience(c, AUDIENCE_OPTIONS, AUDIENCE_UNCLEAR);
      return (z.kind !== 'ok' || /^\d{5}$/.test(z.value))
        && (a.kind !== 'ok' || (Number.isSafeInteger(a.value) && a.value >= 0))
        && (au.kind !== 'ok' || (au.value.length > 0 && au.value.every((id) => ids.has(id)) && new Set(au.value).size === au.value.length));
    }), { numRuns: 2000 });
  });

  test('whole counts round-trip through text', () => {
    fc.assert(fc.property(fc.nat({ max: 10_000_000 }), (n) => {
      const plain = normaliseAttendees({ kind: 'text', value: String(n) });
      const grouped = normaliseAttendees({ kind: 'text', value: n.toLocaleString('en-US') });
      return plain.kind === 'ok' && plain.value === n && grouped.kind === 'ok' && grouped.value === n;
    }));
  });
});
