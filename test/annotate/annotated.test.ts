import { Workbook as XlsxWorkbook, ValueType, type Worksheet } from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { buildAnnotatedWorkbook } from '../../src/annotate';
import { check } from '../../src/core/check';
import { ERROR_FILL_ARGB, WARNING_FILL_ARGB } from '../../src/annotate/styles';
import type { CheckReport } from '../../src/core/report';
import type { Workbook } from '../../src/core/workbook';
import { readWorkbookBytes } from '../../src/io/readWorkbook';
import { fixtureReport, fixtureWorkbook } from './fixture';

const meta = { partner: 'Westside Library', submissionId: 'sub_golden', submittedAt: '2024-01-15T10:30:00.000Z', submittedBy: 'Ann Analyst', fileName: 'family-events.xlsx' };

let bytes: Uint8Array;
let book: XlsxWorkbook;
const sheet = (name: string): Worksheet => {
  const ws = book.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};
const fillOf = (ws: Worksheet, address: string): string | undefined => {
  const fill = ws.getCell(address).fill;
  return fill && fill.type === 'pattern' ? fill.fgColor?.argb : undefined;
};
const noteOf = (ws: Worksheet, address: string): string => {
  const note = ws.getCell(address).note;
  if (!note) return '';
  return typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
};

/**
 * The hyperlinks of a sheet as the file has them (exceljs reads internal
 * ones back as plain text): cell → location, and the cell's text.
 */
