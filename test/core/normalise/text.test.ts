import { normaliseText } from '../../../src/core/normalise/text';
import { brief, cell } from './helpers';

describe('normaliseText', () => {
  test.each([
    ['  Story time  ', 'Story time'],
    ['Story   time', 'Story   time'],
    ['Line one\nLine two', 'Line one\nLine two'],
    ['=SUM(A1)', '=SUM(A1)'],
    ['Detroit', 'Detroit'],
    [123, '123'],
    [true, 'true'],
  ])('%j → %j', (input, want) => expect(brief(normaliseText(cell(input)))).toBe(want));

  test('empty and blank cells are empty', () => {
    expect(normaliseText(cell(null))).toEqual({ kind: 'empty' });
    expect(normaliseText(cell('   '))).toEqual({ kind: 'empty' });
    expect(normaliseText(cell(NaN))).toEqual({ kind: 'empty' });
  });
});
