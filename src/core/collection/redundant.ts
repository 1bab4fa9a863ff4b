import { headingKey } from '../mapping/headerWords';
import { normaliseKey } from '../text';
import { expandCompose, type DefinitionFile, type HeadingsFile, type ValuesFile } from './files';

/**
 * Entries of a collection's data files that the engine's own normalisation
 * already makes redundant: a heading that the header matcher reads as the
 * same words as an earlier name of its field ("Zip code" after "Zip"), a
 * value that the option matcher reads as an earlier name of its option
 * ("Parents" after "parent"), a word of an exclusion, unclear or keyword list
 * that repeats another. Such an entry changes nothing but the size of the
 * file; the later one of the pair is named. Words shared by two fields or two
 * options are not redundant: they make a heading or a value ambiguous.
 */
export function redundantEntries(files: { definition: DefinitionFile; headings: HeadingsFile; values: ValuesFile }): string[] {
  const out: string[] = [];
  const { definition, headings, values } = files;

  for (const e of headings.fields) {
    const label = definition.fields.find((f) => f.id === e.field)?.label;
    const where = `headings.json ${e.field}`;
    repeats(out, where, [...(label !== undefined ? [{ word: label, as: 'label' }] : []), ...tag(e.aliases, 'alias'), ...tag(e.weak, 'weak alias')], (w) => headingKey(w, true));
    repeats(out, where, tag(e.exclude, 'exclude word'), (w) => headingKey(w));
    repeats(out, where, tag(e.parts, 'part'), (w) => headingKey(w));
  }
  repeats(out, 'headings.json', tag(headings.distinguish, 'distinguish word'), (w) => headingKey(w));

  for (const e of values.options) {
    const option = definition.enumerations[e.enumeration]?.find((o) => o.id === e.option);
    const where = `values.json ${e.enumeration}.${e.option}`;
    const names = [{ word: e.option.replace(/_/g, ' '), as: 'id' }, ...(option ? [{ word: option.label, as: 'label' }] : [])];
    const words = e.synonyms.filter((s): s is string => typeof s === 'string');
    repeats(out, where, [...names, ...tag(words, 'synonym')], normaliseKey);
    const composed = new Map<string, string>();
    for (const s of e.synonyms) {
      if (typeof s === 'string') continue;
      repeats(out, `${where} compose`, tag(s.compose.first, 'first word'), normaliseKey);
      repeats(out, `${where} compose`, tag(s.compose.then, 'then word'), normaliseKey);
      for (const phrase of expandCompose(s)) if (!composed.has(normaliseKey(phrase))) composed.set(normaliseKey(phrase), phrase);
    }
    for (const w of words) {
      const phrase = composed.get(normaliseKey(w));
      if (phrase !== undefined) out.push(`${where}: synonym "${w}" is "${normaliseKey(w)}", which a compose entry makes ("${phrase}")`);
    }
    repeats(out, where, tag(e.keywords, 'keyword'), normaliseKey);
  }
  for (const e of values.unclear) repeats(out, `values.json ${e.enumeration} unclear`, tag(e.words, 'word'), normaliseKey);
  return out;
}

function tag(words: readonly string[], as: string): { word: string; as: string }[] {
  return words.map((word) => ({ word, as }));
}

/** Names each word whose key an earlier word of the list has. */
function repeats(out: string[], where: string, list: { word: string; as: string }[], keyOf: (w: string) => string): void {
  const first = new Map<string, { word: string; as: string }>();
  for (const x of list) {
    const key = keyOf(x.word);
    if (key === '') continue;
    const had = first.get(key);
    // A label or an id is what the entry is for, not an entry of its own.
    if (had && x.as !== 'label' && x.as !== 'id') out.push(`${where}: ${x.as} "${x.word}" is "${key}", like ${had.as} "${had.word}"`);
    else first.set(key, x);
  }
}
