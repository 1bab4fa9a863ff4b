import { periodYear } from '../collection/period';
import { fieldWithRole } from '../collection/roles';
import type { Collection, FieldDef, Period } from '../collection/types';
import { guardedNormalise } from '../normalise/memo';
import type { ColumnMapping } from '../report';
import { ENGLISH } from '../language';
import { datePartOf } from '../validate/combine';
import { cellText, columnLetter, type Cell } from '../workbook';
import { matchHeader, type HeaderMatcher } from './headerMatch';
import { headerWords } from './headerWords';
import { legendKey, type Legend } from './legend';
import { columnEvidence, readsAsNames, type ValueEvidence } from './valueEvidence';

/**
 * What the person chose for one column: a field id, null for "no field", or
 * one part of a field spread over several columns (adults + children to add
 * up; one mark column per audience, with the option it selects).
 */
export type MappingChoice = string | null | { field: string; combine?: 'sum' | 'mark' | 'part'; option?: string };

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
  /** The partner's keys for coded values, per field: code → option id. */
  valueKeys?: Map<string, Map<string, string>>;
  /** The person's confirmed choices: column letter → choice. */
  overrides?: Record<string, MappingChoice>;
  /** Columns of a separate table beside the events: they map to nothing. */
  aside?: Set<number>;
  /** Columns the partner hid: between two columns that fit one field, the one they show wins. */
  hidden?: Set<number>;
}

/** A column given its field on weak or conflicting evidence: the person should confirm it. */
export interface Uncertain {
  column: string;
  header: string;
  field: string;
  /** Why, in words: "only its values fit", "column D fits almost as well". */
  why: string;
}

export interface Mapping {
  columns: ColumnMapping[];
  uncertain: Uncertain[];
  /** Columns (letters) whose field a heading or the partner's legend names outright, not the values alone. */
  named: Set<string>;
}

interface Candidate {
  field: string;
  score: number;
  reason: string;
  /** How much the heading alone names the field (0: the values alone speak). */
  heading: number;
}

// munkres ships ESM types only; its CommonJS build is what this CommonJS module loads.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { munkres } = require('munkres') as typeof import('munkres', { with: { 'resolution-mode': 'import' } });

