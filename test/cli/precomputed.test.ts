import { HSH_2023 } from '../../src/core/collection/hsh2023';
import { ENGLISH_FILE } from '../../src/core/language/english';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is CommonJS JavaScript
const builder = require('../../scripts/build.cjs') as {
  PRECOMPUTED: { file: string; exports: string[] }[];
  precomputedModules(): Promise<{ modules: Map<string, string>; inputs: Set<string> }>;
};

/** The values a precomputed module's text exports. */
function valuesOf(text: string): Record<string, unknown> {
  const exports: Record<string, unknown> = {};
  for (const m of text.matchAll(/^export const (\w+) = JSON\.parse\((".*")\);$/gm)) exports[m[1]!] = JSON.parse(JSON.parse(m[2]!) as string);
  return exports;
}

describe('the data the command line has computed at build', () => {
  test('is the collection and the language words as their modules load and check them, and records the data files as inputs', async () => {
    const { modules, inputs } = await builder.precomputedModules();
    expect(builder.PRECOMPUTED.map((m) => m.file)).toEqual(['src/core/collection/hsh2023.ts', 'src/core/language/english.ts']);
    const texts = [...modules.values()];
    expect(valuesOf(texts[0]!)).toEqual({ HSH_2023 });
    expect(valuesOf(texts[1]!)).toEqual({ ENGLISH_FILE });
    const files = [...inputs].map((f) => f.replace(/\\/g, '/'));
    for (const data of ['src/core/collection/hsh2023/collection.json', 'src/core/collection/hsh2023/headings.json', 'src/core/collection/hsh2023/values.json', 'src/core/language/words.json']) {
      expect(files.some((f) => f.endsWith(data))).toBe(true);
    }
  });
});
