import { periodYear } from './collection/period';
import type { IssueCode, Problem } from './issues';

/**
 * Every word a partner reads about an issue lives here (as zod keeps its
 * messages in one locale file). Messages quote the value, say what is wrong
 * in plain words and say how to fix it.
 */

export interface MessageContext {
  /** The cell's content as the partner typed it ("" when empty). */
  value: string;
  /** The field's agreed label, e.g. "Date of event". */
  fieldLabel: string;
  /** The reporting period, for date_out_of_period. */
  period?: { start: string; end: string };
}

type Params = Record<string, string | number>;
type Wording = (p: Params, ctx: MessageContext, reason: string | undefined) => string;

const EXAMPLE_DATE = '3/4/2023';
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const SERIAL = /^\d{4,7}(?:\.\d+)?$/;

/** "2023-03-04" → "3/4/2023"; anything else unchanged. */
export function usDate(iso: string): string {
  const m = ISO.exec(iso);
  return m ? `${Number(m[2])}/${Number(m[3])}/${m[1]}` : iso;
}

/** The value in quotes, or a neutral phrase when there is none to quote. */
function quoted(value: string, fallback = 'This value'): string {
  const v = value.trim();
  if (v === '') return fallback;
  const short = v.length > 60 ? `${v.slice(0, 57)}…` : v;
  return `“${short.replace(/\s*[\r\n]+\s*/g, ' / ')}”`;
}

const str = (p: Params, key: string): string | undefined => (p[key] === undefined ? undefined : String(p[key]));

function choicesOf(p: Params, fallback: string): string {
  return str(p, 'choices') ?? fallback;
}

const ENGAGEMENT_FALLBACK = 'Touchpoint, Engagement level one, Engagement level two or Day of the Young Child';
const AUDIENCE_FALLBACK = 'Parent/family, Parent/family and child, Caregivers, Teachers/educator or Director/owner';
const EVENT_TYPE_FALLBACK = 'Literacy, Adult-child interaction, Child development, Parenting, Instruction, Business/operational support or Other';
const PROVIDER_WORD = /provider|child ?care|ece|early childhood|daycare/i;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const DATE_HOW = `Write the day the event was held as month/day/year, e.g. ${EXAMPLE_DATE}.`;

const invalidDate: Wording = (p, ctx, reason) => {
  const v = quoted(ctx.value);
  switch (reason) {
    case 'parts':
      return `${v} is not a date: its columns (${str(p, 'columns') ?? 'month and day'}) need a month (a name or 1 to 12) and a day (1 to 31). Check the cells of this row.`;
    case 'impossible':
      return `${v} is not a real date: that month does not have that day (or the month is not 1 to 12). Check the date and write it as month/day/year, e.g. ${EXAMPLE_DATE}.`;
    case 'day_first': {
      const s = str(p, 'suggestion');
      return s
        ? `${v} looks like day/month/year, but dates here are month/day/year. If you mean ${s}, write ${s}.`
        : `${v} looks like day/month/year, but dates here are month/day/year. ${DATE_HOW}`;
    }
    case 'order_unclear': {
      const a = Number(p.first);
      const b = Number(p.second);
      const y = Number(p.year);
      const name = (m: number) => MONTH_NAMES[m - 1] ?? String(m);
      return `${v} can be read two ways, and other dates in this column are written day/month/year. If the event was on ${name(b)} ${a}, ${y}, write ${b}/${a}/${y}; if on ${name(a)} ${b}, ${y}, write ${a}/${b}/${y}.`;
    }
    case 'no_year': {
      const year = ctx.period ? periodYear(ctx.period) : undefined;
      const m = /^(\d{1,2})\s*[/-]\s*(\d{1,2})$/.exec(ctx.value.trim());
      const hint = year && m ? ` If it was in ${year}, write ${Number(m[1])}/${Number(m[2])}/${year}.` : ` Add the year, e.g. ${EXAMPLE_DATE}.`;
      return `${v} has no year, so it cannot be checked against the reporting period.${hint}`;
    }
    case 'no_day':
      return `${v} does not say which day. ${DATE_HOW}`;
    case 'range':
      return `${v} is a range of days, but each row needs one date. Write the day the event was held; for an event on several days, use one row per day.`;
    case 'vague':
      return `${v} is not a date. ${DATE_HOW} If the event has not happened yet, leave it out of this report.`;
    case 'time_only':
      return `This cell holds a time of day but no date. ${DATE_HOW}`;
    case 'error_cell':
      return `This cell shows the Excel error ${quoted(ctx.value, 'value')} instead of a date. Fix the formula or type the date, e.g. ${EXAMPLE_DATE}.`;
    default:
      return `${v} is not a date that can be read. ${DATE_HOW}`;
  }
};

