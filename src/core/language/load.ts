import { parseLanguageFile } from './file';
import { languageOf, type Language } from './index';

/** Reads a language file; throws naming the file and the entry when it is wrong. */
export function loadLanguage(name: string, data: unknown): Language {
  return languageOf(parseLanguageFile(name, data));
}
