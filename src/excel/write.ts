import { isDateFormat } from '../core/numberFormat';
import type { CellChange, UndoRecord } from '../taskpane/host';

/**
 * Writing normalised values back ("Fix N values") and undoing it. Two syncs
 * whatever the number of cells: read what is there, then write. Events stay on
 * so the live re-check sees the fixed rows.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether Excel would turn this text into something else when it is written
 * to a cell that is not formatted as text: numbers ("02134" → 2134), dates,
 * booleans, percentages and formulas.
 */
export function excelWouldConvert(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  if (/^[=+\-@]/.test(t)) return true;
  if (/^[-+]?(\d[\d,]*(\.\d*)?|\.\d+)(e[-+]?\d+)?%?$/i.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  if (/^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?$/.test(t)) return true;
  if (/^\d{1,2}:\d{2}/.test(t)) return true;
  return false;
}

/** The value to write so the cell ends up holding exactly this constant. */
function constantFor(value: unknown, format: string | undefined): unknown {
  if (typeof value !== 'string') return value;
  if (format === '@') return value;
  // A leading apostrophe keeps it text, as when typing it into the cell.
  return excelWouldConvert(value) ? `'${value}` : value;
}

export async function writeValuesIn(context: Excel.RequestContext, sheetName: string, changes: CellChange[]): Promise<UndoRecord> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  const ranges = changes.map((change) => {
    const range = sheet.getRange(change.address);
    range.load('values,formulas,numberFormat');
    return range;
  });
  if (changes.length === 0) return { sheet: sheetName, previous: [] };
  await context.sync();

  const previous: UndoRecord['previous'] = changes.map((change, i) => {
    const range = ranges[i]!;
    const formula = range.formulas[0]?.[0];
    const format = range.numberFormat[0]?.[0];
    const cell: UndoRecord['previous'][number] = { address: change.address, value: range.values[0]?.[0] };
    if (typeof format === 'string') cell.format = format;
    if (typeof formula === 'string' && formula.startsWith('=')) cell.formula = formula;
    return cell;
  });

  changes.forEach((change, i) => {
    const range = ranges[i]!;
    const value = change.value;
    if (typeof value === 'string' && ISO_DATE.test(value)) {
      // A real date, in whichever date system the workbook uses: Excel reads the ISO text itself.
      // The partner's own date format stays; a cell without one shows the ISO date.
      if (!isDateFormat(previous[i]!.format)) range.numberFormat = [['yyyy-mm-dd']];
      range.values = [[value]];
    } else if (typeof value === 'string' && excelWouldConvert(value)) {
      // Text that Excel would turn into a number (a ZIP code with its leading zero): keep it text.
      range.numberFormat = [['@']];
      range.values = [[value]];
    } else {
      range.values = [[value]];
    }
  });
  await context.sync();
  return { sheet: sheetName, previous };
}

/** Puts back the values (or formulas) and number formats that were there before. */
export async function undoIn(context: Excel.RequestContext, record: UndoRecord): Promise<void> {
  if (record.previous.length === 0) return;
  const sheet = context.workbook.worksheets.getItem(record.sheet);
  for (const cell of record.previous) {
    const range = sheet.getRange(cell.address);
    if (cell.format !== undefined) range.numberFormat = [[cell.format]];
    if (cell.formula !== undefined) {
      range.formulas = [[cell.formula]];
    } else {
      const value = cell.value === null || cell.value === undefined ? '' : cell.value;
      range.values = [[constantFor(value, cell.format) as string]];
    }
  }
  await context.sync();
}

export async function goToIn(context: Excel.RequestContext, sheetName: string, address: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(address).select();
  await context.sync();
}
