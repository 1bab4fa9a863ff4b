import { clipMerges, type Sheet, type Workbook } from '../../core/workbook';
import { readErrors } from '../errors';
import type { Budget } from '../limits';
import type { ZipArchive, ZipEntry } from '../zip';
import { contentTypeOf, dirOf, findPart, readRelationships, type ContentTypes, type Relationship } from './package';
import { readSharedStrings } from './sharedStrings';
import { NO_STYLES, readStyles } from './styles';
import { readWorkbookPart, type SheetRef, type WorkbookInfo } from './workbookPart';
import { readWorksheet } from './worksheet';

/** Relationship types of sheets that hold no cell grid (charts, dialogs, Excel 4 macros). */
const NOT_WORKSHEETS = new Set(['chartsheet', 'dialogsheet', 'macrosheet', 'xlMacrosheet', 'xlIntlMacrosheet']);
const WORKSHEET_CT = /spreadsheetml\.worksheet\+xml$/i;

interface SheetPart {
  ref: SheetRef;
  entry: ZipEntry;
}

/** Reads an OOXML workbook whose main part is `workbookPath` (null: the part is missing, read the worksheets found). */
export function readXlsx(zip: ZipArchive, budget: Budget, workbookPath: string | null, contentTypes: ContentTypes): Workbook {
  const workbookEntry = workbookPath === null ? undefined : zip.find(workbookPath);
  const info: WorkbookInfo = workbookEntry ? readWorkbookPart(zip, workbookEntry, budget) : { sheets: [], date1904: false };
  const dir = workbookEntry ? dirOf(workbookEntry.path) : guessDir(zip);
  const rels = readRelationships(zip, budget, workbookEntry ? workbookEntry.path : `${dir}workbook.xml`);

  const parts = locateSheets(zip, info, rels, dir, contentTypes);
  if (parts.length > budget.limits.maxSheets) throw readErrors.tooManySheets(budget.limits.maxSheets);

  const stylesEntry = partOf(zip, rels, 'styles') ?? zip.find(`${dir}styles.xml`);
  const styles = stylesEntry ? readStyles(zip, stylesEntry, budget) : NO_STYLES;
  const stringsEntry = partOf(zip, rels, 'sharedStrings') ?? zip.find(`${dir}sharedStrings.xml`);
  const sharedStrings = stringsEntry ? readSharedStrings(zip, stringsEntry, budget) : [];

  const ctx = { sharedStrings, styles, date1904: info.date1904 };
  const sheets: Sheet[] = parts.map(({ ref, entry }) => {
    const { rows, merges, widths, outline } = readWorksheet(zip, entry, budget, ctx);
    const sheet: Sheet = { name: ref.name, rows, merges: clipMerges(merges, rows) };
    if (widths.length) sheet.widths = widths;
    if (outline.length) sheet.outline = outline;
    if (ref.hidden) sheet.hidden = true;
    return sheet;
  });
  return { sheets, date1904: info.date1904, source: 'xlsx' };
}

function partOf(zip: ZipArchive, rels: Relationship[], type: string): ZipEntry | undefined {
  const rel = rels.find((r) => r.type === type && !r.external);
  return rel ? findPart(zip, rel) : undefined;
}

/** The folder of the worksheets when workbook.xml is missing: "xl/" for xl/worksheets/sheet1.xml. */
function guessDir(zip: ZipArchive): string {
  for (const e of zip.entries) {
    const m = /^(.*?)worksheets\/[^/]+\.xml$/.exec(e.key);
    if (m) return e.path.slice(0, (m[1] as string).length);
  }
  return '';
}

function locateSheets(zip: ZipArchive, info: WorkbookInfo, rels: Relationship[], dir: string, contentTypes: ContentTypes): SheetPart[] {
  const relById = new Map(rels.map((r) => [r.id, r]));
  if (info.sheets.length > 0) {
    const listed = worksheetPartsByContentType(zip, contentTypes);
    const parts: SheetPart[] = [];
    info.sheets.forEach((ref, i) => {
      const rel = ref.relId === undefined ? undefined : relById.get(ref.relId);
      if (rel && NOT_WORKSHEETS.has(rel.type)) return;
      const entry =
        (rel ? findPart(zip, rel) : undefined) ??
        (rel ? undefined : zip.find(`${dir}worksheets/sheet${ref.sheetId}.xml`) ?? zip.find(`${dir}worksheets/sheet${i + 1}.xml`) ?? listed[i]);
      if (!entry) throw readErrors.damaged(`the sheet "${ref.name}" is missing`);
      parts.push({ ref, entry });
    });
    return parts;
  }
  // workbook.xml is missing or lists no sheets: take the worksheets the relationships, content types or part names show.
  let entries = rels
    .filter((r) => r.type === 'worksheet')
    .map((r) => findPart(zip, r))
    .filter((e): e is ZipEntry => e !== undefined);
  if (entries.length === 0) entries = worksheetPartsByContentType(zip, contentTypes);
  if (entries.length === 0) entries = zip.entries.filter((e) => /(^|\/)worksheets\/[^/]+\.xml$/.test(e.key)).sort(byNaturalName);
  return entries.map((entry, i) => ({ ref: { name: `Sheet${i + 1}`, sheetId: String(i + 1), relId: undefined, hidden: false }, entry }));
}

function worksheetPartsByContentType(zip: ZipArchive, contentTypes: ContentTypes): ZipEntry[] {
  const out: ZipEntry[] = [];
  for (const e of zip.entries) if (WORKSHEET_CT.test(contentTypeOf(contentTypes, e.path) ?? '')) out.push(e);
  return out.sort(byNaturalName);
}

function byNaturalName(a: ZipEntry, b: ZipEntry): number {
  return a.key.localeCompare(b.key, 'en', { numeric: true });
}
