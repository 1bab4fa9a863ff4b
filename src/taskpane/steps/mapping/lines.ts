import type { ColumnMapping } from '../../../core/report';
import type { Mapping } from '../../flow';
import { choiceLabel, decodeChoice, encodeChoice, suggested } from './mapping';

/** What one column's line says: the first that applies, in this order. */
export type LineState =
  /** Another column of the table is wholly the same field (or the same mark). */
  | { kind: 'duplicate'; others: string[] }
  /** The engine is unsure and the person has not confirmed it yet. */
  | { kind: 'uncertain' }
  /** No field: the column is not sent. */
  | { kind: 'unmapped' }
  /** The engine was unsure and the person confirmed (or changed) it. */
  | { kind: 'confirmed' }
  /** The person chose another field than the one suggested. */
  | { kind: 'changed' }
  /** The engine's suggestion, as it was. */
  | { kind: 'sure' };

/**
 * The state of each column's line. `duplicates` is duplicateFields' answer
 * (field key → its columns), `doubts` the columns the engine is unsure of,
 * `confirmed` those the person has confirmed.
 */
export function lineStates(columns: ColumnMapping[], mapping: Mapping, duplicates: Map<string, string[]>, doubts: Map<string, string>, confirmed: (column: string) => boolean): Map<string, LineState> {
  const sameAs = new Map<string, string[]>();
  for (const cols of duplicates.values()) for (const c of cols) sameAs.set(c, cols.filter((o) => o !== c));
  const out = new Map<string, LineState>();
  for (const c of columns) {
    const value = mapping[c.column] ?? null;
    const others = sameAs.get(c.column);
    if (others) out.set(c.column, { kind: 'duplicate', others });
    else if (doubts.has(c.column) && !confirmed(c.column)) out.set(c.column, { kind: 'uncertain' });
    else if (value === null) out.set(c.column, { kind: 'unmapped' });
    else if (doubts.has(c.column)) out.set(c.column, { kind: 'confirmed' });
    else if (encodeChoice(value) !== encodeChoice(suggested(c))) out.set(c.column, { kind: 'changed' });
    else out.set(c.column, { kind: 'sure' });
  }
  return out;
}

/** Whether a line needs the person's eye: it opens by itself and comes first. */
export function needsAttention(state: LineState | undefined): boolean {
  return state?.kind === 'duplicate' || state?.kind === 'uncertain' || state?.kind === 'unmapped';
}

/**
 * The columns in the order the step shows them: those that need attention
 * first (duplicates, then the uncertain, then the unmapped), each in sheet
 * order, then the rest in sheet order. Worked out once, when the step opens,
 * so that a line does not jump away while the person works on it.
 */
export function lineOrder(columns: ColumnMapping[], states: Map<string, LineState>): string[] {
  const rank = (s: LineState | undefined) => (s?.kind === 'duplicate' ? 0 : s?.kind === 'uncertain' ? 1 : s?.kind === 'unmapped' ? 2 : 3);
  return columns
    .map((c, i) => ({ column: c.column, rank: rank(states.get(c.column)), i }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((c) => c.column);
}

/**
 * Why "Confirm and check" cannot run yet, in words that name the columns:
 * "Columns A and F are both “Title/Event”: choose one." Null when it can.
 */
export function blockingReason(unconfirmed: string[], duplicates: Map<string, string[]>[], sheets: string[][]): string | null {
  const reasons: string[] = [];
  duplicates.forEach((d, g) => {
    const where = duplicates.length > 1 && sheets[g]?.length ? ` on ${sheets[g]!.map((s) => `“${s}”`).join(', ')}` : '';
    for (const [key, cols] of d) reasons.push(`Columns ${joinAnd(cols)}${where} are ${cols.length === 2 ? 'both' : 'all'} “${choiceLabel(decodeChoice(key))}”: choose one.`);
  });
  if (unconfirmed.length) {
    reasons.push(unconfirmed.length === 1 ? `Confirm column ${unconfirmed[0]}: we are unsure of it.` : `Confirm columns ${joinAnd(unconfirmed)}: we are unsure of them.`);
  }
  return reasons.length ? reasons.join(' ') : null;
}

function joinAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
