/**
 * The collection as the server publishes it (GET /collection.json): the
 * fields and options the engine checks against, with their definitions, the
 * reporting period and the deadline. The site renders these; it never keeps
 * its own copy of the words.
 */

export interface OptionInfo {
  id: string;
  label: string;
  definition?: string;
}

export interface FieldInfo {
  id: string;
  label: string;
  definition?: string;
  requirement: 'required' | 'recommended' | 'optional';
  kind: 'text' | 'date' | 'enum' | 'enum_list' | 'zip' | 'count';
  enumeration?: string;
}

export interface CollectionInfo {
  id: string;
  name: string;
  period: { start: string; end: string };
  deadline: string;
  fields: FieldInfo[];
  enumerations: Record<string, OptionInfo[]>;
}

/** The options of a field's enumeration, or none. */
export function optionsOf(info: CollectionInfo, field: FieldInfo): OptionInfo[] {
  return field.enumeration ? (info.enumerations[field.enumeration] ?? []) : [];
}

/** The field whose enumeration is `name` ("engagement", "audience"), if any. */
export function fieldWith(info: CollectionInfo, enumeration: string): FieldInfo | undefined {
  return info.fields.find((f) => f.enumeration === enumeration);
}

export async function fetchCollection(baseUrl: string, doFetch: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<CollectionInfo> {
  let response: Response;
  try {
    response = await doFetch(`${baseUrl.replace(/\/+$/, '')}/collection.json`, { headers: { Accept: 'application/json' } });
  } catch {
    throw new Error('Could not reach the server to read the agreed fields. Check your connection and reload the page.');
  }
  if (!response.ok) throw new Error(`The server did not give the agreed fields (error ${response.status}). Reload the page in a minute.`);
  const data = (await response.json().catch(() => null)) as CollectionInfo | null;
  if (!data || !Array.isArray(data.fields) || !data.period) throw new Error('The server answered, but not with the agreed fields. Reload the page in a minute.');
  return data;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2025-01-31" → "January 31, 2025" (a calendar day: no time zone moves it). */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${MONTHS[Number(m[2]) - 1] ?? m[2]} ${Number(m[3])}, ${m[1]}`;
}

/** "January 1 to December 31, 2023", or with both years when they differ. */
export function periodText(period: { start: string; end: string }): string {
  const [start, end] = [longDate(period.start), longDate(period.end)];
  if (period.start.slice(0, 4) === period.end.slice(0, 4)) return `${start.replace(/, \d{4}$/, '')} to ${end}`;
  return `${start} to ${end}`;
}

/** Whether the deadline (a calendar day, inclusive) is behind us. */
export function deadlinePassed(deadline: string, today = new Date().toISOString().slice(0, 10)): boolean {
  return today > deadline;
}

/** "Touchpoint, Level one and Level two". */
export function listText(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
