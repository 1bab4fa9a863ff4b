// Fourth held-out QA corpus: breadth of WORDS. Plain layouts, but headings and
// cell spellings that partners (a library, a clinic, a faith group, a home
// visiting program, a childcare resource agency, a school district...) really
// write and that neither the dev corpus nor test/heldout{,2,3} use. Each
// workbook comes with a truth file in the dev corpus format.
//
//   npx tsx test/heldout4/generate.ts [OUT_DIR]      (default /tmp/qa4/heldout)
//
// Score: node /work/shared/tools/score-corpus.mjs --corpus /tmp/qa4/heldout \
//          --cwd /work/main --cmd 'npm run --silent check -- {file} --json'
//
// The truth comes from the explicit raw -> expected tables below, never from
// the engine. Conventions: shared/spec/data-fields.md + shared/corpus/README.md.
import fs from 'node:fs';
import path from 'node:path';
import { empty, writeWorkbook, type Cell, type Cells, type Col, type Exp, type Field, type FileSpec, type Raw, type RowSpec } from '../heldout/workbookModel';

const OUT = path.resolve(process.argv[2] ?? '/tmp/qa4/heldout');

let seed = 40417;
const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));


// ------------------------------------------------------------ value tables
type EnumExp = string | string[] | 'ERR' | `AMB:${string}` | 'UNK';
const ENG: Record<string, EnumExp> = {
  // clean
  'Touchpoint': 'touchpoint', 'Level 1': 'level_one', 'Level 2': 'level_two', 'Day of the Young Child': 'day_of_young_child',
  // new spellings
  'Lvl II': 'level_two', 'Lvl I': 'level_one', 'Lvl. 1': 'level_one', 'Lvl2': 'level_two', 'LEVEL ONE': 'level_one', 'Level-1': 'level_one',
  'Level Two (2+ hrs)': 'level_two', 'Level One (under 2 hrs)': 'level_one', 'Level 1 - under 2 hours': 'level_one', 'Level 2 - 2 hours or more': 'level_two',
  'Touchpoint only': 'touchpoint', 'TP - flyer': 'touchpoint', 'Touchpoint (info table)': 'touchpoint', 'Info sharing only': 'touchpoint',
  'touch': 'touchpoint', 'Touchpoints': 'touchpoint', 'Outreach': 'touchpoint',
  'DOYC': 'day_of_young_child', 'Day of the Young Child (April)': 'day_of_young_child', 'Day of Young Child celebration': 'day_of_young_child',
  'Parent-led (Level 2)': 'level_two', 'L-2': 'level_two', 'L-1': 'level_one', 'Lev 1': 'level_one', 'Level II': 'level_two',
  // errors / unclear
  'Level 3': 'ERR', 'High': 'ERR', 'Basic': 'ERR', 'Level 1 / Level 2': 'AMB:engagement_unclear',
};
const AUD: Record<string, EnumExp> = {
  'Parents': ['parent_family'], 'Parent and child': ['parent_family_child'], 'Caregivers': ['caregiver'], 'Teachers': ['teacher_educator'], 'Directors': ['director_owner'],
  'Expecting moms': ['parent_family'], 'Expectant fathers': ['parent_family'], 'New & expecting parents': ['parent_family'], 'Parents of newborns': ['parent_family'],
  'Foster/kinship families': ['parent_family'], 'Grandparents raising grandkids': ['parent_family'], 'Home visiting families': ['parent_family'],
  'Pregnant & parenting teens': ['parent_family'], 'Family members of enrolled kids': ['parent_family'], 'Dads': ['parent_family'],
  'Moms w/ babies': ['parent_family_child'], 'Dads & kids': ['parent_family_child'], 'Families w/ toddlers': ['parent_family_child'], 'Caregivers with babies': 'AMB:audience_unclear',
  'Grandparents': 'AMB:audience_unclear', 'Grandparents/kin caregivers': 'AMB:audience_unclear', 'Family child care providers': 'AMB:audience_unclear',
  'All families welcome': ['parent_family'], 'Toddlers': 'AMB:audience_unclear', 'Providers': 'AMB:audience_unclear', 'All': 'AMB:audience_unclear',
  'FFN providers': ['caregiver'], 'Friend & neighbor caregivers': ['caregiver'], 'Babysitters/nannies': ['caregiver'], 'License exempt relatives': ['caregiver'],
  'Early educators': ['teacher_educator'], 'Preschool lead teachers': ['teacher_educator'], 'Infant-toddler teachers': ['teacher_educator'], 'GSRP teaching staff': ['teacher_educator'],
  'Program directors': ['director_owner'], 'Childcare center owners': ['director_owner'], 'Home daycare owners': ['director_owner'], 'Center admins': ['director_owner'],
  'Center staff & directors': ['teacher_educator', 'director_owner'], 'Teachers, Directors': ['teacher_educator', 'director_owner'],
  'Parents; caregivers': ['parent_family', 'caregiver'], 'Moms, Dads, Grandmas': 'AMB:audience_unclear',
  'Seniors': 'ERR', 'Volunteers': 'ERR', 'Church members': 'ERR', 'Medical students': 'ERR',
};
const TYPE: Record<string, EnumExp> = {
  'Literacy': 'literacy', 'Parenting': 'parenting', 'Child development': 'child_development', 'Instruction': 'instruction', 'Business support': 'business_support', 'Adult-child interaction': 'adult_child_interaction', 'Other': 'other',
  'Story hour': 'literacy', 'Lap-sit storytime': 'literacy', 'Bible story time': 'literacy', 'Book giveaway': 'literacy', 'Early literacy': 'literacy',
  'Baby & me': 'adult_child_interaction', 'Stay & play': 'adult_child_interaction', 'Parent/child play': 'adult_child_interaction',
  'Kinder readiness': 'child_development', 'Developmental screening': 'child_development', 'ASQ screenings': 'child_development', 'Milestones': 'child_development',
  'Parent education': 'parenting', 'Home visit': 'parenting', 'Parenting class': 'parenting', "Dads' group": 'parenting',
  'CPR/First aid': 'instruction', 'Professional dev.': 'instruction', 'PD workshop': 'instruction', 'CDA cohort': 'instruction',
  'Licensing orientation': 'business_support', 'Business coaching': 'business_support', 'Shared services': 'business_support', 'Bookkeeping basics': 'business_support',
  'Health fair': 'UNK', 'Nutrition': 'UNK', 'Mental health for parents': 'UNK', 'Tummy time': 'UNK', 'Car seat check': 'UNK',
};
function enumCell(table: Record<string, EnumExp>, raw: string, field: Field): Cell {
  const e = table[raw];
  if (e === undefined) throw new Error(`no truth for ${field} ${raw}`);
  if (e === 'ERR') return { raw, exp: { err: field === 'engagement' ? 'invalid_engagement' : 'invalid_audience' } };
  if (e === 'UNK') return { raw, exp: { amb: 'unknown_event_type', scope: 'value' } };
  if (typeof e === 'string' && e.startsWith('AMB:')) return { raw, exp: { amb: e.slice(4), scope: 'cell' } };
  return { raw, exp: { v: e } };
}

