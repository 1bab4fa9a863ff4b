import { Workbook as XlsxWorkbook, type Worksheet } from 'exceljs';
import { buildTemplate, TEMPLATE_ROWS, TEMPLATE_SHEETS } from '../../src/annotate/template';
import { check } from '../../src/core/check';
import { HSH_2023 } from '../../src/core/collection/hsh2023';
import { readWorkbookBytes } from '../../src/io/readWorkbook';

let bytes: Uint8Array;
let book: XlsxWorkbook;
const sheet = (name: string): Worksheet => {
  const ws = book.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};
const column = (label: string): string => {
  const i = HSH_2023.fields.findIndex((f) => f.label === label);
  if (i < 0) throw new Error(`no field labelled ${label}`);
  return String.fromCharCode(65 + i);
};

beforeAll(async () => {
  bytes = await buildTemplate({ deadline: '2025-01-31' });
  book = new XlsxWorkbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
});

test('Events first, then Instructions, Legend and Examples; the drop-down lists hidden', () => {
  expect(book.worksheets.map((w) => w.name)).toEqual(['Events', 'Instructions', 'Legend', 'Examples', 'Lists']);
  expect(book.worksheets.map((w) => w.state)).toEqual(['visible', 'visible', 'visible', 'visible', 'hidden']);
});

test('the Events sheet is headed by the agreed labels, in bold, frozen, and holds nothing else', () => {
  const ws = sheet(TEMPLATE_SHEETS.events);
  expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HSH_2023.fields.map((f) => f.label));
  expect(ws.getCell('A1').value).toBe('Title/Event');
  expect(ws.getCell('J1').value).toBe('Number of attendees');
  expect(ws.getCell('A1').font?.bold).toBe(true);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2' });
  expect(ws.actualRowCount).toBe(1);
  expect(ws.getColumn(column('Date of event')).numFmt).toBe('m/d/yyyy');
});

test('every enumeration has a drop-down of its labels; audiences may list several (a warning, not a stop)', () => {
  const ws = sheet(TEMPLATE_SHEETS.events);
  const lists = sheet(TEMPLATE_SHEETS.lists);
  const enumerated = HSH_2023.fields.filter((f) => f.enumeration);
  expect(enumerated.map((f) => f.id)).toEqual(['event_type', 'audience', 'engagement']);
  for (const field of enumerated) {
    const letter = column(field.label);
    for (const row of [2, 17, TEMPLATE_ROWS]) {
      const v = ws.getCell(`${letter}${row}`).dataValidation;
      expect(v).toMatchObject({ type: 'list', allowBlank: true, showErrorMessage: true, showInputMessage: true, errorStyle: field.kind === 'enum_list' ? 'warning' : 'stop' });
      // The list is a range of the Lists sheet holding exactly this enumeration's labels.
      const m = /^'Lists'!\$([A-Z])\$2:\$\1\$(\d+)$/.exec(String(v.formulae[0]));
      expect(m).not.toBeNull();
      const options = HSH_2023.enumerations[field.enumeration!]!;
      const labels = Array.from({ length: Number(m![2]) - 1 }, (_, i) => lists.getCell(`${m![1]}${i + 2}`).value);
      expect(labels).toEqual(options.map((o) => o.label));
    }
    expect(ws.getCell(`${letter}${TEMPLATE_ROWS + 1}`).dataValidation).toBeUndefined();
  }
  expect(ws.getCell(`${column('Engagement level')}2`).dataValidation.prompt).toBe(
    'Required. Choose one from the list: Touchpoint, Engagement level one, Engagement level two, Day of the Young Child.',
  );
  expect(ws.getCell(`${column('Target Audience')}2`).dataValidation.error).toMatch(/separated by a semicolon/);
});

test('dates must fall in the reporting period and attendees be whole numbers, each rule said in its messages', () => {
  const ws = sheet(TEMPLATE_SHEETS.events);
  const date = ws.getCell(`${column('Date of event')}2`).dataValidation;
  expect(date).toMatchObject({ type: 'date', operator: 'between', errorStyle: 'stop', showErrorMessage: true, showInputMessage: true });
  expect(date.formulae.map((d: Date) => new Date(d).toISOString().slice(0, 10))).toEqual(['2023-01-01', '2023-12-31']);
  expect(date.prompt).toContain('month/day/year');
  expect(date.error).toContain('between 1/1/2023 and 12/31/2023');
  const count = ws.getCell(`${column('Number of attendees')}40`).dataValidation;
  expect(count).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], errorStyle: 'stop' });
  expect(count.error).toMatch(/^Required\. A whole number, 0 or more/);
  expect(ws.getCell(`${column('Zip')}2`).dataValidation).toMatchObject({ type: 'textLength', operator: 'between', formulae: [5, 10] });
  // Every column says what it takes when a cell is selected, within Excel's 255 characters.
  HSH_2023.fields.forEach((f, i) => {
    const v = ws.getCell(`${String.fromCharCode(65 + i)}2`).dataValidation;
    expect(v.promptTitle).toBe(f.label);
    expect(v.prompt!.length).toBeGreaterThan(10);
    expect(v.prompt!.length).toBeLessThanOrEqual(255);
  });
});

test('the Legend says which column means which field, and what each option means', () => {
  const ws = sheet(TEMPLATE_SHEETS.legend);
  expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['Column', 'Heading', 'Field id', 'Required', 'What to write']);
  HSH_2023.fields.forEach((f, i) => {
    expect((ws.getRow(i + 2).values as unknown[]).slice(1, 5)).toEqual([String.fromCharCode(65 + i), f.label, f.id, expect.stringMatching(/^(Required|Recommended|Optional)/)]);
  });
  const texts: string[] = [];
  ws.eachRow((row) => texts.push((row.values as unknown[]).filter(Boolean).join(' | ')));
  expect(texts).toContain(`Touchpoint | touchpoint | ${HSH_2023.enumerations.engagement![0]!.definition}`);
  expect(texts).toContain('Target Audience: the values');
});

