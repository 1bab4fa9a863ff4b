import { check as coreCheck } from '../../core/check';
import type { Sheet, Workbook } from '../../core/workbook';
import type { AnnotateMeta } from '../../annotate/index';
import { Cancelled } from '../errors';
import type { Choice, Mappings, Report } from '../flow';
import { valuesBody, valuesPayload } from '../steps/submit/payload';
import { loadAnnotate, loadCheckWorker, loadReader } from '../lazy';
import type { Edits } from './edits';
import { Joiner, nextTurn, sendInParts } from './parts';
import { rememberPlan } from '../steps/check/plan';
import { reportId, type CheckRequest, type CheckResponse, type WireCheckOptions, type WireSheet, type WireWorkbook } from './protocol';

/** What the client needs of a Worker: a fake one in tests. */
export interface WorkerLike {
  postMessage(message: CheckRequest, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<CheckResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export type Job = 'read' | 'check' | 'annotate' | 'body';

/** What the client is doing, for the "Checking…" bar; null when idle. */
export interface Activity {
  job: Job;
  /** Which run of a job this is: the same while its progress changes, new for the next job. */
  started: number;
  /** How far the job is, when the worker says (the annotated workbook): `done` of `of` steps, and the one under way. */
  progress?: { done: number; of: number; step: string };
}

/** What the steps see of the client: its state, and Cancel. */
export interface CheckActivity {
  subscribe(listener: () => void): () => void;
  getActivity(): Activity | null;
  cancel(): void;
}

export interface CheckClientOptions {
  /** Starts a worker; null (or a spawn that fails) runs everything on this thread. Default: the check worker where `Worker` exists. */
  spawn?: (() => WorkerLike | Promise<WorkerLike>) | null;
}

type Body = CheckRequest extends infer R ? (R extends CheckRequest ? Omit<R, 'id'> : never) : never;

interface Pending {
  job: Job;
  /** Builds the request again (sheets in full after `missing`). */
  body: (full: boolean) => Body;
  /** The same work on this thread. */
  here: () => Promise<unknown>;
  resolve: (response: CheckResponse) => void;
  reject: (error: unknown) => void;
  retried: boolean;
}

function defaultSpawn(): CheckClientOptions['spawn'] {
  if (typeof Worker !== 'function') return null;
  return () => loadCheckWorker().then((m) => m.spawnCheckWorker());
}

/**
 * The engine as the taskpane calls it: read, check and annotate, each a
 * promise, run in a Web Worker so that the pane keeps answering. Cancel ends
 * the worker (a check cannot be interrupted otherwise) and rejects what was
 * pending with `Cancelled`; the next request starts a fresh worker. Where
 * there is no Worker (tests, old web views), or it cannot start, the same
 * calls run here on the main thread.
 */
export class CheckClient implements CheckActivity {
  private readonly spawn: CheckClientOptions['spawn'];
  private worker: Promise<WorkerLike | null> | null = null;
  /** Set once a worker could not start or died before answering: run here from then on. */
  private inThread: boolean;
  private answered = false;
  /** The worker started last, until it is ended: answers from an ended one are dropped. */
  private current: WorkerLike | null = null;
  private nextId = 1;
  private nextSheet = 1;
  private readonly pending = new Map<number, Pending>();
  /** The ids the worker keeps (those of the last request sent), and the ids of our sheets and reports. */
  private kept = new Set<string>();
  private lastSent = 0;
  private readonly ids = new WeakMap<Sheet | Report, string>();
  /** Sheets made by writing cells into another (the browser mode's writes): sent as those cells while the worker keeps the other. */
  private readonly derivations = new WeakMap<Sheet, { from: Sheet; edits: Edits }>();
  private activity: Activity | null = null;
  private runs = 0;
  private readonly listeners = new Set<() => void>();
  /** The parts of answers still to come from the current worker. */
  private joiner = new Joiner();
  /** Requests go out one after the other, each whole (its parts, then itself), in the order made. */
  private sending: Promise<void> = Promise.resolve();

  constructor(options: CheckClientOptions = {}) {
    this.spawn = 'spawn' in options ? options.spawn : defaultSpawn();
    this.inThread = !this.spawn;
  }

  /** Reads a workbook, CSV or Word file's bytes into a workbook (the bytes are copied, not taken). */
  read = (bytes: Uint8Array, name: string): Promise<Workbook> =>
    this.request('read', () => ({ type: 'read', bytes, name }), async () => (await loadReader()).readWorkbookBytes(bytes, name)).then((r) => {
      if (r.type !== 'read') throw new Error('The check worker answered out of turn.');
      r.workbook.sheets.forEach((sheet, i) => {
        const id = r.sheetIds[i];
        if (id) this.ids.set(sheet, id);
      });
      // What the worker keeps now, unless a later request has replaced it already.
      if (this.lastSent === r.id) this.kept = new Set(r.sheetIds);
      return r.workbook;
    });

  /** The engine, with the fixable cells listed (for "Fix N values"). */
  check = (workbook: Workbook, options: WireCheckOptions = {}): Promise<Report> =>
    this.request(
      'check',
      (full) => ({ type: 'check', workbook: this.wire(workbook, full), options }),
      async () => coreCheck(workbook, { ...options, fixes: true }),
    ).then((r) => {
      if (r.type !== 'check') throw new Error('The check worker answered out of turn.');
      if (r.reportId) this.ids.set(r.report, r.reportId);
      if (r.plan) rememberPlan(r.report, r.plan);
      return r.report;
    });

  /** The annotated workbook as .xlsx bytes. */
  annotate = (workbook: Workbook, report: Report, meta: AnnotateMeta): Promise<Uint8Array> =>
    this.request(
      'annotate',
      (full) => {
        const id = this.ids.get(report);
        const known = !full && id !== undefined && this.kept.has(id);
        return { type: 'annotate', workbook: this.wire(workbook, full), report: known ? { id } : { id: this.fresh(report), report }, meta };
      },
      async () => (await loadAnnotate()).buildAnnotatedWorkbook({ workbook, report, meta }),
    ).then((r) => {
      if (r.type !== 'annotate') throw new Error('The check worker answered out of turn.');
      return r.bytes;
    });

  /**
   * `to` is `from` with `edits` written into it (BrowserHost's writes): the
   * next request that sends `to` sends the edits only, while the worker
   * keeps `from`, rather than the whole sheet again.
   */
  derive = (from: Sheet, to: Sheet, edits: Edits): void => {
    this.derivations.set(to, { from, edits });
  };

  /** The submission's JSON body of the workbook's values, as UTF-8, made in the worker from the sheets it keeps. */
  submissionBody = (workbook: Workbook, choice: Choice, mapping: Mappings): Promise<Uint8Array> =>
    this.request(
      'body',
      (full) => ({ type: 'body', workbook: this.wire(workbook, full), choice, mapping }),
      async () => new TextEncoder().encode(valuesBody(valuesPayload(workbook, choice, mapping))),
    ).then((r) => {
      if (r.type !== 'body') throw new Error('The check worker answered out of turn.');
      return r.body;
    });

  /** Stops whatever is running: its promises reject with `Cancelled`. */
  cancel = (): void => {
    const worker = this.worker;
    this.worker = null;
    this.current = null;
    this.kept = new Set();
    void worker?.then((w) => w?.terminate());
    const pending = [...this.pending.values()];
    this.pending.clear();
    this.update();
    for (const p of pending) p.reject(new Cancelled());
  };

  /** Ends the worker for good (the pane is closing). */
  dispose(): void {
    this.cancel();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getActivity = (): Activity | null => this.activity;

  private request(job: Job, body: (full: boolean) => Body, here: () => Promise<unknown>): Promise<CheckResponse> {
    const id = this.nextId++;
    return new Promise<CheckResponse>((resolve, reject) => {
      const entry: Pending = { job, body, here, resolve, reject, retried: false };
      this.pending.set(id, entry);
      this.update();
      void this.send(id, entry);
    });
  }

  private async send(id: number, entry: Pending): Promise<void> {
    const worker = this.inThread ? null : await this.ensureWorker();
    if (!this.pending.has(id)) return; // cancelled meanwhile
    if (!worker) return this.runHere(id, entry);
    const request = { ...entry.body(entry.retried), id } as Exclude<CheckRequest, { type: 'part' }>;
    this.kept = keptAfter(request);
    this.lastSent = id;
    // Long arrays (a sheet's rows, a report's issues) in parts, with the page free to draw between them.
    const sent = this.sending.then(() =>
      sendInParts(request, (message) => worker.postMessage(message), [], { pause: nextTurn, stop: () => !this.pending.has(id) || !this.isCurrent(worker) }),
    );
    this.sending = sent.catch(() => undefined);
    try {
      await sent;
    } catch (error) {
      this.settle(id, (p) => p.reject(error));
    }
  }

  /** On this thread: a Cancel cannot stop the work, but its answer is dropped. */
  private async runHere(id: number, entry: Pending): Promise<void> {
    // Let the pane draw "Checking…" before the thread is busy.
    await new Promise((r) => setTimeout(r, 0));
    if (!this.pending.has(id)) return;
    try {
      const response = hereResponse(id, entry.job, await entry.here());
      this.settle(id, (p) => p.resolve(response));
    } catch (error) {
      this.settle(id, (p) => p.reject(error));
    }
  }

  private ensureWorker(): Promise<WorkerLike | null> {
    if (this.worker) return this.worker;
    const started = (async () => {
      try {
        const worker = await this.spawn!();
        this.current = worker;
        this.joiner = new Joiner();
        worker.onmessage = (event) => this.receive(worker, event.data);
        worker.onerror = (event) => this.died(worker, event);
        return worker;
      } catch (error) {
        console.warn('The check worker could not start; checking on the main thread.', error);
        this.inThread = true;
        return null;
      }
    })();
    this.worker = started;
    return started;
  }

  private receive(worker: WorkerLike, response: CheckResponse): void {
    this.answered = true;
    if (!this.isCurrent(worker)) return;
    if (response.type === 'part') {
      this.joiner.add(response);
      return;
    }
    const entry = this.pending.get(response.id);
    if (!entry) return;
    response = this.joiner.join(response);
    if (response.type === 'progress') {
      // Only for the job the bar shows: the first pending.
      if (this.pending.values().next().value === entry) {
        this.activity = { job: entry.job, started: this.activity?.started ?? ++this.runs, progress: { done: response.done, of: response.of, step: response.step } };
        for (const listener of this.listeners) listener();
      }
      return;
    }
    if (response.type === 'error') {
      if (response.missing && !entry.retried) {
        // The worker no longer has a sheet we named: send it everything.
        entry.retried = true;
        this.kept = new Set();
        void this.send(response.id, entry);
        return;
      }
      const error = new Error(response.message);
      if (response.name) error.name = response.name;
      this.settle(response.id, (p) => p.reject(error));
      return;
    }
    this.settle(response.id, (p) => p.resolve(response));
  }

  /** An error the worker did not catch: it may be broken (it could not load, or ran out of memory). */
  private died(worker: WorkerLike, event: ErrorEvent): void {
    if (!this.isCurrent(worker)) return;
    const message = event.message || 'The check stopped unexpectedly.';
    this.worker = null;
    this.current = null;
    this.kept = new Set();
    worker.terminate();
    const pending = [...this.pending.entries()];
    if (!this.answered) {
      // It never answered anything: it cannot run here. Everything waiting runs on this thread.
      console.warn('The check worker failed; checking on the main thread.', message);
      this.inThread = true;
      for (const [id, entry] of pending) void this.send(id, entry);
      return;
    }
    this.pending.clear();
    this.update();
    for (const [, p] of pending) p.reject(new Error(`The check stopped unexpectedly (${message}). Please try again.`));
  }

  private isCurrent(worker: WorkerLike): boolean {
    return this.current === worker;
  }

  private settle(id: number, how: (p: Pending) => void): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    this.pending.delete(id);
    this.update();
    how(entry);
  }

  /** The workbook with each sheet by id where the worker keeps it. */
  private wire(workbook: Workbook, full: boolean): WireWorkbook {
    const sheets: WireSheet[] = workbook.sheets.map((sheet) => {
      const id = this.ids.get(sheet);
      if (!full && id !== undefined && this.kept.has(id)) return { id };
      const derived = this.derivations.get(sheet);
      const from = derived && this.ids.get(derived.from);
      if (!full && derived && from !== undefined && this.kept.has(from)) {
        // Once sent, the worker keeps the sheet under its id, or says it is missing and is sent it whole: the edits are done with.
        this.derivations.delete(sheet);
        return { id: id ?? this.fresh(sheet), from: { id: from, edits: derived.edits } };
      }
      return { id: id ?? this.fresh(sheet), sheet };
    });
    return { date1904: workbook.date1904, ...(workbook.source ? { source: workbook.source } : {}), sheets };
  }

  private fresh(of?: Sheet | Report): string {
    const id = `c${this.nextSheet++}`;
    if (of) this.ids.set(of, id);
    return id;
  }

  private update(): void {
    const first = this.pending.values().next();
    const job = first.done ? null : first.value.job;
    if ((this.activity?.job ?? null) === job) return;
    this.activity = job ? { job, started: ++this.runs } : null;
    for (const listener of this.listeners) listener();
  }
}

/** What the worker keeps once it has answered this request (see protocol.ts): what it names. */
function keptAfter(request: CheckRequest): Set<string> {
  if (request.type === 'read' || request.type === 'part') return new Set();
  const ids = request.workbook.sheets.map((s) => s.id);
  if (request.type === 'annotate') ids.push(request.report.id);
  if (request.type === 'check') ids.push(reportId(request.id));
  return new Set(ids);
}

function hereResponse(id: number, job: Job, value: unknown): CheckResponse {
  switch (job) {
    case 'read':
      return { id, type: 'read', workbook: value as Workbook, sheetIds: [] };
    case 'check':
      return { id, type: 'check', report: value as Report, reportId: '' };
    case 'annotate':
      return { id, type: 'annotate', bytes: value as Uint8Array };
    case 'body':
      return { id, type: 'body', body: value as Uint8Array };
  }
}
