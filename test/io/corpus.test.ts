import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ReadError, type ReadErrorCode } from '../../src/io/errors';
import { readWorkbookBytes } from '../../src/io/readWorkbook';

/**
 * Robustness over the real-world corpus (/work/shared/corpus/real, 237 files
 * from public reader projects' test suites; MANIFEST.tsv says what each is):
 * every file resolves or rejects with a ReadError, quickly, and files that
 * hold data yield non-empty sheets.
 */
const REAL = path.join(path.resolve(__dirname, '../../../shared'), 'corpus', 'real');
const present = existsSync(REAL);
if (!present) console.warn(`[test/io/corpus] corpus absent at ${REAL}: the real-file robustness tests are skipped`);
const describeCorpus = present ? describe : describe.skip;

/**
 * Files refused, with the code they are refused with. Every other file must
 * read: the .xls (BIFF2–8), .xlsb and .ods among them too, with SheetJS.
 */
const REFUSED: Record<string, ReadErrorCode> = {
  // Repeat counts that make 17 billion cells: refused from the counts, before SheetJS builds any.
  'calamine__issue_594_dos.ods': 'too_complex',
  'calamine__pass_protected.ods': 'encrypted',
  'calamine__pass_protected.xlsx': 'encrypted',
  'csvkit__empty.csv': 'empty',
  'excelize__encryptAES.xlsx': 'encrypted',
  'excelize__encryptSHA1.xlsx': 'encrypted',
  'excelize__encryptSHA512.xlsx': 'encrypted',
  'exceljs__invalid-xml.xlsx': 'corrupt',
  'messy__encrypted_no_password.xls': 'encrypted',
  'opx__null_archive.xlsx': 'unsupported_format',
  'opx__null_file.xlsx': 'empty',
  'phpss__empty.csv': 'empty',
  // A Word package whose document part is missing.
  'poi__clusterfuzz-testcase-minimized-POIFuzzer-5040805309710336.xlsx': 'corrupt',
  'poi__clusterfuzz-testcase-minimized-POIXSSFFuzzer-4828727001088000.xlsx': 'corrupt',
  'poi__clusterfuzz-testcase-minimized-POIXSSFFuzzer-5185049589579776.xlsx': 'corrupt',
  'poi__clusterfuzz-testcase-minimized-POIXSSFFuzzer-6123461607817216.xlsx': 'corrupt',
  'poi__clusterfuzz-testcase-minimized-POIXSSFFuzzer-6448258963341312.xlsx': 'corrupt',
  'poi__clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5542865479270400.xlsx': 'corrupt',
  'poi__clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-5636439151607808.xlsx': 'corrupt',
  'poi__clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-6594557414080512.xlsx': 'corrupt',
  'poi__crash-9bf3cd4bd6f50a8a9339d363c2c7af14b536865c.xlsx': 'encrypted',
  'poi__extenxls_pwd123.xlsx': 'encrypted',
  'poi__invalid.xlsx': 'corrupt',
  'poi__password.xls': 'encrypted',
  'poi__poc-xmlbomb-empty.xlsx': 'corrupt',
  'poi__poc-xmlbomb.xlsx': 'corrupt',
  'poi__protect.xlsx': 'encrypted',
  'poi__protected_sha512.xlsx': 'encrypted',
  'roo__encrypted-letmein.ods': 'encrypted',
  'sheetjs__password_2002_40_xor.xls': 'encrypted',
  'tealeg__badfile_noWorksheets.xlsx': 'corrupt',
};

/** Files that read but hold no cell: their sheets are empty in Excel too. */
const EMPTY_WORKBOOKS = new Set([
  'calamine__issue_666_panic.xlsb',
  'xlrd__sample.ods',
  'excelize__BadWorkbook.xlsx',
  'exceljs__test-issue-1842.xlsx',
  'exceljs__test-issue-771.xlsx',
  'messy__libreoffice.xlsx',
  'opx__bigfoot.xlsx',
  'opx__empty-no-string.xlsx',
  'opx__empty.xltx',
  'poi__57893-many-merges.xlsx',
  'poi__BrNotClosed.xlsx',
  'poi__clusterfuzz-testcase-minimized-POIXSSFFuzzer-5265527465181184.xlsx',
  'poi__xlmmacro.xlsm',
  'sheetjs__BlankSheetTypes.xlsm',
  'xlrd__sample.xlsx',
]);

