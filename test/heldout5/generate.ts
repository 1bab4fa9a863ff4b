// Fifth held-out QA corpus: an imitation of the DEV CORPUS GENERATOR (row mix,
// error kinds, ambiguous cells, title/notes/totals/month/blank rows, legend,
// 1904, serial dates, combined address, merged cells, CSV with BOM...) but with
// a bigger vocabulary: other heading words, other value spellings, other
// layouts. Each workbook comes with a truth file in the dev corpus format.
//
//   npx tsx test/heldout5/generate.ts [OUT_DIR]      (default /tmp/qa5/heldout)
//
// Score: node /work/shared/tools/score-corpus.mjs --corpus /tmp/qa5/heldout \
//          --cwd /work/main --cmd 'npm run --silent check -- {file} --json'
//
// The truth comes from the explicit raw -> expected tables below, never from
// the engine. Conventions: shared/spec/data-fields.md + shared/corpus/README.md.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

const OUT = path.resolve(process.argv[2] ?? '/tmp/qa5/heldout');

let seed = 52023;
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

type Field = 'title' | 'date' | 'event_type' | 'description' | 'street' | 'city' | 'zip' | 'audience' | 'engagement' | 'attendees';
interface Formula { formula: string; result: number | string }
type Raw = string | number | Date | Formula | null;
type Exp = { v: unknown } | { err: string } | { amb: string; scope: 'cell' | 'value' } | { none: true };
interface Cell { raw: Raw; exp: Exp; fmt?: string; under?: boolean }

// ------------------------------------------------------------ value tables
type EnumExp = string | string[] | 'ERR' | `AMB:${string}` | 'UNK';
const ENG: Record<string, EnumExp> = {
  'Touchpoint': 'touchpoint', 'Level 1': 'level_one', 'Level 2': 'level_two', 'Day of the Young Child': 'day_of_young_child',
  'TP': 'touchpoint', 'Touch Point': 'touchpoint', 'touch-point': 'touchpoint', 'TOUCHPOINT': 'touchpoint', 'Touchpoint event': 'touchpoint',
  'Lvl 1': 'level_one', 'level one': 'level_one', 'Engagement Level 1': 'level_one', 'L1': 'level_one', 'Level I': 'level_one', 'Level1': 'level_one', 'Eng. Level 1': 'level_one',
  'lvl two': 'level_two', 'Level 2 (2+ hours)': 'level_two', 'Eng. Level 2': 'level_two', 'L2': 'level_two', 'LEVEL 2': 'level_two', 'Engagement level two': 'level_two', 'Level Two': 'level_two',
  'Day of Young Child': 'day_of_young_child', 'DOYC': 'day_of_young_child', 'Day of the Young Child event': 'day_of_young_child', 'Young Child Day': 'day_of_young_child',
  'Level 4': 'ERR', 'Medium': 'ERR', 'Attended': 'ERR', 'Level 3': 'ERR', 'High': 'ERR', 'Low': 'ERR', 'Level 0': 'ERR',
  'Both': 'AMB:engagement_two_levels', 'L1/L2': 'AMB:engagement_two_levels',
};
const AUD: Record<string, EnumExp> = {
  'Parents': ['parent_family'], 'Parent/Guardian': ['parent_family'], 'Families': ['parent_family'], 'Parents/Guardians': ['parent_family'], 'Moms': ['parent_family'], 'Fathers': ['parent_family'],
  'Parent & Child': ['parent_family_child'], 'Parents and children': ['parent_family_child'], 'Families with children': ['parent_family_child'], 'Parent + child': ['parent_family_child'], 'parent-child': ['parent_family_child'],
  'Caregivers': ['caregiver'], 'FFN caregivers': ['caregiver'], 'Unlicensed caregivers': ['caregiver'], 'License-exempt providers': ['caregiver'], 'caregiver': ['caregiver'],
  'Teachers': ['teacher_educator'], 'Educators': ['teacher_educator'], 'Classroom teachers': ['teacher_educator'], 'ECE teachers': ['teacher_educator'], 'Teacher': ['teacher_educator'],
  'Directors': ['director_owner'], 'Center directors': ['director_owner'], 'Owners': ['director_owner'], 'Owner/Operator': ['director_owner'], 'Directors & owners': ['director_owner'],
  'Parents & caregivers': ['parent_family', 'caregiver'], 'Teachers; Directors': ['teacher_educator', 'director_owner'], 'Parents, Teachers': ['parent_family', 'teacher_educator'],
  'Caregivers & teachers': ['caregiver', 'teacher_educator'],
  'Seniors': 'ERR', 'Teens': 'ERR', 'Volunteers': 'ERR', 'Donors': 'ERR', 'General public': 'ERR', 'Board members': 'ERR',
  'All': 'AMB:audience_unclear', 'Providers': 'AMB:audience_unclear', 'Everyone': 'AMB:audience_unclear',
};
const TYPE: Record<string, EnumExp> = {
  'Literacy': 'literacy', 'Parenting': 'parenting', 'Child development': 'child_development', 'Instruction': 'instruction', 'Business/operational support': 'business_support',
  'Adult-child interaction': 'adult_child_interaction', 'Other': 'other',
  'Reading': 'literacy', 'Early literacy': 'literacy', 'Story time': 'literacy', 'LITERACY': 'literacy',
  'Parent-child activity': 'adult_child_interaction', 'Adult/child interaction': 'adult_child_interaction', 'Play group': 'adult_child_interaction',
  'Child dev.': 'child_development', 'Early childhood development': 'child_development', 'Parent ed': 'parenting', 'Parenting workshop': 'parenting', 'Parenting skills': 'parenting',
  'Training': 'instruction', 'Professional development': 'instruction', 'Teacher training': 'instruction',
  'Business support': 'business_support', 'Operational support': 'business_support', 'Business': 'business_support',
  'Health fair': 'UNK', 'Fundraiser': 'UNK', 'Community event': 'UNK', 'Resource fair': 'UNK',
};
function enumCell(table: Record<string, EnumExp>, raw: string, field: Field): Cell {
  const e = table[raw];
  if (e === undefined) throw new Error(`no truth for ${field} ${raw}`);
  if (e === 'ERR') return { raw, exp: { err: field === 'engagement' ? 'invalid_engagement' : 'invalid_audience' } };
  if (e === 'UNK') return { raw, exp: { amb: 'unknown_event_type', scope: 'value' } };
  if (typeof e === 'string' && e.startsWith('AMB:')) return { raw, exp: { amb: e.slice(4), scope: 'cell' } };
  return { raw, exp: { v: e } };
}
const GOOD = (t: Record<string, EnumExp>) => Object.keys(t).filter((k) => t[k] !== 'ERR' && t[k] !== 'UNK' && !String(t[k]).startsWith('AMB:'));

