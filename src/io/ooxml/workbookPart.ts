import type { Budget } from '../limits';
import { attrLocal, parseXmlEntry, prefixedAttr } from '../xml';
import type { ZipArchive, ZipEntry } from '../zip';

export interface SheetRef {
  name: string;
  sheetId: string;
  /** The relationship id (r:id) of the sheet's part. */
  relId: string | undefined;
  hidden: boolean;
}

export interface WorkbookInfo {
  sheets: SheetRef[];
  date1904: boolean;
}

function isTrue(v: string | undefined): boolean {
  if (v === undefined) return false;
  const s = v.trim().toLowerCase();
  return s === '1' || s === 'true' || s === 'on';
}

/** Sheet names, order and visibility, and the date system, from workbook.xml. */
export function readWorkbookPart(zip: ZipArchive, entry: ZipEntry, budget: Budget): WorkbookInfo {
  const info: WorkbookInfo = { sheets: [], date1904: false };
  let inSheets = false;
  parseXmlEntry(zip, entry, budget, {
    open(name, attrs) {
      if (name === 'workbookPr') {
        info.date1904 = isTrue(attrLocal(attrs, 'date1904'));
      } else if (name === 'sheets') {
        inSheets = true;
      } else if (name === 'sheet' && inSheets) {
        const state = (attrLocal(attrs, 'state') ?? '').toLowerCase();
        info.sheets.push({
          name: attrLocal(attrs, 'name') ?? `Sheet${info.sheets.length + 1}`,
          sheetId: attrLocal(attrs, 'sheetId') ?? '',
          relId: prefixedAttr(attrs, 'id') ?? attrs.id,
          hidden: state === 'hidden' || state === 'veryhidden',
        });
      }
    },
    close(name) {
      if (name === 'sheets') inSheets = false;
    },
    text() {},
  });
  return info;
}
