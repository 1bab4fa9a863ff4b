import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { strToU8, zipSync, type Zippable } from 'fflate';

/** Builders for small workbooks made in the tests themselves: raw OOXML parts zipped with fflate, or exceljs. */

export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
export const STRICT_REL = 'http://purl.oclc.org/ooxml/officeDocument/relationships';

export function zip(parts: Record<string, string | Uint8Array>, level: 0 | 6 = 6): Uint8Array {
  const files: Zippable = {};
  for (const [name, content] of Object.entries(parts)) files[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(files, { level });
}

export interface SheetSpec {
  name: string;
  /** The <sheetData> content (rows), or a whole worksheet document when it starts with "<?xml" or "<worksheet". */
  data: string;
  state?: 'hidden' | 'veryHidden';
  /** Extra worksheet content after sheetData (mergeCells…). */
  after?: string;
}

export interface XlsxSpec {
  sheets: SheetSpec[];
  sharedStrings?: string[] | string;
  /** numFmts and cellXfs: [numFmtId, formatCode?] per style index. */
  styles?: { xfs: number[]; numFmts?: Record<number, string> } | string;
  date1904?: string;
  strict?: boolean;
  /** Put the parts at the zip root instead of under xl/. */
  root?: boolean;
  /** Element prefix for SpreadsheetML elements ("x" → <x:worksheet>). */
  prefix?: string;
  /** Leave [Content_Types].xml or workbook relationships out. */
  omit?: ('contentTypes' | 'workbookRels' | 'rootRels')[];
  level?: 0 | 6;
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Hand-written xlsx bytes from a spec: the smallest package Excel itself would open. */
export function xlsx(spec: XlsxSpec): Uint8Array {
  const main = spec.strict ? STRICT_MAIN : NS_MAIN;
  const rel = spec.strict ? STRICT_REL : NS_REL;
  const relType = (t: string) => `${rel}/${t}`;
  const dir = spec.root ? '' : 'xl/';
  const p = spec.prefix ? `${spec.prefix}:` : '';
  const xmlns = spec.prefix ? `xmlns:${spec.prefix}="${main}"` : `xmlns="${main}"`;
  const parts: Record<string, string> = {};

  const wbRels: string[] = [];
  const sheetEls = spec.sheets.map((s, i) => {
    wbRels.push(`<Relationship Id="rId${i + 1}" Type="${relType('worksheet')}" Target="worksheets/sheet${i + 1}.xml"/>`);
    const state = s.state ? ` state="${s.state}"` : '';
    const doc = /^\s*<(\?xml|worksheet|\w+:worksheet)/.test(s.data)
      ? s.data
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}worksheet ${xmlns} xmlns:r="${rel}"><${p}dimension ref="A1:XFD1048576"/><${p}sheetData>${s.data}</${p}sheetData>${s.after ?? ''}</${p}worksheet>`;
    parts[`${dir}worksheets/sheet${i + 1}.xml`] = doc;
    return `<${p}sheet name="${esc(s.name)}" sheetId="${i + 1}"${state} r:id="rId${i + 1}"/>`;
  });
  const pr = spec.date1904 !== undefined ? `<${p}workbookPr date1904="${spec.date1904}"/>` : '';
  parts[`${dir}workbook.xml`] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}workbook ${xmlns} xmlns:r="${rel}">${pr}<${p}sheets>${sheetEls.join('')}</${p}sheets></${p}workbook>`;

  let n = spec.sheets.length;
  if (spec.sharedStrings !== undefined) {
    const sst = typeof spec.sharedStrings === 'string' ? spec.sharedStrings : spec.sharedStrings.map((s) => `<${p}si><${p}t xml:space="preserve">${esc(s)}</${p}t></${p}si>`).join('');
    parts[`${dir}sharedStrings.xml`] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}sst ${xmlns}>${sst}</${p}sst>`;
    wbRels.push(`<Relationship Id="rId${++n}" Type="${relType('sharedStrings')}" Target="sharedStrings.xml"/>`);
  }
  if (spec.styles !== undefined) {
    let body: string;
    if (typeof spec.styles === 'string') {
      body = spec.styles;
    } else {
      const fmts = Object.entries(spec.styles.numFmts ?? {});
      const numFmts = fmts.length ? `<${p}numFmts count="${fmts.length}">${fmts.map(([id, code]) => `<${p}numFmt numFmtId="${id}" formatCode="${esc(code)}"/>`).join('')}</${p}numFmts>` : '';
      const xfs = spec.styles.xfs.map((id) => `<${p}xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join('');
      body = `${numFmts}<${p}cellStyleXfs count="1"><${p}xf numFmtId="0"/></${p}cellStyleXfs><${p}cellXfs count="${spec.styles.xfs.length}">${xfs}</${p}cellXfs>`;
    }
    parts[`${dir}styles.xml`] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}styleSheet ${xmlns}>${body}</${p}styleSheet>`;
    wbRels.push(`<Relationship Id="rId${n + 1}" Type="${relType('styles')}" Target="styles.xml"/>`);
  }
  const omit = new Set(spec.omit ?? []);
  if (!omit.has('workbookRels')) {
    parts[`${dir}_rels/workbook.xml.rels`] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${NS_PKG_REL}">${wbRels.join('')}</Relationships>`;
  }
  if (!omit.has('rootRels')) {
    parts['_rels/.rels'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${relType('officeDocument')}" Target="${dir}workbook.xml"/></Relationships>`;
  }
  if (!omit.has('contentTypes')) {
    const overrides = [`<Override PartName="/${dir}workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`]
      .concat(spec.sheets.map((_s, i) => `<Override PartName="/${dir}worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`))
      .join('');
    parts['[Content_Types].xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides}</Types>`;
  }
  return zip(parts, spec.level ?? 6);
}

/** An ordinary workbook written by exceljs. */
export async function exceljsWorkbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/**
 * A minimal Compound File (OLE2) holding the named streams, each empty: enough
 * for the reader to tell an encrypted xlsx ("EncryptedPackage") from an .xls ("Workbook").
 */
export function cfb(streamNames: string[]): Uint8Array {
  const sector = 512;
  const out = new Uint8Array(sector * 3);
  const dv = new DataView(out.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (out[i] = b));
  dv.setUint16(0x18, 0x3e, true);
  dv.setUint16(0x1a, 3, true);
  dv.setUint16(0x1c, 0xfffe, true);
  dv.setUint16(0x1e, 9, true);
  dv.setUint16(0x20, 6, true);
  dv.setUint32(0x2c, 1, true); // one FAT sector
  dv.setUint32(0x30, 1, true); // directory at sector 1
  dv.setUint32(0x38, 4096, true);
  dv.setUint32(0x3c, 0xfffffffe, true);
  dv.setUint32(0x44, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) dv.setUint32(0x4c + i * 4, i === 0 ? 0 : 0xffffffff, true);
  // FAT (sector 0, at file offset 512): sector 0 is the FAT itself, sector 1 the one-sector directory chain.
  const fat = sector;
  for (let i = 0; i < sector / 4; i++) dv.setUint32(fat + i * 4, 0xffffffff, true);
  dv.setUint32(fat, 0xfffffffd, true);
  dv.setUint32(fat + 4, 0xfffffffe, true);
  // Directory (sector 1, at file offset 1024): the root entry, then the streams.
  const names = ['Root Entry', ...streamNames].slice(0, 4);
  names.forEach((name, i) => {
    const e = 2 * sector + i * 128;
    for (let j = 0; j < name.length; j++) dv.setUint16(e + j * 2, name.charCodeAt(j), true);
    dv.setUint16(e + 0x40, (name.length + 1) * 2, true);
    out[e + 0x42] = i === 0 ? 5 : 2;
    dv.setUint32(e + 0x44, 0xffffffff, true);
    dv.setUint32(e + 0x48, 0xffffffff, true);
    dv.setUint32(e + 0x4c, i === 0 && names.length > 1 ? 1 : 0xffffffff, true);
    dv.setUint32(e + 0x74, 0xfffffffe, true);
  });
  return out;
}

export function utf8(s: string): Uint8Array {
  return new TextEncoder().encode(s);
}

export interface RawZipEntry {
  name: string;
  /** The stored bytes: raw deflate data when method is 8. */
  data: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size the archive declares (it may lie). */
  declaredSize: number;
}

/** A zip written by hand, so that entries can hold pre-compressed data and declare any size. */
export function rawZip(entries: RawZipEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, e.method, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, e.declaredSize, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const cd = new Uint8Array(46 + name.length);
    const cv = new DataView(cd.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, e.method, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, e.declaredSize, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    cd.set(name, 46);
    chunks.push(local, e.data);
    central.push(cd);
    offset += local.length + e.data.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const zip64 = entries.length >= 0xffff;
  const tail: Uint8Array[] = [];
  if (zip64) {
    // Zip64 end record and locator: the only way to count 65,535 entries or more.
    const rec = new Uint8Array(56);
    const rv = new DataView(rec.buffer);
    rv.setUint32(0, 0x06064b50, true);
    rv.setBigUint64(4, 44n, true);
    rv.setUint16(12, 45, true);
    rv.setUint16(14, 45, true);
    rv.setBigUint64(24, BigInt(entries.length), true);
    rv.setBigUint64(32, BigInt(entries.length), true);
    rv.setBigUint64(40, BigInt(cdSize), true);
    rv.setBigUint64(48, BigInt(offset), true);
    const loc = new Uint8Array(20);
    const lv = new DataView(loc.buffer);
    lv.setUint32(0, 0x07064b50, true);
    lv.setBigUint64(8, BigInt(offset + cdSize), true);
    lv.setUint32(16, 1, true);
    tail.push(rec, loc);
  }
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, zip64 ? 0xffff : entries.length, true);
  ev.setUint16(10, zip64 ? 0xffff : entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  tail.push(eocd);
  const all = [...chunks, ...central, ...tail];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A sheet for SheetJS's writer: rows of values or SheetJS cell objects ({ t: 'n', v: 45000, z: 'm/d/yyyy' }). */
export interface LegacySheetSpec {
  name: string;
  rows: unknown[][];
  merges?: string[];
  hidden?: boolean;
}

/** A workbook written by SheetJS (@e965/xlsx) in a format our own writer has not: .xls (BIFF8, BIFF5, BIFF2), .xlsb, .ods. */
export function legacyWorkbook(bookType: 'biff8' | 'biff5' | 'biff2' | 'xlsb' | 'ods', sheets: LegacySheetSpec[], options: { date1904?: boolean } = {}): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet(s.rows);
    if (s.merges) ws['!merges'] = s.merges.map((m) => XLSX.utils.decode_range(m));
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  wb.Workbook = { Sheets: sheets.map((s) => ({ Hidden: s.hidden ? 1 : 0 })), WBProps: { date1904: options.date1904 === true } };
  return new Uint8Array(XLSX.write(wb, { bookType, type: 'array' }) as ArrayBuffer);
}

/**
 * An encrypted .xls: a BIFF8 workbook whose Workbook stream has a FILEPASS
 * record (RC4) after its BOF, as Excel writes one protected with a password.
 */
export function encryptedXls(): Uint8Array {
  const container = XLSX.CFB.read(legacyWorkbook('biff8', [{ name: 'S', rows: [['secret']] }]), { type: 'array' }) as unknown;
  const entry = XLSX.CFB.find(container, 'Workbook') as { content: Uint8Array; size: number };
  const stream = Uint8Array.from(entry.content);
  const bofEnd = 4 + (stream[2]! | (stream[3]! << 8));
  const filePass = new Uint8Array(4 + 54);
  filePass.set([0x2f, 0x00, 54, 0x00, 0x01, 0x00, 0x01, 0x00, 0x01, 0x00]);
  const out = new Uint8Array(stream.length + filePass.length);
  out.set(stream.subarray(0, bofEnd));
  out.set(filePass, bofEnd);
  out.set(stream.subarray(bofEnd), bofEnd + filePass.length);
  entry.content = out;
  entry.size = out.length;
  return new Uint8Array(XLSX.CFB.write(container, { type: 'array' }) as ArrayBuffer);
}

/**
 * A BIFF5 or BIFF8 .xls with one more record in its first worksheet, right
 * after the worksheet's BOF: how a test makes a record that is damaged in
 * itself, within a stream whose records still tile.
 */
export function xlsWithSheetRecord(bookType: 'biff5' | 'biff8', type: number, data: number[]): Uint8Array {
  const container = XLSX.CFB.read(legacyWorkbook(bookType, [{ name: 'S', rows: [['a', 1]] }]), { type: 'array' }) as unknown;
  const entry = (XLSX.CFB.find(container, 'Workbook') ?? XLSX.CFB.find(container, 'Book')) as { content: Uint8Array; size: number };
  const stream = Uint8Array.from(entry.content);
  // The second BOF (0x0809) is the worksheet's.
  let p = 0;
  let bofs = 0;
  while (p + 4 <= stream.length) {
    const t = stream[p]! | (stream[p + 1]! << 8);
    const len = stream[p + 2]! | (stream[p + 3]! << 8);
    p += 4 + len;
    if (t === 0x0809 && ++bofs === 2) break;
  }
  const record = [type & 0xff, type >> 8, data.length & 0xff, data.length >> 8, ...data];
  const out = new Uint8Array([...stream.subarray(0, p), ...record, ...stream.subarray(p)]);
  entry.content = out;
  entry.size = out.length;
  return new Uint8Array(XLSX.CFB.write(container, { type: 'array' }) as ArrayBuffer);
}

export const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A Word document (.docx) whose body is the given WordprocessingML (w: prefix), zipped with the helper above. */
export function docx(body: string, mainContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'): Uint8Array {
  return zip({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${mainContentType}"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${NS_W}"><w:body>${body}<w:sectPr/></w:body></w:document>`,
  });
}

/** A Word table: rows of cells, each cell's inner WordprocessingML or plain text (one paragraph). */
export function wordTable(rows: string[][]): string {
  const cell = (c: string) => (c.startsWith('<') ? `<w:tc>${c}</w:tc>` : `<w:tc><w:p><w:r><w:t xml:space="preserve">${esc(c)}</w:t></w:r></w:p></w:tc>`);
  return `<w:tbl><w:tblPr/><w:tblGrid/>${rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
}
