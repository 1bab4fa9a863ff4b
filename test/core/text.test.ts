import {
  collapseSpaces, editDistance, foldCase, normaliseKey, normaliseSingularWords, normaliseWords, singularise,
  oneTypoApart, stripAccents, stripPunctuation, trimText, typoAllowance,
} from '../../src/core/text';

describe('text helpers', () => {
  test.each([
    ['  Story time  ', 'Story time'],
    ['\u00a0Story\u00a0', 'Story'],
    ['\u200bStory time\ufeff', 'Story time'],
    ['', ''],
  ])('trimText(%j) = %j', (input, want) => expect(trimText(input)).toBe(want));

  test('foldCase, stripAccents, collapseSpaces, stripPunctuation', () => {
    expect(foldCase('LeVeL')).toBe('level');
    expect(stripAccents('Niños Educación')).toBe('Ninos Educacion');
    expect(collapseSpaces('  a \t b\n\nc ')).toBe('a b c');
    expect(stripPunctuation("providers' staff/ECE-teachers")).toBe('providers staff ECE teachers');
  });

  test.each([
    ['Parent/Family & Child', ['parent', 'family', 'and', 'child']],
    ['  Touch-Point!! ', ['touch', 'point']],
    ['Educación  Temprana', ['educacion', 'temprana']],
    ['***', []],
    ['', []],
  ])('normaliseWords(%j)', (input, want) => expect(normaliseWords(input)).toEqual(want));

  test.each([
    ['families', 'family'],
    ['parents', 'parent'],
    ['children', 'child'],
    ['grandchildren', 'grandchild'],
    ['classes', 'class'],
    ['businesses', 'business'],
    ['coaches', 'coach'],
    ['class', 'class'],
    ['status', 'status'],
    ['ffn', 'ffn'],
    ['tps', 'tps'],
    ['touchpoints', 'touchpoint'],
    ['ceus', 'ceus'],
    ['l1s', 'l1s'],
  ])('singularise(%j) = %j', (input, want) => expect(singularise(input)).toBe(want));

  test('normaliseKey and normaliseSingularWords compare plurals, case and punctuation alike', () => {
    expect(normaliseKey('Parents & Caregivers!')).toBe('parent and caregiver');
    expect(normaliseKey('parent and caregiver')).toBe(normaliseKey('PARENTS AND CAREGIVERS'));
    expect(normaliseSingularWords('Home Provider Owners')).toEqual(['home', 'provider', 'owner']);
  });

  test.each([
    ['literacy', 'literacy', 0],
    ['litercy', 'literacy', 1],
    ["touchpiont", "touchpoint", 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('editDistance(%j, %j) = %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  test('editDistance gives up past max', () => {
    expect(editDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 1)).toBe(2);
  });

  test.each([
    ['attendees', 'attendess', true],
    ['address', 'adress', true],
    ['attendee', 'attednee', true],
    ['location', 'locatoin', true],
    ['location', 'lcoatoin', false],
    ['address', 'addresses', false],
    ['summary', 'summery', true],
    ['summary', 'sunmery', false],
  ])('oneTypoApart(%j, %j) = %s', (a, b, want) => {
    expect(oneTypoApart(a, b)).toBe(want);
    expect(oneTypoApart(b, a)).toBe(want);
  });

  test('typoAllowance: none for short words and numbers', () => {
    expect(typoAllowance('tp')).toBe(0);
    expect(typoAllowance('level')).toBe(1);
    expect(typoAllowance('literacy')).toBe(2);
    expect(typoAllowance('44986')).toBe(0);
  });
});
