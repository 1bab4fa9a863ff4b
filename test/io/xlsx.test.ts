import { cellAt, EMPTY_CELL, type Cell, type Workbook } from '../../src/core/workbook';
import { ReadError, readErrors } from '../../src/io/errors';
import { readWorkbookBytes } from '../../src/io/readWorkbook';
import { exceljsWorkbook, xlsx, zip } from './fixtures';
import { check } from '../../src/core/check';

function values(wb: Workbook, sheet = 0): (string | number | boolean | null)[][] {
  return (wb.sheets[sheet]?.rows ?? []).map((row) => row.map((c) => c.value));
}

async function read(bytes: Uint8Array, name = 'book.xlsx'): Promise<Workbook> {
  return readWorkbookBytes(bytes, name);
}

describe('xlsx: sheets and workbook properties', () => {
  test('sheet names, order and hidden/veryHidden state', async () => {
    const wb = await read(
      xlsx({
        sheets: [
          { name: 'Instructions', data: '<row r="1"><c r="A1" t="inlineStr"><is><t>Read me</t></is></c></row>' },
          { name: 'Lists', data: '', state: 'hidden' },
          { name: 'Secret', data: '', state: 'veryHidden' },
          { name: 'Events & more', data: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        ],
      }),
    );
    expect(wb.source).toBe('xlsx');
    expect(wb.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ['Instructions', false],
      ['Lists', true],
      ['Secret', true],
      ['Events & more', false],
    ]);
  });

  test.each([
    ['1', true],
    ['true', true],
    ['0', false],
    ['false', false],
  ])('date1904="%s" → %s', async (attr, expected) => {
    const wb = await read(xlsx({ sheets: [{ name: 'S', data: '' }], date1904: attr }));
    expect(wb.date1904).toBe(expected);
  });

  test('no workbookPr means the 1900 date system', async () => {
    expect((await read(xlsx({ sheets: [{ name: 'S', data: '' }] }))).date1904).toBe(false);
  });
});

