import { readErrors } from './errors';

/** Bounds that keep one hostile or huge file from taking the reader down. */
export interface ReadLimits {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** Most bytes unpacked from the zip over all the parts read. */
  maxUnzippedBytes: number;
  /** Largest unpacked/packed ratio allowed for one zip entry once it is past `ratioGraceBytes`. */
  maxEntryRatio: number;
  /** An entry may unpack to this many bytes whatever its ratio (small, repetitive XML is normal). */
  ratioGraceBytes: number;
  /** Most cells (and row slots) kept over all sheets. */
  maxCells: number;
  /** Most sheets read. */
  maxSheets: number;
  /** Wall-time budget for reading, in milliseconds. */
  maxMillis: number;
}

export const DEFAULT_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 100_000_000,
  maxUnzippedBytes: 300_000_000,
  maxEntryRatio: 200,
  ratioGraceBytes: 8_000_000,
  maxCells: 5_000_000,
  maxSheets: 2_000,
  maxMillis: 20_000,
});

export function resolveLimits(limits?: Partial<ReadLimits>): ReadLimits {
  const out: ReadLimits = { ...DEFAULT_LIMITS };
  if (!limits) return out;
  for (const key of Object.keys(out) as (keyof ReadLimits)[]) {
    const v = limits[key];
    if (typeof v === 'number' && !Number.isNaN(v) && v >= 0) out[key] = v;
  }
  return out;
}

/** How often (in parse events) the clock is read. */
const CLOCK_EVERY = 4096;

/** The running account of one read against its limits. */
export class Budget {
  readonly limits: ReadLimits;
  private readonly deadline: number;
  private unzipped = 0;
  private cells = 0;
  private ticks = 0;

  constructor(limits: ReadLimits, now: number = Date.now()) {
    this.limits = limits;
    this.deadline = now + limits.maxMillis;
  }

  /** Call once per parse event; reads the clock every few thousand calls. */
  tick(): void {
    if (++this.ticks >= CLOCK_EVERY) {
      this.ticks = 0;
      this.checkTime();
    }
  }

  /** Milliseconds left before the deadline (0 when it has passed). */
  remainingMillis(): number {
    return Math.max(0, this.deadline - Date.now());
  }

  checkTime(): void {
    if (Date.now() > this.deadline) throw readErrors.tooSlow(Math.round(this.limits.maxMillis / 1000));
  }

  /** Counts bytes unpacked from the zip. */
  addUnzipped(n: number): void {
    this.unzipped += n;
    if (this.unzipped > this.limits.maxUnzippedBytes) throw readErrors.unzipsTooLarge(this.limits.maxUnzippedBytes);
  }

  /** Counts kept cells, including the empty slots before them. */
  addCells(n: number): void {
    this.cells += n;
    if (this.cells > this.limits.maxCells) throw readErrors.tooManyCells(this.limits.maxCells);
  }

  get cellCount(): number {
    return this.cells;
  }
}

/** Excel's own limit on the text of one cell; longer text (only hostile files hold it) is cut there. */
export const MAX_CELL_TEXT = 32_767;

export function capCellText(text: string): string {
  return text.length > MAX_CELL_TEXT ? text.slice(0, MAX_CELL_TEXT) : text;
}
