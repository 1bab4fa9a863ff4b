import type { EnumOption } from '../collection/types';
import { ENGLISH } from '../language';
import { normaliseSingularWords } from '../text';
import type { Cell } from '../workbook';
import { cellChoiceText, enumMatcher, textCacheFor, type EnumMatcher } from './enum';
import { MAX_LIST_PIECES, MAX_LIST_TEXT, replaceParentheses, splitAtNote, tooLongText } from './scan';
import { EMPTY, invalid, ok, type Normalised } from './types';

/**
 * Between audiences: commas, semicolons, line breaks, bullets, pipes, ">"
 * ("Parents > Teachers"); SharePoint writes ";#" ("Parents;#Teachers").
 * Pieces are trimmed after the split.
 */
const STRONG_SEPARATOR = /[,;\n\r\u2022|>]/;
const STRONG_SEPARATORS = /[,;\n\r\u2022|>]/g;
/** A SharePoint lookup list, "1;#Parents;#4;#Teachers": the numbers are the items' ids, not audiences. */
const SHAREPOINT_LIST = ';#';
const LOOKUP_ID = /^\d+$/;
/**
 * Inside one part, maybe between audiences: "&", "/", "+", "and", "or", and
 * Spanish "y", "e", "o" ("Padres y cuidadores"). Tried only when the whole
 * part is no audience. Pieces are trimmed after the split.
 */
const WEAK_SEPARATORS = /[&/+]|\band\b|\bor\b|\by\b|\be\b|\bo\b/i;
/** "Parents w/ children": the slash of "w/" separates nothing. */
const WITH_ABBREVIATION = /\bw\/\s*/gi;
/** "Family, Friend and Neighbor" has commas inside: read it as one word before splitting. */
const FFN_PHRASE = /\bfamily\s*(?:,\s*)?friends?\s*(?:,\s*)?(?:(?:and|&|or)\s*)?neighbou?rs?\b/gi;
/** Qualifiers that do not change who the audience is: "(ages 0-5)", "of children 0 to 5". */
const AGE_RANGE = /\b(?:ages?\s*)?(?:\d+|birth)\s*(?:-|\u2013|to|thru|through)\s*\d+\s*(?:years?|yrs?|y\/?o|months?|mos?)?(?:\s*old)?\b/gi;
const LEADING_NUMBER = /^\d+\s+/;
/** "Providers - teachers", "Providers: teachers": a vague word, then the specific one. */
const QUALIFIED = { spacedDash: true, colon: true, longDash: true } as const;
const BRACKETED = /^([^(]*)\(([^)]+)\)\s*$/;

const DEFAULT_UNCLEAR: readonly string[] = [];

/**
 * Words that say where someone works with children, not what they do there
 * ("Child care center owners", "Licensed home-based teachers", "Dueños de
 * guarderías"): a run of them in front of a role, or after "of", "at", "de"
 * behind it, is read as the one qualifier "childcare", so "childcare owner"
 * in the vocabulary covers every such combination. Singular, as
 * normaliseSingularWords writes them.
 */
const SETTING_WORDS = ENGLISH.settings.words;
/** Words that put the setting behind the role: "Owners of child care centers", "Directores de guarderías". */
const SETTING_LINKS = ENGLISH.settings.links;
const CANONICAL_SETTING = 'childcare';

/** The role words of a phrase without its setting qualifiers, or null when it has none. */
function withoutSetting(ws: readonly string[]): string[] | null {
  let i = 0;
  while (i < ws.length && SETTING_WORDS.has(ws[i])) i++;
  // From the end: where the run of setting words and links that closes the phrase begins.
  let tail = ws.length;
  while (tail > 0 && (SETTING_WORDS.has(ws[tail - 1]) || SETTING_LINKS.has(ws[tail - 1]))) tail--;
  let j = ws.length;
  for (let k = Math.max(i + 1, tail - 1); k < ws.length - 1; k++) {
    if (SETTING_LINKS.has(ws[k])) { j = k; break; }
  }
  if ((i === 0 && j === ws.length) || i >= j) return null;
  return ws.slice(i, j);
}

