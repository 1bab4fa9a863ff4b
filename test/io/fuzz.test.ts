import fc from 'fast-check';
import { ReadError } from '../../src/io/errors';
import type { ReadLimits } from '../../src/io/limits';
import { readWorkbookBytes } from '../../src/io/readWorkbook';
import { docx, legacyWorkbook, wordTable, xlsx, zip } from './fixtures';

/** Whatever the bytes, the reader resolves or rejects with a ReadError: never another error type. */
async function resolvesOrReadError(bytes: Uint8Array, name = 'fuzz.xlsx', limits?: Partial<ReadLimits>): Promise<boolean> {
  try {
    await readWorkbookBytes(bytes, name, limits);
    return true;
  } catch (e) {
    if (e instanceof ReadError && e.message.length > 0 && !e.message.includes('\n')) {
      // A wrapped TypeError or RangeError would be a bug of ours that only the wrapper hid.
      if (e.cause instanceof TypeError || e.cause instanceof RangeError) throw e.cause;
      return true;
    }
    throw e;
  }
}

const VALID = [
  xlsx({
    sharedStrings: ['Title', 'Story time', 'Rich'],
    styles: { xfs: [0, 14, 164], numFmts: { 164: 'dd/mm/yyyy' } },
    date1904: '1',
    sheets: [
      {
        name: 'Events',
        data:
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>Da</t></r><r><t>te</t></r></is></c></row>' +
          '<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="1"><v>44986</v></c><c r="C2"><f t="shared" si="0" ref="C2:C3">B2+1</f><v>44987</v></c></row>' +
          '<row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" s="2" t="d"><v>2023-03-04</v></c><c r="C3"><f t="shared" si="0"/><v>1</v></c></row>',
        after: '<mergeCells count="1"><mergeCell ref="A5:C5"/></mergeCells>',
      },
      { name: 'Hidden', data: '<row r="1"><c r="A1" t="e"><v>#N/A</v></c></row>', state: 'hidden' },
    ],
  }),
  xlsx({ sheets: [{ name: 'S', data: '<row><c><v>1</v></c></row>' }], level: 0 }),
];

/** The formats read with SheetJS, and a Word table: their corruptions must end the same way. */
const LEGACY_ROWS = [
  ['Event', 'Date', 'Count'],
  ['Story time', { t: 'n', v: 45_000, z: 'm/d/yyyy' }, 12],
  [true, { t: 'e', v: 7 }, 'Café'],
];
const LEGACY = [
  ...(['biff8', 'biff5', 'biff2', 'xlsb', 'ods'] as const).map((bookType) => legacyWorkbook(bookType, [{ name: 'Events', rows: LEGACY_ROWS, merges: ['A4:B4'] }, { name: 'H', rows: [[1]], hidden: true }])),
  docx(wordTable([['Event', 'Date'], ['Story time', '3/4/2023']])),
];

const PREFIXES = [
  [],
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  [0xef, 0xbb, 0xbf],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0x09, 0x08, 0x10, 0x00],
  [0x3c, 0x3f, 0x78, 0x6d, 0x6c],
];

/** Flipped bytes, a truncation or spliced junk: what damage does to a file in transit or on a bad disk. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), junk: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(valid: Uint8Array, m: Mutation): Uint8Array {
  const bytes = new Uint8Array(valid);
  if (m.kind === 'flip') {
    for (const [pos, byte] of m.at) bytes[pos % bytes.length] = byte;
    return bytes;
  }
  if (m.kind === 'truncate') return bytes.subarray(0, m.at % bytes.length);
  const at = m.at % bytes.length;
  return new Uint8Array([...bytes.subarray(0, at), ...m.junk, ...bytes.subarray(at)]);
}

describe('fuzz: readWorkbookBytes never throws anything but ReadError', () => {
  test('random bytes, with and without known magic numbers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PREFIXES), fc.uint8Array({ maxLength: 3000 }), fc.constantFrom('a.xlsx', 'a.csv'), async (prefix, body, name) =>
        resolvesOrReadError(new Uint8Array([...prefix, ...body]), name),
      ),
      { numRuns: 400 },
    );
  });

  test('valid xlsx bytes with random corruption (flipped bytes, truncation, spliced junk)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...VALID), mutation, async (valid, m) => {
        const bytes = mutate(valid, m);
        return resolvesOrReadError(bytes);
      }),
      { numRuns: 1500 },
    );
  });

  test('valid .xls, .xlsb, .ods and .docx bytes with random corruption', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...LEGACY), mutation, async (valid, m) => {
        const bytes = mutate(valid, m);
        // SheetJS loops on some damaged records until the time budget interrupts it: a short budget keeps the run short.
        return resolvesOrReadError(bytes, 'fuzz.xls', { maxMillis: 1500 });
      }),
      { numRuns: 600 },
    );
  });

  test('random XML-ish worksheet content inside a valid package', async () => {
    const token = fc.constantFrom('<row>', '</row>', '<row r="0">', '<row r="9999999999">', '<c r="A1">', '<c r="ZZZZ1" t="s">', '<c t="d">', '<c s="99">', '</c>', '<v>', '</v>', '<v>1e999</v>', '<v>-0</v>', '<f t="shared" si="0"/>', '<is><t>', '</t></is>', '<mergeCell ref="B2:A1"/>', '<mergeCell ref=":"/>', '&amp;', '&#0;', '<![CDATA[x]]>', 'x', ' ');
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 60 }), async (tokens) => {
        const bytes = zip({
          '_rels/.rels': '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
          'xl/workbook.xml': '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
          'xl/_rels/workbook.xml.rels': '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
          'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${tokens.join('')}</sheetData></worksheet>`,
        });
        return resolvesOrReadError(bytes);
      }),
      { numRuns: 500 },
    );
  });
});
