/**
 * Why a file could not be read, as a stable code plus one line a partner
 * understands. All the wording lives here (like the engine's issue messages).
 */

export type ReadErrorCode =
  /** Not a workbook we read: Numbers, an old Word .doc, a PDF, a picture… */
  | 'unsupported_format'
  /** Password-protected (encrypted) workbook. */
  | 'encrypted'
  /** The file, or what it unpacks to, is larger than the limits. */
  | 'too_large'
  /** Damaged zip, invalid XML, missing workbook parts, unsafe XML. */
  | 'corrupt'
  /** Nothing in it. */
  | 'empty'
  /** Too many cells, or reading took longer than the time budget. */
  | 'too_complex';

export class ReadError extends Error {
  readonly code: ReadErrorCode;

  constructor(code: ReadErrorCode, message: string, options?: { cause?: unknown }) {
    super(oneLine(message), options);
    this.name = 'ReadError';
    this.code = code;
  }
}

/**
 * A message is one printable line: part names come from the file itself (a zip
 * entry's name can hold a newline or a NUL), and a partner must never see them raw.
 */
function oneLine(message: string): string {
  // eslint-disable-next-line no-control-regex
  return message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === '\n' || c === '\r' || c === '\t' ? ' ' : '?'));
}

export function isReadError(e: unknown): e is ReadError {
  return e instanceof ReadError;
}

const SAVE_AS_XLSX = 'open it in Excel and save it as .xlsx (Excel Workbook), then try again.';
const RESAVE = 'open it in Excel, save it again as .xlsx (Excel Workbook) and try again.';

const LEGACY_NAMES = { xls: 'Excel 97-2003 (.xls)', biff: 'old Excel (.xls)', xlsb: 'Excel binary (.xlsb)', ods: 'OpenDocument (.ods)' } as const;

/** A limit in MB, rounded. */
function mb(bytes: number): string {
  return `${Math.round(bytes / 1e6)} MB`;
}

