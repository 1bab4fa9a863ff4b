import type { Sheet, Workbook } from '../workbook';
import type { HeaderMatcher } from '../mapping/headerMatch';
import type { Legend } from '../mapping/legend';
import { detectHeaderRow, type HeaderGuess } from './headerRow';

export interface SheetGuess {
  sheet: Sheet;
  header: HeaderGuess | null;
  score: number;
}

/** Sheet names that announce something other than the event log. */
const NOT_DATA = /\b(instructions?|read ?me|how to|lists?|lookups?|legend|key|dictionary|summary|totals?|staff|drop ?downs?|options|settings|codes|pivot|chart|notes?)\b/i;

/**
 * Finds the sheet holding the events: the one whose header names the most
 * agreed fields and has the most data under it. Instructions, lists,
 * summaries and legends lose on both counts; their names and hidden sheets
 * are only a tie-breaker.
 */
export function detectSheet(workbook: Workbook, matcher: HeaderMatcher, legend: Legend): SheetGuess | null {
  let best: SheetGuess | null = null;
  for (const sheet of workbook.sheets) {
    const header = detectHeaderRow(sheet, matcher, legend);
    let score = header ? header.score + Math.min(3, Math.log10(1 + header.dataRows)) : 0;
    if (NOT_DATA.test(sheet.name)) score -= 1.5;
    if (sheet.hidden) score *= 0.3;
    if (!best || score > best.score) best = { sheet, header, score };
  }
  return best;
}

export function findSheetByName(workbook: Workbook, name: string): Sheet | undefined {
  return workbook.sheets.find((s) => s.name === name) ?? workbook.sheets.find((s) => s.name.trim().toLowerCase() === name.trim().toLowerCase());
}
