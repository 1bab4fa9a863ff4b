import type { DataValidation, Workbook as XlsxWorkbook, Worksheet } from 'exceljs';
import type { Collection, FieldDef } from '../core/collection/types';
import type { CheckReport, RecordValue } from '../core/report';
import { columnLetter } from '../core/workbook';
import { isoDayToDate, quoteSheet } from './excelValues';
import { internalLink } from './internalLinks';
import { fitColumns, LINK_FONT, tableHeader } from './styles';

/** How a normalised value is written in a table cell (ids for enumerations, a list joined with "; "). */
export function recordCell(field: FieldDef, value: RecordValue | undefined): { value: string | number | Date | null; numFmt?: string } {
  if (value === undefined) return { value: null };
  if (Array.isArray(value)) return { value: value.join('; ') };
  if (field.kind === 'date') {
    const d = isoDayToDate(value);
    return d ? { value: d, numFmt: 'yyyy-mm-dd' } : { value: String(value) };
  }
  if (field.kind === 'zip') return { value: String(value), numFmt: '@' };
  return { value };
}

/** Where each enumeration's ids sit on the hidden lists sheet (one column each, from row 2). */
export function listRanges(sheetName: string, collection: Collection): Map<string, string> {
  const ranges = new Map<string, string>();
  Object.entries(collection.enumerations).forEach(([key, options], i) => {
    const letter = columnLetter(i);
    ranges.set(key, `${quoteSheet(sheetName)}!$${letter}$2:$${letter}$${options.length + 1}`);
  });
  return ranges;
}

/**
 * The hidden sheet the drop-down lists refer to (an inline list is limited
 * to 255 characters, and next year's enumerations may be longer).
 */
export function addListsSheet(xlsx: XlsxWorkbook, name: string, collection: Collection): Worksheet {
  const ws = xlsx.addWorksheet(name, { state: 'hidden' });
  Object.entries(collection.enumerations).forEach(([key, options], i) => {
    ws.getColumn(i + 1).width = 28;
    ws.getCell(1, i + 1).value = key;
    options.forEach((o, j) => {
      ws.getCell(j + 2, i + 1).value = o.id;
    });
  });
  return ws;
}

/**
 * The records with the agreed columns and their normalised values: frozen
 * header, a filter, and drop-down lists for the enumerations.
 */
export function addCleanRecordsSheet(
  xlsx: XlsxWorkbook,
  name: string,
  report: CheckReport,
  collection: Collection,
  partnerSheet: string | ((sheet: string | null | undefined) => string),
  lists: Map<string, string>,
): Worksheet {
  const ws = xlsx.addWorksheet(name);
  const fields = collection.fields;
  const sheetOf = typeof partnerSheet === 'string' ? () => partnerSheet : partnerSheet;
  // Per sheet and row: row 3 of "Feb" is not row 3 of "Jan".
  const several = new Set(report.tables.map((t) => t.sheet)).size > 1;
  const key = (sheet: string | null | undefined, row: number) => (several ? `${sheet ?? ''}\u0000${row}` : String(row));
  const worst = new Map<string, 'error' | 'warning'>();
  for (const i of report.issues) {
    if (i.row === undefined) continue;
    const k = key(i.sheet, i.row);
    if (i.severity === 'error' || !worst.has(k)) worst.set(k, i.severity);
  }
  const headers = ['Row', ...fields.map((f) => f.label), 'Flag'];
  tableHeader(ws, headers, report.records.length);
  const firstColumn = report.columns[0]?.column ?? 'A';
  report.records.forEach((record, i) => {
    const r = i + 2;
    const rowCell = ws.getCell(r, 1);
    rowCell.value = internalLink(sheetOf(record.sheet), `${firstColumn}${record.row}`, String(record.row));
    rowCell.font = LINK_FONT;
    fields.forEach((field, j) => {
      const { value, numFmt } = recordCell(field, record.values[field.id]);
      const cell = ws.getCell(r, j + 2);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
    });
    ws.getCell(r, fields.length + 2).value = worst.get(key(record.sheet, record.row)) ?? 'ok';
  });
  const last = report.records.length + 1;
  if (last >= 2) {
    fields.forEach((field, j) => {
      const range = field.enumeration ? lists.get(field.enumeration) : undefined;
      if (!range) return;
      const letter = ws.getColumn(j + 2).letter;
      const validation: DataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [range],
        showErrorMessage: true,
        // A list of audiences ("parent_family; caregiver") is valid yet not one item of the list.
        errorStyle: field.kind === 'enum_list' ? 'information' : 'warning',
        errorTitle: field.label,
        error: `Use one of the agreed ${field.label} values.`,
      };
      (ws as Worksheet & { dataValidations: { add(address: string, v: DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${last}`, validation);
    });
  }
  fitColumns(ws);
  return ws;
}
