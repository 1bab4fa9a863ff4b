/**
 * A small in-memory Excel behind the Office.js API shapes the adapter uses,
 * for Jest. Office.js semantics kept on purpose:
 *  - proxies queue their writes and loads; nothing happens until context.sync();
 *  - loaded properties are read through office-addin-mock's OfficeMockObject,
 *    so reading a property that was not loaded (or before the sync) throws;
 *  - every sync is counted, address strings of 8,192 characters or more are
 *    refused, and a response larger than `responseCellLimit` cells fails the
 *    sync as Excel on the web does over 5 MB.
 * It is not Excel: no formulas are calculated, and value coercion covers
 * numbers, ISO dates, booleans and the leading apostrophe only.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { a1, columnIndex } from '../../src/core/workbook';

export interface FakeFill {
  color?: string;
  pattern: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

export interface FakeCell {
  value: string | number | boolean;
  format: string;
  formula?: string;
  error?: boolean;
  fill: FakeFill;
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const NOT_LOADED = ['Error, property was not loaded', 'Error, context.sync() was not called'];

function officeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, name: 'RichApi.Error' });
}

function rectOf(address: string): Rect {
  const bare = address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
  const [from, to = from] = bare.split(':');
  const cell = (s: string): { row: number; col: number } => {
    const m = /^([A-Z]{1,3})(\d+)$/i.exec(s);
    if (!m) throw officeError('InvalidArgument', `bad address ${address}`);
    return { row: Number(m[2]) - 1, col: columnIndex(m[1]!) };
  };
  const a = cell(from!);
  const b = cell(to);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function rectToAddress(r: Rect): string {
  const tl = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${a1(r.bottom, r.right)}`;
}

function* cellsIn(r: Rect): Generator<string> {
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) yield a1(row, col);
}

function isDateFormat(format: string): boolean {
  return /[dy]/i.test(format.replace(/"[^"]*"/g, ''));
}

function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y!, m! - 1, d!) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** A custom conditional format: a formula, a fill, and the areas it applies to. */
export interface FakeConditionalFormat {
  id: string;
  rects: Rect[];
  formula: string;
  fill?: string;
  priority: number;
}

export class FakeSheet {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  readonly cells = new Map<string, FakeCell>();
  readonly merges: string[] = [];
  readonly notes = new Map<string, string>();
  readonly comments = new Map<string, { address: string; content: string }>();
  readonly handlers = new Set<(event: unknown) => Promise<unknown>>();
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  /** Protected (Review › Protect Sheet): every write to its cells is refused with AccessDenied. */
  protected = false;
  readonly id: string;

  constructor(public name: string) {
    this.id = `{${name}}`;
  }

  cell(address: string): FakeCell {
    return this.cells.get(address.toUpperCase()) ?? { value: '', format: 'General', fill: { pattern: 'None' } };
  }

  /** Sets cells from a 2-D array starting at `origin` (constants; a string starting with "=" is a formula whose value is 0). */
  put(origin: string, rows: (string | number | boolean | null)[][], format?: string): this {
    const start = rectOf(origin);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null) return;
        const address = a1(start.top + r, start.left + c);
        const cell = this.mutable(address);
        if (typeof value === 'string' && value.startsWith('=')) {
          cell.formula = value;
          cell.value = 0;
        } else {
          cell.value = value;
        }
        if (format) cell.format = format;
      }),
    );
    return this;
  }

  mutable(address: string): FakeCell {
    const key = address.toUpperCase();
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { value: '', format: 'General', fill: { pattern: 'None' } }));
    return cell;
  }

  /** The used range of cells holding values (getUsedRange(true)). */
  usedRect(): Rect | null {
    let rect: Rect | null = null;
    for (const [address, cell] of this.cells) {
      if (cell.value === '' && !cell.formula) continue;
      const { top, left } = rectOf(address);
      rect = rect
        ? { top: Math.min(rect.top, top), left: Math.min(rect.left, left), bottom: Math.max(rect.bottom, top), right: Math.max(rect.right, left) }
        : { top, left, bottom: top, right: left };
    }
    return rect;
  }
}

/**
 * One queued operation. `request` is its estimated share of the request JSON
 * (action, object path and arguments) and `response` its share of the answer,
 * both in bytes, so that the 5 MB limits of Excel on the web can be enforced.
 */
type Op = { kind: 'write' | 'load' | 'check'; cells?: number; request?: number; response?: () => number; run: () => void };

/** UTF-8 bytes of a value as JSON: what Office.js would send or receive for it. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? 'null');
}

/** Excel on the web's request and response limit. */
export const FIVE_MB = 5 * 1024 * 1024;
/**
 * The bytes of one action with its object path, before its arguments: about
 * what Office.js sends (issue 9 measured 4.7 MB to read 10,000 cells as one
 * range each, two actions a cell).
 */
const ACTION_BYTES = 220;

class Context {
  readonly queue: Op[] = [];
  readonly workbook: { worksheets: WorksheetCollection };
  readonly runtime: { enableEvents: boolean };