// ------------------------------------------------------------ dates
const MON3 = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DOW = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const iso = (d: Date) => d.toISOString().slice(0, 10);
const serial = (d: Date) => Math.round((d.getTime() - Date.UTC(1899, 11, 30)) / 86400000);
type DStyle = 'cell' | 'serial' | 'mdyyyy' | 'mmddyy' | 'iso' | 'dMonYY' | 'monthDY' | 'monDY' | 'dowLong' | 'mdyDash';
function fmtDate(d: Date, s: DStyle): Raw {
  const y = d.getUTCFullYear(), m = d.getUTCMonth() + 1, day = d.getUTCDate(), p2 = (n: number) => String(n).padStart(2, '0');
  switch (s) {
    case 'cell': return d;
    case 'serial': return serial(d);
    case 'mdyyyy': return `${m}/${day}/${y}`;
    case 'mmddyy': return `${p2(m)}/${p2(day)}/${p2(y % 100)}`;
    case 'iso': return `${y}-${p2(m)}-${p2(day)}`;
    case 'dMonYY': return `${day}-${MON3[m - 1]}-${p2(y % 100)}`;
    case 'monthDY': return `${MONTHS[m - 1]} ${day}, ${y}`;
    case 'monDY': return `${MON3[m - 1]} ${day} ${y}`;
    case 'dowLong': return `${DOW[d.getUTCDay()]}, ${MONTHS[m - 1]} ${day}, ${y}`;
    case 'mdyDash': return `${m}-${day}-${y}`;
  }
}
function dateCell(s: DStyle, d = new Date(Date.UTC(2023, int(0, 11), int(1, 28)))): Cell {
  return { raw: fmtDate(d, s), fmt: s === 'cell' ? pick(['m/d/yyyy', 'mm/dd/yy', 'd-mmm-yy', 'mmmm d, yyyy']) : undefined, exp: { v: iso(d) } };
}
const outDate = (s: DStyle): Cell => {
  const d = rnd() < 0.5 ? new Date(Date.UTC(2022, int(8, 11), int(1, 28))) : new Date(Date.UTC(2024, int(0, 2), int(1, 28)));
  const raw = fmtDate(d, s);
  return { raw, fmt: s === 'cell' ? 'm/d/yyyy' : undefined, exp: { err: 'date_out_of_period' } };
};

// ------------------------------------------------------------ places
const PLACES: [string, string, string][] = [
  ['7737 Kercheval Ave', 'Detroit', '48214'], ['18100 Meyers Rd', 'Detroit', '48235'], ['3737 Lawton St', 'Detroit', '48208'], ['9851 Hamilton Ave', 'Detroit', '48202'],
  ['2630 Caniff St', 'Hamtramck', '48212'], ['25 Gerald Ave', 'Highland Park', '48203'], ['14300 Tireman Ave', 'Detroit', '48228'], ['6071 W Outer Dr', 'Detroit', '48235'],
  ['1151 Taylor St', 'Detroit', '48202'], ['4401 Conner St', 'Detroit', '48215'], ['19320 Van Dyke Ave', 'Detroit', '48234'], ['3500 John R St', 'Detroit', '48201'],
  ['8800 W Warren Ave', 'Dearborn', '48126'], ['12651 Newburgh Rd', 'Livonia', '48150'], ['5920 Second Ave', 'Detroit', '48202'],
];
const CITY_SPELL: Record<string, string[]> = { Detroit: ['Detroit', 'Detroit', 'Detroit', 'DETROIT', 'detroit', 'Detroit, MI'] };
const VIRTUAL = ['Zoom', 'Online', 'Virtual', 'Facebook Live', 'Google Meet', 'Microsoft Teams'];
const TITLES = ['Read, Sing & Grow', 'Little Chefs Family Night', 'Fatherhood Roundtable', 'Toddler Tumble Time', 'Kindergarten Round-Up', 'Provider Tax Prep Clinic',
  'Mindful Parenting Series', 'Infant Massage Class', 'Books & Bites', 'Family STEAM Saturday', 'Director Leadership Circle', 'Positive Discipline 101',
  'Bilingual Story Hour', 'Playground Playdate', 'Safe Sleep Workshop', 'CDA Study Group', 'Back-to-School Resource Giveaway', 'Music & Movement',
  'Abuela y Yo', 'Trauma-Informed Care for Teachers', 'Potty Training Q&A', 'Pop-Up Library'];
const DESCS = ['Each family left with a book bundle.', 'Co-hosted with the rec center.', 'Spanish interpretation available.', 'Week 2 of 4.', 'Dinner and childcare provided.',
  'Flyers handed out at the front desk.', 'Guest speaker: pediatric nurse.', '', ''];