test('the Instructions give the period and the deadline and say the examples are not counted', () => {
  const ws = sheet(TEMPLATE_SHEETS.instructions);
  const text: string[] = [];
  ws.eachRow((row) => text.push(String(row.getCell(1).value ?? '')));
  const all = text.join('\n');
  expect(text[0]).toBe(HSH_2023.name);
  expect(all).toContain('events held from 1/1/2023 to 12/31/2023');
  expect(all).toContain('by 1/31/2025');
  expect(all).toMatch(/“Examples”.*never counted as your events/);
});

test('the example rows pass the check themselves: valid values of every field', async () => {
  const ws = sheet(TEMPLATE_SHEETS.examples);
  expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HSH_2023.fields.map((f) => f.label));
  const workbook = await readWorkbookBytes(bytes, 'template.xlsx');
  const report = check(workbook, { sheet: TEMPLATE_SHEETS.examples });
  expect(report.records).toHaveLength(3);
  expect(report.issues).toEqual([]);
  // Between them, the examples show every engagement level but one, several audiences in a cell, and a virtual event.
  expect(new Set(report.records.map((r) => r.values.engagement)).size).toBe(3);
  expect(report.records.some((r) => (r.values.audience as string[]).length > 1)).toBe(true);
  expect(report.records.map((r) => r.values.street)).toContain('Virtual');
});

test('another collection gets its own template: headings, lists and period from its definition', async () => {
  const other = {
    ...HSH_2023,
    id: 'made-up-2024',
    period: { start: '2024-01-01', end: '2024-12-31' },
    fields: HSH_2023.fields.filter((f) => f.id !== 'description').map((f) => (f.id === 'title' ? { ...f, label: 'Event name' } : f)),
    enumerations: { ...HSH_2023.enumerations, engagement: HSH_2023.enumerations.engagement!.slice(0, 2) },
  };
  const b = new XlsxWorkbook();
  await b.xlsx.load(Buffer.from(await buildTemplate({ collection: other })) as unknown as ArrayBuffer);
  const ws = b.getWorksheet('Events')!;
  expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(other.fields.map((f) => f.label));
  const date = ws.getCell('B2').dataValidation;
  expect(date.error).toContain('between 1/1/2024 and 12/31/2024');
  const level = ws.getCell(`${String.fromCharCode(65 + other.fields.findIndex((f) => f.id === 'engagement'))}2`).dataValidation;
  expect(level.prompt).toBe('Required. Choose one from the list: Touchpoint, Engagement level one.');
  const instructions: string[] = [];
  b.getWorksheet('Instructions')!.eachRow((row) => instructions.push(String(row.getCell(1).value)));
  expect(instructions.join('\n')).not.toContain('Deadline');
});

/** The texts of a sheet's cells that wrap, with the column width and row height they are shown in. */
function wrapped(ws: Worksheet): { address: string; text: string; width: number; height: number | undefined }[] {
  const out: { address: string; text: string; width: number; height: number | undefined }[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell, c) => {
      if (typeof cell.value === 'string' && cell.alignment?.wrapText) out.push({ address: cell.address, text: cell.value, width: ws.getColumn(c).width ?? 9, height: row.height });
    }),
  );
  return out;
}

test('as a spreadsheet shows it: headings and examples whole, long texts wrapped in rows tall enough, fonts named, printed on the page width', () => {
  const events = sheet(TEMPLATE_SHEETS.events);
  const examples = sheet(TEMPLATE_SHEETS.examples);
  HSH_2023.fields.forEach((f, i) => {
    // Room for the heading and its filter button.
    expect(events.getColumn(i + 1).width).toBeGreaterThanOrEqual(f.label.length + 2);
    expect(examples.getColumn(i + 1).width).toBe(events.getColumn(i + 1).width);
  });
  // An example longer than its column wraps, in a row of two lines or more.
  const long = wrapped(examples).filter((w) => w.text.length > w.width * 1.2);
  expect(long.length).toBeGreaterThan(0);
  for (const w of long) expect(w.height).toBeGreaterThanOrEqual(30);

  for (const name of [TEMPLATE_SHEETS.instructions, TEMPLATE_SHEETS.legend]) {
    const cells = wrapped(sheet(name));
    expect(cells.length).toBeGreaterThan(5);
    for (const w of cells) {
      // One line of 15 points per ~1.2 characters of width, at the least.
      const lines = Math.ceil(w.text.length / (w.width * 1.25));
      if (lines > 1) expect({ at: w.address, tallEnough: (w.height ?? 0) >= lines * 15 }).toEqual({ at: w.address, tallEnough: true });
    }
  }
  // The Legend's labels and ids whole: the columns are as wide as the longest.
  const legend = sheet(TEMPLATE_SHEETS.legend);
  const options = Object.values(HSH_2023.enumerations).flat();
  expect(legend.getColumn(2).width).toBeGreaterThanOrEqual(Math.max(...options.map((o) => o.label.length)));
  expect(legend.getColumn(3).width).toBeGreaterThanOrEqual(Math.max(...options.map((o) => o.id.length)));

  for (const ws of book.worksheets.filter((w) => w.state === 'visible')) {
    expect({ sheet: ws.name, ...ws.pageSetup }).toMatchObject({ sheet: ws.name, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    // Bold headings in the workbook's font, not a face left to the program.
    expect({ sheet: ws.name, font: ws.getCell('A1').font }).toMatchObject({ sheet: ws.name, font: { name: 'Calibri', bold: true } });
  }
});
