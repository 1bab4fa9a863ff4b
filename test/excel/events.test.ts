import { changedRows, debounceRows } from '../../src/excel/events';

describe('changedRows', () => {
  it('reports the rows of an edit', () => {
    expect(changedRows({ address: 'C7', changeType: 'RangeEdited' }, 100)).toEqual([7]);
    expect(changedRows({ address: 'B3:D5', changeType: 'RangeEdited' }, 100)).toEqual([3, 4, 5]);
  });

  it('a cleared column means every row, up to the last known one', () => {
    expect(changedRows({ address: 'C:C', changeType: 'RangeEdited' }, 4)).toEqual([1, 2, 3, 4]);
  });

  it('inserting or deleting rows shifts everything below', () => {
    expect(changedRows({ address: '5:6', changeType: 'RowInserted' }, 8)).toEqual([5, 6, 7, 8]);
    expect(changedRows({ address: 'B2', changeType: 'ColumnDeleted' }, 3)).toEqual([1, 2, 3]);
  });
});

describe('debounceRows', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('collects rows until the edits pause, then reports them sorted once', () => {
    const calls: number[][] = [];
    const d = debounceRows((rows) => calls.push(rows), 400);
    d.add([9]);
    jest.advanceTimersByTime(300);
    d.add([2, 9]);
    jest.advanceTimersByTime(399);
    expect(calls).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(calls).toEqual([[2, 9]]);
    d.add([4]);
    d.cancel();
    jest.advanceTimersByTime(1000);
    expect(calls).toHaveLength(1);
  });
});
