import { guardedNormalise as normaliseField } from '../normalise/memo';
import { headerRowCells } from './headerCells';
import { cellText, type Cell, type Sheet } from '../workbook';
import { matchHeader, type HeaderMatcher } from '../mapping/headerMatch';
import { HEADING_NUMBER, stripNumbering } from '../mapping/headerWords';
import { legendKey, type Legend } from '../mapping/legend';

export interface HeaderGuess {
  /** 0-based row of the header. */
  row: number;
  score: number;
  /** How many agreed fields the headings name. */
  fieldsNamed: number;
  /** Rows below the header that hold two or more values. */
  dataRows: number;
}

/** How far down a header may sit under title, logo, key and group-header rows. */
const SCAN_ROWS = 40;

/**
 * Finds the header row: the row whose cells name the most agreed fields
 * (directly or through the partner's legend), is mostly text, and has rows of
 * data below it. The table may start in any column.
 */
export function detectHeaderRow(sheet: Sheet, matcher: HeaderMatcher, legend: Legend): HeaderGuess | null {
  const limit = Math.min(sheet.rows.length, SCAN_ROWS);
  let best: HeaderGuess | null = null;
  for (let r = 0; r < limit; r++) {
    const guess = scoreRow(sheet, r, matcher, legend);
    if (guess && (!best || guess.score > best.score + 1e-9)) best = guess;
  }
  return best;
}

export function scoreRow(sheet: Sheet, r: number, matcher: HeaderMatcher, legend: Legend): HeaderGuess | null {
  const row = headerRowCells(sheet, r);
  let texts = 0;
  let others = 0;
  const perField = new Map<string, number>();
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (!cell || cell.kind === 'empty') continue;
    if (cell.kind !== 'text') {
      others++;
      continue;
    }
    const t = cellText(cell);
    if (!t) continue;
    texts++;
    if (t.length > 60 || looksLikeData(cell, t, matcher) || (ownText(sheet, r, c) && repeatsNearby(sheet, r, c, t))) {
      others++;
      continue;
    }
    const fromLegend = legend.get(legendKey(t));
    if (fromLegend) perField.set(fromLegend.field, Math.max(perField.get(fromLegend.field) ?? 0, 1));
    const m = matchHeader(t, matcher)[0];
    if (m && m.score >= 0.5) perField.set(m.field, Math.max(perField.get(m.field) ?? 0, m.score));
  }
  if (texts < 2) return null;
  const dataRows = countDataRows(sheet, r);
  let named = 0;
  let sum = 0;
  for (const s of perField.values()) {
    sum += s;
    if (s >= 0.75) named++;
  }
  // Headings stand near the top: of two rows that read alike, the higher is the header.
  let score = sum + 0.15 * texts - 0.5 * others + 0.1 * typeContrast(sheet, r) - 0.01 * r;
  if (dataRows === 0) score *= 0.3;
  return { row: r, score, fieldsNamed: named, dataRows };
}

/** Rows below the header (up to 200) that hold two values or more. */
export function countDataRows(sheet: Sheet, header: number): number {
  let n = 0;
  const end = Math.min(sheet.rows.length, header + 200);
  for (let r = header + 1; r < end; r++) {
    let filled = 0;
    for (const cell of sheet.rows[r] ?? []) if (cell && cell.kind !== 'empty' && cellText(cell) !== '') filled++;
    if (filled >= 2) n++;
  }
  return n;
}

/** The row's own cell holds the text (not a heading merged down from the row above). */
function ownText(sheet: Sheet, r: number, c: number): boolean {
  const own = sheet.rows[r]?.[c];
  return !!own && own.kind === 'text';
}

/** A heading is not repeated in its column just above or below it; a value is ("Yes", "Yes"; one event's name on every row). */
function repeatsNearby(sheet: Sheet, r: number, c: number, text: string): boolean {
  for (let i = Math.max(0, r - 3); i <= r + 3; i++) {
    if (i === r) continue;
    const other = sheet.rows[i]?.[c];
    if (other && other.kind === 'text' && other.value === text) return true;
  }
  return false;
}

const DATA_TEXT = /^[\d$~#(+-]|\d{3,}/;

/** A cell that reads as a value (a date, a number, an address, a zip, an engagement level or audience) rather than a heading. */
function looksLikeData(cell: Cell, text: string, matcher: HeaderMatcher): boolean {
  if (HEADING_NUMBER.test(text) && /[a-z]{3}/i.test(stripNumbering(text))) return false;
  if (DATA_TEXT.test(text)) return true;
  const ctx = { collection: matcher.collection, date1904: false };
  for (const f of matcher.fields) {
    const kind = f.field.kind;
    if (kind !== 'date' && kind !== 'enum' && kind !== 'enum_list') continue;
    // Unknown event types are kept as written: a heading would read as one.
    if (f.field.role === 'event_type') continue;
    const r = normaliseField(f.field, cell, ctx);
    if (r.kind === 'ok' && !r.warning) return true;
  }
  return false;
}

/** Columns where this row holds text and the next row a number or a date: the mark of a header over data. */
function typeContrast(sheet: Sheet, r: number): number {
  const row = sheet.rows[r] ?? [];
  const next = sheet.rows[r + 1] ?? [];
  let n = 0;
  for (let c = 0; c < row.length; c++) {
    const a = row[c];
    const b = next[c];
    if (a?.kind === 'text' && b && (b.kind === 'number' || b.kind === 'date' || (b.kind === 'text' && DATA_TEXT.test(cellText(b))))) n++;
  }
  return n;
}