/** Below this, a column is left unmapped rather than guessed. */
const THRESHOLD = 0.3;
/** Two columns this close on one field are a toss-up the person should settle. */
const CLOSE = 0.08;
/** How much the values alone count, by field kind, when the heading names no field. */
const VALUE_ONLY_WEIGHT: Record<string, number> = { date: 0.55, zip: 0.55, enum: 0.55, enum_list: 0.55, count: 0.4, text: 0 };
/** ...except text that is places the collection knows (a city column), which speaks for itself like zip codes in the area. */
const KNOWN_PLACES_WEIGHT = VALUE_ONLY_WEIGHT.zip!;
/** ...and when the heading is a mere code ("Col 3", "F2", "Field 7") or missing, so the values are all there is. */
const CODED_WEIGHT: Record<string, number> = { date: 0.6, zip: 0.6, enum: 0.6, enum_list: 0.6, count: 0.5, text: 0.65 };
const TYPED = new Set(['date', 'zip', 'enum', 'enum_list', 'count']);
const CODED_HEADING = /^\s*((col(umn)?|fld|field|f|c|var(iable)?|item|data|attr|x)\s*[-_#.]?\s*\d+|column\s+[a-z]{1,2}|[a-z]{1,3}\d{0,2})\s*$/i;
/** A hidden column keeps this share of its scores: it still maps when nothing else fits. */
const HIDDEN = 0.85;
/** A vetoed field keeps this share of its score: a heading alone cannot carry it. */
const VETOED = 0.15;
/** Cells that tick an option in a one-column-per-option layout, and cells that leave it unticked. */
const MARK_ON = /^(x|✓|✔|☑|☒|yes|y|true|1|si|sí|oui)$/i;
const MARK_OFF = /^(no|n|false|0|-|–|—)$/i;
/** "# ", "No. of", "Number of", "(#)": the words saying a heading counts its group. */
const COUNT_MARK = /\(\s*#\s*\)|#|\b(number|no\.?|num)\s+of\b/gi;
/** How to fill a tick column, written in its heading: "(x)", "(Y/N)", "– tick". */
const MARK_HINT = /\s*(\(\s*(x|✓|✔|y\s*\/\s*n|yes\s*\/\s*no|tick|check|mark(\s+x)?)\s*\)|[-–:]\s*(tick|check|mark)( one)?)\s*$/i;

/**
 * Suggests one field per column as one decision over the whole sheet: every
 * column is scored against every field (and against "no field") from its
 * heading, the partner's legend and its values, and the assignment with the
 * highest total wins (the Hungarian algorithm), so no column loses the field
 * it fits best to a greedy earlier pick. Fields spread over several columns
 * (adults + children, one tick column per audience) are recognised first.
 */
export function mapColumns(input: MappingInput): Mapping {
  const { collection, headers } = input;
  const evidenceCache = new Map<number, Map<string, ValueEvidence>>();
  const evidenceOf = (col: number): Map<string, ValueEvidence> => {
    let e = evidenceCache.get(col);
    if (!e) evidenceCache.set(col, (e = columnEvidence(input.columnCells(col), collection, input.date1904, input.period, input.valueKeys)));
    return e;
  };
  const fieldsById = new Map(collection.fields.map((f) => [f.id, f]));
  const chosen = new Map<number, ColumnMapping>();
  const takenFields = new Set<string>();
  const fromPerson = new Set<number>();
  const letterOf = new Map([...headers.keys()].map((c) => [columnLetter(c), c]));

  for (const [letter, choice] of Object.entries(input.overrides ?? {})) {
    const col = letterOf.get(letter.toUpperCase());
    if (col === undefined) continue;
    const field = choice !== null && typeof choice === 'object' ? choice.field : choice;
    if (field !== null && !fieldsById.has(field)) continue;
    const m: ColumnMapping = { column: columnLetter(col), header: headers.get(col) ?? '', field, confidence: 1, reason: field ? 'Chosen by you.' : 'You chose to leave this column out.' };
    if (choice !== null && typeof choice === 'object' && choice.combine) {
      m.combine = choice.combine;
      if (choice.option) m.option = choice.option;
    } else if (field) takenFields.add(field);
    chosen.set(col, m);
    fromPerson.add(col);
  }
  // A field the person spread over columns is theirs alone.
  for (const m of chosen.values()) if (m.field && m.combine) takenFields.add(m.field);

  for (const col of input.aside ?? []) {
    if (!chosen.has(col)) chosen.set(col, { column: columnLetter(col), header: headers.get(col) ?? '', field: null, confidence: 0, reason: 'This column belongs to a separate, smaller table beside the events.' });
  }

  const agreed = agreedHeadings(collection, headers);
  const candidates = new Map<number, Candidate[]>();
  for (const [col, header] of headers) {
    if (chosen.has(col)) continue;
    const own = agreed.get(col);
    const found = own ? [{ field: own.id, score: 1, heading: 1, reason: `Heading "${header}" is the agreed label, in a row of the agreed headings.` }] : columnCandidates(header, input, evidenceOf(col), () => emptyColumn(input, col));
    candidates.set(col, input.hidden?.has(col) ? found.map((c) => ({ ...c, score: c.score * HIDDEN, reason: `${c.reason} The column is hidden.` })) : found);
  }

  for (const part of spreadFields(input, candidates, evidenceOf, takenFields)) {
    chosen.set(part.col, part.mapping);
    if (part.mapping.field && part.mapping.combine) takenFields.add(part.mapping.field);
  }

  const free = [...candidates.keys()].filter((c) => !chosen.has(c)).sort((a, b) => a - b);
  const fields = collection.fields.filter((f) => !takenFields.has(f.id));
  const assigned = assign(free, fields, candidates);
  const runnerUp = new Map<number, Candidate>();
  const named = new Set<string>();
  for (const col of free) {
    const pick = assigned.get(col);
    if (pick && pick.heading >= 0.75) named.add(columnLetter(col));
    if (pick) {
      chosen.set(col, { column: columnLetter(col), header: headers.get(col) ?? '', field: pick.field, confidence: round(pick.score), reason: pick.reason });
      takenFields.add(pick.field);
    } else {
      const best = (candidates.get(col) ?? []).filter((c) => c.score >= THRESHOLD).sort((a, b) => b.score - a.score)[0];
      if (best) runnerUp.set(col, best);
    }
  }

  // A required text field no heading named ("Happening", "Outing" for the title): the free column whose values read most like it.
  for (const field of collection.fields) {
    if (field.requirement !== 'required' || field.kind !== 'text' || takenFields.has(field.id)) continue;
    let best: { col: number; score: number; fact: string } | null = null;
    for (const [col, header] of headers) {
      if (chosen.has(col) || (header !== '' && (excluded(header, field.excludeWords) || isQuestion(header)))) continue;
      const e = evidenceOf(col).get(field.id);
      if (e && !e.veto && e.score >= 0.9 && (e.sample ?? 0) >= 4 && (!best || e.score > best.score)) best = { col, score: e.score, fact: e.fact };
    }
    if (best) {
      chosen.set(best.col, { column: columnLetter(best.col), header: headers.get(best.col) ?? '', field: field.id, confidence: 0.35, reason: `No heading names ${field.label}, but this column's values read like it (${best.fact}).` });
      takenFields.add(field.id);
      runnerUp.delete(best.col);
      continue;
    }
    // Still none: a column given a text field that is not required ("What we did" as the description) whose values
    // read like this one is taken for it, to be confirmed, rather than the whole file refused for want of it.
    for (const [col, pick] of chosen) {
      const other = pick.field ? fieldsById.get(pick.field) : undefined;
      // A text field's column, or one given another field on its values alone ("Storytime" as the type of event for its names).
      if (fromPerson.has(col) || !other || other.requirement === 'required' || pick.combine || (other.kind !== 'text' && named.has(pick.column))) continue;
      const header = headers.get(col) ?? '';
      if (header !== '' && (excluded(header, field.excludeWords) || isQuestion(header))) continue;
      const e = evidenceOf(col).get(field.id);
      if (e && !e.veto && e.score >= 0.9 && (e.sample ?? 0) >= 4) {
        if (!best || e.score > best.score) best = { col, score: e.score, fact: e.fact };
        continue;
      }
      // Names that repeat week after week, given another field on their values alone, are the title's all the same.
      if (!best && other.kind !== 'text' && field.role === 'title' && !e?.veto && readsAsNames(input.columnCells(col))) best = { col, score: 0.5, fact: 'its values are names, some repeated' };
    }
    if (best) {
      const was = fieldsById.get(chosen.get(best.col)!.field!)!;
      chosen.set(best.col, { column: columnLetter(best.col), header: headers.get(best.col) ?? '', field: field.id, confidence: 0.35, reason: `No heading names ${field.label}, a required field; this column's heading reads more like ${was.label}, but its values read like ${field.label} (${best.fact}).` });
      takenFields.delete(was.id);
      takenFields.add(field.id);
    }
  }

  const columns = [...headers.keys()].sort((a, b) => a - b).map((col): ColumnMapping => {
    const pick = chosen.get(col);
    if (pick) return pick;
    const header = headers.get(col) ?? '';
    const near = runnerUp.get(col);
    const reason = near
      ? `Could be ${fieldsById.get(near.field)?.label ?? near.field}, but another column fits that field better.`
      : header ? `No agreed field matches "${header}".` : 'This column has no heading.';
    return { column: columnLetter(col), header, field: null, confidence: 0, reason };
  });
  return { columns, uncertain: doubts(columns, candidates, fromPerson, letterOf, fieldsById), named };
}

/**
 * A row of headings that are the agreed labels themselves (the template's, or
 * copied from it): every required field's label, each once. Such a heading
 * names its field outright, whatever the values; column → field.
 */
export function agreedHeadings(collection: Collection, headers: Map<number, string>): Map<number, FieldDef> {
  const byLabel = new Map(collection.fields.map((f) => [legendKey(f.label), f]));
  const out = new Map<number, FieldDef>();
  const seen = new Map<string, number>();
  for (const [col, header] of headers) {
    const field = byLabel.get(legendKey(header));
    if (!field) continue;
    seen.set(field.id, (seen.get(field.id) ?? 0) + 1);
    out.set(col, field);
  }
  const complete = collection.fields.every((f) => f.requirement !== 'required' || seen.get(f.id) === 1);
  return complete && [...seen.values()].every((n) => n === 1) ? out : new Map();
}

/** The assignment of free columns to fields (or to nothing) with the highest total score. */
function assign(cols: number[], fields: FieldDef[], candidates: Map<number, Candidate[]>): Map<number, Candidate> {
  const out = new Map<number, Candidate>();
  if (cols.length === 0 || fields.length === 0) return out;
  const BIG = 1e6;
  const cost = cols.map((col, i) => {
    const byField = new Map((candidates.get(col) ?? []).map((c) => [c.field, c]));
    const row: number[] = fields.map((f) => {
      const c = byField.get(f.id);
      // Equal scores go to the column further left.
      return c && c.score >= THRESHOLD ? 1 - c.score + i * 1e-7 : BIG;
    });
    // Each column has its own "no field" slot.
    for (let j = 0; j < cols.length; j++) row.push(j === i ? 1 - THRESHOLD : BIG);
    return row;
  });
  for (const [i, j] of munkres(cost)) {
    if (j >= fields.length) continue;
    const col = cols[i]!;
    const c = (candidates.get(col) ?? []).find((x) => x.field === fields[j]!.id);
    if (c && c.score >= THRESHOLD) out.set(col, c);
  }
  return out;
}

/** Whether, row by row, column `col` holds the sum of `others` (in nine rows of ten with numbers at all). */
function holdsSum(input: MappingInput, col: number, others: readonly number[]): boolean {
  const whole = input.columnCells(col);
  const parts = others.map((c) => input.columnCells(c));
  let rows = 0;
  let equal = 0;
  for (let r = 0; r < whole.length; r++) {
    const t = whole[r]!;
    if (t.kind !== 'number' || typeof t.value !== 'number') continue;
    let sum = 0;
    for (const p of parts) {
      const v = p[r];
      if (v?.kind === 'number' && typeof v.value === 'number') sum += v.value;
    }
    rows++;
    if (sum === t.value) equal++;
  }
  return rows >= 2 && equal >= 0.9 * rows;
}

/** Columns mapped on weak or conflicting evidence, with the reason in words. */
function doubts(columns: ColumnMapping[], candidates: Map<number, Candidate[]>, fromPerson: Set<number>, letterOf: Map<string, number>, fieldsById: Map<string, FieldDef>): Uncertain[] {
  const out: Uncertain[] = [];
  for (const m of columns) {
    const col = letterOf.get(m.column);
    if (!m.field || col === undefined || fromPerson.has(col)) continue;
    const own = (candidates.get(col) ?? []).find((c) => c.field === m.field);
    const why: string[] = [];
    if (m.combine === 'mark' && !m.option) {
      why.push('its heading names no single option: choose the one it means');
    } else if (m.combine) {
      if (m.confidence < 0.6) why.push('its heading only partly names one group');
    } else if (!own) {
      why.push('no heading names it; only the values fit');
    } else {
      if (own.reason.startsWith('The workbook\'s own legend')) continue;
      if (own.heading === 0) why.push('its heading does not name this field; only the values fit');
      else if (own.score < 0.5) why.push('its heading and values fit only loosely');
      const better = (candidates.get(col) ?? []).filter((c) => c.field !== m.field && c.heading >= 0.75 && c.heading > own.heading + 0.05).sort((a, b) => b.heading - a.heading)[0];
      if (better) why.push(`its heading reads more like ${fieldsById.get(better.field)?.label ?? better.field}`);
      for (const other of columns) {
        const oc = letterOf.get(other.column);
        if (oc === undefined || oc === col || other.field === m.field) continue;
        const rival = (candidates.get(oc) ?? []).find((c) => c.field === m.field);
        // Close behind, or anywhere in the running where this column's heading only partly names the field ("Total Users" beside "Unique Viewers").
        if (rival && rival.score >= THRESHOLD && (rival.score >= own.score - CLOSE || own.heading < 0.75) && !fromPerson.has(oc)) {
          why.push(`column ${other.column} (“${other.header}”) fits almost as well`);
          break;
        }
      }
    }
    if (why.length) out.push({ column: m.column, header: m.header, field: m.field, why: why.join('; ') });
  }
  return out;
}

/** A column with no value in any row. */
function emptyColumn(input: MappingInput, col: number): boolean {
  return input.columnCells(col).every((c) => c.kind === 'empty' || cellText(c) === '');
}

function columnCandidates(header: string, input: MappingInput, evidence: Map<string, ValueEvidence>, empty: () => boolean): Candidate[] {
  const { collection, matcher, legend } = input;
  const out: Candidate[] = [];
  const legendEntry = header ? legend.get(legendKey(header)) : undefined;
  const matches = header ? matchHeader(header, matcher) : [];
  const evidenceSample = Math.max(0, ...[...evidence.values()].map((e) => e.sample ?? 0));
  // Cells that are all levels, audiences or event types are not a title or a description, whatever the heading.
  const listLike = collection.fields.some((f) => (f.kind === 'enum' || f.kind === 'enum_list') && (evidence.get(f.id)?.score ?? 0) >= 0.9 && evidenceSample >= 3);
  const bareNumbers = numbersOnly(collection, evidence);
  // A long question ("What other events would you like to see?") sharing one word with a field is no name for it, and its answers say nothing.
  const question = isQuestion(header);
  const namesAField = matches.some((x) => x.score >= 0.5);
  for (const field of collection.fields) {
    const m = matches.find((x) => x.field === field.id);
    // A heading sharing a word or two with a name is no evidence ("Notes" vs "Event notes").
    const named = m ? (question && (yesNoQuestion(header) || (oneWordNoun(m.alias) && header.trim().split(/\s+/).length >= 8)) ? m.score * 0.5 : m.score) : 0;
    const h = named >= 0.5 ? named : 0;
    // A column with nothing in it takes a field only where its heading names it outright ("Zip" left blank), not on a resemblance ("Meeting Resources").
    if (named < 0.75 && evidence.size === 0 && empty()) continue;
    const v = evidence.get(field.id);
    // Numbers rising by one (101, 102, 103) are record numbers unless the heading names the field outright.
    if (v?.rising && named < 0.95) continue;
    const vs = v?.score ?? 0;
    if (legendEntry && legendEntry.field === field.id) {
      out.push({ field: field.id, score: 0.9 + 0.1 * vs, heading: 1, reason: `The workbook's own legend (${legendEntry.where}) says "${header}" means ${field.label}.${v && !v.veto ? ` ${capital(v.fact)}.` : ''}` });
      continue;
    }
    // "Date entered", "Registered": the heading says what the values are not, whatever they look like.
    const blocked = header !== '' && excluded(header, field.excludeWords);
    // Values that plainly are not of this field's kind (numbers under "Participants") weaken the heading;
    // so do values that are plainly another list's options (audiences under "Categories" are no event types).
    const contradicted = TYPED.has(field.kind) && (v?.sample ?? evidenceSample) >= 5 && (vs < 0.2 || (vs < 0.5 && otherList(collection, field, evidence)));
    // Without a word of the heading for it, the values alone speak (valueOnly below), never through the heading's share.
    let withHeader = h === 0 ? 0 : (0.65 * h + 0.35 * vs) * (contradicted || (listLike && field.kind === 'text') ? 0.6 : 1);
    // A code for a heading ("F2", "Col 3") names no field at all; "Aud" or "Lvl" name one, and are no code for the others.
    const coded = header === '' || (!namesAField && CODED_HEADING.test(header));
    // A handful of values is weak evidence on its own.
    const support = Math.min(1, (v?.sample ?? 0) / 4);
    const valueShare = v?.inArea ?? vs;
    // Bare numbers read as levels or options only where a heading says so ("1" is also a count, a month, a code).
    const numeric = (bareNumbers || !!v?.numeric) && (field.kind === 'enum' || field.kind === 'enum_list');
    // A text column speaks for itself only as places the collection knows (v.inArea); other text needs a heading.
    const weight = (coded ? CODED_WEIGHT[field.kind] : field.kind === 'text' && v?.inArea !== undefined ? KNOWN_PLACES_WEIGHT : VALUE_ONLY_WEIGHT[field.kind]) ?? 0;
    // A short question asks for the field's value ("How many?", "Who came?"); a survey question's answers say nothing.
    let valueOnly = blocked || numeric || (question && surveyQuestion(header)) ? 0 : weight * valueShare * support;
    if (v?.constant) valueOnly *= 0.5;
    if (v?.veto) {
      withHeader *= VETOED;
      valueOnly = 0;
    }
    const score = Math.max(withHeader, valueOnly);
    if (score <= 0) continue;
    const reason = v?.veto
      ? `Heading "${header}" resembles "${m?.alias ?? field.label}", but ${v.veto}.`
      : withHeader >= valueOnly && h > 0
        ? `Heading "${header}" ${h >= 0.95 ? 'matches' : 'resembles'} "${m!.alias}"${v ? `; ${v.fact}` : ''}.`
        : `${header ? `Heading "${header}" says little, but` : 'No heading, but'} ${v!.fact}.`;
    out.push({ field: field.id, score: Math.min(1, score), reason, heading: withHeader >= valueOnly ? h : 0 });
  }
  return out;
}

/** Whether the values are plainly the options of another list field (four in five of them). */
function otherList(collection: Collection, field: FieldDef, evidence: Map<string, ValueEvidence>): boolean {
  if (field.kind !== 'enum' && field.kind !== 'enum_list') return false;
  return collection.fields.some((f) => f.id !== field.id && (f.kind === 'enum' || f.kind === 'enum_list') && (evidence.get(f.id)?.score ?? 0) >= 0.8);
}

/** A question put to the people who came ("Did you enjoy it?", "What would you like to see next time?"), not a short one asking for the value. */
function surveyQuestion(header: string): boolean {
  return yesNoQuestion(header) || header.trim().split(/\s+/).length >= 6;
}

/** "Did you enjoy the event?": a yes/no question asks about the event, it names none of its fields. */
function yesNoQuestion(header: string): boolean {
  return /^(did|do|does|are|is|was|were|have|has|will|would|can|could|should)\b/i.test(header.trim());
}

/** A one-word name that is not itself a question word ("Event", not "Who" or "When"). */
function oneWordNoun(alias: string): boolean {
  const words = alias.trim().split(/\s+/);
  return words.length === 1 && !/^(who|when|where|what|which|how)$/i.test(words[0]!);
}

/** A survey question as a heading: it ends with a question mark, or opens as one and runs long. */
function isQuestion(header: string): boolean {
  const t = header.trim();
  return /\?\s*(\(.*\))?$/.test(t) || (/^(what|how|did|do|does|are|is|was|were|would|will|have|has|which|who|when|where|why|can)\b/i.test(t) && t.split(/\s+/).length >= 5);
}

/** Whether the column's values are all bare whole numbers (1, 2, 3). */
function numbersOnly(collection: Collection, evidence: Map<string, ValueEvidence>): boolean {
  const count = collection.fields.find((f) => f.kind === 'count');
  const e = count ? evidence.get(count.id) : undefined;
  return !!e && e.score >= 0.95;
}

interface Part {
  col: number;
  mapping: ColumnMapping;
}

/**
 * Fields spread over several columns: one tick column per option of an
 * enumeration ("Parents | Teachers | Caregivers" with x's), and counts of
 * groups of people to add up ("# Adults", "# Children"); a total column, when
 * there is one, is the field and its parts map to nothing.
 */
function spreadFields(input: MappingInput, candidates: Map<number, Candidate[]>, evidenceOf: (col: number) => Map<string, ValueEvidence>, taken: Set<string>): Part[] {
  const { collection, headers } = input;
  const out: Part[] = [];
  const ctx = { collection, date1904: input.date1904 };
  const free = [...candidates.keys()].sort((a, b) => a - b);
  for (const field of collection.fields) {
    if (taken.has(field.id)) continue;
    if (field.kind === 'enum' || field.kind === 'enum_list') {
      const marks: { col: number; option: string; label: string; ticked: boolean; partly: boolean }[] = [];
      // A tick column whose heading names no single option ("Providers": teachers or directors?).
      const unclear: number[] = [];
      for (const col of free) {
        const header = headers.get(col) ?? '';
        if (!header || header.length > 60) continue;
        // "Teachers (x)", "Parents (Y/N)": the note says how to mark, not what.
        const r = guardedNormalise(field, { kind: 'text', value: header.replace(MARK_HINT, '') }, ctx);
        if (r.kind === 'invalid' && r.problem.reason === 'unclear' && markColumn(input.columnCells(col)) === 'ticks') unclear.push(col);
        // "Lead & asst. teachers": one option read, the rest of the words not; taken, but asked about.
        const partly = r.kind === 'ok' && r.warning?.reason === 'partly_unknown';
        if (r.kind !== 'ok' || (r.warning && !partly)) continue;
        const ids = Array.isArray(r.value) ? r.value : [r.value];
        if (ids.length !== 1 || typeof ids[0] !== 'string') continue;
        const kind = markColumn(input.columnCells(col));
        if (!kind) continue;
        const label = collection.enumerations[field.enumeration ?? '']?.find((o) => o.id === ids[0])?.label ?? String(ids[0]);
        marks.push({ col, option: ids[0], label, ticked: kind === 'ticks', partly });
      }
      // An option's column with no tick at all belongs to the field when the others have ticks: nobody chose it.
      for (let i = marks.length - 1; i >= 0; i--) if (!marks[i]!.ticked && marks.filter((m) => m.ticked).length + (unclear.length > 0 ? 1 : 0) < 2) marks.splice(i, 1);
      // One tick column is a yes/no question; two or more, one per option, make the field.
      const options = new Set(marks.map((m) => m.option));
      const named = free.some((c) => !marks.some((m) => m.col === c) && !unclear.includes(c) && (candidates.get(c) ?? []).some((x) => x.field === field.id && x.heading >= 0.75 && x.score >= 0.5));
      const spread = options.size + (unclear.length > 0 ? 1 : 0) >= 2 && options.size >= 1 && !named;
      if (spread) {
        for (const m of marks) {
          out.push({ col: m.col, mapping: { column: columnLetter(m.col), header: headers.get(m.col) ?? '', field: field.id, combine: 'mark', option: m.option, confidence: m.partly ? 0.55 : 0.85, reason: `A tick in this column means ${field.label}: ${m.label}${m.partly ? ' (read from part of its heading)' : ''}.` } });
        }
      }
      // Beside tick columns that do name options, one that names none is part of the same field, with its option left to the person.
      if (spread) {
        for (const col of unclear) {
          const header = headers.get(col) ?? '';
          out.push({ col, mapping: { column: columnLetter(col), header, field: field.id, combine: 'mark', confidence: 0.5, reason: `A tick column of ${field.label}, but “${header}” names no single option: choose which one it means. Until then its ticks are not counted.` } });
        }
      }
    }
    if (field.kind === 'date') out.push(...dateParts(input, field, free));
    if (field.kind === 'count' && field.parts.length > 0) {
      // "Dads", "Grandparents", "Childcare staff": a heading the audience field reads as one of its options names a group counted.
      const audience = fieldWithRole(collection, 'audience');
      const namesAudience = (header: string): boolean => {
        if (!audience) return false;
        const r = guardedNormalise(audience, { kind: 'text', value: header.replace(COUNT_MARK, ' ') }, ctx);
        // "Came - teachers": a word in front of the group is the count's, not the group's.
        return r.kind === 'ok' && (!r.warning || r.warning.reason === 'partly_unknown');
      };
      // ...but "Total (dads + kids)" is the head count's own heading, however it names the groups: the total.
      const ownsTotal = (header: string): boolean =>
        matchHeader(header.replace(COUNT_MARK, ' '), input.matcher).some((m) => m.field === field.id && m.score >= 0.5);
      const groupOnly = (col: number): boolean => {
        const header = headers.get(col) ?? '';
        return !ownsTotal(header) && namesAudience(header);
      };
      const parts: number[] = [];
      for (const col of free) {
        const header = headers.get(col) ?? '';
        if (!header || out.some((p) => p.col === col) || excluded(header, field.excludeWords)) continue;
        const words = new Set(headerWords(header));
        const listed = field.parts.some((w) => headerWords(w).every((x) => words.has(x)));
        if (!listed && (ownsTotal(header) || !namesAudience(header))) continue;
        const e = evidenceOf(col).get(field.id);
        if (!e || e.veto || e.score < 0.8) continue;
        // A heading that names another field outright ("Parent's zip") is not a head count.
        if ((candidates.get(col) ?? []).some((x) => x.field !== field.id && x.heading >= 0.75)) continue;
        parts.push(col);
      }
      // "Total (dads + kids)" names its groups too: the part whose numbers are the others' sum is their total.
      const sumOfOthers = parts.length >= 3 ? parts.find((c) => holdsSum(input, c, parts.filter((p) => p !== c))) : undefined;
      if (sumOfOthers !== undefined) parts.splice(parts.indexOf(sumOfOthers), 1);
      if (parts.length < 2) continue;
      const total = sumOfOthers ?? free.find((c) => !parts.includes(c) && !groupOnly(c) && (candidates.get(c) ?? []).some((x) => x.field === field.id && x.heading >= 0.5 && x.score >= 0.45));
      for (const col of parts) {
        const header = headers.get(col) ?? '';
        out.push(total !== undefined
          ? { col, mapping: { column: columnLetter(col), header, field: null, confidence: 0, reason: `One group of the people counted; column ${columnLetter(total)} (“${headers.get(total)}”) holds the total, so that is ${field.label}.` } }
          : { col, mapping: { column: columnLetter(col), header, field: field.id, combine: 'sum', confidence: 0.85, reason: `One group of the people counted: ${field.label} adds up ${parts.map((p) => `“${headers.get(p)}”`).join(' + ')}.` } });
      }
    }
  }
  return out;
}

/**
 * A date kept in several columns: "Month" (names or 1 to 12) and "Day" (1 to
 * 31), with "Year" or else the reporting period's year, when the period is one
 * calendar year.
 */
function dateParts(input: MappingInput, field: FieldDef, free: number[]): Part[] {
  const { headers, period } = input;
  const found = new Map<'month' | 'day' | 'year', number>();
  for (const col of free) {
    const words = headerWords(headers.get(col) ?? '').join(' ');
    for (const part of ['month', 'day', 'year'] as const) {
      if (found.has(part) || !ENGLISH.dateParts[part].has(words)) continue;
      if (partShare(input.columnCells(col), part) >= 0.8) found.set(part, col);
    }
  }
  const month = found.get('month');
  const day = found.get('day');
  if (month === undefined || day === undefined) return [];
  const year = found.get('year');
  const inYear = period ? periodYear(period) : undefined;
  if (year === undefined && inYear === undefined) return [];
  const letter = (c: number) => `${columnLetter(c)} (“${headers.get(c)}”)`;
  const rest = year !== undefined ? `the day is in column ${letter(day)}, the year in column ${letter(year)}` : `the day is in column ${letter(day)}, the year is the reporting period's (${inYear})`;
  const part = (col: number, option: string, reason: string): Part => ({ col, mapping: { column: columnLetter(col), header: headers.get(col) ?? '', field: field.id, combine: 'part', option, confidence: 0.8, reason } });
  return [
    part(month, 'month', `The month of ${field.label}; ${rest}.`),
    part(day, 'day', `The day of ${field.label}; the month is in column ${letter(month)}.`),
    ...(year !== undefined ? [part(year, 'year', `The year of ${field.label}.`)] : []),
  ];
}

/** The share of a column's values that are a month (a name or 1 to 12), a day of the month or a year. */
function partShare(cells: Cell[], part: 'month' | 'day' | 'year'): number {
  let n = 0;
  let fit = 0;
  for (const c of cells) {
    if (c.kind === 'empty') continue;
    n++;
    if (datePartOf(c, part) !== undefined) fit++;
    if (n >= 300) break;
  }
  return n === 0 ? 0 : fit / n;
}

/** A column of ticks ('ticks'), one left all empty ('empty'), or neither. */
function markColumn(cells: Cell[]): 'ticks' | 'empty' | false {
  let on = 0;
  let other = 0;
  let n = 0;
  for (const c of cells) {
    if (c.kind === 'empty') continue;
    if (c.kind === 'boolean') {
      n++;
      if (c.value === true) on++;
      continue;
    }
    const t = cellText(c);
    if (!t) continue;
    n++;
    if (MARK_ON.test(t)) on++;
    else if (!MARK_OFF.test(t)) other++;
    if (n >= 300) break;
  }
  if (n === 0) return 'empty';
  return on >= 1 && other <= 0.05 * n ? 'ticks' : false;
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
