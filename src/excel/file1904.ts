import { date1904FromWorkbookXml } from './date1904';
import { isSetSupported } from './office';

/**
 * The workbook's date system, from Excel itself: its calculation of a date,
 * else the workbook file.
 *
 * Reads the date system from the workbook file: Office.context.document.getFileAsync
 * (the CompressedFile requirement set) gives the .xlsx in slices; fflate
 * inflates only xl/workbook.xml. Returns null when the host does not allow it,
 * the file is too big to hold, or anything fails: the caller then looks at the dates.
 */

/** 4 MB slices (Office's maximum); the whole file is held in memory, so cap it. */
const SLICE_SIZE = 4 * 1024 * 1024;
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Asks Excel's own calculation: DATE(1904, 1, 2) is day 1 in the 1904 date
 * system and day 1,463 in the 1900 one (ExcelApi 1.2, every host, Excel on
 * the web included, where getFileAsync gives no .xlsx). Null when Excel
 * answers anything else or nothing.
 */
export async function date1904FromCalculation(context: Excel.RequestContext): Promise<boolean | null> {
  try {
    const result = context.workbook.functions.date(1904, 1, 2);
    result.load('value,error');
    await context.sync();
    if (result.error) return null;
    if (result.value === 1) return true;
    if (result.value === 1463) return false;
    return null;
  } catch {
    return null;
  }
}

export async function date1904FromFile(): Promise<boolean | null> {
  if (typeof Office === 'undefined' || !isSetSupported('CompressedFile')) return null;
  const document = Office.context?.document;
  if (!document || typeof document.getFileAsync !== 'function') return null;
  let file: Office.File | null = null;
  try {
    file = await new Promise<Office.File>((resolve, reject) => {
      document.getFileAsync(Office.FileType.Compressed, { sliceSize: SLICE_SIZE }, (result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
        else reject(new Error(result.error?.message ?? 'getFileAsync failed'));
      });
    });
    if (file.size > MAX_FILE_BYTES) return null;
    const bytes = new Uint8Array(file.size);
    let offset = 0;
    for (let i = 0; i < file.sliceCount; i++) {
      const slice = await getSlice(file, i);
      const data = slice.data as ArrayLike<number>;
      bytes.set(data, offset);
      offset += data.length;
    }
    // Loaded only when needed: fflate stays out of the task pane's first chunk.
    const { unzipSync, strFromU8 } = await import('fflate');
    const entries = unzipSync(bytes.subarray(0, offset), { filter: (f) => f.name === 'xl/workbook.xml' });
    const xml = entries['xl/workbook.xml'];
    return xml ? date1904FromWorkbookXml(strFromU8(xml)) : null;
  } catch {
    return null;
  } finally {
    // Only one file may be open at a time: always close it.
    if (file) await new Promise<void>((resolve) => file!.closeAsync(() => resolve()));
  }
}

function getSlice(file: Office.File, index: number): Promise<Office.Slice> {
  return new Promise((resolve, reject) => {
    file.getSliceAsync(index, (result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
      else reject(new Error(result.error?.message ?? `getSliceAsync ${index} failed`));
    });
  });
}
