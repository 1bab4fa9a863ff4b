import { Workbook as XlsxWorkbook, type DataValidation, type Worksheet } from 'exceljs';
import { HSH_2023 } from '../core/collection/hsh2023';
import type { Collection, EnumOption, FieldDef, FieldRole } from '../core/collection/types';
import { usDate } from '../core/messages';
import { columnLetter } from '../core/workbook';
import { listRanges } from './cleanRecords';
import { BOLD, fitRowHeights, HEADER_FILL, printOnPageWidth, tableHeader } from './styles';

/**
 * The template partners may start from (GET /template.xlsx): an Events sheet
 * headed by the agreed labels, with drop-down lists and validations that say
 * each rule, and Instructions, Legend and Examples sheets. Everything it says
 * about the fields comes from the collection definition. Browser-safe.
 */

export const TEMPLATE_SHEETS = { events: 'Events', instructions: 'Instructions', legend: 'Legend', examples: 'Examples', lists: 'Lists' } as const;

/** Rows of the Events sheet that carry the validations (a partner with more events copies a row down). */
export const TEMPLATE_ROWS = 5000;

/** Separator partners write between several audiences of one event. */
const LIST_SEPARATOR = '; ';

export interface TemplateOptions {
  collection?: Collection;
  /** The submission deadline, YYYY-MM-DD. */
  deadline?: string;
}

const REQUIREMENT: Record<FieldDef['requirement'], string> = {
  required: 'Required',
  recommended: 'Recommended (missing is a warning)',
  optional: 'Optional',
};

/** Builds the template as an exceljs Workbook. */
export function templateWorkbook(options: TemplateOptions = {}): XlsxWorkbook {
  const collection = options.collection ?? HSH_2023;
  const xlsx = new XlsxWorkbook();
  xlsx.creator = 'Hope Starts Here data share';
  xlsx.title = `Events template: ${collection.name}`;
  xlsx.category = 'Hope Starts Here Imperative #2 data share';
  xlsx.keywords = `template collection:${collection.id}`;
  const lists = listRanges(TEMPLATE_SHEETS.lists, collection);
  addEventsSheet(xlsx, collection, lists);
  addInstructionsSheet(xlsx, collection, options);
  addLegendSheet(xlsx, collection);
  addExamplesSheet(xlsx, collection);
  addLabelListsSheet(xlsx, collection);
  xlsx.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return xlsx;
}

