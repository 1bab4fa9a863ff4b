/**
 * One queue for every call into Excel: each host action runs after the one
 * before it has finished, so an automatic highlight, a Fix and the re-checks
 * they cause never interleave their syncs, and re-checks finish in the order
 * they were asked for (a slow one cannot bring back an old report after a
 * newer one).
 *
 * A call with a key that arrives while the last call waiting in the queue
 * has the same key joins it: one run, with the newer call's work, answers
 * both. Two re-checks asked for during a Fix read the workbook once, and a
 * highlight superseded before it started is never painted.
 */
interface Entry {
  key: string | undefined;
  task: () => Promise<unknown>;
  started: boolean;
  promise: Promise<unknown>;
}

export class HostQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private last: Entry | null = null;
  /** Calls answered by a newer one that joined them (for tests and figures). */
  joined = 0;

  run<T>(task: () => Promise<T>, key?: string): Promise<T> {
    const last = this.last;
    if (key !== undefined && last && !last.started && last.key === key) {
      last.task = task;
      this.joined++;
      return last.promise as Promise<T>;
    }
    const entry: Entry = { key, task, started: false, promise: Promise.resolve() };
    entry.promise = this.tail.then(() => {
      entry.started = true;
      return entry.task();
    });
    this.last = entry;
    this.tail = entry.promise.catch(() => undefined);
    return entry.promise as Promise<T>;
  }

  /** Resolves when everything queued so far has finished. */
  async idle(): Promise<void> {
    await this.tail;
  }
}