// ------------------------------------------------------------ special (error / unclear) values, rotated across files
const SP_DATE_ERR = ['13/45/2023', '2023-02-30', 'Febuary 30', 'N/A', 'Next week', 'TBD', 'Spring 2023', '6/31/2023', '2/29/2023', 'Fall', '4/31/23', 'Sept 31, 2023', 'ongoing'];
const SP_DATE_AMB: [string, string][] = [['15/3/2023', 'date_day_first'], ['4/12', 'date_no_year'], ['March 4', 'date_no_year'], ['28/6/2023', 'date_day_first'], ['Oct 9', 'date_no_year']];
const SP_ZIP_ERR = ['4820', '482011', 'ABCDE', '48 201', '4820l', '48-201', 'Detroit', '482O5'];
const SP_ATT_ERR = ['-2', '7.5', 'a few', 'dozens', 'lots', 'many', '-10', 'unknown', '12.5', 'TBD'];
const SP_ATT_OK: [string, number][] = [['~25', 25], ['25+', 25], ['about 40', 40], ['approx. 30', 30], ['1,200', 1200], [' 12 ', 12], ['approximately 35', 35], ['around 20', 20], ['0', 0], ['40 ppl', 40], ['Approx 18', 18]];
const SP_ATT_AMB = ['20-25', '15 adults, 20 kids', '10 to 15', '12 parents/9 children'];
const SP_ZIP_OK: [Raw, string][] = [['48201-1234', '48201'], [' 48214 ', '48214'], ['48205-4402', '48205'], [48235, '48235'], ['MI 48202', '48202']];
const ENG_ERR = Object.keys(ENG).filter((k) => ENG[k] === 'ERR');
const AUD_ERR = Object.keys(AUD).filter((k) => AUD[k] === 'ERR');
const rot: Record<string, number> = {};
const next = <T>(key: string, list: readonly T[]): T => { const i = rot[key] ?? 0; rot[key] = i + 1; return list[i % list.length]; };
type SpecialKind = 'date' | 'out' | 'dateAmb' | 'zip' | 'att' | 'attAmb' | 'eng' | 'engAmb' | 'aud' | 'audAmb' | 'miss';
const REQ: Field[] = ['title', 'date', 'audience', 'engagement', 'attendees'];
function special(k: SpecialKind, dStyle: DStyle): Partial<Record<Field, Cell>> {
  switch (k) {
    case 'date': return { date: { raw: next('de', SP_DATE_ERR), exp: { err: 'invalid_date' } } };
    case 'out': return { date: outDate(dStyle === 'cell' || dStyle === 'serial' ? dStyle : next('os', ['mdyyyy', 'mmddyy', 'iso', 'dMonYY', 'monthDY'] as DStyle[])) };
    case 'dateAmb': { const [raw, reason] = next('da', SP_DATE_AMB); return { date: { raw, exp: { amb: reason, scope: 'cell' } } }; }
    case 'zip': return { zip: { raw: next('ze', SP_ZIP_ERR), exp: { err: 'invalid_zip' } } };
    case 'att': return { attendees: { raw: next('ae', SP_ATT_ERR), exp: { err: 'invalid_attendees' } } };
    case 'attAmb': return { attendees: { raw: next('aa', SP_ATT_AMB), exp: { amb: 'attendees_range_or_split', scope: 'cell' } } };
    case 'eng': return { engagement: enumCell(ENG, next('ee', ENG_ERR), 'engagement') };
    case 'engAmb': return { engagement: enumCell(ENG, next('ea', ['Both', 'L1/L2']), 'engagement') };
    case 'aud': return { audience: enumCell(AUD, next('ue', AUD_ERR), 'audience') };
    case 'audAmb': return { audience: enumCell(AUD, next('ua', ['All', 'Providers', 'Everyone']), 'audience') };
    case 'miss': { const f = next('mi', REQ); return { [f]: { raw: null, exp: { err: 'missing_required' } } }; }
  }
}

// ------------------------------------------------------------ events
interface EventOpts { dateStyles: DStyle[]; eng: string[]; aud: string[]; type: string[]; zipStyle: ('text' | 'num')[]; approx?: number; virtual?: number; messyZip?: number; attText?: number }
type Cells = Partial<Record<Field, Cell>>;
function makeEvent(o: EventOpts): Cells {
  const c: Cells = {};
  const t = pick(TITLES) + (rnd() < 0.3 ? ` (${pick(['Session 1', 'Part 2', 'Eastside', 'Spanish', 'Week 3'])})` : '');
  c.title = { raw: rnd() < 0.1 ? ` ${t} ` : t, exp: { v: t } };
  c.date = dateCell(pick(o.dateStyles));
  c.event_type = enumCell(TYPE, pick(o.type), 'event_type');
  const ds = pick(DESCS); c.description = ds ? { raw: ds, exp: { v: ds } } : { raw: null, exp: { none: true } };
  if (rnd() < (o.virtual ?? 0.08)) {
    const v = pick(VIRTUAL); c.street = { raw: v, exp: { amb: 'virtual_street', scope: 'value' } };
    c.city = { raw: null, exp: { none: true } }; c.zip = { raw: null, exp: { none: true } };
  } else {
    const [s, city, z] = pick(PLACES);
    c.street = { raw: s, exp: { v: s } };
    const cs = city === 'Detroit' ? pick(CITY_SPELL.Detroit) : city; c.city = { raw: cs, exp: { v: cs } };
    if (rnd() < (o.messyZip ?? 0)) { const [raw, v] = pick(SP_ZIP_OK); c.zip = { raw, exp: { v } }; }
    else c.zip = { raw: pick(o.zipStyle) === 'num' ? Number(z) : z, exp: { v: z } };
  }
  c.audience = enumCell(AUD, pick(o.aud), 'audience');
  c.engagement = enumCell(ENG, pick(o.eng), 'engagement');
  if (rnd() < (o.approx ?? 0)) { const [raw, v] = pick(SP_ATT_OK); c.attendees = { raw, exp: { v } }; }
  else { const n = int(4, 95); c.attendees = { raw: rnd() < (o.attText ?? 0) ? String(n) : n, exp: { v: n } }; }
  return c;
}

// ------------------------------------------------------------ file model and writer
interface Col { h: string | null; f: Field | null; gen?: (i: number) => Raw }
interface Sheet { name: string; rows: Raw[][] }
type RowSpec = { kind: 'data'; cells: Cells } | { kind: string; raw: Record<number, Raw>; styled?: boolean };
interface FileSpec {
  file: string; sheet: string; features: string[]; dateMode: string; before?: Sheet[]; after?: Sheet[]; startCol: number; date1904?: boolean;
  pre: { kind: string; raw: Record<number, Raw> }[]; cols: Col[]; headerRow: number; rows: RowSpec[]; merges?: string[];
  csv?: { crlf?: boolean; bom?: boolean };
  combined?: boolean; // street column holds the full address
}
const L = (n: number) => { let s = ''; while (n > 0) { const m = (n - 1) % 26; s = String.fromCharCode(65 + m) + s; n = Math.floor((n - 1) / 26); } return s; };
const isFormula = (v: Raw): v is Formula => typeof v === 'object' && v !== null && !(v instanceof Date);
const rawText = (v: Raw): string => v instanceof Date ? v.toISOString() : isFormula(v) ? String(v.result) : String(v ?? '');

