import fc from 'fast-check';
import { withoutTrailingNote } from '../../../src/core/normalise/attendees';
import { bracketed, replaceParentheses, splitAtNote, trimChars } from '../../../src/core/normalise/scan';

/**
 * The one-pass scans replace regexes that backtrack on long texts. On short
 * texts of the characters that matter, each must do exactly what its regex
 * did (the regexes are kept here as the reference).
 */
const short = (chars: string[]) => fc.array(fc.constantFrom(...chars), { maxLength: 14 }).map((a) => a.join(''));
const RUNS = { numRuns: 3000 };

describe('bracketed runs', () => {
  const text = short(['(', ')', '[', ']', 'a', '1', ' ']);

  test('replaceParentheses is text.replace(/\\([^)]*\\)/g, " ")', () => {
    fc.assert(fc.property(text, (s) => replaceParentheses(s) === s.replace(/\([^)]*\)/g, ' ')), RUNS);
  });

  test('bracketed is the replace and the match of /\\([^)]*\\)|\\[[^\\]]*\\]/g', () => {
    const re = /\([^)]*\)|\[[^\]]*\]/g;
    fc.assert(fc.property(text, (s) => {
      const r = bracketed(s, [['(', ')'], ['[', ']']]);
      const parts = (s.match(re) ?? []).map((b) => b.slice(1, -1));
      return r.without === s.replace(re, ' ') && JSON.stringify(r.parts) === JSON.stringify(parts);
    }), RUNS);
  });
});

describe('splitAtNote is the head and the rest of its regex', () => {
  // On one line: with line breaks the scan's rule is simpler (neither trimmed side may hold one), see the examples.
  const text = short(['a', 'b', ' ', '-', '\u2013', ':', '(', '1', '\t']).map((s) => s.trim());
  const viaRegex = (re: RegExp, s: string): [string, string] | null => {
    const m = re.exec(s);
    if (!m) return null;
    const head = (m[1] as string).trim();
    const rest = (m[2] as string).trim();
    return head === '' || rest === '' ? null : [head, rest];
  };

  test.each([
    ['engagement', /^(.+?)(?:\s+[-\u2013\u2014]\s+|\s*:\s+)(.+)$/, { spacedDash: true, colon: true, colonNeedsSpace: true }],
    ['event type', /^(.+?)(?:\s+[-\u2013\u2014]\s+|\s*:\s+|\s*\()(.+)$/, { spacedDash: true, colon: true, colonNeedsSpace: true, openBracket: true }],
    ['audience', /^(.+?)(?:\s[-\u2013\u2014]\s|\s*:\s*|\s*[\u2013\u2014]\s*)(.+)$/, { spacedDash: true, colon: true, longDash: true }],
  ] as const)('%s', (_name, re, seps) => {
    fc.assert(fc.property(text, (s) => {
      const expected = viaRegex(re, s);
      const got = splitAtNote(s, seps);
      return JSON.stringify(got) === JSON.stringify(expected);
    }), RUNS);
  });

  test('examples', () => {
    expect(splitAtNote('Touchpoint - flyer', { spacedDash: true })).toEqual(['Touchpoint', 'flyer']);
    expect(splitAtNote('Touch-point', { spacedDash: true })).toBeNull();
    expect(splitAtNote('Level 2: led it', { colon: true, colonNeedsSpace: true })).toEqual(['Level 2', 'led it']);
    expect(splitAtNote('Level 2:led it', { colon: true, colonNeedsSpace: true })).toBeNull();
    expect(splitAtNote('Literacy (books)', { openBracket: true })).toEqual(['Literacy', 'books)']);
    expect(splitAtNote('Level 1\nx - y', { spacedDash: true })).toBeNull();
    expect(splitAtNote('Touchpoint -\nflyer', { spacedDash: true })).toEqual(['Touchpoint', 'flyer']);
    expect(splitAtNote('a: -\na', { spacedDash: true, colon: true, colonNeedsSpace: true })).toEqual(['a:', 'a']);
  });
});

describe('withoutTrailingNote', () => {
  const re = /\s*(?:\((?![^)]*\d)[^)]*\)|\s[-\u2013\u2014]\s+(?!.*\d).*)$/;

  test('is text.replace(NOTE_AFTER, "") on single-spaced texts', () => {
    const text = short(['(', ')', '-', '\u2014', ' ', 'a', '1']).map((s) => s.replace(/\s+/g, ' '));
    fc.assert(fc.property(text, (s) => withoutTrailingNote(s) === s.replace(re, '')), RUNS);
  });

  test('examples', () => {
    expect(withoutTrailingNote('12 (virtual)')).toBe('12');
    expect(withoutTrailingNote('0 - cancelled')).toBe('0');
    expect(withoutTrailingNote('12 (10 kids)')).toBe('12 (10 kids)');
    expect(withoutTrailingNote('12 - 15')).toBe('12 - 15');
  });
});

test('trimChars trims the listed characters at both ends', () => {
  const text = short([' ', ',', '.', '-', '/', '(', 'a', '1']);
  fc.assert(fc.property(text, (s) => trimChars(s, ' ,.;:-/', ' ,.;:-/(') === s.replace(/^[\s,.;:\-/]+|[\s,.;:\-/(]+$/g, '')), RUNS);
});