function linksOf(file: Uint8Array, name: string, wb: XlsxWorkbook = book): Map<string, { location: string | undefined; rel: string | undefined; text: unknown }> {
  const files = unzipSync(file);
  const workbookXml = strFromU8(files['xl/workbook.xml']!);
  const escaped = name.replace(/&/g, '&amp;').replace(/'/g, '&apos;');
  const rid = new RegExp(`<sheet [^>]*name="${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*r:id="([^"]+)"`).exec(workbookXml)?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(strFromU8(files['xl/_rels/workbook.xml.rels']!));
  const path = `xl/${(target?.[1] ?? target?.[2])!.replace(/^\/?xl\//, '')}`;
  const xml = strFromU8(files[path]!);
  const rels = files[path.replace(/worksheets\/(sheet\d+\.xml)$/, 'worksheets/_rels/$1.rels')];
  expect(rels ? strFromU8(rels) : '').not.toMatch(/TargetMode="External"/);
  const ws = wb.getWorksheet(name);
  const out = new Map<string, { location: string | undefined; rel: string | undefined; text: unknown }>();
  for (const [tag] of xml.matchAll(/<hyperlink\b[^>]*\/>/g)) {
    const attr = (a: string) => /* the file's XML escapes */ new RegExp(`\\s${a}="([^"]*)"`).exec(tag)?.[1]?.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    out.set(attr('ref')!, { location: attr('location'), rel: attr('r:id'), text: ws?.getCell(attr('ref')!).value });
  }
  return out;
}

beforeAll(async () => {
  bytes = await buildAnnotatedWorkbook({ workbook: fixtureWorkbook(), report: fixtureReport(), meta });
  book = new XlsxWorkbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
});

test('has the partner sheet then our five, the lists hidden', () => {
  expect(book.worksheets.map((w) => w.name)).toEqual(['2023 Events', 'Clean records', 'Issues', 'Mapping', 'Summary', 'Lists']);
  expect(sheet('Lists').state).toBe('hidden');
});

test('reproduces the partner sheet at the same addresses', () => {
  const ws = sheet('2023 Events');
  expect(ws.getCell('A1').value).toBe('Family events 2023');
  expect(ws.getCell('A3').value).toBe('Event Name');
  expect(ws.getCell('J3').value).toBe('Staff initials');
  expect(ws.getCell('A4').value).toBe('Story time');
  expect(ws.getCell('I4').value).toBe(25);
  expect(ws.getCell('I6').value).toBe('~25');
  expect(ws.getCell('B5').value).toBe('TBD');
  expect(ws.getCell('A1').isMerged).toBe(true);
  expect(ws.getCell('D1').isMerged).toBe(true);
});

test('shifts 1904-system dates to the right day', () => {
  const ws = sheet('2023 Events');
  const cell = ws.getCell('B4');
  expect(cell.value).toBeInstanceOf(Date);
  expect((cell.value as Date).toISOString()).toBe('2023-03-04T00:00:00.000Z');
  expect(cell.numFmt).toBe('m/d/yyyy');
});

test('keeps text that looks like a formula as text', () => {
  const ws = sheet('2023 Events');
  for (const address of ['A5', 'A6']) {
    expect(ws.getCell(address).type).toBe(ValueType.String);
    expect(ws.getCell(address).formula).toBeUndefined();
  }
  expect(ws.getCell('A5').value).toBe('=1+1');
  expect(ws.getCell('A6').value).toBe('=HYPERLINK("http://example.invalid","click")');
  // No formula anywhere in the file; every hyperlink is one to a cell of the file, with no relationship (none leaves the file).
  const files = unzipSync(bytes);
  let links = 0;
  for (const [path, content] of Object.entries(files)) {
    if (!path.startsWith('xl/worksheets/')) continue;
    const xml = strFromU8(content);
    expect(xml).not.toMatch(/<f[ >]/);
    for (const [tag] of xml.matchAll(/<hyperlink\b[^>]*\/>/g)) {
      links++;
      expect(tag).toMatch(/^<hyperlink ref="[A-Z]+\d+" location="'[^"]+'![A-Z]+\d+" tooltip="[^"]+"\/>$/);
    }
    if (path.includes('_rels')) expect(xml).not.toMatch(/relationships\/hyperlink/);
  }
  expect(links).toBe(fixtureReport().records.length + fixtureReport().issues.filter((i) => i.row !== undefined).length);
  expect(sheet('Clean records').getCell('B3').value).toBe('=1+1');
  expect(sheet('Clean records').getCell('B3').type).toBe(ValueType.String);
});

test('fills errors and warnings in two colours, with a note listing every issue of the cell', () => {
  const ws = sheet('2023 Events');
  expect(fillOf(ws, 'B5')).toBe(ERROR_FILL_ARGB);
  expect(fillOf(ws, 'E5')).toBe(WARNING_FILL_ARGB);
  expect(fillOf(ws, 'C6')).toBe(WARNING_FILL_ARGB);
  expect(fillOf(ws, 'I6')).toBe(WARNING_FILL_ARGB);
  // An error and a warning on one cell: the error colour, both in the note.
  expect(fillOf(ws, 'F6')).toBe(ERROR_FILL_ARGB);
  expect(noteOf(ws, 'F6')).toContain('Error: "4820" is not a 5-digit zip code. [invalid_zip]');
  expect(noteOf(ws, 'F6')).toContain('Warning: A second issue on the same cell. [zip_outside_area]');
  expect(noteOf(ws, 'B5')).toBe('Error: "TBD" is not a date. [invalid_date]');
  // A row-level issue sits on the row's first column.
  expect(fillOf(ws, 'A7')).toBe(WARNING_FILL_ARGB);
  expect(noteOf(ws, 'A7')).toContain('[duplicate_row]');
  // Clean cells stay unfilled and without notes.
  expect(fillOf(ws, 'A4')).toBeUndefined();
  expect(noteOf(ws, 'A4')).toBe('');
});

test('Clean records: the agreed columns, normalised values, frozen header, filter, drop-downs', () => {
  const ws = sheet('Clean records');
  expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
    'Row', 'Title/Event', 'Date of event', 'Type of Event', 'Description of Event', 'Street address', 'City', 'Zip',
    'Target Audience', 'Engagement level', 'Number of attendees', 'Flag',
  ]);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  expect(ws.autoFilter).toBeTruthy();
  expect(linksOf(bytes, 'Clean records').get('A2')).toEqual({ location: "'2023 Events'!A4", rel: undefined, text: '4' });
  expect((ws.getCell('C2').value as Date).toISOString()).toBe('2023-03-04T00:00:00.000Z');
  expect(ws.getCell('H2').value).toBe('48201');
  expect(ws.getCell('I5').value).toBe('parent_family_child; caregiver');
  expect(ws.getCell('J2').value).toBe('level_one');
  expect(ws.getCell('K2').value).toBe(25);
  expect(ws.getCell('C3').value).toBeNull();
  expect(ws.getCell('L2').value).toBe('ok');
  expect(ws.getCell('L3').value).toBe('error');
  expect(ws.getCell('L5').value).toBe('warning');
  const engagement = ws.getCell('J3').dataValidation;
  expect(engagement).toMatchObject({ type: 'list', formulae: ["'Lists'!$A$2:$A$5"] });
  expect(ws.getCell('I4').dataValidation).toMatchObject({ type: 'list', formulae: ["'Lists'!$B$2:$B$6"] });
  expect(ws.getCell('D5').dataValidation).toMatchObject({ type: 'list', formulae: ["'Lists'!$C$2:$C$8"] });
  expect(ws.getCell('B2').dataValidation).toBeUndefined();
  const lists = sheet('Lists');
  expect([2, 3, 4, 5].map((r) => lists.getCell(r, 1).value)).toEqual(['touchpoint', 'level_one', 'level_two', 'day_of_young_child']);
});