  constructor(readonly excel: FakeExcel) {
    this.workbook = { worksheets: new WorksheetCollection(this) };
    const write = (run: () => void): void => this.write(run);
    this.runtime = {
      get enableEvents(): boolean {
        return excel.enableEvents;
      },
      set enableEvents(value: boolean) {
        write(() => {
          excel.enableEvents = value;
        });
      },
    };
  }

  write(run: () => void, payload?: unknown): void {
    this.queue.push({ kind: 'write', request: ACTION_BYTES + (payload === undefined ? 0 : jsonBytes(payload)), run });
  }

  /** A write to a sheet's cells: refused with AccessDenied when the sheet is protected. */
  writeOn(sheet: () => FakeSheet, payload: unknown, run: () => void): void {
    this.write(() => {
      if (sheet().protected) throw officeError('AccessDenied', 'The cell or chart you are trying to change is protected.');
      run();
    }, payload);
  }

  /** An object created (getRange, getRanges…): Office.js puts its action in the request at once. */
  path(bytes: number): void {
    this.queue.push({ kind: 'check', request: ACTION_BYTES + bytes, run: () => {} });
  }

  async sync(): Promise<void> {
    const excel = this.excel;
    excel.syncs++;
    const ops = this.queue.splice(0);
    if (excel.cellEditFailures > 0) {
      excel.cellEditFailures--;
      throw officeError('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
    }
    const request = 200 + ops.reduce((n, op) => n + (op.request ?? ACTION_BYTES), 0);
    excel.requestBytes += request;
    excel.maxRequestBytes = Math.max(excel.maxRequestBytes, request);
    if (request > excel.requestByteLimit && ++excel.refusals) throw officeError('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.');
    const cells = ops.reduce((n, op) => n + (op.cells ?? 0), 0);
    if (cells > excel.responseCellLimit) throw officeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    excel.maxCellsPerSync = Math.max(excel.maxCellsPerSync, cells);
    // Not a transaction: the operations before a failing one stay done, as in Excel.
    let writes = 0;
    for (const op of ops) {
      if (op.kind === 'write') {
        writes++;
        const fail = excel.failAt;
        if (fail && writes === fail.op) {
          excel.failAt = null;
          throw officeError(fail.code, `injected failure at operation ${fail.op}`);
        }
      }
      if (op.kind === 'write' && !excel.enableEvents) excel.writesWithEventsOff++;
      if (op.kind === 'write' && excel.enableEvents) excel.writesWithEventsOn++;
      op.run();
    }
    const response = 100 + ops.reduce((n, op) => n + (op.response?.() ?? 0), 0);
    excel.responseBytes += response;
    excel.maxResponseBytes = Math.max(excel.maxResponseBytes, response);
    if (response > excel.responseByteLimit && ++excel.refusals) throw officeError('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.');
    // office-addin-mock settles loaded values in promise callbacks: let them run.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Base of every proxy: loads go through OfficeMockObject at sync time. */
abstract class Proxy {
  private mock: OfficeMockObject | null = null;
  private readonly requested = new Set<string>();

  constructor(protected readonly ctx: Context) {}

  protected abstract snapshot(): Record<string, unknown>;
  protected weight(_props: string[]): number {
    return 0;
  }

  load(props?: string | string[]): this {
    const list = props === undefined ? Object.keys(this.snapshot()) : (Array.isArray(props) ? props : props.split(',')).map((p) => p.trim()).filter(Boolean);
    for (const p of list) this.requested.add(p);
    this.ctx.queue.push({
      kind: 'load',
      cells: this.weight(list),
      request: ACTION_BYTES + list.join(',').length,
      run: () => this.settle(),
      response: () => {
        const snap = this.snapshot();
        return jsonBytes(Object.fromEntries(list.filter((p) => p in snap).map((p) => [p, snap[p]])));
      },
    });
    return this;
  }

  /** Called at sync: a fresh OfficeMockObject with the current data, loaded and synced. */
  protected settle(): void {
    const mock = new OfficeMockObject(this.snapshot());
    mock.load([...this.requested, 'isNullObject'].filter((p) => p in this.snapshot()));
    void mock.sync();
    this.mock = mock;
  }

  protected read<T>(prop: string): T {
    if (!this.mock) throw officeError('PropertyNotLoaded', `The property '${prop}' is not available. Load it and call context.sync().`);
    const value = (this.mock as unknown as Record<string, unknown>)[prop];
    if (typeof value === 'string' && NOT_LOADED.includes(value)) throw officeError('PropertyNotLoaded', `The property '${prop}' is not available (${value}).`);
    return value as T;
  }

  get isNullObject(): boolean {
    return this.read<boolean>('isNullObject');
  }
}

class WorksheetCollection {
  private loaded: Worksheet[] | null = null;
  constructor(private readonly ctx: Context) {}

  load(props: string): this {
    const names = props.split(',').map((p) => p.trim().replace(/^items\//, ''));
    this.ctx.queue.push({
      kind: 'load',
      run: () => {
        this.loaded = this.ctx.excel.sheets.map((s) => new Worksheet(this.ctx, s.name));
        for (const ws of this.loaded) ws.settleNow(names);
      },
    });
    return this;
  }

  get items(): Worksheet[] {
    if (!this.loaded) throw officeError('PropertyNotLoaded', 'worksheets.items not loaded');
    return this.loaded;
  }

  getItem(key: string): Worksheet {
    // By name or by id, as Excel's getItem.
    const name = this.ctx.excel.sheets.find((s) => s.id === key)?.name ?? key;
    this.ctx.queue.push({
      kind: 'check',
      run: () => {
        if (!this.ctx.excel.sheets.some((s) => s.name === name)) throw officeError('ItemNotFound', `The worksheet '${name}' does not exist.`);
      },
    });
    return new Worksheet(this.ctx, name);
  }
}

class Worksheet extends Proxy {
  readonly notes: NoteCollection;
  readonly comments: CommentCollection;
  readonly onChanged: { add(handler: (event: unknown) => Promise<unknown>): { context: Context; remove(): void } };

  constructor(
    ctx: Context,
    readonly sheetName: string,
  ) {
    super(ctx);
    this.notes = new NoteCollection(ctx, this);
    this.comments = new CommentCollection(ctx, this);
    this.onChanged = {
      add: (handler) => {
        ctx.write(() => this.fake().handlers.add(handler));
        return {
          context: ctx,
          remove: () => ctx.write(() => this.fake().handlers.delete(handler)),
        };
      },
    };
  }

  fake(): FakeSheet {
    const sheet = this.ctx.excel.sheets.find((s) => s.name === this.sheetName);
    if (!sheet) throw officeError('ItemNotFound', `The worksheet '${this.sheetName}' does not exist.`);
    return sheet;
  }

  protected snapshot(): Record<string, unknown> {
    const sheet = this.fake();
    return { name: sheet.name, id: sheet.id, visibility: sheet.visibility, isNullObject: false };
  }

  get id(): string {
    return this.read('id');
  }

  settleNow(props: string[]): void {
    this.load(props);
    this.ctx.queue.pop();
    this.settle();
  }

  get name(): string {
    return this.read('name');
  }
  get visibility(): string {
    return this.read('visibility');
  }

  getRange(address?: string): Range {
    this.ctx.path((address ?? '').length);
    if (address === undefined) return new Range(this.ctx, this, () => ({ top: 0, left: 0, bottom: 1048575, right: 16383 }));
    return new Range(this.ctx, this, () => rectOf(address));
  }

  get protection(): { protected: boolean; load(props: string): unknown } {
    const fake = (): FakeSheet => this.fake();
    let loaded: boolean | null = null;
    const protection = {
      get protected(): boolean {
        if (loaded === null) throw officeError('PropertyNotLoaded', 'protection.protected');
        return loaded;
      },
      load: (_props: string) => {
        this.ctx.queue.push({ kind: 'load', run: () => (loaded = fake().protected), response: () => 20 });
        return protection;
      },
    };
    return protection;
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): Range {
    this.ctx.path(24);
    return new Range(this.ctx, this, () => ({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }));
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    if (!valuesOnly) throw new Error('the fake models getUsedRange(true) only');
    return new Range(this.ctx, this, () => this.fake().usedRect());
  }

  getRanges(address: string): RangeAreas {
    const excel = this.ctx.excel;
    excel.getRangesCalls++;
    excel.maxAddressLength = Math.max(excel.maxAddressLength, address.length);
    if (address.length >= 8192) throw officeError('InvalidArgument', `address of ${address.length} characters`);
    this.ctx.path(address.length);
    return new RangeAreas(this.ctx, this, address.split(',').map(rectOf));
  }

  activate(): void {
    this.ctx.write(() => {
      this.ctx.excel.activeSheet = this.sheetName;
    });
  }
}

class FillProxy {
  constructor(
    private readonly ctx: Context,
    private readonly targets: () => { sheet: FakeSheet; rects: Rect[] },
    private readonly readColor?: () => string | undefined,
  ) {}

  private each(change: (fill: FakeFill) => FakeFill): void {
    this.ctx.writeOn(() => this.targets().sheet, change({ pattern: 'None' }), () => {
      const { sheet, rects } = this.targets();
      for (const rect of rects) for (const address of cellsIn(rect)) {
        const cell = sheet.mutable(address);
        cell.fill = change(cell.fill);
        if (cell.fill.tintAndShade === 0) delete cell.fill.tintAndShade;
        if (cell.fill.patternTintAndShade === 0) delete cell.fill.patternTintAndShade;
      }
      this.ctx.excel.fillWrites++;
    });
  }

  private loadedColor: string | undefined | null = null;
  load(_props: string): this {
    this.ctx.queue.push({ kind: 'load', run: () => (this.loadedColor = this.readColor?.()), response: () => 30 });
    return this;
  }
  get color(): string {
    if (this.loadedColor === null) throw officeError('PropertyNotLoaded', 'fill.color');
    return this.loadedColor as string;
  }
  set color(color: string) {
    this.each((f) => ({ ...f, color, pattern: f.pattern === 'None' ? 'Solid' : f.pattern }));
  }
  set pattern(pattern: string) {
    this.each((f) => ({ ...f, pattern }));
  }
  set patternColor(patternColor: string) {
    this.each((f) => ({ ...f, patternColor }));
  }
  set tintAndShade(tintAndShade: number) {
    this.each((f) => ({ ...f, tintAndShade }));
  }
  set patternTintAndShade(patternTintAndShade: number) {
    this.each((f) => ({ ...f, patternTintAndShade }));
  }
  clear(): void {
    this.each(() => ({ pattern: 'None' }));
  }
}

class Range extends Proxy {
  readonly format: { fill: FillProxy };
  readonly conditionalFormats: ConditionalFormatCollection;

  constructor(
    ctx: Context,
    private readonly ws: Worksheet,
    private readonly rect: () => Rect | null,
  ) {
    super(ctx);
    this.format = {
      fill: new FillProxy(
        ctx,
        () => ({ sheet: ws.fake(), rects: [this.must()] }),
        () => {
          const colors = [...cellsIn(this.must())].map((a) => ws.fake().cell(a).fill).map((f) => (f.pattern === 'None' ? '#FFFFFF' : f.color));
          return colors.every((c) => c === colors[0]) ? colors[0] : undefined;
        },
      ),
    };
    this.conditionalFormats = new ConditionalFormatCollection(ctx, ws, () => [this.must()]);
  }

  private must(): Rect {
    const rect = this.rect();
    if (!rect) throw officeError('InvalidReference', 'null range');
    return rect;
  }

  protected override weight(props: string[]): number {
    const rect = this.rect();
    if (!rect) return 0;
    const heavy = props.filter((p) => ['values', 'numberFormat', 'valueTypes', 'formulas'].includes(p)).length;
    return heavy * (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
  }

  protected snapshot(): Record<string, unknown> {
    const rect = this.rect();
    if (!rect) return { isNullObject: true, values: [], numberFormat: [], valueTypes: [], formulas: [], rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0, address: '' };
    const sheet = this.ws.fake();
    const grid = <T>(f: (cell: FakeCell) => T): T[][] => {
      const rows: T[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const row: T[] = [];
        for (let c = rect.left; c <= rect.right; c++) row.push(f(sheet.cell(a1(r, c))));
        rows.push(row);
      }
      return rows;
    };
    return {
      isNullObject: false,
      address: `${sheet.name}!${rectToAddress(rect)}`,
      rowIndex: rect.top,
      columnIndex: rect.left,
      rowCount: rect.bottom - rect.top + 1,
      columnCount: rect.right - rect.left + 1,
      values: grid((c) => c.value),
      numberFormat: grid((c) => c.format),
      formulas: grid((c) => c.formula ?? c.value),
      valueTypes: grid((c) => (c.error ? 'Error' : c.value === '' ? 'Empty' : typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : 'String')),
    };
  }

  get values(): unknown[][] {
    return this.read('values');
  }
  set values(values: unknown[][]) {
    this.writeGrid(values, false);
  }
  get formulas(): unknown[][] {
    return this.read('formulas');
  }
  set formulas(values: unknown[][]) {
    this.writeGrid(values, true);
  }
  get numberFormat(): unknown[][] {
    return this.read('numberFormat');
  }
  set numberFormat(formats: unknown[][]) {
    this.ctx.writeOn(() => this.ws.fake(), formats, () => {
      const rect = this.must();
      formats.forEach((row, r) => row.forEach((f, c) => (this.ws.fake().mutable(a1(rect.top + r, rect.left + c)).format = String(f))));
    });
  }
  get valueTypes(): unknown[][] {
    return this.read('valueTypes');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get address(): string {
    return this.read('address');
  }

  private writeGrid(values: unknown[][], formulas: boolean): void {
    this.ctx.writeOn(() => this.ws.fake(), values, () => {
      const rect = this.must();
      const sheet = this.ws.fake();
      values.forEach((row, r) =>
        row.forEach((v, c) => {
          const cell = sheet.mutable(a1(rect.top + r, rect.left + c));
          delete cell.formula;
          if (typeof v !== 'string') cell.value = v as number | boolean;
          else if (v.startsWith("'")) cell.value = v.slice(1);
          else if (cell.format === '@') cell.value = v;
          else if (v.startsWith('=') && formulas) {
            cell.formula = v;
            cell.value = 0;
          } else if (/^[-+]?\d+(\.\d+)?$/.test(v)) cell.value = Number(v);
          else if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
            cell.value = isoToSerial(v);
            if (!isDateFormat(cell.format)) cell.format = 'm/d/yyyy';
          } else if (/^(true|false)$/i.test(v)) cell.value = v.toLowerCase() === 'true';
          else cell.value = v;
        }),
      );
      this.ctx.excel.raise(sheet, rectToAddress(rect), 'ThisLocalAddin');
    });
  }

  getCellProperties(_options: unknown): { value: { format: { fill: Record<string, unknown> } }[][] } {
    const result = { value: [] as { format: { fill: Record<string, unknown> } }[][] };
    let settled = false;
    this.ctx.queue.push({
      kind: 'load',
      run: () => {
        const rect = this.must();
        const sheet = this.ws.fake();
        for (let r = rect.top; r <= rect.bottom; r++) {
          const row: { format: { fill: Record<string, unknown> } }[] = [];
          for (let c = rect.left; c <= rect.right; c++) {
            const f = sheet.cell(a1(r, c)).fill;
            row.push({
              format: {
                fill: {
                  color: f.pattern === 'None' ? '#FFFFFF' : f.color,
                  pattern: f.pattern,
                  patternColor: f.patternColor ?? '#000000',
                  tintAndShade: f.tintAndShade ?? 0,
                  patternTintAndShade: f.patternTintAndShade ?? 0,
                },
              },
            });
          }
          result.value.push(row);
        }
        settled = true;
      },
      request: ACTION_BYTES + 120,
      response: () => jsonBytes(result.value),
    });
    return {
      get value() {
        if (!settled) throw officeError('PropertyNotLoaded', 'ClientResult.value before sync');
        return result.value;
      },
    };
  }

  /** Formulas only (the kind the adapter asks for): each formula cell an area; a null object when there are none. */
  getSpecialCellsOrNullObject(type: string): RangeAreas {
    if (type !== 'Formulas') throw new Error('the fake models formula cells only');
    const ws = this.ws;
    const areas = new RangeAreas(this.ctx, ws, []);
    areas.fromMerges = () => {
      const rect = this.rect();
      return rect ? [...cellsIn(rect)].filter((a) => ws.fake().cells.get(a)?.formula).map(rectOf) : [];
    };
    return areas;
  }

  getMergedAreasOrNullObject(): RangeAreas {
    const ws = this.ws;
    const areas = new RangeAreas(this.ctx, ws, []);
    areas.fromMerges = () => {
      const rect = this.must();
      const found = ws.fake().merges.map(rectOf).filter((m) => m.top >= rect.top && m.left >= rect.left && m.bottom <= rect.bottom && m.right <= rect.right);
      // Documented: the method fails when the range holds more than 512 merged areas.
      if (found.length > 512) throw officeError('GeneralException', 'There was an internal error while processing the request.');
      return found;
    };
    return areas;
  }

  select(): void {
    this.ctx.write(() => {
      this.ctx.excel.selection = { sheet: this.ws.sheetName, address: rectToAddress(this.must()) };
    });
  }
}

class RangeAreas extends Proxy {
  fromMerges: (() => Rect[]) | null = null;
  readonly format: { fill: FillProxy };
  readonly conditionalFormats: ConditionalFormatCollection;

  constructor(
    ctx: Context,
    private readonly ws: Worksheet,
    private readonly rects: Rect[],
  ) {
    super(ctx);
    this.format = { fill: new FillProxy(ctx, () => ({ sheet: ws.fake(), rects: this.rects })) };
    this.conditionalFormats = new ConditionalFormatCollection(ctx, ws, () => this.rects);
  }

  protected snapshot(): Record<string, unknown> {
    const rects = this.fromMerges ? this.fromMerges() : this.rects;
    const name = this.ws.fake().name;
    const quoted = /[^A-Za-z0-9_]/.test(name) ? `'${name}'` : name;
    return { isNullObject: rects.length === 0, address: rects.map((r) => `${quoted}!${rectToAddress(r)}`).join(','), areaCount: rects.length };
  }

  get address(): string {
    return this.read('address');
  }

  get areaCount(): number {
    return this.read('areaCount');
  }
}

function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** Custom conditional formats only (the only kind the adapter adds); ExcelApi 1.6, on RangeAreas 1.9. */
class ConditionalFormatCollection {
  private loaded: ConditionalFormat[] | null = null;
  constructor(
    private readonly ctx: Context,
    private readonly ws: Worksheet,
    private readonly rects: () => Rect[],
  ) {}

  add(type: string): ConditionalFormat {
    if (type !== 'Custom') throw new Error('the fake models custom conditional formats only');
    const cf: FakeConditionalFormat = { id: `cf${++this.ctx.excel.conditionalFormatIds}`, rects: [], formula: '', priority: 0 };
    this.ctx.writeOn(() => this.ws.fake(), type, () => {
      cf.rects = this.rects();
      this.ws.fake().conditionalFormats.push(cf);
    });
    return new ConditionalFormat(this.ctx, this.ws, cf);
  }

  load(props: string | { select?: string; top?: number; skip?: number }): this {
    const page = pageOf(props);
    this.ctx.queue.push({
      kind: 'load',
      run: () => {
        const within = this.rects();
        this.loaded = page(this.ws.fake().conditionalFormats.filter((cf) => cf.rects.some((r) => within.some((w) => intersects(r, w))))).map((cf) => new ConditionalFormat(this.ctx, this.ws, cf, true));
      },
      response: () => jsonBytes(page(this.ws.fake().conditionalFormats).map((cf) => ({ type: 'Custom', id: cf.id, customOrNullObject: { rule: { formula: cf.formula } } }))),
    });
    return this;
  }

  get items(): ConditionalFormat[] {
    if (!this.loaded) throw officeError('PropertyNotLoaded', 'conditionalFormats.items');
    return this.loaded;
  }
}

class ConditionalFormat {
  readonly custom: { rule: { formula: string }; format: { fill: { color: string } } };
  constructor(
    private readonly ctx: Context,
    private readonly ws: Worksheet,
    private readonly cf: FakeConditionalFormat,
    private readonly isLoaded = false,
  ) {
    const write = (run: () => void, payload: unknown): void => ctx.writeOn(() => ws.fake(), payload, run);
    this.custom = {
      rule: {
        get formula(): string {
          return cf.formula;
        },
        set formula(formula: string) {
          write(() => (cf.formula = formula), formula);
        },
      },
      format: {
        fill: {
          get color(): string {
            return cf.fill ?? '';
          },
          set color(color: string) {
            write(() => (cf.fill = color), color);
          },
        },
      },
    };
  }
  private must(): void {
    if (!this.isLoaded) throw officeError('PropertyNotLoaded', 'conditionalFormat not loaded');
  }
  get type(): string {
    this.must();
    return 'Custom';
  }
  get id(): string {
    this.must();
    return this.cf.id;
  }
  get customOrNullObject(): { isNullObject: boolean; rule: { formula: string }; format: { fill: { color: string | null } } } {
    this.must();
    return { isNullObject: false, rule: { formula: this.cf.formula }, format: { fill: { color: this.cf.fill ?? null } } };
  }
  set priority(priority: number) {
    this.ctx.writeOn(() => this.ws.fake(), priority, () => (this.cf.priority = priority));
  }
  getRanges(): RangeAreas {
    return new RangeAreas(this.ctx, this.ws, this.cf.rects);
  }
  /** A null object when the rule is on several areas (ExcelApi 1.6 has no RangeAreas). */
  getRangeOrNullObject(): RangeAreas {
    return new RangeAreas(this.ctx, this.ws, this.cf.rects.length === 1 ? this.cf.rects : []);
  }
  set stopIfTrue(stop: boolean) {
    this.ctx.writeOn(() => this.ws.fake(), stop, () => void stop);
  }
  delete(): void {
    this.ctx.writeOn(() => this.ws.fake(), null, () => {
      const list = this.ws.fake().conditionalFormats;
      const i = list.indexOf(this.cf);
      if (i >= 0) list.splice(i, 1);
    });
  }
}

/** A collection load's $top/$skip, as Office.js's load options. */
function pageOf(props: string | { top?: number; skip?: number }): <T>(items: T[]) => T[] {
  if (typeof props === 'string') return (items) => items;
  const skip = props.skip ?? 0;
  return (items) => items.slice(skip, props.top === undefined ? undefined : skip + props.top);
}

class NoteCollection {
  private loaded: Note[] | null = null;
  constructor(
    private readonly ctx: Context,
    private readonly ws: Worksheet,
  ) {}

  private supported(): void {
    if (!this.ctx.excel.supports('ExcelApi', '1.18')) throw officeError('ApiNotFound', 'notes need ExcelApi 1.18');
  }

  add(address: string, content: string): void {
    this.supported();
    this.ctx.writeOn(() => this.ws.fake(), [address, content], () => {
      const notes = this.ws.fake().notes;
      const key = address.toUpperCase();
      if (notes.has(key)) throw officeError('InvalidArgument', `cell ${address} already has a note`);
      // One annotation per cell: a threaded comment there refuses the note.
      if ([...this.ws.fake().comments.values()].some((c) => c.address === key)) throw officeError('InvalidArgument', `cell ${address} has a threaded comment`);
      notes.set(key, content);
    });
  }

  getItemOrNullObject(address: string): Note {
    this.supported();
    return new Note(this.ctx, this.ws, address.toUpperCase());
  }

  load(props: string | { top?: number; skip?: number }): this {
    this.supported();
    const page = pageOf(props);
    this.ctx.queue.push({
      kind: 'load',
      run: () => {
        this.loaded = page([...this.ws.fake().notes.keys()]).map((address) => {
          const note = new Note(this.ctx, this.ws, address);
          note.load('content');
          this.ctx.queue.pop();
          note.settleNow();
          return note;
        });
      },
      response: () => jsonBytes(page([...this.ws.fake().notes.values()]).map((content) => ({ content }))),
    });
    return this;
  }

  get items(): Note[] {
    if (!this.loaded) throw officeError('PropertyNotLoaded', 'notes.items');
    return this.loaded;
  }
}

class Note extends Proxy {
  constructor(
    ctx: Context,
    private readonly ws: Worksheet,
    private readonly at: string,
  ) {
    super(ctx);
  }
  protected snapshot(): Record<string, unknown> {
    const content = this.ws.fake().notes.get(this.at);
    return { isNullObject: content === undefined, content: content ?? '' };
  }
  settleNow(): void {
    this.settle();
  }
  get content(): string {
    return this.read('content');
  }
  set content(content: string) {
    this.ctx.write(() => {
      if (!this.ws.fake().notes.has(this.at)) throw officeError('ItemNotFound', 'note');
      this.ws.fake().notes.set(this.at, content);
    });
  }
  delete(): void {
    this.ctx.writeOn(() => this.ws.fake(), null, () => this.ws.fake().notes.delete(this.at));
  }
  getLocation(): Range {
    return new Range(this.ctx, this.ws, () => rectOf(this.at));
  }
}

class CommentCollection {
  private loaded: Comment[] | null = null;
  constructor(
    private readonly ctx: Context,
    private readonly ws: Worksheet,
  ) {}

  private supported(): void {
    if (!this.ctx.excel.supports('ExcelApi', '1.10')) throw officeError('ApiNotFound', 'comments need ExcelApi 1.10');
  }

  add(cell: Range | string, content: string): void {
    this.supported();
    this.ctx.writeOn(() => this.ws.fake(), [typeof cell === 'string' ? cell : '', content], () => {
      // A Range argument: its address, read straight from the store (no load needed, as in Excel).
      const address = typeof cell === 'string' ? cell : (cell as unknown as { snapshot(): { address: string } }).snapshot().address;
      const key = address.slice(address.lastIndexOf('!') + 1).toUpperCase();
      const comments = this.ws.fake().comments;
      if ([...comments.values()].some((c) => c.address === key)) throw officeError('InvalidArgument', `cell ${key} already has a comment`);
      comments.set(`c${++this.ctx.excel.commentIds}`, { address: key, content });
    });
  }

  load(props: string | { top?: number; skip?: number }): this {
    this.supported();
    const page = pageOf(props);
    this.ctx.queue.push({
      kind: 'load',
      run: () => {
        this.loaded = page([...this.ws.fake().comments.keys()]).map((id) => {
          const comment = new Comment(this.ctx, this.ws, id);
          comment.settleNow();
          return comment;
        });
      },
      response: () => jsonBytes(page([...this.ws.fake().comments.values()]).map((c) => ({ content: c.content }))),
    });
    return this;
  }

  get items(): Comment[] {
    if (!this.loaded) throw officeError('PropertyNotLoaded', 'comments.items');
    return this.loaded;
  }
}

class Comment extends Proxy {
  constructor(
    ctx: Context,
    private readonly ws: Worksheet,
    readonly id: string,
  ) {
    super(ctx);
  }
  protected snapshot(): Record<string, unknown> {
    const c = this.ws.fake().comments.get(this.id);
    return { isNullObject: c === undefined, content: c?.content ?? '', id: this.id };
  }
  settleNow(): void {
    this.load('content,id');
    this.ctx.queue.pop();
    this.settle();
  }
  get content(): string {
    return this.read('content');
  }
  delete(): void {
    this.ctx.writeOn(() => this.ws.fake(), null, () => this.ws.fake().comments.delete(this.id));
  }
  getLocation(): Range {
    return new Range(this.ctx, this.ws, () => {
      const c = this.ws.fake().comments.get(this.id);
      return c ? rectOf(c.address) : null;
    });
  }
}

export interface FakeOptions {
  /** Requirement sets the host reports, e.g. { ExcelApi: '1.18', CompressedFile: '1.1' }. */
  sets?: Record<string, string>;
  partitionKey?: string;
  /** The .xlsx bytes getFileAsync returns (omit: getFileAsync unavailable). */
  file?: Uint8Array;
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  sets: Record<string, string>;
  syncs = 0;
  runs = 0;
  cellEditFailures = 0;
  enableEvents = true;
  responseCellLimit = Number.POSITIVE_INFINITY;
  /** Excel on the web refuses requests and responses over 5 MB. */
  requestByteLimit = FIVE_MB;
  responseByteLimit = FIVE_MB;
  requestBytes = 0;
  responseBytes = 0;
  maxRequestBytes = 0;
  maxResponseBytes = 0;
  /** Fails the next sync at its Nth write operation (1-based), after the ones before it ran. */
  failAt: { op: number; code: string } | null = null;
  /** Syncs refused for their size. */
  refusals = 0;
  conditionalFormatIds = 0;
  maxCellsPerSync = 0;
  maxAddressLength = 0;
  getRangesCalls = 0;
  fillWrites = 0;
  writesWithEventsOn = 0;
  writesWithEventsOff = 0;
  commentIds = 0;
  activeSheet: string | null = null;
  selection: { sheet: string; address: string } | null = null;
  readonly settings = new Map<string, unknown>();
  settingsSaves = 0;
  readonly storage = new Map<string, string>();
  fileOpen = false;
  fileClosed = 0;
  private readonly options: FakeOptions;

  constructor(options: FakeOptions = {}) {
    this.options = options;
    this.sets = options.sets ?? { ExcelApi: '1.18' };
  }

  sheet(name: string): FakeSheet {
    let sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) this.sheets.push((sheet = new FakeSheet(name)));
    return sheet;
  }

  supports(name: string, version = '1.1'): boolean {
    const have = this.sets[name];
    if (!have) return false;
    const [a1v = 0, a2 = 0] = have.split('.').map(Number);
    const [b1 = 0, b2 = 0] = version.split('.').map(Number);
    return a1v > b1 || (a1v === b1 && a2 >= b2);
  }

  /** Fires onChanged handlers (when events are on), as Excel does after an edit. */
  raise(sheet: FakeSheet, address: string, triggerSource: string, changeType = 'RangeEdited'): void {
    if (!this.enableEvents) return;
    for (const handler of sheet.handlers) {
      setTimeout(() => void handler({ address, changeType, source: 'Local', triggerSource, type: 'WorksheetChanged', worksheetId: sheet.id }), 0);
    }
  }

  /** The partner types into a cell. */
  userEdit(sheetName: string, address: string, value: string | number, changeType = 'RangeEdited'): void {
    const sheet = this.sheet(sheetName);
    sheet.mutable(address).value = value;
    this.raise(sheet, address, 'Unknown', changeType);
  }

  /** Installs Excel, Office and localStorage as globals. Returns the uninstaller. */
  install(): () => void {
    const g = globalThis as Record<string, unknown>;
    const saved = { Excel: g.Excel, Office: g.Office, localStorage: g.localStorage };
    g.Excel = {
      run: async (a: unknown, b?: unknown) => {
        const batch = (typeof a === 'function' ? a : b) as (ctx: Context) => Promise<unknown>;
        const ctx = a instanceof Context ? a : new Context(this);
        this.runs++;
        const result = await batch(ctx);
        // Like Excel.run, whatever was queued and never synced goes in one last request: count it.
        if (ctx.queue.length > 0) await ctx.sync();
        return result;
      },
      ErrorCodes: { invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode' },
    };
    const settings = this.settings;
    g.Office = {
      HostType: { Excel: 'Excel' },
      FileType: { Compressed: 'compressed' },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      onReady: async () => ({ host: 'Excel', platform: 'PC' }),
      context: {
        partitionKey: this.options.partitionKey,
        requirements: { isSetSupported: (name: string, version?: string) => this.supports(name, version) },
        document: {
          settings: {
            get: (key: string) => (settings.has(key) ? structuredClone(settings.get(key)) : null),
            set: (key: string, value: unknown) => settings.set(key, structuredClone(value)),
            remove: (key: string) => settings.delete(key),
            saveAsync: (cb: (r: { status: string }) => void) => {
              this.settingsSaves++;
              setTimeout(() => cb({ status: 'succeeded' }), 0);
            },
          },
          getFileAsync: this.options.file ? this.getFileAsync(this.options.file) : undefined,
        },
      },
    };
    const storage = this.storage;
    g.localStorage = {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, String(v)),
      removeItem: (k: string) => void storage.delete(k),
    };
    return () => {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete g[k];
        else g[k] = v;
      }
    };
  }

  /** Office.context.document.getFileAsync over these bytes, in slices; one file open at a time. */
  private getFileAsync(file: Uint8Array) {
    type Callback = (r: { status: string; value?: unknown; error?: { message: string } }) => void;
    return (_type: string, options: { sliceSize: number }, cb: Callback): void => {
      if (this.fileOpen) return cb({ status: 'failed', error: { message: 'a file is already open' } });
      this.fileOpen = true;
      const size = options.sliceSize;
      cb({
        status: 'succeeded',
        value: {
          size: file.length,
          sliceCount: Math.ceil(file.length / size),
          getSliceAsync: (i: number, done: Callback) => {
            const data = Array.from(file.subarray(i * size, (i + 1) * size));
            setTimeout(() => done({ status: 'succeeded', value: { data, index: i, size: data.length } }), 0);
          },
          closeAsync: (done: () => void) => {
            this.fileOpen = false;
            this.fileClosed++;
            done();
          },
        },
      });
    };
  }
}

/** The colour a cell shows: the first conditional format over it (by priority), else its own fill. */
export function shownColor(sheet: FakeSheet, address: string): string | undefined {
  const { top, left } = rectOf(address);
  const cf = [...sheet.conditionalFormats]
    .sort((a, b) => a.priority - b.priority)
    .find((c) => c.fill !== undefined && c.rects.some((r) => r.top <= top && top <= r.bottom && r.left <= left && left <= r.right));
  if (cf) return cf.fill;
  const fill = sheet.cell(address).fill;
  return fill.pattern === 'None' ? undefined : fill.color;
}

/** Fills of a sheet's cells, with defaults dropped, for exact comparisons. */
export function fillsOf(sheet: FakeSheet): Record<string, FakeFill> {
  const out: Record<string, FakeFill> = {};
  for (const [address, cell] of sheet.cells) if (cell.fill.pattern !== 'None') out[address] = { ...cell.fill };
  return out;
}
