import type { Collection } from './collection/types';
import type { CheckRecord, Counts, Issue, Summary } from './report';

/**
 * The indicator and its breakdowns: events and attendees per engagement
 * level, audience, event type, month and zip. Records dated outside the
 * reporting period are not counted.
 */
export function summarise(records: CheckRecord[], issues: Issue[], collection: Collection, excluded: Set<CheckRecord>): Summary {
  const byEngagement = zeroes(collection.enumerations.engagement?.map((o) => o.id) ?? []);
  const byAudience = zeroes(collection.enumerations.audience?.map((o) => o.id) ?? []);
  const eventTypes = collection.enumerations.event_type?.map((o) => o.id) ?? [];
  const byEventType = zeroes(eventTypes);
  const byMonth: Record<string, Counts> = {};
  const byZip: Record<string, Counts> = {};
  for (const rec of records) {
    if (excluded.has(rec)) continue;
    const v = rec.values;
    const people = typeof v.attendees === 'number' ? v.attendees : 0;
    add(byEngagement, v.engagement, people);
    if (Array.isArray(v.audience)) for (const a of v.audience) add(byAudience, a, people);
    if (typeof v.event_type === 'string') add(byEventType, eventTypes.includes(v.event_type) || !eventTypes.includes('other') ? v.event_type : 'other', people);
    if (typeof v.date === 'string') add(byMonth, v.date.slice(0, 7), people);
    add(byZip, v.zip, people);
  }
  let errors = 0;
  let warnings = 0;
  for (const i of issues) {
    if (i.severity === 'error') errors++;
    else warnings++;
  }
  return { records: records.length, errors, warnings, byEngagement, byAudience, byEventType, byMonth: sortKeys(byMonth), byZip: sortKeys(byZip) };
}

function add(table: Record<string, Counts>, key: unknown, people: number): void {
  if (typeof key !== 'string' || !key) return;
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
