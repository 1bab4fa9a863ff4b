// Third held-out QA corpus: partner workbooks whose headings, spellings and
// layouts neither the dev corpus, nor test/heldout, nor test/heldout2 uses, each
// with a truth file in the dev corpus format (shared/corpus/README.md).
//
//   npx tsx test/heldout3/generate.ts [OUT_DIR]      (default /tmp/qa3/heldout)
//
// Score: node /work/shared/tools/score-corpus.mjs --corpus /tmp/qa3/heldout \
//          --cwd /work/main --cmd 'npm run --silent check -- {file} --json'
//
// The truth is computed from explicit raw -> expected tables below, never from
// the engine. Conventions: shared/spec/data-fields.md + shared/corpus/README.md.
import fs from 'node:fs';
import path from 'node:path';
import { empty, writeWorkbook, type Cell, type Cells, type Col, type Exp, type Field, type FileSpec, type Raw, type RowSpec } from '../heldout/workbookModel';

const OUT = path.resolve(process.argv[2] ?? '/tmp/qa3/heldout');

let seed = 9173;
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));


// ------------------------------------------------------------ value tables (new spellings)
type EnumExp = string | string[] | 'ERR' | `AMB:${string}` | 'UNK';
const ENG: Record<string, EnumExp> = {
  // written as the definition
  'Info table / flyer': 'touchpoint', 'Give-away': 'touchpoint', 'Phone call': 'touchpoint', 'Resource table': 'touchpoint',
  '2+ hour workshop': 'level_two', 'Workshop (under 2 hrs)': 'level_one', 'Training (2 hrs or less)': 'level_one', 'Parent-led / hosted': 'level_two',
  // other spellings
  'Level One': 'level_one', 'Level Two': 'level_two', 'Lev. 1': 'level_one', 'Lev. 2': 'level_two', 'Touch point': 'touchpoint', 'Touch-Point': 'touchpoint',
  'Day of Young Child': 'day_of_young_child', 'DOYC 2023': 'day_of_young_child', 'Engagement 1': 'level_one', 'Engagement 2': 'level_two',
  'level 1 ': 'level_one', ' LEVEL 2': 'level_two',
  // numeric codes (explained by a legend on the sheet)
  '0': 'touchpoint', '1': 'level_one', '2': 'level_two', '3': 'day_of_young_child',
  'Level 4': 'ERR', 'Medium': 'ERR', 'Pending': 'ERR', '9': 'ERR',
};
const AUD: Record<string, EnumExp> = {
  'Parent': ['parent_family'], 'Moms & Dads': ['parent_family'], 'Parents and toddlers': ['parent_family_child'], 'Parent w/ child': ['parent_family_child'],
  'Caregiver (FFN)': ['caregiver'], 'License-exempt providers': ['caregiver'], 'Relative caregivers': ['caregiver'],
  'Preschool teachers': ['teacher_educator'], 'Early childhood teachers': ['teacher_educator'], 'Center owners': ['director_owner'], 'Program directors': ['director_owner'],
  'Parents; Teachers': ['parent_family', 'teacher_educator'], 'Teachers & Directors': ['teacher_educator', 'director_owner'],
  'Parents, Caregiver (FFN)': ['parent_family', 'caregiver'],
  'Providers': 'AMB:audience_unclear', 'All': 'AMB:audience_unclear', 'Mixed': 'AMB:audience_unclear',
  'Community members': 'ERR', 'Staff': 'ERR', 'Youth (13-18)': 'ERR',
};
const TYPE: Record<string, EnumExp> = {
  'Literacy – read-aloud and book giveaway': 'literacy', 'Parenting: positive discipline': 'parenting', 'Child Dev.': 'child_development',
  'Adult & child activity': 'adult_child_interaction', 'Business support (QuickBooks for FCC owners)': 'business_support', 'Instruction / PD': 'instruction',
  'Literacy Event': 'literacy', 'Parenting Workshop': 'parenting', 'Child Development': 'child_development', 'Other': 'other', 'Literacy': 'literacy', 'Parenting': 'parenting',
  'Back to school bash': 'UNK', 'Vaccination clinic': 'UNK', 'Community baby shower': 'UNK',
  'Monthly meeting where parents share tips while the kids play together': 'UNK',
};
function enumCell(table: Record<string, EnumExp>, raw: string, field: Field): Cell {
  const e = table[raw];
  if (e === undefined) throw new Error(`no truth for ${field} ${raw}`);
  if (e === 'ERR') return { raw, exp: { err: field === 'engagement' ? 'invalid_engagement' : 'invalid_audience' } };
  if (e === 'UNK') return { raw, exp: { amb: 'unknown_event_type', scope: 'value' } };
  if (typeof e === 'string' && e.startsWith('AMB:')) return { raw, exp: { amb: e.slice(4), scope: 'cell' } };
  return { raw, exp: { v: e } };
}

