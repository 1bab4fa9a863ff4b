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
/** Rows of three cells or more beyond which a sheet is a table, not a key. */
const WIDE_ROWS = 5;
/** A code written out in a row of its own beside its meaning: "1x contact | Touchpoint - flyer, call". */
const ROW_CODE = /^[^=:;|]{1,25}$/;
/** "0 = Touchpoint", "<2 hrs = Level 1", "drop-in = Level 1": with "=" a code may be words. */
const PAIR = /^\s*([^=;|→]{1,40}?)\s*(?:=|→|->|\bmeans\b)\s*(.{2,80}?)[\s.]*$/i;
/** "TP: Touchpoint", "A – Level 1": looser marks, for a short code only. */
const SHORT_PAIR = /^\s*([\w.+-]{1,6})\s*(?::|–|—|\bis\b)\s*(.{2,60}?)[\s.]*$/i;
/** Where a note's sentences end: "Kept by the Children's Dept. Level: T = touchpoint". */
const SENTENCE = /(?<=[.!?])\s+(?=[A-Z])/;
/** Between a key's entries: ";", ",", "|", a bullet or middle dot, a line break, or a gap of spaces ("TP = TOUCHPOINT   E1 = LEVEL 1"). */
const ENTRY = /[;,\n|·•▪]|\s{3,}/;
/** A key's label before its first entry: "Level key:", "Dosage:", "INTENSITY KEY:". */
const LABEL = /^[^:=]{1,40}:\s*(?=[^:=]{1,30}=)/;
/** Codes given as alternatives: "series (6 wks) or multi-session". */
const ALTERNATIVES = /\s+or\s+|\s*\/\s*/i;

/** A code as compared: without case, and "Drop-in", "drop in", "Drop_in" alike. */
export function valueKeyOf(text: string): string {
  return text.trim().toLowerCase().replace(/[-_\s]+/g, ' ');
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
  /** Per field, the codes of keys that are already the field's own values ("L1", "Level 2"). */
  const self = new Map<string, Set<string>>();
  /** Data-dictionary rows "Typ | LIT | Literacy": per heading, the fields its codes' meanings name, and where. */
  const dictionary = new Map<string, { heading: string; fields: Map<string, number>; codes: number; where: string }>();
  for (const sheet of workbook.sheets) {
    const rows = Math.min(sheet.rows.length, MAX_ROWS);
    /** Columns under a heading "Lvl key", "Legend", "Codes": a key box beside the table, read cell pair by cell pair. */
    const keyColumns = new Set<number>();
    // On a sheet of table rows, two cells of a row are an event's title and level, not a code and its meaning:
    // a code of several words beside its meaning is read only where rows of three cells or more are few.
    let wide = 0;
    for (let r = 0; r < rows && wide <= WIDE_ROWS; r++) if ((sheet.rows[r] ?? []).filter((c) => !!c && c.kind !== 'empty').length >= 3) wide++;
    /** The heading row of a key table ("Format | Meaning | Level") and the fields its codes' options name. */
    let keyTable: { heading: string; fields: Map<string, number>; where: string } | undefined;
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
      if (texts.length === 2 && (CODE.test(texts[0]!) || (wide <= WIDE_ROWS && ROW_CODE.test(texts[0]!)))) pairs.push([texts[0]!, texts[1]!]);
      if (texts.length === 3 && CODE.test(texts[1]!) && texts[0]!.length <= 40 && !CODE_WORD.test(texts[0]!)) {
        const key = legendKey(texts[0]!);
        let d = dictionary.get(key);
        if (!d) dictionary.set(key, (d = { heading: texts[0]!, fields: new Map(), codes: 0, where: `sheet "${sheet.name}", row ${r + 1}` }));
        d.codes++;
        for (const id of add(found, fields, collection, texts[1]!, texts[2]!)) d.fields.set(id, (d.fields.get(id) ?? 0) + 1);
        continue;
      }
      // A key table "Format | Meaning | HSH engagement level" on a sheet that is no table of events: the code, what it is, the option it counts as.
      // (A sheet of drop-down lists, "Literacy | touchpoint | Parents", is none: its middle is no description, its first cells are options already.)
      if (texts.length === 3 && wide <= WIDE_ROWS && ROW_CODE.test(texts[0]!)) {
        const describes = texts[1]!.split(/\s+/).length >= 3 && !fields.some((f) => optionNamed(f, collection, texts[0]!) !== undefined);
        const into = describes ? add(found, fields, collection, texts[0]!, texts[2]!) : [];
        if (into.length === 0) keyTable ??= { heading: texts[0]!, fields: new Map(), where: `sheet "${sheet.name}", row ${r + 1}` };
        else {
          for (const id of into) keyTable?.fields.set(id, (keyTable.fields.get(id) ?? 0) + 1);
          continue;
        }
      }
      for (const t of texts) {
        if (t.length > 400) continue;
        pairs.push(...keyEntries(t));
      }
      for (const [code, meaning] of pairs) {
        for (const one of code.split(ALTERNATIVES)) {
          if (!one.trim()) continue;
          add(found, fields, collection, one, meaning);
          selfCodes(self, fields, collection, one);
        }
      }
    }
    // The key table's own heading ("Format") names its field where the events use it as a heading.
    const [best, n] = [...(keyTable?.fields ?? [])].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (legend && keyTable && best && n !== undefined && n >= 2 && !legend.has(legendKey(keyTable.heading))) legend.set(legendKey(keyTable.heading), { field: best, where: keyTable.where });
  }
  // A key explains two codes or more; a code that is itself the option it stands for ("L1 = under 2 hrs") counts towards them.
  for (const [field, codes] of found) if (new Set([...codes.keys(), ...(self.get(field) ?? [])]).size < 2) found.delete(field);
  // A heading whose codes all mean options of one field is that field ("Typ": LIT = Literacy, PAR = Parenting).
  if (legend) {
    for (const [key, d] of dictionary) {
      const [best, n] = [...d.fields].sort((a, b) => b[1] - a[1])[0] ?? [];
      if (best && n !== undefined && n >= 2 && n >= 0.8 * d.codes && !legend.has(key)) legend.set(key, { field: best, where: d.where });
    }
  }
  return found;
}

