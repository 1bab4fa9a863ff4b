/** Numbers, dates and deadlines as the page writes them. */

export const count = (n: number): string => n.toLocaleString('en-US');

/** Whole days from the day `from` (UTC) to the day `to` (YYYY-MM-DD). */
export function daysUntil(to: string, from: Date): number {
  const end = Date.parse(`${to}T00:00:00Z`);
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  return Math.round((end - start) / 86_400_000);
}

/** "12 days left", "due today", "3 days late". */
export function daysLeftText(days: number): string {
  if (days === 0) return 'due today';
  const n = Math.abs(days);
  return days > 0 ? `${count(n)} day${n === 1 ? '' : 's'} left` : `${count(n)} day${n === 1 ? '' : 's'} late`;
}

/** A submission's timing against the deadline: "5 days early", "on the day", "2 days late". */
export function submittedText(days: number): string {
  if (days === 0) return 'on the day';
  const n = Math.abs(days);
  return `${count(n)} day${n === 1 ? '' : 's'} ${days > 0 ? 'early' : 'late'}`;
}

/** "March 4, 2024, 3:05 PM" in the reader's time zone. */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-US', { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
}

/** "January 31, 2025". */
export function formatDay(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

/** "1 event", "12 events". */
export const counted = (n: number, noun: string): string => `${count(n)} ${noun}${n === 1 ? '' : 's'}`;
