import { HSH_2023 } from '../../../src/core/collection/hsh2023';
import { normaliseAudience } from '../../../src/core/normalise/audience';
import { brief, cell } from './helpers';

const AUDIENCE_OPTIONS = HSH_2023.enumerations.audience;
const AUDIENCE_UNCLEAR = HSH_2023.vocabulary.unclear.audience;

const read = (v: string | number | boolean | null) => brief(normaliseAudience(cell(v), AUDIENCE_OPTIONS, AUDIENCE_UNCLEAR));

describe('normaliseAudience', () => {
  test.each([
    // one audience, many spellings
    ['Parents', ['parent_family']],
    ['parent', ['parent_family']],
    ['Parent/family', ['parent_family']],
    ['PARENTS/FAMILIES', ['parent_family']],
    ['Families', ['parent_family']],
    ['Parents/guardians', ['parent_family']],
    ['Foster parents', ['parent_family']],
    ['Grandparents raising grandchildren', ['parent_family']],
    ['Dads', ['parent_family']],
    ['Expectant parents', ['parent_family']],
    ['Head Start families', ['parent_family']],
    ['Parent and child', ['parent_family_child']],
    ['Parent & child', ['parent_family_child']],
    ['Parent/child', ['parent_family_child']],
    ['Parent-child', ['parent_family_child']],
    ['parents with children', ['parent_family_child']],
    ['Families with children', ['parent_family_child']],
    ['Children and parents', ['parent_family_child']],
    ['Families with young children (0-5)', ['parent_family_child']],
    ['Moms and babies', ['parent_family_child']],
    ['Caregivers', ['caregiver']],
    ['FFN', ['caregiver']],
    ['FFN caregivers', ['caregiver']],
    ['Family, Friend & Neighbor caregivers', ['caregiver']],
    ['Family, friends and neighbors', ['caregiver']],
    ['License-exempt caregivers', ['caregiver']],
    ['license exempt providers', ['caregiver']],
    ['Unlicensed providers', ['caregiver']],
    ['Kith and kin', ['caregiver']],
    ['Relative care providers', ['caregiver']],
    ['Teachers', ['teacher_educator']],
    ['Educators', ['teacher_educator']],
    ['ECE staff', ['teacher_educator']],
    ['Classroom staff', ['teacher_educator']],
    ['Childcare teachers', ['teacher_educator']],
    ['Lead teacher', ['teacher_educator']],
    ['Assistant teachers', ['teacher_educator']],
    ["Providers' staff", ['teacher_educator']],
    ['Providers - teachers', ['teacher_educator']],
    ['GSRP teachers', ['teacher_educator']],
    ['Teacher/educator', ['teacher_educator']],
    ['Directors', ['director_owner']],
    ['Center directors', ['director_owner']],
    ['Owners', ['director_owner']],
    ['Home provider owners', ['director_owner']],
    ['Family child care owners', ['director_owner']],
    ['Administrators', ['director_owner']],
    ['Director/owner', ['director_owner']],
    ['PROVIDERS - OWNERS', ['director_owner']],
    ['Techers', ['teacher_educator']],
    // several audiences
    ['Parents & caregivers', ['parent_family', 'caregiver']],
    // Word order across "&" is kept: two audiences, not "family caregivers".
    ['Caregiver & Families', ['caregiver', 'parent_family']],
    ['Center owners AND Families', ['director_owner', 'parent_family']],
    ['Unlicensed care providers', ['caregiver']],
    ['Site directors & Parent and child', ['director_owner', 'parent_family_child']],
    ['Parents and caregivers', ['parent_family', 'caregiver']],
    ['Parents/caregivers', ['parent_family', 'caregiver']],
    ['Parents + caregivers', ['parent_family', 'caregiver']],
    ['Teachers & directors', ['teacher_educator', 'director_owner']],
    ['Teachers, directors', ['teacher_educator', 'director_owner']],
    ['Teachers; Directors; Owners', ['teacher_educator', 'director_owner']],
    ['Caregivers\nParent & child', ['caregiver', 'parent_family_child']],
    ['Caregivers\r\nFamilies with children', ['caregiver', 'parent_family_child']],
    ['Parent and child; FFN caregivers', ['parent_family_child', 'caregiver']],
    ['Educators; Owners; License-exempt caregivers', ['teacher_educator', 'director_owner', 'caregiver']],
    ['Providers - teachers; Owners', ['teacher_educator', 'director_owner']],
    ['Parents, parents, Families', ['parent_family']],
    // Two letters swapped is one typing mistake.
    ['Parnets', ['parent_family']],
    ['Caregviers', ['caregiver']],
    ['Educators; Directors', ['teacher_educator', 'director_owner']],
    ['Parents, ', ['parent_family']],
    ['• Parents\n• Teachers', ['parent_family', 'teacher_educator']],
  ])('%j → %j', (input, ids) => expect(read(input)).toEqual(ids));

  test.each([
    ['Providers', 'unclear'],
    ['Childcare providers', 'unclear'],
    ['Child care providers', 'unclear'],
    ['All', 'unclear'],
    ['Everyone', 'unclear'],
    ['Community', 'unclear'],
    ['General public', 'unclear'],
    ['Open to the public', 'unclear'],
    ['Grandparents', 'unclear'],
    ['Staff', 'unclear'],
    ['Providers, All', 'unclear'],
    ['Volunteers', 'unknown'],
    ['Seniors', 'unknown'],
    ['Faith leaders', 'unknown'],
    ['Volunteers, Seniors', 'unknown'],
    ['Boys & Girls Club', 'unknown'],
    ['Volunteers, Providers', 'unclear'],
    [42, 'unknown'],
    [true, 'unknown'],
  ])('%j is invalid_audience (%s)', (input, reason) => expect(read(input)).toBe(`!invalid_audience/${reason}`));

  test('an unclear audience names the part and the choices', () => {
    expect(normaliseAudience(cell('Staff; Providers'), AUDIENCE_OPTIONS, AUDIENCE_UNCLEAR)).toMatchInlineSnapshot(`
{
  "kind": "invalid",
  "problem": {
    "code": "invalid_audience",
    "params": {
      "choices": "Parent/family, Parent/family and child, Caregivers, Teachers/educator or Director/owner",
      "part": "Staff",
    },
    "reason": "unclear",
  },
}
`);
  });

  test('a cell that names some audiences keeps them and warns about the rest', () => {
    expect(normaliseAudience(cell('Parents, Grandparents club, Teachers'), AUDIENCE_OPTIONS, AUDIENCE_UNCLEAR)).toMatchInlineSnapshot(`
{
  "kind": "ok",
  "value": [
    "parent_family",
    "teacher_educator",
  ],
  "warning": {
    "code": "unknown_audience",
    "params": {
      "choices": "Parent/family, Parent/family and child, Caregivers, Teachers/educator or Director/owner",
      "kept": "Parent/family, Teachers/educator",
      "unknown": "Grandparents club",
    },
    "reason": "partly_unknown",
  },
}
`);
  });

  test.each([
    ['Parents, Volunteers', ['parent_family'], 'Volunteers'],
    ['Teachers & volunteers', ['teacher_educator'], 'volunteers'],
    ['Volunteers; Caregivers; Seniors', ['caregiver'], 'Volunteers, Seniors'],
    ['Parents;#Clergy;#Teachers', ['parent_family', 'teacher_educator'], 'Clergy'],
    ['12;#Parents;#15;#Faith leaders', ['parent_family'], 'Faith leaders'],
    ['Parents > Volunteers', ['parent_family'], 'Volunteers'],
    // Words that name no single audience beside ones that do: the named ones kept, the others told about, never guessed.
    ['Parents, Providers', ['parent_family'], 'Providers'],
    ['Parents, Volunteers, Providers', ['parent_family'], 'Volunteers, Providers'],
    ['Parents & students', ['parent_family'], 'students'],
    // An audience with words in front: read by its last words, the words before told about.
    ['Teen moms', ['parent_family'], 'Teen'],
    ['Community parents', ['parent_family'], 'Community'],
    // So is each piece of a part: "Grandparents/kin caregivers" names caregivers, and is not refused whole for its unclear "Grandparents".
    ['Grandparents/kin caregivers', ['caregiver'], 'kin, Grandparents'],
    ['Parents & teen moms', ['parent_family'], 'teen'],
  ])('%j keeps %j and warns about %j', (input, ids, unknown) => {
    const r = normaliseAudience(cell(input), AUDIENCE_OPTIONS, AUDIENCE_UNCLEAR);
    expect(r).toMatchObject({ kind: 'ok', value: ids, warning: { code: 'unknown_audience', params: { unknown } } });
  });

  test.each([
    ['Parents;#Teachers;#Directors', ['parent_family', 'teacher_educator', 'director_owner']],
    [';#Parents;#Caregivers;#', ['parent_family', 'caregiver']],
    ['1;#Parents;#2;#Teachers', ['parent_family', 'teacher_educator']],
    ['Parents > Teachers > Directors', ['parent_family', 'teacher_educator', 'director_owner']],
    ['Parents|Teachers', ['parent_family', 'teacher_educator']],
    ['Parents | Teachers', ['parent_family', 'teacher_educator']],
  ])('exported lists: %j → %j', (input, ids) => expect(read(input)).toEqual(ids));

  test.each([
    ['Parents of 4 yr olds', ['parent_family']],
    ['Caregivers of 0-5', ['caregiver']],
    ['Teachers of toddlers', ['teacher_educator']],
  ])('whose audience it is says nothing about who came: %j → %j', (input, ids) => expect(read(input)).toEqual(ids));

  test('words of the setting in front are the setting\'s to read, not a reason to guess', () => {
    expect(read('Licensed caregivers')).toMatch(/^!invalid_audience/);
  });

  test('the cached reading is not shared between callers', () => {
    const a = normaliseAudience(cell('Parents, Volunteers'), AUDIENCE_OPTIONS, AUDIENCE_UNCLEAR);
    const b = normaliseAudience(cell('Parents, Volunteers'), AUDIENCE_OPTIONS, AUDIENCE_UNCLEAR);
    expect(a.kind === 'ok' && b.kind === 'ok' && a.value !== b.value && a.warning?.code === 'unknown_audience').toBe(true);
  });

  test('a cell of more pieces than any list of audiences is refused unread', () => {
    expect(read(Array.from({ length: 40 }, () => 'Parents').join(', '))).toBe('!invalid_audience/too_many_parts');
    expect(read(`Parents, ${'x'.repeat(2000)}`)).toBe('!invalid_audience/too_long_text');
  });

  test('without an unclear list, unclear words are simply unknown', () => {
    expect(brief(normaliseAudience(cell('Providers'), AUDIENCE_OPTIONS))).toBe('!invalid_audience/unknown');
  });

  test('empty cells', () => {
    expect(read(null)).toBe('EMPTY');
    expect(read(' \n ')).toBe('EMPTY');
  });
});

