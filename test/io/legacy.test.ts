import { deflateSync, strToU8 } from 'fflate';
import type { Workbook } from '../../src/core/workbook';
import { ReadError, type ReadErrorCode } from '../../src/io/errors';
import { checkBiffCells, checkXlsbCells, scanOds } from '../../src/io/legacy/precount';
import { Budget, resolveLimits } from '../../src/io/limits';
import { readWorkbookBytes } from '../../src/io/readWorkbook';
import { openZip } from '../../src/io/zip';
import { cfb, encryptedXls, legacyWorkbook, rawZip, xlsWithSheetRecord, xlsx, zip, type LegacySheetSpec } from './fixtures';

/** .xls, .xlsb and .ods, written here by SheetJS's writer and read back through readWorkbookBytes. */

async function refusal(promise: Promise<unknown>): Promise<ReadError> {
  const result = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(result).toBeInstanceOf(ReadError);
  const err = result as ReadError;
  expect(err.message).not.toMatch(/\n|undefined|TypeError|SheetJS|Cannot read/);
  return err;
}

const codeOf = async (promise: Promise<unknown>): Promise<ReadErrorCode | 'read'> =>
  promise.then(
    () => 'read' as const,
    (e: unknown) => (e instanceof ReadError ? e.code : Promise.reject(e)),
  );

const EVENTS: LegacySheetSpec = {
  name: 'Events',
  rows: [
    ['Event', 'Date', 'Parents', 'Virtual', 'Check'],
    ['Story time', { t: 'n', v: 45_000, z: 'm/d/yyyy' }, 12, true, { t: 'e', v: 0x2a }],
    ['Café à la carte', { t: 'n', v: 45_001.5, z: 'm/d/yyyy h:mm' }, 3.25, false],
    ['Merged title'],
  ],
  merges: ['A4:C4'],
};
const HIDDEN: LegacySheetSpec = { name: 'Lists', rows: [['hidden']], hidden: true };

/** SheetJS's .ods writer does not write a sheet's visibility; a LibreOffice-style hidden sheet is tested below. */
const FORMATS = [
  ['.xls (BIFF8, Excel 97-2003)', 'biff8', 'events.xls', true],
  ['.xlsb', 'xlsb', 'events.xlsb', true],
  ['.ods', 'ods', 'events.ods', false],
] as const;

describe.each(FORMATS)('%s', (_label, bookType, fileName, writesHidden) => {
  let wb: Workbook;
  beforeAll(async () => {
    wb = await readWorkbookBytes(legacyWorkbook(bookType, [EVENTS, HIDDEN]), fileName);
  });

  test('text, numbers, booleans and errors keep their kinds', () => {
    const rows = wb.sheets[0]!.rows;
    expect(rows[0]!.map((c) => c.value)).toEqual(['Event', 'Date', 'Parents', 'Virtual', 'Check']);
    expect(rows[1]![0]).toMatchObject({ kind: 'text', value: 'Story time' });
    expect(rows[1]![2]).toMatchObject({ kind: 'number', value: 12 });
    expect(rows[1]![3]).toMatchObject({ kind: 'boolean', value: true });
    expect(rows[2]![0]).toMatchObject({ kind: 'text', value: 'Café à la carte' });
    expect(rows[2]![2]).toMatchObject({ kind: 'number', value: 3.25 });
    expect(rows[2]![3]).toMatchObject({ kind: 'boolean', value: false });
  });

  test('dates are serial numbers in the workbook system, with their format', () => {
    const rows = wb.sheets[0]!.rows;
    expect(rows[1]![1]).toMatchObject({ kind: 'date', value: 45_000 });
    expect(rows[1]![1]!.format).toMatch(/d/);
    expect(rows[2]![1]).toMatchObject({ kind: 'date', value: 45_001.5 });
    expect(wb.date1904).toBe(false);
  });

  test('merged areas and hidden sheets', () => {
    expect(wb.sheets.map((s) => [s.name, s.hidden === true])).toEqual([
      ['Events', false],
      ['Lists', writesHidden],
    ]);
    expect(wb.sheets[0]!.merges).toEqual([{ top: 3, left: 0, bottom: 3, right: 2 }]);
    expect(wb.sheets[0]!.rows[3]![0]).toMatchObject({ kind: 'text', value: 'Merged title' });
  });

  test('trailing empty cells and rows are not kept', () => {
    const rows = wb.sheets[0]!.rows;
    expect(rows).toHaveLength(4);
    expect(rows[3]).toHaveLength(1);
  });
});