/** The template as .xlsx bytes. */
export async function buildTemplate(options: TemplateOptions = {}): Promise<Uint8Array> {
  const out: unknown = await templateWorkbook(options).xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

function addEventsSheet(xlsx: XlsxWorkbook, collection: Collection, lists: Map<string, string>): void {
  const ws = xlsx.addWorksheet(TEMPLATE_SHEETS.events);
  tableHeader(ws, collection.fields.map((f) => f.label), TEMPLATE_ROWS - 1);
  printOnPageWidth(ws);
  const widths = columnWidths(collection);
  collection.fields.forEach((field, i) => {
    const column = ws.getColumn(i + 1);
    column.width = widths[i]!;
    if (field.kind === 'date') column.numFmt = 'm/d/yyyy';
    if (field.kind === 'zip') column.numFmt = '@';
    const validation = validationOf(field, collection, lists);
    const letter = columnLetter(i);
    addValidation(ws, `${letter}2:${letter}${TEMPLATE_ROWS}`, validation);
  });
}

/** The validation of a field's cells, with the rule in words as the input message (shown on the cell) and the error. */
export function validationOf(field: FieldDef, collection: Collection, lists: Map<string, string>): DataValidation {
  const rule = ruleOf(field, collection);
  const base = { allowBlank: true, showInputMessage: true, promptTitle: clip(field.label, 32), prompt: clip(rule, 255), showErrorMessage: true, errorTitle: clip(field.label, 32), error: clip(rule, 255) };
  const range = field.enumeration ? lists.get(field.enumeration) : undefined;
  switch (field.kind) {
    case 'date':
      return {
        ...base, type: 'date', operator: 'between', errorStyle: 'stop',
        formulae: [new Date(`${collection.period.start}T00:00:00Z`), new Date(`${collection.period.end}T00:00:00Z`)],
      };
    case 'count':
      return { ...base, type: 'whole', operator: 'greaterThanOrEqual', errorStyle: 'stop', formulae: [0] };
    case 'zip':
      return { ...base, type: 'textLength', operator: 'between', errorStyle: 'stop', formulae: [5, 10] };
    case 'enum':
    case 'enum_list':
      // Several audiences in one cell are valid but not one item of the list: a warning the partner can accept.
      return { ...base, type: 'list', errorStyle: field.kind === 'enum_list' ? 'warning' : 'stop', formulae: [range ?? '""'] };
    case 'text':
      // Any text (Excel's own limit): the validation is there for its input message.
      return { ...base, type: 'textLength', operator: 'lessThanOrEqual', errorStyle: 'stop', formulae: [32767] };
  }
}

/** Column widths of the Events and Examples sheets: the heading with its filter button, and the examples, within bounds (longer texts wrap). */
export function columnWidths(collection: Collection): number[] {
  const rows = exampleRows(collection);
  return collection.fields.map((field, i) => {
    const longest = Math.max(...rows.map((r) => (r[i] instanceof Date ? 10 : String(r[i] ?? '').length)));
    return Math.max(14, Math.min(40, Math.max(field.label.length + 4, longest + 2)));
  });
}

function addValidation(ws: Worksheet, range: string, validation: DataValidation): void {
  (ws as Worksheet & { dataValidations: { add(address: string, v: DataValidation): void } }).dataValidations.add(range, validation);
}

/** The rule of a field in a partner's words: what to write, and whether it must be there. */
export function ruleOf(field: FieldDef, collection: Collection): string {
  const need = field.requirement === 'required' ? 'Required. ' : field.requirement === 'recommended' ? 'Recommended. ' : 'Optional. ';
  switch (field.kind) {
    case 'date':
      return `${need}The day the event was held, as month/day/year (e.g. ${usDate(exampleDate(collection, 0))}), between ${usDate(collection.period.start)} and ${usDate(collection.period.end)}: the reporting period.`;
    case 'count':
      return `${need}A whole number, 0 or more: how many people attended (no words, no "about", no ranges).`;
    case 'zip':
      return `${need}The 5-digit zip code where the event was held, e.g. 48201 (ZIP+4 such as 48201-1234 is fine). Leave empty for a virtual event.`;
    case 'enum':
      return `${need}Choose one from the list: ${optionsOf(field, collection).map((o) => o.label).join(', ')}.`;
    case 'enum_list':
      return `${need}Choose from the list. For several, type them separated by a semicolon, e.g. “${optionsOf(field, collection).slice(0, 2).map((o) => o.label).join(LIST_SEPARATOR)}”.`;
    case 'text':
      return `${need}${(field.role ? TEXT_RULE[field.role]?.(collection) : undefined) ?? 'Text.'}`;
  }
}

/** What a text field of each role holds. */
const TEXT_RULE: Partial<Record<FieldRole, (c: Collection) => string>> = {
  title: () => 'The name of the event, as you call it.',
  description: () => 'What happened at the event, in a sentence or two.',
  street: () => 'The street address where the event was held; write “Virtual” for an online event.',
  city: (c) => `The city where the event was held${c.places[0] ? `, e.g. ${c.places[0]}` : ''}.`,
};

function optionsOf(field: FieldDef, collection: Collection): EnumOption[] {
  return field.enumeration ? (collection.enumerations[field.enumeration] ?? []) : [];
}

function clip(text: string, most: number): string {
  return text.length <= most ? text : `${text.slice(0, most - 1)}…`;
}

function addInstructionsSheet(xlsx: XlsxWorkbook, collection: Collection, options: TemplateOptions): void {
  const ws = xlsx.addWorksheet(TEMPLATE_SHEETS.instructions);
  ws.getColumn(1).width = 110;
  const required = collection.fields.filter((f) => f.requirement === 'required').map((f) => f.label);
  const lines: { text: string; bold?: boolean }[] = [
    { text: collection.name, bold: true },
    { text: '' },
    { text: `Reporting period: events held from ${usDate(collection.period.start)} to ${usDate(collection.period.end)}.` },
    ...(options.deadline ? [{ text: `Deadline: please send your events by ${usDate(options.deadline)}.` }] : []),
    { text: '' },
    { text: 'How to fill in this workbook', bold: true },
    { text: `1. On the sheet “${TEMPLATE_SHEETS.events}”, write one event per row, starting in row 2. Keep the headings of row 1 as they are.` },
    { text: `2. Required in every row: ${required.join(', ')}. The other columns are welcome; leave a cell empty when you do not know.` },
    { text: '3. Where a cell has a drop-down list, choose from it. Selecting a cell shows what it takes; Excel says so when a value does not fit.' },
    { text: `4. Dates as month/day/year, within the reporting period. Numbers of attendees as whole numbers. Several audiences of one event separated by a semicolon.` },
    { text: `5. The sheet “${TEMPLATE_SHEETS.legend}” says what every column means and lists the values of each drop-down with their definitions.` },
    { text: `6. The sheet “${TEMPLATE_SHEETS.examples}” shows a few filled rows. They are examples only and are never counted as your events.` },
    { text: '' },
    { text: 'How to send it', bold: true },
    { text: `Open the workbook with the Hope Starts Here data check (the Excel add-in, or the same page in a web browser, on the site this template came from): it checks every row, shows what to correct, and submits it. You can also send the file to the data team.` },
    { text: 'You may send your own workbook instead of this template: the check reads your columns too.' },
  ];
  lines.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = line.text;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (line.bold) cell.font = BOLD;
  });
  fitRowHeights(ws);
  printOnPageWidth(ws);
}

