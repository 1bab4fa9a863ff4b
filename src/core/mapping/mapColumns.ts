import type { Collection, Period } from '../collection/types';
import type { ColumnMapping } from '../report';
import { columnLetter, type Cell } from '../workbook';
import { matchHeader, type HeaderMatcher } from './headerMatch';
import { headerWords } from './headerWords';
import { legendKey, type Legend } from './legend';
import { columnEvidence, type ValueEvidence } from './valueEvidence';

export interface MappingInput {
  collection: Collection;
  matcher: HeaderMatcher;
  legend: Legend;
  /** Heading text per 0-based column (only columns that have a heading or data). */
  headers: Map<number, string>;
  /** The data cells of a column, top to bottom. */
  columnCells(col: number): Cell[];
  date1904: boolean;
  period: Period;
  /** The person's confirmed choices: column letter → field id or null. */
  overrides?: Record<string, string | null>;
  /** Columns of a separate table beside the events: they map to nothing. */
  aside?: Set<number>;
}

interface Candidate {
  col: number;
  field: string;
  score: number;
  reason: string;
}

/** Below this, a column is left unmapped rather than guessed. */
const THRESHOLD = 0.3;
/** How much the values alone count, by field kind, when the heading names no field. */
const VALUE_ONLY_WEIGHT: Record<string, number> = { date: 0.55, zip: 0.55, enum: 0.55, enum_list: 0.55, count: 0.4, text: 0 };
/** ...and when the heading is a mere code ("Col 3", "F2", "Field 7") or missing, so the values are all there is. */
const CODED_WEIGHT: Record<string, number> = { date: 0.6, zip: 0.6, enum: 0.6, enum_list: 0.6, count: 0.5, text: 0.65 };
const TYPED = new Set(['date', 'zip', 'enum', 'enum_list', 'count']);
const CODED_HEADING = /^\s*((col(umn)?|fld|field|f|c|var(iable)?|item|data|attr|x)\s*[-_#.]?\s*\d+|column\s+[a-z]{1,2}|[a-z]{1,3}\d{0,2})\s*$/i;

/**
 * Suggests one field per column, resolved over the whole sheet so that no two
 * columns claim one field: the person's choices first, then the best-scoring
 * pairs of heading, legend and values.
 */
export function mapColumns(input: MappingInput): ColumnMapping[] {
  const { collection, headers } = input;
  // Each column's values are weighed once, for the candidates and for the last-resort pass below.
  const evidenceCache = new Map<number, Map<string, ValueEvidence>>();
  const evidenceOf = (col: number): Map<string, ValueEvidence> => {
    let e = evidenceCache.get(col);
    if (!e) evidenceCache.set(col, (e = columnEvidence(input.columnCells(col), collection, input.date1904, input.period)));
    return e;
  };
  const fieldsById = new Map(collection.fields.map((f) => [f.id, f]));
  const chosen = new Map<number, { field: string | null; score: number; reason: string }>();
  const takenFields = new Set<string>();

  for (const [letter, field] of Object.entries(input.overrides ?? {})) {
    const col = [...headers.keys()].find((c) => columnLetter(c) === letter.toUpperCase());
    if (col === undefined) continue;
    const valid = field === null || fieldsById.has(field);
    if (!valid) continue;
    chosen.set(col, { field, score: 1, reason: field ? 'Chosen by you.' : 'You chose to leave this column out.' });
    if (field) takenFields.add(field);
  }

  for (const col of input.aside ?? []) {
    if (!chosen.has(col)) chosen.set(col, { field: null, score: 0, reason: 'This column belongs to a separate, smaller table beside the events.' });
  }

  const candidates: Candidate[] = [];
  for (const [col, header] of headers) {
    if (chosen.has(col)) continue;
    candidates.push(...columnCandidates(col, header, input, evidenceOf(col)));
  }
  candidates.sort((a, b) => b.score - a.score || a.col - b.col);

  const runnerUp = new Map<number, Candidate>();
  for (const c of candidates) {
    if (c.score < THRESHOLD) break;
    if (chosen.has(c.col) || takenFields.has(c.field)) {
      if (!chosen.has(c.col) && !runnerUp.has(c.col)) runnerUp.set(c.col, c);
      continue;
    }
    chosen.set(c.col, { field: c.field, score: c.score, reason: c.reason });
    takenFields.add(c.field);
  }

  // A required text field no heading named ("Happening", "Outing" for the title): the free column whose values read most like it.
  for (const field of collection.fields) {
    if (field.requirement !== 'required' || field.kind !== 'text' || takenFields.has(field.id)) continue;
    let best: { col: number; score: number; fact: string } | null = null;
    for (const [col, header] of headers) {
      if (chosen.has(col) || (header !== '' && excluded(header, field.excludeWords))) continue;
      const e = evidenceOf(col).get(field.id);
      if (e && e.score >= 0.9 && (e.sample ?? 0) >= 4 && (!best || e.score > best.score)) best = { col, score: e.score, fact: e.fact };
    }
    if (best) {
      chosen.set(best.col, { field: field.id, score: 0.35, reason: `No heading names ${field.label}, but this column's values read like it (${best.fact}).` });
      takenFields.add(field.id);
    }
  }

  return [...headers.keys()].sort((a, b) => a - b).map((col) => {
    const header = headers.get(col) ?? '';
    const pick = chosen.get(col);
    if (pick) return { column: columnLetter(col), header, field: pick.field, confidence: round(pick.score), reason: pick.reason };
    const near = runnerUp.get(col);
    const reason = near
      ? `Could be ${fieldsById.get(near.field)?.label ?? near.field}, but another column fits that field better.`
      : header ? `No agreed field matches "${header}".` : 'This column has no heading.';
    return { column: columnLetter(col), header, field: null, confidence: 0, reason };
  });
}

function columnCandidates(col: number, header: string, input: MappingInput, evidence: Map<string, ValueEvidence>): Candidate[] {
  const { collection, matcher, legend } = input;
  const out: Candidate[] = [];
  const legendEntry = header ? legend.get(legendKey(header)) : undefined;
  const matches = header ? matchHeader(header, matcher) : [];
  const evidenceSample = Math.max(0, ...[...evidence.values()].map((e) => e.sample ?? 0));
  // Cells that are all levels, audiences or event types are not a title or a description, whatever the heading.
  const listLike = collection.fields.some((f) => (f.kind === 'enum' || f.kind === 'enum_list') && (evidence.get(f.id)?.score ?? 0) >= 0.9 && evidenceSample >= 3);
  for (const field of collection.fields) {
    const m = matches.find((x) => x.field === field.id);
    // A heading sharing a word or two with a name is no evidence ("Notes" vs "Event notes").
    const h = m && m.score >= 0.5 ? m.score : 0;
    const v = evidence.get(field.id);
    const vs = v?.score ?? 0;
    if (legendEntry && legendEntry.field === field.id) {
      out.push({ col, field: field.id, score: 0.9 + 0.1 * vs, reason: `The workbook's own legend (${legendEntry.where}) says "${header}" means ${field.label}.${v ? ` ${capital(v.fact)}.` : ''}` });
      continue;
    }
    // "Date entered", "Registered": the heading says what the values are not, whatever they look like.
    const blocked = header !== '' && excluded(header, field.excludeWords);
    // Values that plainly are not of this field's kind (numbers under "Participants") weaken the heading.
    const contradicted = TYPED.has(field.kind) && (v?.sample ?? evidenceSample) >= 5 && vs < 0.2;
    // Without a word of the heading for it, the values alone speak (valueOnly below), never through the heading's share.
    const withHeader = h === 0 ? 0 : (0.65 * h + 0.35 * vs) * (contradicted || (listLike && field.kind === 'text') ? 0.6 : 1);
    const coded = header === '' || (h === 0 && CODED_HEADING.test(header));
    // A handful of values is weak evidence on its own.
    const support = Math.min(1, (v?.sample ?? 0) / 4);
    const valueOnly = blocked ? 0 : ((coded ? CODED_WEIGHT : VALUE_ONLY_WEIGHT)[field.kind] ?? 0) * vs * support;
    const score = Math.max(withHeader, valueOnly);
    if (score <= 0) continue;
    const reason = withHeader >= valueOnly && h > 0
      ? `Heading "${header}" ${h >= 0.95 ? 'matches' : 'resembles'} "${m!.alias}"${v ? `; ${v.fact}` : ''}.`
      : `${header ? `Heading "${header}" says little, but` : 'No heading, but'} ${v!.fact}.`;
    out.push({ col, field: field.id, score: Math.min(1, score), reason });
  }
  return out;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}


function excluded(header: string, words: string[]): boolean {
  const own = new Set(headerWords(header));
  return words.some((w) => headerWords(w).every((x) => own.has(x)));
}