describe('normaliseAudience: qualified and bracketed audiences', () => {
  test.each([
    ['Child care providers - directors', ['director_owner']],
    ['Providers: teachers', ['teacher_educator']],
    ['Providers (teachers & directors)', ['teacher_educator', 'director_owner']],
    ['ECE providers (lead teachers)', ['teacher_educator']],
    ['Caregivers (FFN)', ['caregiver']],
    ['Parents of children 0-5', ['parent_family']],
    ['Families with children ages 0 to 5', ['parent_family_child']],
    ['Teachers/staff', ['teacher_educator']],
    ['Directors/Admin', ['director_owner']],
    ['Kinship caregivers', ['parent_family']],
    ['Parents w/ children', ['parent_family_child']],
    ['Families w/young children', ['parent_family_child']],
    ['Dads and kids', ['parent_family_child']],
    ['Parents + kids', ['parent_family_child']],
    ['Moms & toddlers', ['parent_family_child']],
    ['Kids and parents', ['parent_family_child']],
    ['Parents/guardians & children', ['parent_family_child']],
    ['Expecting moms', ['parent_family']],
  ])('%j → %j', (input, ids) => expect(read(input)).toEqual(ids));

  test.each([
    ['Providers (all)', 'unclear'],
    ['Providers - volunteers', 'unknown'],
  ])('%j is invalid_audience (%s)', (input, reason) => expect(read(input)).toBe(`!invalid_audience/${reason}`));
});

