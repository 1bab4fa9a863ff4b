import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The bin (src/cli/boot.cjs) runs the bundle beside it from a V8 code cache; a rebuilt bundle must never run the old code. */
describe('the command line bootstrap', () => {
  test('a bundle rebuilt to the same length runs its new code, not the cached old one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hsh-cache-'));
    const bin = path.join(dir, 'check.js');
    const bundle = path.join(dir, 'engine.js');
    const caches = () => fs.readdirSync(dir).filter((f) => f.endsWith('.v8cache'));
    const run = () => execFileSync(process.execPath, [bin], { encoding: 'utf8' }).trim();
    try {
      fs.copyFileSync(path.resolve(__dirname, '../../src/cli/boot.cjs'), bin);
      fs.writeFileSync(bundle, "console.log('old');\n");
      expect(run()).toBe('old');
      expect(caches()).toHaveLength(1);
      // Same length, other code: V8 alone would accept the old cache.
      fs.writeFileSync(bundle, "console.log('new');\n");
      expect(run()).toBe('new');
      expect(run()).toBe('new');
      // The stale cache is gone, the new one kept.
      expect(caches()).toHaveLength(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