describe('xlsx: cell types', () => {
  const styles = { xfs: [0, 14, 164, 165, 2, 49], numFmts: { 164: 'dd/mm/yyyy hh:mm', 165: '[h]:mm:ss' } };

  test('numbers with a date format become date cells holding the serial, and keep their format', async () => {
    const wb = await read(
      xlsx({
        styles,
        sheets: [
          {
            name: 'S',
            data:
              '<row r="1"><c r="A1" s="1"><v>44986</v></c><c r="B1" s="2"><v>44986.5</v></c><c r="C1" s="3"><v>1.25</v></c><c r="D1" s="4"><v>3.5</v></c><c r="E1"><v>7</v></c></row>',
          },
        ],
      }),
    );
    const row = wb.sheets[0]?.rows[0] as Cell[];
    expect(row[0]).toEqual({ kind: 'date', value: 44986, format: 'm/d/yyyy' });
    expect(row[1]).toEqual({ kind: 'date', value: 44986.5, format: 'dd/mm/yyyy hh:mm' });
    // An elapsed-time format is a duration, not a date.
    expect(row[2]).toEqual({ kind: 'number', value: 1.25, format: '[h]:mm:ss' });
    expect(row[3]).toEqual({ kind: 'number', value: 3.5, format: '0.00' });
    expect(row[4]?.kind).toBe('number');
  });

  test('a 1904 workbook keeps its own serial numbers (the engine shifts them)', async () => {
    const wb = await read(xlsx({ date1904: '1', styles, sheets: [{ name: 'S', data: '<row r="1"><c r="A1" s="1"><v>43524</v></c></row>' }] }));
    expect(wb.date1904).toBe(true);
    expect(cellAt(wb.sheets[0]!, 0, 0)).toMatchObject({ kind: 'date', value: 43524 });
  });

  test('t="d" ISO dates become serials in the workbook date system', async () => {
    const data = '<row r="1"><c r="A1" t="d"><v>2023-03-04</v></c><c r="B1" t="d"><v>2023-03-04T12:00:00Z</v></c><c r="C1" t="d"><v>not a date</v></c></row>';
    const wb1900 = await read(xlsx({ sheets: [{ name: 'S', data }] }));
    expect(values(wb1900)).toEqual([[44989, 44989.5, 'not a date']]);
    expect(wb1900.sheets[0]?.rows[0]?.map((c) => c.kind)).toEqual(['date', 'date', 'text']);
    const wb1904 = await read(xlsx({ date1904: '1', sheets: [{ name: 'S', data }] }));
    expect(values(wb1904)[0]?.[0]).toBe(44989 - 1462);
  });

  test('shared, inline, rich, escaped, empty and str strings; booleans; errors', async () => {
    const sst =
      '<si><t>plain</t></si>' +
      '<si><r><rPr><b/></rPr><t>Rich </t></r><r><t xml:space="preserve">text </t></r><r><t>runs</t></r></si>' +
      '<si/>' +
      '<si><t>line_x000D_break and _x005F_x000D_ kept</t></si>' +
      '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si>' +
      '<si><t>  padded  </t></si>';
    const data =
      '<row r="1">' +
      '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c>' +
      '</row><row r="2">' +
      '<c r="A2" t="inlineStr"><is><t>inline</t></is></c>' +
      '<c r="B2" t="inlineStr"><is><r><t>in</t></r><r><t>line rich</t></r></is></c>' +
      '<c r="C2" t="str"><f>A1&amp;"!"</f><v>plain!</v></c>' +
      '<c r="D2" t="b"><v>1</v></c><c r="E2" t="b"><v>0</v></c>' +
      '<c r="F2" t="e"><v>#N/A</v></c>' +
      '<c r="G2" t="inlineStr"><is><t><![CDATA[a <b> c]]></t></is></c>' +
      '</row>';
    const wb = await read(xlsx({ sharedStrings: sst, sheets: [{ name: 'S', data }] }));
    const rows = wb.sheets[0]!.rows;
    expect(rows[0]?.map((c) => c.value)).toEqual(['plain', 'Rich text runs', null, 'line\rbreak and _x000D_ kept', '漢字', '  padded  ']);
    expect(rows[0]?.[2]).toBe(EMPTY_CELL);
    expect(rows[1]?.map((c) => [c.kind, c.value])).toEqual([
      ['text', 'inline'],
      ['text', 'inline rich'],
      ['text', 'plain!'],
      ['boolean', true],
      ['boolean', false],
      ['error', '#N/A'],
      ['text', 'a <b> c'],
    ]);
    expect(rows[1]?.[2]?.formula).toBe('A1&"!"');
  });

  test('formula cells keep the formula text and the cached value; shared formulas are moved', async () => {
    const data =
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><f>SUM(A1:B1)</f><v>3</v></c></row>' +
      '<row r="2"><c r="A2"><f t="shared" ref="A2:C2" si="0">A1*$B$1</f><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c><c r="C2"><f t="shared" si="0"/><v>6</v></c></row>' +
      '<row r="3"><c r="A3"><f>IF(A1&gt;0,"","x")</f><v></v></c></row>';
    const wb = await read(xlsx({ sheets: [{ name: 'S', data }] }));
    const rows = wb.sheets[0]!.rows;
    expect(rows[0]?.[2]).toEqual({ kind: 'number', value: 3, format: undefined, formula: 'SUM(A1:B1)' });
    expect(rows[1]?.map((c) => c.formula)).toEqual(['A1*$B$1', 'B1*$B$1', 'C1*$B$1']);
    // A formula whose cached result is empty is an empty cell, as Office.js reports it.
    expect(rows.length).toBe(2);
  });

  test('cells without r, rows without r, and gaps', async () => {
    const data = '<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row r="4"><c r="B4"><v>7</v></c></row><row><c><v>8</v></c></row>';
    const wb = await read(xlsx({ sheets: [{ name: 'S', data }] }));
    expect(values(wb)).toEqual([[1, 2, null, null, 5, 6], [], [], [null, 7], [8]]);
  });

  test("rows grouped under others keep their outline level (Excel's row groups, a Smartsheet hierarchy); levels outside 1 to 7 are none", async () => {
    const data = '<row r="1"><c><v>1</v></c></row><row r="2" outlineLevel="1"><c><v>2</v></c></row><row r="3" outlineLevel="2"><c><v>3</v></c></row><row r="4" outlineLevel="0"><c><v>4</v></c></row><row r="5" outlineLevel="9"><c><v>5</v></c></row><row r="6" outlineLevel="x"><c><v>6</v></c></row>';
    const wb = await read(xlsx({ sheets: [{ name: 'S', data }] }));
    expect(wb.sheets[0]!.outline).toEqual([[1, 1], [2, 2]]);
    expect((await read(xlsx({ sheets: [{ name: 'S', data: '<row r="1"><c><v>1</v></c></row>' }] }))).sheets[0]!.outline).toBeUndefined();
  });

  test('empty styled cells cost nothing: rows end at their last value and trailing rows are dropped', async () => {
    let data = '<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="1"/><c r="C1" s="1"></c></row>';
    for (let r = 2; r <= 2000; r++) data += `<row r="${r}"><c r="A${r}" s="1"/><c r="XFD${r}" s="1"/></row>`;
    const wb = await read(xlsx({ styles: { xfs: [0, 0] }, sheets: [{ name: 'S', data }] }));
    expect(values(wb)).toEqual([[1]]);
  });

  test('merges are kept as areas, never expanded, and clipped to the cells the sheet uses', async () => {
    const after = '<mergeCells count="4"><mergeCell ref="A1:C1"/><mergeCell ref="B3:B5"/><mergeCell ref="A1:XFD1048576"/><mergeCell ref="E9:F10"/></mergeCells>';
    const data = '<row r="1"><c r="A1" t="inlineStr"><is><t>Title</t></is></c></row><row r="4"><c r="C4"><v>1</v></c></row>';
    const wb = await read(xlsx({ sheets: [{ name: 'S', data, after }] }));
    const sheet = wb.sheets[0]!;
    expect(sheet.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 2, left: 1, bottom: 3, right: 1 },
      // The whole sheet is only A1:C4; E9:F10 lies outside what the sheet uses.
      { top: 0, left: 0, bottom: 3, right: 2 },
    ]);
    expect(sheet.rows).toHaveLength(4);
  });

  test('data validations, conditional formats and drawings are ignored', async () => {
    const after =
      '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" priority="1"><formula>A1&gt;0</formula></cfRule></conditionalFormatting>' +
      '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>' +
      '<drawing r:id="rId9"/>' +
      '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation><x14:formula1><xm:f>Lists!$A$1:$A$5</xm:f></x14:formula1><xm:sqref>A1:A100</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>';
    const wb = await read(xlsx({ sheets: [{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></c></row>', after }] }));
    expect(values(wb)).toEqual([[1]]);
  });
});

describe('xlsx: repeated values', () => {
  test('identical cells (same shared string or number, same style) are one frozen object', async () => {
    const data =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>25</v></c><c r="C1" s="1"><v>44986</v></c></row>' +
      '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>25</v></c><c r="C2" s="1"><v>44986</v></c></row>' +
      '<row r="3"><c r="A3" t="s" s="1"><v>0</v></c><c r="B3" s="1"><v>25</v></c><c r="C3"><v>44986</v></c></row>';
    const wb = await read(xlsx({ sharedStrings: ['Detroit'], styles: { xfs: [0, 14] }, sheets: [{ name: 'S', data }] }));
    const [r1, r2, r3] = wb.sheets[0]!.rows as Cell[][];
    for (let c = 0; c < 3; c++) {
      expect(r2?.[c]).toBe(r1?.[c]);
      expect(Object.isFrozen(r1?.[c])).toBe(true);
    }
    // Another style is another cell, with its own format and kind.
    expect(r3?.[0]).toEqual({ kind: 'text', value: 'Detroit', format: 'm/d/yyyy' });
    expect(r3?.[1]).toEqual({ kind: 'date', value: 25, format: 'm/d/yyyy' });
    expect(r3?.[2]).toEqual({ kind: 'number', value: 44986, format: 'General' });
  });
});

describe('xlsx: package variants', () => {
  const data = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>45000</v></c></row>';
  const base = { sharedStrings: ['Title'], styles: { xfs: [0, 14] }, sheets: [{ name: 'Events', data }] };
  const expected = [['Title', 45000]];

  test('namespace prefixes on every element (x:worksheet, x:row, x:c)', async () => {
    const wb = await read(xlsx({ ...base, prefix: 'x', sheets: [{ name: 'Events', data: data.replace(/<(\/?)(row|c|v)\b/g, '<$1x:$2') }] }));
    expect(values(wb)).toEqual(expected);
    expect(wb.sheets[0]?.rows[0]?.[1]?.kind).toBe('date');
  });

  test('strict OOXML namespaces', async () => {
    const wb = await read(xlsx({ ...base, strict: true }));
    expect(values(wb)).toEqual(expected);
    expect(wb.sheets[0]?.rows[0]?.[1]?.kind).toBe('date');
  });

  test('parts at the zip root (no xl/ folder)', async () => {
    expect(values(await read(xlsx({ ...base, root: true })))).toEqual(expected);
  });

  test('stored (uncompressed) entries', async () => {
    expect(values(await read(xlsx({ ...base, level: 0 })))).toEqual(expected);
  });

  test('no [Content_Types].xml and no package relationships: found by part name', async () => {
    expect(values(await read(xlsx({ ...base, omit: ['contentTypes', 'rootRels'] })))).toEqual(expected);
  });

  test('no workbook relationships: sheets found by their usual part names', async () => {
    const wb = await read(xlsx({ ...base, sharedStrings: undefined, styles: undefined, omit: ['workbookRels'], sheets: [{ name: 'Events', data: '<row r="1"><c r="A1"><v>5</v></c></row>' }] }));
    expect(values(wb)).toEqual([[5]]);
  });

  test('backslash part names and names in another case', async () => {
    const bytes = xlsx(base);
    const { unzipSync } = await import('fflate');
    const parts = unzipSync(bytes);
    const renamed: Record<string, Uint8Array> = {};
    for (const [name, content] of Object.entries(parts)) renamed[name.replace(/\//g, '\\').replace('sharedStrings', 'SHAREDSTRINGS')] = content;
    expect(values(await read(zip(renamed)))).toEqual(expected);
  });

  test('an .xlsm with a VBA project reads like an .xlsx', async () => {
    const { unzipSync } = await import('fflate');
    const parts = unzipSync(xlsx(base));
    parts['xl/vbaProject.bin'] = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]);
    const ct = new TextDecoder().decode(parts['[Content_Types].xml']).replace('spreadsheetml.sheet.main+xml', 'sheet.macroEnabled.main+xml').replace('openxmlformats-officedocument.sheet.macroEnabled', 'ms-excel.sheet.macroEnabled');
    parts['[Content_Types].xml'] = new TextEncoder().encode(ct);
    expect(values(await read(zip(parts), 'macro.xlsm'))).toEqual(expected);
  });

  test('UTF-16 XML parts', async () => {
    const { unzipSync } = await import('fflate');
    const parts = unzipSync(xlsx(base));
    const utf16 = (u8: Uint8Array) => {
      const s = new TextDecoder().decode(u8).replace('encoding="UTF-8"', 'encoding="UTF-16"');
      const out = new Uint8Array(2 + s.length * 2);
      out[0] = 0xff;
      out[1] = 0xfe;
      for (let i = 0; i < s.length; i++) {
        out[2 + i * 2] = s.charCodeAt(i) & 0xff;
        out[3 + i * 2] = s.charCodeAt(i) >> 8;
      }
      return out;
    };
    for (const name of Object.keys(parts)) if (name.endsWith('.xml')) parts[name] = utf16(parts[name] as Uint8Array);
    expect(values(await read(zip(parts)))).toEqual(expected);
  });

  test('a worksheet listed in the workbook but missing from the zip is damage', async () => {
    const { unzipSync } = await import('fflate');
    const parts = unzipSync(xlsx(base));
    delete parts['xl/worksheets/sheet1.xml'];
    await expect(read(zip(parts))).rejects.toMatchObject({ code: 'corrupt' });
  });

  test('malformed worksheet XML is damage, with the part named and no parser jargon', async () => {
    const err = await read(xlsx({ sheets: [{ name: 'S', data: '<row r="1"><c r="A1"><v>1</v></row>' }] })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReadError);
    expect((err as ReadError).code).toBe('corrupt');
    expect((err as ReadError).message).toMatch(/^The file is damaged \(xl\/worksheets\/sheet1\.xml is not valid XML\); open it in Excel/);
  });

  test('a part whose name holds a newline or a NUL is named on one printable line', () => {
    // Part names come from the zip's own entries (the fuzz test met "\nl/workbook.xml").
    const err = readErrors.damaged('x\nl/work\u0000book.xml is not valid XML');
    expect([...err.message].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
    expect(err.message).toContain('(x l/work?book.xml is not valid XML)');
  });
});

describe('xlsx written by exceljs', () => {
  test('an ordinary events sheet: header, real dates, numbers, merges, hidden sheet, formulas', async () => {
    const bytes = await exceljsWorkbook((wb) => {
      const ws = wb.addWorksheet('Events');
      ws.addRow(['Title', 'Date', 'Attendees']);
      ws.addRow(['Story time', new Date(Date.UTC(2023, 2, 4)), 25]);
      ws.addRow(['Parent café', new Date(Date.UTC(2023, 5, 1, 12)), '~30']);
      ws.getCell('B2').numFmt = 'm/d/yyyy';
      ws.getCell('B3').numFmt = 'mm/dd/yyyy hh:mm';
      ws.getCell('C4').value = { formula: 'SUM(C2:C3)', result: 25 };
      ws.mergeCells('A6:C6');
      ws.getCell('A6').value = 'Notes: merged';
      const hidden = wb.addWorksheet('Lists');
      hidden.state = 'hidden';
      hidden.addRow(['Level 1']);
    });
    const wb = await read(bytes);
    expect(wb.sheets.map((s) => s.name)).toEqual(['Events', 'Lists']);
    expect(wb.sheets[1]?.hidden).toBe(true);
    const ev = wb.sheets[0]!;
    expect(cellAt(ev, 0, 0)).toMatchObject({ kind: 'text', value: 'Title' });
    expect(cellAt(ev, 1, 1)).toMatchObject({ kind: 'date', value: 44989, format: 'm/d/yyyy' });
    expect(cellAt(ev, 2, 1)).toMatchObject({ kind: 'date', value: 45078.5 });
    expect(cellAt(ev, 1, 2)).toMatchObject({ kind: 'number', value: 25 });
    expect(cellAt(ev, 2, 2)).toMatchObject({ kind: 'text', value: '~30' });
    expect(cellAt(ev, 3, 2)).toMatchObject({ kind: 'number', value: 25, formula: 'SUM(C2:C3)' });
    expect(ev.merges).toEqual([{ top: 5, left: 0, bottom: 5, right: 2 }]);
    expect(cellAt(ev, 5, 0).value).toBe('Notes: merged');
  });

  test('a hidden column is read, and says it was hidden; between a hidden and a shown count the shown one is the attendees', async () => {
    const bytes = await exceljsWorkbook((wb) => {
      const ws = wb.addWorksheet('Log');
      ws.addRow(['Event', 'Date', 'Audience', 'Level', 'Count', 'Count']);
      for (let i = 0; i < 5; i++) ws.addRow([`Cafe ${i}`, `3/${i + 1}/2023`, 'Parents', 'Level 1', 20 + i, 10 + i]);
      ws.getColumn(5).hidden = true;
    });
    const wb = await read(bytes);
    expect(wb.sheets[0]!.widths).toEqual(expect.arrayContaining([expect.objectContaining({ from: 4, to: 4, hidden: true })]));
    const r = check(wb);
    expect(r.columns.filter((c) => c.field === 'attendees').map((c) => c.column)).toEqual(['F']);
    expect(r.records[0]!.values.attendees).toBe(10);
  });

  test('a 1904 workbook from exceljs', async () => {
    const bytes = await exceljsWorkbook((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('S');
      ws.addRow([new Date(Date.UTC(2023, 2, 4))]);
      ws.getCell('A1').numFmt = 'yyyy-mm-dd';
    });
    const wb = await read(bytes);
    expect(wb.date1904).toBe(true);
    expect(cellAt(wb.sheets[0]!, 0, 0)).toMatchObject({ kind: 'date', value: 44989 - 1462 });
  });
});
