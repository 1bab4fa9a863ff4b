// Second held-out QA corpus: partner workbooks whose headings, spellings and
// layouts neither the dev corpus (shared/corpus/dev) nor the first held-out set
// (test/heldout) uses, each with a truth file in the dev corpus format
// (shared/corpus/README.md).
//
//   npx tsx test/heldout2/generate.ts [OUT_DIR]      (default /tmp/qa2/heldout)
//
// Score: node /work/shared/tools/score-corpus.mjs --corpus /tmp/qa2/heldout \
//          --cwd /work/main --cmd 'npm run --silent check -- {file} --json'
//
// The truth is computed from explicit raw -> expected tables below, never from
// the engine. Conventions: shared/spec/data-fields.md + shared/corpus/README.md.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

const OUT = path.resolve(process.argv[2] ?? '/tmp/qa2/heldout');

// ------------------------------------------------------------ seeded random
let seed = 4862;
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

type Field = 'title' | 'date' | 'event_type' | 'description' | 'street' | 'city' | 'zip' | 'audience' | 'engagement' | 'attendees';
interface Formula { formula: string; result: number | string }
type Raw = string | number | Date | Formula | null;
type Exp =
  | { v: unknown }
  | { err: string }
  | { amb: string; scope: 'cell' | 'value' }
  | { none: true };
interface Cell { raw: Raw; exp: Exp }

// ------------------------------------------------------------ value tables
type EnumExp = string | string[] | 'ERR' | `AMB:${string}` | 'UNK';
const ENG: Record<string, EnumExp> = {
  // Google-Forms style long option texts
  'Touchpoint (give-away, call, flyer, info table)': 'touchpoint',
  'Level 1 – activity/training of 2 hours or less': 'level_one',
  'Level 2 – 2+ hours, or participant led/hosted': 'level_two',
  'Day of the Young Child event': 'day_of_young_child',
  // short/odd spellings
  'Level-1': 'level_one', 'Level-2': 'level_two', 'LEVEL ONE (1)': 'level_one', 'LEVEL TWO (2)': 'level_two',
  'EL1': 'level_one', 'EL2': 'level_two', 'Touchpoint – flyer': 'touchpoint', 'Touchpoint - giveaway': 'touchpoint',
  'Day of the Young Child 2023': 'day_of_young_child', 'DOTYC': 'day_of_young_child', 'Lvl1': 'level_one', 'Lvl2': 'level_two',
  'TOUCHPOINT': 'touchpoint', 'Engagement Level One': 'level_one', 'Engagement Level Two': 'level_two',
  'level_one': 'level_one', 'level_two': 'level_two', 'touchpoint': 'touchpoint',
  'TP': 'touchpoint', 'L1': 'level_one', 'L2': 'level_two', 'DOYC': 'day_of_young_child',
  'Level 3': 'ERR', 'High': 'ERR', 'N/A': 'ERR',
};
const AUD: Record<string, EnumExp> = {
  'Parents/Guardians': ['parent_family'], 'Teen parents': ['parent_family'], 'Expectant parents': ['parent_family'],
  'Parents/Guardians, Teachers/Educators': ['parent_family', 'teacher_educator'],
  'Parents/Guardians, Caregivers (family, friends, neighbors)': ['parent_family', 'caregiver'],
  'Parents with their children': ['parent_family_child'], 'Parents + children': ['parent_family_child'],
  'Caregivers (family, friends, neighbors)': ['caregiver'], 'Babysitters / nannies': ['caregiver'],
  'Teachers/Educators': ['teacher_educator'], 'Pre-K teachers': ['teacher_educator'], 'Child care teachers': ['teacher_educator'],
  'Directors/Owners': ['director_owner'], 'Center directors': ['director_owner'], 'Family child care owners': ['director_owner'],
  'Teachers/Educators, Directors/Owners': ['teacher_educator', 'director_owner'],
  'Mothers': ['parent_family'], 'Fathers': ['parent_family'],
  'PARENTS': ['parent_family'], 'TEACHERS': ['teacher_educator'], 'PARENT & CHILD': ['parent_family_child'],
  'Home-based providers': 'AMB:audience_unclear', 'ECE professionals': 'AMB:audience_unclear', 'Providers': 'AMB:audience_unclear',
  'All': 'AMB:audience_unclear', 'Everyone': 'AMB:audience_unclear',
  'Seniors': 'ERR', 'Volunteers': 'ERR', 'General public': 'ERR',
};
const TYPE: Record<string, EnumExp> = {
  'Early Literacy': 'literacy', 'Reading/Literacy': 'literacy', 'Story time (literacy)': 'literacy',
  'Parenting class': 'parenting', 'Parenting Support': 'parenting', 'Parent-Child Interaction': 'adult_child_interaction',
  'Adult/child activity': 'adult_child_interaction', 'Child Development Workshop': 'child_development', 'Child development': 'child_development',
  'Professional Development (instruction)': 'instruction', 'Training/Instruction': 'instruction',
  'Business Support': 'business_support', 'Operational support': 'business_support', 'Other': 'other',
  'LITERACY': 'literacy', 'PARENTING': 'parenting', 'CHILD DEVELOPMENT': 'child_development',
  'literacy': 'literacy', 'parenting': 'parenting', 'child_development': 'child_development', 'adult_child_interaction': 'adult_child_interaction',
  'Family Fun Day': 'UNK', 'Health & Wellness': 'UNK', 'Kindergarten Round-Up': 'UNK',
};
function enumCell(table: Record<string, EnumExp>, raw: string, field: Field): Cell {
  const e = table[raw];
  if (e === undefined) throw new Error(`no truth for ${field} ${raw}`);
  if (e === 'ERR') return { raw, exp: { err: field === 'engagement' ? 'invalid_engagement' : 'invalid_audience' } };
  if (e === 'UNK') return { raw, exp: { amb: 'unknown_event_type', scope: 'value' } };
  if (typeof e === 'string' && e.startsWith('AMB:')) return { raw, exp: { amb: e.slice(4), scope: 'cell' } };
  return { raw, exp: { v: e } };
}