function addLegendSheet(xlsx: XlsxWorkbook, collection: Collection): void {
  const ws = xlsx.addWorksheet(TEMPLATE_SHEETS.legend);
  const headings = ['Column', 'Heading', 'Field id', 'Required', 'What to write'];
  const header = ws.getRow(1);
  headings.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = BOLD;
    cell.fill = HEADER_FILL;
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  // Headings and option labels, ids and requirements whole; what to write wrapped.
  const options = collection.fields.flatMap((f) => optionsOf(f, collection));
  const longest = (xs: string[]) => Math.max(0, ...xs.map((x) => x.length)) + 2;
  [8, longest([...collection.fields.map((f) => f.label), ...options.map((o) => o.label)]), longest([...collection.fields.map((f) => f.id), ...options.map((o) => o.id)]), longest(Object.values(REQUIREMENT)), 90].forEach(
    (w, i) => (ws.getColumn(i + 1).width = Math.max(w, headings[i]!.length + 2)),
  );
  for (let c = 1; c <= 4; c++) ws.getColumn(c).alignment = { vertical: 'top' };
  let r = 2;
  collection.fields.forEach((field, i) => {
    const row = ws.getRow(r++);
    row.values = [columnLetter(i), field.label, field.id, REQUIREMENT[field.requirement], ruleOf(field, collection)];
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
  });
  // The values of each drop-down, with their definitions.
  for (const field of collection.fields) {
    const options = optionsOf(field, collection);
    if (!options.length) continue;
    r++;
    const title = ws.getRow(r++);
    title.values = [null, `${field.label}: the values`];
    title.getCell(2).font = BOLD;
    for (const o of options) {
      const row = ws.getRow(r++);
      row.values = [null, o.label, o.id, null, o.definition ?? ''];
      row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  fitRowHeights(ws);
  printOnPageWidth(ws);
}

/** Role → example texts for the example rows (the collection gives the enumerations, places and period). */
const EXAMPLE_TEXT: Partial<Record<FieldRole, string[]>> = {
  title: ['Story time at the library', 'Parent cafe: sleep and routines', 'Business basics for home providers'],
  description: ['Reading aloud with songs for toddlers and their parents', 'A talk on bedtime routines, with dinner', 'Budgets and record keeping for family childcare'],
  street: ['123 Main St', 'Virtual', '2801 W Grand Blvd'],
};
const EXAMPLE_ZIPS = ['48201', '', '48202'];
const EXAMPLE_COUNTS = [25, 12, 8];
/** Per enumeration role, which option each example row takes (by position in the list). */
const EXAMPLE_PICK: Partial<Record<FieldRole, number[][]>> = {
  event_type: [[0], [3], [5]],
  audience: [[1], [0, 2], [3, 4]],
  level: [[1], [0], [2]],
};

/** A few filled rows, on their own sheet, built from the collection. */
export function exampleRows(collection: Collection): (string | number | Date)[][] {
  const rows: (string | number | Date)[][] = [];
  for (let i = 0; i < 3; i++) {
    rows.push(collection.fields.map((field) => exampleValue(field, collection, i)));
  }
  return rows;
}

function exampleValue(field: FieldDef, collection: Collection, i: number): string | number | Date {
  switch (field.kind) {
    case 'date':
      return new Date(`${exampleDate(collection, i)}T00:00:00Z`);
    case 'count':
      return EXAMPLE_COUNTS[i % EXAMPLE_COUNTS.length]!;
    case 'zip':
      return EXAMPLE_ZIPS[i % EXAMPLE_ZIPS.length]!;
    case 'enum':
    case 'enum_list': {
      const options = optionsOf(field, collection);
      const picks = (field.role ? EXAMPLE_PICK[field.role]?.[i] : undefined) ?? [i];
      const chosen = picks.map((p) => options[p % options.length]).filter((o): o is EnumOption => o !== undefined);
      return (field.kind === 'enum' ? chosen.slice(0, 1) : chosen).map((o) => o.label).join(LIST_SEPARATOR);
    }
    case 'text':
      if (field.role === 'city') return i === 1 ? '' : (collection.places[0] ?? '');
      if (field.role === 'street' && i === 1) return 'Virtual';
      return (field.role ? EXAMPLE_TEXT[field.role]?.[i] : undefined) ?? '';
  }
}

/** A day of the reporting period for example row i (the 4th of its 3rd, 6th, 9th month). */
function exampleDate(collection: Collection, i: number): string {
  const start = new Date(`${collection.period.start}T00:00:00Z`);
  const end = new Date(`${collection.period.end}T00:00:00Z`);
  const day = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 2 + 3 * i, 4));
  return (day > end ? end : day).toISOString().slice(0, 10);
}

