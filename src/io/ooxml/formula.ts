import { columnIndex, columnLetter } from '../../core/workbook';

/**
 * The formula of a cell that shares its master's formula (`<f t="shared" si="0"/>`):
 * relative A1 references move by the distance from the master, absolute
 * ($A$1) ones stay. Text in quotes is left alone.
 */
const TOKEN = /("(?:[^"]|"")*"|'(?:[^']|'')*')|(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_(!])/g;

export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return formula.replace(TOKEN, (match, quoted: string | undefined, colAbs: string, col: string, rowAbs: string, row: string) => {
    if (quoted !== undefined) return match;
    let c = columnIndex(col);
    let r = Number(row) - 1;
    if (c < 0) return match;
    if (!colAbs) c += dCol;
    if (!rowAbs) r += dRow;
    if (c < 0 || r < 0 || c >= 16_384 || r >= 1_048_576) return '#REF!';
    return `${colAbs}${columnLetter(c)}${rowAbs}${r + 1}`;
  });
}
