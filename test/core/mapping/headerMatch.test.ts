import { HSH_2023 } from '../../../src/core/collection/hsh2023';
import { headerMatcher, matchHeader, sameWord } from '../../../src/core/mapping/headerMatch';
import fc from 'fast-check';
import { headerCore, headerWords } from '../../../src/core/mapping/headerWords';

const matcher = headerMatcher(HSH_2023);
const best = (h: string): string | null => {
  const m = matchHeader(h, matcher)[0];
  return m && m.score >= 0.75 ? m.field : null;
};

describe('matchHeader', () => {
  test.each([
    ['Title/Event*', 'title'],
    ['Name of the event', 'title'],
    ['Date of event', 'date'],
    ['Event Date', 'date'],
    ['When', 'date'],
    ['Date (mm/dd/yyyy)', 'date'],
    ['Type of Event', 'event_type'],
    ['Event Category', 'event_type'],
    ['Description of Event', 'description'],
    ['Street address', 'street'],
    ['Location', 'street'],
    ['City', 'city'],
    ['Zip Code', 'zip'],
    ['Postal code', 'zip'],
    ['Target Audience', 'audience'],
    ['Who attended', 'audience'],
    ['Engagement level', 'engagement'],
    ['Level of Engagement', 'engagement'],
    ['Eng. Lvl', 'engagement'],
    ['Number of attendees', 'attendees'],
    ['# of people', 'attendees'],
    ['Attendance', 'attendees'],
    ['Headcount', 'attendees'],
    ['Total Attendance', 'attendees'],
    ['Adress', 'street'],
  ])('%j names %s', (header, field) => {
    expect(best(header)).toBe(field);
  });

  test.each(['State', 'Email opt-in date', 'Date of birth', 'Staff initials', 'Registered', 'Funding source', 'Start Time', 'Entered by', 'Event ID'])(
    '%j names no field',
    (header) => {
      expect(best(header)).toBeNull();
    },
  );

  test('sameWord allows one typo in long words, not in short ones', () => {
    expect(sameWord('attendees', 'attendess')).toBe(true);
    expect(sameWord('address', 'adress')).toBe(true);
    expect(sameWord('state', 'date')).toBe(false);
    expect(sameWord('city', 'cite')).toBe(false);
  });
});

/** The scoring as first written: every alias word against every heading word, alias by alias. matchHeader must agree with it. */
function pairwise(text: string): { field: string; score: number; alias: string }[] {
  const contains = (words: string[], w: string): boolean => words.some((x) => sameWord(x, w));
  const wordsScore = (header: string[], alias: string[]): number => {
    let shared = 0;
    for (const w of alias) if (contains(header, w)) shared++;
    if (shared === 0) return 0;
    const extra = header.filter((w) => !contains(alias, w)).length;
    if (shared === alias.length) {
      if (extra === 0) return header.every((w) => alias.includes(w)) && alias.every((w) => header.includes(w)) ? 1 : 0.95;
      return 0.55 + 0.3 * (shared / (shared + extra)) + (contains(alias, header[header.length - 1] ?? '') ? 0.1 : 0);
    }
    return 0.45 * (shared / (alias.length + extra));
  };
  const full = [...new Set(headerWords(text))];
  const core = [...new Set(headerWords(headerCore(text)))];
  const out = [];
  for (const f of matcher.fields) {
    let best = 0;
    let bestAlias = '';
    for (const a of f.aliases) {
      const s = a.weight * Math.max(wordsScore(core, a.words), wordsScore(full, a.words) * 0.95);
      if (s > best) {
        best = s;
        bestAlias = a.alias;
      }
    }
    if (best <= 0) continue;
    if (full.some((w) => f.exclude.has(w)) && best < 1) best *= 0.25;
    out.push({ field: f.field.id, score: best, alias: bestAlias });
  }
  return out.sort((a, b) => b.score - a.score);
}

describe('matchHeader compares each pair of words once', () => {
  const vocabulary = matcher.vocabulary;
  // A vocabulary word, or one with a typo, a doubled letter, a cut, or another word.
  const word = fc.oneof(
    fc.constantFrom(...vocabulary),
    fc.tuple(fc.constantFrom(...vocabulary), fc.nat(), fc.constantFrom('drop', 'double', 'swap', 'cut', 'change')).map(([w, i, how]) => {
      const k = i % Math.max(1, w.length - 1);
      switch (how) {
        case 'drop': return w.slice(0, k) + w.slice(k + 1);
        case 'double': return w.slice(0, k + 1) + w.slice(k);
        case 'swap': return w.slice(0, k) + (w[k + 1] ?? '') + (w[k] ?? '') + w.slice(k + 2);
        case 'cut': return w.slice(0, Math.max(1, w.length - 1 - (i % 3)));
        default: return w.slice(0, k) + 'x' + w.slice(k + 1);
      }
    }),
    fc.string({ minLength: 1, maxLength: 9 }),
  );
  const heading = fc.tuple(fc.array(word, { minLength: 1, maxLength: 6 }), fc.constantFrom('', ' (mm/dd/yyyy)', '*', ' [required]', ':')).map(([ws, tail]) => ws.join(' ') + tail);

  test('sameWord is symmetric (the matcher compares each pair one way)', () => {
    fc.assert(fc.property(word, word, (a, b) => sameWord(a, b) === sameWord(b, a)), { numRuns: 3000 });
  });

  test('scores, fields and aliases are those of comparing every alias word by word', () => {
    fc.assert(fc.property(heading, (h) => {
      expect(matchHeader(h, matcher)).toEqual(pairwise(h));
    }), { numRuns: 1500 });
  });

  test.each(['Title/Event*', 'Date (mm/dd/yyyy)', 'Eng. Lvl', '# of people', 'Adress', 'Event ID', ''])('%j: the same answer twice, and the pairwise one', (h) => {
    const first = matchHeader(h, matcher);
    expect(matchHeader(h, matcher)).toBe(first);
    expect(first).toEqual(pairwise(h));
  });
});
