import Papa from 'papaparse';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema';

export interface PopulationRow {
  zip: string;
  childrenUnder5: number;
  source: string;
  year: number;
}

export class PopulationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PopulationError';
  }
}

/** Headings we read, in any case and spacing: zip (or zcta), children under 5, source, year. */
const COLUMNS: Record<keyof PopulationRow, RegExp> = {
  zip: /^(zip|zip ?code|zcta5?|zcta ?code)$/,
  childrenUnder5: /^(children[ _]?under[ _]?5|under[ _]?5|children[ _]?0[-–]4|age[ _]?0[-–]4)$/,
  source: /^source$/,
  year: /^year$/,
};

/**
 * Reads a population table as CSV (zip, children under 5, source, year; one
 * row per zip). Every bad row is named in one error, so nothing half-loads.
 */
export function parsePopulationCsv(text: string): PopulationRow[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const [head, ...rows] = parsed.data;
  if (!head) throw new PopulationError('The file is empty: it needs a heading row (zip, children under 5, source, year) and one row per zip.');
  const norm = head.map((h) => h.trim().toLowerCase());
  const at = {} as Record<keyof PopulationRow, number>;
  for (const [key, pattern] of Object.entries(COLUMNS) as [keyof PopulationRow, RegExp][]) {
    const i = norm.findIndex((h) => pattern.test(h));
    if (i < 0) throw new PopulationError(`No column for ${key === 'childrenUnder5' ? 'children under 5' : key}: the headings are ${head.map((h) => `"${h}"`).join(', ')}.`);
    at[key] = i;
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  const out: PopulationRow[] = [];
  rows.forEach((row, n) => {
    const line = n + 2;
    const zip = (row[at.zip] ?? '').trim().replace(/^ZCTA5\s*/i, '');
    const children = Number((row[at.childrenUnder5] ?? '').replace(/,/g, '').trim());
    const year = Number((row[at.year] ?? '').trim());
    const source = (row[at.source] ?? '').trim();
    if (!/^\d{5}$/.test(zip)) problems.push(`line ${line}: "${zip.slice(0, 20)}" is not a 5-digit zip code`);
    else if (seen.has(zip)) problems.push(`line ${line}: zip ${zip} is listed twice`);
    else if (!Number.isInteger(children) || children < 0) problems.push(`line ${line}: the children under 5 must be a whole number`);
    else if (!Number.isInteger(year) || year < 1990 || year > 2100) problems.push(`line ${line}: the year must be a year such as 2022`);
    else if (!source) problems.push(`line ${line}: say where the number comes from (e.g. ACS 5-year B01001)`);
    else {
      seen.add(zip);
      out.push({ zip, childrenUnder5: children, source: source.slice(0, 200), year });
    }
  });
  if (problems.length) throw new PopulationError(`Nothing was imported; fix these and import again: ${problems.slice(0, 10).join('; ')}${problems.length > 10 ? `; and ${problems.length - 10} more` : ''}.`);
  if (out.length === 0) throw new PopulationError('The file has a heading row but no zip codes.');
  return out;
}

export class PopulationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Replaces the whole table in one transaction: the analysis never sees half of an import. */
  async replace(rows: PopulationRow[]): Promise<void> {
    const at = new Date().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('population').execute();
      for (let i = 0; i < rows.length; i += 500) {
        await trx
          .insertInto('population')
          .values(rows.slice(i, i + 500).map((r) => ({ zip: r.zip, children_under5: r.childrenUnder5, source: r.source, year: r.year, imported_at: at })))
          .execute();
      }
    });
  }

  /** Changes whenever the table is imported again (for caches). */
  async version(): Promise<string> {
    const row = await this.db
      .selectFrom('population')
      .select((eb) => [eb.fn.max('imported_at').as('at'), eb.fn.countAll().as('n')])
      .executeTakeFirst();
    return `${row?.at ?? 'none'}:${Number(row?.n ?? 0)}`;
  }

  async all(): Promise<PopulationRow[]> {
    const rows = await this.db.selectFrom('population').selectAll().orderBy('zip').execute();
    return rows.map((r) => ({ zip: r.zip, childrenUnder5: Number(r.children_under5), source: r.source, year: Number(r.year) }));
  }
}
