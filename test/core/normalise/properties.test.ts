import fc from 'fast-check';
import { HSH_2023 } from '../../../src/core/collection/hsh2023';
import { ISSUE_CODES } from '../../../src/core/issues';
import { issueMessage } from '../../../src/core/messages';
import { normaliseField } from '../../../src/core/normalise';
import { normaliseAttendees } from '../../../src/core/normalise/attendees';
import { normaliseAudience } from '../../../src/core/normalise/audience';
import { normaliseDate } from '../../../src/core/normalise/date';
import { normaliseEngagement } from '../../../src/core/normalise/engagement';
import { normaliseEnum } from '../../../src/core/normalise/enum';
import { normaliseEventType } from '../../../src/core/normalise/eventType';
import { normaliseText } from '../../../src/core/normalise/text';
import type { Normalised } from '../../../src/core/normalise/types';
import { normaliseZip } from '../../../src/core/normalise/zip';
import type { Cell } from '../../../src/core/workbook';

const AUDIENCE_OPTIONS = HSH_2023.enumerations.audience;
const AUDIENCE_UNCLEAR = HSH_2023.vocabulary.unclear.audience;
const ENGAGEMENT_OPTIONS = HSH_2023.enumerations.engagement;
const EVENT_TYPE_OPTIONS = HSH_2023.enumerations.event_type;

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

describe('normalisers on long and adversarial texts (issue 8: a cell must never hold up a check)', () => {
  // Jest's own per-test timeout is what catches a hang here: no timed assertions.
  const units = fc.constantFrom('(', ')', '[', '(a ', 'a - ', ' - ', ': ', '/', '1/', '&', ' and ', ', ', ';#', ' > ', '|', ' ', '\t',
    '\n', '1', '1 ', '1.', '1,', 'a1', 'L1/', 'Level 1 (', '~', '+', '"', 'family ', 'parents ', 'Parents, ', 'x', 'é\u0301', '🙂', '\u200b');
  const lengths = fc.oneof(fc.constantFrom(299, 300, 301, 999, 1000, 1001, 32_767), fc.integer({ min: 0, max: 32_767 }));
  const repeated = fc.tuple(fc.array(units, { minLength: 1, maxLength: 3 }), lengths).map(([us, n]) => {
    const unit = us.join('');
    return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  });
  const hostile = fc.oneof(
    repeated,
    fc.tuple(fc.string({ maxLength: 40 }), repeated, fc.string({ maxLength: 40 })).map((parts) => parts.join('')),
    fc.string({ unit: 'binary', minLength: 200, maxLength: 1200 }),
    fc.string({ unit: 'grapheme', maxLength: 600 }),
  );
  const normalisers: [string, (c: Cell) => Normalised<unknown>][] = [
    ['date', (c) => normaliseDate(c, { date1904: false })],
    ['engagement', (c) => normaliseEngagement(c, ENGAGEMENT_OPTIONS)],
    ['audience', (c) => normaliseAudience(c, AUDIENCE_OPTIONS, AUDIENCE_UNCLEAR)],
    ['event type', (c) => normaliseEventType(c, EVENT_TYPE_OPTIONS, HSH_2023.vocabulary.keywords.event_type ?? {})],
    ['enum', (c) => normaliseEnum(c, EVENT_TYPE_OPTIONS)],
    ['zip', normaliseZip],
    ['attendees', normaliseAttendees],
    ['text', normaliseText],
  ];

  test.each(normalisers)('%s: hostile texts up to 32,767 characters give a well-formed result', (_name, f) => {
    fc.assert(fc.property(hostile, (s) => wellFormed(f({ kind: 'text', value: s }))), { numRuns: 150 });
  });

  test('every field of the collection: a 32,767-character cell is refused unread, with the reason and its length', () => {
    for (const unit of ['(', 'a - ', '1/', '&', ' and ', 'Parents, ', 'Level 1 (', '1 ']) {
      const value = unit.repeat(Math.ceil(32_767 / unit.length)).slice(0, 32_767);
      for (const field of HSH_2023.fields) {
        const r = normaliseField(field, { kind: 'text', value }, { collection: HSH_2023, date1904: false });
        if (field.kind === 'text') continue;
        const problem = r.kind === 'invalid' ? r.problem : r.kind === 'ok' ? r.warning : undefined;
        expect({ field: field.id, reason: problem?.reason }).toEqual({ field: field.id, reason: expect.stringMatching(/^too_(long_text|many_parts)$/) });
        if (field.id === 'event_type') expect(r).toMatchObject({ kind: 'ok', value: value.trim() });
        else expect(r.kind).toBe('invalid');
        const message = issueMessage(problem!, { value, fieldLabel: field.label });
        expect(message).toMatch(/far more than/);
      }
    }
  });

  test('texts just under the limits are still read', () => {
    expect(normaliseEngagement({ kind: 'text', value: `Level 1 ${'('.repeat(200)}` }, ENGAGEMENT_OPTIONS)).toEqual({ kind: 'ok', value: 'level_one' });
    expect(normaliseAudience({ kind: 'text', value: `Parents, ${' '.repeat(900)}Teachers` }, AUDIENCE_OPTIONS, AUDIENCE_UNCLEAR))
      .toEqual({ kind: 'ok', value: ['parent_family', 'teacher_educator'] });
    expect(normaliseDate({ kind: 'text', value: `3/4/2023${' '.repeat(5000)}` }, { date1904: false })).toEqual({ kind: 'ok', value: '2023-03-04' });
    expect(normaliseAttendees({ kind: 'text', value: `25 (${'virtual '.repeat(30)})` })).toEqual({ kind: 'ok', value: 25 });
  });
});
