import type { z } from 'zod';
import {
  definitionFileSchema, expandCompose, headingsFileSchema, valuesFileSchema,
  type DefinitionFile, type HeadingsFile, type ValuesFile,
} from './files';
import { collectionSchema, type Collection, type CollectionInput } from './types';

/** The three data files of a collection, as imported (JSON modules). */
export interface CollectionFiles {
  collection: unknown;
  headings: unknown;
  values: unknown;
}

/** A data file of a collection that does not hold what it must: the message names the file and the entry. */
export class CollectionDataError extends Error {
  override readonly name = 'CollectionDataError';
}

/**
 * Reads a collection from its data files (files.ts), checking each against
 * its schema and every entry against the fields and options it names. Throws
 * CollectionDataError on the first file that is wrong, naming the file
 * (`${name}/values.json`) and the entry ("entry 12 (audience.caregiver)").
 * Collections are read once, when their module loads: a bad word list fails
 * at start-up, not in the middle of a check.
 */
export function loadCollection(name: string, files: CollectionFiles): Collection {
  const { definition, headings, values } = readCollectionFiles(name, files);
  const input = assemble(name, definition, headings, values);
  const parsed = collectionSchema.safeParse(input);
  if (!parsed.success) throw new CollectionDataError(`${name}/collection.json: ${issuesText(parsed.error, input)}`);
  return parsed.data;
}

/** The three files, each checked against its schema (not yet against one another). */
export function readCollectionFiles(name: string, files: CollectionFiles): { definition: DefinitionFile; headings: HeadingsFile; values: ValuesFile } {
  return {
    definition: parseFile(`${name}/collection.json`, definitionFileSchema, files.collection, (e) => describe(e, 'id')),
    headings: parseFile(`${name}/headings.json`, headingsFileSchema, files.headings, (e) => describe(e, 'field')),
    values: parseFile(`${name}/values.json`, valuesFileSchema, files.values, (e) => describe(e, 'enumeration', 'option')),
  };
}

function assemble(name: string, definition: DefinitionFile, headings: HeadingsFile, values: ValuesFile): CollectionInput {
  const headingsFile = `${name}/headings.json`;
  const valuesFile = `${name}/values.json`;
  const fieldIds = new Set(definition.fields.map((f) => f.id));
  const byField = new Map<string, HeadingsFile['fields'][number]>();
  headings.fields.forEach((e, i) => {
    const where = `${headingsFile}: entry ${i} (${e.field})`;
    if (!fieldIds.has(e.field)) throw new CollectionDataError(`${where} names the field "${e.field}", which collection.json does not define (${[...fieldIds].join(', ')})`);
    if (byField.has(e.field)) throw new CollectionDataError(`${where}: the field "${e.field}" has an entry already`);
    byField.set(e.field, e);
  });

  const synonyms = new Map<string, string[]>();
  const keywords: Record<string, Record<string, string[]>> = {};
  values.options.forEach((e, i) => {
    const where = `${valuesFile}: entry ${i} (${e.enumeration}.${e.option})`;
    const options = definition.enumerations[e.enumeration];
    if (!options) throw new CollectionDataError(`${where} names the enumeration "${e.enumeration}", which collection.json does not define (${Object.keys(definition.enumerations).join(', ')})`);
    if (!options.some((o) => o.id === e.option)) throw new CollectionDataError(`${where} names the option "${e.option}", which ${e.enumeration} does not have (${options.map((o) => o.id).join(', ')})`);
    const key = `${e.enumeration}.${e.option}`;
    if (synonyms.has(key)) throw new CollectionDataError(`${where}: the option ${key} has an entry already`);
    synonyms.set(key, e.synonyms.flatMap((s) => (typeof s === 'string' ? [s] : expandCompose(s))));
    if (e.keywords.length > 0) (keywords[e.enumeration] ??= {})[e.option] = e.keywords;
  });
  const unclear: Record<string, string[]> = {};
  values.unclear.forEach((e, i) => {
    const where = `${valuesFile}: unclear entry ${i} (${e.enumeration})`;
    if (!definition.enumerations[e.enumeration]) throw new CollectionDataError(`${where} names the enumeration "${e.enumeration}", which collection.json does not define`);
    if (unclear[e.enumeration]) throw new CollectionDataError(`${where}: the enumeration ${e.enumeration} has unclear words already`);
    unclear[e.enumeration] = e.words;
  });

  return {
    id: definition.id,
    name: definition.name,
    period: definition.period,
    ...(definition.deadline !== undefined ? { deadline: definition.deadline } : {}),
    places: definition.places,
    fields: definition.fields.map((f) => {
      const h = byField.get(f.id);
      return { ...f, aliases: h?.aliases ?? [], weakAliases: h?.weak ?? [], excludeWords: h?.exclude ?? [], parts: h?.parts ?? [] };
    }),
    enumerations: Object.fromEntries(Object.entries(definition.enumerations).map(([k, options]) => [
      k, options.map((o) => ({ ...o, synonyms: synonyms.get(`${k}.${o.id}`) ?? [] })),
    ])),
    vocabulary: { unclear, keywords, distinguish: headings.distinguish },
  };
}

function parseFile<T extends z.ZodType>(file: string, schema: T, data: unknown, entryName: (entry: unknown) => string): z.infer<T> {
  const r = schema.safeParse(data);
  if (!r.success) throw new CollectionDataError(`${file}: ${issuesText(r.error, data, entryName)}`);
  return r.data;
}

/** "entry 3 (audience.caregiver), synonyms.2: expected string"; at most three issues. */
function issuesText(error: z.ZodError, data: unknown, entryName: (entry: unknown) => string = () => ''): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String);
    // A path into a list of entries ("fields", 3, ...) names the entry.
    if (path.length >= 2 && /^\d+$/.test(path[1]!)) {
      const entry = at(data, path.slice(0, 2));
      const label = entryName(entry);
      const rest = path.slice(2).join('.');
      return `${path[0]} entry ${path[1]}${label ? ` (${label})` : ''}${rest ? `, ${rest}` : ''}: ${issue.message}`;
    }
    return `${path.length ? `${path.join('.')}: ` : ''}${issue.message}`;
  });
  const more = error.issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

function at(data: unknown, path: string[]): unknown {
  let x = data;
  for (const p of path) x = x !== null && typeof x === 'object' ? (x as Record<string, unknown>)[p] : undefined;
  return x;
}

/** An entry's name from its own keys: "title", "audience.caregiver". */
function describe(entry: unknown, ...keys: string[]): string {
  if (entry === null || typeof entry !== 'object') return '';
  const e = entry as Record<string, unknown>;
  return keys.map((k) => e[k]).filter((v): v is string => typeof v === 'string').join('.');
}
