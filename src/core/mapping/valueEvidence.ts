import type { Collection, FieldDef, Period } from '../collection/types';
import { guardedNormalise as normaliseField } from '../normalise/memo';
import { cellText, type Cell } from '../workbook';

/** What a column's values say about one field: a share of fitting values and the fact in words. */
export interface ValueEvidence {
  score: number;
  fact: string;
  /** How many values it rests on. */
  sample?: number;
}

const SAMPLE = 300;
const STREET = /^\d+[a-z]?\s+\S/i;
const VIRTUAL = /\b(virtual|online|zoom|teams|facebook|phone|webinar|remote)\b/i;

/**
 * How well the values under a heading fit each field: dates in or near the
 * reporting period, zip codes, engagement levels, audiences, event types,
 * small whole numbers, addresses, place names, long descriptions.
 */
export function columnEvidence(cells: Cell[], collection: Collection, date1904: boolean, period: Period): Map<string, ValueEvidence> {
  const sample = cells.filter((c) => c.kind !== 'empty' && cellText(c) !== '').slice(0, SAMPLE);
  const out = new Map<string, ValueEvidence>();
  if (sample.length === 0) return out;
  const n = sample.length;
  const ctx = { collection, date1904 };
  for (const field of collection.fields) {
    const e = fieldEvidence(field, sample, n, ctx, period);
    if (e && e.score > 0) out.set(field.id, { ...e, sample: n });
  }
  return out;
}

function fieldEvidence(field: FieldDef, sample: Cell[], n: number, ctx: { collection: Collection; date1904: boolean }, period: Period): ValueEvidence | null {
  switch (field.kind) {
    case 'date': {
      const lo = yearOf(period.start) - 1;
      const hi = yearOf(period.end) + 1;
      let near = 0;
      let inside = 0;
      for (const c of sample) {
        const r = normaliseField(field, c, ctx);
        if (r.kind === 'ok' && typeof r.value === 'string') {
          const y = yearOf(r.value);
          if (y >= lo && y <= hi) near++;
          if (r.value >= period.start && r.value <= period.end) inside++;
        }
      }
      // Dates in the period count fully, dates a year off half: an entry-date column loses to the event dates.
      return { score: (inside + 0.5 * (near - inside)) / n, fact: `${near} of ${n} values are dates${inside === near ? ' in' : ' near'} the reporting period` };
    }
    case 'zip':
    case 'enum':
    case 'enum_list': {
      let fit = 0;
      for (const c of sample) {
        const r = normaliseField(field, c, ctx);
        if (r.kind === 'ok' && (!r.warning || field.kind === 'zip')) fit++;
      }
      const what = field.kind === 'zip' ? 'zip codes' : `${field.label.toLowerCase()} values`;
      return { score: fit / n, fact: `${fit} of ${n} values are ${what}` };
    }
    case 'count': {
      let fit = 0;
      let zipLike = 0;
      let counting = 0;
      let previous: number | undefined;
      let first: number | undefined;
      for (const c of sample) {
        if (c.kind === 'date') continue;
        const r = normaliseField(field, c, ctx);
        if (r.kind === 'ok' && typeof r.value === 'number') {
          fit++;
          if (r.value >= 10000) zipLike++;
          first ??= r.value;
          if (previous !== undefined && r.value === previous + 1) counting++;
          previous = r.value;
        }
      }
      // 1, 2, 3, ... is a row number, not a head count.
      if (fit >= 4 && first !== undefined && first <= 1 && counting >= 0.8 * (fit - 1)) return { score: 0, fact: 'the values count the rows 1, 2, 3, ...' };
      const score = zipLike > fit / 2 ? 0 : fit / n;
      return { score, fact: `${fit} of ${n} values are whole numbers` };
    }
    case 'text':
      return textEvidence(field.id, sample, n);
  }
}

function textEvidence(fieldId: string, sample: Cell[], n: number): ValueEvidence | null {
  const texts = sample.filter((c) => c.kind === 'text').map(cellText).filter((t) => /[a-z]/i.test(t));
  if (texts.length < n * 0.8) return { score: 0, fact: 'values are not text' };
  const distinct = new Set(texts.map((t) => t.toLowerCase())).size;
  const avgLen = texts.reduce((s, t) => s + t.length, 0) / texts.length;
  const streetLike = texts.filter((t) => STREET.test(t) || VIRTUAL.test(t)).length;
  const spaced = texts.filter((t) => t.includes(' ')).length;
  switch (fieldId) {
    case 'street':
      return { score: streetLike / n, fact: `${streetLike} of ${n} values look like street addresses` };
    case 'city': {
      const short = texts.filter((t) => t.length <= 30 && !/\d/.test(t)).length;
      const repeats = distinct <= Math.max(3, texts.length * 0.3);
      return { score: repeats ? (short / n) * 0.8 : 0, fact: `${distinct} different place names` };
    }
    case 'description':
      return { score: avgLen >= 15 && spaced >= texts.length * 0.8 && streetLike < n * 0.3 ? 0.9 : 0, fact: `text of ${Math.round(avgLen)} characters on average` };
    case 'title':
      return { score: avgLen >= 4 && avgLen < 90 && streetLike < n * 0.3 && distinct >= texts.length * 0.2 ? 0.9 : 0, fact: `${distinct} different names` };
    default:
      return null;
  }
}

function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}