interface AudienceVocab {
  matcher: EnumMatcher;
  unclear: Set<string>;
  /** Options the vocabulary names as "childcare <role>": the roles a setting qualifier may stand in front of. */
  settingRoles: Set<string>;
}

function settingRolesOf(options: readonly EnumOption[]): Set<string> {
  const ids = new Set<string>();
  for (const o of options) {
    for (const s of o.synonyms) {
      const ws = normaliseSingularWords(s);
      const rest = ws[0] === CANONICAL_SETTING ? 1 : ws[0] === 'child' && ws[1] === 'care' ? 2 : 0;
      if (rest > 0 && ws.length === rest + 1) { ids.add(o.id); break; }
    }
  }
  return ids;
}

const vocabs = new WeakMap<readonly EnumOption[], WeakMap<readonly string[], AudienceVocab>>();

function vocabFor(options: readonly EnumOption[], unclear: readonly string[]): AudienceVocab {
  let byUnclear = vocabs.get(options);
  if (!byUnclear) {
    byUnclear = new WeakMap();
    vocabs.set(options, byUnclear);
  }
  let v = byUnclear.get(unclear);
  if (!v) {
    v = {
      matcher: enumMatcher(options),
      unclear: new Set(unclear.map((u) => normaliseSingularWords(u).join(' '))),
      settingRoles: settingRolesOf(options),
    };
    byUnclear.set(unclear, v);
  }
  return v;
}

/** What one part of a cell names: audiences, phrases that name none, and words that name no single one ("Providers"). */
type PartReading = { ids: string[]; unknown: string[]; unclear: string[] } | { tooMany: true };

/** Pieces a cell has been split into so far: past MAX_LIST_PIECES it is no list of audiences, and is not read further. */
interface PieceBudget { pieces: number }

function matchPhrase(v: AudienceVocab, phrase: string): string | 'unclear' | null {
  let ws = normaliseSingularWords(phrase);
  if (ws.length === 0) return null;
  let r = v.matcher.matchWords(ws);
  if (r.kind === 'match') return r.id;
  if (v.unclear.has(ws.join(' '))) return 'unclear';
  const stripped = replaceParentheses(phrase).replace(AGE_RANGE, ' ').replace(LEADING_NUMBER, '');
  if (stripped !== phrase) {
    ws = normaliseSingularWords(stripped);
    r = v.matcher.matchWords(ws);
    if (r.kind === 'match') return r.id;
    if (v.unclear.has(ws.join(' '))) return 'unclear';
  }
  return roleInSetting(v, ws);
}

/**
 * "Child care center owners" → "childcare owner" → director/owner. Else the
 * role read alone ("Center lead teachers", "Directores de guarderías") counts
 * only for an audience the vocabulary itself names as "childcare <role>":
 * so "Licensed caregivers" stays unknown (caregivers are unlicensed) and
 * "Center providers" unclear.
 */
function roleInSetting(v: AudienceVocab, ws: readonly string[]): string | 'unclear' | null {
  const role = withoutSetting(ws);
  if (role === null) return null;
  const qualified = [CANONICAL_SETTING, ...role];
  const r = v.matcher.matchWords(qualified);
  if (r.kind === 'match') return r.id;
  if (v.unclear.has(qualified.join(' '))) return 'unclear';
  if (v.unclear.has(role.join(' '))) return 'unclear';
  const alone = v.matcher.matchWords(role);
  return alone.kind === 'match' && v.settingRoles.has(alone.id) ? alone.id : null;
}

