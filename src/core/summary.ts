import type { Collection } from './collection/types';
import type { CheckRecord, Counts, Issue, Summary } from './report';

/**
 * The indicator and its breakdowns: events and attendees per engagement
 * level, audience, event type, month and zip. Records dated outside the
 * reporting period are not counted; the breakdowns count the records the
 * indicator counts (those with an engagement level), so each adds up to it,
 * with the ones that lack a type, zip, month or audience under "unknown".
 * An event for several audiences counts under each of them.
 */
export function summarise(records: CheckRecord[], issues: Issue[], collection: Collection, excluded: Set<CheckRecord>): Summary {
  const levels = collection.enumerations.engagement?.map((o) => o.id) ?? [];
  const byEngagement = zeroes(levels);
  const byAudience = zeroes(collection.enumerations.audience?.map((o) => o.id) ?? []);
  const eventTypes = collection.enumerations.event_type?.map((o) => o.id) ?? [];
  const byEventType = zeroes(eventTypes);
  const byMonth: Record<string, Counts> = {};
  const byZip: Record<string, Counts> = {};
  for (const rec of records) {
    if (excluded.has(rec)) continue;
    const v = rec.values;
    if (typeof v.engagement !== 'string' || !levels.includes(v.engagement)) continue;
    const people = typeof v.attendees === 'number' ? v.attendees : 0;
    add(byEngagement, v.engagement, people);
    const audiences = Array.isArray(v.audience) ? [...new Set(v.audience.filter((a): a is string => typeof a === 'string' && a !== ''))] : [];
    if (audiences.length === 0) add(byAudience, UNKNOWN, people);
    for (const a of audiences) add(byAudience, a, people);
    const type = typeof v.event_type === 'string' && v.event_type ? (eventTypes.includes(v.event_type) || !eventTypes.includes('other') ? v.event_type : 'other') : UNKNOWN;
    add(byEventType, type, people);
    add(byMonth, typeof v.date === 'string' && v.date ? v.date.slice(0, 7) : UNKNOWN, people);
    add(byZip, typeof v.zip === 'string' && v.zip ? v.zip : UNKNOWN, people);
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

function sortKeys(t: Record<string, Counts>): Record<string, Counts> {
  return Object.fromEntries(Object.entries(t).sort(([a], [b]) => a.localeCompare(b)));
}
