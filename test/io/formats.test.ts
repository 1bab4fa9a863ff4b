import { ReadError, type ReadErrorCode } from '../../src/io/errors';
import { readWorkbookBytes } from '../../src/io/readWorkbook';
import { cfb, utf8, xlsx, zip } from './fixtures';

async function refusal(bytes: Uint8Array, name: string): Promise<ReadError> {
  const result = await readWorkbookBytes(bytes, name).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(result).toBeInstanceOf(ReadError);
  return result as ReadError;
}

const odsParts = (mimetype = 'application/vnd.oasis.opendocument.spreadsheet') => ({
  mimetype,
  'content.xml': '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
  'META-INF/manifest.xml': `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mimetype}"/></manifest:manifest>`,
});

describe('the format is told from the bytes, with a reason a partner can act on', () => {
  const cases: [string, Uint8Array, string, ReadErrorCode, RegExp][] = [
    ['encrypted xlsx (CFB with EncryptedPackage)', cfb(['EncryptionInfo', 'EncryptedPackage']), 'events.xlsx', 'encrypted', /password-protected; remove the password \(File > Info > Protect Workbook\)/],
    // .xls, .ods and .xlsb are read (legacy.test.ts); these ones are containers with nothing readable inside.
    ['an .xls whose Workbook stream is empty', cfb(['Workbook', '\u0005SummaryInformation']), 'events.xls', 'corrupt', /^The Excel 97-2003 \(\.xls\) file is damaged or in a form we cannot read; open it in Excel, save it again as \.xlsx/],
    ['that .xls misnamed .xlsx', cfb(['Workbook']), 'events.xlsx', 'corrupt', /Excel 97-2003 \(\.xls\) file is damaged/],
    ['an Excel 5 .xls whose Book stream is empty', cfb(['Book']), 'old.xls', 'corrupt', /\.xls\) file is damaged/],
    ['an Office container that is no workbook', cfb(['Contents']), 'events.xls', 'unsupported_format', /not an Excel workbook/],
    ['an .ods without a single table', zip(odsParts()), 'events.ods', 'corrupt', /^The OpenDocument \(\.ods\) file is damaged .*open it in LibreOffice/],
    ['that .ods without its mimetype entry', zip({ 'content.xml': '<x/>', 'META-INF/manifest.xml': odsParts()['META-INF/manifest.xml'] }), 'events.ods', 'corrupt', /\.ods\) file is damaged/],
    ['that .ods misnamed .xlsx', zip(odsParts()), 'events.xlsx', 'corrupt', /\.ods\) file is damaged/],
    [
      'xlsb',
      zip({
        '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>',
        '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
        'xl/workbook.bin': new Uint8Array([0x83, 0x01, 0x00]),
      }),
      'events.xlsb',
      'corrupt',
      /^The Excel binary \(\.xlsb\) file is damaged or in a form we cannot read; open it in Excel, save it again as \.xlsx/,
    ],
    ['xlsb without package parts', zip({ 'xl/workbook.bin': new Uint8Array([1]) }), 'x.xlsx', 'corrupt', /\.xlsb\) file is damaged/],
    [
      'Word document without a table',
      zip({
        '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        'word/document.xml': '<w:document xmlns:w="x"/>',
      }),
      'events.xlsx',
      'unsupported_format',
      /^This Word document holds no table/,
    ],
    ['some other zip', zip({ 'photos/a.jpg': new Uint8Array([0xff, 0xd8, 0xff]), 'readme.txt': 'hi' }), 'events.zip', 'unsupported_format', /zip archive, not an Excel workbook/],
    ['a zip holding an xlsx', zip({ 'events.xlsx': xlsx({ sheets: [{ name: 'S', data: '' }] }) }), 'events.zip', 'unsupported_format', /unzip it/],
    ['an empty zip', new Uint8Array([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]), 'events.xlsx', 'corrupt', /damaged/],
    ['a truncated zip', xlsx({ sheets: [{ name: 'S', data: '' }] }).subarray(0, 200), 'events.xlsx', 'corrupt', /damaged/],
    ['PDF', utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'events.xlsx', 'unsupported_format', /PDF/],
    ['PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'events.xlsx', 'unsupported_format', /picture/],
    ['HTML table saved as .xls', utf8('<html><body><table><tr><td>Title</td></tr></table></body></html>'), 'export.xls', 'unsupported_format', /web page \(HTML\)/],
    [
      'Excel 2003 XML spreadsheet',
      utf8('<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>'),
      'events.xml',
      'unsupported_format',
      /Excel 2003 XML spreadsheet/,
    ],
    ['binary junk', new Uint8Array(Array.from({ length: 600 }, (_v, i) => (i * 7919) % 256)), 'events.xlsx', 'unsupported_format', /neither an Excel workbook/],
    ['zero bytes', new Uint8Array(0), 'events.xlsx', 'empty', /empty/],
  ];

  test.each(cases)('%s', async (_label, bytes, name, code, message) => {
    const err = await refusal(bytes, name);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    // One line, no internals.
    expect(err.message).not.toMatch(/\n|undefined|Cannot read|TypeError|saxes|fflate/);
  });

  test('a CFB whose directory cannot be walked still tells encrypted from xls by its stream names', async () => {
    const bytes = cfb(['EncryptedPackage']);
    bytes[0x1e] = 7; // impossible sector size
    expect((await refusal(bytes, 'x.xlsx')).code).toBe('encrypted');
  });

  test('a workbook named .csv is read as a workbook, a CSV named .xlsx as a CSV', async () => {
    const asCsv = await readWorkbookBytes(xlsx({ sheets: [{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }] }), 'events.csv');
    expect(asCsv.source).toBe('xlsx');
    const asXlsx = await readWorkbookBytes(utf8('a,b\n1,2\n'), 'events.xlsx');
    expect(asXlsx.source).toBe('csv');
  });
});
