import { fieldIdOf, optionsOfRole } from './collection/roles';
import type { Collection, FieldRole } from './collection/types';
import type { CheckRecord, Counts, Issue, Summary } from './report';

/**
 * The indicator and its breakdowns: events and attendees per level (the
 * indicator's engagement levels), audience, event type, month and zip, read
 * from the fields of those roles. Records in `excluded` (dated outside the
 * reporting period, or marked by the partner as not held) are not counted; the breakdowns count the records the indicator counts
 * (those with a level), so each adds up to it, with the ones that lack a
 * type, zip, month or audience under "unknown". An event for several
 * audiences counts under each of them. An event type outside the options
 * counts under the catch-all option ("Other"), when the collection has one.
 */
export function summarise(records: CheckRecord[], issues: Issue[], collection: Collection, excluded: Set<CheckRecord>): Summary {
  const ids = new Map<FieldRole, string | undefined>((['level', 'audience', 'event_type', 'date', 'zip', 'headcount'] as const).map((role) => [role, fieldIdOf(collection, role)]));
  const valueOf = (rec: CheckRecord, role: FieldRole): unknown => {
    const id = ids.get(role);
    return id === undefined ? undefined : rec.values[id];
  };
  const levels = optionsOfRole(collection, 'level').map((o) => o.id);
  const byEngagement = zeroes(levels);
  const byAudience = zeroes(optionsOfRole(collection, 'audience').map((o) => o.id));
  const typeOptions = optionsOfRole(collection, 'event_type');
  const eventTypes = typeOptions.map((o) => o.id);
  const catchAll = typeOptions.find((o) => o.catchAll)?.id;
  const byEventType = zeroes(eventTypes);
  const byMonth: Record<string, Counts> = {};
  const byZip: Record<string, Counts> = {};
  for (const rec of records) {
    if (excluded.has(rec)) continue;
    const level = valueOf(rec, 'level');
    if (typeof level !== 'string' || !levels.includes(level)) continue;
    const count = valueOf(rec, 'headcount');
    const people = typeof count === 'number' ? count : 0;
    add(byEngagement, level, people);
    const list = valueOf(rec, 'audience');
    const audiences = Array.isArray(list) ? [...new Set(list.filter((a): a is string => typeof a === 'string' && a !== ''))] : [];
    if (audiences.length === 0) add(byAudience, UNKNOWN, people);
    for (const a of audiences) add(byAudience, a, people);
    const type = valueOf(rec, 'event_type');
    add(byEventType, typeof type === 'string' && type ? (eventTypes.includes(type) || catchAll === undefined ? type : catchAll) : UNKNOWN, people);
    const day = valueOf(rec, 'date');
    add(byMonth, typeof day === 'string' && day ? day.slice(0, 7) : UNKNOWN, people);
    const zip = valueOf(rec, 'zip');
    add(byZip, typeof zip === 'string' && zip ? zip : UNKNOWN, people);
  }
  let errors = 0;
  let warnings = 0;
  for (const i of issues) {
    if (i.severity === 'error') errors++;
    else warnings++;
  }
  return { records: records.length, errors, warnings, byEngagement, byAudience, byEventType, byMonth: sortKeys(byMonth), byZip: sortKeys(byZip) };
}

const UNKNOWN = 'unknown';

function add(table: Record<string, Counts>, key: string, people: number): void {
  const c = (table[key] ??= { events: 0, attendees: 0 });
  c.events++;
  c.attendees += people;
}

function zeroes(keys: string[]): Record<string, Counts> {
  return Object.fromEntries(keys.map((k) => [k, { events: 0, attendees: 0 }]));
}

/**
 * Keys of digits, lower-case ASCII letters and hyphens ("2023-04", "48201",
 * "unknown"): sorted by code unit, they come in the order localeCompare
 * gives them (hyphen, digits, letters; a prefix first), without loading the
 * collator, which is a noticeable part of a command line's start.
 */
const PLAIN_KEY = /^[0-9a-z-]*$/;

function sortKeys(t: Record<string, Counts>): Record<string, Counts> {
  const entries = Object.entries(t);
  const plain = entries.every(([k]) => PLAIN_KEY.test(k));
  return Object.fromEntries(entries.sort(([a], [b]) => (plain ? (a < b ? -1 : a > b ? 1 : 0) : a.localeCompare(b))));
}