async function write(spec: FileSpec) {
  const truth: Record<string, unknown> = { file: spec.file, sheet: spec.csv ? null : spec.sheet, headerRow: spec.headerRow, period: '2023-01-01..2023-12-31',
    date1904: !!spec.date1904, dateMode: spec.dateMode, features: spec.features };
  const columns: Record<string, string | null> = {}, headers: Record<string, string> = {};
  spec.cols.forEach((c, i) => { const col = L(spec.startCol + i); if (c.h) { columns[col] = c.f; headers[col] = c.h.trim(); } });
  truth.columns = columns; truth.headers = headers;
  const grid: Raw[][] = []; const fmts: (string | undefined)[][] = []; const styledRows: number[] = [];
  const notRecords: number[] = [], kinds: Record<string, string> = {};
  const records: Record<string, Record<string, unknown>> = {}; const errors: unknown[] = []; const ambiguous: unknown[] = [];
  const merges = [...(spec.merges ?? [])];
  let r = 1;
  const put = (row: number, rel: number, v: Raw, fmt?: string) => { const g = (grid[row - 1] ??= []); if (v === '' || v === null || v === undefined) return; g[spec.startCol - 1 + rel] = v; if (fmt) (fmts[row - 1] ??= [])[spec.startCol - 1 + rel] = fmt; };
  for (const p of spec.pre) { for (const [k, v] of Object.entries(p.raw)) put(r, Number(k), v); (grid[r - 1] ??= []); notRecords.push(r); kinds[r] = p.kind; r++; }
  if (r !== spec.headerRow) throw new Error(`${spec.file}: header row ${r} != ${spec.headerRow}`);
  spec.cols.forEach((c, i) => put(r, i, c.h)); notRecords.push(r); kinds[r] = 'header'; r++;
  const firstData = r;
  let di = 0;
  for (const row of spec.rows) {
    if (row.kind !== 'data') {
      const nrw = row as { kind: string; raw: Record<number, Raw>; styled?: boolean };
      for (const [k, v] of Object.entries(nrw.raw)) put(r, Number(k), typeof v === 'function' ? null : v);
      if (nrw.kind === 'totals') { // formula sums the attendees column above
        const ai = spec.cols.findIndex((c) => c.f === 'attendees'); const col = L(spec.startCol + ai);
        const sum = Object.values(records).reduce((a, v) => a + (typeof v.attendees === 'number' ? v.attendees : 0), 0);
        put(r, ai, spec.csv ? sum : { formula: `SUM(${col}${firstData}:${col}${r - 1})`, result: sum });
      }
      if (nrw.styled) styledRows.push(r);
      (grid[r - 1] ??= []); notRecords.push(r); kinds[r] = nrw.kind; r++; continue;
    }
    const d = row as { kind: 'data'; cells: Cells };
    const vals: Record<string, unknown> = {};
    spec.cols.forEach((c, i) => {
      const col = L(spec.startCol + i);
      if (!c.f) { put(r, i, c.gen ? c.gen(di) : null); return; }
      const cell = d.cells[c.f] ?? { raw: null, exp: REQ.includes(c.f) ? { err: 'missing_required' } : { none: true } };
      if (cell.under) merges.push(`${col}${r - 1}:${col}${r}`); else put(r, i, cell.raw, cell.fmt);
      const e = cell.exp;
      if ('v' in e) vals[c.f] = e.v;
      else if ('err' in e) errors.push({ row: r, column: col, field: c.f, code: e.err, value: rawText(cell.raw) });
      else if ('amb' in e) ambiguous.push({ row: r, column: col, field: c.f, value: rawText(cell.raw), reason: e.amb, scope: e.scope });
    });
    records[r] = vals; r++; di++;
  }
  Object.assign(truth, { records, errors, notRecords, notRecordKinds: kinds, ambiguous });
  const base = path.join(OUT, spec.file);
  if (spec.csv) {
    const q = (v: Raw) => {
      if (v === null || v === undefined) return '';
      const s = v instanceof Date ? `${v.getUTCMonth() + 1}/${v.getUTCDate()}/${v.getUTCFullYear()}` : isFormula(v) ? String(v.result) : String(v);
      return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const rowsAll = Array.from(grid, (g) => g ?? []);
    const width = Math.max(...rowsAll.map((g) => g.length));
    const lines = rowsAll.map((g) => Array.from({ length: width }, (_, i) => q(g?.[i] ?? null)).join(','));
    let text = lines.join(spec.csv.crlf ? '\r\n' : '\n') + (spec.csv.crlf ? '\r\n' : '\n');
    if (spec.csv.bom) text = '\uFEFF' + text;
    fs.writeFileSync(base, text, 'utf8');
  } else {
    const wb = new ExcelJS.Workbook();
    if (spec.date1904) wb.properties.date1904 = true;
    const addSheet = (s: Sheet) => { const ws = wb.addWorksheet(s.name); s.rows.forEach((row, i) => row.forEach((v, j) => { if (v !== null && v !== undefined) ws.getCell(i + 1, j + 1).value = v; })); };
    spec.before?.forEach(addSheet);
    const ws = wb.addWorksheet(spec.sheet);
    grid.forEach((row, i) => row?.forEach((v, j) => {
      if (v === null || v === undefined) return;
      const cell = ws.getCell(i + 1, j + 1); cell.value = v;
      const f = fmts[i]?.[j]; if (f) cell.numFmt = f; else if (v instanceof Date) cell.numFmt = 'm/d/yyyy';
    }));
    for (const sr of styledRows) for (let j = 0; j < spec.cols.length; j++) {
      const cell = ws.getCell(sr, spec.startCol + j);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } }; cell.border = { bottom: { style: 'thin' } };
    }
    merges.forEach((m) => ws.mergeCells(m));
    ws.getRow(spec.headerRow).font = { bold: true };
    spec.after?.forEach(addSheet);
    await wb.xlsx.writeFile(base);
  }
  fs.writeFileSync(base.replace(/\.(xlsx|csv)$/, '.truth.json'), JSON.stringify(truth, null, 1));
}

