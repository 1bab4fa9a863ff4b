import type { Workbook } from '../../src/core/workbook';
import { date1904Evidence, date1904FromWorkbookXml, guessDate1904, isoToSerial1900 } from '../../src/excel/date1904';

const period = { start: '2023-01-01', end: '2023-12-31' };

function workbook(columns: { dates?: number[]; texts?: string[] }[]): Workbook {
  const height = Math.max(...columns.map((c) => (c.dates?.length ?? 0) + (c.texts?.length ?? 0)));
  const rows = Array.from({ length: height }, (_, r) =>
    columns.map((c) => {
      const dates = c.dates ?? [];
      if (r < dates.length) return { kind: 'date' as const, value: dates[r]!, format: 'm/d/yyyy' };
      const text = c.texts?.[r - dates.length];
      return text === undefined ? { kind: 'empty' as const, value: null } : { kind: 'text' as const, value: text };
    }),
  );
  return { sheets: [{ name: 'Events', rows, merges: [] }], date1904: false };
}

describe('date1904FromWorkbookXml', () => {
  it('reads the attribute, with or without a namespace prefix', () => {
    expect(date1904FromWorkbookXml('<workbook><workbookPr date1904="1"/></workbook>')).toBe(true);
    expect(date1904FromWorkbookXml("<x:workbook><x:workbookPr defaultThemeVersion='1' date1904='true'/></x:workbook>")).toBe(true);
    expect(date1904FromWorkbookXml('<workbook><workbookPr date1904="0"/></workbook>')).toBe(false);
    expect(date1904FromWorkbookXml('<workbook><workbookPr/></workbook>')).toBe(false);
    expect(date1904FromWorkbookXml('<workbook/>')).toBe(false);
  });
});

describe('guessDate1904', () => {
  const jan1 = isoToSerial1900('2023-01-01');

  it('knows 2023-01-01 is serial 44927', () => expect(jan1).toBe(44927));

  it('1900 when the dates sit in the period, or when there are no dates at all', () => {
    expect(guessDate1904(workbook([{ dates: [jan1 + 10, jan1 + 100] }]), period)).toBe(false);
    expect(guessDate1904(workbook([{ texts: ['hello'] }]), period)).toBe(false);
  });

  it('1904 when every date lands exactly 1,462 days early and text dates in the column say 2023', () => {
    const wb = workbook([{ dates: [jan1 + 10 - 1462, jan1 + 40 - 1462], texts: ['3/15/2023'] }]);
    expect(date1904Evidence(wb, period)).toEqual({ in1900: 0, in1904: 2, in1904Corroborated: 2 });
    expect(guessDate1904(wb, period)).toBe(true);
  });

  it('unknown when the early dates have no text dates beside them, or the signals are mixed', () => {
    expect(guessDate1904(workbook([{ dates: [jan1 + 10 - 1462] }, { texts: ['3/15/2023'] }]), period)).toBe('unknown');
    expect(guessDate1904(workbook([{ dates: [jan1 + 10 - 1462, jan1 + 10, jan1 + 11], texts: ['3/15/2023'] }]), period)).toBe('unknown');
  });

  it('a stray early date among many good ones is a data error, not a date system', () => {
    const good = Array.from({ length: 40 }, (_, i) => jan1 + i);
    expect(guessDate1904(workbook([{ dates: [...good, jan1 - 1462] }]), period)).toBe(false);
  });
});
