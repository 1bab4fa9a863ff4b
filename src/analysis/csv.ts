/**
 * RFC 4180 CSV, as Excel opens it: a byte-order mark so that accents survive,
 * CRLF line ends, quotes where a value needs them, and a text that starts
 * like a formula (=, +, -, @) led by an apostrophe so that a partner's name
 * cannot run as one in the analyst's spreadsheet.
 */
export type CsvValue = string | number | boolean | null | undefined;

export function toCsv(rows: CsvValue[][]): string {
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
