import type { Workbook } from '../../core/workbook';
import { loadReader } from '../lazy';

/** Larger files are refused before reading: the server would refuse them too. */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
  workbook: Workbook;
}

/** Bytes to workbook: the check worker's, or the reader on this thread. */
export type ReadBytes = (bytes: Uint8Array, name: string) => Promise<Workbook>;

/** The reader on this thread, loaded only now so that the taskpane's first download stays small. */
const readHere: ReadBytes = async (bytes, name) => (await loadReader()).readWorkbookBytes(bytes, name);

/** The names the reader takes: Excel's workbooks and templates old and new, OpenDocument, CSV and TSV, and a Word document's tables. The bytes decide the format. */
export const READABLE_NAME = /\.(xlsx|xlsm|xltx|xltm|xls|xlsb|ods|csv|tsv|docx)$/i;

/** What the file input offers. */
export const READABLE_ACCEPT = '.xlsx,.xlsm,.xltx,.xltm,.xls,.xlsb,.ods,.csv,.tsv,.docx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12,application/vnd.ms-excel,application/vnd.oasis.opendocument.spreadsheet,text/csv';

/** Reads a workbook, CSV or Word file chosen by the person. */
export async function openFile(file: File, read: ReadBytes = readHere): Promise<OpenedFile> {
  if (!READABLE_NAME.test(file.name)) {
    throw new Error(`“${file.name}” is not a workbook (.xlsx, .xlsm, .xls, .xlsb, .ods), a CSV file or a Word document (.docx). In Excel, use File › Save As › Excel Workbook (.xlsx) first.`);
  }
  if (file.size > MAX_FILE_BYTES) {
    throw new Error(`“${file.name}” is ${(file.size / 1024 / 1024).toFixed(0)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
  }
  const bytes = await readBytes(file);
  const workbook = await read(bytes, file.name);
  return { name: file.name, bytes, workbook };
}

/** Blob.arrayBuffer where there is one; FileReader in older web views (Safari before 14). */
function readBytes(file: Blob): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer().then((b) => new Uint8Array(b));
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(new Error('The file could not be read from the disk.'));
    reader.readAsArrayBuffer(file);
  });
}
