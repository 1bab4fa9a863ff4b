/**
 * Microsoft's own Excel client library (@microsoft/office-js,
 * excel-web-16.00.debug.js) loaded in jsdom, with a fake host answering the
 * RichApi requests it sends: the JSON each `context.sync()` really sends and
 * what Excel would answer, measured in bytes. The client side is not ours: the
 * proxies, load/select rules, null objects, tracked objects, the release
 * request at the end of Excel.run and the client-side requirement-set checks
 * are the library's. The host enforces what Excel on the web enforces:
 *  - 5 MB per request and per response, in UTF-8 bytes of the JSON
 *    (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded);
 *  - requirement sets: each member's `[Api set: ExcelApi x.y]` tag in
 *    @types/office-js; a host at 1.7 refuses 1.8+ members (ApiNotFound);
 *  - address strings of 8,192 characters or more are refused, and an
 *    address Excel returns is cut there;
 *  - getMergedAreasOrNullObject fails over 512 merged areas;
 *  - one note or threaded comment per cell (InvalidArgument);
 *  - no gradient fill writes (RangeFill.pattern cannot be set to one);
 *  - writes to a protected sheet: AccessDenied;
 *  - not transactional: a failure injected at the Nth operation of a batch
 *    leaves the operations before it done;
 *  - cell-edit mode (`startCellEdit`): every request fails with Office's
 *    5004 (ooeInvalidApiCallInContext), which the library turns into
 *    InvalidOperationInCellEditMode, unless it carries the delay-for-cell-edit
 *    flag (64, sent when the host reports the "DelayForCellEdit" set), which
 *    is held until `endCellEdit`.
 *  - events: Worksheet.onChanged registers with `_RegisterDataChangedEvent`
 *    and the library's RichApi message manager; the host raises a changed
 *    event (address, changeType, source Local or Remote) for the partner's
 *    edits, inserts and sorts (`partnerTypes`, `partnerInsertsRows`,
 *    `partnerSorts`) and for the add-in's own value writes, and only while
 *    `runtime.enableEvents` is on, as Excel does.
 * The partner's own actions (insert, sort, rename, typing) act on the model
 * directly and move values, fills, notes, comments and conditional formats as
 * Excel does (a sort moves cells' own formats and notes; conditional formats
 * stay on their ranges; an insert shifts and grows them).
 *
 * The npm library (1.1.110, its latest) has no Worksheet.notes yet (ExcelApi
 * 1.18, in the CDN's evergreen office.js): `load` adds them from the
 * library's own Comment classes, renamed, so notes go through the same
 * generated client code. Everything else is the file as Microsoft ships it.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { a1, columnIndex } from '../../src/core/workbook';

export const FIVE_MB = 5 * 1024 * 1024;
const ADDRESS_LIMIT = 8192;
const MERGE_LIMIT = 512;

const LIBRARY = require.resolve('@microsoft/office-js/dist/excel-web-16.00.debug.js');
const TYPES = require.resolve('@types/office-js/index.d.ts');

// ---------------------------------------------------------------- the library

let source: string | null = null;

/** The library's text, with Worksheet.notes and the Note classes made from its Comment ones. */
export function librarySource(): string {
  if (source) return source;
  let text = readFileSync(LIBRARY, 'utf8').replace(/\r\n/g, '\n');
  const endMarker = '\n    Excel.Comment = Comment;\n';
  const end = text.indexOf(endMarker);
  const start = text.lastIndexOf('\n    var _typeCommentCollection = "CommentCollection";', end);
  if (start < 0 || end < 0) throw new Error('office-js: Comment classes not found');
  const notes = text.slice(start, end + endMarker.length).replace(/Comment/g, 'Note');
  text = text.slice(0, end + endMarker.length) + notes + text.slice(end + endMarker.length);
  const getter = /\n( {8}Object\.defineProperty\(Worksheet\.prototype, "comments", \{[\s\S]*?\n {8}\}\);\n)/.exec(text);
  if (!getter) throw new Error('office-js: Worksheet.comments not found');
  const noteGetter = getter[1]!.replace(/comments/g, 'notes').replace(/Comments/g, 'Notes').replace(/Comment/g, 'Note').replace('"1.10"', '"1.18"').replace(/_CC\.Worksheet_Notes_Get\(this, this\.m_notes\);\n/, '');
  text = text.replace(getter[1]!, getter[1]! + noteGetter);
  source = text;
  return text;
}

// ---------------------------------------------------------- requirement sets

let apiSets: Map<string, string> | null = null;

/** "Range.getCellProperties" → "1.9", from the `[Api set: ExcelApi x.y]` tags of @types/office-js. */
export function requirementSets(): Map<string, string> {
  if (apiSets) return apiSets;
  const lines = readFileSync(TYPES, 'utf8').split('\n');
  const out = new Map<string, string>();
  let inExcel = false;
  let cls: string | null = null;
  let pending: string | null = null;
  for (const line of lines) {
    if (line.startsWith('declare namespace Excel {')) inExcel = true;
    else if (inExcel && /^ {4}namespace Interfaces/.test(line)) break;
    if (!inExcel) continue;
    const c = /^ {4}class (\w+)/.exec(line);
    if (c) {
      cls = c[1]!;
      pending = null;
      continue;
    }
    if (/^ {4}\}/.test(line)) cls = null;
    const tag = /\[Api set: ExcelApi (\d+\.\d+)/.exec(line);
    if (tag) pending = tag[1]!;
    const member = /^ {8}(?:readonly )?(\w+)[?(:<]/.exec(line);
    if (member && cls && pending) {
      const key = `${cls}.${member[1]}`;
      if (!out.has(key)) out.set(key, pending);
      pending = null;
    } else if (/^ {8}\S/.test(line) && !line.trimStart().startsWith('*') && !line.trimStart().startsWith('/')) pending = null;
  }
  apiSets = out;
  return out;
}

function versionAtMost(version: string, limit: string): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number);
  const [c = 0, d = 0] = limit.split('.').map(Number);
  return a < c || (a === c && b <= d);
}

// ------------------------------------------------------------------ the model

export interface HostFill {
  color: string;
  pattern: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

export interface HostCell {
  value: string | number | boolean;
  formula?: string;
  format: string;
  fill: HostFill | null;
  note?: string;
  comment?: string;
  /** Who last wrote the value: the partner (by hand, in tests) or the add-in. */
  by?: 'partner' | 'addin';
  /** A stable identity that moves with the cell (insert, sort), for tests. */
  uid: number;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface HostRule {
  id: number;
  type: string;
  rects: Rect[];
  formula?: string;
  fill?: string;
  priority: number;
}

let uids = 0;

export class HostSheet {
  cells = new Map<number, HostCell>();
  merges: Rect[] = [];
  rules: HostRule[] = [];
  protected = false;
  visibility = 'Visible';
  constructor(
    public name: string,
    readonly id: string,
  ) {}

  static key(row: number, col: number): number {
    return row * 16384 + col;
  }

  get(row: number, col: number): HostCell | undefined {
    return this.cells.get(HostSheet.key(row, col));
  }

  /** The cell, made when missing. */
  cell(row: number, col: number): HostCell {
    const k = HostSheet.key(row, col);
    let c = this.cells.get(k);
    if (!c) this.cells.set(k, (c = { value: '', format: 'General', fill: null, uid: ++uids }));
    return c;
  }

  at(address: string): HostCell {
    const r = parseRect(address);
    return this.cell(r.top, r.left);
  }

  /**
   * The colour the cell shows: that of the first rule over it whose formula is
   * always true (ISTEXT of a text, as ours), else its own fill's.
   */
  shown(address: string): string | null {
    const { top: row, left: col } = parseRect(address);
    const rule = [...this.rules]
      .sort((a, b) => a.priority - b.priority)
      .find((r) => /^=ISTEXT\("/i.test(r.formula ?? '') && r.rects.some((q) => q.top <= row && row <= q.bottom && q.left <= col && col <= q.right));
    return rule?.fill ?? this.get(row, col)?.fill?.color ?? null;
  }

  /** Writes a block of values from A1-style `address`, as the partner typing them. */
  put(address: string, rows: (string | number | boolean)[][]): void {
    const { top, left } = parseRect(address);
    rows.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = this.cell(top + r, left + c);
        cell.value = v;
        cell.by = 'partner';
        delete cell.formula;
      }),
    );
  }