function readPart(v: AudienceVocab, part: string, budget: PieceBudget, depth = 0): PartReading {
  const whole = matchPhrase(v, part);
  if (whole !== null && whole !== 'unclear') return { ids: [whole], unknown: [], unclear: [] };
  if (depth < 2) {
    // "Providers - teachers", "Child care providers: directors": a vague word, then the specific one.
    const q = splitAtNote(part, QUALIFIED);
    if (q && matchPhrase(v, q[0]) === 'unclear') {
      const r = readPart(v, q[1], budget, depth + 1);
      if ('tooMany' in r || (r.ids.length > 0 && r.unknown.length === 0 && r.unclear.length === 0)) return r;
    }
    // "Providers (teachers & directors)": the specific audience in brackets.
    const b = BRACKETED.exec(part);
    if (b && (b[1].trim() === '' || matchPhrase(v, b[1]) === 'unclear')) {
      const r = readPart(v, b[2], budget, depth + 1);
      if ('tooMany' in r || (r.ids.length > 0 && r.unknown.length === 0 && r.unclear.length === 0)) return r;
    }
  }
  if (whole === 'unclear') return { ids: [], unknown: [], unclear: [part] };
  const pieces = part.split(WEAK_SEPARATORS).map((p) => p.trim()).filter((p) => p !== '');
  if (pieces.length < 2) return headOf(v, part) ?? { ids: [], unknown: [part], unclear: [] };
  budget.pieces += pieces.length - 1;
  if (budget.pieces > MAX_LIST_PIECES) return { tooMany: true };
  const ids: string[] = [];
  const unknown: string[] = [];
  const unclear: string[] = [];
  // "Lead & assistant teachers": the last piece's noun belongs to the earlier pieces too.
  const lastWords = pieces[pieces.length - 1].split(/\s+/);
  const head = lastWords.length > 1 ? lastWords[lastWords.length - 1] : null;
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    // "Site directors & Parent and child": two neighbours may be one audience ("Parent and child").
    if (i + 1 < pieces.length) {
      const joined = matchPhrase(v, `${piece} and ${pieces[i + 1]}`);
      const next = matchPhrase(v, pieces[i + 1]);
      if (joined !== null && joined !== 'unclear' && (next === null || next === 'unclear')) {
        ids.push(joined);
        i++;
        continue;
      }
    }
    let m = matchPhrase(v, piece);
    if (m === null && head !== null) m = matchPhrase(v, `${piece} ${head}`);
    if (m === 'unclear') unclear.push(piece);
    else if (m === null) {
      // A piece read by its last words, as a whole part is ("Grandparents/kin caregivers": kin caregivers).
      const h = headOf(v, piece);
      if (h && !('tooMany' in h)) {
        ids.push(...h.ids);
        unknown.push(...h.unknown);
      } else unknown.push(piece);
    } else ids.push(m);
  }
  // Nothing read: the part is one unknown phrase ("Boys & Girls Club"), not several.
  return ids.length > 0 || unclear.length > 0 ? { ids, unknown, unclear } : { ids, unknown: [part], unclear };
}

/** "Parents of 4 yr olds": whose parents says nothing about who came. */
const OF_WHOM = /^(.+?)\s+of\s+\S.*$/i;

/**
 * A phrase read by its last words, the audience it names ("Teen moms",
 * "Community parents"), keeping the words before as unknown so that the
 * partner is told; and "X of ...", read as X. Words that say where someone
 * works are the setting's to read ("Licensed caregivers" is no caregiver),
 * so a phrase with them is not read this way.
 */
function headOf(v: AudienceVocab, part: string): PartReading | null {
  const of = OF_WHOM.exec(part);
  if (of) {
    const m = matchPhrase(v, of[1]!);
    if (m !== null && m !== 'unclear') return { ids: [m], unknown: [], unclear: [] };
  }
  const words = part.trim().split(/\s+/);
  if (words.length < 2 || words.length > 5) return null;
  for (let k = 1; k < words.length; k++) {
    const before = words.slice(0, k);
    if (normaliseSingularWords(before.join(' ')).some((w) => SETTING_WORDS.has(w))) return null;
    const m = matchPhrase(v, words.slice(k).join(' '));
    if (m !== null && m !== 'unclear') return { ids: [m], unknown: [before.join(' ')], unclear: [] };
  }
  return null;
}

