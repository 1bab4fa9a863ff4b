import { fillKey, isNoFill, isPaintedWith, readRects } from '../../src/excel/fills';

describe('fills', () => {
  it('tells no fill from a white fill only by the pattern when it is known', () => {
    expect(isNoFill({ color: '#FFFFFF', pattern: 'None' })).toBe(true);
    expect(isNoFill({ color: '#FFFFFF', pattern: 'Solid' })).toBe(false);
    expect(isNoFill({ color: '#FFFFFF' })).toBe(true); // ExcelApi 1.7: colour only
    expect(fillKey({ pattern: 'None', color: '#FFFFFF' })).toBe(fillKey({ pattern: 'None' }));
    expect(fillKey({ color: '#c6efce', pattern: 'Solid' })).toBe(fillKey({ color: '#C6EFCE', pattern: 'Solid' }));
  });

  it('recognises our own paint, not a tinted or patterned look-alike', () => {
    expect(isPaintedWith({ color: '#ffc7ce', pattern: 'Solid' }, '#FFC7CE')).toBe(true);
    expect(isPaintedWith({ color: '#FFC7CE', pattern: 'Solid', tintAndShade: 0.2 }, '#FFC7CE')).toBe(false);
    expect(isPaintedWith({ color: '#FFC7CE', pattern: 'Gray25' }, '#FFC7CE')).toBe(false);
    expect(isPaintedWith(undefined, '#FFC7CE')).toBe(false);
  });

  it('reads every other row of a column as one range', () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ top: 1 + 2 * i, bottom: 1 + 2 * i, left: 2, right: 2 }));
    expect(readRects(rows)).toEqual([{ top: 1, bottom: 199, left: 2, right: 2 }]);
    expect(readRects([{ top: 0, bottom: 0, left: 0, right: 0 }, { top: 10, bottom: 10, left: 0, right: 0 }, { top: 1, bottom: 1, left: 0, right: 1 }])).toHaveLength(3);
  });
});
