import { trimText } from '../text';
import type { Cell } from '../workbook';
import { MAX_CHOICE_TEXT, tooLongText } from './scan';
import { EMPTY, invalid, ok, type Normalised } from './types';

/** One white-space run before the +4 (`\s*[-]?\s*` would try every split of a long run). */
const ZIP = /^(\d{5})(?:\s*(?:[-\u2013]\s*)?\d{4})?-?$/;
/** "MI 48201", "Detroit, MI 48201-1234", "Zip: 48201": letters (no digits) before the zip. */
const TRAILING_ZIP = /^[^\d]*?(\d{5})(?:\s*-\s*\d{4})?$/;
/** "48,201": a number shown with a thousands separator. */
const GROUPED = /^\d{2},\d{3}$/;
/** No zip at all: a dash, "N/A", or the place of a virtual event. */
const NO_ZIP = /^(?:[-\u2013\u2014_.\s]+|n\/?a|none|virtual|online|zoom|remote|tbd)$/i;
const WHOLE_NUMBER_TEXT = /^\d+$/;

/** Whether a 5-digit zip lies in Michigan (48xxx, 49xxx). */
export function isMichiganZip(zip: string): boolean {
  return zip.startsWith('48') || zip.startsWith('49');
}

function accept(zip: string): Normalised<string> {
  if (zip === '00000') return invalid({ code: 'invalid_zip', reason: 'not_a_zip' });
  return isMichiganZip(zip) ? ok(zip) : ok(zip, { code: 'zip_outside_area', params: { zip } });
}

function fromDigits(digits: string): Normalised<string> {
  if (digits.length === 5) return accept(digits);
  if (digits.length === 9) return accept(digits.slice(0, 5));
  if (digits.length < 5) return invalid({ code: 'invalid_zip', reason: 'too_short', params: { digits: digits.length } });
  return invalid({ code: 'invalid_zip', reason: 'too_long', params: { digits: digits.length } });
}

/**
 * A US zip code cut to 5 digits: "48201", 48201, "48201-1234", "482011234",
 * "MI 48201". Four or six digits, letters ("ABCDE", "482O1") are invalid_zip;
 * a real zip outside Michigan is kept with the warning zip_outside_area.
 */
const FLOAT_ZERO = /^\d{1,9}\.0+$/;

export function normaliseZip(cell: Cell): Normalised<string> {
  const v = cell.value;
  switch (cell.kind) {
    case 'empty':
      return EMPTY;
    case 'number':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || !Number.isFinite(v)) {
        return invalid({ code: 'invalid_zip', reason: 'not_a_zip' });
      }
      return fromDigits(String(v));
    case 'text': {
      if (typeof v !== 'string') return invalid({ code: 'invalid_zip', reason: 'not_a_zip' });
      const trimmed = trimText(v);
      if (trimmed.length > MAX_CHOICE_TEXT) return invalid(tooLongText('invalid_zip', trimmed.length, MAX_CHOICE_TEXT));
      // Any dash (non-breaking hyphen, en dash, minus) joins a ZIP+4.
      const s = trimmed.replace(/[\u2010-\u2015\u2212\uFE63\uFF0D]/g, '-');
      if (s === '') return EMPTY;
      if (WHOLE_NUMBER_TEXT.test(s)) return fromDigits(s);
      // A float column exported as text: "48201.0".
      if (FLOAT_ZERO.test(s)) return fromDigits(s.replace(/\.0+$/, ''));
      if (GROUPED.test(s)) return fromDigits(s.replace(',', ''));
      if (NO_ZIP.test(s)) return EMPTY;
      const m = ZIP.exec(s) ?? TRAILING_ZIP.exec(s);
      if (m) return accept(m[1]);
      return invalid({ code: 'invalid_zip', reason: 'not_a_zip' });
    }
    default:
      return invalid({ code: 'invalid_zip', reason: 'not_a_zip' });
  }
}
