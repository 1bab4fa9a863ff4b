import { HSH_2023 } from '../../src/core/collection/hsh2023';
import { createExcelHost } from '../../src/excel';
import { DATA_SHEET, DATE_FORMAT, MONTH_FORMAT, PIVOT_SHEET, SUMMARY_SHEET, TABLE_HEADERS, type AggregateRecordJson } from '../../src/excel/analysis';
import { FIVE_MB, RichApiHost, type HostSheet } from './richApiHost';

/**
 * Analyst mode through Microsoft's own client library (richApiHost.ts): the
 * aggregate records as a table on a new sheet, PivotTables at ExcelApi 1.8+,
 * formulas at 1.7, and the charts, with the calls the host received checked.
 */

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

const LEVELS = ['touchpoint', 'level_one', 'level_two', 'day_of_young_child'];
const AUDIENCES = ['parent_family', 'caregiver', 'teacher_educator'];

function records(n: number, pad = ''): AggregateRecordJson[] {
  return Array.from({ length: n }, (_, i) => ({
    orgId: `org_${i % 3}`,
    partner: `Partner ${'ABC'[i % 3]}${pad}`,
    flagged: i % 7 === 0,
    values: {
      title: `Event ${i}`,
      date: `2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      engagement: LEVELS[i % 4],
      audience: i % 5 === 0 ? [AUDIENCES[0], AUDIENCES[1]] : [AUDIENCES[i % 3]],
      event_type: 'literacy',
      zip: `482${String(i % 10).padStart(2, '0')}`,
      attendees: i % 11 === 0 ? 'about ten' : (i % 40) + 1,
    },
  }));
}

function setup(excelApi: string): { excel: RichApiHost; host: ReturnType<typeof createExcelHost> } {
  const excel = new RichApiHost({ excelApi });
  uninstall = excel.install();
  excel.addSheet('Sheet1');
  return { excel, host: createExcelHost({ retryDelayMs: 0 }) };
}

/** Excel's serial (1900 system) of an ISO date. */
function serial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y!, m! - 1, d!) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** The rows under the header of the data sheet, as the host holds them. */
function tableRows(sheet: HostSheet, count: number): (string | number | boolean)[][] {
  const out: (string | number | boolean)[][] = [];
  for (let r = 1; r <= count; r++) out.push(TABLE_HEADERS.map((_, c) => sheet.get(r, c)?.value ?? ''));
  return out;
}

describe('analyst mode through the real Office.js client', () => {
  it('at ExcelApi 1.8+: the table, three PivotTables with their hierarchies and two charts', async () => {
    const { excel, host } = setup('1.18');
    const input = records(120);
    const result = await host.buildAnalysis(input, HSH_2023);
    expect(result).toMatchObject({ dataSheet: DATA_SHEET, pivotSheet: PIVOT_SHEET, summarySheet: SUMMARY_SHEET, rows: 120, pivots: 3, charts: 2 });
    expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1', DATA_SHEET, SUMMARY_SHEET, PIVOT_SHEET]);

    const data = excel.sheet(DATA_SHEET);
    expect(TABLE_HEADERS.map((_, c) => data.get(0, c)?.value)).toEqual([...TABLE_HEADERS]);
    const rows = tableRows(data, 120);
    rows.forEach((row, i) => {
      const r = input[i]!;
      expect(row[0]).toBe(r.partner);
      // Real dates: a DATE formula (the same day in a 1900 or 1904 workbook) shown as a date, and its month.
      const iso = String(r.values.date);
      const [y, m, d] = iso.split('-').map(Number);
      expect(data.get(i + 1, 1)).toMatchObject({ formula: `=DATE(${y},${m},${d})`, value: serial(iso), format: DATE_FORMAT });
      expect(data.get(i + 1, 2)).toMatchObject({ formula: `=DATE(${y},${m},1)`, value: serial(`${iso.slice(0, 7)}-01`), format: MONTH_FORMAT });
      expect(row[3]).toBe(r.values.engagement);
      expect(row[4]).toBe((r.values.audience as string[]).join(', '));
      expect(row[6]).toBe(r.values.zip); // kept as text, not the number 48201
      expect(row[7]).toBe(1);
      expect(row[8]).toBe(typeof r.values.attendees === 'number' ? r.values.attendees : 0);
      expect(row[9]).toBe('yes');
      expect(row[10]).toBe(r.flagged ? 'yes' : 'no');
    });
    expect(data.get(121, 0)).toBeUndefined();

    expect(excel.tables).toHaveLength(1);
    expect(excel.tables[0]).toMatchObject({ sheet: data, rect: { top: 0, left: 0, bottom: 120, right: TABLE_HEADERS.length - 1 }, hasHeaders: true, name: 'Aggregate' });

    const pivots = excel.pivots.map((p) => ({ name: p.name, sheet: p.sheet.name, table: p.source.table, rows: p.rows, columns: p.columns, data: p.data }));
    const sum = [{ field: 'Events', summarizeBy: 'Sum' }, { field: 'Attendees', summarizeBy: 'Sum' }];
    expect(pivots).toEqual([
      { name: 'EngagementAudienceMonth', sheet: PIVOT_SHEET, table: 'Aggregate', rows: ['Engagement', 'Audience'], columns: ['Month'], data: sum },
      { name: 'ByPartner', sheet: PIVOT_SHEET, table: 'Aggregate', rows: ['Partner'], columns: [], data: sum },
      { name: 'ByZip', sheet: PIVOT_SHEET, table: 'Aggregate', rows: ['ZIP'], columns: [], data: sum },
    ]);
    // Pivots do not overlap one another: 4 levels + their (level, audience) pairs above the second, 3 partners above the third.
    const pairs = new Set(input.map((r) => `${r.values.engagement}|${(r.values.audience as string[]).join(', ')}`)).size;
    expect(excel.pivots.map((p) => p.at.top)).toEqual([0, 4 + pairs + 8, 4 + pairs + 8 + 3 + 8]);

    expect(excel.charts.map((c) => ({ sheet: c.sheet.name, type: c.type, seriesBy: c.seriesBy, title: c.title, source: c.source.sheet.name }))).toEqual([
      { sheet: SUMMARY_SHEET, type: 'Line', seriesBy: 'Columns', title: 'Events by month and engagement level', source: SUMMARY_SHEET },
      { sheet: SUMMARY_SHEET, type: 'ColumnClustered', seriesBy: 'Columns', title: 'Indicator: events and attendees by engagement level', source: SUMMARY_SHEET },
    ]);
    // The months on a date axis, by month.
    expect(excel.charts[0]!.categoryAxis).toEqual({ categoryType: 'DateAxis', baseTimeUnit: 'Months' });
    // Beside the summary (month + 4 levels), not over it.
    expect(excel.charts.map((c) => c.position)).toEqual([{ from: 'G1', to: 'O16' }, { from: 'G18', to: 'O33' }]);
    // The trend chart's range: a header row and the 12 months, month + 4 levels.
    expect(excel.charts[0]!.source.rect).toEqual({ top: 0, left: 0, bottom: 12, right: 4 });
    const summary = excel.sheet(SUMMARY_SHEET);
    expect(summary.get(1, 0)).toMatchObject({ formula: '=DATE(2023,1,1)', value: serial('2023-01-01'), format: MONTH_FORMAT });
    expect(summary.get(12, 0)).toMatchObject({ formula: '=DATE(2023,12,1)', format: MONTH_FORMAT });
    expect(summary.get(1, 1)?.formula).toBe("=SUMIFS('Analysis data'!$H$2:$H$121,'Analysis data'!$C$2:$C$121,$A2,'Analysis data'!$D$2:$D$121,B$1)");
    // No per-partner formulas: the pivots carry those breakdowns.
    expect([...summary.cells.values()].some((c) => c.value === 'Partner')).toBe(false);
    expect(excel.calls.get('PivotTableCollection.Add')).toBe(3);
    expect(excel.totals().refusals).toBe(0);
  });

  it('at ExcelApi 1.7: no PivotTable call at all, the breakdowns as COUNTIFS/SUMIFS formulas, and the charts', async () => {
    const { excel, host } = setup('1.7');
    const input = records(60);
    const result = await host.buildAnalysis(input, HSH_2023);
    expect(result).toMatchObject({ pivotSheet: null, pivots: 0, charts: 2, rows: 60 });
    expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1', DATA_SHEET, SUMMARY_SHEET]);
    expect(excel.pivots).toEqual([]);
    expect([...excel.calls.keys()].filter((k) => /Pivot/.test(k))).toEqual([]);
    expect(tableRows(excel.sheet(DATA_SHEET), 60).map((r) => r[0])).toEqual(input.map((r) => r.partner));
    expect(excel.tables).toHaveLength(1);
    expect(excel.charts.map((c) => c.type)).toEqual(['Line', 'ColumnClustered']);

    const summary = excel.sheet(SUMMARY_SHEET);
    const labels = new Map<string, { row: number; col: number }>();
    for (const [k, c] of summary.cells) if (typeof c.value === 'string') labels.set(c.value, { row: Math.floor(k / 16384), col: k % 16384 });
    const partner = labels.get('Partner')!;
    expect(partner).toBeDefined();
    expect(summary.get(partner.row + 1, 0)?.value).toBe('Partner A');
    expect(summary.get(partner.row + 1, 1)?.formula).toBe(`=SUMIFS('Analysis data'!$H$2:$H$61,'Analysis data'!$A$2:$A$61,$A${partner.row + 2})`);
    expect(summary.get(partner.row + 1, 2)?.formula).toBe(`=SUMIFS('Analysis data'!$I$2:$I$61,'Analysis data'!$A$2:$A$61,$A${partner.row + 2})`);
    const zip = labels.get('ZIP')!;
    expect(summary.get(zip.row + 1, 0)?.value).toBe('48200');
    expect(summary.get(zip.row + 10, 0)?.value).toBe('48209');
    expect(summary.get(zip.row + 1, 1)?.formula).toMatch(/^=SUMIFS\('Analysis data'!\$H\$2:\$H\$61,'Analysis data'!\$G\$2:\$G\$61,\$A\d+\)$/);
  });

  it('records the indicator does not count are rows with Events and Attendees 0, and Counted says why', async () => {
    const { excel, host } = setup('1.18');
    const input = records(3);
    input[1]!.values.date = '2022-12-31';
    input[2]!.values.engagement = 'a lot';
    input[0]!.values.attendees = 12;
    await host.buildAnalysis(input, HSH_2023, { start: '2023-01-01', end: '2023-12-31' });
    const rows = tableRows(excel.sheet(DATA_SHEET), 3);
    expect(rows.map((r) => [r[7], r[8], r[9]])).toEqual([
      [1, 12, 'yes'],
      [0, 0, 'no: dated outside the period'],
      [0, 0, 'no: no engagement level'],
    ]);
    expect(rows[2]![3]).toBe('a lot');
  });

  it('a host at 1.7 refuses a PivotTable call: the requirement set is enforced', async () => {
    const { excel } = setup('1.7');
    const sheet = excel.sheet('Sheet1');
    sheet.put('A1', [['a', 'b'], [1, 2]]);
    await expect(
      Excel.run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Sheet1');
        ws.pivotTables.add('P', ws.getRange('A1:B2'), ws.getRange('D1'));
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/ApiNotFound|NotImplemented/) });
    expect(excel.pivots).toEqual([]);
  });

  it('a table over 5 MB is written in blocks, each request under the limit, every row there', async () => {
    const { excel, host } = setup('1.18');
    const n = 24_000;
    const input = records(n, ' — a partner with a long name, '.repeat(6));
    const before = excel.stats.length;
    const result = await host.buildAnalysis(input, HSH_2023);
    const totals = excel.totals(before);
    expect(totals.requestBytes).toBeGreaterThan(FIVE_MB);
    expect(totals.maxRequest).toBeLessThan(FIVE_MB);
    expect(totals.refusals).toBe(0);
    expect(result.blocks).toBeGreaterThan(1);
    const data = excel.sheet(DATA_SHEET);
    const rows = tableRows(data, n);
    expect(rows.map((r) => r[0])).toEqual(input.map((r) => r.partner));
    expect(rows.map((r) => r[3])).toEqual(input.map((r) => r.values.engagement));
    expect(excel.tables[0]!.rect.bottom).toBe(n);
  }, 120_000);

  it('a second build takes new sheet and table names instead of failing on the first ones', async () => {
    const { excel, host } = setup('1.18');
    await host.buildAnalysis(records(10), HSH_2023);
    await host.buildAnalysis(records(10), HSH_2023);
    expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1', DATA_SHEET, SUMMARY_SHEET, PIVOT_SHEET, `${DATA_SHEET} (2)`, `${SUMMARY_SHEET} (2)`, `${PIVOT_SHEET} (2)`]);
    expect(new Set(excel.tables.map((t) => t.name)).size).toBe(2);
    expect(new Set(excel.pivots.map((p) => p.name)).size).toBe(6);
  });

  it('at ExcelApi 1.6 (no getRangeByIndexes): refused in words, and the sheet it had added is removed', async () => {
    const { excel, host } = setup('1.6');
    await expect(host.buildAnalysis(records(24), HSH_2023)).rejects.toThrow(
      'Excel could not build the analysis: this version of Excel lacks a feature the add-in needs. Update Excel, or use Excel on the web. The sheets it had begun are removed: the workbook is as it was.',
    );
    expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  it('rows without a date are the "unknown" month, below the months the chart draws, so the months still add up', async () => {
    const { excel, host } = setup('1.18');
    const input = records(24);
    input[3]!.values.date = 'spring';
    input[4]!.values.date = '2023-02-30';
    await host.buildAnalysis(input, HSH_2023);
    const data = excel.sheet(DATA_SHEET);
    expect(data.get(4, 1)).toMatchObject({ value: 'spring' });
    expect(data.get(4, 1)?.formula).toBeUndefined();
    expect(data.get(4, 2)?.value).toBe('unknown');
    expect(data.get(5, 1)?.value).toBe('2023-02-30'); // not a day: kept as text, not rolled over to March
    const summary = excel.sheet(SUMMARY_SHEET);
    expect(summary.get(13, 0)?.value).toBe('unknown');
    expect(summary.get(13, 1)?.formula).toMatch(/^=SUMIFS\(/);
    expect(excel.charts[0]!.source.rect).toEqual({ top: 0, left: 0, bottom: 12, right: 4 });
  });

  it('with children under 5 by ZIP: a by-ZIP block with attendees per 1,000 children, a ZIP without events included', async () => {
    for (const api of ['1.18', '1.7']) {
      const { excel, host } = setup(api);
      const population = new Map([
        ['48201', 2_000],
        ['48299', 1_500],
      ]);
      await host.buildAnalysis(records(40), HSH_2023, undefined, population);
      const summary = excel.sheet(SUMMARY_SHEET);
      const heads = [...summary.cells].filter(([, c]) => c.value === 'Children under 5');
      expect(heads).toHaveLength(1);
      const k = heads[0]![0];
      const row = Math.floor(k / 16384);
      expect(k % 16384).toBe(3);
      expect([0, 1, 2, 3, 4].map((c) => summary.get(row, c)?.value)).toEqual(['ZIP', 'Events', 'Attendees', 'Children under 5', 'Attendees per 1,000 children under 5']);
      const zips: string[] = [];
      for (let r = row + 1; summary.get(r, 0)?.value; r++) zips.push(String(summary.get(r, 0)!.value));
      expect(zips).toEqual(['48200', '48201', '48202', '48203', '48204', '48205', '48206', '48207', '48208', '48209', '48299']);
      const at201 = row + 2; // 0-based row of 48201
      expect(summary.get(at201, 2)?.formula).toBe(`=SUMIFS('Analysis data'!$I$2:$I$41,'Analysis data'!$G$2:$G$41,$A${at201 + 1})`);
      expect(summary.get(at201, 3)?.value).toBe(2_000);
      expect(summary.get(at201, 4)?.formula).toBe(`=IF(N(D${at201 + 1})>0,ROUND(C${at201 + 1}/D${at201 + 1}*1000,1),"")`);
      expect(summary.get(row + 1, 3)?.value).toBe(''); // 48200: no population
      expect(summary.get(row + 11, 3)?.value).toBe(1_500); // 48299: no event, still listed
      uninstall?.();
      uninstall = null;
    }
  });
});

describe('a build that fails part way leaves the workbook as it was', () => {
  /** How many operations a whole build takes on this host. */
  async function operationsOfABuild(api: string, input: AggregateRecordJson[]): Promise<number> {
    const { excel, host } = setup(api);
    excel.arm(Number.MAX_SAFE_INTEGER);
    await host.buildAnalysis(input, HSH_2023, undefined, new Map([['48201', 900]]));
    const n = excel.operations;
    uninstall?.();
    uninstall = null;
    return n;
  }

  it('when the sheets it had begun cannot be removed either, it says which to delete', async () => {
    const { excel, host } = setup('1.18');
    excel.refuseSheetDeletes = 'WorkbookProtected';
    excel.arm(40);
    const error = await host.buildAnalysis(records(30), HSH_2023).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/^Excel could not build the analysis.* It stopped part way and could not remove what it had begun: delete the sheets “Analysis data”, “Analysis summary”, “Analysis pivots” if they are there, then try again\.$/);
    expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1', DATA_SHEET, SUMMARY_SHEET, PIVOT_SHEET]);
  });

  for (const api of ['1.18', '1.7']) {
    it(`at ExcelApi ${api}: a failure at each operation of the build removes every sheet, table, PivotTable and chart it had made; the next build takes the first names`, async () => {
      const input = records(30);
      const total = await operationsOfABuild(api, input);
      expect(total).toBeGreaterThan(20);
      const outcomes = new Set<string>();
      for (let n = 1; n <= total; n++) {
        const { excel, host } = setup(api);
        excel.sheet('Sheet1').put('A1', [['the analyst’s own', 42]]);
        excel.arm(n);
        const error = await host.buildAnalysis(input, HSH_2023, undefined, new Map([['48201', 900]])).then(
          () => null,
          (e: unknown) => e as Error,
        );
        // The last operations (activating the data sheet) may fail after everything is built: then the build stays, whole.
        if (error === null) {
          outcomes.add('built');
          continue;
        }
        expect(error.message).toMatch(/^Excel could not build the analysis.*(the workbook is as it was|Nothing was added to the workbook)\.$/);
        outcomes.add(/as it was/.test(error.message) ? 'removed' : 'nothing');
        expect({ n, sheets: excel.sheets.map((s) => s.name) }).toEqual({ n, sheets: ['Sheet1'] });
        expect({ n, tables: excel.tables.length, pivots: excel.pivots.length, charts: excel.charts.length }).toEqual({ n, tables: 0, pivots: 0, charts: 0 });
        expect([excel.sheet('Sheet1').get(0, 0)?.value, excel.sheet('Sheet1').get(0, 1)?.value]).toEqual(['the analyst’s own', 42]);
        const again = await host.buildAnalysis(input, HSH_2023);
        expect(again).toMatchObject({ dataSheet: DATA_SHEET, summarySheet: SUMMARY_SHEET });
        uninstall?.();
        uninstall = null;
      }
      expect(outcomes.has('removed')).toBe(true);
    }, 120_000);
  }
});
