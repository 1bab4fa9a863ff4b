import type { Period } from '../core/collection/types';

export interface CliArgs {
  file: string;
  sheet?: string;
  period?: Period;
  json: boolean;
}

export class UsageError extends Error {}

export const USAGE = 'usage: npm run --silent check -- FILE [--sheet NAME] [--period 2023-01-01..2023-12-31] [--json]';

/** Parses the command line; throws UsageError with a one-line reason. */
export function parseArgs(argv: string[]): CliArgs | 'help' {
  let file: string | undefined;
  let sheet: string | undefined;
  let period: Period | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--help' || a === '-h') return 'help';
    else if (a === '--json') json = true;
    else if (a === '--sheet') sheet = value();
    else if (a.startsWith('--sheet=')) sheet = a.slice(8);
    else if (a === '--period') period = parsePeriod(value());
    else if (a.startsWith('--period=')) period = parsePeriod(a.slice(9));
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else if (file === undefined) file = a;
    else throw new UsageError(`one file at a time (got "${file}" and "${a}")`);
  }
  if (file === undefined) throw new UsageError('no file given');
  return { file, json, ...(sheet !== undefined ? { sheet } : {}), ...(period ? { period } : {}) };
}

export function parsePeriod(text: string): Period {
  const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text.trim());
  if (!m || !validIso(m[1]!) || !validIso(m[2]!) || m[1]! > m[2]!) {
    throw new UsageError(`--period must look like 2023-01-01..2023-12-31 (start before end), not "${text}"`);
  }
  return { start: m[1]!, end: m[2]! };
}

function validIso(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}
