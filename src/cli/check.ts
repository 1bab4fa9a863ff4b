import path from 'node:path';
import { check } from '../core/check';
import { HSH_2023 } from '../core/collection/hsh2023';
import { findSheetByName } from '../core/detect/sheet';
import { ReadError } from '../io/errors';
import { readWorkbookFile } from '../io/readFile';
import { parseArgs, USAGE, UsageError } from './args';
import { formatReport } from './format';

/**
 * `npm run --silent check -- FILE [--sheet NAME] [--period A..B] [--json]`
 * Exit 0: no errors; 1: the sheet has errors; 2: unreadable file or wrong arguments.
 */
async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return fail(`${e.message}\n${USAGE}`);
    throw e;
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\nChecks a partner's events workbook (.xlsx, .xlsm, .xls, .xlsb, .ods, .csv, or the tables of a .docx) against the agreed data fields.\n`);
    return 0;
  }
  let workbook;
  try {
    workbook = await readWorkbookFile(args.file);
  } catch (e) {
    if (e instanceof ReadError) return fail(`${path.basename(args.file)}: ${e.message}`);
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === 'ENOENT') return fail(`${args.file}: no such file.`);
    if (code === 'EISDIR') return fail(`${args.file}: is a folder, not a workbook.`);
    if (code === 'EACCES') return fail(`${args.file}: permission denied.`);
    return fail(`${path.basename(args.file)}: could not be read (${oneLine(e)}).`);
  }
  if (args.sheet !== undefined && workbook.source !== 'csv' && !findSheetByName(workbook, args.sheet)) {
    return fail(`${path.basename(args.file)} has no sheet named "${args.sheet}"; its sheets are: ${workbook.sheets.map((s) => `"${s.name}"`).join(', ')}.`);
  }
  const report = check(workbook, {
    file: path.basename(args.file),
    ...(args.sheet !== undefined ? { sheet: args.sheet } : {}),
    ...(args.period ? { period: args.period } : {}),
  });
  const out = args.json ? JSON.stringify(report) + '\n' : formatReport(report, HSH_2023);
  await new Promise<void>((resolve) => process.stdout.write(out, () => resolve()));
  return report.summary.errors > 0 ? 1 : 0;
}

function fail(message: string): number {
  process.stderr.write(`check: ${message}\n`);
  return 2;
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e: unknown) => {
    process.stderr.write(`check: internal error: ${oneLine(e)}\n`);
    process.exitCode = 2;
  },
);
