// Seventh held-out QA corpus: NEW HEADING WORDS. Five plain partner logs (sheet
// "Events", header on row 1, 40-80 rows) whose ten headings use words that are
// not aliases in src/core/collection/hsh2023/headings.json, with new but plausible value
// spellings and a few clear errors per file.
//
//   npx tsx test/heldout7/generate.ts [OUT_DIR]      (default /tmp/qa7/heldout)
//
// The truth comes from the explicit raw -> expected tables below, never from
// the engine. Conventions: shared/spec/data-fields.md + shared/corpus/README.md.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

const OUT = path.resolve(process.argv[2] ?? '/tmp/qa7/heldout');

let seed = 72023;
const rnd = (): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));

type Field = 'title' | 'date' | 'event_type' | 'description' | 'street' | 'city' | 'zip' | 'audience' | 'engagement' | 'attendees';
type Raw = string | number | Date;
interface Cell { raw: Raw; exp: unknown } // exp: value, or 'ERR:code'
const ORDER: Field[] = ['title', 'date', 'event_type', 'description', 'street', 'city', 'zip', 'audience', 'engagement', 'attendees'];

// Five heading sets, one per file (none is an alias of hsh2023/headings.json).
const HEADINGS: Record<Field, string>[] = [
  { title: 'Happening', date: 'Calendar day', event_type: 'Theme', description: 'Blurb', street: 'Street line',
    city: 'Locale', zip: 'Mail code', audience: 'Clientele', engagement: 'Dosage', attendees: 'Bodies in the room' },
  { title: 'Outreach item', date: 'Occurred on', event_type: 'Program pillar', description: 'Write-up', street: 'Physical addr.',
    city: 'Metro', zip: 'ZIP5', audience: 'Reached', engagement: 'Touch depth', attendees: 'Tally' },
  { title: 'Initiative', date: 'Took place', event_type: 'Subject matter', description: 'Particulars', street: 'Premises',
    city: 'Hometown', zip: 'Postal zone', audience: 'Constituents', engagement: 'Rung', attendees: '# present' },
  { title: 'Engagement opportunity', date: 'Scheduled for', event_type: 'Genre', description: 'Explanation', street: 'House number & street',
    city: 'Burgh', zip: 'ZCTA', audience: 'Demographic', engagement: 'Intensity band', attendees: 'Guests' },
  { title: 'Outing', date: 'Day of outing', event_type: 'Track', description: 'Abstract', street: 'Building',
    city: 'Urban centre', zip: '5-digit code', audience: 'Clients', engagement: 'Commitment', attendees: 'Persons counted' },
];

const TITLES = ['Saturday Story Circle', 'Baby Sign Basics', 'Toddler Tumble Time', 'Provider Tax Clinic', 'Infant CPR Refresher',
  'Bedtime Routines Chat', 'Kindergarten Readiness Night', 'Licensing Q&A for Home Providers', 'Music & Movement Morning', 'Dads Read Too'];
const DESCS = ['Hands-on stations and a take-home book.', 'Small-group session with a facilitator.', '', 'Flyers and kits handed out.',
  'Coaching followed by a practice block.', ''];
const STREETS = ['4800 Conner St', '1150 Griswold St', '7700 Second Ave', '13330 Conant St', '3500 Gratiot Ave', '2945 Woodward Ave'];
const CITIES = ['Detroit', 'Detroit', 'Hamtramck', 'Highland Park', 'Dearborn'];
const TYPE: [string, string][] = [
  ['Early reading', 'literacy'], ['Book club (kids)', 'literacy'], ['Parenting ed.', 'parenting'], ['Positive parenting', 'parenting'],
  ['Child growth & development', 'child_development'], ['Parent-child interaction', 'adult_child_interaction'],
  ['Provider PD', 'instruction'], ['Business support for providers', 'business_support'], ['Other / misc.', 'other'],
];
const AUD: [string, string[]][] = [
  ['Moms and dads', ['parent_family']], ['Parents/guardians', ['parent_family']], ['Parent-child pairs', ['parent_family_child']],
  ['Families with their children', ['parent_family_child']], ['Relative caregivers', ['caregiver']],
  ['License-exempt providers', ['caregiver']], ['Preschool teachers', ['teacher_educator']], ['Classroom educators', ['teacher_educator']],
  ['Center directors', ['director_owner']], ['Child care owners', ['director_owner']],
  ['Parents; teachers', ['parent_family', 'teacher_educator']],
];
const ENG: [string, string][] = [
  ['Touch', 'touchpoint'], ['Touch-point', 'touchpoint'], ['Level 1 (under 2 hrs)', 'level_one'], ['One', 'level_one'],
  ['Level 2 (2+ hrs)', 'level_two'], ['Two', 'level_two'], ['Young Child Day', 'day_of_young_child'],
  ['Day of the Young Child celebration', 'day_of_young_child'],
];
const col = (i: number): string => String.fromCharCode(65 + i);
const iso = (d: Date): string => d.toISOString().slice(0, 10);