  used(): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    for (const [k, c] of this.cells) {
      if (c.value === '' && c.formula === undefined) continue;
      const row = Math.floor(k / 16384);
      const col = k % 16384;
      top = Math.min(top, row);
      left = Math.min(left, col);
      bottom = Math.max(bottom, row);
      right = Math.max(right, col);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /** The partner inserts `count` rows above 0-based `row`: cells, merges and rules move down. */
  insertRows(row: number, count = 1): void {
    const next = new Map<number, HostCell>();
    for (const [k, c] of this.cells) {
      const r = Math.floor(k / 16384);
      next.set(r >= row ? k + count * 16384 : k, c);
    }
    this.cells = next;
    const shift = (rect: Rect): Rect => ({
      ...rect,
      top: rect.top >= row ? rect.top + count : rect.top,
      bottom: rect.bottom >= row ? rect.bottom + count : rect.bottom,
    });
    this.merges = this.merges.map(shift);
    for (const rule of this.rules) rule.rects = rule.rects.map(shift);
  }

  /**
   * The partner sorts rows `top`..`bottom` (0-based) by column `col`: whole
   * rows of cells move, with their own fills, notes and comments; conditional
   * formats stay where they are.
   */
  sortRows(top: number, bottom: number, col: number, descending = false): void {
    const rows: { key: string | number | boolean; cells: Map<number, HostCell> }[] = [];
    for (let r = top; r <= bottom; r++) {
      const cells = new Map<number, HostCell>();
      for (let c = 0; c < 64; c++) {
        const cell = this.get(r, c);
        if (cell) cells.set(c, cell);
      }
      rows.push({ key: this.get(r, col)?.value ?? '', cells });
    }
    const order = rows.map((row, i) => ({ row, i }));
    order.sort((a, b) => {
      const x = a.row.key;
      const y = b.row.key;
      const cmp = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : typeof x === 'number' ? -1 : 1;
      return (descending ? -cmp : cmp) || a.i - b.i;
    });
    for (let r = top; r <= bottom; r++) for (let c = 0; c < 64; c++) this.cells.delete(HostSheet.key(r, c));
    order.forEach(({ row }, i) => {
      for (const [c, cell] of row.cells) this.cells.set(HostSheet.key(top + i, c), cell);
    });
  }
}

export function parseCell(text: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text);
  if (!m) throw hostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (${text.slice(0, 40)})`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]!.toUpperCase()) };
}

export function parseRect(address: string): Rect {
  const bare = address.slice(address.lastIndexOf('!') + 1).trim();
  const [from, to = from] = bare.split(':');
  if (/^\$?\d+$/.test(from!) && /^\$?\d+$/.test(to!)) {
    const a = Number(from!.replace('$', '')) - 1;
    const b = Number(to!.replace('$', '')) - 1;
    return { top: Math.min(a, b), left: 0, bottom: Math.max(a, b), right: 16383 };
  }
  const x = parseCell(from!);
  const y = parseCell(to!);
  return { top: Math.min(x.row, y.row), left: Math.min(x.col, y.col), bottom: Math.max(x.row, y.row), right: Math.max(x.col, y.col) };
}

export function rectAddress(r: Rect): string {
  const tl = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right)}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function* cellsOf(r: Rect): Generator<{ row: number; col: number }> {
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) yield { row, col };
}

class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function hostError(code: string, message: string): HostError {
  return new HostError(code, message);
}

const NO_FILL_READ = { color: '#FFFFFF', pattern: 'None', patternColor: '#000000', tintAndShade: 0, patternTintAndShade: 0 };

function isoSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y!, m! - 1, d!) - Date.UTC(1899, 11, 30)) / 86400000);
}

// ------------------------------------------------------------ host objects

/** What a request's object paths resolve to on the host. */
type HostObject =
  | { t: 'Workbook' }
  | { t: 'Application' }
  | { t: 'Runtime' }
  | { t: 'Functions' }
  | { t: 'FunctionResult'; value: Json; error?: string }
  | { t: 'WorksheetCollection' }
  | { t: 'Worksheet'; sheet: HostSheet }
  | { t: 'WorksheetProtection'; sheet: HostSheet }
  | { t: 'Range'; sheet: HostSheet; rect: Rect }
  | { t: 'RangeAreas'; sheet: HostSheet; rects: Rect[]; text?: string }
  | { t: 'RangeFormat'; sheet: HostSheet; rects: Rect[] }
  | { t: 'RangeFill'; sheet: HostSheet; rects: Rect[] }
  | { t: 'ConditionalFormatCollection'; sheet: HostSheet; rects: Rect[] }
  | { t: 'ConditionalFormat'; sheet: HostSheet; rule: HostRule }
  | { t: 'CustomConditionalFormat'; sheet: HostSheet; rule: HostRule }
  | { t: 'ConditionalFormatRule'; sheet: HostSheet; rule: HostRule }
  | { t: 'ConditionalRangeFormat'; sheet: HostSheet; rule: HostRule }
  | { t: 'ConditionalRangeFill'; sheet: HostSheet; rule: HostRule }
  | { t: 'NoteCollection' | 'CommentCollection'; sheet: HostSheet }
  | { t: 'Note' | 'Comment'; sheet: HostSheet; row: number; col: number }
  | { t: 'TableCollection' | 'PivotTableCollection'; sheet: HostSheet | null }
  | { t: 'ChartCollection'; sheet: HostSheet }
  | { t: 'Table'; table: HostTable }
  | { t: 'PivotTable'; pivot: HostPivot }
  | { t: 'PivotHierarchyCollection'; pivot: HostPivot }
  | { t: 'PivotHierarchy'; pivot: HostPivot; field: string }
  | { t: 'RowColumnPivotHierarchyCollection'; pivot: HostPivot; axis: 'rows' | 'columns' }
  | { t: 'RowColumnPivotHierarchy'; pivot: HostPivot; axis: 'rows' | 'columns'; field: string }
  | { t: 'DataPivotHierarchyCollection'; pivot: HostPivot }
  | { t: 'DataPivotHierarchy'; pivot: HostPivot; data: HostPivotData }
  | { t: 'Chart'; chart: HostChart }
  | { t: 'ChartTitle'; chart: HostChart }
  | { t: 'ChartAxes'; chart: HostChart }
  | { t: 'ChartAxis'; chart: HostChart }
  | { t: 'Null' };

type Json = unknown;

/** An Excel table: a range with a header row, named workbook-wide. */
export interface HostTable {
  id: string;
  name: string;
  sheet: HostSheet;
  rect: Rect;
  hasHeaders: boolean;
}

export interface HostPivotData {
  field: string;
  summarizeBy: string;
}

/** A PivotTable over a table or range, with the fields on its axes (ExcelApi 1.8). */
export interface HostPivot {
  id: string;
  name: string;
  sheet: HostSheet;
  at: Rect;
  source: { sheet: HostSheet; rect: Rect; table?: string };
  /** The source's header row: the hierarchies it offers. */
  fields: string[];
  rows: string[];
  columns: string[];
  data: HostPivotData[];
}

export interface HostChart {
  id: string;
  name: string;
  sheet: HostSheet;
  type: string;
  source: { sheet: HostSheet; rect: Rect };
  seriesBy: string;
  title: string;
  /** Where setPosition put it: the cells its top-left and bottom-right corners are on. */
  position?: { from: string; to?: string };
  /** The category axis's properties the add-in set (categoryType, baseTimeUnit). */
  categoryAxis: Record<string, string>;
}

export interface HostOptions {
  /** The ExcelApi version the host supports (default 1.18). */
  excelApi?: string;
  /** Fail the Nth operation (method call or property write, counted from `arm`) with this code. */
  failAt?: { n: number; code: string } | null;
  /** Whether the host reports the "DelayForCellEdit" requirement set (default true, as current Excel does). */
  delayForCellEdit?: boolean;
}

/** The flag the library sets on a request from `Excel.run({ delayForCellEdit: true }, …)`. */
export const DELAY_FOR_CELL_EDIT_FLAG = 64;

export interface RequestStat {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  refused?: string;
  /** Only _RemoveReference actions: the release Excel.run sends when it ends. */
  release: boolean;
}

export class RichApiHost {
  sheets: HostSheet[] = [];
  excelApi: string;
  failAt: { n: number; code: string } | null;
  /** When set, deleting a sheet fails with this code (a workbook whose structure is protected). */
  refuseSheetDeletes: string | null = null;
  /** Operations (method calls, property writes) since the last `arm`. */
  operations = 0;
  stats: RequestStat[] = [];
  /** Method calls the host ran, by "Type.Method". */
  readonly calls = new Map<string, number>();
  enableEvents = true;
  /** Cell values written while events were on: each would come back to the add-in as an onChanged edit. */
  valueWritesWithEvents = 0;
  /** Changed events delivered to the add-in, in order. */
  readonly raised: { sheet: string; address: string; changeType: string; source: string }[] = [];
  /** Worksheets (by id) the add-in registered onChanged for, and how many times. */
  readonly watched = new Map<string, number>();
  private messageHandlers: ((args: unknown) => void)[] = [];
  private nextEvent = 0;
  readonly settings = new Map<string, unknown>();
  private refs = new Map<string, HostObject>();
  private nextRef = 0;
  private nextRule = 0;
  private nextSheet = 0;
  window: JSDOM['window'] | null = null;
  delayForCellEdit: boolean;
  /** How an oversized response is refused: its own code, or GeneralException as Excel on the web has been seen to. */
  oversizeAs: 'ResponsePayloadSizeLimitExceeded' | 'GeneralException' = 'ResponsePayloadSizeLimitExceeded';
  /** The workbook's date system: 1904 (Excel for Mac's old default) or 1900. */
  date1904 = false;
  /** The partner is typing in a cell. */
  inCellEdit = false;
  /** Requests refused because of cell-edit mode, and requests held until it ended. */
  cellEditRefusals = 0;
  cellEditHeld = 0;
  /** Leave cell-edit mode by itself after this many refusals (the partner pressed Enter meanwhile); null: stay. */
  cellEditEndsAfter: number | null = null;
  private held: (() => void)[] = [];
  tables: HostTable[] = [];
  pivots: HostPivot[] = [];
  charts: HostChart[] = [];
  private nextObject = 0;

  constructor(options: HostOptions = {}) {
    this.excelApi = options.excelApi ?? '1.18';
    this.failAt = options.failAt ?? null;
    this.delayForCellEdit = options.delayForCellEdit ?? true;
  }

  /** The partner starts typing in a cell. */
  startCellEdit(): void {
    this.inCellEdit = true;
  }

  /** The partner presses Enter: held requests run, in order. */
  endCellEdit(): void {
    this.inCellEdit = false;
    const held = this.held;
    this.held = [];
    for (const run of held) run();
  }

  /** Requests waiting for the partner to leave cell-edit mode. */
  get waiting(): number {
    return this.held.length;
  }

  addSheet(name: string): HostSheet {
    const sheet = new HostSheet(name, `{${(++this.nextSheet).toString(16).padStart(8, '0')}-0000-4000-8000-000000000000}`);
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): HostSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** Fails the nth operation from now. */
  arm(n: number, code = 'GeneralException'): void {
    this.operations = 0;
    this.failAt = { n, code };
  }

  supports(name: string, version?: string): boolean {
    if (name === 'DelayForCellEdit') return this.delayForCellEdit;
    if (name !== 'ExcelApi') return false;
    return version === undefined || versionAtMost(version, this.excelApi);
  }

  /** Loads the library in a fresh jsdom window and installs Excel, Office and OfficeExtension as globals. */
  install(): () => void {
    const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { runScripts: 'outside-only', url: 'https://localhost/taskpane.html' });
    const w = dom.window as unknown as Record<string, unknown> & { eval(code: string): unknown };
    w.eval(librarySource());
    const OSF = w.OSF as { DDA: Record<string, unknown> };
    OSF.DDA.RichApi = {
      executeRichApiRequestAsync: (message: unknown[], callback: (result: unknown) => void) => this.execute(message, callback),
      // Where the library's event registrations listen for Excel's messages (RichApiMessageManager).
      richApiMessageManager: {
        register: async (handler: (args: unknown) => void) => void this.messageHandlers.push(handler),
        removeHandlerAsync: (_type: string, options: { handler: (args: unknown) => void }, callback?: (result: { status: string }) => void) => {
          this.messageHandlers = this.messageHandlers.filter((h) => h !== options.handler);
          callback?.({ status: 'succeeded' });
        },
      },
    };
    const settings = this.settings;
    const office = {
      HostType: { Excel: 'Excel' },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
      context: {
        requirements: { isSetSupported: (name: string, version?: string) => this.supports(name, version) },
        document: {
          settings: {
            get: (key: string) => (settings.has(key) ? structuredClone(settings.get(key)) : null),
            set: (key: string, value: unknown) => settings.set(key, structuredClone(value)),
            remove: (key: string) => settings.delete(key),
            saveAsync: (cb: (r: { status: string }) => void) => setTimeout(() => cb({ status: 'succeeded' }), 0),
          },
        },
      },
    };
    w.Office = office;
    this.window = dom.window;
    const g = globalThis as Record<string, unknown>;
    const saved = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
    g.Excel = w.Excel;
    g.Office = office;
    g.OfficeExtension = w.OfficeExtension;
    return () => {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete g[k];
        else g[k] = v;
      }
      dom.window.close();
    };
  }

  /**
   * The same host for a page in a real browser (test/browser/analystPanel.test.ts):
   * Microsoft's library, then an Office whose requests go to `window[binding]`
   * (a playwright binding that calls `answer` here) and whose requirement sets
   * and settings are answered in the page.
   */
  browserScript(binding = '__richApi'): string {
    const sets = JSON.stringify({ excelApi: this.excelApi, delayForCellEdit: this.delayForCellEdit });
    return `${librarySource()}
;(function () {
  var sets = ${sets};
  function atMost(v, limit) {
    var a = String(v).split('.').map(Number), b = String(limit).split('.').map(Number);
    return (a[0] || 0) < (b[0] || 0) || ((a[0] || 0) === (b[0] || 0) && (a[1] || 0) <= (b[1] || 0));
  }
  OSF.DDA.RichApi = {
    executeRichApiRequestAsync: function (message, callback) {
      window[${JSON.stringify(binding)}](JSON.stringify(message)).then(function (answer) { callback(JSON.parse(answer)); });
    },
  };
  var settings = {};
  window.Office = {
    HostType: { Excel: 'Excel' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady: function () { return Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }); },
    context: {
      requirements: {
        isSetSupported: function (name, version) {
          if (name === 'DelayForCellEdit') return sets.delayForCellEdit;
          return name === 'ExcelApi' && (version === undefined || atMost(version, sets.excelApi));
        },
      },
      document: {
        settings: {
          get: function (k) { return k in settings ? JSON.parse(settings[k]) : null; },
          set: function (k, v) { settings[k] = JSON.stringify(v); },
          remove: function (k) { delete settings[k]; },
          saveAsync: function (cb) { setTimeout(function () { if (cb) cb({ status: 'succeeded' }); }, 0); },
        },
      },
    },
  };
})();
`;
  }

  /** One request from the library, answered as `execute` answers it (for `browserScript`'s binding). */
  answer(message: unknown[]): Promise<unknown> {
    return new Promise((resolve) => this.execute(message, resolve));
  }

  /**
   * A changed event as Excel sends it to the add-in: only for a sheet it
   * registered onChanged for and only while its events are on; delivered
   * after the current task, as a message in the RichApi event category.
   */
  raise(sheet: HostSheet, address: string, changeType: string, source: 'Local' | 'Remote' = 'Local'): void {
    if (!this.enableEvents || !this.watched.get(sheet.id)) return;
    const event = { sheet: sheet.name, address, changeType, source };
    this.raised.push(event);
    const message = JSON.stringify({ address, changeType, source: 'Local', shiftDirection: 'None', triggerSource: 'Unknown' });
    const entry = { messageCategory: 65536, messageType: 10, targetId: sheet.id, message, id: `event-${++this.nextEvent}`, isRemoteOverride: source === 'Remote' };
    setTimeout(() => {
      for (const handler of this.messageHandlers) handler({ entries: [entry] });
    }, 0);
  }

  /** The partner (or, Remote, a co-author) types a block of values at `address`. */
  partnerTypes(sheet: HostSheet, address: string, rows: (string | number | boolean)[][], source: 'Local' | 'Remote' = 'Local'): void {
    sheet.put(address, rows);
    const { top, left } = parseRect(address);
    this.raise(sheet, rectAddress({ top, left, bottom: top + rows.length - 1, right: left + Math.max(1, ...rows.map((r) => r.length)) - 1 }), 'RangeEdited', source);
  }

  /** The partner inserts `count` rows above 0-based `row`. */
  partnerInsertsRows(sheet: HostSheet, row: number, count = 1): void {
    sheet.insertRows(row, count);
    this.raise(sheet, `${row + 1}:${row + count}`, 'RowInserted');
  }

  /** The partner sorts rows `top`..`bottom` (0-based) by column `col`. */
  partnerSorts(sheet: HostSheet, top: number, bottom: number, col: number, descending = false): void {
    sheet.sortRows(top, bottom, col, descending);
    const used = sheet.used();
    this.raise(sheet, rectAddress({ top, left: 0, bottom, right: used?.right ?? 0 }), 'RangeEdited');
  }

  /** Totals over `stats` from index `from`. */
  totals(from = 0): { syncs: number; requestBytes: number; responseBytes: number; maxRequest: number; maxResponse: number; refusals: number; releaseBytes: number } {
    const s = this.stats.slice(from);
    const work = s.filter((x) => !x.release);
    return {
      syncs: work.length,
      requestBytes: work.reduce((n, x) => n + x.requestBytes, 0),
      responseBytes: work.reduce((n, x) => n + x.responseBytes, 0),
      maxRequest: Math.max(0, ...s.map((x) => x.requestBytes)),
      maxResponse: Math.max(0, ...s.map((x) => x.responseBytes)),
      refusals: s.filter((x) => x.refused).length,
      releaseBytes: s.filter((x) => x.release).reduce((n, x) => n + x.requestBytes, 0),
    };
  }

  // ------------------------------------------------------------- protocol

  private execute(message: unknown[], callback: (result: unknown) => void): void {
    if (this.inCellEdit) {
      const flags = Number(message[6]) || 0;
      if (flags & DELAY_FOR_CELL_EDIT_FLAG) {
        this.cellEditHeld++;
        this.held.push(() => this.execute(message, callback));
        return;
      }
      this.cellEditRefusals++;
      if (this.cellEditEndsAfter !== null && --this.cellEditEndsAfter <= 0) {
        this.cellEditEndsAfter = null;
        this.inCellEdit = false;
      }
      setTimeout(() => callback({ status: 'failed', error: { code: 5004, message: 'The API call is not allowed in the current context.' } }), 0);
      return;
    }
    const body = String(message[4]);
    const requestBytes = Buffer.byteLength(body, 'utf8');
    const stat: RequestStat = { requestBytes, responseBytes: 0, actions: 0, release: false };
    this.stats.push(stat);
    const fail = (code: number, refused: string): void => {
      stat.refused = refused;
      setTimeout(() => callback({ status: 'failed', error: { code, message: `${refused} (${requestBytes.toLocaleString('en')} bytes)` } }), 0);
    };
    if (requestBytes > FIVE_MB) return fail(5103, 'RequestPayloadSizeLimitExceeded');
    const request = JSON.parse(body) as { Actions: Action[]; ObjectPaths: Record<string, ObjectPath> };
    stat.actions = request.Actions.length;
    stat.release = request.Actions.length > 0 && request.Actions.every((a) => a.Name === '_RemoveReference' || a.ActionType === 1 && request.ObjectPaths[String(a.ObjectPathId)]?.ObjectPathType === 1);
    const response = this.process(request);
    const text = JSON.stringify(response);
    stat.responseBytes = Buffer.byteLength(text, 'utf8');
    if (stat.responseBytes > FIVE_MB) {
      if (this.oversizeAs === 'ResponsePayloadSizeLimitExceeded') return fail(5104, 'ResponsePayloadSizeLimitExceeded');
      stat.refused = 'GeneralException';
      const refusal = JSON.stringify({ Results: [], Error: { Code: 'GeneralException', Message: 'There was an internal error while processing the request.', Location: '', ActionIndex: 0 } });
      setTimeout(() => callback({ status: 'succeeded', value: { data: [200, [], refusal] } }), 0);
      return;
    }
    setTimeout(() => callback({ status: 'succeeded', value: { data: [200, [], text] } }), 0);
  }

  private process(request: { Actions: Action[]; ObjectPaths: Record<string, ObjectPath> }): Json {
    const resolved = new Map<number, HostObject>();
    const paths = request.ObjectPaths;
    const resolve = (id: number): HostObject => {
      const known = resolved.get(id);
      if (known) return known;
      const path = paths[String(id)];
      if (!path) throw hostError('InvalidArgument', `no object path ${id}`);
      const obj = this.path(path, path.ParentObjectPathId !== undefined ? () => resolve(path.ParentObjectPathId!) : () => ({ t: 'Null' }), this.args(path.ArgumentInfo, resolve));
      resolved.set(id, obj);
      return obj;
    };
    // Excel gives a reference id (the client then tracks and at the end releases it) to what the request keeps.
    const kept = new Set(request.Actions.filter((a) => a.Name === '_KeepReference').map((a) => a.ObjectPathId));
    const results: { ActionId: number; Value: Json }[] = [];
    for (let index = 0; index < request.Actions.length; index++) {
      const action = request.Actions[index]!;
      // A trace marker (ObjectPathId 0): Excel answers it, and the library then runs its callback (an event handler's registration).
      if (action.ActionType === 5) {
        results.push({ ActionId: action.Id, Value: null });
        continue;
      }
      try {
        const value = this.action(action, resolve(action.ObjectPathId), resolve, kept);
        if (value !== undefined) results.push({ ActionId: action.Id, Value: value });
      } catch (error) {
        const e = error instanceof HostError ? error : hostError('GeneralException', error instanceof Error ? error.message : String(error));
        return { Results: results, Error: { Code: e.code, Message: e.message, Location: action.Name, ActionIndex: index } };
      }
    }
    return { Results: results };
  }

  private args(info: ArgumentInfo | undefined, resolve: (id: number) => HostObject): unknown[] {
    const list = info?.Arguments ?? [];
    const refs = info?.ReferencedObjectPathIds ?? [];
    return list.map((a, i) => (refs[i] ? resolve(refs[i]!) : a));
  }

  private path(path: ObjectPath, parent: () => HostObject, args: unknown[]): HostObject {
    switch (path.ObjectPathType) {
      case 1:
        return { t: 'Workbook' };
      case 4:
        return this.navigate(parent(), path.Name);
      case 3: {
        const from = parent();
        if (path.Name === 'Add') this.operation(path.Name);
        return this.method(from, path.Name, args) as HostObject;
      }
      case 5:
        return this.indexer(parent(), args);
      case 6: {
        const obj = this.refs.get(path.Name);
        if (!obj) throw hostError('InvalidReference', 'This object has been released.');
        return obj;
      }
      case 7:
        return { t: 'Null' };
      default:
        throw hostError('NotImplemented', `object path type ${path.ObjectPathType}`);
    }
  }

  /** The requirement set of a member; refused when the host is older. */
  private check(type: string, member: string): void {
    const name = member.charAt(0).toLowerCase() + member.slice(1);
    const version = requirementSets().get(`${type}.${name}`);
    if (version && !versionAtMost(version, this.excelApi)) throw hostError('ApiNotFound', `${type}.${name} needs ExcelApi ${version}; this host has ${this.excelApi}.`);
  }

  private operation(name: string): void {
    this.operations++;
    if (this.failAt && this.operations === this.failAt.n) {
      const code = this.failAt.code;
      this.failAt = null;
      throw hostError(code, `Injected failure at operation ${this.operations} (${name}).`);
    }
  }

  private navigate(obj: HostObject, name: string): HostObject {
    this.check(obj.t, name);
    switch (`${obj.t}.${name}`) {
      case 'Workbook.Worksheets':
        return { t: 'WorksheetCollection' };
      case 'Workbook.Application':
        return { t: 'Application' };
      case 'Workbook.Tables':
        return { t: 'TableCollection', sheet: null };
      case 'Workbook.PivotTables':
        return { t: 'PivotTableCollection', sheet: null };
      case 'Workbook.Runtime':
      case 'Workbook._Runtime':
        return { t: 'Runtime' };
      case 'Workbook.Functions':
        return { t: 'Functions' };
    }
    if (obj.t === 'Worksheet') {
      if (name === 'Protection') return { t: 'WorksheetProtection', sheet: obj.sheet };
      if (name === 'Notes') return { t: 'NoteCollection', sheet: obj.sheet };
      if (name === 'Comments') return { t: 'CommentCollection', sheet: obj.sheet };
      if (name === 'Tables') return { t: 'TableCollection', sheet: obj.sheet };
      if (name === 'PivotTables') return { t: 'PivotTableCollection', sheet: obj.sheet };
      if (name === 'Charts') return { t: 'ChartCollection', sheet: obj.sheet };
    }
    if (obj.t === 'PivotTable') {
      if (name === 'Hierarchies') return { t: 'PivotHierarchyCollection', pivot: obj.pivot };
      if (name === 'RowHierarchies' || name === 'ColumnHierarchies') return { t: 'RowColumnPivotHierarchyCollection', pivot: obj.pivot, axis: name === 'RowHierarchies' ? 'rows' : 'columns' };
      if (name === 'DataHierarchies') return { t: 'DataPivotHierarchyCollection', pivot: obj.pivot };
    }
    if (obj.t === 'Chart' && name === 'Title') return { t: 'ChartTitle', chart: obj.chart };
    if (obj.t === 'Chart' && name === 'Axes') return { t: 'ChartAxes', chart: obj.chart };
    if (obj.t === 'ChartAxes' && name === 'CategoryAxis') return { t: 'ChartAxis', chart: obj.chart };
    if ((obj.t === 'Range' || obj.t === 'RangeAreas') && (name === 'Format' || name === 'ConditionalFormats')) {
      const rects = obj.t === 'Range' ? [obj.rect] : obj.rects;
      return name === 'Format' ? { t: 'RangeFormat', sheet: obj.sheet, rects } : { t: 'ConditionalFormatCollection', sheet: obj.sheet, rects };
    }
    if (obj.t === 'RangeFormat' && name === 'Fill') return { t: 'RangeFill', sheet: obj.sheet, rects: obj.rects };
    if (obj.t === 'ConditionalFormat' && (name === 'Custom' || name === 'CustomOrNullObject')) {
      if (obj.rule.type !== 'Custom') {
        if (name === 'Custom') throw hostError('InvalidOperation', 'This conditional format is not a custom one.');
        return { t: 'Null' };
      }
      return { t: 'CustomConditionalFormat', sheet: obj.sheet, rule: obj.rule };
    }
    if (obj.t === 'CustomConditionalFormat' && name === 'Rule') return { t: 'ConditionalFormatRule', sheet: obj.sheet, rule: obj.rule };
    if (obj.t === 'CustomConditionalFormat' && name === 'Format') return { t: 'ConditionalRangeFormat', sheet: obj.sheet, rule: obj.rule };
    if (obj.t === 'ConditionalRangeFormat' && name === 'Fill') return { t: 'ConditionalRangeFill', sheet: obj.sheet, rule: obj.rule };
    if (obj.t === 'Null') return obj;
    throw hostError('NotImplemented', `${obj.t}.${name} is not in this host`);
  }

  private sheetByKey(key: unknown): HostSheet {
    const s = this.sheets.find((x) => x.name.toLowerCase() === String(key).toLowerCase() || x.id === key);
    if (!s) throw hostError('ItemNotFound', "The requested resource doesn't exist.");
    return s;
  }

  private indexer(obj: HostObject, args: unknown[]): HostObject {
    if (obj.t === 'WorksheetCollection') return { t: 'Worksheet', sheet: this.sheetByKey(args[0]) };
    const key = String(args[0]);
    const missing = (): never => {
      throw hostError('ItemNotFound', "The requested resource doesn't exist.");
    };
    if (obj.t === 'TableCollection') return { t: 'Table', table: this.tables.find((x) => (obj.sheet === null || x.sheet === obj.sheet) && (x.id === key || x.name.toLowerCase() === key.toLowerCase())) ?? missing() };
    if (obj.t === 'PivotTableCollection') return { t: 'PivotTable', pivot: this.pivots.find((x) => (obj.sheet === null || x.sheet === obj.sheet) && (x.id === key || x.name.toLowerCase() === key.toLowerCase())) ?? missing() };
    if (obj.t === 'ChartCollection') return { t: 'Chart', chart: this.charts.find((x) => x.sheet === obj.sheet && (x.id === key || x.name === key)) ?? missing() };
    if (obj.t === 'PivotHierarchyCollection') {
      const field = obj.pivot.fields.find((f) => f.toLowerCase() === key.toLowerCase()) ?? missing();
      return { t: 'PivotHierarchy', pivot: obj.pivot, field };
    }
    // A note's or comment's id names its cell's identity and where it was listed: found at once if it is still there.
    const m = /^\{(note|comment)-(\d+)@(\d+):(\d+)\}$/.exec(String(args[0]));
    if (m && (obj.t === 'NoteCollection' || obj.t === 'CommentCollection')) {
      const [row, col] = [Number(m[3]), Number(m[4])];
      const cell = obj.sheet.get(row, col);
      if (cell && String(cell.uid) === m[2] && cell[m[1] as 'note' | 'comment'] !== undefined) return { t: m[1] === 'note' ? 'Note' : 'Comment', sheet: obj.sheet, row, col };
    }
    const list = this.items(obj, {});
    const found = list?.find((item) => this.idOf(item) === args[0]);
    if (!found) throw hostError('ItemNotFound', "The requested resource doesn't exist.");
    return found;
  }

  /** The `_Id` Excel gives a collection's items (the client then addresses them by it). */
  private idOf(obj: HostObject): string | undefined {
    if (obj.t === 'Worksheet') return obj.sheet.id;
    if (obj.t === 'ConditionalFormat') return `{cf-${obj.rule.id}}`;
    if (obj.t === 'Table') return obj.table.id;
    if (obj.t === 'PivotTable') return obj.pivot.id;
    if (obj.t === 'Chart') return obj.chart.id;
    if (obj.t === 'Note' || obj.t === 'Comment') return `{${obj.t.toLowerCase()}-${obj.sheet.get(obj.row, obj.col)?.uid ?? 0}@${obj.row}:${obj.col}}`;
    return undefined;
  }

  private rangesOf(sheet: HostSheet, address: unknown): Rect[] {
    const text = String(address);
    if (text.length >= ADDRESS_LIMIT) throw hostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (address of ${text.length} characters)`);
    return text.split(',').map((part) => parseRect(part.trim()));
  }

  /** A method call: a new object (for object paths) or a value (for actions). */
  private method(obj: HostObject, name: string, args: unknown[]): HostObject | Json {
    this.check(obj.t, name);
    this.calls.set(`${obj.t}.${name}`, (this.calls.get(`${obj.t}.${name}`) ?? 0) + 1);
    if (name === '_KeepReference') {
      return undefined;
    }
    if (name === '_RemoveReference') {
      this.refs.delete(String(args[0]));
      return undefined;
    }
    switch (obj.t) {
      case 'Worksheet': {
        const sheet = obj.sheet;
        if (name === 'GetRange') return args[0] === undefined || args[0] === null || args[0] === '' ? { t: 'Range', sheet, rect: { top: 0, left: 0, bottom: 1048575, right: 16383 } } : this.single(sheet, args[0]);
        if (name === 'GetRanges') return { t: 'RangeAreas', sheet, rects: this.rangesOf(sheet, args[0]) };
        if (name === 'GetRangeByIndexes') {
          const [row, col, rows, cols] = args as number[];
          return { t: 'Range', sheet, rect: { top: row!, left: col!, bottom: row! + rows! - 1, right: col! + cols! - 1 } };
        }
        if (name === 'GetUsedRangeOrNullObject' || name === 'GetUsedRange') {
          const used = sheet.used();
          if (!used) return name === 'GetUsedRange' ? { t: 'Range', sheet, rect: { top: 0, left: 0, bottom: 0, right: 0 } } : { t: 'Null' };
          return { t: 'Range', sheet, rect: used };
        }
        if (name === 'Activate') return undefined;
        if (name === 'Delete') {
          if (this.refuseSheetDeletes) throw hostError(this.refuseSheetDeletes, 'The workbook structure is protected.');
          // Excel keeps one visible sheet; the sheet's tables, PivotTables and charts go with it.
          if (sheet.visibility === 'Visible' && !this.sheets.some((x) => x !== sheet && x.visibility === 'Visible')) throw hostError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
          this.sheets = this.sheets.filter((x) => x !== sheet);
          this.tables = this.tables.filter((x) => x.sheet !== sheet);
          this.pivots = this.pivots.filter((x) => x.sheet !== sheet);
          this.charts = this.charts.filter((x) => x.sheet !== sheet);
          return undefined;
        }
        if (name === '_RegisterDataChangedEvent') {
          this.watched.set(sheet.id, (this.watched.get(sheet.id) ?? 0) + 1);
          return undefined;
        }
        if (name === '_UnregisterDataChangedEvent') {
          this.watched.set(sheet.id, Math.max(0, (this.watched.get(sheet.id) ?? 0) - 1));
          return undefined;
        }
        break;
      }
      case 'Range': {
        if (name === 'GetCellProperties') return this.cellProperties(obj.sheet, obj.rect);
        if (name === 'GetMergedAreasOrNullObject') {
          const inside = obj.sheet.merges.filter((m) => intersects(m, obj.rect));
          if (inside.length > MERGE_LIMIT) throw hostError('GeneralException', 'There was an internal error while processing the request.');
          return inside.length === 0 ? { t: 'Null' } : { t: 'RangeAreas', sheet: obj.sheet, rects: inside };
        }
        if (name === 'GetSpecialCellsOrNullObject' || name === 'GetSpecialCells') {
          if (args[0] !== 'Formulas') throw hostError('NotImplemented', `special cells ${String(args[0])}`);
          const rects = [...cellsOf(obj.rect)].filter(({ row, col }) => obj.sheet.get(row, col)?.formula !== undefined).map(({ row, col }) => ({ top: row, left: col, bottom: row, right: col }));
          if (rects.length === 0) {
            if (name === 'GetSpecialCells') throw hostError('ItemNotFound', 'No cells were found.');
            return { t: 'Null' };
          }
          return { t: 'RangeAreas', sheet: obj.sheet, rects };
        }
        if (name === 'Select') return undefined;
        // What the client uses to cut a large write into 1,500-cell pieces.
        if (name === 'GetRow') return { t: 'Range', sheet: obj.sheet, rect: { ...obj.rect, top: obj.rect.top + Number(args[0]), bottom: obj.rect.top + Number(args[0]) } };
        if (name === 'GetCell') {
          const [r, c] = args as number[];
          return { t: 'Range', sheet: obj.sheet, rect: { top: obj.rect.top + r!, left: obj.rect.left + c!, bottom: obj.rect.top + r!, right: obj.rect.left + c! } };
        }
        if (name === 'GetBoundingRect') {
          const other = args[0] as HostObject;
          const rect = other.t === 'Range' ? other.rect : parseRect(String(args[0]));
          return { t: 'Range', sheet: obj.sheet, rect: { top: Math.min(obj.rect.top, rect.top), left: Math.min(obj.rect.left, rect.left), bottom: Math.max(obj.rect.bottom, rect.bottom), right: Math.max(obj.rect.right, rect.right) } };
        }
        if (name === '_ValidateArraySize') {
          const [rows, cols] = args as number[];
          if (rows !== obj.rect.bottom - obj.rect.top + 1 || cols !== obj.rect.right - obj.rect.left + 1) throw hostError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
          return undefined;
        }
        break;
      }
      case 'RangeFill':
        if (name === 'Clear') {
          this.writable(obj.sheet);
          for (const r of obj.rects) for (const { row, col } of cellsOf(r)) obj.sheet.cell(row, col).fill = null;
          return undefined;
        }
        break;
      case 'ConditionalFormatCollection':
        if (name === 'Add') {
          this.writable(obj.sheet);
          const rule: HostRule = { id: ++this.nextRule, type: String(args[0]), rects: obj.rects.map((r) => ({ ...r })), priority: 0 };
          for (const other of obj.sheet.rules) other.priority++;
          obj.sheet.rules.unshift(rule);
          return { t: 'ConditionalFormat', sheet: obj.sheet, rule };
        }
        if (name === 'GetCount') return this.rulesOf(obj).length;
        break;
      case 'ConditionalFormat':
        if (name === 'GetRanges') return { t: 'RangeAreas', sheet: obj.sheet, rects: obj.rule.rects.map((r) => ({ ...r })) };
        if (name === 'GetRange' || name === 'GetRangeOrNullObject') {
          if (obj.rule.rects.length === 1) return { t: 'Range', sheet: obj.sheet, rect: { ...obj.rule.rects[0]! } };
          if (name === 'GetRange') throw hostError('InvalidOperation', 'This conditional format applies to more than one range.');
          return { t: 'Null' };
        }
        if (name === 'Delete') {
          this.writable(obj.sheet);
          obj.sheet.rules = obj.sheet.rules.filter((r) => r !== obj.rule);
          return undefined;
        }
        break;
      case 'NoteCollection':
      case 'CommentCollection':
        if (name === 'Add') {
          const rect = parseRect(String(args[0]));
          const sheet = args[0] && String(args[0]).includes('!') ? this.sheetByKey(String(args[0]).slice(0, String(args[0]).lastIndexOf('!')).replace(/^'|'$/g, '').replace(/''/g, "'")) : obj.sheet;
          if (obj.t === 'CommentCollection' && !String(args[0]).includes('!')) throw hostError('InvalidArgument', 'The address must name the sheet.');
          this.writable(sheet);
          const cell = sheet.cell(rect.top, rect.left);
          if (cell.note !== undefined || cell.comment !== undefined) throw hostError('InvalidArgument', 'This cell already has a note or a comment.');
          if (obj.t === 'NoteCollection') cell.note = String(args[1]);
          else cell.comment = String(args[1]);
          return { t: obj.t === 'NoteCollection' ? 'Note' : 'Comment', sheet, row: rect.top, col: rect.left };
        }
        if (name === 'GetCount') return this.annotations(obj).length;
        break;
      case 'Note':
      case 'Comment':
        if (name === 'Delete') {
          this.writable(obj.sheet);
          const cell = obj.sheet.get(obj.row, obj.col);
          if (cell) delete cell[obj.t === 'Note' ? 'note' : 'comment'];
          return undefined;
        }
        if (name === 'GetLocation') return { t: 'Range', sheet: obj.sheet, rect: { top: obj.row, left: obj.col, bottom: obj.row, right: obj.col } };
        break;
      case 'WorksheetCollection':
        if (name === 'Add') {
          const wanted = args[0] === undefined || args[0] === null ? `Sheet${this.sheets.length + 1}` : String(args[0]);
          if (!wanted || wanted.length > 31 || /[\\/?*[\]:]/.test(wanted)) throw hostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (sheet name "${wanted}")`);
          if (this.sheets.some((x) => x.name.toLowerCase() === wanted.toLowerCase())) throw hostError('ItemAlreadyExists', 'A resource with the same name or identifier already exists.');
          return { t: 'Worksheet', sheet: this.addSheet(wanted) };
        }
        break;
      case 'TableCollection':
        if (name === 'Add') {
          const { sheet, rect } = this.rangeArg(obj.sheet ?? this.sheets[0]!, args[0]);
          this.writable(sheet);
          if (this.tables.some((x) => x.sheet === sheet && intersects(x.rect, rect))) throw hostError('InvalidOperation', 'A table cannot overlap another table.');
          const hasHeaders = Boolean(args[1]);
          const table: HostTable = { id: `{table-${++this.nextObject}}`, name: `Table${this.tables.length + 1}`, sheet, rect, hasHeaders };
          this.tables.push(table);
          return { t: 'Table', table };
        }
        break;
      case 'PivotTableCollection':
        if (name === 'Add') {
          const pivotName = String(args[0]);
          if (this.pivots.some((x) => x.name.toLowerCase() === pivotName.toLowerCase())) throw hostError('ItemAlreadyExists', 'A PivotTable with this name already exists.');
          const src = args[1] as HostObject | string;
          const on = obj.sheet ?? this.sheets[0]!;
          const source = typeof src === 'object' && src.t === 'Table' ? { sheet: src.table.sheet, rect: src.table.rect, table: src.table.name } : this.rangeArg(on, src);
          const dest = this.rangeArg(on, args[2]);
          this.writable(dest.sheet);
          const fields: string[] = [];
          for (let c = source.rect.left; c <= source.rect.right; c++) fields.push(String(source.sheet.get(source.rect.top, c)?.value ?? ''));
          if (fields.some((f) => f === '') || new Set(fields.map((f) => f.toLowerCase())).size !== fields.length) throw hostError('InvalidArgument', 'The PivotTable field name is not valid: every column of the source needs its own heading.');
          if (source.rect.bottom <= source.rect.top) throw hostError('InvalidArgument', 'The source of a PivotTable needs at least one row under its headings.');
          const pivot: HostPivot = { id: `{pivot-${++this.nextObject}}`, name: pivotName, sheet: dest.sheet, at: dest.rect, source, fields, rows: [], columns: [], data: [] };
          this.pivots.push(pivot);
          return { t: 'PivotTable', pivot };
        }
        break;
      case 'RowColumnPivotHierarchyCollection':
      case 'DataPivotHierarchyCollection':
        if (name === 'Add') {
          const h = args[0] as HostObject;
          if (typeof h !== 'object' || h.t !== 'PivotHierarchy' || h.pivot !== obj.pivot) throw hostError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format. (a hierarchy of this PivotTable)');
          const p = obj.pivot;
          if (obj.t === 'DataPivotHierarchyCollection') {
            const data = { field: h.field, summarizeBy: 'Automatic' };
            p.data.push(data);
            return { t: 'DataPivotHierarchy', pivot: p, data };
          }
          // A field is on one of rows and columns at a time.
          if (p.rows.includes(h.field) || p.columns.includes(h.field)) throw hostError('InvalidOperation', `The field ${h.field} is already on the PivotTable's rows or columns.`);
          p[obj.axis].push(h.field);
          return { t: 'RowColumnPivotHierarchy', pivot: p, axis: obj.axis, field: h.field };
        }
        break;
      case 'ChartCollection':
        if (name === 'Add') {
          const source = this.rangeArg(obj.sheet, args[1]);
          this.writable(obj.sheet);
          const chart: HostChart = { id: `{chart-${++this.nextObject}}`, name: `Chart ${this.charts.length + 1}`, sheet: obj.sheet, type: String(args[0]), source, seriesBy: String(args[2] ?? 'Auto'), title: '', categoryAxis: {} };
          this.charts.push(chart);
          return { t: 'Chart', chart };
        }
        break;
      case 'Chart':
        if (name === 'SetPosition') {
          const from = args[0] as HostObject | string;
          const to = args[1] as HostObject | string | undefined | null;
          const text = (x: HostObject | string): string => (typeof x === 'string' ? (parseRect(x), x) : x.t === 'Range' ? rectAddress(x.rect) : String(x));
          obj.chart.position = { from: text(from), ...(to !== undefined && to !== null ? { to: text(to) } : {}) };
          return undefined;
        }
        break;
      case 'Functions':
        // DATE only, in the workbook's date system: what the adapter asks to tell 1900 from 1904.
        if (name === 'Date') {
          const [y, m, d] = args as number[];
          const serial = Math.round((Date.UTC(y!, m! - 1, d!) - Date.UTC(this.date1904 ? 1904 : 1899, this.date1904 ? 0 : 11, this.date1904 ? 1 : 30)) / 86400000);
          return serial < 0 ? { t: 'FunctionResult', value: null, error: '#NUM!' } : { t: 'FunctionResult', value: serial };
        }
        break;
      case 'Null':
        return { t: 'Null' };
    }
    if (name === 'GetItemAt') {
      const item = this.items(obj, {})?.[Number(args[0])];
      if (!item) throw hostError('ItemNotFound', "The requested resource doesn't exist.");
      return item;
    }
    throw hostError('NotImplemented', `${obj.t}.${name} is not in this host`);
  }

  private single(sheet: HostSheet, address: unknown): HostObject {
    const text = String(address);
    if (text.length >= ADDRESS_LIMIT) throw hostError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    if (text.includes(',')) throw hostError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    return { t: 'Range', sheet, rect: parseRect(text) };
  }

  /** A Range argument: a Range object, or an address (with or without its sheet). */
  private rangeArg(sheet: HostSheet, arg: unknown): { sheet: HostSheet; rect: Rect } {
    if (typeof arg === 'object' && arg !== null && (arg as HostObject).t === 'Range') {
      const r = arg as { sheet: HostSheet; rect: Rect };
      return { sheet: r.sheet, rect: r.rect };
    }
    const text = String(arg);
    const bang = text.lastIndexOf('!');
    const on = bang >= 0 ? this.sheetByKey(text.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'")) : sheet;
    return { sheet: on, rect: parseRect(text) };
  }

  private writable(sheet: HostSheet): void {
    if (sheet.protected) throw hostError('AccessDenied', 'The cell or chart you are trying to change is protected.');
  }

  private rulesOf(obj: { sheet: HostSheet; rects: Rect[] }): HostRule[] {
    return obj.sheet.rules.filter((rule) => rule.rects.some((r) => obj.rects.some((q) => intersects(r, q))));
  }

  private annotations(obj: { t: 'NoteCollection' | 'CommentCollection'; sheet: HostSheet }): { row: number; col: number; text: string }[] {
    const field = obj.t === 'NoteCollection' ? 'note' : 'comment';
    const out: { row: number; col: number; text: string }[] = [];
    for (const [k, c] of obj.sheet.cells) if (c[field] !== undefined) out.push({ row: Math.floor(k / 16384), col: k % 16384, text: c[field]! });
    return out.sort((a, b) => a.row - b.row || a.col - b.col);
  }

  private cellProperties(sheet: HostSheet, rect: Rect): Json {
    const rows: Json[][] = [];
    for (let row = rect.top; row <= rect.bottom; row++) {
      const line: Json[] = [];
      for (let col = rect.left; col <= rect.right; col++) {
        const fill = sheet.get(row, col)?.fill;
        line.push({ format: { fill: fill ? { color: fill.color, pattern: fill.pattern, patternColor: fill.patternColor ?? '#000000', tintAndShade: fill.tintAndShade ?? 0, patternTintAndShade: fill.patternTintAndShade ?? 0 } : NO_FILL_READ } });
      }
      rows.push(line);
    }
    return rows;
  }

  private action(action: Action, obj: HostObject, resolve: (id: number) => HostObject, kept: Set<number>): Json {
    switch (action.ActionType) {
      case 1: {
        // Instantiate: null objects answer null; ranges get a reference id (they are tracked).
        if (obj.t === 'Null') return null;
        // A worksheet comes with its id (its key): Microsoft's samples add onChanged handlers, whose target is the id, without loading it.
        if (obj.t === 'Worksheet') return { _Id: this.idOf(obj), Id: obj.sheet.id };
        if (obj.t === 'Table' || obj.t === 'PivotTable' || obj.t === 'Chart') return { _Id: this.idOf(obj) };
        if ((obj.t === 'Range' || obj.t === 'RangeAreas') && kept.has(action.ObjectPathId)) {
          const id = `{${(++this.nextRef).toString(16).padStart(8, '0')}-6e0c-4d1a-9b5e-2f6c1a7d3e90}${this.nextRef}`;
          this.refs.set(id, obj);
          return { _ReferenceId: id };
        }
        return {};
      }
      case 2:
        return obj.t === 'Null' ? null : this.query(obj, action.QueryInfo ?? {});
      case 3: {
        if (!action.Name.startsWith('_')) this.operation(action.Name);
        const value = this.method(obj, action.Name, this.args(action.ArgumentInfo, resolve));
        return value === undefined || (typeof value === 'object' && value !== null && 't' in value) ? undefined : value;
      }
      case 4:
        this.operation(action.Name);
        this.set(obj, action.Name, action.ArgumentInfo?.Arguments?.[0]);
        return undefined;
      case 5:
        return undefined;
      default:
        throw hostError('NotImplemented', `action type ${action.ActionType}`);
    }
  }

  // ------------------------------------------------------------- reads

  private query(obj: HostObject, info: QueryInfo): Json {
    const select = info.Select ?? [];
    const collection = this.items(obj, info);
    if (collection) {
      // The client sends a collection's item properties without their "items/".
      const itemSelect = select.map((s) => (s.startsWith('items/') ? s.slice(6) : s));
      return { _Items: collection.map((item) => ({ _Id: this.idOf(item), ...(this.selectOf(item, itemSelect) as object) })) };
    }
    return this.selectOf(obj, select);
  }

  private items(obj: HostObject, info: QueryInfo): HostObject[] | null {
    let list: HostObject[] | null = null;
    if (obj.t === 'WorksheetCollection') list = this.sheets.map((sheet) => ({ t: 'Worksheet', sheet }));
    if (obj.t === 'TableCollection') list = this.tables.filter((x) => obj.sheet === null || x.sheet === obj.sheet).map((table) => ({ t: 'Table', table }));
    if (obj.t === 'PivotTableCollection') list = this.pivots.filter((x) => obj.sheet === null || x.sheet === obj.sheet).map((pivot) => ({ t: 'PivotTable', pivot }));
    if (obj.t === 'ConditionalFormatCollection') list = this.rulesOf(obj).map((rule) => ({ t: 'ConditionalFormat', sheet: obj.sheet, rule }));
    if (obj.t === 'NoteCollection' || obj.t === 'CommentCollection') {
      const t = obj.t === 'NoteCollection' ? 'Note' : 'Comment';
      list = this.annotations(obj).map(({ row, col }) => ({ t, sheet: obj.sheet, row, col }));
    }
    if (!list) return null;
    const skip = info.Skip ?? 0;
    return list.slice(skip, info.Top !== undefined && info.Top !== null ? skip + info.Top : undefined);
  }

  /** The selected properties, PascalCase as Excel answers; "a/b" goes through navigation properties. */
  private selectOf(obj: HostObject, select: string[]): Json {
    const out: Record<string, Json> = {};
    const nested = new Map<string, string[]>();
    for (const s of select) {
      const slash = s.indexOf('/');
      if (slash >= 0) {
        const head = s.slice(0, slash);
        nested.set(head, [...(nested.get(head) ?? []), s.slice(slash + 1)]);
        continue;
      }
      out[pascal(s)] = this.get(obj, s);
    }
    for (const [head, rest] of nested) {
      const child = this.navigate(obj, pascal(head));
      out[pascal(head)] = child.t === 'Null' ? null : this.selectOf(child, rest);
    }
    return out;
  }

  private get(obj: HostObject, name: string): Json {
    this.check(obj.t, name);
    switch (obj.t) {
      case 'Worksheet':
        if (name === 'name') return obj.sheet.name;
        if (name === 'id') return obj.sheet.id;
        if (name === 'visibility') return obj.sheet.visibility;
        if (name === 'position') return this.sheets.indexOf(obj.sheet);
        break;
      case 'Table':
        if (name === 'name') return obj.table.name;
        if (name === 'id') return obj.table.id;
        break;
      case 'PivotTable':
        if (name === 'name') return obj.pivot.name;
        if (name === 'id') return obj.pivot.id;
        break;
      case 'WorksheetProtection':
        if (name === 'protected') return obj.sheet.protected;
        break;
      case 'Runtime':
        if (name === 'enableEvents') return this.enableEvents;
        break;
      case 'FunctionResult':
        if (name === 'value') return obj.value;
        if (name === 'error') return obj.error ?? null;
        break;
      case 'Range':
        return this.rangeProperty(obj.sheet, obj.rect, name);
      case 'RangeAreas':
        if (name === 'address') return cut(obj.rects.map((r) => `${quoteSheet(obj.sheet.name)}!${rectAddress(r)}`).join(','));
        if (name === 'areaCount') return obj.rects.length;
        break;
      case 'RangeFill': {
        const fills = obj.rects.flatMap((r) => [...cellsOf(r)].map(({ row, col }) => obj.sheet.get(row, col)?.fill ?? null));
        const first = fills[0] ?? null;
        const same = fills.every((f) => JSON.stringify(f) === JSON.stringify(first));
        if (name === 'color') return same ? (first?.color ?? '#FFFFFF') : null;
        if (name === 'pattern') return same ? (first?.pattern ?? 'None') : null;
        if (name === 'tintAndShade') return same ? (first?.tintAndShade ?? 0) : null;
        break;
      }
      case 'ConditionalFormat':
        if (name === 'type') return obj.rule.type;
        if (name === 'priority') return obj.rule.priority;
        if (name === 'id') return String(obj.rule.id);
        break;
      case 'ConditionalFormatRule':
        if (name === 'formula') return obj.rule.formula ?? '';
        break;
      case 'ConditionalRangeFill':
        if (name === 'color') return obj.rule.fill ?? null;
        break;
      case 'Note':
      case 'Comment':
        if (name === 'content') return obj.sheet.get(obj.row, obj.col)?.[obj.t === 'Note' ? 'note' : 'comment'] ?? '';
        if (name === 'authorName') return 'Partner';
        break;
    }
    throw hostError('NotImplemented', `${obj.t}.${name} cannot be read in this host`);
  }

  private rangeProperty(sheet: HostSheet, rect: Rect, name: string): Json {
    const grid = (f: (c: HostCell | undefined) => Json): Json[][] => {
      const out: Json[][] = [];
      for (let row = rect.top; row <= rect.bottom; row++) {
        const line: Json[] = [];
        for (let col = rect.left; col <= rect.right; col++) line.push(f(sheet.get(row, col)));
        out.push(line);
      }
      return out;
    };
    switch (name) {
      case 'address':
        return `${quoteSheet(sheet.name)}!${rectAddress(rect)}`;
      case 'rowIndex':
        return rect.top;
      case 'columnIndex':
        return rect.left;
      case 'rowCount':
        return rect.bottom - rect.top + 1;
      case 'columnCount':
        return rect.right - rect.left + 1;
      case 'values':
        return grid((c) => c?.value ?? '');
      case 'formulas':
        return grid((c) => c?.formula ?? c?.value ?? '');
      case 'numberFormat':
        return grid((c) => c?.format ?? 'General');
      case 'valueTypes':
        return grid((c) => (c === undefined || c.value === '' ? 'Empty' : typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : 'String'));
      case 'text':
        return grid((c) => String(c?.value ?? ''));
    }
    throw hostError('NotImplemented', `Range.${name} cannot be read in this host`);
  }

  // ------------------------------------------------------------- writes

  private set(obj: HostObject, name: string, value: unknown): void {
    const prop = name.charAt(0).toLowerCase() + name.slice(1);
    this.check(obj.t, prop);
    switch (obj.t) {
      case 'Runtime':
        if (prop === 'enableEvents') {
          this.enableEvents = Boolean(value);
          return;
        }
        break;
      case 'Range':
        this.writable(obj.sheet);
        if (prop === 'values' || prop === 'formulas' || prop === 'numberFormat') {
          this.writeGrid(obj.sheet, obj.rect, prop, value as unknown[][]);
          if (prop !== 'numberFormat' && this.enableEvents) {
            this.valueWritesWithEvents++;
            this.raise(obj.sheet, rectAddress(obj.rect), 'RangeEdited');
          }
          return;
        }
        break;
      case 'RangeFill':
        this.writable(obj.sheet);
        for (const r of obj.rects)
          for (const { row, col } of cellsOf(r)) {
            const cell = obj.sheet.cell(row, col);
            const fill: HostFill = cell.fill ?? { color: '#FFFFFF', pattern: 'Solid' };
            if (prop === 'color') fill.color = String(value).toUpperCase();
            else if (prop === 'pattern') {
              if (/gradient/i.test(String(value))) throw hostError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format. (gradient fills cannot be set)');
              fill.pattern = String(value);
            } else if (prop === 'patternColor') fill.patternColor = String(value).toUpperCase();
            else if (prop === 'tintAndShade') fill.tintAndShade = Number(value);
            else if (prop === 'patternTintAndShade') fill.patternTintAndShade = Number(value);
            else throw hostError('NotImplemented', `RangeFill.${prop}`);
            cell.fill = fill.pattern === 'None' ? null : fill;
          }
        return;
      case 'ConditionalFormat':
        this.writable(obj.sheet);
        if (prop === 'priority') {
          obj.rule.priority = Number(value);
          return;
        }
        break;
      case 'ConditionalFormatRule':
        this.writable(obj.sheet);
        if (prop === 'formula') {
          obj.rule.formula = String(value);
          return;
        }
        break;
      case 'ConditionalRangeFill':
        this.writable(obj.sheet);
        if (prop === 'color') {
          obj.rule.fill = String(value).toUpperCase();
          return;
        }
        break;
      case 'Table':
        if (prop === 'name') {
          const next = String(value);
          if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(next) || next.length > 255) throw hostError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (table name "${next}")`);
          if (this.tables.some((x) => x !== obj.table && x.name.toLowerCase() === next.toLowerCase())) throw hostError('ItemAlreadyExists', 'A table with this name already exists.');
          obj.table.name = next;
          return;
        }
        break;
      case 'DataPivotHierarchy':
        if (prop === 'summarizeBy') {
          obj.data.summarizeBy = String(value);
          return;
        }
        break;
      case 'ChartTitle':
        if (prop === 'text') {
          obj.chart.title = String(value);
          return;
        }
        break;
      case 'ChartAxis':
        if (prop === 'categoryType' || prop === 'baseTimeUnit') {
          obj.chart.categoryAxis[prop] = String(value);
          return;
        }
        break;
      case 'Chart':
        if (prop === 'name') {
          obj.chart.name = String(value);
          return;
        }
        break;
    }
    throw hostError('NotImplemented', `${obj.t}.${prop} cannot be written in this host`);
  }

  private writeGrid(sheet: HostSheet, rect: Rect, prop: 'values' | 'formulas' | 'numberFormat', rows: unknown[][]): void {
    const height = rect.bottom - rect.top + 1;
    const width = rect.right - rect.left + 1;
    const single = rows.length === 1 && rows[0]!.length === 1;
    if (!single && (rows.length !== height || rows.some((r) => r.length !== width))) throw hostError('InvalidArgument', 'The number of rows or columns in the input array doesn\'t match the size or dimensions of the range.');
    for (let r = 0; r < height; r++)
      for (let c = 0; c < width; c++) {
        const v = single ? rows[0]![0] : rows[r]![c];
        const cell = sheet.cell(rect.top + r, rect.left + c);
        if (prop === 'numberFormat') cell.format = String(v);
        else this.writeValue(cell, v);
      }
  }

  /** Excel's reading of a typed value, as far as the tests need: apostrophe, formulas, numbers, ISO dates, booleans. */
  private writeValue(cell: HostCell, v: unknown): void {
    cell.by = 'addin';
    delete cell.formula;
    if (typeof v !== 'string') {
      cell.value = v === null || v === undefined ? '' : (v as number | boolean);
      return;
    }
    if (v.startsWith("'")) {
      cell.value = v.slice(1);
      return;
    }
    if (cell.format === '@') {
      cell.value = v;
      return;
    }
    if (v.startsWith('=')) {
      cell.formula = v;
      // The one function the host evaluates: =DATE(y,m,d), the 1900 system's serial (Excel rolls day and month over).
      const date = /^=DATE\((\d+),(\d+),(\d+)\)$/.exec(v);
      cell.value = date ? Math.round((Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) - Date.UTC(1899, 11, 30)) / 86400000) : 0;
      return;
    }
    if (/^[-+]?\d+(\.\d+)?$/.test(v)) cell.value = Number(v);
    else if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      cell.value = isoSerial(v);
      if (cell.format === 'General') cell.format = 'yyyy-mm-dd';
    } else if (/^(true|false)$/i.test(v)) cell.value = v.toLowerCase() === 'true';
    else cell.value = v;
  }
}

/** Excel cuts an address it returns at 8,192 characters: at the last whole area before. */
function cut(address: string): string {
  if (address.length < ADDRESS_LIMIT) return address;
  const head = address.slice(0, ADDRESS_LIMIT);
  return head.slice(0, head.lastIndexOf(','));
}

function pascal(name: string): string {
  return name.startsWith('_') ? name : name.charAt(0).toUpperCase() + name.slice(1);
}

interface ArgumentInfo {
  Arguments?: unknown[];
  ReferencedObjectPathIds?: number[];
}

interface QueryInfo {
  Select?: string[];
  Expand?: string[];
  Top?: number;
  Skip?: number;
}

interface Action {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: ArgumentInfo;
  QueryInfo?: QueryInfo;
}

interface ObjectPath {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: ArgumentInfo;
}
