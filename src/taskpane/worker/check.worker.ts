/**
 * The taskpane's check worker: reads the file, runs the check and builds the
 * annotated workbook off the main thread, so the pane keeps answering and a
 * check can be stopped (by ending the worker). Started by spawn.mts.
 */
import { loadAnnotate } from '../lazy';
import { createServer } from './serve';
import type { CheckRequest } from './protocol';

// The worker's global scope, as far as we use it (tsconfig's lib is the DOM's, not WebWorker's).
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
};

const serve = createServer(loadAnnotate, (message) => scope.postMessage(message, []));

scope.onmessage = (event) => {
  void serve(event.data).then(({ response, transfer }) => scope.postMessage(response, transfer));
};
