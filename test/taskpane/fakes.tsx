import type { ReactElement } from 'react';
import { render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { CheckOptions, MappingChoice } from '../../src/core/check';
import type { CheckRecord, CheckReport, ColumnMapping, Issue, Skipped, TableReport } from '../../src/core/report';
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

/** A workbook kept as one sheet per month: a "Read me" sheet, Jan and Feb with the same headings, Mar with its own (adults + children, one mark column per audience). */
export function monthlyWorkbook(): Workbook {
  const head = ['Event', 'When', 'Level', 'Who', 'How many', 'Staff'];
  return {
    date1904: false,
    source: 'xlsx',
    sheets: [
      sheetOf('Read me', [['How to fill in this workbook'], ['One sheet per month.']]),
      sheetOf('Jan', [head, ['Story time', '1/4/23', 'L1', 'parents', 20, 'AB'], ['Play group', '1/11/23', 'level 2', 'caregivers', '~12', 'CD']]),
      sheetOf('Feb', [['February'], head, ['Book fair', 'TBD', 'touchpoint', 'parents', 40, 'AB'], ['Story time', '2/8/23', 'L1', 'parents', 'about 30', 'EF']]),
      sheetOf('Mar', [
        ['Event', 'When', 'Level', 'Group', '# Adults', '# Children', 'Teachers'],
        ['Puppet show', '3/1/23', 'L1', 'parents', 10, 14, ''],
        ['Training', 'TBD', 'level 2', 'providers', 8, 0, 'x'],
      ]),
    ],
  };
}

const HEADING_FIELDS: Record<string, MappingChoice> = {
  event: 'title',
  when: 'date',
  level: 'engagement',
  who: 'audience',
  group: 'audience',
  'how many': 'attendees',
  '# adults': { field: 'attendees', combine: 'sum' },
  '# children': { field: 'attendees', combine: 'sum' },
  teachers: { field: 'audience', combine: 'mark', option: 'teacher_educator' },
  staff: null,
};
/** Headings the fake is unsure of: an `uncertain_mapping` warning for the column. */
const UNCERTAIN = new Set(['group']);
const REQUIRED = ['title', 'date', 'audience', 'engagement', 'attendees'];
const LEVELS: Record<string, string> = { l1: 'level_one', 'level 2': 'level_two', touchpoint: 'touchpoint', doyc: 'day_of_young_child' };

const fieldOf = (c: MappingChoice | undefined): string | null => (c === undefined || c === null ? null : typeof c === 'string' ? c : c.field);

/**
 * A stand-in for the check engine with the same contract: reads every sheet
 * with an "Event" heading as a table of events (all sheets but those left
 * out; only `sheet` when told), lists the others as skipped, suggests a
 * mapping the person's overrides win over (`mapping`, then `mappings` per
 * sheet), and reports a few issues (one fixable per approximate count),
 * each with its sheet.
 */
// Synchronous, as tests call it directly; the taskpane awaits whatever an Engine returns.
export const fakeEngine = (workbook: Workbook, options: CheckOptions = {}): CheckReport => {
  const tables: TableReport[] = [];
  const skipped: Skipped[] = [];
  const records: CheckRecord[] = [];
  const issues: Issue[] = [];
  const byEngagement: Record<string, { events: number; attendees: number }> = {};
  const candidates = options.sheet ? workbook.sheets.filter((s) => s.name === options.sheet) : workbook.sheets;
  for (const sheet of candidates.length ? candidates : workbook.sheets.slice(0, 1)) {
    if (options.leaveOut?.includes(sheet.name)) {
      skipped.push({ sheet: sheet.name, reason: 'Left out by you.', byChoice: true });
      continue;
    }
    const found = sheet.rows.findIndex((r) => r.some((c) => cellText(c) === 'Event')) + 1;
    const chosen = options.headerRows?.[sheet.name] ?? (tables.length === 0 ? options.headerRow : undefined);
    const headerRow = chosen ?? (found > 0 ? found : options.include?.includes(sheet.name) || options.sheet ? 1 : 0);
    if (headerRow === 0) {
      skipped.push({ sheet: sheet.name, reason: 'No row of headings: instructions or notes, not events.' });
      continue;
    }
    const overrides = options.mappings?.[sheet.name] ?? options.mapping;
    const header = sheet.rows[headerRow - 1] ?? [];
    const columns: ColumnMapping[] = header
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => cellText(c))
      .map(({ c, i }) => {
        const heading = cellText(c).toLowerCase();
        const guess = HEADING_FIELDS[heading] ?? null;
        const column = columnLetter(i);
        const pick = overrides && column in overrides ? (overrides[column] ?? null) : guess;
        const part = pick !== null && typeof pick === 'object' ? pick : null;
        if (UNCERTAIN.has(heading) && !(overrides && column in overrides)) {
          issues.push({ sheet: sheet.name, column, field: fieldOf(guess), severity: 'warning', code: 'uncertain_mapping', message: `“${cellText(c)}” may be the ${fieldOf(guess)}, but its values say little.` });
        }
        return {
          column, header: cellText(c), field: fieldOf(pick), confidence: guess ? (UNCERTAIN.has(heading) ? 0.4 : 0.9) : 0,
          reason: guess ? `The heading “${cellText(c)}” names this field.` : 'No field has a heading like this.',
          ...(part?.combine ? { combine: part.combine } : {}), ...(part?.option ? { option: part.option } : {}),
        };
      });
    const colsOf = (field: string) => columns.filter((c) => c.field === field);
    const colOf = (field: string) => colsOf(field)[0];
    if (tables.length === 0) {
      for (const f of REQUIRED) {
        if (!colOf(f)) issues.push({ field: f, severity: 'error', code: 'unmapped_required_field', message: `No column is ${f}.` });
      }
    }
    const before = records.length;
    for (let r = headerRow; r < sheet.rows.length; r++) {
      const row = r + 1;
      const values: Record<string, string | number | string[]> = {};
      const at = (c: ColumnMapping | undefined) => (c ? cellAt(sheet, r, columnIndexOf(c.column)) : null);
      const date = at(colOf('date'));
      if (date && cellText(date) === 'TBD') {
        issues.push({ sheet: sheet.name, row, column: colOf('date')!.column, field: 'date', severity: 'error', code: 'invalid_date', message: '“TBD” is not a date.', value: 'TBD' });
      }
      let attendees: number | null = null;
      for (const c of colsOf('attendees').filter((x) => x.combine !== 'mark')) {
        const count = at(c);
        if (count?.kind === 'number') attendees = (attendees ?? 0) + (count.value as number);
        else if (count && cellText(count)) {
          const m = /(\d+)/.exec(cellText(count));
          if (m) {
            attendees = (attendees ?? 0) + Number(m[1]);
            issues.push({
              sheet: sheet.name, row, column: c.column, field: 'attendees', severity: 'warning', code: 'approximate_attendees',
              message: `“${cellText(count)}” is approximate: counted as ${m[1]}.`, value: cellText(count), normalised: Number(m[1]),
            });
          }
        }
      }
      const level = at(colOf('engagement'));
      const id = level ? LEVELS[cellText(level).toLowerCase()] : undefined;
      if (id) {
        values.engagement = id;
        const t = (byEngagement[id] ??= { events: 0, attendees: 0 });
        t.events++;
        t.attendees += attendees ?? 0;
      }
      if (attendees !== null) values.attendees = attendees;
      records.push({ sheet: sheet.name, row, values });
    }
    const mine = records.slice(before);
    tables.push({ sheet: sheet.name, headerRow, firstRow: headerRow + 1, lastRow: Math.max(headerRow + 1, ...mine.map((r) => r.row)), records: mine.length, columns });
  }
  const errors = issues.filter((i) => i.severity === 'error').length;
  const first = tables[0];
  return {
    sheet: first?.sheet ?? null,
    headerRow: first?.headerRow ?? null,
    period: { start: '2023-01-01', end: '2023-12-31' },
    date1904: workbook.date1904,
    columns: first?.columns ?? [],
    tables,
    skipped,
    records,
    issues,
    summary: { records: records.length, errors, warnings: issues.length - errors, byEngagement, byAudience: {}, byEventType: {}, byMonth: {}, byZip: {} },
    engine: { version: 'fake', collection: 'hsh-imperative2-2023' },
  };
};
fakeEngine satisfies Engine;

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
    clearHighlights: jest.fn(async (_sheet: string) => undefined),
    goTo: jest.fn(async () => undefined),
    writeValues: jest.fn(async (sheet: string, changes: CellChange[]): Promise<UndoRecord> => {
      const target = workbook.sheets.find((s) => s.name === sheet)!;
      const previous = changes.map((ch) => {
        const m = /^([A-Z]+)(\d+)$/.exec(ch.address)!;
        return { address: ch.address, value: cellAt(target, Number(m[2]) - 1, columnIndexOf(m[1]!)).value, fixed: ch.value as unknown };
      });
      for (const ch of changes) setCell(sheet, ch.address, ch.value);
      return { sheet, previous };
    }),
    // As Excel's: a cell holding something else than the fix wrote (`fixed`) is left as it is, and counted.
    undo: jest.fn(async (record: UndoRecord): Promise<number> => {
      const target = workbook.sheets.find((s) => s.name === record.sheet)!;
      let left = 0;
      for (const p of record.previous) {
        const m = /^([A-Z]+)(\d+)$/.exec(p.address)!;
        if (p.fixed !== undefined && cellAt(target, Number(m[2]) - 1, columnIndexOf(m[1]!)).value !== p.fixed) left++;
        else setCell(record.sheet, p.address, p.value);
      }
      return left;
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

/** Opens a folded line of the mapping step ("Column B: When to Date of event"), for its field list. */
export async function openColumn(user: { click: (el: Element) => Promise<void> }, letter: string, within: Pick<typeof screen, 'getByRole'> = screen) {
  const toggle = within.getByRole('button', { name: new RegExp(`^Column ${letter}:`) });
  if (toggle.getAttribute('aria-expanded') !== 'true') await user.click(toggle);
}
