// Sixth held-out QA corpus: VALUE SPELLINGS ONLY, at scale. Six plain workbooks
// (agreed headings on row 1, 60-120 rows each) whose engagement, audience, event
// type, date, zip and attendee cells use spellings partners really type, a fair
// share of clearly invalid values and a few genuinely ambiguous ones.
//
//   npx tsx test/heldout6/generate.ts [OUT_DIR]      (default /tmp/qa6/heldout)
//
// Score: node /work/shared/tools/score-corpus.mjs --corpus /tmp/qa6/heldout \
//          --cwd /work/main --cmd 'npm run --silent check -- {file} --json'
//
// The truth comes from the explicit raw -> expected tables below, never from
// the engine. Conventions: shared/spec/data-fields.md + shared/corpus/README.md.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

const OUT = path.resolve(process.argv[2] ?? '/tmp/qa6/heldout');

let seed = 62023;
const rnd = (): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));

type Field = 'title' | 'date' | 'event_type' | 'street' | 'city' | 'zip' | 'audience' | 'engagement' | 'attendees';
type Raw = string | number | Date;
// expected: a value; ERR:code; AMB:reason (scope cell); UNK (unknown event type, scope value)
type Exp = unknown;
interface Cell { raw: Raw; exp: Exp }

const HEAD: [Field, string][] = [
  ['title', 'Title/Event'], ['date', 'Date of event'], ['event_type', 'Type of Event'], ['street', 'Street address'],
  ['city', 'City'], ['zip', 'Zip'], ['audience', 'Target Audience'], ['engagement', 'Engagement level'], ['attendees', 'Number of attendees'],
];

// ------------------------------------------------------------ engagement
const ENG: [string, Exp][] = [
  ['Touch point', 'touchpoint'], ['touchpoints', 'touchpoint'], ['Touchpoint (flyer)', 'touchpoint'], ['TP only', 'touchpoint'],
  ['Touchpoint - giveaway', 'touchpoint'], ['Touch-Point', 'touchpoint'], ['touchpoint event', 'touchpoint'], ['Touchpt', 'touchpoint'],
  ['Level One', 'level_one'], ['Lv1', 'level_one'], ['LVL 1', 'level_one'], ['Level-1', 'level_one'], ['Engagement 1', 'level_one'],
  ['1st level', 'level_one'], ['Level #1', 'level_one'], ['Lev. 1', 'level_one'], ['level 1 engagement', 'level_one'], ['Level one (under 2 hrs)', 'level_one'],
  ['Level II', 'level_two'], ['Lvl. 2', 'level_two'], ['Level #2', 'level_two'], ['2nd level', 'level_two'], ['Level-2', 'level_two'],
  ['Engagement 2', 'level_two'], ['LEVEL TWO', 'level_two'], ['Level 2 engagement', 'level_two'], ['Lv 2', 'level_two'], ['Level two (2+ hrs)', 'level_two'],
  ['Day of Young Children', 'day_of_young_child'], ['DOYC event', 'day_of_young_child'], ['Day of the Young Child 2023', 'day_of_young_child'],
  ['Day of the young child (DOYC)', 'day_of_young_child'], ['D.O.Y.C.', 'day_of_young_child'], ['Day of the Young Child Celebration', 'day_of_young_child'],
  ['Level 5', 'ERR:invalid_engagement'], ['Pending', 'ERR:invalid_engagement'], ['Gold', 'ERR:invalid_engagement'], ['Level A', 'ERR:invalid_engagement'],
  ['Yes', 'ERR:invalid_engagement'], ['Level 3', 'ERR:invalid_engagement'], ['Advanced', 'ERR:invalid_engagement'], ['N/A', 'ERR:invalid_engagement'],
  ['Level 1 & 2', 'AMB:engagement_two_levels'], ['Level 1-2', 'AMB:engagement_two_levels'], ['Level 1 or 2', 'AMB:engagement_two_levels'],
];

