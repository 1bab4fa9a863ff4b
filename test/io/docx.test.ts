import { ReadError } from '../../src/io/errors';
import { readWorkbookBytes } from '../../src/io/readWorkbook';
import { cfb, docx, wordTable, zip } from './fixtures';

/** The tables of a Word document, read as sheets. */

const text = (rows: { value: unknown }[][]) => rows.map((r) => r.map((c) => c.value));

async function refusal(bytes: Uint8Array): Promise<ReadError> {
  const e = await readWorkbookBytes(bytes, 'list.docx').then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ReadError);
  expect((e as ReadError).message).not.toMatch(/\n/);
  return e as ReadError;
}

test('each table is a sheet, each row a row, every cell text', async () => {
  const body =
    '<w:p><w:r><w:t>Our events in 2023</w:t></w:r></w:p>' +
    wordTable([
      ['Event', 'Date', 'Parents'],
      ['Story time', '3/4/2023', '12'],
      ['Café night', '2023-05-06', ''],
    ]) +
    '<w:p/>' +
    wordTable([['Staff'], ['Ana']]);
  const wb = await readWorkbookBytes(docx(body), 'events.docx');
  expect(wb.sheets.map((s) => s.name)).toEqual(['Table 1', 'Table 2']);
  expect(text(wb.sheets[0]!.rows)).toEqual([
    ['Event', 'Date', 'Parents'],
    ['Story time', '3/4/2023', '12'],
    ['Café night', '2023-05-06'],
  ]);
  expect(wb.sheets[0]!.rows[1]![2]).toEqual({ kind: 'text', value: '12' });
  expect(text(wb.sheets[1]!.rows)).toEqual([['Staff'], ['Ana']]);
  expect(wb.date1904).toBe(false);
});

test('runs join, paragraphs and breaks become lines, tabs stay; deleted text and field codes are left out', async () => {
  const cell =
    '<w:p><w:r><w:t>Story</w:t></w:r><w:r><w:t xml:space="preserve"> time</w:t></w:r><w:del><w:r><w:delText>old</w:delText></w:r></w:del></w:p>' +
    '<w:p><w:r><w:t>at the</w:t><w:br/><w:t>library</w:t><w:tab/><w:t>10am</w:t></w:r></w:p>' +
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>1</w:t></w:r></w:p>';
  const wb = await readWorkbookBytes(docx(wordTable([[cell]])), 'x.docx');
  expect(wb.sheets[0]!.rows[0]![0]!.value).toBe('Story time\nat the\nlibrary\t10am\n1');
});

test('a cell spanning columns (gridSpan) or rows (vMerge) is a merged area with its text in the top-left cell', async () => {
  const span = '<w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>Spring</w:t></w:r></w:p>';
  const restart = '<w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>Library</w:t></w:r></w:p>';
  const cont = '<w:tcPr><w:vMerge/></w:tcPr><w:p/>';
  const wb = await readWorkbookBytes(
    docx(
      wordTable([
        [span, 'Site'],
        ['Mar', 'Apr', restart],
        ['May', 'Jun', cont],
        ['Jul', 'Aug', cont],
        ['Sep', 'Oct', 'Park'],
      ]),
    ),
    'x.docx',
  );
  const sheet = wb.sheets[0]!;
  expect(text(sheet.rows)).toEqual([
    ['Spring', null, 'Site'],
    ['Mar', 'Apr', 'Library'],
    ['May', 'Jun'],
    ['Jul', 'Aug'],
    ['Sep', 'Oct', 'Park'],
  ]);
  expect(sheet.merges).toEqual([
    { top: 0, left: 0, bottom: 0, right: 1 },
    { top: 1, left: 2, bottom: 3, right: 2 },
  ]);
});

test('a table nested in a cell is a sheet of its own; rows with gridBefore start further right', async () => {
  const nested = wordTable([['inner']]);
  const wb = await readWorkbookBytes(
    docx(`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>outer</w:t></w:r></w:p>${nested}<w:p/></w:tc></w:tr><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>right</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`),
    'x.docx',
  );
  expect(wb.sheets.map((s) => [s.name, text(s.rows)])).toEqual([
    ['Table 1', [['outer'], [null, 'right']]],
    ['Table 2', [['inner']]],
  ]);
});

test('a macro-enabled document (.docm) and a template (.dotx) are read the same way', async () => {
  for (const ct of ['application/vnd.ms-word.document.macroEnabled.main+xml', 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml']) {
    const wb = await readWorkbookBytes(docx(wordTable([['a']]), ct), 'x.docm');
    expect([ct, wb.sheets[0]!.rows[0]![0]!.value]).toEqual([ct, 'a']);
  }
});

test('a document without a table is refused with what to do', async () => {
  const err = await refusal(docx('<w:p><w:r><w:t>We ran 12 events.</w:t></w:r></w:p>'));
  expect(err.code).toBe('unsupported_format');
  expect(err.message).toMatch(/^This Word document holds no table; put the events in a table/);
});

test('a damaged document → corrupt, in Word terms', async () => {
  const bytes = zip({ 'word/document.xml': '<w:document xmlns:w="w"><w:body><w:tbl><w:tr>' });
  const err = await refusal(bytes);
  expect(err.code).toBe('corrupt');
  expect(err.message).toMatch(/^The Word document is damaged .*open it in Word/);
});

test('an old Word .doc is refused with what to do', async () => {
  const err = await refusal(cfb(['WordDocument']));
  expect(err.code).toBe('unsupported_format');
  expect(err.message).toMatch(/old Word 97-2003 \.doc document; open it in Word and save it as \.docx/);
});

test('the same limits: cells and tables', async () => {
  const rows = Array.from({ length: 40 }, (_v, r) => [`event ${r}`, `${r}`]);
  expect(await readWorkbookBytes(docx(wordTable(rows)), 'x.docx', { maxCells: 100 }).catch((e: unknown) => (e as ReadError).code)).toBe('too_complex');
  const many = Array.from({ length: 5 }, () => wordTable([['a']])).join('<w:p/>');
  expect(await readWorkbookBytes(docx(many), 'x.docx', { maxSheets: 4 }).catch((e: unknown) => (e as ReadError).code)).toBe('too_complex');
});
