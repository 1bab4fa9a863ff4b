/**
 * Big messages in parts. A 50,000-row sheet or its report is hundreds of
 * thousands of small objects, and postMessage copies them all in one go: the
 * sender's thread while it sends, the receiver's in one task before its
 * handler runs (half a second and more on the page). So every long array in
 * a message travels as parts of its own, each a message that takes a few
 * milliseconds to copy, and the message itself follows with those arrays
 * empty; the receiver puts the items back before it reads the message.
 * Structured clone copies each part, so the data arrive as they would whole.
 */

/** A slice of a long array of message `id`, at `path` inside it. */
export interface Part {
  id: number;
  type: 'part';
  path: (string | number)[];
  items: unknown[];
}

export interface PartsOptions {
  /** Arrays longer than this travel in parts. */
  longer?: number;
  /** How long one part may take to send, in ms (the receiver takes about as long to take it in). */
  budget?: number;
  /** Awaited between parts: on the page, a turn of the event loop so that it can draw and answer. */
  pause?: () => Promise<void>;
  now?: () => number;
}

/** How deep to look for long arrays: a wire workbook's rows are at sheets[i].sheet.rows. */
const DEPTH = 6;
/** The first part's items, before there is a time to size the next by. */
const FIRST_SLICE = 64;

interface Found {
  path: (string | number)[];
  items: unknown[];
}

/** The message with its long arrays emptied (copies along the way, the original untouched), and those arrays. */
function split(value: unknown, longer: number, path: (string | number)[], found: Found[]): unknown {
  if (Array.isArray(value)) {
    if (value.length > longer) {
      found.push({ path, items: value });
      return [];
    }
    if (path.length >= DEPTH) return value;
    let copy: unknown[] | null = null;
    value.forEach((item, i) => {
      const out = split(item, longer, [...path, i], found);
      if (out !== item) (copy ??= value.slice())[i] = out;
    });
    return copy ?? value;
  }
  if (value === null || typeof value !== 'object' || path.length >= DEPTH || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
  let copy: Record<string, unknown> | null = null;
  for (const [key, item] of Object.entries(value)) {
    const out = split(item, longer, [...path, key], found);
    if (out !== item) (copy ??= { ...(value as Record<string, unknown>) })[key] = out;
  }
  return copy ?? value;
}

/**
 * Sends `message` (which has an `id`) through `post`: first its long arrays
 * in parts, each sized to take about `budget` ms to send, then the message
 * with those arrays empty. Stops early when `stop()` says so (cancelled).
 */
export async function sendInParts<M extends { id: number }>(
  message: M,
  post: (message: M | Part, transfer?: Transferable[]) => void,
  transfer: Transferable[] = [],
  options: PartsOptions & { stop?: () => boolean } = {},
): Promise<void> {
  const { longer = 1000, budget = 8, pause, now = () => performance.now(), stop = () => false } = options;
  const found: Found[] = [];
  const head = split(message, longer, [], found) as M;
  let size = FIRST_SLICE;
  for (const { path, items } of found) {
    for (let at = 0; at < items.length; ) {
      if (pause) await pause();
      if (stop()) return;
      const slice = items.slice(at, at + size);
      const start = now();
      post({ id: message.id, type: 'part', path, items: slice });
      const took = now() - start;
      at += slice.length;
      // The next part as big as fits the budget, judged by this one (at most four times bigger).
      size = Math.max(16, Math.min(size * 4, Math.floor((slice.length * budget) / Math.max(took, 0.25))));
    }
  }
  if (pause) await pause();
  if (stop()) return;
  post(head, transfer);
}

/** The receiving side: keeps the parts until their message comes, then puts them back into it. */
export class Joiner {
  private readonly parts = new Map<number, Part[]>();

  add(part: Part): void {
    const list = this.parts.get(part.id);
    if (list) list.push(part);
    else this.parts.set(part.id, [part]);
  }

  /** The message whole (the message itself, filled in). */
  join<M extends { id: number }>(message: M): M {
    const parts = this.parts.get(message.id);
    if (!parts) return message;
    this.parts.delete(message.id);
    for (const { path, items } of parts) {
      let at: unknown = message;
      for (const key of path) at = (at as Record<string | number, unknown>)[key];
      const into = at as unknown[];
      for (const item of items) into.push(item);
    }
    return message;
  }

  /** Forgets the parts of messages that will not come (their sender was ended). */
  clear(): void {
    this.parts.clear();
  }
}

/** A turn of the event loop, without setTimeout's 4 ms clamp after a few in a row. */
export function nextTurn(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
