import type { Workbook } from '../core/workbook';
import { classifyCfb } from './cfb';
import { readCsv } from './csv';
import { asReadError, readErrors } from './errors';
import { Budget, resolveLimits, type ReadLimits } from './limits';
import { readXlsx } from './ooxml/readXlsx';
import { sniffBytes } from './sniff';
import { openZip } from './zip';
import { classifyZip } from './zipKind';

export type { ReadLimits } from './limits';

/**
 * Reads a workbook (.xlsx/.xlsm/.xltx) or a CSV file into the engine's
 * Workbook, telling the format from the bytes rather than the name. Runs in
 * the browser as well as in Node. Every failure is a ReadError whose message
 * a partner can act on; nothing else is thrown.
 */
export async function readWorkbookBytes(bytes: Uint8Array, fileName: string, limits?: Partial<ReadLimits>): Promise<Workbook> {
  try {
    return readWorkbookBytesSync(bytes, fileName, limits);
  } catch (e) {
    throw asReadError(e);
  }
}

/** The same, synchronously (tests, workers). Throws ReadError. */
export function readWorkbookBytesSync(bytes: Uint8Array, fileName: string, limits?: Partial<ReadLimits>): Workbook {
  try {
    return read(bytes, fileName, resolveLimits(limits));
  } catch (e) {
    throw asReadError(e);
  }
}

function read(bytes: Uint8Array, fileName: string, limits: ReadLimits): Workbook {
  if (!(bytes instanceof Uint8Array)) throw readErrors.unexpected();
  if (bytes.length === 0) throw readErrors.emptyFile();
  if (bytes.length > limits.maxFileBytes) throw readErrors.fileTooLarge(bytes.length, limits.maxFileBytes);
  const budget = new Budget(limits);

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
        case 'old-xls':
          throw readErrors.oldXls();
        case 'word':
          throw readErrors.word();
        case 'powerpoint':
          throw readErrors.powerpoint();
        default:
          throw readErrors.xls();
      }
    case 'biff':
      throw readErrors.oldXls();
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

function readZip(bytes: Uint8Array, budget: Budget): Workbook {
  const zip = openZip(bytes);
  const kind = classifyZip(zip, budget);
  switch (kind.kind) {
    case 'ooxml':
      return readXlsx(zip, budget, kind.workbook, kind.contentTypes);
    case 'xlsb':
      throw readErrors.xlsb();
    case 'ods':
      throw readErrors.ods();
    case 'ods-encrypted':
      throw readErrors.encryptedOds();
    case 'odf':
      throw readErrors.odf();
    case 'numbers':
      throw readErrors.numbers();
    case 'word':
      throw readErrors.word();
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