/**
 * The audiences of an event: a list of option ids, in the order first
 * written, without repeats. A cell may name several audiences ("Parents &
 * caregivers", "Educators; Owners", "Parents;#Teachers"), while "Parent and
 * child" and "Families with children" are the single parent-and-child
 * audience. Words that name no single audience ("Providers", "All",
 * "Community") make the whole cell invalid_audience (unclear): an audience is
 * never guessed. Unknown words ("Volunteers") are never dropped silently: a
 * cell that names some audiences keeps them, with the warning
 * unknown_audience naming the rest; a cell that names none is
 * invalid_audience.
 *
 * `unclear` lists phrases to reject as unclear rather than unknown.
 */
export function normaliseAudience(
  cell: Cell,
  options: readonly EnumOption[],
  unclear: readonly string[] = DEFAULT_UNCLEAR,
): Normalised<string[]> {
  if (cell.kind === 'empty') return EMPTY;
  const text = cellChoiceText(cell);
  if (text === '') return EMPTY;
  const v = vocabFor(options, unclear);
  const choices = v.matcher.choices;
  if (text === null || cell.kind === 'error' || cell.kind === 'number' || cell.kind === 'boolean') {
    return invalid({ code: 'invalid_audience', reason: 'unknown', params: { choices, part: text ?? '' } });
  }
  if (text.length > MAX_LIST_TEXT) return invalid(tooLongText('invalid_audience', text.length, MAX_LIST_TEXT, { choices }));
  const r = textCacheFor<Normalised<string[]>>(v).get(text, () => readAudience(v, text));
  // Callers own their lists: never hand out the cached array itself.
  return r.kind === 'ok' ? ok([...r.value], r.warning) : r;
}

/** The parts of a cell between strong separators, without the ids of a SharePoint lookup list. */
function strongParts(text: string): string[] {
  const sharePoint = text.includes(SHAREPOINT_LIST);
  const parts = (sharePoint ? text.split(SHAREPOINT_LIST).join(';') : text).split(STRONG_SEPARATORS).map((p) => p.trim()).filter((p) => p !== '');
  return sharePoint ? parts.filter((p) => !LOOKUP_ID.test(p)) : parts;
}

function readAudience(v: AudienceVocab, text: string): Normalised<string[]> {
  const choices = v.matcher.choices;
  const prepared = text.replace(FFN_PHRASE, 'FFN').replace(WITH_ABBREVIATION, 'with ');

  const whole = STRONG_SEPARATOR.test(prepared) ? null : matchPhrase(v, prepared);
  if (whole !== null && whole !== 'unclear') return ok([whole]);

  const parts = strongParts(prepared);
  const budget: PieceBudget = { pieces: parts.length };
  const tooMany = () => invalid({ code: 'invalid_audience', reason: 'too_many_parts', params: { choices, limit: MAX_LIST_PIECES } });
  if (budget.pieces > MAX_LIST_PIECES) return tooMany();
  const ids: string[] = [];
  const unknown: string[] = [];
  const unclear: string[] = [];
  for (const part of parts) {
    const r = readPart(v, part, budget);
    if ('tooMany' in r) return tooMany();
    for (const id of r.ids) if (!ids.includes(id)) ids.push(id);
    unknown.push(...r.unknown);
    unclear.push(...r.unclear);
  }
  // Words that name no single audience ("Providers") are never guessed: alone they make the cell invalid,
  // beside audiences it does name they are told about, like unknown words.
  if (ids.length === 0 && unclear.length > 0) return invalid({ code: 'invalid_audience', reason: 'unclear', params: { choices, part: unclear[0]! } });
  unknown.push(...unclear);
  if (ids.length === 0) {
    return invalid({ code: 'invalid_audience', reason: 'unknown', params: { choices, part: unknown.length > 0 ? unknown.join(', ') : text } });
  }
  if (unknown.length === 0) return ok(ids);
  const kept = ids.map((id) => v.matcher.options.find((o) => o.id === id)?.label ?? id).join(', ');
  return ok(ids, { code: 'unknown_audience', reason: 'partly_unknown', params: { choices, kept, unknown: unknown.join(', ') } });
}
