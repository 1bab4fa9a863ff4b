import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { CheckOptions } from '../../src/core/check';
import type { CheckReport, Issue } from '../../src/core/report';
import { a1, cellAt, cellText, columnLetter, type Cell, type Sheet, type Workbook } from '../../src/core/workbook';
import type { CellChange, SavedMapping, UndoRecord, WorkbookHost } from '../../src/taskpane/host';
import { HostProvider, type Engine, type OriginalFile } from '../../src/taskpane/HostContext';

/** A cell from a plain value, as a reader would make it. */
export function cell(v: string | number | null): Cell {
  if (v === null || v === '') return { kind: 'empty', value: null };
  return typeof v === 'number' ? { kind: 'number', value: v } : { kind: 'text', value: v };
}

export function sheetOf(name: string, rows: (string | number | null)[][]): Sheet {
  return { name, rows: rows.map((r) => r.map(cell)), merges: [] };
}

/** A small events sheet with a title row above the headings (row 2) and messy values. */
export function eventsWorkbook(): Workbook {
  return {
    date1904: false,
    source: 'xlsx',
    sheets: [
      sheetOf('Notes', [['Read me first']]),
      sheetOf('Events', [
        ['Eastside events 2023'],
        ['Event', 'When', 'Level', 'Who', 'How many', 'Staff'],
        ['Story time', '3/4/23', 'L1', 'parents', '~25', 'AB'],
        ['Play group', 'TBD', 'level 2', 'caregivers', 12, 'CD'],
        ['Book fair', '5/6/2023', 'touchpoint', 'parents', 'about 40', 'AB'],
        ['DOYC picnic', '4/20/2023', 'doyc', 'parent & child', 60, 'EF'],
      ]),
    ],
  };
}

const HEADING_FIELDS: Record<string, string | null> = {
  event: 'title',
  when: 'date',
  level: 'engagement',
  who: 'audience',
  'how many': 'attendees',
  staff: null,
};
const REQUIRED = ['title', 'date', 'audience', 'engagement', 'attendees'];
const LEVELS: Record<string, string> = { l1: 'level_one', 'level 2': 'level_two', touchpoint: 'touchpoint', doyc: 'day_of_young_child' };

/**
 * A stand-in for the check engine with the same contract: finds the sheet
 * and header row unless told, suggests a mapping the person's overrides win
 * over, and reports a few issues (one fixable per approximate count).
 */
export const fakeEngine: Engine = (workbook: Workbook, options: CheckOptions = {}): CheckReport => {
  const sheet = workbook.sheets.find((s) => s.name === (options.sheet ?? 'Events')) ?? workbook.sheets[0]!;
  const headerRow = options.headerRow ?? Math.max(1, sheet.rows.findIndex((r) => r.some((c) => cellText(c) === 'Event')) + 1);
  const header = sheet.rows[headerRow - 1] ?? [];
  const columns = header
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => cellText(c))
    .map(({ c, i }) => {
      const suggested = HEADING_FIELDS[cellText(c).toLowerCase()] ?? null;
      const column = columnLetter(i);
      const chosen = options.mapping && column in options.mapping ? (options.mapping[column] ?? null) : suggested;
      const field = chosen !== null && typeof chosen === 'object' ? chosen.field : chosen;
      return { column, header: cellText(c), field, confidence: suggested ? 0.9 : 0, reason: suggested ? `The heading “${cellText(c)}” names this field.` : 'No field has a heading like this.' };
    });
  const colOf = (field: string) => columns.find((c) => c.field === field);
  const issues: Issue[] = [];
  for (const f of REQUIRED) {
    if (!colOf(f)) issues.push({ field: f, severity: 'error', code: 'unmapped_required_field', message: `No column is ${f}.` });
  }
  const byEngagement: Record<string, { events: number; attendees: number }> = {};
  const records = [];
  for (let r = headerRow; r < sheet.rows.length; r++) {
    const row = r + 1;
    const values: Record<string, string | number | string[]> = {};
    const get = (f: string) => {
      const c = colOf(f);
      return c ? cellAt(sheet, r, columnIndexOf(c.column)) : null;
    };
    const date = get('date');
    if (date && cellText(date) === 'TBD') {
      issues.push({ row, column: colOf('date')!.column, field: 'date', severity: 'error', code: 'invalid_date', message: '“TBD” is not a date.', value: 'TBD' });
    }
    const count = get('attendees');
    let attendees: number | null = null;
    if (count?.kind === 'number') attendees = count.value as number;
    else if (count) {
      const m = /(\d+)/.exec(cellText(count));
      if (m) {
        attendees = Number(m[1]);
        issues.push({
          row, column: colOf('attendees')!.column, field: 'attendees', severity: 'warning', code: 'approximate_attendees',
          message: `“${cellText(count)}” is approximate: counted as ${attendees}.`, value: cellText(count), normalised: attendees,
        });
      }
    }
    const level = get('engagement');
    const id = level ? LEVELS[cellText(level).toLowerCase()] : undefined;
    if (id) {
      values.engagement = id;
      const t = (byEngagement[id] ??= { events: 0, attendees: 0 });
      t.events++;
      t.attendees += attendees ?? 0;
    }
    if (attendees !== null) values.attendees = attendees;
    records.push({ row, values });
  }
  const errors = issues.filter((i) => i.severity === 'error').length;
  return {
    sheet: sheet.name,
    headerRow,
    period: { start: '2023-01-01', end: '2023-12-31' },
    date1904: workbook.date1904,
    columns,
    tables: [{ sheet: sheet.name, headerRow, firstRow: headerRow + 1, lastRow: Math.max(headerRow + 1, ...records.map((r) => r.row)), records: records.length, columns }],
    skipped: [],
    records,
    issues,
    summary: { records: records.length, errors, warnings: issues.length - errors, byEngagement, byAudience: {}, byEventType: {}, byMonth: {}, byZip: {} },
    engine: { version: 'fake', collection: 'hsh-imperative2-2023' },
  };
};