// ------------------------------------------------------------ row builders
interface Mix { n: number; specials: SpecialKind[]; blanks?: number; dups?: number; months?: (m: number) => string; vmerge?: number; styledEmpty?: number }
function rows(o: EventOpts, mix: Mix): RowSpec[] {
  const evs: Cells[] = Array.from({ length: mix.n }, () => makeEvent(o));
  // walk through the file's spellings so each appears
  evs.forEach((c, i) => {
    c.engagement = enumCell(ENG, o.eng[i % o.eng.length], 'engagement');
    c.audience = enumCell(AUD, o.aud[(i * 7 + 3) % o.aud.length], 'audience');
    c.event_type = enumCell(TYPE, o.type[(i * 5 + 1) % o.type.length], 'event_type');
  });
  if (mix.months) evs.sort((a, b) => String((a.date!.exp as { v: string }).v).localeCompare(String((b.date!.exp as { v: string }).v)));
  // specials at spread positions (not the first row)
  const used = new Set<number>();
  mix.specials.forEach((k, j) => {
    let i = 1 + Math.floor(((j + 0.5) * (mix.n - 1)) / mix.specials.length); while (used.has(i) && i < mix.n - 1) i++; used.add(i);
    const sp = special(k, o.dateStyles[0]);
    if (mix.months && sp.date) return void Object.assign(evs[i], special('att', o.dateStyles[0])); // keep month sections sorted
    Object.assign(evs[i], sp);
  });
  // vertical merges of the date cell (row i takes row i-1's date)
  for (let k = 0; k < (mix.vmerge ?? 0); k++) {
    const i = 3 + Math.floor((k * (mix.n - 6)) / (mix.vmerge ?? 1)); if (used.has(i) || used.has(i - 1)) continue;
    const prev = evs[i - 1].date!; if (!('v' in prev.exp)) continue;
    evs[i].date = { raw: null, exp: prev.exp, under: true }; used.add(i); used.add(i - 1);
  }
  // duplicates: copy an earlier row right after it
  const out: RowSpec[] = [];
  const dupAt = new Set<number>(); for (let k = 0; k < (mix.dups ?? 0); k++) dupAt.add(5 + Math.floor((k * (mix.n - 10)) / (mix.dups ?? 1)));
  const blankAt = new Set<number>(); for (let k = 0; k < (mix.blanks ?? 0); k++) blankAt.add(4 + Math.floor(((k + 0.3) * (mix.n - 8)) / (mix.blanks ?? 1)));
  let lastMonth = -1;
  evs.forEach((c, i) => {
    if (mix.months) {
      const v = (c.date!.exp as { v?: string }).v; const m = v ? Number(v.slice(5, 7)) : lastMonth;
      if (m !== lastMonth) { out.push({ kind: 'month-header', raw: { 0: mix.months(m) } }); lastMonth = m; }
    }
    if (blankAt.has(i) && !c.date?.under) out.push({ kind: 'blank', raw: {} });
    out.push({ kind: 'data', cells: c });
    if (dupAt.has(i) && !(evs[i + 1]?.date?.under)) out.push({ kind: 'data', cells: { ...c, date: c.date?.under ? evs[i - 1].date : c.date } });
  });
  for (let k = 0; k < (mix.styledEmpty ?? 0); k++) out.push({ kind: 'formatted-empty', raw: {}, styled: true });
  return out;
}
const staff = ['R. Patel', 'D. Washington', 'L. Moreno', 'S. Haddad', 'C. Brooks'];
const nul = (h: string, gen: (i: number) => Raw): Col => ({ h, f: null, gen });
const F = (h: string, f: Field): Col => ({ h, f });
const ALL_ENG = GOOD(ENG), ALL_AUD = GOOD(AUD), ALL_TYPE = Object.keys(TYPE).filter((k) => !String(TYPE[k]).startsWith('AMB'));
const BASIC_ENG = ['Touchpoint', 'Level 1', 'Level 2', 'Day of the Young Child'];
const BASIC_AUD = ['Parents', 'Parent & Child', 'Caregivers', 'Teachers', 'Directors', 'Parents & caregivers'];
const BASIC_TYPE = ['Literacy', 'Parenting', 'Child development', 'Instruction', 'Business/operational support', 'Adult-child interaction', 'Other'];
const ERRSET = (n: number): SpecialKind[] => Array.from({ length: n }, (_, i) => (['date', 'zip', 'att', 'eng', 'aud', 'out', 'miss'] as SpecialKind[])[i % 7]);
const files: FileSpec[] = [];

// P01 title rows (merged), text dates, totals row, notes
files.push({ file: 'p01-conant-gardens-family.xlsx', sheet: 'Activities', dateMode: 'text', features: ['totals', 'notes', 'titleRows', 'dates:text'], startCol: 1, headerRow: 4,
  pre: [{ kind: 'title', raw: { 0: 'Conant Gardens Family Alliance' } }, { kind: 'title', raw: { 0: 'HSH Imperative 2 — calendar year 2023 activity report' } }, { kind: 'blank', raw: {} }],
  merges: ['A1:F1', 'A2:F2'],
  cols: [F('Date Held', 'date'), F('Venue', 'street'), nul('Logged By', () => pick(staff)), F('Headcount', 'attendees'), F('Who Attended', 'audience'), F('Program Name', 'title'),
    F('Town', 'city'), F('Details', 'description'), nul('St.', () => 'MI'), F('Engagement Type', 'engagement'), F('ZIP', 'zip')],
  rows: [...rows({ dateStyles: ['mdyyyy', 'mmddyy', 'monthDY'], eng: ALL_ENG.slice(0, 12), aud: ALL_AUD.slice(0, 12), type: BASIC_TYPE, zipStyle: ['text'], approx: 0.08 },
    { n: 60, specials: [...ERRSET(8), 'dateAmb', 'attAmb'] }),
  { kind: 'totals', raw: { 0: 'TOTAL' } }, { kind: 'blank', raw: {} }, { kind: 'notes', raw: { 0: 'Prepared by: D. Washington, Program Coordinator' } }, { kind: 'notes', raw: { 0: 'Note: counts for the Zoom sessions come from the attendance report.' } }] });

// P02 instructions + dropdown sheets first, mixed date kinds, blank rows, duplicates
files.push({ file: 'p02-delray-early-learning.xlsx', sheet: 'Data', dateMode: 'mixed', features: ['multiSheet', 'titleRows', 'blankRowsInData', 'duplicates', 'dates:mixed'], startCol: 1, headerRow: 3,
  before: [{ name: 'How to fill in', rows: [['How to fill in this log'], [], ['1. One line per event.'], ['2. Use the drop-downs for Level and Audience.'], ['3. Dates as mm/dd/yyyy.']] },
    { name: 'Dropdowns', rows: [['Levels', 'Audiences'], ['Touchpoint', 'Parents'], ['Level 1', 'Caregivers'], ['Level 2', 'Teachers'], ['DOYC', 'Directors']] }],
  pre: [{ kind: 'title', raw: { 0: 'Delray Early Learning Collaborative — events 2023' } }, { kind: 'blank', raw: {} }],
  cols: [F('Name of Event', 'title'), F('Held On', 'date'), F('Event Category', 'event_type'), F('Street', 'street'), F('City', 'city'), F('Postal Code', 'zip'),
    F('Participants', 'audience'), F('Level', 'engagement'), F('Turnout', 'attendees'), nul('Funding Source', () => pick(['Kellogg', 'General fund', 'PNC Grow Up Great'])), F('Comments', 'description')],
  rows: rows({ dateStyles: ['cell', 'mdyyyy', 'iso', 'dMonYY'], eng: ALL_ENG.slice(8), aud: ALL_AUD.slice(10), type: ALL_TYPE.slice(6), zipStyle: ['text', 'num'], messyZip: 0.1 },
    { n: 120, specials: [...ERRSET(9), 'dateAmb', 'audAmb'], blanks: 4, dups: 3 }) });

