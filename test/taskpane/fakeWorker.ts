import type { CheckRequest, CheckResponse } from '../../src/taskpane/worker/protocol';
import { sendInParts } from '../../src/taskpane/worker/parts';
import { createServer } from '../../src/taskpane/worker/serve';
import type { WorkerLike } from '../../src/taskpane/worker/client';

/**
 * A deep copy as postMessage makes one, for the plain data the protocol
 * carries (jsdom has no structuredClone, and node:v8's copies are typed
 * arrays of another realm, which the reader's instanceof refuses).
 */
function copy<T>(value: T): T {
  if (ArrayBuffer.isView(value)) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength).slice() as T;
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)])) as T;
  return value;
}

/**
 * A Worker for jsdom that runs the real worker's server in this thread.
 * Messages are copied both ways, as a real one copies them; with `hold`,
 * answers wait until `deliver()`, so a test can cancel a check "in flight".
 */
export class FakeWorker implements WorkerLike {
  onmessage: ((event: MessageEvent<CheckResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly received: CheckRequest[] = [];
  readonly held: Exclude<CheckResponse, { type: 'part' }>[] = [];
  terminated = false;
  hold = false;
  private serve = createServer(async () => jest.requireActual('../../src/annotate/index'));

  postMessage(message: CheckRequest): void {
    if (this.terminated) throw new Error('postMessage on a terminated worker');
    const request = copy(message);
    this.received.push(request);
    void this.serve(request).then((answer) => {
      if (this.terminated || !answer) return;
      const { response } = answer;
      if (this.hold) this.held.push(response);
      else this.answer(response);
    });
  }

  /** Hands over held answers, in the order given (default: as they came). */
  deliver(order?: number[]): void {
    const all = this.held.splice(0);
    for (const response of order ? order.map((i) => all[i]!) : all) this.answer(response);
  }

  /** As if the worker's state were lost (sheets it kept are gone). */
  forget(): void {
    this.serve = createServer(async () => jest.requireActual('../../src/annotate/index'));
  }

  /** An exception the worker did not catch. */
  fail(message: string): void {
    this.onerror?.({ message } as ErrorEvent);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** As the real worker answers: arrays longer than two items in parts first, so that the client's joining is in every test. */
  private answer(response: Exclude<CheckResponse, { type: 'part' }>): void {
    void sendInParts(response, (message) => this.onmessage?.({ data: copy(message) } as MessageEvent<CheckResponse>), [], { longer: 2 });
  }
}

/** Waits until `done()` holds, a few event-loop turns at a time. */
export async function until(done: () => boolean, turns = 200): Promise<void> {
  for (let i = 0; i < turns && !done(); i++) await new Promise((r) => setTimeout(r, 1));
  if (!done()) throw new Error('condition never held');
}
