import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/**
 * The production pages (taskpane, site, analysis) for a browser test: the
 * build named by `reuse` (TASKPANE_DIST, say) when given, else a fresh
 * webpack build into `outDir`.
 */
export function buildPages(outDir: string, reuse = process.env.TASKPANE_DIST): string {
  if (reuse) return resolve(reuse);
  const cli = join(ROOT, 'node_modules/webpack-cli/bin/cli.js');
  const run = spawnSync(process.execPath, [cli, '--mode', 'production', '--output-path', outDir], { cwd: ROOT, encoding: 'utf8', timeout: 360_000 });
  if (run.status !== 0) throw new Error(`webpack failed:\n${run.stdout}\n${run.stderr}`);
  return outDir;
}