const invalidEngagement: Wording = (p, ctx, reason) => {
  const v = quoted(ctx.value);
  const choices = choicesOf(p, ENGAGEMENT_FALLBACK);
  if (reason === 'several') {
    return `${v} names more than one engagement level, but each event is counted at one level. Choose one of: ${choices}. If parts of the event were at different levels, use one row per part.`;
  }
  if (reason === 'own_scale') {
    return `${v} is a number of your own scale (this column uses ${str(p, 'scale') ?? 'other numbers too'}), so we cannot tell which engagement level it means. Write the level (${choices}), or add a key to the workbook such as “1 = Touchpoint, 2 = Engagement level one”.`;
  }
  if (p.level !== undefined) {
    return `${v} is not an engagement level. The levels are ${choices}: choose the one that fits the event.`;
  }
  return `${v} is not one of the four engagement levels. Choose one of: ${choices}.`;
};

const invalidAudience: Wording = (p, ctx, reason) => {
  const choices = choicesOf(p, AUDIENCE_FALLBACK);
  const part = str(p, 'part') ?? ctx.value;
  const v = quoted(part);
  const several = 'You may list several, separated by commas.';
  if (reason === 'unclear_mark') {
    return `Only column ${str(p, 'column') ?? 'a tick column'} is ticked, and ${v} does not say which target audience it means. Choose its audience for that column in the mapping (${choices}), or tick the column that fits.`;
  }
  if (reason === 'unclear') {
    if (PROVIDER_WORD.test(part)) {
      return `${v} does not say which childcare provider audience: write Teachers/educator, Director/owner, or both (separated by a comma). Other audiences: ${choices}.`;
    }
    return `${v} does not name a target audience. Write who the event was for, using ${choices}. ${several}`;
  }
  if (reason === 'partly_unknown') {
    return `In ${quoted(ctx.value)}, ${v} is not one of the target audiences. Use ${choices}. ${several}`;
  }
  return `${v} is not one of the target audiences. Write who the event was for, using ${choices}. ${several}`;
};

const invalidZip: Wording = (p, ctx, reason) => {
  const v = quoted(ctx.value);
  if (reason === 'too_short') {
    return `${v} has only ${str(p, 'digits') ?? 'a few'} digits, but a zip code has 5, e.g. 48201. Check for a missing digit.`;
  }
  if (reason === 'too_long') {
    return `${v} has ${str(p, 'digits') ?? 'too many'} digits, but a zip code has 5 (or 5+4, like 48201-1234). Check for an extra digit.`;
  }
  return `${v} is not a zip code. Write the 5-digit zip code of the event's location, e.g. 48201.`;
};

const invalidAttendees: Wording = (_p, ctx, reason) => {
  const v = quoted(ctx.value);
  switch (reason) {
    case 'negative':
      return `${v} is below zero. Write how many people attended, as a whole number (0 if nobody came).`;
    case 'fraction':
      return `${v} is not a whole number. Write how many people attended, e.g. 25.`;
    case 'range':
      return `${v} is a range. Write one number: your best count of the people who attended (e.g. 25, or ~25 if it is an estimate).`;
    case 'several':
      return `${v} holds more than one number. Write the total number of people who attended as one number (e.g. 35 for 15 adults and 20 children).`;
    case 'date':
      return `This cell holds a date, not a number: Excel may have turned what was typed into a date. Format the cell as a number and write how many people attended, e.g. 25.`;
    default:
      return `${v} is not a number. Write how many people attended as a whole number, e.g. 25 (or ~25 if it is an estimate).`;
  }
};

