import * as fsp from 'node:fs/promises';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, createDeflateRaw } from 'node:zlib';
import { ReadError } from '../../src/io/errors';
import { readWorkbookFile } from '../../src/io/readFile';
import { readWorkbookBytes } from '../../src/io/readWorkbook';
import { capCellText, MAX_CELL_TEXT } from '../../src/io/limits';
import { rawZip, xlsx, zip } from './fixtures';

async function codeOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => 'resolved',
    (err: unknown) => err,
  );
  if (e === 'resolved') return e;
  expect(e).toBeInstanceOf(ReadError);
  return (e as ReadError).code;
}

/** Raw deflate of `prefix` followed by `megabytes` MB of spaces, compressed ~1000:1 from one reused 1 MB buffer. */
async function deflatedRun(prefix: string, megabytes: number, suffix = ''): Promise<Uint8Array> {
  const d = createDeflateRaw({ level: 9, strategy: constants.Z_RLE });
  const parts: Buffer[] = [];
  d.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise((resolve) => d.on('end', resolve));
  d.write(Buffer.from(prefix));
  const chunk = Buffer.alloc(1 << 20, 0x20);
  for (let i = 0; i < megabytes; i++) d.write(chunk);
  d.end(Buffer.from(suffix));
  await done;
  return new Uint8Array(Buffer.concat(parts));
}

