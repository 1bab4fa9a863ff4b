/**
 * The taskpane's check worker: reads the file, runs the check and builds the
 * annotated workbook off the main thread, so the pane keeps answering and a
 * check can be stopped (by ending the worker). Started by spawn.mts.
 */
import { loadAnnotate } from '../lazy';
import { sendInParts } from './parts';
import { createServer } from './serve';
import type { CheckRequest, CheckResponse } from './protocol';

// The worker's global scope, as far as we use it (tsconfig's lib is the DOM's, not WebWorker's).
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
};

const post = (message: CheckResponse, transfer: Transferable[] = []) => scope.postMessage(message, transfer);
const serve = createServer(loadAnnotate, (message) => post(message));

scope.onmessage = (event) => {
  // Sheets and reports go back in parts, so that the page takes them in a few milliseconds at a time.
  // Taking a part in costs the page several times what sending it costs here (it makes the objects): hence 2 ms.
  void serve(event.data).then((answer) => answer && sendInParts(answer.response, post, answer.transfer, { budget: 2 }));
};