test('Issues: one row per issue with a link to its cell', () => {
  const ws = sheet('Issues');
  expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['Sheet', 'Row', 'Cell', 'Field', 'Severity', 'Code', 'Message', 'Value', 'Link']);
  expect(ws.actualRowCount).toBe(1 + fixtureReport().issues.length);
  expect((ws.getRow(2).values as unknown[]).slice(1, 9)).toEqual(['2023 Events', 5, 'B5', 'Date of event', 'error', 'invalid_date', '"TBD" is not a date.', 'TBD']);
  const links = linksOf(bytes, 'Issues');
  expect(links.get('I2')).toEqual({ location: "'2023 Events'!B5", rel: undefined, text: 'Go to B5' });
  expect(ws.getCell('I2').font).toMatchObject({ underline: true, color: { argb: 'FF0563C1' } });
  expect(ws.getCell('C10').value).toBeNull();
  expect(links.get('I10')).toMatchObject({ location: "'2023 Events'!A7", text: 'Go to A7' });
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
});

test('Mapping and Summary', () => {
  const mapping = sheet('Mapping');
  expect((mapping.getRow(2).values as unknown[]).slice(1, 5)).toEqual(['A', 'Event Name', 'Title/Event', 'title']);
  expect(mapping.getCell('C11').value).toBe('(not used)');
  expect(mapping.getCell('C14').value).toBe('Description of Event');

  const summary = sheet('Summary');
  const rows: unknown[][] = [];
  summary.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  const find = (label: string) => rows.find((r) => r[0] === label);
  expect(find('Partner')).toEqual(['Partner', 'Westside Library']);
  expect(find('Submission')).toEqual(['Submission', 'sub_golden']);
  expect(find('Errors')).toEqual(['Errors', 3]);
  expect(find('Engagement level one')).toEqual(['Engagement level one', 2, 50]);
  expect(find('Day of the Young Child')).toEqual(['Day of the Young Child', 0, 0]);
  expect(find('Caregivers')).toEqual(['Caregivers', 1, 25]);
  expect(find('2023-03')).toEqual(['2023-03', 2, 50]);
});

test('document properties name the partner, the submission, the time and the engine', () => {
  expect(book.creator).toBe('Hope Starts Here data share');
  expect(book.title).toBe('Checked submission sub_golden from Westside Library');
  expect(book.subject).toBe('Westside Library');
  expect(book.company).toBe('Westside Library');
  expect(book.keywords).toBe('submission:sub_golden engine:0.1.0 collection:hsh-imperative2-2023');
  expect(book.description).toContain('Received: 2024-01-15T10:30:00.000Z');
  expect(book.created.toISOString()).toBe('2024-01-15T10:30:00.000Z');
});