function date(): Cell {
  const d = new Date(Date.UTC(2023, int(0, 11), int(1, 28)));
  const m = d.getUTCMonth() + 1, day = d.getUTCDate();
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const r = rnd();
  if (r < 0.5) return { raw: d, exp: iso(d) };
  if (r < 0.7) return { raw: `${m}/${day}/2023`, exp: iso(d) };
  if (r < 0.85) return { raw: `${months[m - 1]} ${day}, 2023`, exp: iso(d) };
  return { raw: `2023-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`, exp: iso(d) };
}

// A few clear errors per file: [field, raw, code]
const ERRORS: [Field, Raw, string][] = [
  ['date', '2/30/2023', 'invalid_date'], ['date', '12/10/2022', 'date_out_of_period'], ['zip', '4820', 'invalid_zip'],
  ['attendees', 'lots', 'invalid_attendees'], ['engagement', 'Level 7', 'invalid_engagement'], ['audience', 'Seniors', 'invalid_audience'],
  ['attendees', -4, 'invalid_attendees'], ['date', '6/31/2023', 'invalid_date'],
];

async function makeFile(idx: number, name: string): Promise<void> {
  const H = HEADINGS[idx];
  const n = int(40, 80);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Events');
  ws.addRow(ORDER.map((f) => H[f]));
  const truth = {
    file: `${name}.xlsx`, sheet: 'Events', headerRow: 1, period: '2023-01-01..2023-12-31', date1904: false, dateMode: 'mixed',
    features: ['newHeadingWords', 'dates:mixed'],
    columns: Object.fromEntries(ORDER.map((f, i) => [col(i), f])),
    headers: Object.fromEntries(ORDER.map((f, i) => [col(i), H[f]])),
    records: {} as Record<string, Record<string, unknown>>,
    errors: [] as Record<string, unknown>[],
    notRecords: [1], notRecordKinds: { 1: 'header' },
    ambiguous: [] as Record<string, unknown>[],
  };
  const errRows = new Map<number, [Field, Raw, string]>();
  const nErr = int(3, 5);
  while (errRows.size < nErr) errRows.set(int(3, n + 1), pick(ERRORS));
  for (let k = 0; k < n; k++) {
    const row = k + 2;
    const [aRaw, aExp] = pick(AUD);
    const [tRaw, tExp] = pick(TYPE);
    const [eRaw, eExp] = pick(ENG);
    const att = int(0, 150);
    const zipN = pick([48201, 48202, 48207, 48211, 48212, 48203, 48126]);
    const desc = pick(DESCS);
    const cells: Record<Field, Cell> = {
      title: { raw: `${pick(TITLES)} ${idx + 1}-${k + 1}`, exp: '' },
      date: date(),
      event_type: { raw: tRaw, exp: tExp },
      description: { raw: desc, exp: desc },
      street: { raw: pick(STREETS), exp: '' },
      city: { raw: pick(CITIES), exp: '' },
      zip: rnd() < 0.5 ? { raw: zipN, exp: String(zipN) } : { raw: `${zipN}-${int(1000, 9999)}`, exp: String(zipN) },
      audience: { raw: aRaw, exp: aExp },
      engagement: { raw: eRaw, exp: eExp },
      attendees: rnd() < 0.8 ? { raw: att, exp: att } : { raw: `${att} total`, exp: att },
    };
    for (const f of ['title', 'street', 'city'] as Field[]) cells[f].exp = String(cells[f].raw);
    const e = errRows.get(row);
    if (e) cells[e[0]] = { raw: e[1], exp: `ERR:${e[2]}` };
    const values: Record<string, unknown> = {};
    ORDER.forEach((f, i) => {
      const c = cells[f];
      const letter = col(i);
      if (c.raw === '') return;
      const cell = ws.getCell(`${letter}${row}`);
      cell.value = c.raw;
      if (c.raw instanceof Date) cell.numFmt = pick(['m/d/yyyy', 'mmm d, yyyy']);
      if (typeof c.exp === 'string' && c.exp.startsWith('ERR:')) {
        truth.errors.push({ row, column: letter, field: f, code: c.exp.slice(4), value: String(c.raw) });
      } else {
        values[f] = c.exp;
      }
    });
    truth.records[String(row)] = values;
  }
  ws.columns.forEach((c) => { c.width = 22; });
  await wb.xlsx.writeFile(path.join(OUT, `${name}.xlsx`));
  fs.writeFileSync(path.join(OUT, `${name}.truth.json`), JSON.stringify(truth, null, 2) + '\n');
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  const names = ['h01-virginia-park-families', 'h02-islandview-outreach', 'h03-north-end-initiatives', 'h04-jefferson-chalmers-kids',
    'h05-grandmont-outings'];
  for (let i = 0; i < names.length; i++) await makeFile(i, names[i]);
  process.stderr.write(`wrote ${names.length} workbooks to ${OUT}\n`);
}

void main();
