import { cellText, type Sheet, type Workbook } from '../workbook';
import { matchHeader, type HeaderMatcher } from './headerMatch';

/** A partner's own statement that one of its headings means an agreed field. */
export interface LegendEntry {
  field: string;
  /** Where it was written, for the reason shown to the person: "sheet Legend, row 4". */
  where: string;
}

/** Partner heading (as legendKey) → the field its legend says it is. */
export type Legend = Map<string, LegendEntry>;

export function legendKey(text: string): string {
  // 'Bldg' = street address: quotes around their heading are not part of it.
  return text.toLowerCase().replace(/[*:]+/g, ' ').replace(/\s+/g, ' ').trim().replace(/^(['"‘“])(.+)['"’”]$/, '$2');
}

const STRICT = 0.95;
const MAX_ROWS = 200;
const PAIR = /^\s*(.{1,40}?)\s*(?:=|:|→|->|–|—|\bmeans\b|\bis\b)\s*(.+?)\s*$/i;
const NAMED = /^\s*([^()]{1,30}?)\s*\(\s*([^()]{3,40}?)\s*\)\s*$/;

/**
 * Reads the partner's data dictionary: a legend sheet with their heading in
 * one cell and an agreed field's label in the next, or a key line such as
 * "Key: Fld 1 = Title/Event; Fld 2 = Number of attendees". Only exact agreed
 * labels or aliases count as the meaning, so instructions and lists do not.
 */
export function findLegend(workbook: Workbook, matcher: HeaderMatcher): Legend {
  const legend: Legend = new Map();
  for (const sheet of workbook.sheets) readSheet(sheet, matcher, legend);
  return legend;
}

function readSheet(sheet: Sheet, matcher: HeaderMatcher, legend: Legend): void {
  const rows = Math.min(sheet.rows.length, MAX_ROWS);
  const sideBySide: Legend = new Map();
  /** Rows that name an agreed field for a heading, including headings that already say it ("Lvl | Engagement level"). */
  let described = 0;
  for (let r = 0; r < rows; r++) {
    const row = sheet.rows[r] ?? [];
    const texts: { c: number; t: string }[] = [];
    for (let c = 0; c < row.length && c < 50; c++) {
      const t = row[c] ? cellText(row[c]!) : '';
      if (t) texts.push({ c, t });
    }
    // Side by side, in a short row: their heading, then the agreed field it means.
    if (texts.length >= 2 && texts.length <= 3 && texts[1]!.c === texts[0]!.c + 1) {
      const name = texts[0]!.t;
      // "Engagement level: A = Touchpoint, B = Level 1": the field, then its codes (read by valueKey.ts).
      const meaning = texts[1]!.t.replace(/^([^:=]{2,60}?)\s*:\s*\S{1,6}\s*=.*$/s, '$1');
      if (name.length <= 40 && meaning.length <= 60 && addPair(sideBySide, name, meaning, matcher, `sheet "${sheet.name}", row ${r + 1}`)) described++;
    }
    // A key's own heading: "Code (engagement level)" says their "Code" is the field.
    for (const { t } of texts) {
      const m = t.length <= 60 ? NAMED.exec(t) : null;
      if (m) addPair(legend, m[1]!, m[2]!, matcher, `sheet "${sheet.name}", row ${r + 1}`);
    }
    // In one cell: "Fld 1 = Title/Event; Fld 2 = Number of attendees".
    for (const { t } of texts) {
      if (t.length > 1000) continue;
      for (const part of t.replace(/^\s*(key|legend|note|columns?)\s*:/i, '').split(/[;\n|]|,\s+(?=[^,]{1,40}?\s*(?:=|→|->))|\.\s+(?=[^.]{1,40}?\s*(?:=|→|->))/)) {
        const m = PAIR.exec(part);
        if (m) addPair(legend, m[1]!, m[2]!, matcher, `sheet "${sheet.name}", row ${r + 1}`);
      }
    }
  }
  // One pair alone is a coincidence; a legend explains several columns.
  if (sideBySide.size >= 1 && described >= 2) for (const [k, v] of sideBySide) if (!legend.has(k)) legend.set(k, v);
}

/** Records "their heading means this field"; true when the meaning names an agreed field (recorded, or their heading already says it). */
function addPair(legend: Legend, name: string, meaning: string, matcher: HeaderMatcher, where: string): boolean {
  const best = matchHeader(meaning, matcher)[0];
  if (!best || best.score < STRICT) return false;
  // Their heading must not already be an agreed name (a list of labels is not a legend).
  const own = matchHeader(name, matcher)[0];
  if (own && own.score >= 0.9) return own.field === best.field;
  const key = legendKey(name);
  if (!key) return false;
  if (!legend.has(key)) legend.set(key, { field: best.field, where });
  return true;
}