/** The messages, one function per situation. */
export const readErrors = {
  emptyFile: () => new ReadError('empty', 'The file is empty (0 bytes); save your sheet again and send the saved file.'),
  emptyCsv: () => new ReadError('empty', 'The CSV file holds no data; check that you saved the right sheet and try again.'),

  odf: () => new ReadError('unsupported_format', 'This is an OpenDocument file but not a spreadsheet; send the events sheet as an .xlsx workbook.'),
  numbers: () => new ReadError('unsupported_format', 'This is an Apple Numbers file; export it to Excel (File > Export To > Excel) and send the .xlsx file.'),
  oldWord: () =>
    new ReadError('unsupported_format', 'This is an old Word 97-2003 .doc document; open it in Word and save it as .docx (Word Document), or copy the table into Excel, then try again.'),
  wordDamaged: () =>
    new ReadError('corrupt', 'The Word document is damaged or in a form we cannot read; open it in Word, save it again as .docx (Word Document), or copy the table into Excel, then try again.'),
  wordNoTable: () =>
    new ReadError('unsupported_format', 'This Word document holds no table; put the events in a table (one event per row, a heading per column) or in an Excel sheet, then try again.'),
  powerpoint: () => new ReadError('unsupported_format', 'This is a PowerPoint file, not a workbook; send the events sheet as an .xlsx workbook.'),
  otherOffice: () => new ReadError('unsupported_format', 'This Office file is not an Excel workbook; send the events sheet as an .xlsx workbook.'),
  zip: () => new ReadError('unsupported_format', 'This is a zip archive, not an Excel workbook; unzip it and send the .xlsx file itself.'),
  html: () => new ReadError('unsupported_format', `This file is a web page (HTML) saved with a spreadsheet name; ${SAVE_AS_XLSX}`),
  xml2003: () => new ReadError('unsupported_format', `This is an Excel 2003 XML spreadsheet; ${SAVE_AS_XLSX}`),
  pdf: () => new ReadError('unsupported_format', 'This is a PDF file, not a spreadsheet; send the events sheet as an .xlsx workbook or a CSV file.'),
  image: () => new ReadError('unsupported_format', 'This is a picture, not a spreadsheet; send the events sheet as an .xlsx workbook or a CSV file.'),
  compressed: () => new ReadError('unsupported_format', 'This is a compressed archive, not a workbook; unpack it and send the .xlsx file itself.'),
  binary: () => new ReadError('unsupported_format', 'This file is neither an Excel workbook (.xlsx) nor a CSV file; save your sheet as .xlsx (Excel Workbook) and try again.'),
  zipMethod: () => new ReadError('unsupported_format', `The workbook was packed with an unusual zip compression; ${RESAVE}`),

  encrypted: () => new ReadError('encrypted', 'This workbook is password-protected; remove the password (File > Info > Protect Workbook) and save again.'),
  encryptedXls: () =>
    new ReadError('encrypted', 'This is an old Excel 97-2003 .xls file protected with a password; open it in Excel, remove the password (File > Info > Protect Workbook) and save it as .xlsx (Excel Workbook), then try again.'),
  encryptedOds: () => new ReadError('encrypted', 'This is a password-protected LibreOffice .ods file; remove the password and save it as .xlsx (Excel Workbook), then try again.'),

  fileTooLarge: (size: number, limit: number) =>
    new ReadError('too_large', `The file is too large (${(size / 1e6).toFixed(1)} MB; the limit is ${mb(limit)}); keep only the events sheet and try again.`),
  unzipsTooLarge: (limit: number) =>
    new ReadError('too_large', `The workbook unpacks to more than ${mb(limit)}, more than we can check; keep only the events sheet and save again.`),
  zipBomb: (part: string) =>
    new ReadError('too_large', `The file is not a normal workbook: ${part} unpacks to far more than a real sheet would; save the events sheet again as .xlsx and try again.`),

  tooManyCells: (limit: number) =>
    new ReadError('too_complex', `The workbook holds more than ${limit.toLocaleString('en-US')} cells; keep only the events sheet and try again.`),
  tooSlow: (seconds: number) =>
    new ReadError('too_complex', `The workbook took too long to read (over ${seconds} s); keep only the events sheet and try again.`),
  tooManyParts: (limit: number) =>
    new ReadError('too_complex', `The file holds more than ${limit.toLocaleString('en-US')} parts, far more than a workbook; save the events sheet again as .xlsx and try again.`),
  tooManyColumns: (columns: number, limit: number) =>
    new ReadError('too_complex', `A row of the CSV file has ${columns.toLocaleString('en-US')} columns, more than Excel's ${limit.toLocaleString('en-US')}; check that it is the events sheet saved as CSV (one event per line) and try again.`),
  tooManySheets: (limit: number) =>
    new ReadError('too_complex', `The workbook has more than ${limit} sheets; keep only the events sheet and try again.`),

  damaged: (what: string) => new ReadError('corrupt', `The file is damaged (${what}); ${RESAVE}`),
  unsafeXml: (part: string) =>
    new ReadError('corrupt', `The file is damaged or unsafe (${part} declares XML entities, which Excel never writes); ${RESAVE}`),
  noWorkbook: () => new ReadError('corrupt', `The file is damaged: it is a zip archive without a workbook inside; ${RESAVE}`),
  unexpected: () => new ReadError('corrupt', `The file is damaged or in a form we cannot read; ${RESAVE}`),
  legacyDamaged: (format: 'xls' | 'biff' | 'xlsb' | 'ods') =>
    new ReadError('corrupt', `The ${LEGACY_NAMES[format]} file is damaged or in a form we cannot read; ${format === 'ods' ? 'open it in LibreOffice' : 'open it in Excel'}, save it again as .xlsx (Excel Workbook) and try again.`),
} as const;

/** Wraps anything that is not already a ReadError, so that no internal message reaches a partner. */
export function asReadError(e: unknown): ReadError {
  if (e instanceof ReadError) return e;
  if (e instanceof RangeError && /allocation|array length|string length|memory/i.test(e.message)) {
    return new ReadError('too_large', 'The workbook is too large to read here; keep only the events sheet and try again.', { cause: e });
  }
  const wrapped = readErrors.unexpected();
  (wrapped as { cause?: unknown }).cause = e;
  return wrapped;
}
