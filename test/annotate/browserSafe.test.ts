import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The taskpane's browser mode lazy-imports src/annotate: it must not reach for Node.
const dir = join(__dirname, '../../src/annotate');
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

test.each(files)('%s imports nothing of Node and uses no Buffer', (file) => {
  const source = readFileSync(join(dir, file), 'utf8');
  const imports = [...source.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);
  for (const spec of imports) {
    expect(spec).not.toMatch(/^(node:|fs$|path$|os$|stream$|crypto$|child_process$|worker_threads$)/);
    expect(spec).not.toMatch(/\/(server|io|cli|admin)\//);
  }
  expect(source).not.toMatch(/\bBuffer\b|\bprocess\.|\brequire\(/);
});