function columnIndexOf(letter: string): number {
  return letter.charCodeAt(0) - 65;
}

/** An in-memory WorkbookHost whose every method is a jest mock, for asserting what the taskpane asked of it. */
export function fakeHost(initial: Workbook = eventsWorkbook(), opts: { date1904?: boolean | 'unknown' } = {}) {
  let workbook = initial;
  const saved = new Map<string, SavedMapping>();
  let editHandler: ((rows: number[]) => void) | null = null;
  const setCell = (sheetName: string, address: string, value: unknown) => {
    const m = /^([A-Z]+)(\d+)$/.exec(address)!;
    const r = Number(m[2]) - 1;
    const c = columnIndexOf(m[1]!);
    workbook = {
      ...workbook,
      sheets: workbook.sheets.map((s) => {
        if (s.name !== sheetName) return s;
        const rows = s.rows.map((row) => row.slice());
        rows[r] = rows[r] ?? [];
        rows[r]![c] = cell(value as string | number | null);
        return { ...s, rows };
      }),
    };
  };
  const host = {
    kind: 'excel' as const,
    readWorkbook: jest.fn(async () => workbook),
    detectDate1904: jest.fn(async () => opts.date1904 ?? false),
    highlight: jest.fn(async (_sheet: string, issues: Issue[]) => ({ cells: new Set(issues.filter((i) => i.row).map((i) => `${i.column}${i.row}`)).size, notes: 'notes' as const })),
    clearHighlights: jest.fn(async () => undefined),
    goTo: jest.fn(async () => undefined),
    writeValues: jest.fn(async (sheet: string, changes: CellChange[]): Promise<UndoRecord> => {
      const target = workbook.sheets.find((s) => s.name === sheet)!;
      const previous = changes.map((ch) => {
        const m = /^([A-Z]+)(\d+)$/.exec(ch.address)!;
        return { address: ch.address, value: cellAt(target, Number(m[2]) - 1, columnIndexOf(m[1]!)).value };
      });
      for (const ch of changes) setCell(sheet, ch.address, ch.value);
      return { sheet, previous };
    }),
    undo: jest.fn(async (record: UndoRecord) => {
      for (const p of record.previous) setCell(record.sheet, p.address, p.value);
    }),
    onEdit: jest.fn(async (_sheet: string, handler: (rows: number[]) => void) => {
      editHandler = handler;
      return () => {
        editHandler = null;
      };
    }),
    loadMapping: jest.fn(async (key: string) => saved.get(key) ?? null),
    saveMapping: jest.fn(async (key: string, m: SavedMapping) => {
      saved.set(key, m);
    }),
  } satisfies WorkbookHost;
  return {
    host,
    workbook: () => workbook,
    /** Simulates the partner typing into a cell in Excel. */
    edit(sheet: string, address: string, value: string | number) {
      setCell(sheet, address, value);
      editHandler?.([Number(/\d+/.exec(address)![0])]);
    },
    saved,
  };
}

/** Renders inside Fluent's provider and the host context, as the taskpane does. */
export function renderWithHost(ui: ReactElement, host: WorkbookHost, engine: Engine = fakeEngine, originalFile?: () => OriginalFile | null) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <HostProvider host={host} engine={engine} originalFile={originalFile}>
        {ui}
      </HostProvider>
    </FluentProvider>,
  );
}

export { a1 };
