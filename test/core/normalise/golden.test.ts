import * as fs from 'fs';
import * as path from 'path';
import { HSH_2023 } from '../../../src/core/collection/hsh2023';
import { normaliseField } from '../../../src/core/normalise';
import type { Cell } from '../../../src/core/workbook';
import { brief } from './helpers';

/**
 * Golden files: golden/FIELD.tsv holds one case a line, the cell as JSON (a
 * string is a text cell, a number a number cell) and the expected result as
 * JSON: the value, "EMPTY", "!code/reason", or {"value","warning"}. Lines
 * starting with # are comments. Add a line to add a case.
 */
const dir = path.join(__dirname, 'golden');
const ctx = { collection: HSH_2023, date1904: false };

for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.tsv'))) {
  const fieldId = file.replace(/\.tsv$/, '');
  const field = HSH_2023.fields.find((f) => f.id === fieldId);
  const cases = fs.readFileSync(path.join(dir, file), 'utf8').split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'))
    .map((l) => {
      const [input, expected] = l.split('\t');
      return [JSON.parse(input) as string | number, JSON.parse(expected) as unknown] as const;
    });

  describe(`golden ${file}`, () => {
    test('names a field of the collection', () => expect(field).toBeDefined());
    test.each(cases)('%j', (input, expected) => {
      if (!field) return;
      const c: Cell = typeof input === 'number' ? { kind: 'number', value: input } : { kind: 'text', value: input };
      expect(brief(normaliseField(field, c, ctx))).toEqual(expected);
    });
  });
}
