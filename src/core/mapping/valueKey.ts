import type { Collection, FieldDef } from '../collection/types';
import { normaliseField } from '../normalise';
import { cellText, type Cell, type Workbook } from '../workbook';
import { legendKey, type Legend } from './legend';

/** The heading row of a dictionary ("Column | Code | Meaning") is no entry. */
const CODE_WORD = /^(column|field|heading|variable|name)s?$/i;
/** The heading of a key box: "Lvl key", "Legend", "Codes". */
const KEY_HEADING = /^\s*([\w#.&/ -]{0,25}\s)?(key|legend|codes?)\s*:?\s*$/i;

/** Per field: a partner's code (as valueKeyOf gives it) → the option id its key says the code means. */
export type ValueKeys = Map<string, Map<string, string>>;

const MAX_ROWS = 400;
const CODE = /^[\w.+-]{1,6}$/;
const PAIR = /^\s*([\w.+-]{1,6})\s*(?:=|:|→|->|–|—|\bmeans\b|\bis\b)\s*(.{2,60}?)\s*$/i;

export function valueKeyOf(text: string): string {
  return text.trim().toLowerCase();
}

/**
 * Reads keys that explain coded values, written anywhere in the workbook
 * (under the table, on a legend sheet): "0 = Touchpoint", "3 = Day of the
 * Young Child", or the code and the option side by side. A code counts only
 * when its meaning is plainly one option, and a key must explain at least
 * two codes of the same field.
 */
export function findValueKeys(workbook: Workbook, collection: Collection, legend?: Legend): ValueKeys {
  const fields = collection.fields.filter((f) => f.kind === 'enum' || f.kind === 'enum_list');
  const found: ValueKeys = new Map();
  /** Data-dictionary rows "Typ | LIT | Literacy": per heading, the fields its codes' meanings name, and where. */
  const dictionary = new Map<string, { heading: string; fields: Map<string, number>; codes: number; where: string }>();
  for (const sheet of workbook.sheets) {
    const rows = Math.min(sheet.rows.length, MAX_ROWS);
    /** Columns under a heading "Lvl key", "Legend", "Codes": a key box beside the table, read cell pair by cell pair. */
    const keyColumns = new Set<number>();
    for (let r = 0; r < rows; r++) {
      const row = sheet.rows[r] ?? [];
      const texts = row.filter((c): c is Cell => !!c && c.kind !== 'empty').map(cellText).filter(Boolean);
      const pairs: [string, string][] = [];
      for (const c of keyColumns) {
        const code = row[c] ? cellText(row[c]!).trim() : '';
        const meaning = row[c + 1] ? cellText(row[c + 1]!).trim() : '';
        if (CODE.test(code) && meaning.length >= 2 && meaning.length <= 80) pairs.push([code, meaning]);
      }
      row.forEach((cell, c) => {
        if (cell && c < 200 && KEY_HEADING.test(cellText(cell))) keyColumns.add(c);
      });
      if (texts.length === 2 && CODE.test(texts[0]!)) pairs.push([texts[0]!, texts[1]!]);
      if (texts.length === 3 && CODE.test(texts[1]!) && texts[0]!.length <= 40 && !CODE_WORD.test(texts[0]!)) {
        const key = legendKey(texts[0]!);
        let d = dictionary.get(key);
        if (!d) dictionary.set(key, (d = { heading: texts[0]!, fields: new Map(), codes: 0, where: `sheet "${sheet.name}", row ${r + 1}` }));
        d.codes++;
        for (const id of add(found, fields, collection, texts[1]!, texts[2]!)) d.fields.set(id, (d.fields.get(id) ?? 0) + 1);
        continue;
      }
      for (const t of texts) {
        if (t.length > 400) continue;
        // "Level key: 0 = Touchpoint; 1 = ..." — the label before the first code is not part of it.
        for (const part of t.replace(/^[^:=]{1,30}:\s*(?=[\w.+-]{1,6}\s*=)/, '').split(/[;,\n|]/)) {
          const m = PAIR.exec(part);
          if (m) pairs.push([m[1]!, m[2]!]);
        }
      }
      for (const [code, meaning] of pairs) add(found, fields, collection, code, meaning);
    }
  }
  for (const [field, codes] of found) if (codes.size < 2) found.delete(field);
  // A heading whose codes all mean options of one field is that field ("Typ": LIT = Literacy, PAR = Parenting).
  if (legend) {
    for (const [key, d] of dictionary) {
      const [best, n] = [...d.fields].sort((a, b) => b[1] - a[1])[0] ?? [];
      if (best && n !== undefined && n >= 2 && n >= 0.8 * d.codes && !legend.has(key)) legend.set(key, { field: best, where: d.where });
    }
  }
  return found;
}

/** Records a code of every field its meaning plainly names one option of; the fields it was recorded for. */
function add(found: ValueKeys, fields: FieldDef[], collection: Collection, code: string, meaning: string): string[] {
  const into: string[] = [];
  for (const field of fields) {
    const r = normaliseField(field, { kind: 'text', value: meaning }, { collection, date1904: false });
    if (r.kind !== 'ok' || r.warning) continue;
    // One option: "P = Parents" for a list field (audiences) is the list of that one option.
    const id = typeof r.value === 'string' ? r.value : Array.isArray(r.value) && r.value.length === 1 && typeof r.value[0] === 'string' ? r.value[0] : undefined;
    if (id === undefined) continue;
    let codes = found.get(field.id);
    if (!codes) found.set(field.id, (codes = new Map()));
    if (!codes.has(valueKeyOf(code))) codes.set(valueKeyOf(code), id);
    into.push(field.id);
  }
  return into;
}