// ------------------------------------------------------------ audience
// atoms: [text, ids, simple] - simple atoms contain no separator and may be joined with "/" or " and "
const AUD_ATOMS: [string, string[], boolean][] = [
  ['Parent/family', ['parent_family'], false], ['Parent(s)', ['parent_family'], true], ['Family members', ['parent_family'], true],
  ['Guardians', ['parent_family'], true], ['Dads', ['parent_family'], true], ['Mothers', ['parent_family'], true],
  ['Parents of toddlers', ['parent_family'], true], ['parents', ['parent_family'], true], ['Families', ['parent_family'], true],
  ['Parent/family and child', ['parent_family_child'], false], ['Parents w/ children', ['parent_family_child'], false],
  ['Families with kids', ['parent_family_child'], false], ['Parent-child pairs', ['parent_family_child'], false],
  ['Parent/Child', ['parent_family_child'], false], ['Parent & Child dyads', ['parent_family_child'], false],
  ['Parents with their children', ['parent_family_child'], false], ['Parent and child', ['parent_family_child'], false],
  ['Caregiver', ['caregiver'], true], ['FFN providers', ['caregiver'], true], ['Babysitters', ['caregiver'], true],
  ['License exempt caregivers', ['caregiver'], true], ['Relative caregivers', ['caregiver'], true], ['Unlicensed care providers', ['caregiver'], true],
  ['Teacher/educator', ['teacher_educator'], false], ['Educator', ['teacher_educator'], true], ['Preschool teachers', ['teacher_educator'], true],
  ['Lead teachers', ['teacher_educator'], true], ['Assistant teachers', ['teacher_educator'], true], ['Head Start teachers', ['teacher_educator'], true],
  ['Childcare teachers', ['teacher_educator'], true], ['ECE educators', ['teacher_educator'], true],
  ['Director/owner', ['director_owner'], false], ['Program directors', ['director_owner'], true], ['Center owners', ['director_owner'], true],
  ['Site directors', ['director_owner'], true], ['Child care center directors', ['director_owner'], true], ['Owners', ['director_owner'], true],
  ['Directors/Owners', ['director_owner'], false],
];
const AUD_BAD = ['Community members', 'Seniors', 'Students', 'Public', 'Staff', 'Youth', 'Volunteers', 'N/A'];
const AUD_AMB = ['All', 'Open to all', 'Childcare providers', 'Providers', 'Everyone', 'All ages'];
const JOIN_ANY = [', ', '; ', ' & ', ',', ' ; ', ' &  '];
const JOIN_SIMPLE = ['/', ' / ', ' and ', ' AND '];

function audience(): Cell {
  const r = rnd();
  if (r < 0.08) return { raw: pick(AUD_BAD), exp: 'ERR:invalid_audience' };
  if (r < 0.12) return { raw: pick(AUD_AMB), exp: 'AMB:audience_unclear' };
  const n = r < 0.4 ? 1 : r < 0.85 ? 2 : 3;
  const simple = rnd() < 0.35;
  const pool = simple ? AUD_ATOMS.filter((a) => a[2]) : AUD_ATOMS;
  const parts: [string, string[], boolean][] = [];
  while (parts.length < n) {
    const a = pick(pool);
    if (!parts.some((p) => p[1][0] === a[1][0])) parts.push(a);
  }
  const join = simple ? pick(JOIN_SIMPLE) : pick(JOIN_ANY);
  const ids = [...new Set(parts.flatMap((p) => p[1]))];
  return { raw: parts.map((p) => p[0]).join(join), exp: ids };
}

// ------------------------------------------------------------ event type
const TYPE: [string, Exp][] = [
  ['Literacy/reading', 'literacy'], ['Early Literacy Event', 'literacy'], ['Read-aloud', 'literacy'], ['literacy night', 'literacy'],
  ['Family literacy', 'literacy'], ['Storytime', 'literacy'],
  ['Adult–child interaction', 'adult_child_interaction'], ['Adult child interaction', 'adult_child_interaction'],
  ['Parent/child interaction', 'adult_child_interaction'], ['Parent-child interaction', 'adult_child_interaction'],
  ['Adult & child interaction', 'adult_child_interaction'], ['Adult-Child Interaction Activity', 'adult_child_interaction'],
  ['Child Dev', 'child_development'], ['Child-development', 'child_development'], ['Child Development Workshop', 'child_development'],
  ['child develop.', 'child_development'], ['Early child development', 'child_development'],
  ['Parenting class', 'parenting'], ['Parenting Education', 'parenting'], ['Parent education', 'parenting'], ['Parenting support group', 'parenting'],
  ['PARENTING', 'parenting'],
  ['Instructional', 'instruction'], ['PD/Training', 'instruction'], ['Provider training', 'instruction'], ['Instruction/training', 'instruction'],
  ['Professional Development (PD)', 'instruction'],
  ['Business / Operational Support', 'business_support'], ['Business-operational support', 'business_support'], ['Ops support', 'business_support'],
  ['Business & operations support', 'business_support'], ['Business/ops', 'business_support'], ['Operational Support (business)', 'business_support'],
  ['Other - community', 'other'], ['Misc', 'other'], ['Miscellaneous', 'other'], ['OTHER', 'other'], ['Other (specify)', 'other'],
  ['Health fair', 'UNK'], ['Fundraiser', 'UNK'], ['Back to school bash', 'UNK'], ['Resource fair', 'UNK'],
];