// P03 serial dates typed as numbers, table starting in column C
files.push({ file: 'p03-osborn-neighborhood-kids.xlsx', sheet: 'FY23 Log', dateMode: 'serial', features: ['titleRows', 'columnOffset', 'dates:serial'], startCol: 3, headerRow: 3,
  pre: [{ kind: 'title', raw: { 0: 'Osborn Neighborhood Kids Network' } }, { kind: 'title', raw: { 0: 'Dates are Excel numbers (our export tool)' } }],
  cols: [F('Event Description', 'description'), F('Event', 'title'), F('Event Dt', 'date'), F('Street Address', 'street'), F('City Name', 'city'), F('Zip Code (5)', 'zip'),
    F('Engagement Category', 'engagement'), F('Audience Served', 'audience'), F('Total Served', 'attendees'), F('Program Area', 'event_type')],
  rows: rows({ dateStyles: ['serial'], eng: BASIC_ENG.concat(['TP', 'L1', 'L2', 'DOYC']), aud: BASIC_AUD, type: ALL_TYPE, zipStyle: ['num'] },
    { n: 80, specials: [...ERRSET(7), 'attAmb'] }) });

// P04 many spellings of engagement/audience/type, approximate attendees
files.push({ file: 'p04-brightmoor-family-collective.xlsx', sheet: 'Sheet1', dateMode: 'text', features: ['messyValues', 'approxAttendees', 'dates:text'], startCol: 1, headerRow: 1,
  pre: [],
  cols: [F('Activity Name', 'title'), F('Activity Date', 'date'), F('Activity Type', 'event_type'), F('Summary', 'description'), F('Address Line 1', 'street'), F('Municipality', 'city'),
    F('Zip5', 'zip'), F('Population Served', 'audience'), F('Engagement Tier', 'engagement'), F('Total Participants', 'attendees'), nul('Volunteer Hours', () => int(1, 12))],
  rows: rows({ dateStyles: ['mdyyyy', 'monDY', 'dowLong', 'mdyDash', 'iso'], eng: ALL_ENG, aud: ALL_AUD, type: ALL_TYPE, zipStyle: ['text'], approx: 0.2, attText: 0.3 },
    { n: 150, specials: [...ERRSET(14), 'engAmb', 'audAmb', 'attAmb'] }) });

// P05 month sections, blank rows, totals, notes
files.push({ file: 'p05-jefferson-east-families.xlsx', sheet: '2023', dateMode: 'mixed', features: ['monthHeaders', 'totals', 'notes', 'titleRows', 'columnOffset', 'blankRowsInData', 'dates:mixed'], startCol: 2, headerRow: 3,
  pre: [{ kind: 'title', raw: { 0: '[LOGO]  Jefferson East Families First' } }, { kind: 'title', raw: { 0: 'Hope Starts Here — Family Engagement Tracker' } }],
  merges: ['B1:H1', 'B2:H2'],
  cols: [F('Event/Activity', 'title'), F('Location Address', 'street'), F('# Attended', 'attendees'), F('Event Date', 'date'), nul('RSVPs', () => int(10, 80)), F('Zip', 'zip'),
    F('Eng Level', 'engagement'), F('Audience Group', 'audience'), F('Category', 'event_type')],
  rows: [...rows({ dateStyles: ['cell', 'mmddyy'], eng: ['TOUCHPOINT', 'Level I', 'Level Two', 'Young Child Day', 'Touch Point'], aud: ['Families', 'Owners', 'Educators', 'Parent + child', 'FFN caregivers'],
    type: ['LITERACY', 'Parent ed', 'Business', 'Play group', 'Training'], zipStyle: ['num'] },
  { n: 50, specials: [...ERRSET(5)], blanks: 3, months: (m) => pick([MONTHS[m - 1].toUpperCase() + ' 2023', `${MON3[m - 1]}. 2023`, MONTHS[m - 1], `— ${MONTHS[m - 1]} —`]) }),
  { kind: 'totals', raw: { 0: 'Grand Total' } }, { kind: 'blank', raw: {} }, { kind: 'notes', raw: { 0: 'Notes: two events in June were rained out and are not listed.' } }, { kind: 'notes', raw: { 0: 'Submitted 1/15/2024 by C. Brooks' } }] });

// P06 cryptic headers resolvable only through a "Key" sheet
const KEYCOLS: [string, Field | null, string][] = [['C01', 'title', 'Event title'], ['C02', 'attendees', 'How many people attended'], ['C03', 'zip', 'Zip code'], ['C04', 'street', 'Street address'],
  ['C05', 'engagement', 'Engagement level (TP/L1/L2/DOYC)'], ['C06', 'date', 'Date of the event'], ['C07', 'audience', 'Target audience'], ['C08', 'event_type', 'Type of event'],
  ['C09', null, 'office use only'], ['C10', null, 'internal tracking code'], ['C11', 'city', 'City']];
files.push({ file: 'p06-north-end-kin-network.xlsx', sheet: 'Log', dateMode: 'mixed', features: ['legend', 'multiSheet', 'titleRows', 'blankRowsInData', 'duplicates', 'dates:mixed', 'crypticHeaders'], startCol: 1, headerRow: 3,
  before: [{ name: 'Key', rows: [['Column key'], [], ['Code', 'What it holds', 'Comment'], ...KEYCOLS.map(([c, , d]) => [c, d])] }],
  pre: [{ kind: 'title', raw: { 0: 'North End Kin Network - 2023 family & provider events' } }, { kind: 'blank', raw: {} }], merges: ['A1:G1'],
  cols: KEYCOLS.map(([c, f]) => (f ? F(c, f) : nul(c, () => (c === 'C09' ? pick(['RP', 'DW', '']) : `NE-${int(100, 999)}`)))),
  rows: rows({ dateStyles: ['cell', 'mdyyyy'], eng: ALL_ENG.slice(4, 20), aud: ALL_AUD.slice(5, 20), type: ALL_TYPE.slice(0, 15), zipStyle: ['text'] },
    { n: 70, specials: [...ERRSET(6), 'dateAmb', 'attAmb', 'audAmb'], blanks: 2, dups: 2 }) });