function addExamplesSheet(xlsx: XlsxWorkbook, collection: Collection): void {
  const ws = xlsx.addWorksheet(TEMPLATE_SHEETS.examples);
  const rows = exampleRows(collection);
  tableHeader(ws, collection.fields.map((f) => f.label), rows.length);
  printOnPageWidth(ws);
  columnWidths(collection).forEach((w, i) => (ws.getColumn(i + 1).width = w));
  rows.forEach((values, r) => {
    const row = ws.getRow(r + 2);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.alignment = { wrapText: true, vertical: 'top' };
      if (v === '') return;
      cell.value = v;
      if (v instanceof Date) cell.numFmt = 'm/d/yyyy';
    });
  });
  fitRowHeights(ws, 2);
}

/** The hidden sheet the drop-downs refer to: the agreed labels, as partners choose them. */
function addLabelListsSheet(xlsx: XlsxWorkbook, collection: Collection): void {
  const ws = xlsx.addWorksheet(TEMPLATE_SHEETS.lists, { state: 'hidden' });
  Object.entries(collection.enumerations).forEach(([key, options], i) => {
    ws.getColumn(i + 1).width = 28;
    ws.getCell(1, i + 1).value = key;
    options.forEach((o, j) => {
      ws.getCell(j + 2, i + 1).value = o.label;
    });
  });
}
