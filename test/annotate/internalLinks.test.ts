import { Workbook as XlsxWorkbook } from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { internalLink, writeInternalLinks } from '../../src/annotate/internalLinks';

async function packed(xlsx: XlsxWorkbook): Promise<Uint8Array> {
  return new Uint8Array(await xlsx.xlsx.writeBuffer());
}

test('links to cells of the workbook become internal hyperlinks with no relationship; a link to a web page stays as it is', async () => {
  const xlsx = new XlsxWorkbook();
  xlsx.addWorksheet("Bob's! sheet").getCell('C7').value = 'here';
  const ws = xlsx.addWorksheet('Links');
  ws.getCell('A1').value = internalLink("Bob's! sheet", 'C7', 'Go to C7');
  ws.getCell('A2').value = { text: 'web', hyperlink: 'https://example.org/' };
  const before = unzipSync(await packed(xlsx));
  // What exceljs writes: both through relationships marked External.
  expect(strFromU8(before['xl/worksheets/_rels/sheet2.xml.rels']!).match(/TargetMode="External"/g)).toHaveLength(2);

  const after = unzipSync(writeInternalLinks(await packed(xlsx)));
  const sheet = strFromU8(after['xl/worksheets/sheet2.xml']!);
  const rels = strFromU8(after['xl/worksheets/_rels/sheet2.xml.rels']!);
  expect(sheet).toContain(`<hyperlink ref="A1" location="'Bob''s! sheet'!C7" tooltip="Bob's! sheet!C7"/>`);
  expect(sheet).toMatch(/<hyperlink ref="A2" r:id="(rId\d+)"/);
  const id = /<hyperlink ref="A2" r:id="(rId\d+)"/.exec(sheet)![1];
  expect(rels.match(/<Relationship /g)).toHaveLength(1);
  expect(rels).toContain(`Id="${id}"`);
  expect(rels).toContain('Target="https://example.org/"');
  // The cell still shows its text, and the file opens again.
  const back = new XlsxWorkbook();
  await back.xlsx.load(Buffer.from(writeInternalLinks(await packed(xlsx))) as unknown as ArrayBuffer);
  expect(back.getWorksheet('Links')!.getCell('A1').value).toBe('Go to C7');
});

test('a file stored uncompressed comes back deflated, its other parts unchanged', async () => {
  const xlsx = new XlsxWorkbook();
  xlsx.addWorksheet('S').getCell('A1').value = 'x'.repeat(5000);
  const stored = new Uint8Array(await xlsx.xlsx.writeBuffer({ zip: { compression: 'STORE' } }));
  const packed = writeInternalLinks(stored);
  expect(packed.length).toBeLessThan(stored.length / 2);
  const [a, b] = [unzipSync(stored), unzipSync(packed)];
  expect(Object.keys(b)).toEqual(Object.keys(a));
  for (const k of Object.keys(a)) expect(strFromU8(b[k]!)).toBe(strFromU8(a[k]!));
});