// P07 1904 date system, date cells, many errors
files.push({ file: 'p07-hamtramck-parent-hub.xlsx', sheet: 'Events', dateMode: 'cell', date1904: true, features: ['date1904', 'multiSheet', 'titleRows', 'manyErrors', 'dates:cell'], startCol: 1, headerRow: 4,
  after: [{ name: 'Totals', rows: [['Level', 'Count'], ['Touchpoint', 12], ['Level 1', 15], ['Level 2', 10]] }],
  pre: [{ kind: 'title', raw: { 0: 'Hamtramck Parent Hub - 2023 Events' } }, { kind: 'title', raw: { 0: 'Saved on the office Mac — please keep column order' } }, { kind: 'blank', raw: {} }],
  cols: [F('Day of Event', 'date'), F('Engagement Lvl', 'engagement'), F('City/Town', 'city'), F('Street Addr', 'street'), F('Event Name', 'title'), F('No. of Participants', 'attendees'),
    nul('Event #', (i) => `HPH-${String(i + 1).padStart(3, '0')}`), F('Zipcode', 'zip'), nul('Signed Up', () => int(5, 60)), F('Audience Category', 'audience'), F('Event Kind', 'event_type')],
  rows: rows({ dateStyles: ['cell'], eng: ['Lvl 1', 'Eng. Level 2', 'TP', 'Day of Young Child', 'Level1'], aud: ['Parents/Guardians', 'Moms', 'Caregivers & teachers', 'parent-child', 'Center directors'],
    type: ['Reading', 'Parenting skills', 'Teacher training', 'Adult/child interaction'], zipStyle: ['text'] },
  { n: 40, specials: [...ERRSET(10)] }) });

// P08 one combined address column
const comb = (): Cell => { const [s, c, z] = pick(PLACES); const raw = pick([`${s}, ${c}, MI ${z}`, `${s}, ${c} ${z}`, `${s} ${c} MI ${z}`]); return { raw, exp: { amb: 'combined_address', scope: 'value' } }; };
const p08 = rows({ dateStyles: ['cell', 'mdyyyy', 'monthDY'], eng: ALL_ENG.slice(0, 10), aud: ALL_AUD.slice(15), type: BASIC_TYPE, zipStyle: ['text'], virtual: 0 },
  { n: 90, specials: ['date', 'att', 'eng', 'aud', 'out', 'miss', 'att', 'eng'], dups: 2 });
p08.forEach((r) => { if (r.kind === 'data') { const c = (r as { cells: Cells }).cells; c.street = comb(); } });
files.push({ file: 'p08-warrendale-reading-circle.xlsx', sheet: 'Events 2023', dateMode: 'mixed', features: ['combinedAddress', 'columnOffset', 'duplicates', 'dates:mixed'], startCol: 2, headerRow: 1, combined: true,
  pre: [],
  cols: [F('Event Name', 'title'), F('Engagement', 'engagement'), F('When', 'date'), F('Full Address', 'street'), F('People', 'attendees'), F('Intended Audience', 'audience'), F('Kind of Event', 'event_type'), nul('Grant', () => pick(['Skillman', 'DTE', 'Kresge']))],
  rows: p08 });

// P09 merged group header row, vertically merged date cells, formatted empty rows, totals
files.push({ file: 'p09-midtown-childcare-network.xlsx', sheet: 'Event Log', dateMode: 'text', features: ['groupHeader', 'totals', 'verticalMerges', 'formattedEmptyRows', 'titleRows', 'columnOffset', 'blankRowsInData', 'duplicates', 'dates:text'], startCol: 2, headerRow: 4,
  pre: [{ kind: 'title', raw: { 0: 'Midtown Childcare Network' } }, { kind: 'title', raw: { 0: 'Prepared by: S. Haddad, Data Lead' } },
    { kind: 'group-header', raw: { 0: 'WHAT', 3: 'WHERE', 6: 'WHO / HOW MANY', 9: 'ADMIN' } }],
  merges: ['B1:K1', 'B2:E2', 'B3:D3', 'E3:G3', 'H3:J3', 'K3:L3'],
  cols: [F('Date of Session', 'date'), F('Session Type', 'event_type'), F('Session Title', 'title'), F('City', 'city'), F('Site Address', 'street'), F('ZIP/Postal', 'zip'),
    F('Involvement Level', 'engagement'), F('Head Count', 'attendees'), F('Provider Role', 'audience'), nul('Start–End', () => pick(['9-11am', '6-7:30pm', '10am-12pm'])), nul('Grant Code', () => pick(['G-101', 'G-202']))],
  rows: [...rows({ dateStyles: ['dMonYY', 'mdyyyy', 'monthDY'], eng: ['Level 1', 'Level 2', 'Eng. Level 1', 'LEVEL 2', 'Touchpoint event', 'L2'], aud: ['Educators', 'Classroom teachers', 'ECE teachers', 'Owners', 'Owner/Operator', 'Directors & owners', 'Teachers; Directors', 'License-exempt providers', 'Unlicensed caregivers'],
    type: ['Professional development', 'Teacher training', 'Operational support', 'Business support', 'Training'], zipStyle: ['text'] },
  { n: 200, specials: [...ERRSET(12), 'dateAmb', 'attAmb'], blanks: 6, dups: 2, vmerge: 6, styledEmpty: 12 }),
  { kind: 'blank', raw: {} }, { kind: 'totals', raw: { 0: 'Totals' } }] });

