// Held-out style QA corpus: partner workbooks whose headings, spellings and
// layouts the dev corpus (shared/corpus/dev) never uses, each with a truth file
// in the dev corpus format (shared/corpus/README.md).
//
//   npx tsx test/heldout/generate.ts [OUT_DIR]      (default /tmp/qa/heldout)
//
// Score: node /work/shared/tools/score-corpus.mjs --corpus /tmp/qa/heldout \
//          --cwd /work/main --cmd 'npm run --silent check -- {file} --json'
//
// The truth is computed from explicit raw -> expected tables below, never from
// the engine. Conventions: shared/spec/data-fields.md + shared/corpus/README.md.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

const OUT = path.resolve(process.argv[2] ?? '/tmp/qa/heldout');

// ------------------------------------------------------------ seeded random
let seed = 20231;
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

type Field = 'title' | 'date' | 'event_type' | 'description' | 'street' | 'city' | 'zip' | 'audience' | 'engagement' | 'attendees';
type Raw = string | number | Date | null;
// Expected outcome of one cell
type Exp =
  | { v: unknown }                      // normalised value (scored)
  | { err: string }                     // clear-cut error with this code
  | { amb: string; scope: 'cell' | 'value' } // ambiguous
  | { none: true };                     // nothing scored (empty optional, warning-only)
interface Cell { raw: Raw; exp: Exp }

// ------------------------------------------------------------ value tables
type EnumExp = string | string[] | 'ERR' | `AMB:${string}` | 'UNK';
const ENG: Record<string, EnumExp> = {
  'Lvl. One': 'level_one', 'Lvl. Two': 'level_two', 'Level I': 'level_one', 'Level II': 'level_two',
  'Tier 1': 'level_one', 'Tier II': 'level_two', 'Touch': 'touchpoint', 'Touch Point (TP)': 'touchpoint',
  'Touch-point': 'touchpoint', 'DOYC Celebration': 'day_of_young_child', 'Day of the Young Child event': 'day_of_young_child',
  'One': 'level_one', 'Two': 'level_two', 'Level 1 (2 hrs or less)': 'level_one', 'Level 2 (2+ hrs)': 'level_two',
  'L-1': 'level_one', 'L-2': 'level_two', 'Eng. Level 2': 'level_two', 'Engagement Lvl 1': 'level_one',
  'Nivel 1': 'level_one', 'Nivel 2': 'level_two',
  'Level 5': 'ERR', 'Medium': 'ERR', 'Gold': 'ERR',
  'L1/L2': 'AMB:engagement_two_levels', '1 & 2': 'AMB:engagement_two_levels',
};
const ENG_NUM: Record<number, EnumExp> = { 1: 'level_one', 2: 'level_two' };
const AUD: Record<string, EnumExp> = {
  'Moms & Dads': ['parent_family'], 'Parent/Child': ['parent_family_child'], 'Kinship caregivers': 'AMB:audience_unclear',
  'Home visiting families': ['parent_family'],
  // "kinship caregivers" are relatives raising the child (family) or minding it (caregiver): genuinely unclear
 'ECE teachers': ['teacher_educator'],
  'Center Directors/Owners': ['director_owner'], 'Parents and children': ['parent_family_child'],
  'Childcare teachers': ['teacher_educator'], 'Preschool teachers': ['teacher_educator'],
  'Child care center owners': ['director_owner'], 'Guardians': ['parent_family'], 'Foster parents': ['parent_family'],
  'Dads': ['parent_family'], 'Caregivers (FFN)': ['caregiver'],
  'Teachers and directors': ['teacher_educator', 'director_owner'],
  'Parents; Kinship caregivers': 'AMB:audience_unclear',
  'Moms & Dads, ECE teachers': ['parent_family', 'teacher_educator'],
  'Parent/Child\nKinship caregivers': 'AMB:audience_unclear',
  'Padres': ['parent_family'], 'Padres e hijos': ['parent_family_child'], 'Familias': ['parent_family'],
  'Cuidadores': ['caregiver'], 'Maestros': ['teacher_educator'], 'Padres; Cuidadores': ['parent_family', 'caregiver'],
  'Community members': 'ERR', 'Staff': 'ERR', 'Teens': 'ERR',
  'Providers': 'AMB:audience_unclear', 'All': 'AMB:audience_unclear',
};
const TYPE: Record<string, EnumExp> = {
  'Literacy/Reading': 'literacy', 'Lectura': 'literacy', 'Crianza': 'parenting', 'Desarrollo infantil': 'child_development',
  'Parent Ed': 'parenting', 'Parenting Workshop': 'parenting', 'Parent Education': 'parenting',
  'Parent-child activity': 'adult_child_interaction', 'Adult & Child Interaction': 'adult_child_interaction',
  'Child Dev.': 'child_development', 'Child development/health': 'child_development',
  'Provider training': 'instruction', 'Instructional': 'instruction', 'Business/Ops support': 'business_support',
  'Business Operations': 'business_support', 'Misc.': 'other', 'Other (see notes)': 'other',
  'Resource fair': 'UNK', 'Community Baby Shower': 'UNK', 'Back to School Bash': 'UNK',
};
function enumCell(table: Record<string, EnumExp>, raw: string | number, field: Field, num?: Record<number, EnumExp>): Cell {
  const e = typeof raw === 'number' ? num![raw] : table[raw];
  if (e === undefined) throw new Error(`no truth for ${field} ${raw}`);
  if (e === 'ERR') return { raw, exp: { err: field === 'engagement' ? 'invalid_engagement' : 'invalid_audience' } };
  if (e === 'UNK') return { raw, exp: { amb: 'unknown_event_type', scope: 'value' } };
  if (typeof e === 'string' && e.startsWith('AMB:')) return { raw, exp: { amb: e.slice(4), scope: 'cell' } };
  return { raw, exp: { v: e } };
}

