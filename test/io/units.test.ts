import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isoToSerial } from '../../src/io/dates';
import { shiftFormula } from '../../src/io/ooxml/formula';
import { relsPathFor, resolvePart } from '../../src/io/ooxml/package';
import { decodeOoxmlEscapes } from '../../src/io/xml';
import { openZip } from '../../src/io/zip';
import { Budget, resolveLimits, DEFAULT_LIMITS } from '../../src/io/limits';
import { zip } from './fixtures';

describe('isoToSerial', () => {
  test.each([
    ['2023-03-04', false, 44989],
    ['2023-03-04T12:00:00', false, 44989.5],
    ['2023-03-04T06:00:00.000Z', false, 44989.25],
    ['2023-03-04 18:00', false, 44989.75],
    ['1900-01-01', false, 1],
    ['1900-02-28', false, 59],
    ['1900-03-01', false, 61],
    ['1904-01-01', true, 0],
    ['2023-03-04', true, 44989 - 1462],
    ['12:00:00', false, 0.5],
  ])('%s (1904: %s) → %d', (text, d1904, serial) => {
    expect(isoToSerial(text, d1904)).toBeCloseTo(serial, 9);
  });

  test.each(['', 'abc', '2023-02-30', '2023-13-01', '25:00', '1899-12-01'])('%s → null', (text) => {
    expect(isoToSerial(text, false)).toBeNull();
  });
});

describe('shiftFormula', () => {
  test.each([
    ['A1*$B$1', 0, 1, 'B1*$B$1'],
    ['SUM(B2:B10)', 0, 2, 'SUM(D2:D10)'],
    ['A$1+$A1', 3, 3, 'D$1+$A4'],
    ['"A1"&A1', 1, 0, '"A1"&A2'],
    ["'Sheet A1'!B2+LOG10(C3)", 1, 0, "'Sheet A1'!B3+LOG10(C4)"],
    ['A1', -1, 0, '#REF!'],
  ])('%s moved by (%d, %d) → %s', (f, dr, dc, out) => {
    expect(shiftFormula(f, dr, dc)).toBe(out);
  });
});

describe('package paths', () => {
  test('relationship targets resolve against the source part', () => {
    expect(resolvePart('xl/workbook.xml', 'worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolvePart('xl/workbook.xml', '/xl/worksheets/sheet1.xml')).toBe('xl/worksheets/sheet1.xml');
    expect(resolvePart('xl/worksheets/sheet1.xml', '../drawings/d%201.xml')).toBe('xl/drawings/d 1.xml');
    expect(resolvePart('', 'xl\\workbook.xml')).toBe('xl/workbook.xml');
    expect(resolvePart('workbook.xml', 'sheet1.xml')).toBe('sheet1.xml');
  });

  test('relationship parts sit in _rels next to their source', () => {
    expect(relsPathFor('xl/workbook.xml')).toBe('xl/_rels/workbook.xml.rels');
    expect(relsPathFor('workbook.xml')).toBe('_rels/workbook.xml.rels');
    expect(relsPathFor('')).toBe('_rels/.rels');
  });

  test('_xHHHH_ escapes', () => {
    expect(decodeOoxmlEscapes('a_x000D__x000A_b')).toBe('a\r\nb');
    expect(decodeOoxmlEscapes('_x005F_x0041_')).toBe('_x0041_');
    expect(decodeOoxmlEscapes('no_escape_x12_')).toBe('no_escape_x12_');
  });
});

describe('zip', () => {
  test('entries are found whatever the case, separators or leading slash', () => {
    const z = openZip(zip({ 'xl\\Worksheets\\Sheet1.xml': 'a', '/docProps/app.xml': 'b' }));
    expect(z.find('xl/worksheets/sheet1.xml')?.name).toBe('xl\\Worksheets\\Sheet1.xml');
    expect(z.find('/DOCPROPS/APP.XML')).toBeDefined();
    expect(z.find('nope')).toBeUndefined();
  });

  test('an entry streams in chunks, counted against the budget', () => {
    const text = 'x'.repeat(300_000);
    const z = openZip(zip({ a: text }));
    const budget = new Budget(resolveLimits({ maxUnzippedBytes: 1_000_000 }));
    let got = '';
    z.stream(z.find('a')!, budget, (c) => (got += new TextDecoder().decode(c)));
    expect(got).toBe(text);
    expect(() => z.stream(z.find('a')!, new Budget(resolveLimits({ maxUnzippedBytes: 1000 })), () => {})).toThrow(/unpacks to more than/);
  });

  test('limits: unknown or invalid overrides fall back to the defaults', () => {
    expect(resolveLimits({ maxCells: -1, maxMillis: Number.NaN, maxSheets: 3 })).toEqual({ ...DEFAULT_LIMITS, maxSheets: 3 });
  });
});

describe('browser safety', () => {
  test('nothing in src/io but readFile.ts uses Node built-ins or Buffer', () => {
    const root = join(__dirname, '../../src/io');
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(root);
    const offenders = files
      .filter((f) => !f.endsWith('readFile.ts'))
      // A require of a module of our own (readWorkbook's lazy SheetJS reader) is the bundler's to resolve; any other is Node's.
      .filter((f) => /from ['"](node:|fs|path|zlib|os|stream|buffer)['"/]|\bBuffer\.|\brequire\((?!['"]\.\.?\/)|\bprocess\./.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
    expect(files.length).toBeGreaterThan(10);
  });
});