// ------------------------------------------------------------ dates
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MON3 = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const p2 = (n: number): string => String(n).padStart(2, '0');
const ord = (d: number): string => d + (d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th');

function date(): Cell {
  const r = rnd();
  if (r < 0.06) return { raw: pick(['2/29/2023', '4/31/2023', '13/13/2023', 'TBD', 'Fall 2023', 'Postponed', 'Sept 31, 2023', '0/12/2023', 'June 31st, 2023', 'see flyer']), exp: 'ERR:invalid_date' };
  if (r < 0.10) return { raw: pick(['12/31/2022', '1/2/2024', 'Jan 5, 2024', '11/18/22', 'December 9, 2022', '2024-01-13']), exp: 'ERR:date_out_of_period' };
  if (r < 0.13) return { raw: pick(['3/4', 'June 10', '15/3/2023', '3/4-3/5/2023', 'March 2023', 'Week of 5/8/23']), exp: 'AMB:date_unclear' };
  const m = int(1, 12); const d = int(1, 28);
  const dt = new Date(Date.UTC(2023, m - 1, d));
  const iso = `2023-${p2(m)}-${p2(d)}`;
  const wd = DAYS[dt.getUTCDay()];
  const forms: Raw[] = [
    dt, dt, 44927 + Math.round((dt.getTime() - Date.UTC(2023, 0, 1)) / 86400000),
    `${m}/${d}/2023`, `${p2(m)}/${p2(d)}/23`, `${m}-${d}-2023`, `${p2(m)}-${p2(d)}-23`, `${MONTHS[m - 1]} ${d}, 2023`,
    `${MON3[m - 1]} ${d} 2023`, `${d}-${MON3[m - 1]}-23`, `${wd}, ${MONTHS[m - 1]} ${d}, 2023`, `${m}/${d}/2023 10:00 AM`,
    `${MON3[m - 1]}. ${ord(d)}, 2023`, `${MONTHS[m - 1]} ${ord(d)} 2023`, `${m} / ${d} / 2023`, `${wd.slice(0, 3)} ${m}/${d}/23`,
    `${m}/${d}/2023 6-8pm`, `${MONTHS[m - 1].toUpperCase()} ${d}, 2023`, ` ${m}/${d}/2023 `, `${d} ${MONTHS[m - 1]} 2023`,
  ];
  return { raw: pick(forms), exp: iso };
}

// ------------------------------------------------------------ zip
function zip(): Cell {
  const r = rnd();
  const z = pick(['48201', '48202', '48204', '48205', '48206', '48207', '48209', '48210', '48212', '48213', '48214', '48219', '48221', '48224', '48227', '48228', '48235', '48238']);
  if (r < 0.08) return { raw: pick(['4820', 'ABCDE', '482O1', '482011', '48-201', 'Detroit', '4821']), exp: 'ERR:invalid_zip' };
  const forms: [Raw, string][] = [
    [z, z], [Number(z), z], [`${z}-${int(1000, 9999)}`, z], [`MI ${z}`, z], [` ${z} `, z], [`${z}${int(1000, 9999)}`, z],
    [`${z} - ${int(1000, 9999)}`, z], [`${z}‑${int(1000, 9999)}`, z], [`Mich. ${z}`, z], [`${z}.0`, z], [`Zip: ${z}`, z],
    ['60601', '60601'], ['08201', '08201'], [`48${p2(int(0, 99))}${int(0, 9)}`.slice(0, 5), ''],
  ];
  const [raw, v] = pick(forms);
  return { raw, exp: v === '' ? String(raw) : v };
}

// ------------------------------------------------------------ attendees
function attendees(): Cell {
  const r = rnd();
  if (r < 0.08) {
    const [raw, code] = pick<[Raw, string]>([['lots', 'invalid_attendees'], [-3, 'invalid_attendees'], [12.5, 'invalid_attendees'], ['unknown', 'invalid_attendees'],
      ['several', 'invalid_attendees'], ['-10', 'invalid_attendees'], ['7.5', 'invalid_attendees'], ['a handful', 'invalid_attendees'], ['TBD', 'invalid_attendees']]);
    return { raw, exp: `ERR:${code}` };
  }
  if (r < 0.11) return { raw: pick(['20-25', '15 adults, 20 kids', '10 parents + 12 children', '30 to 40', '12/15']), exp: 'AMB:attendees_range_or_split' };
  const n = int(0, 80) + (rnd() < 0.1 ? 1000 : 0);
  const big = n >= 1000 ? `${Math.floor(n / 1000)},${String(n % 1000).padStart(3, '0')}` : String(n);
  const forms: Raw[] = [n, n, String(n), `${n} people`, `~${n}`, `approx ${n}`, `${n} ppl`, `Approximately ${n}`, `${n} attendees`,
    `est. ${n}`, `${n} total`, `about ${n} people`, `${n} (approx)`, `${n}+`, big, ` ${n} `, `${n} participants`, `${n} families`, `Approx. ${n}`, `${n}.0`];
  return { raw: pick(forms), exp: n };
}

// ------------------------------------------------------------ simple fields
const TITLES = ['Story Time', 'Family Fun Night', 'Provider Meetup', 'Reading Circle', 'Parent Cafe', 'Play & Learn', 'Book Giveaway', 'Toddler Tuesday',
  'CDA Study Group', 'Business Basics for Providers', 'Music & Movement', 'Ready for K', 'Dad’s Day Out', 'Literacy Walk', 'Director Roundtable'];
const STREETS = ['1234 Woodward Ave', '5500 Michigan Ave', '300 E Warren Ave', '18100 Meyers Rd', '7000 W Outer Dr', '2651 Saunders St', '15000 Mack Ave'];
const CITIES = ['Detroit', 'Detroit', 'Detroit', 'Hamtramck', 'Highland Park'];

function col(i: number): string { return String.fromCharCode(65 + i); }

async function makeFile(idx: number, name: string): Promise<void> {
  const n = int(60, 120);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Events');
  ws.addRow(HEAD.map((h) => h[1]));
  const truth = {
    file: `${name}.xlsx`, sheet: 'Events', headerRow: 1, period: { start: '2023-01-01', end: '2023-12-31' }, date1904: false, dateMode: 'mixed',
    features: ['valueSpellings', 'audienceLists', 'dates:mixed'],
    columns: Object.fromEntries(HEAD.map((h, i) => [col(i), h[0]])),
    headers: Object.fromEntries(HEAD.map((h, i) => [col(i), h[1]])),
    records: {} as Record<string, Record<string, unknown>>,
    errors: [] as Record<string, unknown>[],
    notRecords: [1], notRecordKinds: { 1: 'header' },
    ambiguous: [] as Record<string, unknown>[],
  };
  for (let k = 0; k < n; k++) {
    const row = k + 2;
    const cells: Record<Field, Cell> = {
      title: { raw: `${pick(TITLES)} #${idx}${k + 1}`, exp: '' },
      date: date(),
      event_type: (() => { const [raw, exp] = pick(TYPE); return { raw, exp }; })(),
      street: { raw: pick(STREETS), exp: '' },
      city: { raw: pick(CITIES), exp: '' },
      zip: zip(),
      audience: audience(),
      engagement: (() => { const [raw, exp] = pick(ENG); return { raw, exp }; })(),
      attendees: attendees(),
    };
    for (const f of ['title', 'street', 'city'] as Field[]) cells[f].exp = String(cells[f].raw);
    const values: Record<string, unknown> = {};
    HEAD.forEach(([f], i) => {
      const c = cells[f];
      const letter = col(i);
      const cell = ws.getCell(`${letter}${row}`);
      cell.value = c.raw;
      if (c.raw instanceof Date) cell.numFmt = pick(['m/d/yyyy', 'mm/dd/yy', 'mmmm d, yyyy', 'd-mmm-yy']);
      const shown = c.raw instanceof Date ? c.raw.toISOString().slice(0, 10) : String(c.raw);
      if (typeof c.exp === 'string' && c.exp.startsWith('ERR:')) {
        truth.errors.push({ row, column: letter, field: f, code: c.exp.slice(4), value: shown });
      } else if (typeof c.exp === 'string' && c.exp.startsWith('AMB:')) {
        truth.ambiguous.push({ row, column: letter, field: f, value: shown, reason: c.exp.slice(4), scope: 'cell' });
      } else if (c.exp === 'UNK') {
        truth.ambiguous.push({ row, column: letter, field: f, value: shown, reason: 'unknown_event_type', scope: 'value' });
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
  const names = ['v01-conant-gardens-families', 'v02-boston-edison-tots', 'v03-delray-parent-circle', 'v04-morningside-providers',
    'v05-poletown-play-and-learn', 'v06-russell-woods-readers'];
  for (let i = 0; i < names.length; i++) await makeFile(i + 1, names[i]);
  process.stderr.write(`wrote ${names.length} workbooks to ${OUT}\n`);
}

void main();