/** The entries "code = meaning" of a note: sentence by sentence, after the key's label. */
function keyEntries(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const sentence of text.split(SENTENCE)) {
    for (const part of sentence.replace(LABEL, '').split(ENTRY)) {
      const m = PAIR.exec(part) ?? SHORT_PAIR.exec(part);
      if (m) out.push([m[1]!.trim(), m[2]!]);
    }
  }
  return out;
}

/**
 * A meaning as written, then without its asides ("Touchpoint - flyer, call",
 * "ENGAGEMENT LEVEL 1 (UNDER 2 HRS)"), then its last aside alone, where the
 * partner described the code and named the option after it ("class or group
 * under 2 hrs (level one)"), then without its -ing verbs.
 */
function readings(meaning: string): string[] {
  const bare = meaning.replace(/\([^)]*\)/g, ' ').replace(/\s+/g, ' ').trim();
  const head = meaning.split(/\s+[-–—]\s+|\s*[(:]/)[0]!.trim();
  const aside = /\(([^()]{2,40})\)\s*$/.exec(meaning)?.[1]?.trim() ?? '';
  // Last, without the verbs that describe how they came ("parents attending with their children").
  const verbless = bare.replace(/\b[a-z]{3,}ing\b\s*/gi, '').replace(/\s+/g, ' ').trim();
  return [...new Set([meaning, bare, head, aside, verbless])].filter((m) => m.length >= 2);
}

/** The one option a meaning plainly names, if it names one. */
function optionNamed(field: FieldDef, collection: Collection, meaning: string): string | undefined {
  for (const text of readings(meaning)) {
    const r = normaliseField(field, { kind: 'text', value: text }, { collection, date1904: false });
    if (r.kind !== 'ok' || r.warning) continue;
    // One option: "P = Parents" for a list field (audiences) is the list of that one option.
    const id = typeof r.value === 'string' ? r.value : Array.isArray(r.value) && r.value.length === 1 && typeof r.value[0] === 'string' ? r.value[0] : undefined;
    if (id !== undefined) return id;
  }
  return undefined;
}

/** Notes, per field, a key's code that is already one of the field's options as written. */
function selfCodes(self: Map<string, Set<string>>, fields: FieldDef[], collection: Collection, code: string): void {
  for (const field of fields) {
    if (optionNamed(field, collection, code) === undefined) continue;
    let codes = self.get(field.id);
    if (!codes) self.set(field.id, (codes = new Set()));
    codes.add(valueKeyOf(code));
  }
}

/** Records a code of every field its meaning plainly names one option of; the fields it was recorded for. */
function add(found: ValueKeys, fields: FieldDef[], collection: Collection, code: string, meaning: string): string[] {
  const into: string[] = [];
  for (const field of fields) {
    const id = optionNamed(field, collection, meaning);
    if (id === undefined) continue;
    let codes = found.get(field.id);
    if (!codes) found.set(field.id, (codes = new Map()));
    if (!codes.has(valueKeyOf(code))) codes.set(valueKeyOf(code), id);
    into.push(field.id);
  }
  return into;
}

/** The options of a cell that lists only codes of the partner's key ("P/C", "P, T"), without repeats; else undefined. */
export function keyedList(codes: Map<string, string>, text: string): string[] | undefined {
  if (text.length > 100) return undefined;
  const parts = text.split(/\s*[,;/&+|]\s*|\s+and\s+/i).filter((p) => p !== '');
  if (parts.length < 2) return undefined;
  const ids: string[] = [];
  for (const p of parts) {
    const id = codes.get(valueKeyOf(p));
    if (id === undefined) return undefined;
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
