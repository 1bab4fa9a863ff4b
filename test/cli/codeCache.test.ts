import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The launcher (scripts/check.cjs) runs the bundle from a V8 code cache; a rebuilt bundle must never run the old code. */
describe('the command line launcher', () => {
  const launcher = path.resolve(__dirname, '../../scripts/check.cjs');
  const runBundle = (file: string): string =>
    execFileSync(process.execPath, ['-e', `require(${JSON.stringify(launcher)}).run(${JSON.stringify(file)})`], { encoding: 'utf8' }).trim();

  test('a bundle rebuilt to the same length runs its new code, not the cached old one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsh-cache-'));
    const bundle = path.join(dir, 'check.js');
    try {
      fs.writeFileSync(bundle, "console.log('old');\n");
      expect(runBundle(bundle)).toBe('old');
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.v8cache'))).toHaveLength(1);
      // Same length, other code: V8 alone would accept the old cache.
      fs.writeFileSync(bundle, "console.log('new');\n");
      expect(runBundle(bundle)).toBe('new');
      expect(runBundle(bundle)).toBe('new');
      // The stale cache is gone, the new one kept.
      expect(fs.readdirSync(dir).filter((f) => f.endsWith('.v8cache'))).toHaveLength(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