test('results are cached by text, but every caller gets its own list', () => {
  const a = normaliseAudience(cell('Parents & caregivers'), AUDIENCE_OPTIONS, AUDIENCE_UNCLEAR);
  if (a.kind === 'ok') a.value.reverse();
  expect(read('Parents & caregivers')).toEqual(['parent_family', 'caregiver']);
});

describe('normaliseAudience: setting qualifiers in front of a role', () => {
  test.each([
    ['Child care center owners', ['director_owner']],
    ['Childcare center directors', ['director_owner']],
    ['Daycare owners', ['director_owner']],
    ['Licensed center owners', ['director_owner']],
    ['In-home child care owners', ['director_owner']],
    ['Early childhood program directors', ['director_owner']],
    ['Site administrators', ['director_owner']],
    ['GCC operators', ['director_owner']],
    ['Center assistant directors', ['director_owner']],
    ['Owners of child care centers', ['director_owner']],
    ['Home daycare teachers', ['teacher_educator']],
    ['Home-based educators', ['teacher_educator']],
    ['Preschool staff', ['teacher_educator']],
    ['Center aides', ['teacher_educator']],
    ['FCC assistants', ['teacher_educator']],
    ['Center lead teachers', ['teacher_educator']],
    ['Preschool teachers and directors', ['teacher_educator', 'director_owner']],
    ['Child care center owners & directors', ['director_owner']],
    ['Center providers', '!invalid_audience/unclear'],
    ['Licensed child care providers', '!invalid_audience/unclear'],
    ['Licensed caregivers', '!invalid_audience/unknown'],
    ['Program parents', '!invalid_audience/unknown'],
  ])('%j → %j', (input, expected) => {
    expect(read(input)).toEqual(expected);
  });
});