// dates
const MON = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MON3 = MON.map((m) => m.slice(0, 3));
const iso = (d: Date) => d.toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');
const serial1900 = (d: Date) => Math.round((d.getTime() - Date.UTC(1899, 11, 30)) / 86400000);
type DStyle = 'cell' | 'cellTime' | 'isoText' | 'isoShort' | 'isoTime' | 'mdDash' | 'mdDots' | 'mdy' | 'timeRange' | 'monDY' | 'mdyy';
function fmtDate(d: Date, s: DStyle, date1904 = false): Raw {
  const y = d.getUTCFullYear(), m = d.getUTCMonth(), day = d.getUTCDate();
  switch (s) {
    case 'cell': return date1904 ? serial1900(d) - 1462 : d;
    case 'cellTime': return new Date(d.getTime() + int(9, 18) * 3600000 + pick([0, 30]) * 60000);
    case 'isoText': return `${y}-${pad(m + 1)}-${pad(day)}`;
    case 'isoShort': return `${y}-${m + 1}-${day}`;
    case 'isoTime': return `${y}-${pad(m + 1)}-${pad(day)} 00:00:00`;
    case 'mdDash': return `${m + 1}-${day}-${y}`;
    case 'mdDots': return `${pad(m + 1)}.${pad(day)}.${y}`; // only used with day > 12 (see dateCell)
    case 'mdy': return `${m + 1}/${day}/${y}`;
    case 'mdyy': return `${pad(m + 1)}/${pad(day)}/${String(y).slice(2)}`;
    case 'timeRange': return `${m + 1}/${day}/${y} ${pick(['10am-12pm', '6-7:30pm', '9:30-11 AM', '1pm - 3pm'])}`;
    case 'monDY': return `${MON3[m]} ${day} ${y}`;
  }
}
const SPECIAL_DATES: Record<string, Exp> = {
  'March 2023': { err: 'invalid_date' }, 'Sat, Mar 4': { amb: 'date_no_year', scope: 'cell' }, '03.04.2023': { amb: 'date_day_month', scope: 'cell' },
  'TBA': { err: 'invalid_date' }, '6/31/2023': { err: 'invalid_date' }, '2/30/23': { err: 'invalid_date' },
  '11/18/2022': { err: 'date_out_of_period' }, '2024-01-13': { err: 'date_out_of_period' }, '1-6-2024': { err: 'date_out_of_period' },
  'Week of 5/8/2023': { amb: 'date_week_of', scope: 'cell' },
};
function dateCell(style: DStyle, date1904 = false): Cell {
  const m = int(0, 11);
  const d = new Date(Date.UTC(2023, m, style === 'mdDots' ? int(13, 28) : int(1, 28)));
  return { raw: fmtDate(d, style, date1904), exp: { v: iso(d) } };
}

// attendees
type AStyle = 'num' | 'text' | 'float' | 'spaceThousands' | 'zero';
function attCell(style: AStyle): Cell {
  const n = style === 'spaceThousands' ? int(1000, 2400) : style === 'zero' ? 0 : int(1, 90);
  const raw: Raw = style === 'num' ? n : style === 'text' ? String(n) : style === 'float' ? `${n}.0`
    : style === 'spaceThousands' ? `${Math.floor(n / 1000)} ${String(n % 1000).padStart(3, '0')}` : (pick([0, '0']) as number | string);
  return { raw, exp: { v: n } };
}
const SPECIAL_ATT: Record<string, Exp> = {
  'N/A': { err: 'invalid_attendees' }, '—': { err: 'invalid_attendees' }, 'unknown': { err: 'invalid_attendees' },
  '-5': { err: 'invalid_attendees' }, '10.5': { err: 'invalid_attendees' },
  '30-40': { amb: 'attendees_range_or_split', scope: 'cell' }, '12 parents + 15 kids': { amb: 'attendees_range_or_split', scope: 'cell' },
  'approx 45': { v: 45 }, '60 (est.)': { v: 60 },
};

// places
const PLACES: [string, string, string][] = [
  ['1150 E Lafayette St', 'Detroit', '48207'], ['5020 John R St', 'Detroit', '48202'], ['8131 E Jefferson Ave', 'Detroit', '48214'],
  ['16101 Grand River Ave', 'Detroit', '48227'], ['7701 W Outer Dr', 'Detroit', '48235'], ['11500 Joseph Campau Ave', 'Hamtramck', '48212'],
  ['13900 Woodward Ave', 'Highland Park', '48203'], ['2900 W Chicago', 'Detroit', '48206'], ['6301 Michigan Ave', 'Detroit', '48210'],
  ['20000 W 7 Mile Rd', 'Detroit', '48219'], ['4455 Connecticut St', 'Dearborn', '48126'], ['3800 Puritan St', 'Detroit', '48238'],
];
const VIRTUAL = ['Virtual (Zoom)', 'Online', 'Facebook Live', 'Zoom call'];
const TITLES = ['Little Readers Club', 'Dads Who Read', 'Toddler Art Lab', 'Bright Beginnings Playgroup', 'Safe Sleep Session',
  'Provider Money Matters', 'Infant/Toddler CDA Cohort', 'Rhyme Time at the Library', 'Family STEM Saturday', 'Nutrition for Little Ones',
  'Car Seat Safety Check', 'Big Feelings, Little Kids', 'Summer Reading Kickoff', 'Child Care Business Coaching', 'Baby Talk Circle',
  'Music & Movement', 'Ready for K Family Night', 'Parent Café', 'Grow Detroit Garden Day', 'Licensing Orientation'];
const DESCS = ['Every family took home a free book.', 'Co-hosted with Detroit Public Library.', 'Snacks and childcare provided.',
  'Second session of a 6-week series.', 'Spanish interpretation available.', ''];

// ------------------------------------------------------------ file model
interface Col { h: string | null; f: Field | null; gen?: (i: number) => Raw }
interface EventOpts {
  dateStyles: DStyle[]; attStyles: AStyle[]; eng: string[]; aud: string[]; type: string[];
  zipStyle: ('text' | 'num' | 'float' | 'mi' | 'cityPrefix' | 'plus4')[]; date1904?: boolean; virtual?: number;
}
type RowSpec =
  | { kind: 'data'; cells: Partial<Record<Field, Cell>> }
  | { kind: string; raw: Record<number, Raw> };