test('.xls and .xlsb in the 1904 date system say so, and keep their serials', async () => {
  for (const bookType of ['biff8', 'xlsb'] as const) {
    const wb = await readWorkbookBytes(legacyWorkbook(bookType, [{ name: 'S', rows: [[{ t: 'n', v: 43_538, z: 'm/d/yyyy' }]] }], { date1904: true }), 'old.xls');
    expect([bookType, wb.date1904, wb.sheets[0]!.rows[0]![0]]).toEqual([bookType, true, expect.objectContaining({ kind: 'date', value: 43_538 })]);
  }
});

test('Excel 5 (BIFF5) and Excel 2 (BIFF2) files read too', async () => {
  const biff5 = await readWorkbookBytes(legacyWorkbook('biff5', [EVENTS, HIDDEN]), 'excel95.xls');
  expect(biff5.sheets.map((s) => s.name)).toEqual(['Events', 'Lists']);
  expect(biff5.sheets[1]!.hidden).toBe(true);
  expect(biff5.sheets[0]!.rows[1]![1]).toMatchObject({ kind: 'date', value: 45_000 });
  const biff2 = await readWorkbookBytes(legacyWorkbook('biff2', [EVENTS]), 'excel2.xls');
  expect(biff2.sheets[0]!.rows[1]!.slice(0, 3).map((c) => c.value)).toEqual(['Story time', 45_000, 12]);
});

test('the format is told from the bytes: an .xls named .xlsx, an .ods named .csv', async () => {
  expect((await readWorkbookBytes(legacyWorkbook('biff8', [EVENTS]), 'events.xlsx')).sheets[0]!.name).toBe('Events');
  expect((await readWorkbookBytes(legacyWorkbook('ods', [EVENTS]), 'events.csv')).sheets[0]!.name).toBe('Events');
});

describe('refusals, in one line', () => {
  test('a password-protected .xls → encrypted, before SheetJS is given it', async () => {
    const err = await refusal(readWorkbookBytes(encryptedXls(), 'secret.xls'));
    expect(err.code).toBe('encrypted');
    expect(err.message).toMatch(/^This is an old Excel 97-2003 \.xls file protected with a password; .*remove the password/);
  });

  test('junk in an .xls container → corrupt', async () => {
    const err = await refusal(readWorkbookBytes(cfb(['Workbook']), 'events.xls'));
    expect(err.code).toBe('corrupt');
    expect(err.message).toMatch(/^The Excel 97-2003 \(\.xls\) file is damaged or in a form we cannot read; open it in Excel, save it again as \.xlsx/);
  });

  test('a truncated .xls → corrupt', async () => {
    const bytes = legacyWorkbook('biff8', [EVENTS]);
    expect((await refusal(readWorkbookBytes(bytes.subarray(0, 1500), 'events.xls'))).code).toBe('corrupt');
  });

  test('an .ods whose content.xml is not XML → corrupt', async () => {
    const bytes = zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content><table:table', 'META-INF/manifest.xml': '<m/>' });
    expect((await refusal(readWorkbookBytes(bytes, 'events.ods'))).code).toBe('corrupt');
  });

  test('an .xlsb whose workbook part is junk → corrupt', async () => {
    const bytes = zip({
      '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>',
      '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
      'xl/workbook.bin': new Uint8Array([0x83, 0x01, 0x00]),
    });
    const code = (await refusal(readWorkbookBytes(bytes, 'events.xlsb'))).code;
    expect(code).toBe('corrupt');
  });
});

