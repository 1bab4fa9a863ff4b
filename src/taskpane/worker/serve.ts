import { check } from '../../core/check';
import type { Sheet, Workbook } from '../../core/workbook';
import { readWorkbookBytes } from '../../io/readWorkbook';
import type { Report } from '../flow';
import { fixesNeeded, NO_SHEET, planFixes, previewed, PREVIEWED, toWire, valuesBefore } from '../steps/check/plan';
import { valuesBody, valuesPayload } from '../steps/submit/payload';
import { applyEdits } from './edits';
import { Joiner } from './parts';
import { readSheetId, reportId, type CheckRequest, type CheckResponse, type WireWorkbook } from './protocol';

/** An answer and the buffers to hand over rather than copy. */
export interface Answer {
  response: Exclude<CheckResponse, { type: 'part' }>;
  transfer: ArrayBuffer[];
}

class Missing extends Error {}

/**
 * The worker's side, apart from the messaging so that tests can drive it:
 * one request at a time, in the order they came (a request that awaits must
 * not let the next one see half its state). What a request used or made is
 * kept for the next, and only that.
 */
export function createServer(
  annotate: () => Promise<typeof import('../../annotate/index')>,
  /** Sends a progress message while a request runs. */
  progress: (message: Extract<CheckResponse, { type: 'progress' }>) => void = () => undefined,
): (request: CheckRequest) => Promise<Answer | null> {
  const joiner = new Joiner();
  let kept = new Map<string, Sheet | Report>();
  let queue: Promise<unknown> = Promise.resolve();

  function workbookOf(wire: WireWorkbook, keep: Map<string, Sheet | Report>): Workbook {
    const sheets = wire.sheets.map(({ id, sheet, from }) => {
      const base = from && kept.get(from.id);
      const found = sheet ?? kept.get(id) ?? (base && 'rows' in base ? applyEdits(base, from.edits) : undefined);
      if (!found || !('rows' in found)) throw new Missing(`No sheet ${id}`);
      keep.set(id, found);
      return found;
    });
    return { date1904: wire.date1904, ...(wire.source ? { source: wire.source } : {}), sheets };
  }

  async function answer(request: Exclude<CheckRequest, { type: 'part' }>): Promise<Answer> {
    const keep = new Map<string, Sheet | Report>();
    switch (request.type) {
      case 'read': {
        const workbook = await readWorkbookBytes(request.bytes, request.name);
        const sheetIds = workbook.sheets.map((sheet, i) => {
          keep.set(readSheetId(request.id, i), sheet);
          return readSheetId(request.id, i);
        });
        kept = keep;
        return { response: { id: request.id, type: 'read', workbook, sheetIds }, transfer: [] };
      }
      case 'check': {
        const report: Report = check(workbookOf(request.workbook, keep), { ...request.options, fixes: true });
        keep.set(reportId(request.id), report);
        kept = keep;
        const planned = planFixes(report, NO_SHEET);
        const plan = toWire(planned);
        // The fixes (one per cell to rewrite, 200,000 on 50,000 rows) stay here: the page has the plan, and what the previews show.
        if (fixesNeeded(report, plan)) return { response: { id: request.id, type: 'check', report, reportId: reportId(request.id), plan }, transfer: [] };
        const shown: Report = { ...report };
        delete shown.fixes;
        plan.before = [...valuesBefore(report, previewed(planned, PREVIEWED))];
        return { response: { id: request.id, type: 'check', report: shown, reportId: reportId(request.id), plan }, transfer: [] };
      }
      case 'body': {
        const workbook = workbookOf(request.workbook, keep);
        kept = keep;
        // Encoded here too: the page hands the bytes to fetch as they are.
        const body = new TextEncoder().encode(valuesBody(valuesPayload(workbook, request.choice, request.mapping)));
        return { response: { id: request.id, type: 'body', body }, transfer: [body.buffer as ArrayBuffer] };
      }
      case 'annotate': {
        const workbook = workbookOf(request.workbook, keep);
        const report = request.report.report ?? kept.get(request.report.id);
        if (!report || 'rows' in report) throw new Missing(`No report ${request.report.id}`);
        keep.set(request.report.id, report);
        kept = keep;
        const { buildAnnotatedWorkbook } = await annotate();
        const bytes = await buildAnnotatedWorkbook({ workbook, report, meta: request.meta, onProgress: (done, of, step) => progress({ id: request.id, type: 'progress', done, of, step }) });
        return { response: { id: request.id, type: 'annotate', bytes }, transfer: [bytes.buffer as ArrayBuffer] };
      }
    }
  }

  return (message) => {
    // A part of a request to come: kept until the request itself.
    if (message.type === 'part') {
      joiner.add(message);
      return Promise.resolve(null);
    }
    const request = joiner.join(message);
    const run = queue.then(() => answer(request)).catch((error: unknown): Answer => {
      const missing = error instanceof Missing;
      const message = error instanceof Error ? error.message : String(error);
      const name = error instanceof Error ? error.name : undefined;
      return { response: { id: request.id, type: 'error', message, ...(name ? { name } : {}), ...(missing ? { missing } : {}) }, transfer: [] };
    });
    queue = run;
    return run;
  };
}
