import { isBuiltinDateFormatId, isDateFormat } from '../../core/numberFormat';
import type { Budget } from '../limits';
import { attrLocal, parseXmlEntry } from '../xml';
import type { ZipArchive, ZipEntry } from '../zip';

/** The number format of each cell style (the `s` attribute of a cell indexes `cellXfs`). */
export interface CellStyles {
  /** Format code per style index; undefined when unknown (a locale-specific built-in). */
  format: (string | undefined)[];
  /** Whether numbers in that style are dates. */
  isDate: boolean[];
}

/** Excel's built-in format codes as Excel (en-US) shows them; ids 27–36 and 50–58 depend on the locale. */
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00',
  9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'm/d/yyyy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy',
  18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yyyy h:mm',
  37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00;(#,##0.00)', 40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

export const NO_STYLES: CellStyles = { format: [], isDate: [] };

export function readStyles(zip: ZipArchive, entry: ZipEntry, budget: Budget): CellStyles {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  let xfDepth = 0;
  let skipDepth = 0;
  parseXmlEntry(zip, entry, budget, {
    open(name, attrs) {
      // mc:AlternateContent: read the Fallback, skip the Choice (it repeats the same item in an extended form).
      if (skipDepth > 0 || name === 'Choice') {
        skipDepth++;
        return;
      }
      if (name === 'numFmt') {
        const id = Number(attrLocal(attrs, 'numFmtId'));
        const code = attrLocal(attrs, 'formatCode');
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (name === 'cellXfs') {
        inCellXfs = true;
      } else if (name === 'xf' && inCellXfs) {
        if (xfDepth++ === 0) {
          const id = Number(attrLocal(attrs, 'numFmtId') ?? 0);
          xfIds.push(Number.isInteger(id) && id >= 0 ? id : 0);
        }
      }
    },
    close(name) {
      if (skipDepth > 0) {
        skipDepth--;
        return;
      }
      if (name === 'cellXfs') inCellXfs = false;
      else if (name === 'xf' && inCellXfs) xfDepth--;
    },
    text() {},
  });
  const styles: CellStyles = { format: [], isDate: [] };
  for (const id of xfIds) {
    const customCode = custom.get(id);
    const code = customCode !== undefined && customCode !== '' ? customCode : BUILTIN_FORMATS[id];
    styles.format.push(code);
    styles.isDate.push(code !== undefined ? isDateFormat(code) : isBuiltinDateFormatId(id));
  }
  return styles;
}
