import collection from '../core/collection/hsh2023/collection.json';

/**
 * The collection's words for the analysis's ids ("level_one" → "Engagement
 * level one"), read from its data file alone: the page needs the labels, not
 * the engine's vocabulary.
 */
type Enumeration = 'engagement' | 'audience' | 'event_type';
const options = collection.enumerations as Record<Enumeration, { id: string; label: string }[]>;

export function labelOf(enumeration: Enumeration, id: string): string {
  if (id === 'unknown') return enumeration === 'audience' ? 'No audience given' : enumeration === 'event_type' ? 'No type given' : 'No level given';
  return options[enumeration].find((o) => o.id === id)?.label ?? id;
}

/** The options' ids in the collection's order, then any others the data has (e.g. "unknown"). */
export function orderedKeys(enumeration: Enumeration, present: string[]): string[] {
  const known = options[enumeration].map((o) => o.id);
  return [...known.filter((k) => present.includes(k)), ...present.filter((k) => !known.includes(k))];
}

/** "2023-03" → "Mar 2023"; "unknown" → "Date unreadable". */
export function monthLabel(month: string, style: 'short' | 'long' = 'short'): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return 'Date unreadable';
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15));
  return d.toLocaleDateString('en-US', { month: style, year: 'numeric', timeZone: 'UTC' });
}