/** The package around one worksheet entry whose bytes are given raw. */
function packageWithSheet(sheet: { data: Uint8Array; method: 0 | 8; declaredSize: number }): Uint8Array {
  const enc = (s: string) => new TextEncoder().encode(s);
  const ns = 'http://schemas.openxmlformats.org';
  const stored = (name: string, text: string) => ({ name, data: enc(text), method: 0 as const, declaredSize: enc(text).length });
  return rawZip([
    stored('_rels/.rels', `<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    stored('xl/workbook.xml', `<workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    stored('xl/_rels/workbook.xml.rels', `<Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    { name: 'xl/worksheets/sheet1.xml', ...sheet },
  ]);
}

describe('zip bombs', () => {
  test('a 200 MB run packed into ~200 KB is refused as too_large before it is unpacked', async () => {
    const data = await deflatedRun('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>', 200, '</sheetData></worksheet>');
    expect(data.length).toBeLessThan(1_000_000);
    // The directory claims a harmless size: only what comes out of the inflater counts.
    const bytes = packageWithSheet({ data, method: 8, declaredSize: 1000 });
    const started = Date.now();
    const err = await readWorkbookBytes(bytes, 'bomb.xlsx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReadError);
    expect((err as ReadError).code).toBe('too_large');
    expect((err as ReadError).message).toMatch(/xl\/worksheets\/sheet1\.xml unpacks to far more than a real sheet would/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('the ratio is checked while unpacking: a run at the start is refused even when incompressible bytes after it make the whole entry look normal', async () => {
    // 60 MB of spaces (~60 KB packed), then 1 MB that does not compress: 61 MB from ~1.1 MB is under 200:1 overall,
    // but the first megabytes come out of a few kilobytes.
    const d = createDeflateRaw({ level: 9, strategy: constants.Z_RLE });
    const parts: Buffer[] = [];
    d.on('data', (c: Buffer) => parts.push(c));
    const done = new Promise((resolve) => d.on('end', resolve));
    d.write(Buffer.from('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'));
    const spaces = Buffer.alloc(1 << 20, 0x20);
    for (let i = 0; i < 60; i++) d.write(spaces);
    let x = 12345;
    const noise = Buffer.alloc(1 << 20);
    for (let i = 0; i < noise.length; i++) noise[i] = 0x61 + ((x = (x * 1103515245 + 12345) >>> 0) >>> 16) % 26;
    d.write(Buffer.from('<!--'));
    d.write(noise);
    d.end(Buffer.from('--></sheetData></worksheet>'));
    await done;
    const data = new Uint8Array(Buffer.concat(parts));
    expect(61e6 / data.length).toBeLessThan(200);
    const err = await readWorkbookBytes(packageWithSheet({ data, method: 8, declaredSize: 1000 }), 'front-loaded.xlsx').catch((e: unknown) => e);
    expect((err as ReadError).code).toBe('too_large');
    expect((err as ReadError).message).toMatch(/unpacks to far more than a real sheet would/);
  });

  test('the same run below the grace size reads (repetitive XML is normal)', async () => {
    const data = await deflatedRun('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>', 2, '<row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>');
    const wb = await readWorkbookBytes(packageWithSheet({ data, method: 8, declaredSize: 0 }), 'ok.xlsx');
    expect(wb.sheets[0]?.rows[0]?.[0]?.value).toBe(1);
  });

  test('the total unpacked over all parts is bounded', async () => {
    const row = '<row><c><v>1</v></c></row>'.repeat(5000);
    const bytes = xlsx({ sheets: [1, 2, 3].map((i) => ({ name: `S${i}`, data: row })) });
    expect(await codeOf(readWorkbookBytes(bytes, 'x.xlsx', { maxUnzippedBytes: 200_000 }))).toBe('too_large');
    expect(await codeOf(readWorkbookBytes(bytes, 'x.xlsx'))).toBe('resolved');
  });

  test('a lying compressed size cannot make the reader run past the file', async () => {
    const bytes = packageWithSheet({ data: new TextEncoder().encode('<worksheet><sheetData/></worksheet>'), method: 0, declaredSize: 10 });
    // Claim a compressed size of 2 GB in the central directory.
    const dv = new DataView(bytes.buffer, bytes.byteOffset);
    const cd = dv.getUint32(bytes.length - 6, true);
    let p = cd;
    for (let i = 0; i < 4; i++) {
      const nameLen = dv.getUint16(p + 28, true);
      if (i === 3) dv.setUint32(p + 20, 0x7fffffff, true);
      p += 46 + nameLen;
    }
    expect(['resolved', 'corrupt']).toContain(await codeOf(readWorkbookBytes(bytes, 'x.xlsx')));
  });
});

describe('XML entity attacks', () => {
  test('a billion-laughs DOCTYPE in the shared strings is refused', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>' +
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol3;</t></si></sst>';
    const bytes = xlsx({ sheets: [{ name: 'S', data: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], sharedStrings: [] });
    const { unzipSync } = await import('fflate');
    const parts = unzipSync(bytes);
    parts['xl/sharedStrings.xml'] = new TextEncoder().encode(laughs);
    const err = await readWorkbookBytes(zip(parts), 'x.xlsx').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'corrupt' });
    expect((err as ReadError).message).toMatch(/xl\/sharedStrings\.xml declares XML entities/);
  });

  test('an external entity (XXE) in a worksheet is refused', async () => {
    const doc = '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>';
    expect(await codeOf(readWorkbookBytes(xlsx({ sheets: [{ name: 'S', data: doc }] }), 'x.xlsx'))).toBe('corrupt');
  });

  test('an undeclared entity is damage, not a crash', async () => {
    const data = '<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>';
    expect(await codeOf(readWorkbookBytes(xlsx({ sheets: [{ name: 'S', data }] }), 'x.xlsx'))).toBe('corrupt');
  });
});

describe('cell, sheet, size and time budgets', () => {
  test('too many cells → too_complex', async () => {
    const data = Array.from({ length: 50 }, (_v, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>1</v></c><c r="B${r + 1}"><v>2</v></c></row>`).join('');
    const bytes = xlsx({ sheets: [{ name: 'S', data }] });
    expect(await codeOf(readWorkbookBytes(bytes, 'x.xlsx', { maxCells: 60 }))).toBe('too_complex');
    expect(await codeOf(readWorkbookBytes(bytes, 'x.xlsx', { maxCells: 200 }))).toBe('resolved');
  });

  test('cells far out count their empty slots, so one cell at XFD in many rows is bounded', async () => {
    const data = Array.from({ length: 400 }, (_v, r) => `<row r="${r + 1}"><c r="XFD${r + 1}"><v>1</v></c></row>`).join('');
    expect(await codeOf(readWorkbookBytes(xlsx({ sheets: [{ name: 'S', data }] }), 'x.xlsx', { maxCells: 1_000_000 }))).toBe('too_complex');
  });

  test('a single cell on the last row costs one pointer per row before it and reads', async () => {
    const wb = await readWorkbookBytes(xlsx({ sheets: [{ name: 'S', data: '<row r="1048576"><c r="A1048576"><v>1</v></c></row>' }] }), 'x.xlsx');
    expect(wb.sheets[0]?.rows).toHaveLength(1_048_576);
    expect(wb.sheets[0]?.rows[1_048_575]?.[0]?.value).toBe(1);
    expect(wb.sheets[0]?.rows[5]).toEqual([]);
  });

  test('cells beyond Excel limits are dropped', async () => {
    const wb = await readWorkbookBytes(xlsx({ sheets: [{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></c><c r="XFE1"><v>2</v></c></row><row r="1048577"><c r="A1048577"><v>3</v></c></row>' }] }), 'x.xlsx');
    expect(wb.sheets[0]?.rows).toEqual([[{ kind: 'number', value: 1, format: undefined }]]);
  });

  test('reading past the time budget → too_complex', async () => {
    const data = Array.from({ length: 3000 }, (_v, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>1</v></c></row>`).join('');
    const bytes = xlsx({ sheets: [{ name: 'S', data }] });
    let now = 1_000_000;
    const spy = jest.spyOn(Date, 'now').mockImplementation(() => (now += 400));
    try {
      const err = await readWorkbookBytes(bytes, 'x.xlsx', { maxMillis: 1000 }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'too_complex' });
      expect((err as ReadError).message).toMatch(/took too long to read \(over 1 s\)/);
    } finally {
      spy.mockRestore();
    }
  });

  test('too many sheets → too_complex', async () => {
    const sheets = Array.from({ length: 12 }, (_v, i) => ({ name: `S${i}`, data: '' }));
    expect(await codeOf(readWorkbookBytes(xlsx({ sheets }), 'x.xlsx', { maxSheets: 10 }))).toBe('too_complex');
  });

  test('bytes above the file limit are refused before anything else', async () => {
    const err = await readWorkbookBytes(new Uint8Array(2000), 'x.xlsx', { maxFileBytes: 1000 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'too_large' });
    expect((err as ReadError).message).toMatch(/^The file is too large/);
  });
});

describe('readWorkbookFile (Node)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'io-read-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('reads a workbook from disk', async () => {
    const path = join(dir, 'events.xlsx');
    writeFileSync(path, xlsx({ sheets: [{ name: 'Events', data: '<row r="1"><c r="A1"><v>1</v></c></row>' }] }));
    const wb = await readWorkbookFile(path);
    expect(wb.sheets[0]?.name).toBe('Events');
  });

  test('a CSV from disk is named after the file', async () => {
    const path = join(dir, 'Spring events.csv');
    writeFileSync(path, 'a,b\n1,2\n');
    expect((await readWorkbookFile(path)).sheets[0]?.name).toBe('Spring events');
  });

  test('a file above the limit is refused from its size, without being read', async () => {
    const path = join(dir, 'big.xlsx');
    writeFileSync(path, new Uint8Array(5000));
    const openSpy = jest.spyOn(fsp, 'open');
    const readSpy = jest.spyOn(fsp, 'readFile');
    try {
      const err = await readWorkbookFile(path, { maxFileBytes: 1000 }).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'too_large' });
      expect(openSpy).not.toHaveBeenCalled();
      expect(readSpy).not.toHaveBeenCalled();
    } finally {
      openSpy.mockRestore();
      readSpy.mockRestore();
    }
  });

  test('a missing file and an empty file are ReadErrors', async () => {
    expect(await codeOf(readWorkbookFile(join(dir, 'nope.xlsx')))).toBe('unsupported_format');
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    expect(await codeOf(readWorkbookFile(empty))).toBe('empty');
  });
});

describe('zip directory', () => {
  test('an archive with more entries than any workbook has is refused as too_complex', async () => {
    const empty = new Uint8Array(0);
    const entries = Array.from({ length: 100_001 }, (_v, i) => ({ name: `p/${i}`, data: empty, method: 0 as const, declaredSize: 0 }));
    const err = await readWorkbookBytes(rawZip(entries), 'x.xlsx').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'too_complex' });
    expect((err as ReadError).message).toMatch(/more than 100,000 parts/);
  });
});

describe('cell text', () => {
  test('text beyond Excel\'s 32,767 characters per cell is cut there', () => {
    expect(capCellText('x'.repeat(MAX_CELL_TEXT + 10))).toHaveLength(MAX_CELL_TEXT);
    expect(capCellText('short')).toBe('short');
  });
});
