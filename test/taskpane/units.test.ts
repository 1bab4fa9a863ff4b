/** @jest-environment jsdom */
import '../setup-dom';
import { errorFor, newIdempotencyKey, resolveLink, submit, SubmitError } from '../../src/taskpane/api';
import { isoToSerial, parseA1, sampleValues, serialToIso } from '../../src/taskpane/cells';
import { flowReducer, type FlowState } from '../../src/taskpane/flow';
import { luminance } from '../../src/taskpane/theme';
import { countKinds, filterIssues, fixesBySheet, fixesFor, fixesFromIssues, writtenValue } from '../../src/taskpane/steps/check/issues';
import { decodeChoice, duplicateFields, encodeChoice, initialMapping, tableGroups, toMappings, unmappedRequired } from '../../src/taskpane/steps/mapping/mapping';
import { sheetValues, valuesPayload } from '../../src/taskpane/steps/submit/payload';
import { COLLECTION } from '../../src/taskpane/collection';
import type { ColumnMapping, Issue } from '../../src/core/report';
import { eventsWorkbook, fakeEngine, monthlyWorkbook } from './fakes';

const issue = (over: Partial<Issue>): Issue => ({ field: 'attendees', severity: 'warning', code: 'approximate_attendees', message: 'm', ...over });

describe('api', () => {
  test('each error status has its own kind, and only transient ones are worth a plain retry', () => {
    expect(errorFor(401, null)).toMatchObject({ kind: 'unauthorised', retryable: false });
    expect(errorFor(403, 'Agreement not signed')).toMatchObject({ kind: 'agreement', message: expect.stringContaining('(Agreement not signed.)') });
    expect(errorFor(413, null)).toMatchObject({ kind: 'too_large', retryable: false });
    expect(errorFor(415, 'Not a spreadsheet.')).toMatchObject({ kind: 'unreadable', message: 'The server could not read the workbook: Not a spreadsheet.' });
    expect(errorFor(429, null, '30').message).toContain('Wait 30 seconds');
    expect(errorFor(502, null)).toMatchObject({ kind: 'server', retryable: true });
    expect(errorFor(503, 'Busy', '30')).toMatchObject({ kind: 'server', message: expect.stringContaining('The server is busy. Wait 30 seconds') });
    expect(errorFor(403, 'An analyst token cannot submit', null, 'forbidden')).toMatchObject({ kind: 'forbidden', retryable: false });
    expect(errorFor(403, 'Not signed', null, 'agreement_not_signed')).toMatchObject({ kind: 'agreement' });
    expect(errorFor(404, null)).toMatchObject({ kind: 'unexpected' });
  });

  test('a timeout is reported like being offline', async () => {
    const fetch = jest.fn((_url: string, init: RequestInit) => new Promise<Response>((_, reject) => {
      init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    }));
    const error = await submit({ kind: 'values', sheet: 'S', rows: [] }, 't', 'k', { baseUrl: 'https://x.test/', fetch: fetch as unknown as typeof globalThis.fetch, timeoutMs: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SubmitError);
    expect(error).toMatchObject({ kind: 'offline', message: expect.stringContaining('did not answer in time') });
    expect(fetch.mock.calls[0]![0]).toBe('https://x.test/api/v1/submissions');
  });

  test('a reply that is not a receipt is an error, not a crash', async () => {
    const fetch = jest.fn(async () => ({ status: 201, ok: true, headers: { get: () => null }, json: async () => 'hello' }) as unknown as Response);
    await expect(submit({ kind: 'values', sheet: 'S', rows: [] }, 't', 'k', { baseUrl: '', fetch })).rejects.toMatchObject({ kind: 'unexpected' });
  });

  test('keys are fresh and links resolve against the server', () => {
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
    expect(resolveLink('https://s.test', '/api/v1/x')).toBe('https://s.test/api/v1/x');
    expect(resolveLink('', 'https://o.test/y')).toBe('https://o.test/y');
  });
});

describe('cells', () => {
  test('serials and ISO dates convert both ways in both date systems', () => {
    expect(serialToIso(44989, false)).toBe('2023-03-04');
    expect(isoToSerial('2023-03-04', false)).toBe(44989);
    expect(serialToIso(43527, true)).toBe('2023-03-04');
    expect(isoToSerial('2023-03-04', true)).toBe(43527);
    expect(serialToIso(1, false)).toBe('1900-01-01');
    expect(isoToSerial('2023-02-30', false)).toBeNull();
  });

  test('A1 addresses', () => {
    expect(parseA1('C7')).toEqual({ row: 6, col: 2 });
    expect(parseA1('$AA$10')).toEqual({ row: 9, col: 26 });
    expect(parseA1('7C')).toBeNull();
  });

  test('sample values are distinct, non-empty and below the header', () => {
    const sheet = eventsWorkbook().sheets[1]!;
    expect(sampleValues(sheet, 2, 'D', false)).toEqual(['parents', 'caregivers', 'parent & child']);
  });
});

describe('theme', () => {
  test('dark Office backgrounds read as dark', () => {
    expect(luminance('#ffffff')).toBeCloseTo(1);
    expect(luminance('#262626')!).toBeLessThan(0.1);
    expect(luminance('nope')).toBeNull();
  });
});

describe('flow', () => {
  test('steps move forward and back without losing the confirmed choices', () => {
    const workbook = eventsWorkbook();
    const report = fakeEngine(workbook, {});
    const choice = { sheet: 'Events', headerRow: 2, date1904: false, leaveOut: [], include: [], headerRows: {} };
    let s: FlowState = flowReducer({ step: 'loading' }, { type: 'loaded', workbook, detected: choice, report, date1904Known: false });
    expect(s.step).toBe('sheet');
    s = flowReducer(s, { type: 'sheetChosen', workbook, choice, report, saved: [] });
    s = flowReducer(s, { type: 'mappingConfirmed', mapping: { mapping: { A: 'title' }, mappings: {} }, report });
    expect(s).toMatchObject({ step: 'check', mapping: { mapping: { A: 'title' } } });
    s = flowReducer(s, { type: 'toSubmit' });
    s = flowReducer(s, { type: 'back' });
    s = flowReducer(s, { type: 'back' });
    expect(s).toMatchObject({ step: 'mapping', saved: [{ sheet: 'Events', columns: { A: 'title' } }], date1904Known: false });
    s = flowReducer(s, { type: 'back' });
    expect(s).toMatchObject({ step: 'sheet', detected: choice, date1904Known: false });
    // Out-of-order actions are ignored.
    expect(flowReducer(s, { type: 'toSubmit' })).toBe(s);
  });
});

describe('check helpers', () => {
  const issues: Issue[] = [
    issue({ row: 3, column: 'E', value: '~25', normalised: 25 }),
    issue({ row: 3, column: 'E', code: 'invalid_attendees', severity: 'error', normalised: 26 }),
    issue({ row: 4, column: 'C', field: 'engagement', code: 'invalid_engagement', severity: 'error', value: 'L9' }),
    issue({ row: 5, column: 'C', field: 'engagement', value: 'lvl 1', normalised: 'level_one' }),
    issue({ row: 6, column: 'D', field: 'audience', value: 'parents+kids', normalised: ['parent_family', 'parent_family_child'] }),
    issue({ row: 7, column: 'E', value: '30', normalised: 30 }),
    issue({ field: 'date', code: 'unmapped_required_field', severity: 'error' }),
  ];

  test('kinds: errors first, then by count', () => {
    expect(countKinds(issues).map((k) => [k.code, k.count])).toEqual([
      ['invalid_attendees', 1],
      ['invalid_engagement', 1],
      ['unmapped_required_field', 1],
      ['approximate_attendees', 4],
    ]);
    expect(filterIssues(issues, { severity: 'error', kind: 'invalid_engagement' })).toHaveLength(1);
  });

  test('fixes: one per cell, enumerations written as their labels, nothing for cells already right', () => {
    expect(writtenValue(issues[4]!)).toBe('Parent/family, Parent/family and child');
    expect(fixesFromIssues(issues)).toEqual([
      { address: 'E3', value: 25 },
      { address: 'C5', value: 'Engagement level one' },
      { address: 'D6', value: 'Parent/family, Parent/family and child' },
    ]);
  });

  test("the engine's own list of fixes wins when it gives one", () => {
    const fixes = [
      { row: 3, column: 'C', field: 'engagement', from: 'L1', to: 'Engagement level one' },
      { row: 3, column: 'E', field: 'attendees', from: '~25', to: 25 },
    ];
    expect(fixesFor({ issues, fixes })).toEqual([
      { address: 'C3', value: 'Engagement level one' },
      { address: 'E3', value: 25 },
    ]);
    expect(fixesFor({ issues })).toEqual(fixesFromIssues(issues));
  });
});

describe('mapping helpers', () => {
  test('saved choices win over suggestions; unmapped required and duplicates are found', () => {
    const report = fakeEngine(eventsWorkbook(), {});
    const mapping = initialMapping(tableGroups(report)[0]!, [{ sheet: 'Events', headerRow: 2, columns: { B: null, F: 'title' } }]);
    expect(mapping).toMatchObject({ A: 'title', B: null, F: 'title' });
    expect(unmappedRequired(mapping, COLLECTION.fields).map((f) => f.id)).toEqual(['date']);
    expect([...duplicateFields(mapping)]).toEqual([['title', ['A', 'F']]]);
  });
});

describe('payload', () => {
  test('the sheet goes as a rectangle of values with formats; dates keep a date format', () => {
    const sheet = { name: 'S', merges: [], rows: [[{ kind: 'text' as const, value: 'Date' }], [{ kind: 'date' as const, value: 44989 }, { kind: 'number' as const, value: 3, format: '0' }]] };
    expect(sheetValues(sheet)).toEqual({
      rows: [['Date', ''], [44989, 3]],
      numberFormats: [['@', 'General'], ['yyyy-mm-dd', '0']],
    });
  });

  test('merged areas travel as A1 ranges', () => {
    const sheet = { name: 'S', merges: [{ top: 1, left: 1, bottom: 2, right: 1 }], rows: [[{ kind: 'text' as const, value: 'Date' }]] };
    const payload = valuesPayload({ sheets: [sheet], date1904: false }, { sheet: 'S', headerRow: 1, date1904: false, leaveOut: [], include: [], headerRows: {} }, { mapping: {}, mappings: {} });
    expect(payload.merges).toEqual(['B2:B3']);
  });
});

describe('several tables', () => {
  test('a choice travels through the dropdown as one value and back', () => {
    for (const c of ['title', null, { field: 'attendees', combine: 'sum' as const }, { field: 'audience', combine: 'mark' as const, option: 'caregiver' }]) {
      expect(decodeChoice(encodeChoice(c))).toEqual(c);
    }
  });

  test('tables with the same headings form one group; the first group is `mapping`, the others go per sheet', () => {
    const report = fakeEngine(monthlyWorkbook(), {});
    const groups = tableGroups(report);
    expect(groups.map((g) => g.sheets)).toEqual([['Jan', 'Feb'], ['Mar']]);
    const mappings = toMappings(groups, groups.map((g) => initialMapping(g, [])));
    expect(mappings.mapping).toMatchObject({ A: 'title', F: null });
    expect(Object.keys(mappings.mappings)).toEqual(['Mar']);
    expect(mappings.mappings.Mar).toMatchObject({ E: { field: 'attendees', combine: 'sum' } });
  });

  test('a sheet holding tables under other headings gets one mapping per table, named by its header row', () => {
    const columns = (h: string[]): ColumnMapping[] => h.map((header, i) => ({ column: String.fromCharCode(65 + i), header, field: null, confidence: 0, reason: '' }));
    const tables = [
      { sheet: 'P', headerRow: 4, firstRow: 5, lastRow: 9, records: 5, columns: columns(['Program', 'Date', 'Level']) },
      { sheet: 'P', headerRow: 12, firstRow: 13, lastRow: 16, records: 4, columns: columns(['Program', 'Adults', 'Kids']) },
      { sheet: 'Q', headerRow: 1, firstRow: 2, lastRow: 3, records: 2, columns: columns(['Program', 'Adults', 'Kids']) },
    ];
    const groups = tableGroups({ tables, columns: tables[0]!.columns, sheet: 'P', headerRow: 4 });
    const mappings = toMappings(groups, [{ A: 'title' }, { B: { field: 'attendees', combine: 'sum' } }]);
    expect(mappings.mapping).toEqual({ A: 'title' });
    expect(Object.keys(mappings.mappings)).toEqual(['P!12', 'Q']);
  });

  test('fixes go to the sheet of their issue when the engine\'s fixes name none', () => {
    const report = fakeEngine(monthlyWorkbook(), {});
    const bySheet = fixesBySheet({ ...report, fixes: [{ row: 3, column: 'E', field: 'attendees', from: '~12', to: 12 }] }, 'Jan');
    expect([...bySheet]).toEqual([['Jan', [{ address: 'E3', value: 12 }]], ['Feb', [{ address: 'E4', value: 30 }]]]);
    const one = fakeEngine(eventsWorkbook(), {});
    expect([...fixesBySheet({ ...one, fixes: [{ row: 3, column: 'E', field: 'attendees', from: '~25', to: 25 }] }, 'Events')]).toEqual([['Events', [{ address: 'E3', value: 25 }]]]);
  });
});
