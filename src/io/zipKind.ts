import { ReadError } from './errors';
import type { Budget } from './limits';
import { contentTypeOf, findPart, readContentTypes, readRelationships, type ContentTypes } from './ooxml/package';
import type { ZipArchive } from './zip';

/** What a zip archive holds, told from its parts, never from the file name. */
export type ZipKind =
  /** An OOXML workbook (.xlsx, .xlsm, .xltx, strict or transitional); `workbook` is the main part, or null when it is missing. */
  | { kind: 'ooxml'; workbook: string | null; contentTypes: ContentTypes }
  /** A Word document (.docx, .docm, .dotx): `document` is its main part, whose tables are read. */
  | { kind: 'word'; document: string }
  | { kind: 'xlsb' | 'ods' | 'ods-encrypted' | 'odf' | 'numbers' | 'powerpoint' | 'other-office' | 'zip' | 'empty' };

const SPREADSHEET_MAIN = /(spreadsheetml\.(sheet|template)\.main\+xml|ms-excel\.(sheet|template|addin)\.macroenabled\.main\+xml)$/i;

export function classifyZip(zip: ZipArchive, budget: Budget): ZipKind {
  if (zip.entries.length === 0) return { kind: 'empty' };

  const odf = classifyOdf(zip, budget);
  if (odf) return odf;

  const contentTypes = lenient(() => readContentTypes(zip, budget), { defaults: new Map(), overrides: new Map() });
  // A damaged package part is not fatal: the workbook can still be found by its name below.
  const main = lenient(() => readRelationships(zip, budget, ''), []).find((r) => r.type === 'officeDocument' && !r.external);
  if (main) {
    const entry = findPart(zip, main);
    if (entry) {
      const ct = (contentTypeOf(contentTypes, entry.path) ?? '').toLowerCase();
      if (ct.includes('wordprocessingml') || ct.includes('ms-word')) return { kind: 'word', document: entry.path };
      if (ct.includes('presentationml') || ct.includes('ms-powerpoint')) return { kind: 'powerpoint' };
      if (ct.includes('binary') || entry.key.endsWith('.bin')) return { kind: 'xlsb' };
      if (ct === '' || ct.includes('sheet') || ct.includes('excel') || ct.endsWith('xml')) {
        return { kind: 'ooxml', workbook: entry.path, contentTypes };
      }
      return { kind: 'other-office' };
    }
  }

  // No usable package relationship: look at content types, then at part names.
  for (const [part, ct] of contentTypes.overrides) {
    const entry = SPREADSHEET_MAIN.test(ct) ? zip.find(part) : undefined;
    if (entry) return { kind: 'ooxml', workbook: entry.path, contentTypes };
  }
  const keys = zip.entries.map((e) => e.key);
  if (keys.some((k) => k === 'workbook.bin' || k.endsWith('/workbook.bin'))) return { kind: 'xlsb' };
  const workbookXml = zip.entries
    .filter((e) => e.key === 'workbook.xml' || e.key.endsWith('/workbook.xml'))
    .sort((a, b) => a.key.length - b.key.length)[0];
  if (workbookXml) return { kind: 'ooxml', workbook: workbookXml.path, contentTypes };
  if (keys.some((k) => /(^|\/)worksheets\/[^/]+\.xml$/.test(k))) return { kind: 'ooxml', workbook: null, contentTypes };
  const document = zip.find('word/document.xml');
  if (document) return { kind: 'word', document: document.path };
  if (keys.includes('ppt/presentation.xml')) return { kind: 'powerpoint' };
  if (keys.some((k) => k.startsWith('index/') && k.endsWith('.iwa')) || keys.includes('index.zip')) return { kind: 'numbers' };
  return { kind: 'zip' };
}

/** Runs a read of an optional part; a corrupt part counts as absent, other failures (limits) still stop the read. */
function lenient<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof ReadError && e.code === 'corrupt') return fallback;
    throw e;
  }
}

/** OpenDocument: the `mimetype` entry, or (when a writer left it out) content.xml plus a manifest. */
function classifyOdf(zip: ZipArchive, budget: Budget): ZipKind | null {
  const mimetypeEntry = zip.find('mimetype');
  const manifestEntry = zip.find('META-INF/manifest.xml');
  let mimetype = '';
  if (mimetypeEntry && mimetypeEntry.compressedSize < 1024) {
    mimetype = new TextDecoder().decode(zip.read(mimetypeEntry, budget)).trim().toLowerCase();
  }
  const isOdf = mimetype.startsWith('application/vnd.oasis.opendocument') || (!!manifestEntry && !!zip.find('content.xml'));
  if (!isOdf) return null;
  let manifest = '';
  if (manifestEntry && manifestEntry.compressedSize < 1_000_000) manifest = new TextDecoder().decode(zip.read(manifestEntry, budget));
  const spreadsheet = mimetype.includes('spreadsheet') || (mimetype === '' && manifest.includes('opendocument.spreadsheet'));
  if (!spreadsheet) return { kind: 'odf' };
  return { kind: manifest.includes('encryption-data') ? 'ods-encrypted' : 'ods' };
}
