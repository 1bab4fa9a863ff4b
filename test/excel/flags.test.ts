import type { Issue } from '../../src/core/report';
import { flaggedCells, isOurNote, NOTE_MARKER, noteText } from '../../src/excel/flags';

const issue = (over: Partial<Issue>): Issue => ({ field: 'date', severity: 'error', code: 'invalid_date', message: 'Not a date.', ...over });

describe('flaggedCells', () => {
  it('groups the issues of a cell; an error wins over a warning', () => {
    const cells = flaggedCells([
      issue({ row: 7, column: 'C', severity: 'warning', code: 'approximate_attendees', message: 'About 40?' }),
      issue({ row: 7, column: 'C', message: 'Not a date.' }),
      issue({ row: 8, column: 'D', severity: 'warning', code: 'unknown_event_type', message: 'Unknown type.' }),
      issue({ code: 'unmapped_required_field', message: 'No date column.' }),
    ]);
    expect([...cells.keys()]).toEqual(['C7', 'D8']);
    expect(cells.get('C7')).toMatchObject({ row: 6, col: 2, severity: 'error' });
    expect(cells.get('C7')!.issues).toHaveLength(2);
    expect(cells.get('D8')!.severity).toBe('warning');
  });

  it('puts row-only issues on the given column', () => {
    const cells = flaggedCells([issue({ row: 5, severity: 'warning', code: 'duplicate_row', message: 'Same as row 4.' })], 1);
    expect([...cells.keys()]).toEqual(['B5']);
  });
});

describe('noteText', () => {
  it('lists every issue of the cell, errors first, under our marker', () => {
    const cell = flaggedCells([
      issue({ row: 2, column: 'A', severity: 'warning', code: 'approximate_attendees', message: 'About 40?' }),
      issue({ row: 2, column: 'A', message: 'Not a date.' }),
    ]).get('A2')!;
    expect(noteText(cell)).toBe(`${NOTE_MARKER}\n• Error: Not a date.\n• Warning: About 40?`);
    expect(isOurNote(noteText(cell))).toBe(true);
    expect(isOurNote('Ask Maria about this one')).toBe(false);
  });

  it('stays short when a cell has many issues', () => {
    const many = Array.from({ length: 12 }, (_, i) => issue({ row: 1, column: 'A', message: `Problem ${i}` }));
    const text = noteText(flaggedCells(many).get('A1')!);
    expect(text.split('\n')).toHaveLength(1 + 8 + 1);
    expect(text).toContain('…and 4 more');
  });
});
