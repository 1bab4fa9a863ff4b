import { check } from '../../src/core/check';
import { annotatedWorkbook } from '../../src/annotate/index';
import { eventsWorkbook } from '../taskpane/fakes';

test('building the annotated workbook says each step: the partner\'s sheet, our five sheets, then packing', () => {
  const workbook = eventsWorkbook();
  const report = check(workbook);
  const seen: [number, number, string][] = [];
  annotatedWorkbook({ workbook, report, onProgress: (done, of, next) => seen.push([done, of, next]) });
  expect(seen).toEqual([
    [0, 7, 'your sheet “Events”'],
    [1, 7, 'Clean records'],
    [2, 7, 'Issues'],
    [3, 7, 'Mapping'],
    [4, 7, 'Summary'],
    [5, 7, 'Lists'],
    [6, 7, 'packing the file'],
  ]);
});
