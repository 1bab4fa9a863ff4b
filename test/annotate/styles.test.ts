import { Workbook as XlsxWorkbook } from 'exceljs';
import { fitRowHeights, linesIn } from '../../src/annotate/styles';

test('linesIn wraps at spaces, counts paragraphs, and breaks a word longer than a line', () => {
  expect(linesIn('', 10)).toBe(1);
  expect(linesIn('short', 10)).toBe(1);
  // 12 characters a line at width 10.
  expect(linesIn('aaaa bbbb cccc dddd', 10)).toBe(2);
  expect(linesIn('one\ntwo\nthree', 40)).toBe(3);
  expect(linesIn('x'.repeat(30), 10)).toBe(3);
});

test('fitRowHeights grows rows for wrapped text only, a merged cell counting every column it spans', () => {
  const ws = new XlsxWorkbook().addWorksheet('S');
  ws.getColumn(1).width = 10;
  ws.getColumn(2).width = 10;
  const long = 'word '.repeat(20).trim();
  ws.getCell('A1').value = long;
  ws.getCell('A1').alignment = { wrapText: true };
  ws.getCell('A2').value = long; // not wrapped: runs on
  ws.getCell('A3').value = long;
  ws.getCell('A3').alignment = { wrapText: true };
  ws.mergeCells('A3:B3');
  ws.getCell('A4').value = new Date(Date.UTC(2023, 0, 1));
  ws.getCell('A4').alignment = { wrapText: true };
  fitRowHeights(ws);
  expect(ws.getRow(1).height).toBe(linesIn(long, 10) * 15);
  expect(ws.getRow(1).height).toBeGreaterThan(15);
  expect(ws.getRow(2).height).toBeUndefined();
  expect(ws.getRow(3).height).toBe(linesIn(long, 20) * 15);
  expect(ws.getRow(3).height).toBeLessThan(ws.getRow(1).height);
  expect(ws.getRow(4).height).toBeUndefined();
});
