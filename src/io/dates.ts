/** ISO 8601 text (`t="d"` cells) to an Excel serial number in the workbook's date system. */

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
/** Serial 60 is Excel's fictitious 29 February 1900; real dates before it sit one lower. */
const MARCH_1_1900 = Date.UTC(1900, 2, 1);

const ISO = /^\s*(?:(\d{4})-(\d{1,2})-(\d{1,2}))?(?:[T ]?(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?\s*$/;

/** Returns null when the text is not an ISO date, time or date-time. The time zone, if any, is dropped: Excel has none. */
export function isoToSerial(text: string, date1904: boolean): number | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac] = m;
  if (y === undefined && h === undefined) return null;
  let time = 0;
  if (h !== undefined) {
    const hours = Number(h);
    const minutes = Number(mi);
    const seconds = Number(s ?? 0) + Number(frac ?? 0);
    if (hours > 24 || minutes > 59 || seconds >= 61) return null;
    time = (hours * 3600 + minutes * 60 + seconds) / 86_400;
  }
  if (y === undefined) return time;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  let days: number;
  if (date1904) {
    days = (ms - EPOCH_1904) / MS_PER_DAY;
  } else {
    days = (ms - EPOCH_1900) / MS_PER_DAY;
    if (ms < MARCH_1_1900) days -= 1;
  }
  if (days < 0) return null;
  return days + time;
}
