import {
  cellsToRects,
  chunkAddresses,
  compactAreaList,
  EXCEL_ADDRESS_LIMIT,
  expandAreaList,
  parseAreaList,
  parseCell,
  parseRange,
  rectAddress,
} from '../../src/excel/addresses';

describe('parseCell / parseRange', () => {
  it('reads cells with or without sheet and $ signs', () => {
    expect(parseCell('C7')).toEqual({ row: 6, col: 2 });
    expect(parseCell("'My, sheet'!$AA$10")).toEqual({ row: 9, col: 26 });
    expect(parseCell('C0')).toBeNull();
    expect(parseCell('A1:B2')).toBeNull();
  });

  it('reads ranges, whole rows and whole columns', () => {
    expect(parseRange('Sheet1!B2:D9')).toEqual({ top: 1, left: 1, bottom: 8, right: 3 });
    expect(parseRange('D9:B2')).toEqual({ top: 1, left: 1, bottom: 8, right: 3 });
    expect(parseRange('3:5')).toEqual({ top: 2, left: 0, bottom: 4, right: 16383 });
    expect(parseRange('B:C')).toEqual({ top: 0, left: 1, bottom: 1048575, right: 2 });
    expect(parseRange('nonsense')).toBeNull();
  });

  it('splits area lists, respecting quoted sheet names with commas', () => {
    expect(parseAreaList("'A, b'!A1:B2,'A, b'!D4")).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 3, left: 3, bottom: 3, right: 3 },
    ]);
    expect(parseAreaList('')).toEqual([]);
  });
});

describe('cellsToRects', () => {
  it('merges a flagged column into one rectangle and a block into one', () => {
    const column = Array.from({ length: 10000 }, (_, i) => ({ row: i + 1, col: 2 }));
    expect(cellsToRects(column).map(rectAddress)).toEqual(['C2:C10001']);
    const block = [0, 1, 2].flatMap((row) => [3, 4].map((col) => ({ row, col })));
    expect(cellsToRects(block).map(rectAddress)).toEqual(['D1:E3']);
  });

  it('keeps separate runs separate and covers every cell exactly once', () => {
    const cells = [
      { row: 0, col: 0 },
      { row: 0, col: 1 },
      { row: 0, col: 3 },
      { row: 1, col: 0 },
      { row: 1, col: 1 },
      { row: 2, col: 1 },
      { row: 2, col: 1 },
    ];
    const rects = cellsToRects(cells).map(rectAddress);
    expect(rects).toEqual(['A1:B2', 'D1', 'B3']);
    expect(new Set(expandAreaList(rects.join(',')))).toEqual(new Set(['A1', 'B1', 'D1', 'A2', 'B2', 'B3']));
  });

  it('round-trips through the compact area list', () => {
    const addresses = ['A1', 'A2', 'A3', 'C5', 'D5', 'Z100'];
    expect(compactAreaList(addresses)).toBe('A1:A3,C5:D5,Z100');
    expect(expandAreaList(compactAreaList(addresses)).sort()).toEqual([...addresses].sort());
  });
});

describe('chunkAddresses', () => {
  it('keeps every string under Excel’s 8,192 characters and loses nothing', () => {
    const addresses = Array.from({ length: 10000 }, (_, i) => `B${i * 2 + 1}`);
    const chunks = chunkAddresses(addresses);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(EXCEL_ADDRESS_LIMIT);
    expect(chunks.join(',').split(',')).toEqual(addresses);
  });

  it('respects a custom limit exactly', () => {
    expect(chunkAddresses(['A1', 'B2', 'C3'], 5)).toEqual(['A1,B2', 'C3']);
    expect(() => chunkAddresses(['AAA100000'], 5)).toThrow();
    expect(chunkAddresses([])).toEqual([]);
  });
});