/** Files that hold data but for which exceljs returns no sheet at all (parts at the root, odd prefixes, backslash names, missing parts). */
const EXCELJS_FINDS_NO_SHEET = [
  'calamine__minimal_package.xlsx',
  'calamine__nonstandard-xml-ns-prefix.xlsx',
  'phpss__Zip-Windows-Directory-Separator.xlsx',
  'phpss__rootZipFiles.xlsx',
  'poi__49609.xlsx',
  'sheetjs__wtf_path.xlsx',
  'tealeg__macNumbersTest.xlsx',
  'tealeg__badfile_noWorkbookRels.xlsx',
  'exceljs__missing-bits.xlsx',
];

/** Each file must be read or refused within the issue's bound (30 s; the read budget itself is 10 s): not a speed test. */
const PER_FILE_MS = 30_000;

function cellCount(wb: { sheets: { rows: { kind: string }[][] }[] }): number {
  let n = 0;
  for (const s of wb.sheets) for (const row of s.rows) for (const c of row) if (c.kind !== 'empty') n++;
  return n;
}

describeCorpus('real-world corpus', () => {
  const files = present ? readdirSync(REAL).filter((f) => f !== 'MANIFEST.tsv').sort() : [];
  const outcomes = new Map<string, { code: ReadErrorCode | 'read'; ms: number; cells: number }>();

  beforeAll(async () => {
    for (const f of files) {
      const bytes = new Uint8Array(readFileSync(path.join(REAL, f)));
      const started = performance.now();
      try {
        const wb = await readWorkbookBytes(bytes, f);
        outcomes.set(f, { code: 'read', ms: performance.now() - started, cells: cellCount(wb) });
      } catch (e) {
        if (!(e instanceof ReadError)) throw new Error(`${f}: threw ${String(e)} instead of a ReadError`, { cause: e });
        outcomes.set(f, { code: e.code, ms: performance.now() - started, cells: 0 });
      }
    }
    const byCode = new Map<string, number>();
    for (const o of outcomes.values()) byCode.set(o.code, (byCode.get(o.code) ?? 0) + 1);
    const slowest = [...outcomes.entries()].sort((a, b) => b[1].ms - a[1].ms)[0];
    console.info(
      `[test/io/corpus] ${outcomes.size} files: ${[...byCode].map(([c, n]) => `${c} ${n}`).join(', ')}; slowest ${slowest?.[0]} ${slowest?.[1].ms.toFixed(0)} ms`,
    );
  }, 120_000);

  test('the corpus is there (237 files)', () => {
    expect(files.length).toBeGreaterThanOrEqual(237);
  });

  test('every file resolves or is refused with a ReadError, within the time limit', () => {
    for (const f of files) {
      const o = outcomes.get(f);
      expect(o).toBeDefined();
      if (o && o.ms > PER_FILE_MS) throw new Error(`${f} took ${o.ms.toFixed(0)} ms`);
    }
  });

  test('known files are refused with the expected code, and every other file reads', () => {
    const mismatches: string[] = [];
    for (const f of files) {
      const expected = REFUSED[f] ?? 'read';
      const got = outcomes.get(f)?.code;
      if (got !== expected) mismatches.push(`${f}: expected ${expected}, got ${got}`);
    }
    expect(mismatches).toEqual([]);
  });

  test('the legacy formats read with their sheets and values', () => {
    const legacy = files.filter((f) => /\.(xls|xlsb|ods)$/.test(f) && !(f in REFUSED));
    expect(legacy.length).toBeGreaterThanOrEqual(15);
    for (const f of ['poi__SampleSS.xls', 'sheetjs__write.xls', 'xlrd__ragged.xls', 'sheetjs__1904.xlsb', 'poi__Simple.xlsb', 'frict__table-output.ods', 'phpss__nomimetype.ods']) {
      expect([f, outcomes.get(f)?.code, (outcomes.get(f)?.cells ?? 0) > 0]).toEqual([f, 'read', true]);
    }
  });

  test('files that hold data yield non-empty sheets', () => {
    const empty = files.filter((f) => outcomes.get(f)?.code === 'read' && outcomes.get(f)?.cells === 0 && !EMPTY_WORKBOOKS.has(f));
    expect(empty).toEqual([]);
    for (const f of EXCELJS_FINDS_NO_SHEET) expect([f, (outcomes.get(f)?.cells ?? 0) > 0]).toEqual([f, true]);
  });
});