test('a CSV (no sheet name) and a partner sheet named like ours', async () => {
  const report = { ...fixtureReport(), sheet: null };
  const workbook = fixtureWorkbook();
  workbook.sheets = [{ ...workbook.sheets[1]!, name: 'Summary' }];
  const out = new XlsxWorkbook();
  const file = await buildAnnotatedWorkbook({ workbook, report });
  await out.xlsx.load(Buffer.from(file) as unknown as ArrayBuffer);
  expect(out.worksheets.map((w) => w.name)).toEqual(['Summary (2)', 'Clean records', 'Issues', 'Mapping', 'Summary', 'Lists']);
  expect(linksOf(file, 'Issues', out).get('I2')).toMatchObject({ location: "'Summary (2)'!B5", rel: undefined, text: 'Go to B5' });
});

test('several tables: every sheet read is reproduced at the same addresses with its own highlights and notes; Issues names the sheet', async () => {
  const t = (value: string) => ({ kind: 'text' as const, value });
  const num = (value: number) => ({ kind: 'number' as const, value });
  const head = [t('Event'), t('Date'), t('Attendees')];
  const workbook: Workbook = {
    date1904: false,
    source: 'xlsx',
    sheets: [
      { name: 'Read me', rows: [[t('One sheet per month')]], merges: [] },
      { name: 'Jan', rows: [head, [t('Story time'), t('TBD'), num(5)]], merges: [] },
      { name: 'Feb', rows: [[t('February')], head, [t('Play day'), t('2023-02-08'), t('~7')]], merges: [] },
    ],
  };
  const columns = [
    { column: 'A', header: 'Event', field: 'title', confidence: 1, reason: '' },
    { column: 'B', header: 'Date', field: 'date', confidence: 1, reason: '' },
    { column: 'C', header: 'Attendees', field: 'attendees', confidence: 1, reason: '' },
  ];
  const base = fixtureReport();
  const report: CheckReport = {
    ...base,
    sheet: 'Jan',
    headerRow: 1,
    columns,
    tables: [
      { sheet: 'Jan', headerRow: 1, firstRow: 2, lastRow: 2, records: 1, columns },
      { sheet: 'Feb', headerRow: 2, firstRow: 3, lastRow: 3, records: 1, columns },
    ],
    skipped: [{ sheet: 'Read me', reason: 'Instructions, not events.' }],
    records: [{ sheet: 'Jan', row: 2, values: { title: 'Story time', attendees: 5 } }, { sheet: 'Feb', row: 3, values: { title: 'Play day', date: '2023-02-08', attendees: 7 } }],
    issues: [
      { sheet: 'Jan', row: 2, column: 'B', field: 'date', severity: 'error', code: 'invalid_date', message: '"TBD" is not a date.', value: 'TBD' },
      { sheet: 'Feb', row: 3, column: 'C', field: 'attendees', severity: 'warning', code: 'approximate_attendees', message: '"~7" is approximate.', value: '~7', normalised: 7 },
      { sheet: 'Feb', column: 'D', field: null, severity: 'warning', code: 'uncertain_mapping', message: 'Column D may be the zip.' },
    ],
  };
  const out = new XlsxWorkbook();
  const file = await buildAnnotatedWorkbook({ workbook, report });
  await out.xlsx.load(Buffer.from(file) as unknown as ArrayBuffer);
  expect(out.worksheets.map((w) => w.name)).toEqual(['Jan', 'Feb', 'Clean records', 'Issues', 'Mapping', 'Summary', 'Lists']);
  const jan = out.getWorksheet('Jan')!;
  const feb = out.getWorksheet('Feb')!;
  expect(jan.getCell('B2').value).toBe('TBD');
  expect(jan.getCell('B2').note).toBeDefined();
  expect(jan.getCell('C2').note).toBeUndefined();
  expect(feb.getCell('A1').value).toBe('February');
  expect(feb.getCell('C3').value).toBe('~7');
  expect(feb.getCell('C3').note).toBeDefined();
  // Row 2 of Feb is its header, not Jan's flagged row.
  expect(feb.getCell('B2').note).toBeUndefined();
  expect(feb.getRow(2).getCell(1).font).toMatchObject({ bold: true });
  const issues = out.getWorksheet('Issues')!;
  expect([2, 3, 4].map((r) => issues.getCell(`A${r}`).value)).toEqual(['Jan', 'Feb', 'Feb']);
  expect(linksOf(file, 'Issues', out).get('I3')).toMatchObject({ location: "'Feb'!C3", rel: undefined, text: 'Go to C3' });
  expect(linksOf(file, 'Clean records', out).get('A3')).toMatchObject({ location: "'Feb'!A3", rel: undefined, text: '3' });
  // The Summary says where the events were read from, and why a sheet was not read.
  const summary: unknown[][] = [];
  out.getWorksheet('Summary')!.eachRow((row) => summary.push((row.values as unknown[]).slice(1, 4)));
  const at = summary.findIndex((r) => r[0] === 'Sheet' && r[1] === 'Events');
  expect(summary.slice(at + 1, at + 4)).toEqual([
    ['Jan', 1, 'Read: headings in row 1, rows 2 to 2'],
    ['Feb', 1, 'Read: headings in row 2, rows 3 to 3'],
    ['Read me', undefined, 'Not read: Instructions, not events.'],
  ]);
});

