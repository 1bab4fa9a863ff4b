import type { Workbook } from '../core/workbook';
import { classifyCfb } from './cfb';
import { readCsv } from './csv';
import { readDocx } from './docx';
import { asReadError, readErrors } from './errors';
import type { LegacyInput } from './legacy/readLegacy';
import { Budget, resolveLimits, type ReadLimits } from './limits';
import { readXlsx } from './ooxml/readXlsx';
import { sniffBytes } from './sniff';
import { openZip } from './zip';
import { classifyZip } from './zipKind';

export type { ReadLimits } from './limits';

/**
 * Reads a workbook into the engine's Workbook, telling the format from the
 * bytes rather than the name: .xlsx/.xlsm/.xltx/.xltm and CSV with our own
 * readers, the tables of a Word .docx too, and .xls (BIFF2–8), .xlsb and .ods
 * with SheetJS. Runs in the browser (where this module is itself loaded
 * only when a file is opened) as well as
 * in Node. Every failure is a ReadError whose message a partner can act on;
 * nothing else is thrown. The same limits bound every format.
 */
export async function readWorkbookBytes(bytes: Uint8Array, fileName: string, limits?: Partial<ReadLimits>): Promise<Workbook> {
  try {
    const budget = start(bytes, resolveLimits(limits));
    const read = readOwn(bytes, fileName, budget);
    return 'legacy' in read ? legacyReader().readLegacy(read.legacy, budget) : read;
  } catch (e) {
    throw asReadError(e);
  }
}

/**
 * The SheetJS reader, loaded when the first .xls, .xlsb or .ods comes: its
 * modules build code-page tables at load (about 100 ms of a command line's
 * start) that an .xlsx or a CSV never needs. A require, not import(): tsx's
 * CommonJS hook serves no import() of a .ts file, and a bundler keeps the
 * module in the same bundle, evaluated only at this call.
 */
function legacyReader(): typeof import('./legacy/readLegacy') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./legacy/readLegacy') as typeof import('./legacy/readLegacy');
}

/** The checks before any format is looked at; the budget's clock starts here. */
function start(bytes: Uint8Array, limits: ReadLimits): Budget {
  if (!(bytes instanceof Uint8Array)) throw readErrors.unexpected();
  if (bytes.length === 0) throw readErrors.emptyFile();
  if (bytes.length > limits.maxFileBytes) throw readErrors.fileTooLarge(bytes.length, limits.maxFileBytes);
  return new Budget(limits);
}

/** A workbook read by our own readers, or the legacy format SheetJS is to read. Throws ReadError. */
function readOwn(bytes: Uint8Array, fileName: string, budget: Budget): Workbook | { legacy: LegacyInput } {
  const format = sniffBytes(bytes);
  switch (format) {
    case 'zip':
      return readZip(bytes, budget);
    case 'cfb':
      switch (classifyCfb(bytes)) {
        case 'encrypted':
          throw readErrors.encrypted();
        case 'xls-encrypted':
          throw readErrors.encryptedXls();
        case 'xls':
        case 'old-xls':
          return { legacy: { format: 'xls', bytes } };
        case 'word':
          throw readErrors.oldWord();
        case 'powerpoint':
          throw readErrors.powerpoint();
        case 'unknown':
          throw readErrors.otherOffice();
      }
    // falls through: classifyCfb has no other kind
    case 'biff':
      return { legacy: { format: 'biff', bytes } };
    case 'pdf':
      throw readErrors.pdf();
    case 'image':
      throw readErrors.image();
    case 'archive':
      throw readErrors.compressed();
    case 'text':
      return readCsv(bytes, fileName, budget);
  }
}

function readZip(bytes: Uint8Array, budget: Budget): Workbook | { legacy: LegacyInput } {
  const zip = openZip(bytes);
  const kind = classifyZip(zip, budget);
  switch (kind.kind) {
    case 'ooxml':
      return readXlsx(zip, budget, kind.workbook, kind.contentTypes);
    case 'xlsb':
      return { legacy: { format: 'xlsb', bytes, zip } };
    case 'ods':
      return { legacy: { format: 'ods', bytes, zip } };
    case 'ods-encrypted':
      throw readErrors.encryptedOds();
    case 'odf':
      throw readErrors.odf();
    case 'numbers':
      throw readErrors.numbers();
    case 'word':
      return readDocx(zip, kind.document, budget);
    case 'powerpoint':
      throw readErrors.powerpoint();
    case 'other-office':
      throw readErrors.otherOffice();
    case 'empty':
      throw readErrors.noWorkbook();
    case 'zip':
      throw readErrors.zip();
  }
}