const WORDING: Record<IssueCode, Wording> = {
  missing_required: (p, ctx, reason) => {
    const columns = str(p, 'columns');
    if (reason === 'no_mark' && columns) return `${ctx.fieldLabel} is required, but none of its columns (${columns}) is ticked on this row. Tick the one that fits so that the event can be counted.`;
    if (reason === 'no_part' && columns) return `${ctx.fieldLabel} is required, but its columns (${columns}) are all empty on this row. Fill in at least one so that the event can be counted.`;
    return `${ctx.fieldLabel} is required but this cell is empty. Fill it in so that the event can be counted.`;
  },
  missing_recommended: (p, ctx, reason) => {
    const columns = str(p, 'columns');
    if ((reason === 'no_mark' || reason === 'no_part') && columns) return `${ctx.fieldLabel} is empty: nothing in its columns (${columns}) on this row. It is not required, but please fill it in if you know it.`;
    return `${ctx.fieldLabel} is empty. It is not required, but please fill it in if you know it.`;
  },
  invalid_date: invalidDate,
  date_out_of_period: (p, ctx) => {
    const raw = str(p, 'date') ?? ctx.value;
    const iso = str(p, 'iso');
    // A date cell's raw value is its serial number: show the date instead.
    const shown = SERIAL.test(raw.trim()) && iso ? usDate(iso) : raw.trim() === '' && iso ? usDate(iso) : raw;
    const side = str(p, 'side') === 'after' ? 'after' : 'before';
    const period = ctx.period ? ` (${ctx.period.start} to ${ctx.period.end})` : '';
    return `${shown} is ${side} the reporting period${period}. Check the year, or leave this event out of this report.`;
  },
  invalid_engagement: invalidEngagement,
  invalid_audience: invalidAudience,
  unknown_event_type: (p, ctx) =>
    `${quoted(ctx.value)} is not one of the event types (${choicesOf(p, EVENT_TYPE_FALLBACK)}). It is kept as written; if one of them fits, choose it, otherwise write Other.`,
  invalid_zip: invalidZip,
  zip_outside_area: (p, ctx) =>
    `${str(p, 'zip') ?? ctx.value} is a zip code outside Michigan. Check that it is the zip code of the event's location.`,
  invalid_attendees: invalidAttendees,
  approximate_attendees: (p, ctx, reason) => {
    const n = str(p, 'number');
    const as = n !== undefined ? `${n} attendees` : 'a number of attendees';
    if (reason === 'unit') {
      return `${quoted(ctx.value)} was read as ${as}. Check that it counts people, and write just the number if you can.`;
    }
    if (reason === 'left_out') {
      return `${quoted(ctx.value)} was read as ${as}, leaving out ${str(p, 'left') ?? 'some of it'}: they are not counted as attendees. If they came as parents, caregivers or providers, write the total.`;
    }
    return `${quoted(ctx.value)} is an estimate and was read as ${as}. If you know the exact number, write just the number.`;
  },
  duplicate_row: (p) => {
    const first = str(p, 'firstRow');
    return `Same title, date, location and engagement as row ${first ?? 'above'}. If it is the same event entered twice, delete one of the rows.`;
  },
  unmapped_required_field: (_p, ctx) =>
    `No column was recognised as ${ctx.fieldLabel}, a required field. Choose its column in the mapping.`,
  uncertain_mapping: (p, ctx) => {
    const header = str(p, 'header');
    const why = str(p, 'why');
    const col = header ? `Column “${header}”` : 'This column';
    return `${col} was taken as ${ctx.fieldLabel}, but the evidence is weak${why ? ` (${why})` : ''}. Please confirm it, or choose another field in the mapping.`;
  },
  unknown_audience: (p, ctx, reason) => {
    if (reason === 'unclear_mark') {
      return `The tick in column ${str(p, 'column') ?? ''} was not counted: ${quoted(str(p, 'unknown') ?? ctx.value)} does not say which audience it means. Choose its audience for that column in the mapping (${choicesOf(p, AUDIENCE_FALLBACK)}).`;
    }
    const kept = str(p, 'kept');
    const unknown = str(p, 'unknown') ?? ctx.value;
    return `${quoted(unknown)} is not one of the audiences (${choicesOf(p, AUDIENCE_FALLBACK)})${kept ? `; the rest of the cell was read as ${kept}` : ''}. If that part names an audience, write it as one of them.`;
  },
  date_without_year: (p, ctx) => {
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(str(p, 'iso') ?? '');
    const read = iso ? ` as ${Number(iso[2])}/${Number(iso[3])}/${iso[1]}` : '';
    return `${quoted(str(p, 'date') ?? ctx.value)} has no year, so it was read${read}, in the reporting period's year. If that is wrong, write the date with its year.`;
  },
  no_events: (p) => {
    const sheet = str(p, 'sheet');
    const examples = str(p, 'examples');
    const where = sheet ? `The sheet “${sheet}” has` : 'This file has';
    const shown = examples ? ` The rows on ${examples} are examples and are not counted.` : '';
    return `${where} the headings but no events under them yet. Write one event per row below the headings, then check again.${shown}`;
  },
  event_not_held: (_p, ctx) => `This row is marked ${quoted(ctx.value)}, so it is kept as your row but not counted as an event held, nor its attendees. If the event did take place, remove the mark and check again.`,
};

const count = (p: Params, key: string): string => (typeof p[key] === 'number' ? p[key].toLocaleString('en-US') : str(p, key) ?? 'many');

/** A cell far longer than any value of its field, or listing far more pieces, refused by the normalisers without being read. */
function tooLong(problem: Problem, ctx: MessageContext): string {
  const p = problem.params ?? {};
  const field = ctx.fieldLabel;
  if (problem.reason === 'too_many_parts') {
    return `This cell lists more than ${count(p, 'limit')} items, far more than there are audiences, so it was not read. Write who the event was for, using ${choicesOf(p, AUDIENCE_FALLBACK)}, separated by commas.`;
  }
  const size = `This cell holds ${count(p, 'length')} characters, far more than any ${field} (at most ${count(p, 'limit')})`;
  if (problem.code === 'unknown_event_type') {
    return `${size}: it is kept as written but was not read as one of the event types (${choicesOf(p, EVENT_TYPE_FALLBACK)}). Write only the type here and put notes in another column.`;
  }
  return `${size}, so it was not read. Write only the ${field} here and put notes in another column.`;
}

/** The message a partner reads for a problem in one cell (or, for unmapped_required_field, in the whole sheet). */
export function issueMessage(problem: Problem, ctx: MessageContext): string {
  if (problem.reason === 'too_long_text' || problem.reason === 'too_many_parts') return tooLong(problem, ctx);
  const wording = Object.hasOwn(WORDING, problem.code) ? WORDING[problem.code] : undefined;
  if (!wording) return `${ctx.fieldLabel}: ${quoted(ctx.value)} needs checking.`;
  return wording(problem.params ?? {}, ctx, problem.reason);
}