test('a partner’s number format that could make a cell show something else is not copied; plain ones are', async () => {
  const n = (value: number, format: string) => ({ kind: 'number' as const, value, format });
  const d = (value: number, format: string) => ({ kind: 'date' as const, value, format });
  const workbook: Workbook = {
    date1904: false,
    source: 'xlsx',
    sheets: [{ name: 'Events', rows: [[n(25, ';;;'), n(12, '"40"'), n(7, '[>5]"many";0'), n(3, '#,##0'), d(45000, 'm/d/yyyy'), d(45001, ';;;'), n(0.5, '0%')]], merges: [] }],
  };
  const out = new XlsxWorkbook();
  await out.xlsx.load(Buffer.from(await buildAnnotatedWorkbook({ workbook, report: { ...fixtureReport(), sheet: 'Events', headerRow: null } })) as unknown as ArrayBuffer);
  const ws = out.getWorksheet('Events')!;
  const fmt = (a: string) => ws.getCell(a).numFmt ?? 'General';
  expect([fmt('A1'), fmt('B1'), fmt('C1')]).toEqual(['General', 'General', 'General']);
  expect(ws.getCell('A1').value).toBe(25);
  expect(fmt('D1')).toBe('#,##0');
  expect(fmt('E1')).toBe('m/d/yyyy');
  expect(fmt('F1')).toBe('yyyy-mm-dd');
  expect(fmt('G1')).toBe('0%');
});

