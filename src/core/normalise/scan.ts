import type { IssueCode, Problem } from '../issues';

/**
 * Bounds and linear-time text scans shared by the normalisers. A hostile cell
 * holds up to 32,767 characters; every normaliser reads its text in time
 * linear in its length, and refuses at once a text far longer than any value
 * of its field could be.
 */

/** No date, zip, count, level or type is this long: longer texts are refused without being parsed. */
export const MAX_CHOICE_TEXT = 300;
/** A list of audiences may be longer than one value, but not this long. */
export const MAX_LIST_TEXT = 1000;
/** A list of audiences has at most this many pieces (there are five audiences). */
export const MAX_LIST_PIECES = 32;

/** The problem of a text too long to be a value of the field: reason too_long_text, with its length and the limit. */
export function tooLongText(code: IssueCode, length: number, limit: number, params?: Record<string, string | number>): Problem {
  return { code, reason: 'too_long_text', params: { ...params, length, limit } };
}

/**
 * `text` with every bracketed run (an opening bracket, anything but its
 * closing one, the closing one) replaced by `by`, and the insides of those
 * runs: what `text.replace(/\([^)]*\)|\[[^\]]*\]/g, by)` and `text.match(...)`
 * find, in one pass (the regex rescans the rest of the text from every
 * unclosed bracket). `pairs` lists the brackets, e.g. [['(', ')'], ['[', ']']].
 */
export function bracketed(text: string, pairs: readonly (readonly [string, string])[], by = ' '): { without: string; parts: string[] } {
  const parts: string[] = [];
  let without = '';
  let from = 0;
  /** Per pair: where its closing bracket was last searched from, and where it is (-1: nowhere after). */
  const next = pairs.map(() => ({ searched: false, at: -1 }));
  for (let i = 0; i < text.length; i++) {
    const p = pairs.findIndex(([open]) => open === text[i]);
    if (p < 0) continue;
    const close = next[p];
    if (!close.searched || (close.at >= 0 && close.at <= i)) {
      close.searched = true;
      close.at = text.indexOf(pairs[p][1], i + 1);
    }
    if (close.at < 0) continue;
    parts.push(text.slice(i + 1, close.at));
    without += text.slice(from, i) + by;
    from = close.at + 1;
    i = close.at;
  }
  return { without: from === 0 ? text : without + text.slice(from), parts };
}

const PARENTHESES: readonly (readonly [string, string])[] = [['(', ')']];

/** `text.replace(/\([^)]*\)/g, by)`, in one pass. */
export function replaceParentheses(text: string, by = ' '): string {
  return text.indexOf('(') < 0 ? text : bracketed(text, PARENTHESES, by).without;
}

const SPACE = /\s/;
/** One character of white space, as the regex \s reads it. */
export const isSpace = (c: string | undefined): boolean => c !== undefined && SPACE.test(c);
const LINE_BREAK = /[\n\r\u2028\u2029]/;

export interface NoteSeparators {
  /** "-", "–" or "—" with white space on both sides. */
  spacedDash?: boolean;
  /** ":", with white space after it when `colonNeedsSpace`. */
  colon?: boolean;
  colonNeedsSpace?: boolean;
  /** "–" or "—" anywhere. */
  longDash?: boolean;
  /** "(": the head, then what is in and after the bracket. */
  openBracket?: boolean;
}

/**
 * The text before and after its first separator, both trimmed: what
 * `/^(.+?)(?:SEPARATORS)(.+)$/` captures, found in one pass (the lazy regex
 * retries every white-space run at every position). Null when there is no
 * separator with text on both sides. As with the regex's ".", neither side
 * may hold a line break (a separator's white space may).
 */
export function splitAtNote(text: string, seps: NoteSeparators): [string, string] | null {
  const n = text.length;
  let start = 0;
  while (start < n && isSpace(text[start])) start++;
  let end = n;
  while (end > start && isSpace(text[end - 1])) end--;
  let firstBreak = -1;
  let lastBreak = -1;
  for (let i = start; i < end; i++) {
    if (!LINE_BREAK.test(text[i] as string)) continue;
    if (firstBreak < 0) firstBreak = i;
    lastBreak = i;
  }
  for (let k = start + 1; k < end; k++) {
    const c = text[k];
    let after = -1;
    if ((c === '-' || c === '\u2013' || c === '\u2014') && seps.spacedDash && isSpace(text[k - 1]) && isSpace(text[k + 1])) after = k + 1;
    else if ((c === '\u2013' || c === '\u2014') && seps.longDash) after = k + 1;
    else if (c === ':' && seps.colon && (!seps.colonNeedsSpace || isSpace(text[k + 1]))) after = k + 1;
    else if (c === '(' && seps.openBracket) after = k + 1;
    if (after < 0) continue;
    let headEnd = k;
    while (headEnd > start && isSpace(text[headEnd - 1])) headEnd--;
    let restStart = after;
    while (restStart < end && isSpace(text[restStart])) restStart++;
    if (headEnd === start || restStart >= end) continue;
    // A line break in the head stays in every later head; one in the rest may fall into a later separator's white space.
    if (firstBreak >= 0 && firstBreak < headEnd) return null;
    if (lastBreak >= restStart) continue;
    return [text.slice(start, headEnd), text.slice(restStart, end)];
  }
  return null;
}

/** `text` without the characters of `chars` at its start and at its end. */
export function trimChars(text: string, chars: string, endChars: string = chars): string {
  let i = 0;
  let j = text.length;
  while (i < j && chars.includes(text[i])) i++;
  while (j > i && endChars.includes(text[j - 1])) j--;
  return i === 0 && j === text.length ? text : text.slice(i, j);
}

/** `text` split at every character `isSeparator` accepts, into at most `limit` pieces (the last keeps the rest), each trimmed. */
export function splitAt(text: string, isSeparator: (c: string) => boolean, limit: number): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length && out.length < limit - 1; i++) {
    if (!isSeparator(text[i])) continue;
    out.push(text.slice(from, i).trim());
    from = i + 1;
  }
  out.push(text.slice(from).trim());
  return out;
}

