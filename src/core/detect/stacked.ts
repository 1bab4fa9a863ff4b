import { cellText, type Sheet } from '../workbook';
import type { HeaderMatcher } from '../mapping/headerMatch';
import type { Legend } from '../mapping/legend';
import { countDataRows, scoreRow, type HeaderGuess } from './headerRow';

/** At most this many rows of a sheet are scored as the header of a table stacked above or below the best one. */
const MOST_SCORED = 100;
/** A stacked table's headings name at least this many fields, and this share of what the best header names. */
const FEWEST_NAMED = 3;
const SHARE_NAMED = 0.6;

/** A band of a sheet holding one table: its header row and the rows up to the next table's (0-based, end exclusive). */
export interface Band {
  guess: HeaderGuess;
  /** The sheet as this table sees it: the rows from the next table's header down are empty. */
  sheet: Sheet;
  end: number;
}

/**
 * The tables stacked on one sheet ("Spring programs" above "Fall programs",
 * each under headings of its own), top to bottom, the best header's among
 * them. A row heads another table when it stands apart (first on the sheet,
 * or after a blank row or a one-cell label such as "FALL PROGRAMS"), names
 * at least three fields as headings do, is not the best header repeated (a
 * table continued under its headings is one table), and has rows of data
 * under it before the next table. Each band sees only its own rows, so no
 * table reads another's headings as events. A sheet of one table is one
 * band: the sheet itself.
 */
export function stackedTables(sheet: Sheet, best: HeaderGuess, matcher: HeaderMatcher, legend: Legend): Band[] {
  const bestTexts = rowTexts(sheet, best.row).join('\u0001').toLowerCase();
  const heads: HeaderGuess[] = [best];
  let scored = 0;
  for (let r = 0; r < sheet.rows.length && scored < MOST_SCORED; r++) {
    if (Math.abs(r - best.row) < 2 || (r > 0 && filledCells(sheet, r - 1) > 1)) continue;
    const texts = rowTexts(sheet, r);
    if (texts.length < FEWEST_NAMED) continue;
    if (texts.join('\u0001').toLowerCase() === bestTexts) continue;
    scored++;
    const guess = scoreRow(sheet, r, matcher, legend);
    if (guess && guess.fieldsNamed >= Math.max(FEWEST_NAMED, SHARE_NAMED * best.fieldsNamed)) heads.push(guess);
  }
  if (heads.length === 1) return [{ guess: best, sheet, end: sheet.rows.length }];
  heads.sort((a, b) => a.row - b.row);
  const bands: Band[] = [];
  heads.forEach((guess, i) => {
    const end = heads[i + 1]?.row ?? sheet.rows.length;
    const band = end >= sheet.rows.length ? sheet : { ...sheet, rows: sheet.rows.slice(0, end) };
    const dataRows = countDataRows(band, guess.row);
    // A row of headings with nothing under it before the next table is a title row of that table, not a table.
    if (dataRows === 0 && guess !== best) return;
    bands.push({ guess: { ...guess, dataRows }, sheet: band, end });
  });
  return bands;
}

function rowTexts(sheet: Sheet, r: number): string[] {
  const out: string[] = [];
  for (const c of sheet.rows[r] ?? []) {
    if (c?.kind !== 'text') continue;
    const t = cellText(c).trim();
    if (t) out.push(t);
  }
  return out;
}

function filledCells(sheet: Sheet, r: number): number {
  let n = 0;
  for (const c of sheet.rows[r] ?? []) if (c && c.kind !== 'empty' && cellText(c) !== '') n++;
  return n;
}