test('as an analyst opens it: the partner’s column widths, no column blown up by a merged title, wrapped messages, numbers beside their headings', async () => {
  const source = new XlsxWorkbook();
  const ws = source.addWorksheet('Events');
  ws.getCell('A1').value = 'Eastside Family Center: every family event we held in the 2023 calendar year, by month';
  ws.mergeCells('A1:D1');
  ws.addRow([]);
  ws.addRow(['Event', 'Date', 'Level', 'Attendees']);
  ws.addRow(['Story time', '3/4/2023', 'L1', 12]);
  ws.getColumn(1).width = 17;
  ws.getColumn(2).width = 12;
  const workbook = await readWorkbookBytes(new Uint8Array(await source.xlsx.writeBuffer()), 'events.xlsx');
  expect(workbook.sheets[0]!.widths).toEqual([{ from: 0, to: 0, width: 17 }, { from: 1, to: 1, width: 12 }]);
  const report: CheckReport = {
    ...fixtureReport(),
    sheet: 'Events',
    headerRow: 3,
    issues: [{ sheet: 'Events', row: 4, column: 'C', field: 'engagement', severity: 'warning', code: 'invalid_engagement', message: 'A long message that explains, in a whole sentence or two, what is wrong with this cell and exactly how the partner can fix it next time.' }],
  };
  const out = new XlsxWorkbook();
  await out.xlsx.load(Buffer.from(await buildAnnotatedWorkbook({ workbook, report })) as unknown as ArrayBuffer);
  const partner = out.getWorksheet('Events')!;
  expect([partner.getColumn(1).width, partner.getColumn(2).width]).toEqual([17, 12]);
  // Columns C and D had no width of their own: fitted to the headings and values, not to the 86-character title above them.
  expect(partner.getColumn(3).width).toBeLessThan(15);
  expect(partner.getColumn(4).width).toBeLessThan(15);
  const issues = out.getWorksheet('Issues')!;
  expect(issues.getCell('G2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  expect(issues.getColumn(7).width).toBeLessThanOrEqual(80);
  // Its row is tall enough for the wrapped lines (written: LibreOffice draws them over the next rows otherwise).
  const message = String(issues.getCell('G2').value);
  expect(issues.getRow(2).height).toBeGreaterThanOrEqual(Math.ceil(message.length / (issues.getColumn(7).width! * 1.25)) * 15);
  expect(issues.getRow(2).height).toBeGreaterThan(15);
  expect(issues.getCell('A2').alignment).toMatchObject({ vertical: 'top' });
  expect(issues.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
  const summary = out.getWorksheet('Summary')!;
  expect(summary.getColumn(2).width).toBeLessThanOrEqual(14);
  // Number headings at the right of their columns, over the numbers; headings bold in the workbook's font.
  let head = 0;
  summary.eachRow((row, r) => {
    if (!head && row.getCell(1).value === 'The indicator: engagement level') head = r;
  });
  expect([1, 2, 3].map((c) => summary.getRow(head).getCell(c).alignment?.horizontal)).toEqual([undefined, 'right', 'right']);
  expect(summary.getRow(head).getCell(1).font).toMatchObject({ name: 'Calibri', bold: true });
  // The counting rule, merged over A:C, in a row tall enough for it.
  let note = 0;
  summary.eachRow((row, r) => {
    if (!note && String(row.getCell(1).value).startsWith('Counted as the indicator counts')) note = r;
  });
  const across = [1, 2, 3].reduce((w, c) => w + summary.getColumn(c).width!, 0);
  expect(summary.getRow(note).height).toBeGreaterThanOrEqual(Math.ceil(String(summary.getCell(note, 1).value).length / (across * 1.25)) * 15);
});

test('the Mapping sheet lists each table mapped otherwise under its sheet and header row (a block stacked under the first)', async () => {
  const cell = (v: string | number | null) => (v === null ? { kind: 'empty' as const, value: null } : typeof v === 'number' ? { kind: 'number' as const, value: v } : { kind: 'text' as const, value: v });
  const spring = [['Program', 'Date', 'Audience', 'Level', '# Attended'], ...[1, 2, 3].map((d) => [`Lapsit ${d}`, `3/${d}/2023`, 'Parents', 'Level 1', 8 + d])];
  const fall = [['Program', 'Date', 'Audience', 'Engagement', 'Adults', 'Kids'], ...[1, 2, 3].map((d) => [`Family night ${d}`, `9/${d}/2023`, 'Parents', 'Touchpoint', 10 + d, 5])];
  const workbook: Workbook = { date1904: false, source: 'xlsx', sheets: [{ name: 'Programs', rows: [...spring, [], ['FALL'], ...fall].map((r) => r.map(cell)), merges: [] }] };
  const report = check(workbook);
  expect(report.tables).toHaveLength(2);
  const out = new XlsxWorkbook();
  await out.xlsx.load(Buffer.from(await buildAnnotatedWorkbook({ workbook, report })) as unknown as ArrayBuffer);
  const mapping = out.getWorksheet('Mapping')!;
  const rows: unknown[][] = [];
  mapping.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 5)));
  const at = rows.findIndex((r) => r[0] === 'Sheet “Programs”, headings in row 7');
  expect(at).toBeGreaterThan(0);
  expect(rows.slice(at + 1, at + 7).map((r) => r[3])).toEqual(['title', 'date', 'audience', 'engagement', 'attendees', 'attendees']);
  expect(rows[at + 5]![2]).toBe('Number of attendees (added up)');
  // Both tables' headings are bold on the partner's sheet.
  const programs = out.getWorksheet('Programs')!;
  expect([1, 7].map((r) => programs.getRow(r).getCell(1).font?.bold)).toEqual([true, true]);
});