const MON3 = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const iso = (d: Date) => d.toISOString().slice(0, 10);
const ord = (n: number) => n + (n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th');
type DStyle = 'cell' | 'mdyy' | 'ymdSlash' | 'monOrdY' | 'isoDash' | 'dowMdyy';
function dateCell(s: DStyle): Cell {
  const d = new Date(Date.UTC(2023, int(0, 11), int(1, 28)));
  const y = d.getUTCFullYear(), m = d.getUTCMonth() + 1, day = d.getUTCDate();
  const raw: Raw = s === 'cell' ? d : s === 'mdyy' ? `${String(m).padStart(2, '0')}/${String(day).padStart(2, '0')}/${y % 100}`
    : s === 'ymdSlash' ? `${y}/${m}/${day}` : s === 'monOrdY' ? `${MON3[m - 1]} ${ord(day)}, ${y}` : s === 'isoDash' ? `${y}-${m}-${day}`
    : `${['Sun', 'Mon', 'Tues', 'Wed', 'Thurs', 'Fri', 'Sat'][d.getUTCDay()]} ${m}/${day}/${y % 100}`;
  return { raw, fmt: s === 'cell' ? 'm/d/yyyy' : undefined, exp: { v: iso(d) } };
}
const SPECIAL_DATES: Record<string, Exp> = {
  'Jan 5th': { amb: 'date_no_year', scope: 'cell' }, '5-Jan': { amb: 'date_no_year', scope: 'cell' }, 'March 9': { amb: 'date_no_year', scope: 'cell' },
  '1/5/2023 - 1/6/2023': { amb: 'date_range', scope: 'cell' }, '1/5/23 & 1/12/23': { amb: 'date_range', scope: 'cell' },
  '2023/1/5': { v: '2023-01-05' }, 'Jan 5th, 2023': { v: '2023-01-05' }, 'Mar. 9, 2023': { v: '2023-03-09' }, 'Thurs 3/9/23': { v: '2023-03-09' },
  'Q1': { err: 'invalid_date' }, 'Ongoing': { err: 'invalid_date' }, 'Sep 31 2023': { err: 'invalid_date' }, '2/29/23': { err: 'invalid_date' },
  '12/2/2022': { err: 'date_out_of_period' }, 'Jan 4th, 2024': { err: 'date_out_of_period' }, '2024/1/9': { err: 'date_out_of_period' },
};
type AStyle = 'num' | 'text';
function attCell(s: AStyle): Cell { const n = int(3, 85); return { raw: s === 'num' ? n : String(n), exp: { v: n } }; }
const SPECIAL_ATT: Record<string, Exp> = {
  '15 adults / 20 children': { amb: 'attendees_split', scope: 'cell' }, '12 moms + 14 babies': { amb: 'attendees_split', scope: 'cell' },
  '40-50': { amb: 'attendees_range', scope: 'cell' },
  '~ 30 people': { v: 30 }, 'approx 45': { v: 45 }, '30 ppl': { v: 30 }, 'Est. 50': { v: 50 }, '18 total': { v: 18 }, '25 (sign-in sheet)': { v: 25 },
  '15 (plus 3 staff)': { v: 15 }, 'appx. 60': { v: 60 }, '0': { v: 0 },
  'Cancelled': { err: 'invalid_attendees' }, 'Unknown': { err: 'invalid_attendees' }, 'N/A': { err: 'invalid_attendees' }, '22.5': { err: 'invalid_attendees' },
};

const PLACES: [string, string, string][] = [
  ['5201 Woodward Ave', 'Detroit', '48202'], ['2800 E Grand Blvd', 'Detroit', '48211'], ['13330 Conant St', 'Detroit', '48212'],
  ['3400 Russell St', 'Detroit', '48207'], ['9300 Joseph Campau St', 'Hamtramck', '48212'], ['13143 Hamilton Ave', 'Highland Park', '48203'],
  ['16101 W Chicago St', 'Detroit', '48228'], ['20300 Livernois Ave', 'Detroit', '48221'], ['4150 Grand River Ave', 'Detroit', '48208'],
  ['8701 W Vernor Hwy', 'Detroit', '48209'], ['11600 E Jefferson Ave', 'Detroit', '48214'], ['15000 Southfield Fwy', 'Detroit', '48223'],
];
const TITLES = ['Lapsit Rhymes & Reads', 'Baby Bounce', 'Prenatal Circle', 'Wednesday Wigglers', 'Family Resource Night', 'Kinder Countdown',
  'Provider Business Bootcamp', 'Sunday School Storybook Club', 'Pediatric Wellness Chat', 'Tiny Tots Music', 'FCC Licensing 101',
  'Grandfamilies Lunch & Learn', 'Dad Time Saturdays', 'Block Play Workshop', 'Budgeting for Centers', 'Bedtime Routine Talk'];
const DESCS = ['Rhymes, fingerplays and a take-home book.', 'Held in the community room.', 'Interpreter present (Bengali).', 'Session 3 of 6.', 'Snacks provided by partner.', ''];

interface EventOpts { dateStyles: DStyle[]; attStyles: AStyle[]; eng: string[]; aud: string[]; type: string[]; zipStyle: ('text' | 'num')[] }

function makeEvent(o: EventOpts, over: Cells = {}): Cells {
  const c: Cells = {};
  const t = pick(TITLES); c.title = { raw: t, exp: { v: t } };
  c.date = dateCell(pick(o.dateStyles));
  c.event_type = enumCell(TYPE, pick(o.type), 'event_type');
  const ds = pick(DESCS); c.description = ds ? { raw: ds, exp: { v: ds } } : { raw: null, exp: { none: true } };
  const [s, city, z] = pick(PLACES);
  c.street = { raw: s, exp: { v: s } }; c.city = { raw: city, exp: { v: city } };
  c.zip = { raw: pick(o.zipStyle) === 'num' ? Number(z) : z, exp: { v: z } };
  c.audience = enumCell(AUD, pick(o.aud), 'audience');
  c.engagement = enumCell(ENG, pick(o.eng), 'engagement');
  c.attendees = attCell(pick(o.attStyles));
  return { ...c, ...over };
}
const sd = (raw: string): Cell => ({ raw, exp: SPECIAL_DATES[raw] });
const sa = (raw: string): Cell => ({ raw, exp: SPECIAL_ATT[raw] });
const ec = (raw: string): Cell => enumCell(ENG, raw, 'engagement');
const ac = (raw: string): Cell => enumCell(AUD, raw, 'audience');
const tc = (raw: string): Cell => enumCell(TYPE, raw, 'event_type');
const bad = (raw: Raw, code: string): Cell => ({ raw, exp: { err: code } });
void tc; void bad;
// Every value of a table once, then random ones: each spelling is exercised.
function _cycle(table: string[], n: number): string[] { const out: string[] = []; for (let i = 0; i < n; i++) out.push(i < table.length ? table[i] : pick(table)); return out; }

// ------------------------------------------------------------ file model and writer (as in test/heldout3)
const data = (cells: Cells): RowSpec => ({ kind: 'data', cells });
const _nr = (kind: string, raw: Record<number, Raw> = {}): RowSpec => ({ kind, raw });
const _events = (n: number, o: EventOpts, specials: Record<number, Cells> = {}): RowSpec[] => Array.from({ length: n }, (_, i) => data(makeEvent(o, specials[i] ?? {})));
const files: FileSpec[] = [];
const STD = (h: [string, string, string, string, string, string, string, string, string, string]): Col[] =>
  (['title', 'date', 'event_type', 'description', 'street', 'city', 'zip', 'audience', 'engagement', 'attendees'] as Field[]).map((f, i) => ({ h: h[i], f }));

// Rows whose enum values walk through the file's lists (every spelling appears), then the specials.
function evs(n: number, o: EventOpts, specials: Record<number, Cells> = {}): RowSpec[] {
  return Array.from({ length: n }, (_, i) => {
    const over: Cells = {
      engagement: ec(o.eng[i % o.eng.length]), audience: ac(o.aud[(i * 7 + 3) % o.aud.length]), event_type: tc(o.type[(i * 5 + 1) % o.type.length]),
      ...(specials[i] ?? {}),
    };
    return data(makeEvent(o, over));
  });
}
const CLEAN: EventOpts = { dateStyles: ['cell'], attStyles: ['num'], eng: ['Touchpoint', 'Level 1', 'Level 2', 'Day of the Young Child'],
  aud: ['Parents', 'Parent and child', 'Caregivers', 'Teachers', 'Directors'],
  type: ['Literacy', 'Parenting', 'Child development', 'Instruction', 'Business support', 'Adult-child interaction', 'Other'], zipStyle: ['num', 'text'] };
const staff = ['K. Moore', 'T. Nguyen', 'A. Haddad', 'J. Ruiz', 'M. Okafor'];
const nul = (h: string, gen: (i: number) => Raw): Col => ({ h, f: null, gen });

// W01 library: every value clean, headings unusual (mapping alone)
files.push({ file: 'w01-library-clean-odd-headings.xlsx', sheet: 'Programs', features: ['cleanValues', 'headingWords'], startCol: 1, headerRow: 1,
  cols: [...STD(['Gathering', 'Occurred', 'Event Kind', 'Brief Description', 'Site Street', 'Municipality/City', 'Zip/Postal', 'Intended For', 'Depth of Engagement', '# in Attendance']),
    nul('Branch Staff', () => pick(staff))],
  rows: evs(20, CLEAN) });

// W02 clinic: clean values, title line, start time and staff columns
files.push({ file: 'w02-clinic-clean-odd-headings.xlsx', sheet: 'Outreach Log', features: ['cleanValues', 'headingWords', 'titleRow'], startCol: 1, headerRow: 2,
  pre: [{ kind: 'title', raw: { 0: 'Pediatric Clinic Community Outreach — 2023' } }],
  cols: [nul('Clinic Staff', () => pick(staff)), ...STD(['Presentation', 'Date Conducted', 'Program Focus', 'Summary of Activity', 'Facility Address', 'City/Township', 'Postal Zone', "Who it's for", 'HSH Indicator', 'People Reached']),
    nul('Start Time', () => pick(['9:00 AM', '10:30 AM', '1:00 PM', '6:00 PM']))],
  rows: evs(18, CLEAN) });

// W03 faith group
files.push({ file: 'w03-faith-group.xlsx', sheet: 'Family Life 2023', features: ['headingWords', 'faithVocabulary', 'dates:noYear'], startCol: 1, headerRow: 1,
  cols: [...STD(['Name of Gathering', 'Event Held', 'Topic Category', 'Recap', 'Meeting Place', 'Town/City', 'ZIP Cd', 'Designed For', 'Engagement Lvl', 'Tally']),
    nul('Volunteers (#)', () => int(2, 9))],
  rows: evs(22, { dateStyles: ['monOrdY'], attStyles: ['num'], eng: ['Lvl I', 'Lvl II', 'Outreach', 'Touchpoint only', 'DOYC'],
    aud: ['Dads', 'Grandparents', 'Parents; caregivers', 'Dads & kids', 'All families welcome', 'Moms, Dads, Grandmas'],
    type: ['Bible story time', 'Health fair', 'Parenting class', "Dads' group", 'Car seat check'], zipStyle: ['num'] },
  { 4: { date: sd('Jan 5th') }, 9: { date: sd('5-Jan') }, 13: { audience: ac('Church members') }, 17: { audience: ac('Seniors') } }) });

// W04 home visiting program
files.push({ file: 'w04-home-visiting.xlsx', sheet: 'Group Connections', features: ['headingWords', 'homeVisitingVocabulary', 'dates:ranges'], startCol: 1, headerRow: 1,
  cols: [...STD(['Class/Workshop Title', 'Program Date(s)', 'Service Provided', 'What Was Covered', 'Street Addr.', 'Cty', 'Postal', 'Served Population', 'Level of Participation', 'Total Reached']),
    nul('Home Visitor', () => pick(staff)), nul("Children's ages", () => pick(['0-12 mo', '1-3', 'prenatal', '0-5']))],
  rows: evs(24, { dateStyles: ['cell', 'mdyy'], attStyles: ['num'], eng: ['Level 1 - under 2 hours', 'Level 2 - 2 hours or more', 'Touchpoint (info table)'],
    aud: ['Expecting moms', 'Expectant fathers', 'Home visiting families', 'Pregnant & parenting teens', 'Foster/kinship families', 'Grandparents raising grandkids', 'Moms w/ babies', 'Parents of newborns'],
    type: ['Home visit', 'Parent education', 'Baby & me', 'Developmental screening', 'Mental health for parents', 'Tummy time', 'Nutrition'], zipStyle: ['text'] },
  { 3: { date: sd('1/5/2023 - 1/6/2023') }, 8: { date: sd('1/5/23 & 1/12/23') }, 15: { date: sd('Ongoing') }, 20: { attendees: sa('12 moms + 14 babies') } }) });

// W05 childcare resource agency (provider audiences)
files.push({ file: 'w05-ccrr-provider-trainings.xlsx', sheet: 'Trainings', features: ['headingWords', 'providerVocabulary', 'numericDistractor'], startCol: 1, headerRow: 1,
  cols: [...STD(['Course Title', 'Date Offered', 'Strand', 'Synopsis', 'Training Site Address', 'Site City', 'Site Zip', 'Participant Population', 'Involvement Level', 'No. Present']),
    nul('CEUs', () => pick([0.1, 0.2, 0.3, 1.5])), nul('Trainer', () => pick(staff))],
  rows: evs(32, { dateStyles: ['cell'], attStyles: ['num'], eng: ['Level One (under 2 hrs)', 'Level Two (2+ hrs)', 'L-1', 'L-2', 'Level-1'],
    aud: ['Early educators', 'Preschool lead teachers', 'Infant-toddler teachers', 'GSRP teaching staff', 'Program directors', 'Childcare center owners', 'Home daycare owners',
      'Center admins', 'Center staff & directors', 'Teachers, Directors', 'FFN providers', 'Friend & neighbor caregivers', 'Babysitters/nannies', 'License exempt relatives',
      'Family child care providers', 'Providers'],
    type: ['CPR/First aid', 'Professional dev.', 'PD workshop', 'CDA cohort', 'Licensing orientation', 'Business coaching', 'Shared services', 'Bookkeeping basics'], zipStyle: ['num'] },
  { 11: { audience: ac('Medical students') } }) });

// W06 school district: clean values, odd headings, a grade band column
files.push({ file: 'w06-district-clean-odd-headings.xlsx', sheet: 'Family Engagement', features: ['cleanValues', 'headingWords'], startCol: 1, headerRow: 1,
  cols: [nul('Grade Band', () => pick(['PreK', 'K', 'PreK-K'])), ...STD(['Offering Title', 'Happening On', 'Category of Event', 'Highlights', 'Physical Address', 'City of Event', 'Zip (5 digit)', 'Target Group', 'HSH Category', 'Persons Attending']),
    nul('Building Principal', () => pick(staff))],
  rows: evs(16, CLEAN) });

// W07 attendee spellings
const ATTS = Object.keys(SPECIAL_ATT);
files.push({ file: 'w07-attendee-spellings.xlsx', sheet: 'Sheet1', features: ['headingWords', 'attendeeSpellings'], startCol: 1, headerRow: 1,
  cols: [...STD(['Session/Event', 'Dt.', 'Kind', 'Description/Notes', 'Addr', 'Event Municipality', 'ZIP5', 'Clientele', 'Intensity Level', 'Qty']),
    nul('Registered (#)', () => int(20, 90))],
  rows: evs(ATTS.length + 6, { ...CLEAN, attStyles: ['num', 'text'] }, Object.fromEntries(ATTS.map((a, i) => [i, { attendees: sa(a) }]))) });

// W08 date spellings
const DTS = ['2023/1/5', 'Jan 5th, 2023', 'Mar. 9, 2023', 'Thurs 3/9/23', 'Q1', 'Sep 31 2023', '2/29/23', '12/2/2022', 'Jan 4th, 2024', '2024/1/9', 'March 9'];
files.push({ file: 'w08-date-spellings.xlsx', sheet: 'Events', features: ['headingWords', 'dateSpellings'], startCol: 1, headerRow: 1,
  cols: STD(['Program Offered', 'Date(s) of Service', 'Type of Program', 'Agenda/Content', 'Location (Street)', 'City/Village', 'Postal Code/Zip', 'Who Came', 'Imperative 2 Level', 'Sign-ins']),
  rows: evs(DTS.length + 10, { ...CLEAN, dateStyles: ['mdyy', 'ymdSlash', 'isoDash', 'dowMdyy', 'monOrdY'] }, Object.fromEntries(DTS.map((d, i) => [i * 2, { date: sd(d) }]))) });

// W09 parent/family audience spellings
const PA = ['Expecting moms', 'Expectant fathers', 'New & expecting parents', 'Parents of newborns', 'Foster/kinship families', 'Grandparents raising grandkids',
  'Pregnant & parenting teens', 'Family members of enrolled kids', 'Moms w/ babies', 'Dads & kids', 'Families w/ toddlers', 'Caregivers with babies', 'Grandparents/kin caregivers',
  'Toddlers', 'All', 'Volunteers', 'Parents; caregivers', 'All families welcome'];
files.push({ file: 'w09-family-audience-spellings.xlsx', sheet: 'Log', features: ['headingWords', 'audienceSpellings'], startCol: 1, headerRow: 1,
  cols: STD(['What', 'Date Occurred', 'Subject Area', 'Short Desc.', 'Venue Street', 'Cty/Town', 'Zip Cd.', 'Attendee Profile', 'Participation Depth', 'Reach']),
  rows: evs(PA.length, { ...CLEAN, aud: PA }, Object.fromEntries(PA.map((a, i) => [i, { audience: ac(a) }]))) });

// W10 engagement spellings
const EN = ['Lvl II', 'Lvl I', 'Lvl. 1', 'Lvl2', 'LEVEL ONE', 'Level-1', 'Level Two (2+ hrs)', 'Level One (under 2 hrs)', 'Level 1 - under 2 hours', 'Level 2 - 2 hours or more',
  'Touchpoint only', 'TP - flyer', 'Touchpoint (info table)', 'Info sharing only', 'touch', 'Touchpoints', 'Outreach', 'DOYC', 'Day of the Young Child (April)',
  'Day of Young Child celebration', 'Parent-led (Level 2)', 'L-2', 'L-1', 'Lev 1', 'Level II', 'Level 3', 'High', 'Basic', 'Level 1 / Level 2'];
files.push({ file: 'w10-engagement-spellings.xlsx', sheet: 'Events', features: ['headingWords', 'engagementSpellings'], startCol: 1, headerRow: 1,
  cols: STD(['Outreach Activity', 'Day Held', 'Format/Type', 'Event Recap', 'Branch Address', 'Branch City', 'Branch Zip', 'Primary Participants', 'HSH Engagement', 'Attended (#)']),
  rows: evs(EN.length, { ...CLEAN, eng: EN }) });

// W11 event type spellings
const TY = Object.keys(TYPE).filter((t) => !CLEAN.type.includes(t));
files.push({ file: 'w11-event-type-spellings.xlsx', sheet: 'Events', features: ['headingWords', 'eventTypeSpellings'], startCol: 1, headerRow: 1,
  cols: STD(['Event/Program Title', 'Session Day', 'Program Area', 'Notes about the event', 'Site Location', 'Site City', 'Site ZIP', 'Population Type', 'Counts toward (TP/L1/L2/DOYC)', 'Participants (#)']),
  rows: evs(TY.length, { ...CLEAN, type: TY }, Object.fromEntries(TY.map((t, i) => [i, { event_type: tc(t) }]))) });

// W12 CSV with mixed problems: heading words + zip spellings
files.push({ file: 'w12-mixed-problems.csv', sheet: '', features: ['csv', 'headingWords', 'zipSpellings'], startCol: 1, headerRow: 1,
  csv: { encoding: 'utf8', delim: ',' },
  cols: [...STD(['Name of Activity/Event', 'Event Dt', 'Event Classification', 'Description', 'Street Address/Location', 'City/Twp', 'Zip+4', 'Audience (who)', 'Engagement (TP/L1/L2/DOYC)', 'Total #']),
    nul('Follow-up needed?', () => pick(['Y', 'N', '']))],
  rows: evs(20, { ...CLEAN, dateStyles: ['mdyy'], zipStyle: ['text'] }, {
    2: { zip: { raw: '48202-1234', exp: { v: '48202' } } }, 5: { zip: bad('4821', 'invalid_zip') }, 8: { zip: bad('Detroit', 'invalid_zip') },
    11: { title: empty('title') }, 14: { engagement: ec('Level 3') }, 17: { attendees: sa('Cancelled') } }) });

// W13 resource agency: clean values, "training" words everywhere
files.push({ file: 'w13-training-words-clean.xlsx', sheet: 'Trainings 2023', features: ['cleanValues', 'headingWords'], startCol: 1, headerRow: 1,
  cols: STD(['Training Topic', 'Training Held', 'Training Category', 'Training Summary', 'Training Location', 'Location City', 'Location ZIP', 'Trainee Role', 'Engagement Depth', '# Trained']),
  rows: evs(16, CLEAN) });

// W14 / W15: more heading words (clean values), found while probing
files.push({ file: 'w14-more-heading-words.xlsx', sheet: 'Events', features: ['cleanValues', 'headingWords'], startCol: 1, headerRow: 1,
  cols: STD(['Gathering Name', 'Occurred On', 'Focus of Event', 'Activity Summary', 'Street Location', 'City/State', 'Zip Code (5)', "Who it's for", 'Level (TP, L1, L2, DOYC)', 'Number Reached']),
  rows: evs(14, CLEAN) });
files.push({ file: 'w15-more-heading-words-2.xlsx', sheet: 'Events', features: ['cleanValues', 'headingWords'], startCol: 1, headerRow: 1,
  cols: STD(['Event/Class', 'Happening', 'Type of Gathering', 'Notes', 'Location Address', 'City Name', 'Postal Zone', 'Population Focus', 'Engagement Category', 'Participants Served']),
  rows: evs(14, CLEAN) });

(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  for (const f of files) await writeWorkbook(f, OUT, pick);
  console.error(`wrote ${files.length} workbooks to ${OUT}`);
})();
