import { decodeOoxmlEscapes, parseXmlEntry } from '../xml';
import type { ZipArchive, ZipEntry } from '../zip';
import { capCellText, MAX_CELL_TEXT, type Budget } from '../limits';

/**
 * The shared-string table: one string per `<si>`, rich-text runs concatenated,
 * phonetic guides (`<rPh>`) left out, `_xHHHH_` escapes decoded.
 */
export function readSharedStrings(zip: ZipArchive, entry: ZipEntry, budget: Budget): string[] {
  const strings: string[] = [];
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let current = '';
  parseXmlEntry(zip, entry, budget, {
    open(name) {
      if (name === 't') {
        if (inSi && phonetic === 0) inT = true;
      } else if (name === 'si') {
        inSi = true;
        current = '';
      } else if (name === 'rPh') {
        phonetic++;
      }
    },
    close(name) {
      if (name === 't') {
        inT = false;
      } else if (name === 'si') {
        inSi = false;
        strings.push(capCellText(decodeOoxmlEscapes(current)));
        // Each string is kept like a cell, so the table counts against the cell limit.
        budget.addCells(1);
      } else if (name === 'rPh') {
        phonetic--;
      }
    },
    text(text) {
      if (inT && current.length <= MAX_CELL_TEXT) current += text;
    },
  });
  return strings;
}
