import { parseArgs, parsePeriod, UsageError } from '../../src/cli/args';

describe('parseArgs', () => {
  test('file, sheet, period and --json in any order', () => {
    expect(parseArgs(['--json', 'a.xlsx', '--sheet', 'HSH 2023', '--period', '2024-01-01..2024-12-31'])).toEqual({
      file: 'a.xlsx', json: true, sheet: 'HSH 2023', period: { start: '2024-01-01', end: '2024-12-31' },
    });
    expect(parseArgs(['a.csv', '--sheet=Events'])).toEqual({ file: 'a.csv', json: false, sheet: 'Events' });
  });

  test.each([
    [[], /no file/],
    [['a.xlsx', 'b.xlsx'], /one file at a time/],
    [['a.xlsx', '--bogus'], /unknown option --bogus/],
    [['a.xlsx', '--sheet'], /--sheet needs a value/],
    [['a.xlsx', '--period', '2023'], /--period must look like/],
  ])('%j is refused', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });

  test('periods must be real dates in order', () => {
    expect(() => parsePeriod('2023-02-30..2023-12-31')).toThrow(UsageError);
    expect(() => parsePeriod('2023-12-31..2023-01-01')).toThrow(UsageError);
  });
});
