import { parseLanguageFile, type LanguageFile } from './file';
import words from './words.json';

/**
 * words.json, checked against its schema when this module loads. The
 * command line's bundle holds the checked value instead, computed when it is
 * built (scripts/build.cjs, PRECOMPUTED): a wrong file fails the build, and
 * the check does not run at every start.
 */
export const ENGLISH_FILE: LanguageFile = parseLanguageFile('src/core/language/words.json', words);
