/** Excel's built-in number formats that show a date or time (ECMA-376 18.8.30). */
const BUILTIN_DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function isBuiltinDateFormatId(id: number): boolean {
  return BUILTIN_DATE_FORMAT_IDS.has(id);
}

/**
 * True when a number format code shows a date (d, m, y, or a time with h/s),
 * ignoring quoted text, escaped characters, colours and conditions in
 * brackets, and elapsed-time codes such as [h]:mm which are durations.
 */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const c = code.toLowerCase();
  if (c === 'general' || c === '@') return false;
  // Only the first section (positive numbers) decides.
  const section = c.split(';')[0] ?? '';
  const stripped = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
  if (/\[(h+|m+|s+)\]/.test(stripped)) return false;
  const bare = stripped.replace(/\[[^\]]*\]/g, '');
  return /[dy]/.test(bare) || /m/.test(bare) && /[dhys]/.test(bare) || /h/.test(bare) && /[ms]/.test(bare) || /^m+$/.test(bare.trim()) || /mmm/.test(bare);
}