function makeEvent(o: EventOpts, over: Partial<Record<Field, Cell>> = {}): Partial<Record<Field, Cell>> {
  const c: Partial<Record<Field, Cell>> = {};
  const t = pick(TITLES); c.title = { raw: t, exp: { v: t } };
  c.date = dateCell(pick(o.dateStyles), o.date1904);
  c.event_type = enumCell(TYPE, pick(o.type), 'event_type');
  const ds = pick(DESCS); c.description = ds ? { raw: ds, exp: { v: ds } } : { raw: null, exp: { none: true } };
  if (rnd() < (o.virtual ?? 0.1)) {
    c.street = { raw: pick(VIRTUAL), exp: { amb: 'virtual_street', scope: 'value' } };
    c.city = { raw: null, exp: { none: true } }; c.zip = { raw: null, exp: { none: true } };
  } else {
    const [s, city, z] = pick(PLACES);
    c.street = { raw: s, exp: { v: s } };
    c.city = { raw: city, exp: { v: city } };
    const zs = pick(o.zipStyle);
    const raw: Raw = zs === 'num' ? Number(z) : zs === 'float' ? `${z}.0` : zs === 'mi' ? `MI ${z}` : zs === 'cityPrefix' ? `${city} ${z}`
      : zs === 'plus4' ? `${z}-${int(1000, 9999)}` : z;
    c.zip = { raw, exp: { v: z } };
  }
  c.audience = enumCell(AUD, pick(o.aud), 'audience');
  c.engagement = enumCell(ENG, pick(o.eng), 'engagement');
  c.attendees = attCell(pick(o.attStyles));
  return { ...c, ...over };
}
const sd = (raw: string): Cell => ({ raw, exp: SPECIAL_DATES[raw] });
const sa = (raw: string): Cell => ({ raw, exp: SPECIAL_ATT[raw] });
const ec = (raw: string): Cell => enumCell(ENG, raw, 'engagement');
const ac = (raw: string): Cell => enumCell(AUD, raw, 'audience');
const REQ: Field[] = ['title', 'date', 'audience', 'engagement', 'attendees'];
const empty = (field: Field): Cell => ({ raw: null, exp: REQ.includes(field) ? { err: 'missing_required' } : { none: true } });
const bad = (raw: Raw, code: string): Cell => ({ raw, exp: { err: code } });
const ok = (raw: Raw, v: unknown): Cell => ({ raw, exp: { v } });

interface Sheet { name: string; state?: 'hidden' | 'veryHidden'; rows: Raw[][] }
interface FileSpec {
  file: string; sheet: string; date1904?: boolean; features: string[];
  before?: Sheet[]; after?: Sheet[]; startCol: number;
  pre?: { kind: string; raw: Record<number, Raw> }[];
  cols: Col[]; headerRow: number; rows: RowSpec[]; merges?: string[];
  hiddenCols?: string[]; wrapHeader?: boolean;
  csv?: { delim: string; encoding: 'utf8' | 'cp1252'; bom?: boolean; crlf?: boolean; sepHint?: boolean };
  dateColFmt?: string;
}

const L = (n: number) => { let s = ''; while (n > 0) { const m = (n - 1) % 26; s = String.fromCharCode(65 + m) + s; n = Math.floor((n - 1) / 26); } return s; };
const isFormula = (v: Raw): v is Formula => typeof v === 'object' && v !== null && !(v instanceof Date);
const rawText = (v: Raw): string => v instanceof Date ? v.toISOString() : isFormula(v) ? String(v.result) : String(v ?? '');