describe('the same limits as every read', () => {
  const big: LegacySheetSpec = { name: 'Big', rows: Array.from({ length: 200 }, (_v, r) => [`event ${r}`, r, r * 2]) };

  test.each(['biff8', 'biff5', 'xlsb', 'ods'] as const)('%s: more cells than the limit → too_complex; within it, read', async (bookType) => {
    const bytes = legacyWorkbook(bookType, [big]);
    const err = await refusal(readWorkbookBytes(bytes, 'big', { maxCells: 300 }));
    expect(err.code).toBe('too_complex');
    expect(err.message).toMatch(/more than 300 cells/);
    expect(await codeOf(readWorkbookBytes(bytes, 'big', { maxCells: 2000 }))).toBe('read');
  });

  test('more sheets than the limit → too_complex', async () => {
    const sheets = Array.from({ length: 4 }, (_v, i) => ({ name: `S${i}`, rows: [[i]] }));
    for (const bookType of ['biff8', 'xlsb', 'ods'] as const) expect([bookType, await codeOf(readWorkbookBytes(legacyWorkbook(bookType, sheets), 'x', { maxSheets: 3 }))]).toEqual([bookType, 'too_complex']);
  });

  test('a file above the byte limit → too_large', async () => {
    expect((await refusal(readWorkbookBytes(legacyWorkbook('biff8', [big]), 'big.xls', { maxFileBytes: 1000 }))).code).toBe('too_large');
  });

  test('reading past the time budget → too_complex', async () => {
    const bytes = legacyWorkbook('biff8', [{ name: 'Long', rows: Array.from({ length: 3000 }, (_v, r) => [r, r + 1]) }]);
    let now = 1_000_000;
    const spy = jest.spyOn(Date, 'now').mockImplementation(() => (now += 400));
    try {
      const err = await refusal(readWorkbookBytes(bytes, 'big.xls', { maxMillis: 1000 }));
      expect(err.code).toBe('too_complex');
      expect(err.message).toMatch(/took too long to read/);
    } finally {
      spy.mockRestore();
    }
  });

  test('an .xls record too short for its own fields, on which SheetJS loops, ends at the time budget as too_complex', async () => {
    // An array-formula record of 2 bytes: SheetJS reads its formula length past the end and never returns.
    for (const [bookType, type] of [
      ['biff5', 0x0021],
      ['biff8', 0x0221],
    ] as const) {
      const err = await refusal(readWorkbookBytes(xlsWithSheetRecord(bookType, type, [0xff, 0xff]), 'loop.xls', { maxMillis: 1000 }));
      expect([bookType, err.code, err.message]).toEqual([bookType, 'too_complex', expect.stringMatching(/^The workbook took too long to read \(over 1 s\)/)]);
    }
    // And the console SheetJS was silenced for is back.
    expect(typeof console.error).toBe('function');
    expect(console.error.name).not.toBe('silent');
  });

  test('an .ods repeat-count bomb (17 billion cells from one) is refused from its counts, before SheetJS would build them', async () => {
    const content =
      '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">' +
      '<office:body><office:spreadsheet><table:table table:name="Bomb"><table:table-row table:number-rows-repeated="1048576">' +
      '<table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>' +
      '</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>';
    const styles = '<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>';
    const bytes = zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': content, 'styles.xml': styles, 'META-INF/manifest.xml': '<m/>' });
    const err = await refusal(readWorkbookBytes(bytes, 'bomb.ods'));
    expect(err.code).toBe('too_complex');
    // Repeats of an empty cell cost nothing: whole empty rows and columns are how LibreOffice pads every sheet.
    const padded = content.replace(' office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>', '/>').replace('</table:table-row>', '</table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>kept</text:p></table:table-cell></table:table-row>');
    const wb = await readWorkbookBytes(zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': padded, 'styles.xml': styles, 'META-INF/manifest.xml': '<m/>' }), 'padded.ods');
    expect(wb.sheets[0]!.rows[1_048_576]![0]).toMatchObject({ kind: 'text', value: 'kept' });
  });

  test('a zip bomb in any part of an .xlsb or .ods → too_large, before SheetJS unpacks it', async () => {
    const run = new Uint8Array(60_000_000);
    const bomb = deflateSync(run, { level: 9 });
    for (const [bookType, name] of [
      ['xlsb', 'xl/media/image1.bin'],
      ['ods', 'Thumbnails/thumbnail.png'],
    ] as const) {
      const files = openZip(legacyWorkbook(bookType, [EVENTS]));
      const entries = files.entries.map((e) => {
        const data = files.read(e, new Budget(resolveLimits()));
        return { name: e.name, data: deflateSync(data), method: 8 as const, declaredSize: data.length };
      });
      entries.push({ name, data: bomb, method: 8, declaredSize: run.length });
      expect([bookType, (await refusal(readWorkbookBytes(rawZip(entries), `bomb.${bookType}`))).code]).toEqual([bookType, 'too_large']);
    }
  });
});

describe('the counts made before SheetJS runs', () => {
  const budget = (maxCells: number) => new Budget(resolveLimits({ maxCells }));

  test('BIFF: one per record, a MULRK as the numbers it holds', () => {
    const record = (type: number, len: number) => [type & 0xff, type >> 8, len & 0xff, len >> 8, ...new Array<number>(len).fill(0)];
    const stream = new Uint8Array([...record(0x0809, 16), ...record(0x00bd, 6 + 6 * 10), ...record(0x0203, 14)]);
    expect(() => checkBiffCells(stream, budget(12))).not.toThrow();
    expect(() => checkBiffCells(stream, budget(11))).toThrow(/more than 11 cells/);
  });

  test('XLSB: the cell records of the worksheet parts', () => {
    const bytes = legacyWorkbook('xlsb', [{ name: 'S', rows: [['a', 1, true], [2, 3]] }]);
    expect(() => checkXlsbCells(openZip(bytes), budget(5))).not.toThrow();
    expect(() => checkXlsbCells(openZip(bytes), budget(4))).toThrow(ReadError);
  });

  test('ODS: cells times their repeats, and hidden tables', () => {
    const content =
      '<office:document-content xmlns:office="o" xmlns:table="t" xmlns:style="s" xmlns:text="x"><office:automatic-styles><style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles>' +
      '<office:body><office:spreadsheet><table:table table:name="Shown" table:style-name="ta1"><table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="4"><text:p>x</text:p></table:table-cell><table:table-cell table:number-columns-repeated="999"/></table:table-row></table:table>' +
      '<table:table table:name="Secret" table:style-name="ta2"/></office:spreadsheet></office:body></office:document-content>';
    const archive = openZip(zip({ 'content.xml': content }));
    expect(scanOds(archive, budget(12)).hiddenTables).toEqual(new Set(['Secret']));
    expect(() => scanOds(archive, budget(11))).toThrow(/more than 11 cells/);
  });
});

test('an .ods hidden sheet written by LibreOffice (display="false") is hidden', async () => {
  const content =
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">' +
    '<office:automatic-styles><style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style><style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles>' +
    '<office:body><office:spreadsheet>' +
    '<table:table table:name="Events" table:style-name="ta1"><table:table-row><table:table-cell office:value-type="string"><text:p>Event</text:p></table:table-cell></table:table-row></table:table>' +
    '<table:table table:name="Old" table:style-name="ta2"><table:table-row><table:table-cell office:value-type="date" office:date-value="2023-03-04"><text:p>03/04/23</text:p></table:table-cell></table:table-row></table:table>' +
    '</office:spreadsheet></office:body></office:document-content>';
  const styles = '<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>';
  const wb = await readWorkbookBytes(zip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': content, 'styles.xml': styles, 'META-INF/manifest.xml': '<m/>' }), 'lo.ods');
  expect(wb.sheets.map((s) => [s.name, s.hidden === true])).toEqual([
    ['Events', false],
    ['Old', true],
  ]);
  // 4 March 2023 is serial 44989.
  expect(wb.sheets[1]!.rows[0]![0]).toMatchObject({ kind: 'date', value: 44_989 });
});

test('a sheet name Excel could not have written (read from the wrong bytes of a damaged file) becomes "Sheet N"', async () => {
  const bytes = legacyWorkbook('xlsb', [{ name: 'Events', rows: [['a']] }]);
  const wb = await readWorkbookBytes(bytes, 'x.xlsb');
  expect(wb.sheets[0]!.name).toBe('Events');
  // The same workbook with the name's bytes replaced by control characters.
  const files = openZip(bytes);
  const parts: Record<string, Uint8Array> = {};
  for (const e of files.entries) parts[e.name] = files.read(e, new Budget(resolveLimits()));
  const wbBin = parts['xl/workbook.bin']!;
  const name = strToU8('E\0v\0e\0n\0t\0s\0');
  for (let i = 0; i + name.length <= wbBin.length; i++) {
    if (name.every((b, j) => wbBin[i + j] === b)) {
      wbBin[i] = 0x01;
      break;
    }
  }
  expect((await readWorkbookBytes(zip(parts), 'x.xlsb')).sheets[0]!.name).toBe('Sheet1');
});

test('templates (.xltx, .xltm) and macro-enabled workbooks (.xlsm) are read by our own OOXML reader', async () => {
  const { unzipSync } = await import('fflate');
  const base = unzipSync(xlsx({ sheets: [{ name: 'Events', data: '<row r="1"><c r="A1" t="inlineStr"><is><t>Event</t></is></c></row>' }] }));
  for (const contentType of [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
    'application/vnd.ms-excel.template.macroEnabled.main+xml',
    'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  ]) {
    const parts = { ...base };
    parts['[Content_Types].xml'] = strToU8(new TextDecoder().decode(base['[Content_Types].xml']).replace('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml', contentType));
    expect(new TextDecoder().decode(parts['[Content_Types].xml'])).toContain(contentType);
    const wb = await readWorkbookBytes(zip(parts), 'template.xltx');
    expect([contentType, wb.source, wb.sheets[0]!.rows[0]![0]!.value]).toEqual([contentType, 'xlsx', 'Event']);
  }
});