// dates
const MON = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MON3 = MON.map((m) => m.slice(0, 3));
const DOW = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const iso = (d: Date) => d.toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');
const serial1900 = (d: Date) => Math.round((d.getTime() - Date.UTC(1899, 11, 30)) / 86400000);
const ord = (n: number) => n + (n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th');
type DStyle = 'cell' | 'serial' | 'serialText' | 'mon.' | 'dots' | 'ymdSlash' | 'dMon' | 'dowLong' | 'dowShort' | 'ordinal'
  | 'mdyDash' | 'mdy' | 'mdyy' | 'dMonthY' | 'es' | 'withTime' | 'dMonY2';
function fmtDate(d: Date, s: DStyle, date1904 = false): Raw {
  const y = d.getUTCFullYear(), m = d.getUTCMonth(), day = d.getUTCDate();
  switch (s) {
    case 'cell': return date1904 ? serial1900(d) - 1462 : d; // 1904: raw serial with a date format
    case 'serial': return serial1900(d);
    case 'serialText': return String(serial1900(d));
    case 'mon.': return `${m === 4 ? 'May' : m === 8 ? 'Sept.' : MON3[m] + '.'} ${day}, ${y}`;
    case 'dots': return `${y}.${pad(m + 1)}.${pad(day)}`;
    case 'ymdSlash': return `${y}/${pad(m + 1)}/${pad(day)}`;
    case 'dMon': return `${day} ${MON3[m]} ${y}`;
    case 'dowLong': return `${DOW[d.getUTCDay()]} ${MON[m]} ${day} ${y}`;
    case 'dowShort': return `${DOW[d.getUTCDay()].slice(0, 3)}, ${MON3[m]} ${day}, ${y}`;
    case 'ordinal': return `${MON[m]} ${ord(day)}, ${y}`;
    case 'mdyDash': return `${m + 1}-${day}-${y}`;
    case 'mdy': return `${pad(m + 1)}/${pad(day)}/${y}`;
    case 'mdyy': return `${m + 1}/${day}/${String(y).slice(2)}`;
    case 'dMonthY': return `${day}-${MON[m]}-${y}`;
    case 'es': return `${day} de ${MON_ES[m]} de ${y}`;
    case 'withTime': return `${m + 1}/${day}/${y} ${int(9, 11)}:${pick(['00', '30'])} AM`;
    case 'dMonY2': return `${day} ${MON3[m]} ${String(y).slice(2)}`;
  }
}
const MON_ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const SPECIAL_DATES: Record<string, Exp> = {
  '03/04': { amb: 'date_no_year', scope: 'cell' }, '4 Mar': { amb: 'date_no_year', scope: 'cell' },
  'Fall 2023': { err: 'invalid_date' }, 'Ongoing': { err: 'invalid_date' }, '2/29/2023': { err: 'invalid_date' },
  '4/31/2023': { err: 'invalid_date' }, 'Q2': { err: 'invalid_date' },
  'Dec. 15, 2022': { err: 'date_out_of_period' }, '2024.01.10': { err: 'date_out_of_period' },
  '1/9/24': { err: 'date_out_of_period' },
};
function dateCell(style: DStyle, date1904 = false): Cell {
  const d = new Date(Date.UTC(2023, int(0, 11), int(1, 28)));
  return { raw: fmtDate(d, style, date1904), exp: { v: iso(d) } };
}

// attendees
type AStyle = 'num' | 'text' | 'ppl' | 'approximately' | 'families' | 'around' | 'total' | 'thousands';
function attCell(style: AStyle): Cell {
  const n = style === 'thousands' ? int(1000, 2500) : int(0, 120);
  const raw: Raw = style === 'num' ? n : style === 'text' ? String(n) : style === 'ppl' ? `${n} ppl`
    : style === 'approximately' ? `approximately ${n}` : style === 'families' ? `${n} families`
      : style === 'around' ? `Around ${n}` : style === 'total' ? `${n} total` : n.toLocaleString('en-US');
  return { raw, exp: { v: n } };
}
const SPECIAL_ATT: Record<string, Exp> = {
  '15-20': { amb: 'attendees_range_or_split', scope: 'cell' }, '8 adults / 10 children': { amb: 'attendees_range_or_split', scope: 'cell' },
  'n/a': { err: 'invalid_attendees' }, 'TBD': { err: 'invalid_attendees' }, '-2': { err: 'invalid_attendees' }, '7.5': { err: 'invalid_attendees' },
};

// places
const PLACES: [string, string, string][] = [
  ['3031 W Grand Blvd', 'Detroit', '48202'], ['5201 Woodward Ave', 'Detroit', '48202'], ['7737 Kercheval Ave', 'Detroit', '48214'],
  ['13300 Gratiot Ave', 'Detroit', '48205'], ['9301 Michigan Ave', 'Detroit', '48210'], ['3100 Holbrook St', 'Hamtramck', '48212'],
  ['12050 Woodward Ave', 'Highland Park', '48203'], ['18700 Meyers Rd', 'Detroit', '48235'], ['4130 Vernor Hwy', 'Detroit', '48209'],
  ['17340 W McNichols Rd', 'Detroit', '48235'], ['2630 Biddle Ave', 'Wyandotte', '48192'], ['1155 Brewery Park Blvd', 'Detroit', '48207'],
];
const VIRTUAL = ['Zoom', 'Google Meet', 'Online (Facebook)', 'Virtual - Teams'];
const TITLES = ['Baby Sign Language Class', 'Family Math Night', 'Dad & Me Saturday', 'Sensory Play Morning', 'Kindergarten Readiness Chat',
  'Potty Training 101', 'Toddler Tunes', 'Provider Business Bootcamp', 'CDA Study Circle', 'Read, Sing, Play', 'Mommy & Me Yoga',
  'Childcare Licensing Q&A', 'Bedtime Story Pajama Party', 'Infant CPR for Caregivers', 'Fatherhood Circle', 'Tax Prep for Home Providers',
  'Library Stroll', 'Backyard Science for Preschoolers', 'Positive Discipline Workshop', 'Early Learning Community Walk'];
const DESCS = ['Families made a take-home book.', 'Bilingual session (English/Spanish).', 'Hands-on stations, snacks provided.',
  'Co-hosted with the public library.', 'Series of 4 sessions; this is session 2.', ''];

// ------------------------------------------------------------ file model
interface Col { h: string | null; f: Field | null; gen?: () => Raw }
interface EventOpts {
  dateStyles: DStyle[]; attStyles: AStyle[]; eng: (string | number)[]; aud: string[]; type: string[];
  zipStyle: ('text' | 'num' | 'plus4' | 'pad')[]; date1904?: boolean; combinedAddress?: boolean; cityStyle?: (c: string) => string;
}
type RowSpec =
  | { kind: 'data'; cells: Partial<Record<Field, Cell>>; extra?: Record<number, Raw> }
  | { kind: string; raw: Record<number, Raw> }; // not a record: title, notes, totals, month-header, blank, key, group-header

function makeEvent(o: EventOpts, over: Partial<Record<Field, Cell>> = {}): Partial<Record<Field, Cell>> {
  const c: Partial<Record<Field, Cell>> = {};
  c.title = { raw: pick(TITLES), exp: { v: '' } }; (c.title.exp as { v: unknown }).v = c.title.raw;
  c.date = dateCell(pick(o.dateStyles), o.date1904);
  const t = pick(o.type); c.event_type = enumCell(TYPE, t, 'event_type');
  const ds = pick(DESCS); c.description = ds ? { raw: ds, exp: { v: ds } } : { raw: null, exp: { none: true } };
  if (rnd() < 0.12) {
    const v = pick(VIRTUAL);
    c.street = { raw: v, exp: { amb: 'virtual_street', scope: 'value' } };
    c.city = { raw: null, exp: { none: true } }; c.zip = { raw: null, exp: { none: true } };
  } else {
    const [s, city, z] = pick(PLACES);
    if (o.combinedAddress) {
      const raw = pick([`${s}, ${city}, MI ${z}`, `${s} ${city} MI ${z}`, `${s}, ${city} ${z}`]);
      c.street = { raw, exp: { amb: 'combined_address', scope: 'value' } };
    } else c.street = { raw: s, exp: { v: s } };
    const cityRaw = o.cityStyle ? o.cityStyle(city) : city;
    c.city = { raw: cityRaw, exp: { v: cityRaw.trim() } };
    const zs = pick(o.zipStyle);
    c.zip = { raw: zs === 'num' ? Number(z) : zs === 'plus4' ? `${z}-${int(1000, 9999)}` : zs === 'pad' ? ` ${z} ` : z, exp: { v: z } };
  }
  c.audience = enumCell(AUD, pick(o.aud), 'audience');
  c.engagement = enumCell(ENG, pick(o.eng), 'engagement', ENG_NUM);
  c.attendees = attCell(pick(o.attStyles));
  return { ...c, ...over };
}
const sd = (raw: string): Cell => ({ raw, exp: SPECIAL_DATES[raw] });
const sa = (raw: string): Cell => ({ raw, exp: SPECIAL_ATT[raw] });
const empty = (field: Field): Cell => ({ raw: null, exp: ['title', 'date', 'audience', 'engagement', 'attendees'].includes(field) ? { err: 'missing_required' } : { none: true } });
const bad = (raw: Raw, code: string): Cell => ({ raw, exp: { err: code } });

interface Sheet { name: string; state?: 'hidden' | 'veryHidden'; rows: Raw[][]; merges?: string[] }
interface FileSpec {
  file: string; sheet: string; date1904?: boolean; features: string[];
  before?: Sheet[]; after?: Sheet[];
  startCol: number;           // 1 = A
  pre?: { kind: string; raw: Record<number, Raw> }[]; // rows above the header (relative col index 0..)
  cols: Col[]; headerRow: number; rows: RowSpec[]; merges?: string[]; // merges in absolute A1 refs
  csv?: { delim: string; encoding: 'utf8' | 'latin1'; bom?: boolean; crlf?: boolean };
  dateColFmt?: string;
}

const L = (n: number) => { let s = ''; while (n > 0) { const m = (n - 1) % 26; s = String.fromCharCode(65 + m) + s; n = Math.floor((n - 1) / 26); } return s; };

async function write(spec: FileSpec) {
  const truth: Record<string, unknown> = {
    file: spec.file, sheet: spec.csv ? null : spec.sheet, headerRow: spec.headerRow, period: '2023-01-01..2023-12-31',
    date1904: !!spec.date1904, features: spec.features,
  };
  const columns: Record<string, string | null> = {}, headers: Record<string, string> = {};
  spec.cols.forEach((c, i) => { if (c.h !== null && c.h !== '') { columns[L(spec.startCol + i)] = c.f; headers[L(spec.startCol + i)] = c.h; } });
  truth.columns = columns; truth.headers = headers;
  // grid
  const grid: Raw[][] = [];
  const notRecords: number[] = [], kinds: Record<string, string> = {};
  const records: Record<string, Record<string, unknown>> = {}; const errors: unknown[] = []; const ambiguous: unknown[] = [];
  let r = 1;
  const put = (row: number, rel: number, v: Raw) => { const g = (grid[row - 1] ??= []); if (v === "" || v === null || v === undefined) return; g[spec.startCol - 1 + rel] = v; };
  for (const p of spec.pre ?? []) { for (const [k, v] of Object.entries(p.raw)) put(r, Number(k), v); notRecords.push(r); kinds[r] = p.kind; r++; }
  if (r !== spec.headerRow) throw new Error(`${spec.file}: header row ${r} != ${spec.headerRow}`);
  spec.cols.forEach((c, i) => put(r, i, c.h)); notRecords.push(r); kinds[r] = 'header'; r++;
  for (const row of spec.rows) {
    if (row.kind !== 'data') {
      const nr = row as { kind: string; raw: Record<number, Raw> };
      for (const [k, v] of Object.entries(nr.raw)) put(r, Number(k), v);
      (grid[r - 1] ??= []); notRecords.push(r); kinds[r] = nr.kind; r++; continue;
    }
    const d = row as { kind: 'data'; cells: Partial<Record<Field, Cell>>; extra?: Record<number, Raw> };
    const vals: Record<string, unknown> = {};
    spec.cols.forEach((c, i) => {
      const col = L(spec.startCol + i);
      if (!c.f) { put(r, i, d.extra?.[i] ?? (c.gen ? c.gen() : null)); return; }
      const cell = d.cells[c.f] ?? empty(c.f);
      put(r, i, cell.raw);
      const e = cell.exp;
      if ('v' in e) vals[c.f] = e.v;
      else if ('err' in e) errors.push({ row: r, column: col, field: c.f, code: e.err, value: cell.raw instanceof Date ? cell.raw.toISOString() : String(cell.raw ?? '') });
      else if ('amb' in e) ambiguous.push({ row: r, column: col, field: c.f, value: String(cell.raw), reason: e.amb, scope: e.scope });
    });
    records[r] = vals; r++;
  }
  Object.assign(truth, { records, errors, notRecords, notRecordKinds: kinds, ambiguous });
  const base = path.join(OUT, spec.file);
  if (spec.csv) {
    const q = (v: Raw) => {
      if (v === null || v === undefined) return '';
      const s = v instanceof Date ? iso(v) : String(v);
      return /[",\n;\t]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const rowsAll = Array.from(grid, (g) => g ?? []);
    const width = Math.max(...rowsAll.map((g) => g.length));
    const lines = rowsAll.map((g) => Array.from({ length: width }, (_, i) => q(g?.[i] ?? null)).join(spec.csv!.delim));
    let text = lines.join(spec.csv.crlf ? '\r\n' : '\n') + (spec.csv.crlf ? '\r\n' : '\n');
    if (spec.csv.bom) text = '\uFEFF' + text;
    fs.writeFileSync(base, Buffer.from(text, spec.csv.encoding));
  } else {
    const wb = new ExcelJS.Workbook();
    if (spec.date1904) wb.properties.date1904 = true;
    const addSheet = (s: Sheet) => {
      const ws = wb.addWorksheet(s.name, { state: s.state ?? 'visible' });
      s.rows.forEach((row, i) => row.forEach((v, j) => { if (v !== null && v !== undefined) ws.getCell(i + 1, j + 1).value = v; }));
      s.merges?.forEach((m) => ws.mergeCells(m));
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
    spec.after?.forEach(addSheet);
    await wb.xlsx.writeFile(base);
  }
  fs.writeFileSync(base.replace(/\.(xlsx|csv)$/, '.truth.json'), JSON.stringify(truth, null, 1));
}

// ------------------------------------------------------------ helpers for files
const data = (cells: Partial<Record<Field, Cell>>, extra?: Record<number, Raw>): RowSpec => ({ kind: 'data', cells, extra });
const nr = (kind: string, raw: Record<number, Raw> = {}): RowSpec => ({ kind, raw });
const initials = () => pick(['AR', 'JW', 'MT', 'KD', 'LS']);
const times = () => pick(['10:00 AM', '1:30 PM', '6:00 PM', '11am-1pm']);
const funders = () => pick(['Kresge', 'W.K. Kellogg', 'DPSCD', 'Skillman', '']);
function events(n: number, o: EventOpts, specials: Record<number, Partial<Record<Field, Cell>>> = {}): RowSpec[] {
  return Array.from({ length: n }, (_, i) => data(makeEvent(o, specials[i] ?? {})));
}

const files: FileSpec[] = [];

// H01: events sheet third, "Read Me" + "Column key" before; title block with "Completed by:"; notes below
{
  const o: EventOpts = { dateStyles: ['mon.', 'dowShort', 'ordinal'], attStyles: ['num', 'ppl', 'approximately'], eng: ['Lvl. One', 'Lvl. Two', 'Touch', 'DOYC Celebration'],
    aud: ['Moms & Dads', 'Parent/Child', 'Kinship caregivers', 'Home visiting families', 'Parents and children'], type: ['Literacy/Reading', 'Parent Ed', 'Child Dev.', 'Misc.', 'Resource fair'], zipStyle: ['text', 'plus4'] };
  const rows = events(24, o, {
    3: { date: sd('Fall 2023') }, 7: { attendees: sa('15-20') }, 9: { engagement: enumCell(ENG, 'Medium', 'engagement') },
    12: { audience: enumCell(AUD, 'Providers', 'audience') }, 15: { date: sd('Dec. 15, 2022') }, 18: { zip: bad('4821', 'invalid_zip') },
    20: { attendees: sa('n/a') },
  });
  files.push({
    file: 'h01-corktown-reads.xlsx', sheet: 'FY23 Activities', features: ['eventSheetNotFirst', 'titleRows', 'notes', 'newHeaders'], startCol: 1, headerRow: 5,
    before: [{ name: 'Read Me', rows: [['How to fill in this workbook'], ['One row per session. Use the drop-downs.'], ['Questions? email data@corktownreads.org']] },
      { name: 'Column key', rows: [['Heading', 'What it means'], ['Session Title', 'Name of the session'], ['Served', 'Head count']] }],
    pre: [{ kind: 'title', raw: { 0: 'Corktown Reads — Hope Starts Here Imperative 2' } }, { kind: 'title', raw: { 0: 'Program year: 2023' } },
      { kind: 'title', raw: { 0: 'Completed by:', 1: 'Dana Whitfield' } }, { kind: 'blank', raw: {} }],
    cols: [{ h: 'Session Title', f: 'title' }, { h: 'Date Held', f: 'date' }, { h: 'Activity Category', f: 'event_type' }, { h: 'Venue Address', f: 'street' },
      { h: 'Town', f: 'city' }, { h: 'Postal', f: 'zip' }, { h: 'Target Group', f: 'audience' }, { h: 'Engagement Tier', f: 'engagement' },
      { h: 'Served', f: 'attendees' }, { h: 'Facilitator', f: null, gen: initials }, { h: 'Start Time', f: null, gen: times }],
    rows: [...rows, nr('blank'), nr('notes', { 0: '*Counts are estimates' }), nr('notes', { 0: 'Completed by: D. Whitfield, 1/12/2024' })],
  });
}
// H02: table starts in column D, two-row header (merged group row), month banners, Subtotal/Grand Total
{
  const o: EventOpts = { dateStyles: ['mdy', 'cell'], attStyles: ['num', 'num', 'families'], eng: ['Level I', 'Level II', 'Touch-point', 'Day of the Young Child event'],
    aud: ['ECE teachers', 'Center Directors/Owners', 'Childcare teachers', 'Teachers and directors', 'Child care center owners'], type: ['Provider training', 'Business/Ops support', 'Instructional', 'Other (see notes)'], zipStyle: ['num', 'text'] };
  const mk = (n: number, sp: Record<number, Partial<Record<Field, Cell>>> = {}) => events(n, o, sp);
  const rows: RowSpec[] = [nr('month-header', { 0: '— January 2023 —' }), ...mk(5, { 2: { audience: enumCell(AUD, 'Staff', 'audience') } }),
    nr('month-header', { 0: 'Feb 2023' }), ...mk(4), nr('month-header', { 0: 'MAR 2023' }), ...mk(4, { 1: { engagement: enumCell(ENG, 'L1/L2', 'engagement') } }),
    nr('totals', { 0: 'Subtotal Q1', 7: 412 }), nr('month-header', { 0: 'Apr 2023' }), ...mk(6, { 4: { date: sd('4/31/2023') } }),
    nr('totals', { 0: 'Subtotal Q2', 7: 377 }), nr('blank'), nr('totals', { 0: 'Grand Total', 7: 789 })];
  files.push({
    file: 'h02-fitzgerald-provider-network.xlsx', sheet: 'Log', features: ['columnOffset', 'groupHeader', 'monthHeaders', 'totals', 'newHeaders'], startCol: 4, headerRow: 3,
    pre: [{ kind: 'title', raw: { 0: 'Fitzgerald Provider Network · Event Tracking' } }, { kind: 'group-header', raw: { 0: 'EVENT', 3: 'LOCATION', 6: 'PARTICIPATION' } }],
    merges: ['D2:F2', 'G2:I2', 'J2:M2'],
    cols: [{ h: 'Program', f: 'title' }, { h: 'Mo/Day/Yr', f: 'date' }, { h: 'Category', f: 'event_type' }, { h: 'Street Addr.', f: 'street' },
      { h: 'Municipality', f: 'city' }, { h: 'ZIP+4', f: 'zip' }, { h: 'Who', f: 'audience' }, { h: 'Total Served', f: 'attendees' }, { h: 'HSH Level', f: 'engagement' },
      { h: 'Staff', f: null, gen: initials }],
    rows,
  });
}
// H03: Spanish headers and values
{
  const o: EventOpts = { dateStyles: ['mdy', 'es', 'cell'], attStyles: ['num', 'text'], eng: ['Nivel 1', 'Nivel 2', 'Touch'],
    aud: ['Padres', 'Padres e hijos', 'Familias', 'Cuidadores', 'Padres; Cuidadores', 'Maestros'], type: ['Lectura', 'Crianza', 'Desarrollo infantil'], zipStyle: ['text'] };
  files.push({
    file: 'h03-familias-unidas-sw.xlsx', sheet: 'Eventos 2023', features: ['spanishHeaders', 'spanishValues'], startCol: 1, headerRow: 2,
    pre: [{ kind: 'title', raw: { 0: 'Familias Unidas del Suroeste - Registro de eventos 2023' } }],
    cols: [{ h: 'Nombre del evento', f: 'title' }, { h: 'Fecha', f: 'date' }, { h: 'Tipo de evento', f: 'event_type' }, { h: 'Descripción', f: 'description' },
      { h: 'Dirección', f: 'street' }, { h: 'Ciudad', f: 'city' }, { h: 'Código postal', f: 'zip' }, { h: 'Público', f: 'audience' },
      { h: 'Nivel de participación', f: 'engagement' }, { h: 'Asistentes', f: 'attendees' }, { h: 'Responsable', f: null, gen: initials }],
    rows: events(20, o, { 5: { audience: enumCell(AUD, 'Teens', 'audience') }, 11: { date: sd('Q2') } }),
  });
}
// H04: 1904 workbook, hidden helper sheet first, Pivot sheet after; ZIP+4; virtual
{
  const o: EventOpts = { date1904: true, dateStyles: ['cell'], attStyles: ['num'], eng: ['Tier 1', 'Tier II', 'Touch Point (TP)', 'DOYC Celebration'],
    aud: ['Guardians', 'Foster parents', 'Dads', 'Parent/Child', 'Caregivers (FFN)'], type: ['Parenting Workshop', 'Parent-child activity', 'Child development/health', 'Community Baby Shower'], zipStyle: ['plus4', 'num'] };
  files.push({
    file: 'h04-eastern-market-dads.xlsx', sheet: 'Entries', date1904: true, features: ['date1904', 'hiddenSheet', 'pivotSheet', 'newHeaders'], startCol: 1, headerRow: 1,
    before: [{ name: 'lists', state: 'hidden', rows: [['Tier 1'], ['Tier II'], ['Touch Point (TP)'], ['DOYC Celebration']] },
      { name: 'Pivot', rows: [['Row Labels', 'Sum of Attendance', 'Count of Event'], ['Tier 1', 240, 8], ['Tier II', 90, 3], ['Grand Total', 330, 11]] }],
    after: [{ name: 'Chart data', rows: [['Month', 'Events', 'Attendance'], ['Jan', 3, 45], ['Feb', 4, 80]] }],
    cols: [{ h: 'Name of Activity', f: 'title' }, { h: 'Date Held', f: 'date' }, { h: 'Street', f: 'street' }, { h: 'Town', f: 'city' }, { h: 'Postal Code', f: 'zip' },
      { h: 'Kind of Activity', f: 'event_type' }, { h: 'Served (who)', f: 'audience' }, { h: 'Tier', f: 'engagement' }, { h: 'Attendance', f: 'attendees' },
      { h: 'Room', f: null, gen: () => pick(['Gym', 'Rm 104', 'Library']) }, { h: 'Registration count', f: null, gen: () => int(5, 60) }],
    rows: events(22, o, { 4: { attendees: sa('-2') }, 10: { zip: bad('482O1', 'invalid_zip') }, 16: { title: empty('title') } }),
  });
}
// H05: CSV, semicolons, latin-1, CRLF
{
  const o: EventOpts = { dateStyles: ['dots', 'ymdSlash'], attStyles: ['text', 'around'], eng: ['One', 'Two', 'Touch', 'DOYC Celebration'],
    aud: ['Moms & Dads', 'Padres', 'Parent/Child', 'Familias'], type: ['Crianza', 'Lectura', 'Parent Education'], zipStyle: ['text'] };
  const rows = events(18, o, { 2: { title: { raw: 'Café con Padres', exp: { v: 'Café con Padres' } } }, 6: { date: sd('2024.01.10') }, 9: { title: { raw: 'Niños y Música', exp: { v: 'Niños y Música' } } },
    13: { attendees: sa('TBD') } });
  files.push({
    file: 'h05-vernor-familias.csv', sheet: '', features: ['csv', 'semicolon', 'latin1', 'crlf'], startCol: 1, headerRow: 1, pre: [],
    csv: { delim: ';', encoding: 'latin1', crlf: true },
    cols: [{ h: 'Activity Name', f: 'title' }, { h: 'Held On', f: 'date' }, { h: 'Kind of Event', f: 'event_type' }, { h: 'Address', f: 'street' },
      { h: 'City/Town', f: 'city' }, { h: 'Zip/Postal', f: 'zip' }, { h: 'Audience Served', f: 'audience' }, { h: 'Level of Engagement', f: 'engagement' }, { h: 'Head Count', f: 'attendees' }],
    rows,
  });
}
// H06: tab separated CSV with a title line, key line above header, Grand Total line
{
  const o: EventOpts = { dateStyles: ['dMon', 'mdyDash', 'dowLong'], attStyles: ['num', 'total', 'thousands'], eng: ['L-1', 'L-2', 'Eng. Level 2', 'Engagement Lvl 1'],
    aud: ['Parents and children', 'Home visiting families', 'Parents; Kinship caregivers'], type: ['Adult & Child Interaction', 'Parent Ed', 'Literacy/Reading', 'Back to School Bash'], zipStyle: ['text'] };
  files.push({
    file: 'h06-osborn-home-visitors.csv', sheet: '', features: ['csv', 'tab', 'titleRows', 'keyLine', 'totals'], startCol: 1, headerRow: 3,
    csv: { delim: '\t', encoding: 'utf8' },
    pre: [{ kind: 'title', raw: { 0: 'Osborn Home Visitors 2023 event export' } }, { kind: 'key', raw: { 0: 'Key: L-1 = engagement level one, L-2 = level two, TP = touchpoint' } }],
    cols: [{ h: 'Workshop', f: 'title' }, { h: 'Session date', f: 'date' }, { h: 'Focus area', f: 'event_type' }, { h: 'Where', f: 'street' }, { h: 'City', f: 'city' },
      { h: 'Zip', f: 'zip' }, { h: 'Families reached', f: 'attendees' }, { h: 'Participant type', f: 'audience' }, { h: 'Eng level', f: 'engagement' },
      { h: 'Home visitor', f: null, gen: initials }],
    rows: [...events(26, o, { 4: { date: sd('03/04') }, 8: { engagement: enumCell(ENG, 'Level 5', 'engagement') }, 14: { date: sd('2/29/2023') }, 20: { attendees: sa('8 adults / 10 children') } }),
      nr('blank'), nr('totals', { 0: 'Grand Total', 6: 1234 })],
  });
}
// H07: blank column in the middle, merged two-row header (group cell over street/city/zip, vertical merges elsewhere)
{
  const o: EventOpts = { dateStyles: ['cell', 'withTime'], attStyles: ['num', 'ppl'], eng: ['Level I', 'Level II', 'Touch'],
    aud: ['Preschool teachers', 'Center Directors/Owners', 'Providers', 'ECE teachers'], type: ['Provider training', 'Business Operations'], zipStyle: ['num'] };
  const cols: Col[] = [{ h: 'Training Title', f: 'title' }, { h: 'Training Date', f: 'date' }, { h: 'Content Area', f: 'event_type' }, { h: '', f: null },
    { h: 'Street', f: 'street' }, { h: 'City', f: 'city' }, { h: 'Zip', f: 'zip' }, { h: 'Who attended', f: 'audience' }, { h: 'PD Level', f: 'engagement' },
    { h: '# Participants', f: 'attendees' }, { h: '# Volunteers', f: null, gen: () => int(0, 6) }, { h: 'SCECH hours', f: null, gen: () => pick([1, 1.5, 2, 3]) }];
  const pre: { kind: string; raw: Record<number, Raw> }[] = [{ kind: 'title', raw: { 0: 'Provider Alliance of Northwest Detroit' } }, { kind: 'blank', raw: {} },
    { kind: 'group-header', raw: { 0: 'Training Title', 1: 'Training Date', 2: 'Content Area', 4: 'Location', 7: 'Who attended', 8: 'PD Level', 9: '# Participants', 10: '# Volunteers', 11: 'SCECH hours' } }];
  files.push({
    file: 'h07-nw-provider-alliance.xlsx', sheet: 'Trainings', features: ['blankColumn', 'twoRowHeader', 'mergedHeader', 'newHeaders'], startCol: 1, headerRow: 4,
    pre, cols, merges: ['E3:G3', 'A3:A4', 'B3:B4', 'C3:C4', 'H3:H4', 'I3:I4', 'J3:J4', 'K3:K4', 'L3:L4'],
    rows: events(20, o, { 6: { date: sd('Ongoing') }, 12: { attendees: sa('7.5') } }),
  });
}
// H08: cryptic headers resolved by a "What the codes mean" sheet (after the events sheet)
{
  const o: EventOpts = { dateStyles: ['mdyy', 'cell'], attStyles: ['num'], eng: ['L-1', 'L-2', 'Touch', 'DOYC Celebration'],
    aud: ['Parent/Child', 'Moms & Dads', 'Kinship caregivers'], type: ['Parent Ed', 'Literacy/Reading', 'Child Dev.'], zipStyle: ['text'] };
  const codes = ['V01', 'V02', 'V03', 'V04', 'V05', 'V06', 'V07', 'V08', 'V09', 'V10'];
  const fields: (Field | null)[] = ['date', 'title', 'audience', 'attendees', null, 'engagement', 'street', 'zip', 'event_type', 'city'];
  const meaning: Record<string, string> = { date: 'Date the event happened', title: 'Event name', audience: 'Who the event was for', attendees: 'How many people came',
    engagement: 'Engagement level (TP, L1, L2, DOYC)', street: 'Street address of the site', zip: 'ZIP code', event_type: 'Type of event', city: 'City' };
  files.push({
    file: 'h08-brush-park-codes.xlsx', sheet: 'Data', features: ['legend', 'crypticHeaders', 'legendAfter'], startCol: 1, headerRow: 1, pre: [],
    after: [{ name: 'What the codes mean', rows: [['Code', 'Description'], ...codes.map((c, i) => [c, fields[i] ? meaning[fields[i]!] : 'Internal tracking number (do not report)'])] }],
    cols: codes.map((c, i) => ({ h: c, f: fields[i], gen: fields[i] ? undefined : () => `BP-${int(100, 999)}` })),
    rows: events(18, o, { 3: { audience: enumCell(AUD, 'Community members', 'audience') }, 9: { date: sd('1/9/24') } }),
  });
}
// H09: "Chart data" first, key line above header, long parenthetical headings
{
  const o: EventOpts = { dateStyles: ['mdy', 'dMonthY'], attStyles: ['num', 'approximately'], eng: [1, 2, 'Touch', 'DOYC Celebration'],
    aud: ['Moms & Dads', 'Parent/Child', 'Guardians', 'All'], type: ['Literacy/Reading', 'Parenting Workshop', 'Adult & Child Interaction', 'Misc.'], zipStyle: ['text', 'pad'] };
  files.push({
    file: 'h09-delray-little-readers.xlsx', sheet: 'Event list', features: ['keyLine', 'eventSheetNotFirst', 'longHeaders', 'numericEngagement'], startCol: 1, headerRow: 3,
    before: [{ name: 'Chart data', rows: [['Month', 'Events', 'Attendance', 'Level 1', 'Level 2'], ['January', 4, 66, 3, 1], ['February', 5, 90, 4, 1]] }],
    pre: [{ kind: 'title', raw: { 0: 'Delray Little Readers' } }, { kind: 'key', raw: { 0: 'Engagement: 1 = Level One, 2 = Level Two; TP = Touchpoint' } }],
    cols: [{ h: 'What was the event called?', f: 'title' }, { h: 'When did it happen? (MM/DD/YYYY)', f: 'date' },
      { h: 'Type of activity (literacy, parenting, child development, other)', f: 'event_type' }, { h: 'Site address', f: 'street' },
      { h: 'Neighborhood', f: null, gen: () => pick(['Delray', 'Southwest', 'Mexicantown']) }, { h: 'City', f: 'city' }, { h: 'ZIP', f: 'zip' },
      { h: 'Who came? (parents, caregivers, teachers, directors)', f: 'audience' }, { h: 'Engagement (1, 2, TP, DOYC)', f: 'engagement' },
      { h: 'Number of people reached', f: 'attendees' }, { h: 'Volunteer count', f: null, gen: () => int(0, 8) }],
    rows: events(22, o, { 7: { engagement: enumCell(ENG, 'Gold', 'engagement') }, 15: { attendees: sa('15-20') } }),
  });
}
// H10: combined "Venue Address" column, quarter banners, serial-as-text and weekday dates, duplicates
{
  const o: EventOpts = { dateStyles: ['serialText', 'dowLong', 'serial'], attStyles: ['num', 'text'], eng: ['One', 'Two', 'Touch'], combinedAddress: true,
    aud: ['Parents and children', 'Kinship caregivers', 'Dads'], type: ['Parent-child activity', 'Child Dev.', 'Resource fair'], zipStyle: ['text'] };
  const ev = events(24, o, { 5: { date: sd('4/31/2023') } });
  const dup = ev[3];
  const rows: RowSpec[] = [nr('month-header', { 0: 'Quarter 1 (Jan–Mar)' }), ...ev.slice(0, 6), dup, nr('totals', { 0: 'Subtotal Q1', 4: 150 }),
    nr('month-header', { 0: 'Quarter 2 (Apr–Jun)' }), ...ev.slice(6, 14), nr('totals', { 0: 'Subtotal Q2', 4: 220 }),
    nr('month-header', { 0: 'Quarter 3 & 4' }), ...ev.slice(14), nr('totals', { 0: 'TOTAL EVENTS: 25', 4: 640 })];
  files.push({
    file: 'h10-islandview-kinship.xlsx', sheet: '2023', features: ['combinedAddress', 'quarterBanners', 'totals', 'dates:serialText', 'duplicates'], startCol: 2, headerRow: 2,
    pre: [{ kind: 'title', raw: { 0: 'Islandview Kinship Care Circle — events' } }],
    cols: [{ h: 'Event', f: 'title' }, { h: 'Day', f: 'date' }, { h: 'Venue Address', f: 'street' }, { h: 'Target Group', f: 'audience' }, { h: '# Participants', f: 'attendees' },
      { h: 'Level', f: 'engagement' }, { h: 'Activity Category', f: 'event_type' }, { h: 'Funder', f: null, gen: funders }],
    rows,
  });
}
// H11: Summary first; header row 7 under merged title block; "Prepared by" + "Date submitted" below; extra columns in between
{
  const o: EventOpts = { dateStyles: ['cell', 'mon.', 'mdyy'], attStyles: ['num', 'families'], eng: ['Level 1 (2 hrs or less)', 'Level 2 (2+ hrs)', 'Touch Point (TP)'],
    aud: ['Moms & Dads, ECE teachers', 'Parent/Child\nKinship caregivers', 'Home visiting families', 'Foster parents'], type: ['Parent Ed', 'Child development/health', 'Literacy/Reading'], zipStyle: ['plus4', 'text'],
    cityStyle: (c) => (c === 'Detroit' ? pick(['Detroit', 'Detroit ', 'DETROIT']) : c) };
  files.push({
    file: 'h11-chandler-park-families.xlsx', sheet: 'Event Detail', features: ['titleRows', 'mergedTitle', 'notes', 'eventSheetNotFirst', 'multiLineAudience'], startCol: 1, headerRow: 7,
    before: [{ name: 'Summary', rows: [['Chandler Park Families — 2023 summary'], [], ['Total events', 20], ['Total attendees', 812], ['Level 1', 12], ['Level 2', 5]] }],
    pre: [{ kind: 'title', raw: { 0: 'CHANDLER PARK FAMILIES' } }, { kind: 'title', raw: { 0: 'Hope Starts Here – Imperative #2 Event Report' } },
      { kind: 'title', raw: { 0: 'Reporting period: January 1 – December 31, 2023' } }, { kind: 'title', raw: { 0: 'Contact: Renee Jackson (313) 555-0147' } },
      { kind: 'blank', raw: {} }, { kind: 'key', raw: { 0: 'Required columns are shaded yellow. One row per event.' } }],
    merges: ['A1:L1', 'A2:L2'],
    cols: [{ h: 'Event #', f: null, gen: () => int(1, 300) }, { h: 'Activity Name', f: 'title' }, { h: 'Start', f: null, gen: times }, { h: 'Date', f: 'date' },
      { h: 'Summary', f: 'description' }, { h: 'Location/Address', f: 'street' }, { h: 'City', f: 'city' }, { h: 'Zip Code', f: 'zip' },
      { h: 'Audience (check all that apply)', f: 'audience' }, { h: 'Engagement Level (TP/L1/L2/DOYC)', f: 'engagement' }, { h: 'Attendance', f: 'attendees' },
      { h: 'Grant', f: null, gen: funders }],
    rows: [...events(20, o, { 2: { zip: bad('4820', 'invalid_zip') }, 9: { engagement: empty('engagement') }, 14: { date: sd('Dec. 15, 2022') } }),
      nr('blank'), nr('notes', { 0: 'Prepared by:', 1: 'Renee Jackson' }), nr('notes', { 0: 'Date submitted:', 1: '1/15/2024' }), nr('notes', { 0: 'Total events: 20' })],
  });
}
// H12: CSV comma, UTF-8 no BOM, leading blank lines, quoted multi-line audiences, "n/a", columns in odd order
{
  const o: EventOpts = { dateStyles: ['ordinal', 'dowShort', 'mdy'], attStyles: ['num', 'approximately', 'around'], eng: ['Lvl. One', 'Lvl. Two', 'Touch', 'Tier 1'],
    aud: ['Parent/Child\nKinship caregivers', 'Moms & Dads, ECE teachers', 'Teachers and directors', 'Guardians'], type: ['Parent Education', 'Instructional', 'Misc.', 'Community Baby Shower'], zipStyle: ['text', 'plus4'] };
  files.push({
    file: 'h12-boston-edison-collab.csv', sheet: '', features: ['csv', 'leadingBlankLines', 'multiLineAudience'], startCol: 1, headerRow: 3,
    csv: { delim: ',', encoding: 'utf8', crlf: true },
    pre: [{ kind: 'blank', raw: {} }, { kind: 'blank', raw: {} }],
    cols: [{ h: 'Total Served', f: 'attendees' }, { h: 'Engagement', f: 'engagement' }, { h: 'Audience', f: 'audience' }, { h: 'Date of Session', f: 'date' },
      { h: 'Session Title', f: 'title' }, { h: 'Type', f: 'event_type' }, { h: 'Street', f: 'street' }, { h: 'City', f: 'city' }, { h: 'Zip', f: 'zip' },
      { h: 'Time', f: null, gen: times }],
    rows: [...events(16, o, { 3: { attendees: sa('n/a') }, 8: { audience: enumCell(AUD, 'All', 'audience') }, 11: { date: sd('Q2') } }),
      nr('notes', { 0: 'Submitted by Boston-Edison Early Learning Collaborative' })],
  });
}
// H13: Excel with header row below a "Legend" block on the same sheet, and "Totals" in a right-hand helper area
{
  const o: EventOpts = { dateStyles: ['dowShort', 'cell', 'dMonY2'], attStyles: ['num', 'thousands'], eng: ['Touch', 'DOYC Celebration', 'Lvl. One'],
    aud: ['Parents and children', 'Familias', 'Moms & Dads'], type: ['Literacy/Reading', 'Back to School Bash', 'Other (see notes)'], zipStyle: ['num'] };
  files.push({
    file: 'h13-dexter-doyc-festival.xlsx', sheet: 'Sheet2', features: ['legendAboveHeader', 'titleRows', 'bigCounts'], startCol: 1, headerRow: 6,
    before: [{ name: 'Sheet1', rows: [] }],
    pre: [{ kind: 'title', raw: { 0: 'DOYC & outreach log 2023' } }, { kind: 'key', raw: { 0: 'Codes:', 1: 'TP = Touchpoint', 2: 'L1 = Level One', 3: 'DOYC = Day of the Young Child' } },
      { kind: 'key', raw: { 0: 'Audience:', 1: 'P = Parents', 2: 'PC = Parent & child', 3: 'T = Teachers' } }, { kind: 'blank', raw: {} }, { kind: 'notes', raw: { 0: '*Counts are estimates' } }],
    cols: [{ h: 'Outreach / Event', f: 'title' }, { h: 'Event Date', f: 'date' }, { h: 'Event Kind', f: 'event_type' }, { h: 'Location', f: 'street' }, { h: 'City', f: 'city' },
      { h: 'Zip', f: 'zip' }, { h: 'For whom', f: 'audience' }, { h: 'HSH Engagement', f: 'engagement' }, { h: 'People', f: 'attendees' }],
    rows: [...events(18, o, { 6: { zip: { raw: '60601', exp: { v: '60601' } } } }), nr('totals', { 0: 'Totals', 8: 14250 })],
  });
}

// H14: confusing extra columns: "Date entered" next to the event date, Registered vs Attended, Age group, Adults/Children counts
{
  const o: EventOpts = { dateStyles: ['mdy', 'cell'], attStyles: ['num'], eng: ['Level I', 'Level II', 'Touch Point (TP)', 'DOYC Celebration'],
    aud: ['Guardians', 'Parent/Child', 'ECE teachers', 'Foster parents'], type: ['Parent Education', 'Literacy/Reading', 'Child Dev.'], zipStyle: ['text'] };
  const entered = () => new Date(Date.UTC(2024, 0, int(2, 20)));
  files.push({
    file: 'h14-rosedale-park-confusers.xlsx', sheet: 'Events', features: ['confusingExtraColumns', 'newHeaders'], startCol: 1, headerRow: 1,
    cols: [{ h: 'Date entered', f: null, gen: entered }, { h: 'Event/Activity', f: 'title' }, { h: 'Hosted on', f: 'date' }, { h: 'Age group', f: null, gen: () => pick(['0-3', '3-5', '0-5']) },
      { h: 'Intended audience', f: 'audience' }, { h: 'Level of involvement', f: 'engagement' }, { h: 'Registered', f: null, gen: () => int(10, 90) },
      { h: 'Attended (#)', f: 'attendees' }, { h: 'Address Line 1', f: 'street' }, { h: 'Locality', f: 'city' }, { h: 'Postcode', f: 'zip' },
      { h: 'Category of event', f: 'event_type' }, { h: 'Language', f: null, gen: () => pick(['English', 'Spanish', 'Arabic', 'Bengali']) },
      { h: 'Partner org', f: null, gen: () => pick(['Detroit Public Library', 'Matrix Human Services', '']) }],
    rows: events(20, o, { 5: { date: sd('2/29/2023') }, 12: { attendees: sa('-2') } }),
  });
}
// H15: tab-separated latin-1 CSV exported from an old system: upper-case headers with underscores, trailing "END OF REPORT"
{
  const o: EventOpts = { dateStyles: ['mdy', 'mdyy'], attStyles: ['num', 'text'], eng: ['L-1', 'L-2', 'Touch Point (TP)'],
    aud: ['Padres', 'Familias', 'Parent/Child', 'Guardians'], type: ['Crianza', 'Lectura', 'Parent Ed'], zipStyle: ['text', 'plus4'] };
  const rows = events(15, o, { 1: { title: { raw: 'Cuentos en Español', exp: { v: 'Cuentos en Español' } } }, 7: { zip: bad('ABC12', 'invalid_zip') } });
  files.push({
    file: 'h15-clark-park-export.csv', sheet: '', features: ['csv', 'tab', 'latin1', 'systemHeaders', 'notes'], startCol: 1, headerRow: 1,
    csv: { delim: '\t', encoding: 'latin1', crlf: true },
    cols: [{ h: 'EVT_NAME', f: 'title' }, { h: 'EVT_DATE', f: 'date' }, { h: 'EVT_TYPE', f: 'event_type' }, { h: 'ADDR_1', f: 'street' }, { h: 'CITY_NM', f: 'city' },
      { h: 'ZIP_CD', f: 'zip' }, { h: 'AUDIENCE_CD', f: 'audience' }, { h: 'ENG_LVL', f: 'engagement' }, { h: 'ATTEND_CNT', f: 'attendees' }, { h: 'CREATED_BY', f: null, gen: initials }],
    rows: [...rows, nr('notes', { 0: '--- END OF REPORT ---' }), nr('notes', { 0: 'Rows: 15' })],
  });
}

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of files) await write(f);
  console.error(`wrote ${files.length} workbooks to ${OUT}`);
})();