async function write(spec: FileSpec) {
  const truth: Record<string, unknown> = {
    file: spec.file, sheet: spec.csv ? null : spec.sheet, headerRow: spec.headerRow, period: '2023-01-01..2023-12-31',
    date1904: !!spec.date1904, features: spec.features,
  };
  const columns: Record<string, string | null> = {}, headers: Record<string, string> = {};
  spec.cols.forEach((c, i) => { if (c.h) { columns[L(spec.startCol + i)] = c.f; headers[L(spec.startCol + i)] = c.h; } });
  truth.columns = columns; truth.headers = headers;
  const grid: Raw[][] = [];
  const notRecords: number[] = [], kinds: Record<string, string> = {};
  const records: Record<string, Record<string, unknown>> = {}; const errors: unknown[] = []; const ambiguous: unknown[] = [];
  let r = spec.csv?.sepHint ? 2 : 1;
  if (spec.csv?.sepHint) { notRecords.push(1); kinds[1] = 'key'; }
  const put = (row: number, rel: number, v: Raw) => { const g = (grid[row - 1] ??= []); if (v === '' || v === null || v === undefined) return; g[spec.startCol - 1 + rel] = v; };
  for (const p of spec.pre ?? []) { for (const [k, v] of Object.entries(p.raw)) put(r, Number(k), v); (grid[r - 1] ??= []); notRecords.push(r); kinds[r] = p.kind; r++; }
  if (r !== spec.headerRow) throw new Error(`${spec.file}: header row ${r} != ${spec.headerRow}`);
  spec.cols.forEach((c, i) => put(r, i, c.h)); notRecords.push(r); kinds[r] = 'header'; r++;
  let di = 0;
  for (const row of spec.rows) {
    if (row.kind !== 'data') {
      const nr = row as { kind: string; raw: Record<number, Raw> };
      for (const [k, v] of Object.entries(nr.raw)) put(r, Number(k), v);
      (grid[r - 1] ??= []); notRecords.push(r); kinds[r] = nr.kind; r++; continue;
    }
    const d = row as { kind: 'data'; cells: Partial<Record<Field, Cell>> };
    const vals: Record<string, unknown> = {};
    spec.cols.forEach((c, i) => {
      const col = L(spec.startCol + i);
      if (!c.f) { put(r, i, c.gen ? c.gen(di) : null); return; }
      const cell = d.cells[c.f] ?? empty(c.f);
      put(r, i, cell.raw);
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
      const s = v instanceof Date ? iso(v) : isFormula(v) ? String(v.result) : String(v);
      return /[",\n;\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const rowsAll = Array.from(grid, (g) => g ?? []);
    const width = Math.max(...rowsAll.map((g) => g.length));
    const lines = rowsAll.map((g) => Array.from({ length: width }, (_, i) => q(g?.[i] ?? null)).join(spec.csv!.delim));
    if (spec.csv.sepHint) lines[0] = `sep=${spec.csv.delim}`;
    let text = lines.join(spec.csv.crlf ? '\r\n' : '\n') + (spec.csv.crlf ? '\r\n' : '\n');
    if (spec.csv.bom) text = '\uFEFF' + text;
    fs.writeFileSync(base, spec.csv.encoding === 'cp1252' ? iconv.encode(text, 'win1252') : Buffer.from(text, 'utf8'));
  } else {
    const wb = new ExcelJS.Workbook();
    if (spec.date1904) wb.properties.date1904 = true;
    const addSheet = (s: Sheet) => {
      const ws = wb.addWorksheet(s.name, { state: s.state ?? 'visible' });
      s.rows.forEach((row, i) => row.forEach((v, j) => { if (v !== null && v !== undefined) ws.getCell(i + 1, j + 1).value = v; }));
    };
    spec.before?.forEach(addSheet);
    const ws = wb.addWorksheet(spec.sheet);
    grid.forEach((row, i) => row?.forEach((v, j) => {
      if (v === null || v === undefined) return;
      const cell = ws.getCell(i + 1, j + 1);
      cell.value = v;
      const c = spec.cols[j - (spec.startCol - 1)];
      if (c?.f === 'date' && i + 1 > spec.headerRow && (v instanceof Date || (typeof v === 'number' && spec.date1904))) cell.numFmt = spec.dateColFmt ?? 'm/d/yyyy';
    }));
    spec.merges?.forEach((m) => ws.mergeCells(m));
    ws.getRow(spec.headerRow).font = { bold: true };
    if (spec.wrapHeader) ws.getRow(spec.headerRow).alignment = { wrapText: true };
    spec.hiddenCols?.forEach((c) => { ws.getColumn(c).hidden = true; });
    spec.after?.forEach(addSheet);
    await wb.xlsx.writeFile(base);
  }
  fs.writeFileSync(base.replace(/\.(xlsx|csv)$/, '.truth.json'), JSON.stringify(truth, null, 1));
}

// ------------------------------------------------------------ helpers
const data = (cells: Partial<Record<Field, Cell>>): RowSpec => ({ kind: 'data', cells });
const nr = (kind: string, raw: Record<number, Raw> = {}): RowSpec => ({ kind, raw });
function events(n: number, o: EventOpts, specials: Record<number, Partial<Record<Field, Cell>>> = {}): RowSpec[] {
  return Array.from({ length: n }, (_, i) => data(makeEvent(o, specials[i] ?? {})));
}
const emails = () => pick(['kmoore@', 'd.james@', 'info@', 'tsmith@']) + pick(['brightstart.org', 'gmail.com', 'detroitfamilies.org']);
const staff = () => pick(['Keisha M.', 'Dwayne J.', 'Rosa P.', 'Ali H.']);
/** Attendee total as a formula over two count columns (letters given), with its cached result. */
function withCounts(rows: RowSpec[], adultsCol: string, kidsCol: string, totalCol: string, headerRow: number, firstRow: number): { adults: (i: number) => Raw; kids: (i: number) => Raw } {
  const ad: number[] = [], ki: number[] = [];
  let rowNo = firstRow;
  for (const r of rows) {
    if (r.kind === 'data') {
      const cells = (r as { kind: 'data'; cells: Partial<Record<Field, Cell>> }).cells;
      const a = cells.attendees!;
      if ('v' in a.exp && typeof a.exp.v === 'number') {
        const n = a.exp.v; const k = Math.floor(n / 2);
        ad.push(n - k); ki.push(k);
        cells.attendees = { raw: { formula: `${adultsCol}${rowNo}+${kidsCol}${rowNo}`, result: n }, exp: { v: n } };
      } else { ad.push(NaN); ki.push(NaN); }
    }
    rowNo++;
  }
  void headerRow; void totalCol;
  return { adults: (i) => (Number.isNaN(ad[i]) ? null : ad[i]), kids: (i) => (Number.isNaN(ki[i]) ? null : ki[i]) };
}
function sumAtt(rows: RowSpec[]): number {
  let s = 0;
  for (const r of rows) if (r.kind === 'data') { const a = (r as { kind: 'data'; cells: Partial<Record<Field, Cell>> }).cells.attendees; if (a && 'v' in a.exp && typeof a.exp.v === 'number') s += a.exp.v; }
  return s;
}

const files: FileSpec[] = [];

// K01: Google Forms responses sheet: Timestamp, Email Address, question-style headings, checkbox audiences joined with ", "
{
  const o: EventOpts = { dateStyles: ['cell'], attStyles: ['num'], eng: ['Touchpoint (give-away, call, flyer, info table)', 'Level 1 – activity/training of 2 hours or less', 'Level 2 – 2+ hours, or participant led/hosted', 'Day of the Young Child event'],
    aud: ['Parents/Guardians', 'Parents/Guardians, Teachers/Educators', 'Parents/Guardians, Caregivers (family, friends, neighbors)', 'Teachers/Educators, Directors/Owners', 'Caregivers (family, friends, neighbors)', 'Parents with their children'],
    type: ['Early Literacy', 'Parenting class', 'Parent-Child Interaction', 'Child Development Workshop', 'Training/Instruction', 'Business Support', 'Other', 'Family Fun Day'], zipStyle: ['num'] };
  const stamp = () => new Date(Date.UTC(2023, int(0, 11), int(1, 28), int(8, 20), int(0, 59), int(0, 59)));
  files.push({
    file: 'k01-google-form-responses.xlsx', sheet: 'Form Responses 1', features: ['googleForms', 'questionHeadings', 'timestampColumn', 'emailColumn'], startCol: 1, headerRow: 1,
    cols: [{ h: 'Timestamp', f: null, gen: stamp }, { h: 'Email Address', f: null, gen: emails }, { h: 'Organization name', f: null, gen: () => 'Bright Start Detroit' },
      { h: 'What was the name of the event?', f: 'title' }, { h: 'What date was the event held?', f: 'date' }, { h: 'What type of event was this?', f: 'event_type' },
      { h: 'Briefly describe the event', f: 'description' }, { h: 'Event street address', f: 'street' }, { h: 'Event city', f: 'city' }, { h: 'Event zip code (5 digits)', f: 'zip' },
      { h: 'Who was the event for? (Check all that apply)', f: 'audience' }, { h: 'Which engagement level best describes this event?', f: 'engagement' },
      { h: 'How many people attended?', f: 'attendees' }, { h: 'Anything else we should know?', f: null, gen: () => pick(['', 'Rain moved us indoors', 'First time partnering with this site', '']) }],
    rows: events(24, o, { 4: { attendees: sa('approx 45') }, 9: { date: sd('11/18/2022') }, 13: { audience: ac('Volunteers') }, 17: { engagement: ec('Level 3') } }),
  });
}
// K02: Salesforce report export CSV: API names, ISO dates, multi-select picklist with ";", Id/OwnerId/CreatedDate, near-miss Program_Area__c
{
  const o: EventOpts = { dateStyles: ['isoText', 'isoShort'], attStyles: ['num', 'float'], eng: ['level_one', 'level_two', 'touchpoint', 'TOUCHPOINT'],
    aud: ['Parents/Guardians', 'Teen parents', 'Parents + children', 'Mothers', 'Fathers'],
    type: ['literacy', 'parenting', 'child_development', 'adult_child_interaction'], zipStyle: ['text', 'plus4'] };
  const sfid = () => 'a0B5e0000' + Array.from({ length: 9 }, () => pick('ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'.split(''))).join('');
  const created = () => `2024-01-${pad(int(2, 25))}T${pad(int(10, 22))}:${pad(int(0, 59))}:00.000Z`;
  files.push({
    file: 'k02-salesforce-event-export.csv', sheet: '', features: ['csv', 'systemColumnNames', 'isoDates', 'nearMissColumns'], startCol: 1, headerRow: 1,
    csv: { delim: ',', encoding: 'utf8' },
    cols: [{ h: 'Id', f: null, gen: sfid }, { h: 'Event_Name__c', f: 'title' }, { h: 'Event_Date__c', f: 'date' }, { h: 'Program_Area__c', f: null, gen: () => pick(['Family Support', 'Early Learning', 'Health']) },
      { h: 'Event_Type__c', f: 'event_type' }, { h: 'Street__c', f: 'street' }, { h: 'City__c', f: 'city' }, { h: 'Postal_Code__c', f: 'zip' },
      { h: 'Target_Audience__c', f: 'audience' }, { h: 'Engagement_Level__c', f: 'engagement' }, { h: 'Attendee_Count__c', f: 'attendees' },
      { h: 'OwnerId', f: null, gen: () => '0055e000003' + pick(['AbCdE', 'XyZ12', 'QrS34']) }, { h: 'CreatedDate', f: null, gen: created }],
    rows: events(22, o, { 3: { date: sd('2024-01-13') }, 8: { attendees: sa('10.5') }, 15: { engagement: ec('High') } }),
  });
}
// K03: ALL-CAPS headings with notes on a second line; README + Data + Dropdowns sheets; dashed/dotted/ISO text dates; SUM totals row
{
  const o: EventOpts = { dateStyles: ['mdDash', 'isoShort', 'mdDots', 'mdy'], attStyles: ['num', 'num', 'zero'], eng: ['Level-1', 'Level-2', 'LEVEL ONE (1)', 'LEVEL TWO (2)', 'Touchpoint – flyer', 'Day of the Young Child 2023'],
    aud: ['PARENTS', 'TEACHERS', 'PARENT & CHILD', 'Teachers/Educators, Directors/Owners', 'Home-based providers'], type: ['LITERACY', 'PARENTING', 'CHILD DEVELOPMENT', 'Other'], zipStyle: ['text', 'num'] };
  const rows = events(30, o, { 5: { date: sd('03.04.2023') }, 11: { date: sd('6/31/2023') }, 19: { zip: bad('4820l', 'invalid_zip') }, 25: { attendees: sa('unknown') } });
  const total = sumAtt(rows);
  files.push({
    file: 'k03-caps-two-line-headers.xlsx', sheet: 'Data', features: ['capsHeaders', 'twoLineHeaders', 'readmeSheet', 'dropdownsSheet', 'sumFormulaTotals', 'dates:dash/dots/iso'], startCol: 1, headerRow: 1, wrapHeader: true,
    before: [{ name: 'README', rows: [['HOW TO USE THIS WORKBOOK'], ['Enter one event per row on the Data tab.'], ['Use the Dropdowns tab for Event Type, Audience and Engagement Level.'], ['Date format: MM/DD/YYYY']] }],
    after: [{ name: 'Dropdowns', rows: [['EVENT TYPE', 'AUDIENCE', 'ENGAGEMENT LEVEL'], ['LITERACY', 'PARENTS', 'Touchpoint'], ['PARENTING', 'PARENT & CHILD', 'Level-1'], ['CHILD DEVELOPMENT', 'TEACHERS', 'Level-2'], ['Other', 'DIRECTORS', 'Day of the Young Child']] }],
    cols: [{ h: 'EVENT NAME', f: 'title' }, { h: 'DATE OF EVENT\n(MM/DD/YYYY)', f: 'date' }, { h: 'EVENT TYPE\n[see Dropdowns tab]', f: 'event_type' },
      { h: 'STREET ADDRESS', f: 'street' }, { h: 'CITY', f: 'city' }, { h: 'ZIP\n(5-digit)', f: 'zip' }, { h: 'AUDIENCE\n(select all that apply)', f: 'audience' },
      { h: 'ENGAGEMENT LEVEL\n(TP / L1 / L2 / DOYC)', f: 'engagement' }, { h: 'ATTENDANCE\n[# of people]', f: 'attendees' }, { h: 'STAFF LEAD', f: null, gen: staff }],
    rows: [...rows, nr('totals', { 0: 'TOTAL', 8: { formula: 'SUM(I2:I31)', result: total } })],
  });
}
// K04: pandas to_csv export: unnamed index column, snake_case headings, "48201.0" zips and "12.0" counts, ISO datetimes, grade-level distractor, adults/children/total
{
  const o: EventOpts = { dateStyles: ['isoTime'], attStyles: ['float'], eng: ['level_one', 'level_two', 'touchpoint'],
    aud: ['Parents/Guardians', 'Pre-K teachers', 'Parents + children', 'Center directors'], type: ['literacy', 'parenting', 'child_development', 'Health & Wellness'], zipStyle: ['float'] };
  const rows = events(20, o, { 6: { zip: bad('4820.0', 'invalid_zip') }, 12: { date: sd('TBA') } });
  const counts: [number, number][] = rows.map((r) => { const a = (r as { kind: 'data'; cells: Partial<Record<Field, Cell>> }).cells.attendees!; const n = 'v' in a.exp ? Number(a.exp.v) : 0; const k = Math.floor(n / 3); return [n - k, k]; });
  files.push({
    file: 'k04-pandas-snake-case.csv', sheet: '', features: ['csv', 'snakeCase', 'pandasIndex', 'floatText', 'gradeLevelDistractor', 'adultsChildrenTotal'], startCol: 1, headerRow: 1,
    csv: { delim: ',', encoding: 'utf8' },
    cols: [{ h: '', f: null, gen: (i) => i }, { h: 'event_name', f: 'title' }, { h: 'event_date', f: 'date' }, { h: 'program_area', f: null, gen: () => pick(['early_learning', 'family_support']) },
      { h: 'event_type', f: 'event_type' }, { h: 'street_address', f: 'street' }, { h: 'city', f: 'city' }, { h: 'zip_code', f: 'zip' }, { h: 'target_audience', f: 'audience' },
      { h: 'engagement_level', f: 'engagement' }, { h: 'grade_level', f: null, gen: () => pick(['PreK', 'K', 'Infant/Toddler']) },
      { h: 'n_adults', f: null, gen: (i) => `${counts[i][0]}.0` }, { h: 'n_children', f: null, gen: (i) => `${counts[i][1]}.0` }, { h: 'n_total', f: 'attendees' }],
    rows,
  });
}
// K05: numbered headings with trailing colons; title row containing header words ("Event Date Report"); messy attendee/zip texts
{
  const o: EventOpts = { dateStyles: ['mdy', 'timeRange', 'monDY'], attStyles: ['num', 'text', 'spaceThousands', 'zero'], eng: ['EL1', 'EL2', 'Touchpoint - giveaway', 'DOTYC', 'Lvl1', 'Lvl2'],
    aud: ['Expectant parents', 'Babysitters / nannies', 'Child care teachers', 'Family child care owners', 'ECE professionals'], type: ['Reading/Literacy', 'Parenting Support', 'Adult/child activity', 'Operational support'], zipStyle: ['text', 'mi', 'cityPrefix'] };
  files.push({
    file: 'k05-numbered-colon-headings.xlsx', sheet: 'Event Date Report', features: ['numberedHeaders', 'colonHeaders', 'titleWithHeaderWords', 'dates:timeRange', 'zips:prefixed', 'attendees:spaceThousands'], startCol: 1, headerRow: 3,
    pre: [{ kind: 'title', raw: { 0: 'Event Date Report – Attendance by Event Type and Zip (Jan–Dec 2023)' } }, { kind: 'blank', raw: {} }],
    merges: ['A1:J1'],
    cols: [{ h: '1. Event name:', f: 'title' }, { h: '2. Date:', f: 'date' }, { h: '3. Type of event:', f: 'event_type' }, { h: '4. Address:', f: 'street' }, { h: '5. City:', f: 'city' },
      { h: '6. Zip:', f: 'zip' }, { h: '7. Audience:', f: 'audience' }, { h: '8. Engagement level:', f: 'engagement' }, { h: '9. # attended:', f: 'attendees' }, { h: '10. Notes:', f: null, gen: () => pick(['', 'Great turnout', 'Rescheduled once', '']) }],
    rows: events(26, o, { 2: { attendees: sa('N/A') }, 6: { attendees: sa('—') }, 10: { date: sd('March 2023') }, 14: { date: sd('Sat, Mar 4') }, 18: { audience: ac('General public') }, 22: { attendees: sa('60 (est.)') } }),
  });
}
// K06: events table on the left, a code legend table to the right on the same sheet (Code / Meaning), audience codes defined only there
{
  const o: EventOpts = { dateStyles: ['cell'], attStyles: ['num'], eng: ['TP', 'L1', 'L2', 'DOYC'], aud: ['Parents/Guardians', 'Parents with their children', 'Teachers/Educators'],
    type: ['Early Literacy', 'Parenting class', 'Child development'], zipStyle: ['num'] };
  const legend: [string, string][] = [['TP', 'Touchpoint'], ['L1', 'Engagement level one'], ['L2', 'Engagement level two'], ['DOYC', 'Day of the Young Child'], ['', ''], ['Questions?', 'Call Tasha x204']];
  files.push({
    file: 'k06-side-legend-table.xlsx', sheet: 'Events 2023', features: ['sideBySideTables', 'legendRightOfTable'], startCol: 1, headerRow: 1,
    cols: [{ h: 'Event', f: 'title' }, { h: 'Date', f: 'date' }, { h: 'Kind', f: 'event_type' }, { h: 'Street', f: 'street' }, { h: 'City', f: 'city' }, { h: 'Zip', f: 'zip' },
      { h: 'Audience', f: 'audience' }, { h: 'Eng.', f: 'engagement' }, { h: 'Count', f: 'attendees' }, { h: '', f: null },
      { h: 'Code', f: null, gen: (i) => legend[i]?.[0] ?? null }, { h: 'Meaning', f: null, gen: (i) => legend[i]?.[1] ?? null }],
    rows: events(18, o, { 7: { zip: bad('48', 'invalid_zip') }, 12: { engagement: ec('N/A') } }),
  });
}
// K07: cryptic variable names explained on a "Codebook" sheet with Variable / Description / Allowed values
{
  const o: EventOpts = { dateStyles: ['mdy', 'mdyy'], attStyles: ['num'], eng: ['TP', 'L1', 'L2'], aud: ['Parents/Guardians', 'Mothers', 'Child care teachers', 'Directors/Owners'],
    type: ['Early Literacy', 'Parenting Support', 'Training/Instruction'], zipStyle: ['text'] };
  const vars: [string, Field | null, string][] = [['evt_id', null, 'Internal record number'], ['evt_nm', 'title', 'Name of the event or activity'], ['evt_dt', 'date', 'Date the event took place (mm/dd/yyyy)'],
    ['typ_cd', 'event_type', 'Type of event (literacy, parenting, training...)'], ['loc_st', 'street', 'Street address of the event location'], ['loc_cty', 'city', 'City of the event'],
    ['loc_zip', 'zip', '5-digit ZIP code'], ['aud_grp', 'audience', 'Target audience (who the event was for)'], ['eng_lvl', 'engagement', 'HSH engagement level: TP, L1, L2, DOYC'],
    ['att_n', 'attendees', 'Number of attendees'], ['fund_src', null, 'Funding source code']];
  files.push({
    file: 'k07-codebook-variables.xlsx', sheet: 'events', features: ['legend', 'codebookSheet', 'crypticHeaders'], startCol: 1, headerRow: 1,
    after: [{ name: 'Codebook', rows: [['Variable', 'Description', 'Type'], ...vars.map(([v, , d]) => [v, d, v.endsWith('_dt') ? 'date' : v.endsWith('_n') ? 'integer' : 'text']), ['state', 'Two-letter state (not collected in 2023)', 'text']] }],
    cols: vars.map(([v, f]) => ({ h: v, f, gen: f ? undefined : v === 'evt_id' ? (i: number) => 1000 + i : () => pick(['KRS', 'SKL', 'GEN']) })),
    rows: events(20, o, { 4: { date: sd('2/30/23') }, 10: { title: empty('title') }, 16: { audience: ac('Seniors') } }),
  });
}
// K08: print layout: title row with "Event Date Report", header repeated every page, Start Date/End Date and Start/End Time
{
  const o: EventOpts = { dateStyles: ['cell', 'mdy'], attStyles: ['num'], eng: ['Engagement Level One', 'Engagement Level Two', 'TOUCHPOINT'],
    aud: ['Parents/Guardians', 'Fathers', 'Parents + children', 'Pre-K teachers'], type: ['Reading/Literacy', 'Parenting class', 'Story time (literacy)', 'Kindergarten Round-Up'], zipStyle: ['num', 'text'] };
  const H = ['Event Title', 'Start Date', 'End Date', 'Start Time', 'End Time', 'Event Type', 'Address', 'City', 'Zip', 'Audience', 'Engagement', 'Attendance'];
  const hdr = Object.fromEntries(H.map((h, i) => [i, h])) as Record<number, Raw>;
  const pages: RowSpec[] = [];
  const specials: Record<number, Record<number, Partial<Record<Field, Cell>>>> = { 0: { 8: { date: sd('1-6-2024') } }, 1: { 3: { attendees: sa('-5') } }, 2: { 5: { engagement: empty('engagement') } } };
  for (let p = 0; p < 3; p++) {
    if (p > 0) pages.push(nr('title', { 0: 'Event Date Report (continued)' }), nr('header', hdr));
    pages.push(...events(18, o, specials[p] ?? {}));
  }
  pages.push(nr('blank'), nr('notes', { 0: 'Printed 1/8/2024 by M. Carter' }));
  // End date / time columns get values derived per row (same day)
  files.push({
    file: 'k08-print-layout-repeated-header.xlsx', sheet: 'Print', features: ['repeatedHeader', 'titleWithHeaderWords', 'startEndDate', 'notes'], startCol: 1, headerRow: 2,
    pre: [{ kind: 'title', raw: { 0: 'Event Date Report' } }],
    cols: [{ h: 'Event Title', f: 'title' }, { h: 'Start Date', f: 'date' }, { h: 'End Date', f: null, gen: () => new Date(Date.UTC(2023, int(0, 11), int(1, 28))) },
      { h: 'Start Time', f: null, gen: () => pick(['10:00 AM', '5:30 PM', '1:00 PM']) }, { h: 'End Time', f: null, gen: () => pick(['12:00 PM', '7:00 PM', '3:00 PM']) },
      { h: 'Event Type', f: 'event_type' }, { h: 'Address', f: 'street' }, { h: 'City', f: 'city' }, { h: 'Zip', f: 'zip' }, { h: 'Audience', f: 'audience' },
      { h: 'Engagement', f: 'engagement' }, { h: 'Attendance', f: 'attendees' }],
    rows: pages,
  });
}
// K09: Adults / Children / Total (formula) counts, hidden ID column, "Level" column that is an age/grade level, near-miss "Initiative"/"Service Category"; SUM totals row
{
  const o: EventOpts = { dateStyles: ['cell'], attStyles: ['num'], eng: ['L1', 'L2', 'TP', 'DOYC'], aud: ['Parents with their children', 'Parents/Guardians', 'Teen parents'],
    type: ['Early Literacy', 'Adult/child activity', 'Child development', 'Family Fun Day'], zipStyle: ['num'] };
  const rows = events(22, o, { 3: { date: sd('Week of 5/8/2023') }, 14: { engagement: ec('Level 3') } });
  const hr = 2, first = hr + 1;
  // columns: A ID(hidden) B Initiative C Event D Date E Service Category F Event Type G Level H Address I City J Zip K Audience L Engagement M Adults N Children O Total
  const counts = withCounts(rows, 'M', 'N', 'O', hr, first);
  const last = first + rows.length - 1;
  const total = sumAtt(rows);
  files.push({
    file: 'k09-formula-counts-hidden-cols.xlsx', sheet: 'Tracker', features: ['formulas', 'hiddenColumns', 'adultsChildrenTotal', 'levelDistractor', 'nearMissColumns', 'sumFormulaTotals'], startCol: 1, headerRow: hr,
    pre: [{ kind: 'title', raw: { 0: 'Eastside Reads Together – 2023 tracker' } }],
    hiddenCols: ['A'],
    cols: [{ h: 'ID', f: null, gen: (i) => `ERT-${100 + i}` }, { h: 'Initiative', f: null, gen: () => pick(['Hope Starts Here', 'Great Start to Quality']) }, { h: 'Event', f: 'title' }, { h: 'Date', f: 'date' },
      { h: 'Service Category', f: null, gen: () => pick(['Family engagement', 'Early learning', 'Community outreach']) }, { h: 'Event Type', f: 'event_type' },
      { h: 'Level', f: null, gen: () => pick(['Infant/Toddler', 'Preschool', 'Pre-K', 'All ages']) }, { h: 'Address', f: 'street' }, { h: 'City', f: 'city' }, { h: 'Zip', f: 'zip' },
      { h: 'Audience', f: 'audience' }, { h: 'Engagement', f: 'engagement' }, { h: 'Adults', f: null, gen: counts.adults }, { h: 'Children', f: null, gen: counts.kids }, { h: 'Total', f: 'attendees' }],
    rows: [...rows, nr('totals', { 2: 'Totals', 14: { formula: `SUM(O${first}:O${last})`, result: total } })],
  });
}
// K10: CSV saved by Excel on Windows: "sep=," first line, cp1252 with smart quotes, en dashes and accents
{
  const o: EventOpts = { dateStyles: ['mdy', 'mdyy'], attStyles: ['num'], eng: ['Level-1', 'Level-2', 'Touchpoint – flyer'], aud: ['Parents/Guardians', 'Parents + children', 'Center directors'],
    type: ['Early Literacy', 'Parenting class', 'Business Support'], zipStyle: ['text'] };
  const t = (s: string): Cell => ok(s, s);
  files.push({
    file: 'k10-excel-windows-sep-hint.csv', sheet: '', features: ['csv', 'sepHint', 'cp1252', 'smartQuotes'], startCol: 1, headerRow: 2,
    csv: { delim: ',', encoding: 'cp1252', crlf: true, sepHint: true },
    cols: [{ h: 'Event Name', f: 'title' }, { h: 'Event Date', f: 'date' }, { h: 'Type', f: 'event_type' }, { h: 'Description', f: 'description' }, { h: 'Street', f: 'street' },
      { h: 'City', f: 'city' }, { h: 'Zip', f: 'zip' }, { h: 'Audience', f: 'audience' }, { h: 'Engagement', f: 'engagement' }, { h: 'Attendees', f: 'attendees' }],
    rows: events(16, o, {
      1: { title: t('Children’s Story Hour'), description: t('“Read & Play” with Ms. Renée – bring a blanket') }, 4: { title: t('Café con Papás') },
      7: { description: t('Families’ favorite — again!') }, 9: { date: sd('TBA') }, 12: { attendees: empty('attendees') },
    }),
  });
}
// K11: 1904 workbook where most dates are TEXT (no shift applies) and some are real date cells (shift applies)
{
  const o: EventOpts = { date1904: true, dateStyles: ['mdy', 'mdy', 'cell'], attStyles: ['num'], eng: ['EL1', 'EL2', 'TP'], aud: ['Mothers', 'Fathers', 'Parents/Guardians'],
    type: ['Parenting Support', 'Early Literacy'], zipStyle: ['num'] };
  files.push({
    file: 'k11-1904-text-dates.xlsx', sheet: '2023 Log', date1904: true, features: ['date1904', 'dates:text+cells'], startCol: 1, headerRow: 1,
    cols: [{ h: 'Activity', f: 'title' }, { h: 'When', f: 'date' }, { h: 'Type', f: 'event_type' }, { h: 'Street', f: 'street' }, { h: 'City', f: 'city' }, { h: 'Zip', f: 'zip' },
      { h: 'Who', f: 'audience' }, { h: 'Level', f: 'engagement' }, { h: 'How many', f: 'attendees' }],
    rows: events(20, o, { 6: { date: sd('11/18/2022') } }),
  });
}
// K12: registration-system (Eventbrite-style) event summary: Venue Name vs Venue Address 1, Tickets Sold vs Checked In, Event Start/End Date with times
{
  const o: EventOpts = { dateStyles: ['cellTime'], attStyles: ['num'], eng: ['Level 1 – activity/training of 2 hours or less', 'Level 2 – 2+ hours, or participant led/hosted', 'Touchpoint (give-away, call, flyer, info table)'],
    aud: ['Parents/Guardians', 'Parents with their children', 'Everyone', 'Teachers/Educators'], type: ['Early Literacy', 'Parenting class', 'Child Development Workshop'], zipStyle: ['text'], virtual: 0.15 };
  files.push({
    file: 'k12-registration-system-export.xlsx', sheet: 'Event Summary', features: ['registrationExport', 'venueName', 'ticketsVsCheckedIn', 'dateTimes'], startCol: 1, headerRow: 1,
    dateColFmt: 'm/d/yyyy h:mm AM/PM',
    cols: [{ h: 'Event ID', f: null, gen: () => String(int(500000000, 999999999)) }, { h: 'Event Name', f: 'title' }, { h: 'Event Start Date', f: 'date' },
      { h: 'Event End Date', f: null, gen: () => new Date(Date.UTC(2023, int(0, 11), int(1, 28), 20)) }, { h: 'Venue Name', f: null, gen: () => pick(['Parkman Branch Library', 'Northwest Activities Center', 'Online event']) },
      { h: 'Venue Address 1', f: 'street' }, { h: 'Venue City', f: 'city' }, { h: 'Venue State', f: null, gen: () => 'MI' }, { h: 'Venue Postal Code', f: 'zip' },
      { h: 'Event Category', f: 'event_type' }, { h: 'Audience', f: 'audience' }, { h: 'HSH Engagement Level', f: 'engagement' },
      { h: 'Tickets Sold', f: null, gen: () => int(10, 120) }, { h: 'Checked In', f: 'attendees' }],
    rows: events(20, o, { 5: { date: sd('11/18/2022') }, 11: { zip: bad('00000-', 'invalid_zip') } }),
  });
}
// K13: lower-case headings with units in square brackets; attendees and zips written many ways; audience strings with slashes and "+"
{
  const o: EventOpts = { dateStyles: ['mdyy', 'mdy'], attStyles: ['num', 'text', 'zero'], eng: ['L1', 'L2', 'TP', 'Day of the Young Child 2023'],
    aud: ['Parents/Guardians', 'Parents + children', 'Home-based providers', 'Babysitters / nannies', 'Teachers/Educators'], type: ['Early Literacy', 'Parent-Child Interaction', 'Other'], zipStyle: ['text', 'mi', 'float'] };
  files.push({
    file: 'k13-bracket-units-lowercase.xlsx', sheet: 'log', features: ['bracketUnits', 'lowercaseHeaders'], startCol: 2, headerRow: 2,
    pre: [{ kind: 'blank', raw: {} }],
    cols: [{ h: 'event [name]', f: 'title' }, { h: 'date [mm/dd/yy]', f: 'date' }, { h: 'type [literacy/parenting/other]', f: 'event_type' }, { h: 'location [street]', f: 'street' },
      { h: 'city', f: 'city' }, { h: 'zip [5 digits]', f: 'zip' }, { h: 'audience [who]', f: 'audience' }, { h: 'engagement [TP/L1/L2/DOYC]', f: 'engagement' },
      { h: 'attendance [people]', f: 'attendees' }, { h: 'duration [hours]', f: null, gen: () => pick([1, 1.5, 2, 3]) }],
    rows: events(20, o, { 3: { attendees: sa('30-40') }, 8: { attendees: sa('12 parents + 15 kids') }, 13: { audience: ac('All') }, 16: { zip: bad('482015', 'invalid_zip') } }),
  });
}
// K14: SurveyMonkey-style export: row 1 = questions (header), row 2 = "Response"/"Open-Ended Response" sub-headings; Respondent ID, and survey Start Date/End Date meta columns
{
  const o: EventOpts = { dateStyles: ['mdy'], attStyles: ['num', 'text'], eng: ['Touchpoint (give-away, call, flyer, info table)', 'Level 1 – activity/training of 2 hours or less', 'Level 2 – 2+ hours, or participant led/hosted'],
    aud: ['Parents/Guardians', 'Caregivers (family, friends, neighbors)', 'Directors/Owners'], type: ['Early Literacy', 'Parenting class', 'Operational support'], zipStyle: ['text'] };
  const sub: Record<number, Raw> = { 4: 'Response', 5: 'Response', 6: 'Response', 7: 'Response', 8: 'Response', 9: 'Response', 10: 'Response', 11: 'Response', 12: 'Open-Ended Response' };
  files.push({
    file: 'k14-surveymonkey-export.xlsx', sheet: 'Sheet', features: ['surveyMonkey', 'subHeaderRow', 'startEndDateMeta'], startCol: 1, headerRow: 1,
    cols: [{ h: 'Respondent ID', f: null, gen: () => 114000000000 + int(1, 999999) }, { h: 'Collector ID', f: null, gen: () => 4321987 },
      { h: 'Start Date', f: null, gen: () => new Date(Date.UTC(2024, 0, int(2, 28), 15)) }, { h: 'End Date', f: null, gen: () => new Date(Date.UTC(2024, 0, int(2, 28), 16)) },
      { h: 'Event name', f: 'title' }, { h: 'Event date', f: 'date' }, { h: 'Event type', f: 'event_type' }, { h: 'Street address', f: 'street' }, { h: 'City', f: 'city' }, { h: 'ZIP', f: 'zip' },
      { h: 'Who attended? (select all that apply)', f: 'audience' }, { h: 'Engagement level', f: 'engagement' }, { h: 'Number of attendees', f: 'attendees' }],
    rows: [nr('subheader', sub), ...events(16, o, { 5: { date: sd('TBA') }, 10: { engagement: ec('N/A') } })],
  });
}

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of files) await write(f);
  console.error(`wrote ${files.length} workbooks to ${OUT}`);
})();
