import { a1, type Sheet, type Workbook } from '../../../core/workbook';
import type { SheetValues, SubmissionPayload, TableChoices, ValuesPayload } from '../../api';
import { checkOptions, type Choice, type Mappings } from '../../flow';
import type { OriginalFile } from '../../HostContext';

/** A date cell that came without its format still has to read as a date on the server. */
const DATE_FORMAT = 'yyyy-mm-dd';

/** The sheet as Office.js would return it: a rectangle of values and one of number formats. */
export function sheetValues(sheet: Sheet): { rows: unknown[][]; numberFormats: unknown[][] } {
  const width = sheet.rows.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  const rows: unknown[][] = [];
  const numberFormats: unknown[][] = [];
  for (let r = 0; r < sheet.rows.length; r++) {
    const src = sheet.rows[r] ?? [];
    const values: unknown[] = new Array(width).fill('');
    const formats: unknown[] = new Array(width).fill('General');
    for (let c = 0; c < src.length; c++) {
      const cell = src[c];
      if (!cell || cell.kind === 'empty' || cell.value === null) continue;
      values[c] = cell.value;
      formats[c] = cell.format ?? (cell.kind === 'date' ? DATE_FORMAT : cell.kind === 'text' ? '@' : 'General');
    }
    rows.push(values);
    numberFormats.push(formats);
  }
  return { rows, numberFormats };
}

function sheetPayload(sheet: Sheet): SheetValues {
  return { name: sheet.name, ...sheetValues(sheet), merges: sheet.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`) };
}

/** The choices beyond the first table, as the server's check takes them. */
export function tableChoices(choice: Choice, mapping: Mappings): TableChoices {
  const { leaveOut, include, headerRows, mappings } = checkOptions(choice, mapping);
  return { ...(leaveOut ? { leaveOut } : {}), ...(include ? { include } : {}), ...(headerRows ? { headerRows } : {}), ...(mappings ? { mappings } : {}) };
}

/**
 * The cells to send: the first table's sheet at the top level (what a
 * one-sheet server reads) and, when the workbook has more, every sheet, so
 * the server reads the same tables and legends as the check here.
 */
export function valuesPayload(workbook: Workbook, choice: Choice, mapping: Mappings): ValuesPayload {
  const sheet = workbook.sheets.find((s) => s.name === choice.sheet);
  if (!sheet) throw new Error(`The sheet “${choice.sheet}” is no longer in the workbook.`);
  const first = sheetPayload(sheet);
  return {
    kind: 'values',
    sheet: first.name,
    rows: first.rows,
    numberFormats: first.numberFormats,
    merges: first.merges,
    ...(workbook.sheets.length > 1 ? { sheets: workbook.sheets.map((s) => (s === sheet ? first : sheetPayload(s))) } : {}),
    headerRow: choice.headerRow,
    mapping: mapping.mapping,
    ...tableChoices(choice, mapping),
    date1904: choice.date1904,
  };
}

/** The JSON body of a values payload, as submit sends it. */
export function valuesBody(payload: ValuesPayload): string {
  const { kind: _kind, ...json } = payload;
  return JSON.stringify(json);
}

/**
 * What to send: the partner's own file when the browser mode still has it
 * unchanged (the server keeps originals), otherwise the checked cell values.
 */
export function buildPayload(workbook: Workbook, choice: Choice, mapping: Mappings, original: OriginalFile | null): SubmissionPayload {
  if (original) {
    const tables = tableChoices(choice, mapping);
    return {
      kind: 'file',
      fileName: original.name,
      bytes: original.bytes,
      headerRow: choice.headerRow,
      mapping: mapping.mapping,
      ...(Object.keys(tables).length ? { tables } : {}),
    };
  }
  return valuesPayload(workbook, choice, mapping);
}
