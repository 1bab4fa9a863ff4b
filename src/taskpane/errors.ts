/** A thrown thing as one line a person can read. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'Something went wrong.';
}

/** A check, a read or a download the person stopped with Cancel. */
export class Cancelled extends Error {
  override readonly name = 'Cancelled';
  constructor() {
    super('Cancelled.');
  }
}

export function isCancelled(error: unknown): error is Cancelled {
  return error instanceof Cancelled;
}

/** What the pane says after a Cancel: that it is back where it was. */
export const CANCELLED = {
  open: 'Opening cancelled. Open the file again when you are ready.',
  start: 'Check cancelled before it found your tables. Nothing has changed.',
  sheets: 'Check cancelled: the sheets are as they were.',
  step: 'Check cancelled: nothing has changed. Press the button again when you are ready.',
  fix: 'Fix cancelled: the values are as they were.',
  undo: 'Undo cancelled: the fixed values are still in place.',
  download: 'Download cancelled.',
} as const;