const MON = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MON3 = MON.map((m) => m.slice(0, 3));
const DOW = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const iso = (d: Date) => d.toISOString().slice(0, 10);
const ord = (n: number) => n + (n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th');
type DStyle = 'cell' | 'cellNoYear' | 'cellLong' | 'longText' | 'ordinal' | 'abbrDot' | 'dMonY' | 'dashMon' | 'mdyDow' | 'mdy';
function fmtDate(d: Date, s: DStyle): { raw: Raw; fmt?: string } {
  const y = d.getUTCFullYear(), m = d.getUTCMonth(), day = d.getUTCDate();
  switch (s) {
    case 'cell': return { raw: d, fmt: 'm/d/yyyy' };
    case 'cellNoYear': return { raw: d, fmt: 'dddd, mmmm d' };
    case 'cellLong': return { raw: d, fmt: '[$-409]mmmm d, yyyy;@' };
    case 'longText': return { raw: `${DOW[d.getUTCDay()]}, ${MON[m]} ${day}, ${y}` };
    case 'ordinal': return { raw: `${MON[m]} ${ord(day)}, ${y}` };
    case 'abbrDot': return { raw: `${m === 8 ? 'Sept' : MON3[m]}. ${day}, ${y}` };
    case 'dMonY': return { raw: `${day} ${MON[m]} ${y}` };
    case 'dashMon': return { raw: `${day}-${MON3[m]}-${y}` };
    case 'mdyDow': return { raw: `${m + 1}/${day}/${y} (${DOW[d.getUTCDay()].slice(0, 3)})` };
    case 'mdy': return { raw: `${m + 1}/${day}/${y}` };
  }
}
function dateCell(style: DStyle): Cell {
  const d = new Date(Date.UTC(2023, int(0, 11), int(1, 28)));
  const f = fmtDate(d, style);
  return { raw: f.raw, fmt: f.fmt, exp: { v: iso(d) } };
}
const dateAt = (y: number, m: number, day: number, style: DStyle, exp?: Exp): Cell => {
  const d = new Date(Date.UTC(y, m - 1, day)); const f = fmtDate(d, style);
  return { raw: f.raw, fmt: f.fmt, exp: exp ?? (y === 2023 ? { v: iso(d) } : { err: 'date_out_of_period' }) };
};
const SPECIAL_DATES: Record<string, Exp> = {
  'Sept. 31, 2023': { err: 'invalid_date' }, 'TBD': { err: 'invalid_date' }, 'Fall 2023': { err: 'invalid_date' },
  'December 9th, 2022': { err: 'date_out_of_period' }, '1/5': { amb: 'date_no_year', scope: 'cell' }, '3/18': { amb: 'date_no_year', scope: 'cell' },
  'Saturday, March 4, 2023': { v: '2023-03-04' }, 'Jan 13, 2024': { err: 'date_out_of_period' }, 'see note': { err: 'invalid_date' },
};

type AStyle = 'num' | 'text' | 'padText' | 'comma';
function attCell(style: AStyle): Cell {
  const n = style === 'comma' ? int(1000, 2400) : int(1, 90);
  const raw: Raw = style === 'num' ? n : style === 'text' ? String(n) : style === 'padText' ? ` ${n} ` : n.toLocaleString('en-US');
  return { raw, exp: { v: n } };
}
const SPECIAL_ATT: Record<string, Exp> = {
  '25 people': { v: 25 }, '40ish': { v: 40 }, 'roughly 60': { v: 60 }, 'over 100': { v: 100 }, '32 attendees': { v: 32 },
  'twelve': { amb: 'attendees_words', scope: 'cell' }, 'a dozen': { amb: 'attendees_words', scope: 'cell' }, 'about a dozen': { amb: 'attendees_words', scope: 'cell' },
  '10 families (32 people)': { amb: 'attendees_range_or_split', scope: 'cell' }, '<10': { amb: 'attendees_range_or_split', scope: 'cell' },
  'TBD': { err: 'invalid_attendees' }, '?': { err: 'invalid_attendees' }, 'see note': { err: 'invalid_attendees' }, '7.5': { err: 'invalid_attendees' },
  'none showed': { err: 'invalid_attendees' },
};

const PLACES: [string, string, string][] = [
  ['23 E Adams Ave', 'Detroit', '48226'], ['3000 Gratiot Ave', 'Detroit', '48207'], ['14601 Greenfield Rd', 'Detroit', '48227'],
  ['9851 Hamilton Ave', 'Detroit', '48202'], ['12000 Conant St', 'Hamtramck', '48212'], ['15000 Woodward Ave', 'Highland Park', '48203'],
  ['19000 Schaefer Hwy', 'Detroit', '48235'], ['7100 Tireman Ave', 'Detroit', '48204'], ['1801 W Jefferson Ave', 'Detroit', '48216'],
  ['22100 Michigan Ave', 'Dearborn', '48124'], ['4400 Harper Ave', 'Detroit', '48213'], ['17200 Plymouth Rd', 'Detroit', '48227'],
];
const VIRTUAL = ['Virtual', 'Zoom', 'Online (Teams)'];
const TITLES = ['Lap Babies Story Hour', 'Fatherhood Breakfast', 'Sensory Play Morning', 'Mommy & Me Yoga', 'Kinder Ready Camp',
  'FCC Owners Roundtable', 'Toddler Tumble Time', 'Bedtime Stories Night', 'Family Math Night', 'New Moms Support Circle',
  'Safe Sleep Baby Shower', 'Read, Sing, Play!', 'CDA Study Group', 'Tax Tips for Home Providers', 'Pumpkin Patch Literacy Walk',
  'Books & Breakfast', 'Positive Discipline Series', 'Grandparents Tea', 'Winter Coat & Book Giveaway', 'Sunday Family Fellowship'];
const DESCS = ['Held after second service.', 'Co-hosted with the Parkman branch.', 'Diapers and books handed out.', 'Part 2 of 4.', 'Arabic interpretation provided.', ''];

// ------------------------------------------------------------ file model
interface EventOpts {
  dateStyles: DStyle[]; attStyles: AStyle[]; eng: string[]; aud: string[]; type: string[];
  zipStyle: ('text' | 'num' | 'pad')[]; virtual?: number;
}

function makeEvent(o: EventOpts, over: Cells = {}): Cells {
  const c: Cells = {};
  const t = pick(TITLES); c.title = { raw: t, exp: { v: t } };
  c.date = dateCell(pick(o.dateStyles));
  c.event_type = enumCell(TYPE, pick(o.type), 'event_type');
  const ds = pick(DESCS); c.description = ds ? { raw: ds, exp: { v: ds } } : { raw: null, exp: { none: true } };
  if (rnd() < (o.virtual ?? 0.08)) {
    c.street = { raw: pick(VIRTUAL), exp: { amb: 'virtual_street', scope: 'value' } };
    c.city = { raw: null, exp: { none: true } }; c.zip = { raw: null, exp: { none: true } };
  } else {
    const [s, city, z] = pick(PLACES);
    c.street = { raw: s, exp: { v: s } }; c.city = { raw: city, exp: { v: city } };
    const zs = pick(o.zipStyle);
    c.zip = { raw: zs === 'num' ? Number(z) : zs === 'pad' ? `${z} ` : z, exp: { v: z } };
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
const bad = (raw: Raw, code: string): Cell => ({ raw, exp: { err: code } });

const data = (cells: Cells): RowSpec => ({ kind: 'data', cells });
const nr = (kind: string, raw: Record<number, Raw> = {}): RowSpec => ({ kind, raw });
const events = (n: number, o: EventOpts, specials: Record<number, Cells> = {}): RowSpec[] => Array.from({ length: n }, (_, i) => data(makeEvent(o, specials[i] ?? {})));
const files: FileSpec[] = [];
const STD = (h: [string, string, string, string, string, string, string, string, string, string]): Col[] =>
  (['title', 'date', 'event_type', 'description', 'street', 'city', 'zip', 'audience', 'engagement', 'attendees'] as Field[]).map((f, i) => ({ h: h[i], f }));

// M01: church family ministry: a "Planned for 2024" side table to the right (its own title and header), a staff roster table below
{
  const o: EventOpts = { dateStyles: ['longText', 'ordinal', 'abbrDot'], attStyles: ['num'], eng: ['Level One', 'Level Two', 'Touch point', 'DOYC 2023'],
    aud: ['Moms & Dads', 'Parents and toddlers', 'Parent', 'Relative caregivers'], type: ['Literacy', 'Parenting', 'Other', 'Community baby shower'], zipStyle: ['num'] };
  const planned: [string, string, string][] = [['Easter Egg Hunt & Books', 'April 2024', 'Sis. Brown'], ['Back to School Rally', 'August 2024', 'Dea. Mims'], ['Parent Café (monthly)', 'Monthly', 'Rev. Hill'], ['DOYC Parade', 'April 2024', 'Sis. Brown']];
  const cols: Col[] = [...STD(['Ministry Event', 'Event Date', 'Category', 'Details', 'Location', 'City', 'Zip', 'Who it served', 'Engagement', 'Attendance']),
    { h: '', f: null }, { h: 'Event', f: null, gen: (i) => planned[i]?.[0] ?? null }, { h: 'Month', f: null, gen: (i) => planned[i]?.[1] ?? null }, { h: 'Lead', f: null, gen: (i) => planned[i]?.[2] ?? null }];
  const roster = (n: string, role: string, ph: string, z: string) => nr('roster', { 0: n, 1: role, 2: ph, 6: z });
  files.push({
    file: 'm01-church-side-and-below-tables.xlsx', sheet: 'Family Ministry', features: ['sideTableRight', 'tableBelow', 'titleRow', 'dates:longText/ordinal/abbrDot'], startCol: 1, headerRow: 2,
    pre: [{ kind: 'title', raw: { 0: 'Greater New Hope MBC — Family Ministry Events 2023', 11: 'Planned for 2024' } }],
    cols,
    rows: [...events(18, o, { 3: { date: sd('December 9th, 2022') }, 8: { date: sd('Sept. 31, 2023') }, 12: { audience: ac('Community members') } }),
      nr('blank'), nr('title', { 0: 'Ministry staff & volunteers' }), nr('header', { 0: 'Name', 1: 'Role', 2: 'Phone', 6: 'Zip' }),
      roster('Rev. T. Hill', 'Family Ministry Lead', '313-555-0142', '48235'), roster('Sis. A. Brown', 'Children’s Church', '313-555-0178', '48227'),
      roster('Dea. R. Mims', 'Outreach', '313-555-0110', '48219'), roster('Bro. K. Lee', 'Volunteer', '313-555-0199', '48235')],
  });
}
// M02: emoji and bullet headings, Title Case typos, a "#" row-number column A, notes in an unheaded column to the right
{
  const o: EventOpts = { dateStyles: ['cell'], attStyles: ['num', 'text'], eng: ['Lev. 1', 'Lev. 2', 'Touch-Point', 'Day of Young Child'],
    aud: ['Parent w/ child', 'Caregiver (FFN)', 'Preschool teachers', 'Parents; Teachers'], type: ['Literacy Event', 'Parenting Workshop', 'Child Dev.', 'Vaccination clinic'], zipStyle: ['text', 'pad'] };
  const notes = ['', '', '', 'see note in email', 'rained out, moved inside', '', 'count from sign-in sheet', ''];
  files.push({
    file: 'm02-emoji-bullets-typos.xlsx', sheet: 'Events', features: ['emojiHeaders', 'bulletHeaders', 'typoHeaders', 'rowNumberColumn', 'unheadedNotesColumn'], startCol: 1, headerRow: 1,
    cols: [{ h: '#', f: null, gen: (i) => i + 1 }, ...STD(['• Event Title', '📅 Date', '🏷️ Type Of Evnet', 'Discription', '📍 Adress', 'Citty', 'Zipcode #', '👪 Target Audiance', 'Engagment Level', 'Attendence']),
      { h: '', f: null, gen: () => pick(notes) }],
    rows: events(24, o, { 2: { attendees: sa('see note') }, 7: { zip: bad('482O1', 'invalid_zip') }, 11: { engagement: ec('Medium') }, 16: { date: sd('TBD') }, 20: { audience: ac('Mixed') } }),
  });
}
// M03: library branch: date cells formatted "dddd, mmmm d" (year hidden, but the cell has one), date column first; stray trailing rows with only a number / only a zip
{
  const o: EventOpts = { dateStyles: ['cellNoYear', 'cellNoYear', 'cellLong'], attStyles: ['num'], eng: ['Level One', 'Touch point', 'Engagement 1', 'Engagement 2'],
    aud: ['Parents and toddlers', 'Parent', 'Early childhood teachers'], type: ['Literacy', 'Literacy Event', 'Adult & child activity'], zipStyle: ['num'] };
  const rows = events(26, o, { 4: { date: dateAt(2022, 12, 10, 'cellNoYear') }, 13: { date: dateAt(2024, 1, 6, 'cellNoYear') }, 19: { attendees: sa('a dozen') }, 22: { date: sd('3/18') } });
  const tot = rows.reduce((s, r) => { const a = (r as { cells: Cells }).cells.attendees!; return s + ('v' in a.exp ? Number(a.exp.v) : 0); }, 0);
  files.push({
    file: 'm03-library-hidden-year-dates.xlsx', sheet: 'Branch Programs', features: ['dates:noYearFormat', 'dateColumnFirst', 'strayTrailingNumbers'], startCol: 1, headerRow: 1,
    cols: [{ h: 'Date', f: 'date' }, { h: 'Program', f: 'title' }, { h: 'Program Type', f: 'event_type' }, { h: 'Site Address', f: 'street' }, { h: 'City', f: 'city' }, { h: 'ZIP', f: 'zip' },
      { h: 'Participants (who)', f: 'audience' }, { h: 'Engagement Level', f: 'engagement' }, { h: '# Served', f: 'attendees' }, { h: 'Description', f: 'description' }],
    rows: [...rows, nr('blank'), nr('totals', { 8: tot }), nr('totals', { 5: 48235 })],
  });
}
// M04: home-visiting program: attendees written with words ("25 people", "40ish", "twelve", "10 families (32 people)"), commas
{
  const o: EventOpts = { dateStyles: ['mdy', 'dashMon'], attStyles: ['num', 'padText', 'comma'], eng: ['Level One', 'Level Two', 'Give-away'],
    aud: ['Parent', 'Moms & Dads', 'Parents, Caregiver (FFN)', 'Relative caregivers'], type: ['Parenting', 'Child Development', 'Parenting: positive discipline'], zipStyle: ['text'] };
  const S: Record<number, Cells> = {};
  ['25 people', '40ish', 'roughly 60', 'over 100', '32 attendees', 'twelve', 'about a dozen', '10 families (32 people)', '<10', 'TBD', '?', '7.5', 'none showed'].forEach((a, k) => { S[k * 2 + 1] = { attendees: sa(a) }; });
  files.push({
    file: 'm04-home-visiting-word-counts.xlsx', sheet: 'Group Connections', features: ['attendees:words', 'attendees:comma', 'dates:dd-Mon-yyyy'], startCol: 1, headerRow: 1,
    cols: STD(['Group Connection Name', 'Date Held', 'Focus Area', 'What We Did', 'Street', 'City', 'Zip', 'Families Served (type)', 'Engagement', 'Headcount']),
    rows: events(30, o, S),
  });
}
// M05: engagement as numeric codes 0-3 explained by a key BELOW the table
{
  const o: EventOpts = { dateStyles: ['cell'], attStyles: ['num'], eng: ['0', '1', '2', '3'], aud: ['Parent', 'Center owners', 'Program directors', 'Teachers & Directors'],
    type: ['Business support (QuickBooks for FCC owners)', 'Instruction / PD', 'Other'], zipStyle: ['num'] };
  const rows = events(22, o, { 6: { engagement: ec('9') }, 15: { engagement: empty('engagement') } });
  for (const r of rows) { const e = (r as { cells: Cells }).cells.engagement!; if (typeof e.raw === 'string' && /^\d$/.test(e.raw)) e.raw = Number(e.raw); }
  files.push({
    file: 'm05-numeric-engagement-key-below.xlsx', sheet: 'Provider Trainings', features: ['numericEngagement0to3', 'legendBelowTable'], startCol: 1, headerRow: 1,
    cols: STD(['Training', 'Date', 'Topic Area', 'Summary', 'Street', 'City', 'Zip', 'Audience', 'Engagement Code', 'Participants']),
    rows: [...rows, nr('blank'), nr('notes', { 0: 'Engagement Code key:' }), nr('notes', { 0: '0 = Touchpoint' }), nr('notes', { 0: '1 = Engagement level one' }),
      nr('notes', { 0: '2 = Engagement level two' }), nr('notes', { 0: '3 = Day of the Young Child' })],
  });
}
// M06: health program: engagement written as its definition, long event-type descriptions, rows with an empty title, "see note" cells
{
  const o: EventOpts = { dateStyles: ['mdy', 'mdyDow'], attStyles: ['num'], eng: ['Info table / flyer', '2+ hour workshop', 'Workshop (under 2 hrs)', 'Training (2 hrs or less)', 'Phone call', 'Parent-led / hosted', 'Resource table'],
    aud: ['Parent', 'Moms & Dads', 'Parent w/ child', 'Caregiver (FFN)'], type: ['Literacy – read-aloud and book giveaway', 'Parenting: positive discipline', 'Monthly meeting where parents share tips while the kids play together', 'Adult & child activity'], zipStyle: ['text'] };
  files.push({
    file: 'm06-health-definitions-missing-titles.xlsx', sheet: 'Outreach 2023', features: ['engagement:definitions', 'eventType:descriptions', 'emptyTitle', 'seeNote'], startCol: 1, headerRow: 1,
    cols: STD(['Outreach Activity', 'Date of Activity', 'Activity Type', 'Event Summary', 'Street Address', 'City', 'Zip Code', 'Population Served', 'Level of Engagement', 'Total Reached']),
    rows: events(24, o, { 3: { title: empty('title') }, 9: { title: empty('title'), description: { raw: 'Title left blank by site', exp: { v: 'Title left blank by site' } } }, 12: { date: sd('see note') }, 17: { engagement: ec('Pending') }, 21: { audience: ac('Youth (13-18)') } }),
  });
}
// M07: audiences as checkbox columns ("x"/"yes"/"✓") under a merged "Audience (mark all that apply)" group row
{
  const o: EventOpts = { dateStyles: ['cell'], attStyles: ['num'], eng: ['Level One', 'Level Two', 'Touch point'],
    aud: ['Parent', 'Parent w/ child', 'Caregiver (FFN)', 'Preschool teachers', 'Center owners', 'Parents; Teachers', 'Teachers & Directors', 'Parents, Caregiver (FFN)'], type: ['Literacy', 'Parenting', 'Instruction / PD'], zipStyle: ['num'] };
  const rows = events(20, o, { 8: { audience: { raw: null, exp: { v: [] } } }, 14: { attendees: sa('over 100') } });
  files.push({
    file: 'm07-audience-checkbox-columns.xlsx', sheet: 'Events', features: ['audience:checkboxColumns', 'groupHeader'], startCol: 1, headerRow: 2,
    pre: [{ kind: 'group', raw: { 6: 'Audience (mark all that apply)' } }], merges: ['G1:K1'],
    cols: [{ h: 'Event', f: 'title' }, { h: 'Date', f: 'date' }, { h: 'Type', f: 'event_type' }, { h: 'Address', f: 'street' }, { h: 'City', f: 'city' }, { h: 'Zip', f: 'zip' },
      { h: 'Parents', f: null, box: 'parent_family' }, { h: 'Parent + Child', f: null, box: 'parent_family_child' }, { h: 'Caregivers', f: null, box: 'caregiver' },
      { h: 'Teachers', f: null, box: 'teacher_educator' }, { h: 'Directors', f: null, box: 'director_owner' }, { h: 'Level', f: 'engagement' }, { h: 'Total Attendees', f: 'attendees' }],
    rows,
  });
}
// M08: headings of some columns only on a merged group row; their sub-heading cells are blank
{
  const o: EventOpts = { dateStyles: ['cell', 'ordinal'], attStyles: ['num'], eng: ['Level One', 'Level Two', 'Info table / flyer'], aud: ['Parent', 'Early childhood teachers', 'Program directors'],
    type: ['Literacy', 'Parenting', 'Child Development'], zipStyle: ['num'] };
  files.push({
    file: 'm08-group-only-headings.xlsx', sheet: '2023', features: ['groupOnlyHeadings', 'mergedGroupRow', 'titleRow'], startCol: 1, headerRow: 3,
    pre: [{ kind: 'title', raw: { 0: 'Brightmoor Early Learning Collaborative — 2023' } }, { kind: 'group', raw: { 0: 'Event', 3: 'Location', 6: 'Audience', 7: 'Engagement', 8: 'Attendance' } }],
    merges: ['A1:I1', 'A2:C2', 'D2:F2'],
    headersOverride: { G: 'Audience', H: 'Engagement', I: 'Attendance' },
    cols: [{ h: 'Name', f: 'title' }, { h: 'Date', f: 'date' }, { h: 'Type', f: 'event_type' }, { h: 'Street', f: 'street' }, { h: 'City', f: 'city' }, { h: 'Zip', f: 'zip' },
      { h: null, f: 'audience' }, { h: null, f: 'engagement' }, { h: null, f: 'attendees' }],
    rows: events(20, o, { 5: { attendees: sa('TBD') }, 11: { date: sd('Jan 13, 2024') } }),
  });
}
// M09: Excel "Unicode text" export: UTF-16LE with BOM, tabs, CRLF, a title line and a blank line above the header
{
  const o: EventOpts = { dateStyles: ['cell'], attStyles: ['num', 'comma'], eng: ['Level One', 'Level Two', 'Touch point', 'DOYC 2023'], aud: ['Parent', 'Moms & Dads', 'Center owners', 'Parent w/ child'],
    type: ['Literacy', 'Parenting', 'Child Development', 'Back to school bash'], zipStyle: ['text'] };
  files.push({
    file: 'm09-unicode-text-utf16.csv', sheet: '', features: ['csv', 'utf16le', 'bom', 'tab', 'crlf', 'titleLine'], startCol: 1, headerRow: 3,
    csv: { encoding: 'utf16le', delim: '\t', crlf: true, bom: true },
    pre: [{ kind: 'title', raw: { 0: 'Cass Corridor Family Resource Center – 2023 events' } }, { kind: 'blank', raw: {} }],
    cols: STD(['Event Name', 'Event Date', 'Event Type', 'About', 'Street', 'City', 'Zip', 'Audience', 'Engagement', 'Attendees']),
    rows: events(20, o, { 4: { title: { raw: 'Niños y Libros – Café', exp: { v: 'Niños y Libros – Café' } } }, 9: { date: sd('Fall 2023') }, 15: { zip: bad('4820', 'invalid_zip') } }),
  });
}
// M10: very wide export (60 columns) from a home-visiting data system, with distractor dates, zips, addresses and counts
{
  const o: EventOpts = { dateStyles: ['cell'], attStyles: ['num'], eng: ['Level One', 'Level Two', 'Give-away'], aud: ['Parent', 'Moms & Dads', 'Parent w/ child'], type: ['Parenting', 'Literacy', 'Child Development'], zipStyle: ['num'] };
  const dob = () => new Date(Date.UTC(int(2019, 2023), int(0, 11), int(1, 28)));
  const dist: [string, () => Raw][] = [['Family ID', () => `F${int(10000, 99999)}`], ['Enrollment Date', dob], ['Child Date of Birth', dob], ['Home Address', () => `${int(100, 19999)} ${pick(['Fenkell', 'Dexter', 'Mack', 'Warren'])} Ave`],
    ['Home Zip', () => pick([48204, 48206, 48213, 48221])], ['Household Size', () => int(2, 8)], ['Number of Children', () => int(1, 5)], ['Primary Language', () => pick(['English', 'Spanish', 'Arabic', 'Bengali'])],
    ['Referral Source', () => pick(['WIC', 'Hospital', 'Self', 'DHHS'])], ['Funding Source', () => pick(['MIECHV', 'Great Start', 'Private'])], ['Home Visitor', () => pick(['J. Ortiz', 'S. Ali', 'M. Green'])],
    ['Visit Count YTD', () => int(1, 30)], ['Last Visit Date', dob], ['ASQ Completed', () => pick(['Y', 'N'])], ['Insurance', () => pick(['Medicaid', 'None', 'Private'])]];
  const cols: Col[] = [];
  const main: Col[] = [{ h: 'Group Event Name', f: 'title' }, { h: 'Group Event Date', f: 'date' }, { h: 'Group Event Topic', f: 'event_type' }, { h: 'Event Location Address', f: 'street' },
    { h: 'Event Location City', f: 'city' }, { h: 'Event Location Zip', f: 'zip' }, { h: 'Event Audience', f: 'audience' }, { h: 'HSH Engagement', f: 'engagement' }, { h: 'Group Event Total Attendance', f: 'attendees' }];
  let k = 0;
  for (let c = 0; c < 60; c++) {
    if (c % 6 === 3 && k < main.length) { cols.push(main[k++]); continue; }
    const [h, g] = dist[c % dist.length]; const n = Math.floor(c / dist.length);
    cols.push({ h: n ? `${h} ${n + 1}` : h, f: null, gen: g });
  }
  files.push({
    file: 'm10-wide-home-visiting-export.xlsx', sheet: 'Export', features: ['wide60', 'distractorZips', 'distractorDates', 'distractorAddress'], startCol: 1, headerRow: 1,
    cols, rows: events(25, o, { 6: { date: sd('TBD') }, 18: { engagement: ec('Level 4') } }),
  });
}
// M11: 5,000 events on one sheet (performance), plain headings
{
  const o: EventOpts = { dateStyles: ['cell', 'mdy'], attStyles: ['num', 'text'], eng: ['Level One', 'Level Two', 'Touch point', 'DOYC 2023', 'Give-away'],
    aud: ['Parent', 'Moms & Dads', 'Parent w/ child', 'Caregiver (FFN)', 'Preschool teachers', 'Center owners'], type: ['Literacy', 'Parenting', 'Child Development', 'Other'], zipStyle: ['num', 'text'] };
  const S: Record<number, Cells> = {};
  for (let i = 37; i < 5000; i += 211) S[i] = pick([{ date: sd('TBD') }, { attendees: sa('?') }, { engagement: ec('Medium') }, { audience: ac('Staff') }, { zip: bad('4821', 'invalid_zip') }]);
  files.push({
    file: 'm11-five-thousand-events.xlsx', sheet: 'All Events', features: ['large5000'], startCol: 1, headerRow: 1,
    cols: STD(['Activity', 'Activity Date', 'Activity Type', 'Activity Details', 'Address', 'City', 'Zip', 'Audience', 'Engagement Level', 'Attendees']),
    rows: events(5000, o, S),
  });
}
// M12: Apple Numbers export: "Export Summary" sheet first, table name row above the header, second table on its own sheet, Title Case typos
{
  const o: EventOpts = { dateStyles: ['ordinal', 'dMonY', 'dashMon'], attStyles: ['num'], eng: ['Level One', 'Level Two', 'Touch-Point'], aud: ['Parent', 'Parents and toddlers', 'Relative caregivers'],
    type: ['Literacy', 'Parenting Workshop', 'Other'], zipStyle: ['num'] };
  files.push({
    file: 'm12-numbers-export.xlsx', sheet: 'Sheet 1 - Table 1', features: ['numbersExport', 'exportSummarySheet', 'tableNameRow', 'typoHeaders'], startCol: 1, headerRow: 2,
    before: [{ name: 'Export Summary', rows: [['Export Summary'], [], ['Table Name', 'Sheet Name', 'Table Name in Excel'], ['Table 1', 'Sheet 1', 'Sheet 1 - Table 1'], ['Table 2', 'Sheet 1', 'Sheet 1 - Table 2']] }],
    after: [{ name: 'Sheet 1 - Table 2', rows: [['Table 2'], ['Volunteer', 'Hours', 'Zip'], ['D. Carter', 12, 48205], ['L. Nguyen', 8, 48224]] }],
    pre: [{ kind: 'title', raw: { 0: 'Table 1' } }],
    cols: STD(['Event Tittle', 'Date Of Event', 'Type', 'Descripton', 'Street Addresss', 'City', 'Zip Code', 'Audence', 'Engagement Lvl', '# Of Attendees']),
    rows: events(18, o, { 2: { date: sd('December 9th, 2022') }, 9: { attendees: sa('40ish') }, 13: { audience: ac('Providers') } }),
  });
}
// M13: a second table BELOW with the same headings: "Planned for 2024" events (not 2023 records)
{
  const o: EventOpts = { dateStyles: ['cell'], attStyles: ['num'], eng: ['Level One', 'Level Two', 'Touch point'], aud: ['Parent', 'Parent w/ child', 'Preschool teachers'],
    type: ['Literacy', 'Parenting', 'Child Development'], zipStyle: ['num'] };
  const H = ['Event', 'Date', 'Type', 'Description', 'Street', 'City', 'Zip', 'Audience', 'Engagement', 'Attendees'] as const;
  const planned = [['Winter Storytime', new Date(Date.UTC(2024, 0, 20)), 'Literacy', 'Planned', '23 E Adams Ave', 'Detroit', 48226, 'Parent w/ child', 'Level One', null],
    ['Provider Tax Night', new Date(Date.UTC(2024, 1, 8)), 'Instruction / PD', 'Planned', '4400 Harper Ave', 'Detroit', 48213, 'Center owners', 'Level One', null],
    ['DOYC Parade 2024', new Date(Date.UTC(2024, 3, 13)), 'Other', 'Planned', '3000 Gratiot Ave', 'Detroit', 48207, 'Parent w/ child', 'Day of Young Child', null]] as Raw[][];
  const rowOf = (a: Raw[]) => Object.fromEntries(a.map((v, i) => [i + 1, v]).filter(([, v]) => v !== null)) as Record<number, Raw>;
  files.push({
    file: 'm13-planned-table-below.xlsx', sheet: 'Events', features: ['secondTableBelowSameHeadings', 'columnB'], startCol: 2, headerRow: 3,
    pre: [{ kind: 'title', raw: { 0: 'Osborn Neighborhood Alliance – Early Childhood Events' } }, { kind: 'title', raw: { 0: 'Held in 2023' } }],
    cols: [...H].map((h, i) => ({ h, f: (['title', 'date', 'event_type', 'description', 'street', 'city', 'zip', 'audience', 'engagement', 'attendees'] as Field[])[i] })),
    rows: [...events(16, o, { 4: { attendees: sa('TBD') } }), nr('blank'), nr('blank'), nr('title', { 0: 'Planned for 2024' }), nr('header', Object.fromEntries(H.map((h, i) => [i, h]))),
      ...planned.map((p) => nr('planned', Object.fromEntries(p.map((v, i) => [i, v]).filter(([, v]) => v !== null)) as Record<number, Raw>))],
  });
  void rowOf;
}

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of files) await writeWorkbook(f, OUT, pick);
  console.error(`wrote ${files.length} workbooks to ${OUT}`);
})();