// P10 many errors, duplicates and ambiguous cells, header row 2
files.push({ file: 'p10-southwest-familias-unidas.xlsx', sheet: 'Hoja1', dateMode: 'text', features: ['notes', 'titleRows', 'blankRowsInData', 'duplicates', 'manyErrors', 'dates:text'], startCol: 1, headerRow: 2,
  pre: [{ kind: 'title', raw: { 0: 'Familias Unidas del Suroeste — 2023 events (English headings)' } }],
  cols: [F('Event', 'title'), F('Attendance', 'attendees'), F('Date of Activity', 'date'), F('Engagement Level', 'engagement'), F('City', 'city'), F('Target Population', 'audience'), F('Zip', 'zip'), F('Place', 'street')],
  rows: [...rows({ dateStyles: ['mdyyyy', 'mmddyy', 'dMonYY', 'monthDY'], eng: ALL_ENG.slice(2, 18), aud: ALL_AUD, type: BASIC_TYPE, zipStyle: ['text'], approx: 0.1, virtual: 0.12 },
    { n: 100, specials: [...ERRSET(16), 'dateAmb', 'dateAmb', 'attAmb', 'engAmb', 'audAmb'], blanks: 2, dups: 4 }),
  { kind: 'blank', raw: {} }, { kind: 'notes', raw: { 0: 'Questions? Contact L. Moreno, 313-555-0142' } }] });

// C11 CSV with a title line above the header
files.push({ file: 'c11-highland-park-tiny-readers.csv', sheet: '', dateMode: 'text', features: ['csv', 'titleRows', 'dates:text'], startCol: 1, headerRow: 3, csv: {},
  pre: [{ kind: 'title', raw: { 0: 'Highland Park Tiny Readers - HSH export' } }, { kind: 'blank', raw: {} }],
  cols: [F('Program', 'title'), F('Program Date', 'date'), F('Program Type', 'event_type'), F('Address', 'street'), F('City', 'city'), F('ZIP Code', 'zip'), F('Audience', 'audience'),
    F('Engagement', 'engagement'), F('Count of Attendees', 'attendees'), F('Program Notes', 'description')],
  rows: rows({ dateStyles: ['mdyyyy', 'iso'], eng: ['Touchpoint', 'L1', 'L2', 'DOYC', 'level one'], aud: ['Parents', 'Parent & Child', 'Families with children', 'Caregivers'],
    type: ['Story time', 'Early literacy', 'Reading', 'Literacy'], zipStyle: ['text'], messyZip: 0.15 },
  { n: 50, specials: ERRSET(7) }) });

// C12 CSV with BOM, CRLF, a leading empty column, blank lines, duplicates and a totals line
files.push({ file: 'c12-grandmont-parents-circle.csv', sheet: '', dateMode: 'text', features: ['csv', 'totals', 'bom', 'titleRows', 'columnOffset', 'blankRowsInData', 'duplicates', 'messyValues', 'dates:text'], startCol: 2, headerRow: 2, csv: { bom: true, crlf: true },
  pre: [{ kind: 'title', raw: { 0: 'Grandmont Rosedale Parents Circle 2023' } }],
  cols: [F('Event Title', 'title'), F('Audience(s)', 'audience'), F('Street/Location', 'street'), F('Zip code', 'zip'), F('Engagement Level', 'engagement'), F('Notes on event', 'description'),
    F('Date (m/d/yyyy)', 'date'), F('# Attendees', 'attendees'), nul('Room', () => pick(['Gym', 'Library', 'Room 104', ''])), F('Event Type', 'event_type')],
  rows: [...rows({ dateStyles: ['mdyyyy', 'mmddyy'], eng: ALL_ENG, aud: ALL_AUD, type: ALL_TYPE, zipStyle: ['text'], approx: 0.1, messyZip: 0.08, attText: 1 },
    { n: 300, specials: [...ERRSET(21), 'dateAmb', 'dateAmb', 'attAmb', 'audAmb', 'engAmb'], blanks: 6, dups: 4 }),
  { kind: 'totals', raw: { 0: 'Total' } }] });

// C13 CSV, plain export with notes lines at the bottom
files.push({ file: 'c13-morningside-dads-and-families.csv', sheet: '', dateMode: 'text', features: ['csv', 'notes', 'dates:text'], startCol: 1, headerRow: 1, csv: { crlf: true },
  pre: [],
  cols: [F('activity_title', 'title'), F('activity_date', 'date'), F('activity_category', 'event_type'), F('location_street', 'street'), F('location_city', 'city'), F('location_zip', 'zip'),
    F('audience_served', 'audience'), F('engagement_level', 'engagement'), F('num_attended', 'attendees'), nul('entered_by', () => pick(staff))],
  rows: [...rows({ dateStyles: ['iso', 'mdyyyy'], eng: ALL_ENG.slice(10), aud: ['Fathers', 'Parents', 'Parent & Child', 'parent-child', 'Families', 'Moms'], type: ALL_TYPE.slice(10), zipStyle: ['text'], approx: 0.1 },
    { n: 120, specials: [...ERRSET(10), 'dateAmb', 'attAmb'] }),
  { kind: 'blank', raw: {} }, { kind: 'notes', raw: { 0: 'Prepared by C. Brooks' } }, { kind: 'notes', raw: { 0: 'Notes: virtual events have no address' } }] });

// C14 CSV, multi-line audience cells, ZIP+4, a note line above the header
files.push({ file: 'c14-eastern-market-family-network.csv', sheet: '', dateMode: 'text', features: ['csv', 'titleRows', 'keyLine', 'multiLineCells', 'dates:text'], startCol: 1, headerRow: 2, csv: {},
  pre: [{ kind: 'notes', raw: { 0: 'Key: TP = Touchpoint, L1 = Level 1, L2 = Level 2, DOYC = Day of the Young Child' } }],
  cols: [F('Date', 'date'), F('Name', 'title'), F('Focus Area', 'event_type'), F('Where', 'street'), F('City', 'city'), F('Zip', 'zip'), F('For Whom', 'audience'), F('TP/L1/L2/DOYC', 'engagement'),
    F('How Many', 'attendees'), F('Description', 'description')],
  rows: (() => {
    const rs = rows({ dateStyles: ['mdyyyy', 'monDY'], eng: ['TP', 'L1', 'L2', 'DOYC'], aud: BASIC_AUD, type: BASIC_TYPE.concat(['Parent-child activity', 'Early childhood development']), zipStyle: ['text'], messyZip: 0.3 },
      { n: 80, specials: ERRSET(8) });
    let k = 0;
    for (const r of rs) if (r.kind === 'data' && k++ % 9 === 4) {
      const c = (r as { cells: Cells }).cells; if (c.audience && 'v' in c.audience.exp) c.audience = { raw: 'Parents\nTeachers', exp: { v: ['parent_family', 'teacher_educator'] } };
    }
    return rs;
  })() });

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of files) await write(f);
  console.error(`wrote ${files.length} workbooks to ${OUT}`);
})();
