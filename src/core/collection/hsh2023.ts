import collection from './hsh2023/collection.json';
import headings from './hsh2023/headings.json';
import values from './hsh2023/values.json';
import { loadCollection } from './load';
import type { Collection } from './types';

/**
 * The Hope Starts Here Imperative #2 collection for events held in 2023
 * (../shared/spec/data-fields.md), read from its data files in ./hsh2023:
 * the fields and options (collection.json), the headings partners give the
 * columns (headings.json) and the ways they write the values (values.json).
 * Headings are compared after normalising case, punctuation, plurals,
 * abbreviations and word order; values after normalising case, accents,
 * punctuation, spacing and plurals.
 */
export const HSH_2023: Collection = loadCollection('hsh2023', { collection, headings, values });