describe('normaliseAudience: Spanish', () => {
  test.each([
    ['Padres', ['parent_family']],
    ['Padres de familia', ['parent_family']],
    ['Padres o tutores', ['parent_family']],
    ['Familias', ['parent_family']],
    ['Padres e hijos', ['parent_family_child']],
    ['Padres y niños', ['parent_family_child']],
    ['Familias con niños', ['parent_family_child']],
    ['Mamás y bebés', ['parent_family_child']],
    ['Cuidadores', ['caregiver']],
    ['Niñeras', ['caregiver']],
    ['Maestros', ['teacher_educator']],
    ['Educadoras', ['teacher_educator']],
    ['Directores', ['director_owner']],
    ['Dueños', ['director_owner']],
    ['Propietarios', ['director_owner']],
    ['Directores de guarderías', ['director_owner']],
    ['Dueños de centros de cuidado infantil', ['director_owner']],
    ['Padres; Cuidadores', ['parent_family', 'caregiver']],
    ['Padres y cuidadores', ['parent_family', 'caregiver']],
    ['Maestros y directores', ['teacher_educator', 'director_owner']],
    ['Maestros e directores', ['teacher_educator', 'director_owner']],
    ['Proveedores', '!invalid_audience/unclear'],
    ['Todos', '!invalid_audience/unclear'],
    ['Abuelos', '!invalid_audience/unclear'],
  ])('%j → %j', (input, expected) => {
    expect(read(input)).toEqual(expected);
  });
});
