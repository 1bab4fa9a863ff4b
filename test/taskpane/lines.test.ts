import type { ColumnMapping } from '../../src/core/report';
import { blockingReason, lineOrder, lineStates } from '../../src/taskpane/steps/mapping/lines';
import { duplicateFields } from '../../src/taskpane/steps/mapping/mapping';

const col = (column: string, field: string | null): ColumnMapping => ({ column, header: column, field, confidence: field ? 0.9 : 0, reason: '' }) as ColumnMapping;

describe('the mapping step\'s lines', () => {
  const columns = [col('A', 'title'), col('B', 'date'), col('C', 'attendees'), col('D', null), col('E', 'audience')];

  test('each line\'s state: a duplicate before a doubt, a doubt before no field', () => {
    const mapping = { A: 'title', B: 'date', C: 'attendees', D: 'date', E: 'zip' };
    const states = lineStates(columns, mapping, duplicateFields(mapping), new Map([['C', 'may be'], ['E', 'may be']]), (c) => c === 'E');
    expect(Object.fromEntries(states)).toEqual({
      A: { kind: 'sure' },
      B: { kind: 'duplicate', others: ['D'] },
      C: { kind: 'uncertain' },
      D: { kind: 'duplicate', others: ['B'] },
      E: { kind: 'confirmed' },
    });
    expect(lineStates(columns, { ...mapping, D: null, E: 'zip' }, new Map(), new Map(), () => false).get('E')).toEqual({ kind: 'changed' });
    expect(lineStates(columns, { ...mapping, D: null }, new Map(), new Map(), () => false).get('D')).toEqual({ kind: 'unmapped' });
  });

  test('the order: duplicates, doubts, no field, then the rest, each in sheet order', () => {
    const mapping = { A: 'title', B: 'date', C: 'attendees', D: null, E: 'title' };
    const states = lineStates(columns, mapping, duplicateFields(mapping), new Map([['C', 'may be']]), () => false);
    expect(lineOrder(columns, states)).toEqual(['A', 'E', 'C', 'D', 'B']);
  });

  test('the blocking reason names the columns', () => {
    expect(blockingReason([], [new Map()], [['Events']])).toBeNull();
    expect(blockingReason(['C'], [new Map([['title', ['A', 'E']]])], [['Events']])).toBe('Columns A and E are both “Title/Event”: choose one. Confirm column C: we are unsure of it.');
    expect(blockingReason(['C', 'F'], [new Map(), new Map([['date', ['B', 'D', 'G']]])], [['Jan'], ['Mar']])).toBe(
      'Columns B, D and G on “Mar” are all “Date of event”: choose one. Confirm columns C and F: we are unsure of them.',
    );
  });
});
