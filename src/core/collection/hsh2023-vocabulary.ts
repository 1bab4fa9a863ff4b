import type { EnumOption } from './types';

/**
 * How partners write the values of the 2023 collection's enumerations: data,
 * not code. Synonyms are compared after normalising case, accents,
 * punctuation, spacing and plurals ("Touch-Points" matches "touchpoint"), and
 * word order; long words may carry a typo or two. Numbered levels ("Lvl 1",
 * "Level I", "Tier 2") are read by the engagement normaliser itself.
 */

export const ENGAGEMENT_OPTIONS: EnumOption[] = [
  {
    id: 'touchpoint',
    label: 'Touchpoint',
    definition: 'ECE related give-aways, a call, a flyer, attendance at a large or small information-sharing event without instruction, all in support of increasing awareness of the importance of healthy child development',
    synonyms: ['touchpoint', 'touch point', 'touch-point', 'tp', 't p', 'tps', 'touchpoint event', 'touch point event',
      'touchpoint only', 'touchpoint level', 'engagement touchpoint', 'touchpoint engagement', 'level touchpoint',
      'outreach touchpoint',
      // From the definition: give-aways, a call, a flyer, an information-sharing event without instruction.
      'give away', 'giveaway', 'give-away', 'give aways', 'giveaways', 'flyer', 'flyers', 'flier', 'fliers',
      'flyer distribution', 'info table', 'information table', 'resource table', 'phone call', 'phone calls', 'call',
      'calls', 'newsletter', 'mailing', 'mailer', 'social media post', 'outreach', 'resource fair', 'info session',
      'information session', 'awareness', 'awareness event', 'info sharing', 'information sharing', 'info sharing only',
      'information sharing only', 'info only', 'information only', 'resource sharing', 'touchpt', 'touch pt', 'touchpoint contact',
      // Spanish
      'punto de contacto', 'puntos de contacto'],
  },
  {
    id: 'level_one',
    label: 'Engagement level one',
    definition: 'participation in activities, training, support group and/or learning opportunity of 2 hours or less, showing minimal mastery of information and concepts',
    synonyms: ['level one', 'level 1', 'l1', 'lvl 1', 'lv 1', 'lev 1', 'level i', 'tier 1', 'tier one', 'el1', 'el 1',
      'engagement level 1', 'engagement level one', 'engagement 1', 'engagement one', 'first level', 'level 1 engagement',
      'nivel 1', 'nivel uno', 'primer nivel', 'nivel de participacion 1',
      // From the definition: 2 hours or less.
      '2 hours or less', '2 hrs or less', 'under 2 hours', 'under 2 hrs', 'less than 2 hours', 'less than 2 hrs',
      'up to 2 hours', 'up to 2 hrs', '2 hours or under', '< 2 hours', '< 2 hrs', 'under two hours', 'two hours or less'],
  },
  {
    id: 'level_two',
    label: 'Engagement level two',
    definition: 'participation of 2 hours or more, showing commitment to mastery; demonstrated use of learnings, becoming a leader: conducting training, leading the meeting or hosting the activity',
    synonyms: ['level two', 'level 2', 'l2', 'lvl 2', 'lv 2', 'lev 2', 'level ii', 'tier 2', 'tier two', 'el2', 'el 2',
      'engagement level 2', 'engagement level two', 'engagement 2', 'engagement two', 'second level', 'level 2 engagement',
      'nivel 2', 'nivel dos', 'segundo nivel', 'nivel de participacion 2',
      // From the definition: 2 hours or more, leading or hosting.
      '2+ hours', '2+ hrs', '2+ hour', '2 hours or more', '2 hrs or more', 'more than 2 hours', 'more than 2 hrs',
      'over 2 hours', 'over 2 hrs', '> 2 hours', '> 2 hrs', 'two hours or more', 'over two hours', 'multi session',
      'multi-session', 'multisession', 'session series'],
  },
  {
    id: 'day_of_young_child',
    label: 'Day of the Young Child',
    definition: 'events held for Day of the Young Child',
    synonyms: ['day of the young child', 'day of young child', 'day of the young children', 'doyc', 'dyc', 'dotyc',
      'doyc event', 'dyc event', 'day of the young child event', 'day of young child event', 'doyc celebration',
      'day of the young child celebration', 'day of young child celebration', 'young child day', 'doyc 2023',
      'day of the young child 2023', 'day of the young children', 'days of the young child', 'doyc day',
      // Spanish
      'dia del nino pequeno', 'dia de los ninos pequenos', 'dia del nino', 'dia de los ninos', 'dia de la ninez',
      'dia del nino pequeno 2023'],
  },
];

/** Parents named together with children, in the ways people combine them: "Dads and kids", "Parents + toddlers". */
const PARENT_WORDS = ['parents', 'families', 'moms', 'dads', 'mothers', 'fathers', 'guardians', 'parents/guardians',
  'parents/families', 'parent/family', 'moms and dads', 'mothers and fathers'];
const CHILD_WORDS = ['children', 'kids', 'babies', 'infants', 'toddlers', 'preschoolers', 'little ones', 'young children',
  'their children', 'their kids', 'their little ones', 'child', 'kid', 'baby', 'infant', 'toddler', 'children 0-5',
  'newborns', 'youngsters'];
const PARENT_WITH_CHILD = PARENT_WORDS.flatMap((p) => CHILD_WORDS.flatMap((c) => [`${p} and ${c}`, `${p} with ${c}`, `${p} ${c}`]));
/** The same in Spanish; the matcher reads "y"/"e" as "and" and "con" as "with". Accents are folded. */
const PARENT_WORDS_ES = ['padres', 'madres', 'papas', 'mamas', 'familias', 'padres de familia', 'tutores',
  'padres/tutores', 'mamas y papas', 'padres y madres'];
const CHILD_WORDS_ES = ['ninos', 'ninas', 'hijos', 'hijas', 'bebes', 'infantes', 'ninos pequenos', 'sus hijos',
  'sus ninos', 'sus bebes', 'pequenos', 'nino', 'hijo', 'bebe'];
const PARENT_WITH_CHILD_ES = PARENT_WORDS_ES.flatMap((p) => CHILD_WORDS_ES.flatMap((c) => [`${p} y ${c}`, `${p} con ${c}`]));

export const AUDIENCE_OPTIONS: EnumOption[] = [
  {
    id: 'parent_family',
    label: 'Parent/family',
    definition: 'person(s) who take responsibility for the care, nurturance, direction, support, guidance and love of a child(ren)',
    // Grandparents and kin *raising* a child are its family under this definition;
    // relatives who mind a child while the parents work are caregivers (FFN).
    synonyms: ['parent', 'parents', 'family', 'families', 'parent/family', 'parents/families', 'parent family',
      'parents and families', 'family member', 'family members', 'parent/guardian', 'parents/guardians', 'guardian',
      'guardians', 'legal guardians', 'parent guardian', 'mother', 'mothers', 'mom', 'moms', 'mum', 'father',
      'fathers', 'dad', 'dads', 'moms and dads', 'mothers and fathers', 'fathers and father figures',
      'expectant parents', 'expecting parents', 'expectant mothers', 'expectant families', 'pregnant women',
      'expectant fathers', 'expectant dads', 'expecting fathers', 'expecting moms', 'expecting dads', 'parents of newborns',
      'new moms', 'new dads', 'new mothers', 'new fathers', 'family members of enrolled children', 'family members of enrolled kids',
      'parents of enrolled children', 'parents of enrolled kids', 'enrolled families', 'program families',
      'pregnant and parenting teens', 'teen parents', 'young parents', 'new parents', 'first time parents',
      'foster parents', 'foster families', 'adoptive parents', 'adoptive families', 'kinship families',
      'kinship caregivers', 'kinship care families', 'grandparents raising grandchildren', 'grandfamilies',
      'grandparents raising grandkids', 'relatives raising children', 'home visiting families', 'home visiting parents',
      'head start parents', 'head start families', 'early head start families', 'gsrp parents', 'gsrp families',
      'preschool parents', 'preschool families', 'parents of young children', 'parents of infants',
      'parents of toddlers', 'parents of preschoolers', 'parents of children', 'families of children',
      'pregnant mothers', 'pregnant moms', 'pregnant and parenting families', 'prenatal families', 'birth parents',
      'single parents', 'working parents', 'parents of enrolled children', 'enrolled families', 'caretakers', 'parent/caretaker', 'families of young children', 'families of infants and toddlers',
      'parent leaders', 'parent ambassadors', 'parent advocates', 'parent/family members', 'families/parents',
      'expecting moms', 'expecting mothers', 'expectant moms', 'kinship', 'kinship care', 'parent(s)', 'families/caregivers of children',
      // Spanish
      'padres', 'familias', 'padre', 'madre', 'madres', 'papa', 'papas', 'mama', 'mamas', 'padres de familia',
      'padre de familia', 'tutores', 'tutor', 'padres/tutores', 'padres o tutores', 'mamas y papas', 'padres y madres',
      'familia', 'miembros de la familia', 'padres de ninos pequenos', 'futuros padres', 'madres embarazadas',
      'familias de acogida', 'padres adoptivos'],
  },
  {
    id: 'parent_family_child',
    label: 'Parent/family and child',
    definition: 'person(s) who take responsibility for the care, nurturance, direction, support, guidance and love of a child(ren), attending together with their child(ren)',
    synonyms: ['parent and child', 'parent & child', 'parent/child', 'parent-child', 'parent child', 'parents and children',
      'parents & children', 'parents with children', 'parent with child', 'parents with kids', 'parents and kids',
      'parent and kid', 'families with children', 'family with child', 'families and children', 'families & children',
      'families with kids', 'families and kids', 'families with young children', 'family and child', 'family/child',
      'family-child', 'parent/family and child', 'parent/family & child', 'parent family and child', 'parents/families and children',
      'parent/family with child', 'parent child dyads', 'parent-child dyads', 'parent child pairs', 'whole family',
      'whole families', 'entire family', 'moms and babies', 'mom and baby', 'parents and babies', 'parent and baby',
      'parents and infants', 'parent and infant', 'parents and toddlers', 'parent and toddler', 'families with infants',
      'families with toddlers', 'parents with their children', 'families with their children', 'parent and children',
      'parents and their children', 'families and their children', 'family/children', 'parent-child pairs', 'dyads',
      ...PARENT_WITH_CHILD,
      // Spanish
      'padres e hijos', 'familia y nino', 'familia con nino', 'toda la familia', 'familias completas', ...PARENT_WITH_CHILD_ES],
  },
  {
    id: 'caregiver',
    label: 'Caregivers',
    definition: 'a person caring for the child while parents/guardians are at work, school or other activity, outside of the State of Michigan licensing system (unlicensed, license-exempt, other family members)',
    synonyms: ['caregiver', 'caregivers', 'care giver', 'care givers', 'ffn', 'ffn caregivers', 'ffn providers',
      'ffn care', 'ffn care providers', 'family friend and neighbor', 'family friend and neighbor caregivers',
      'family friend and neighbor providers', 'family friend neighbor', 'family friends and neighbors',
      'family, friend and neighbor care', 'family friend and neighbour', 'license exempt', 'license-exempt',
      'license-exempt caregivers', 'license-exempt providers', 'license exempt providers', 'licence exempt',
      'license-exempt care providers', 'license exempt child care providers', 'legally exempt', 'legally exempt providers',
      'legally exempt caregivers', 'exempt providers', 'unlicensed', 'unlicensed caregivers', 'unlicensed providers', 'unlicensed care providers', 'unlicensed child care',
      'unlicensed childcare providers', 'license exempt care providers', 'license-exempt child care providers',
      'unlicensed child care providers', 'informal caregivers', 'informal care providers', 'informal child care providers',
      'kith and kin', 'kith and kin caregivers', 'kith & kin', 'relative caregivers', 'relative care providers',
      'relative providers', 'relative care', 'in-home aides', 'in home aides', 'in-home caregivers', 'babysitters',
      'babysitter', 'baby sitters', 'nannies', 'nanny', 'au pairs', 'neighbor caregivers', 'friend caregivers',
      'ffn/license-exempt', 'license exempt relatives', 'license-exempt relative care', 'unlicensed family members',
      'informal care', 'family caregivers', 'family member caregivers', 'ffn caregiver', 'family friend neighbor care', 'family friends neighbors',
      // Spanish
      'cuidadores', 'cuidadoras', 'cuidador', 'cuidadora', 'cuidadores informales', 'cuidadores familiares',
      'familia amigos y vecinos', 'familiares amigos y vecinos', 'ninera', 'nineras', 'cuidadores exentos de licencia',
      'cuidadores sin licencia', 'proveedores sin licencia', 'proveedores exentos de licencia'],
  },
  {
    id: 'teacher_educator',
    label: 'Teachers/educator',
    definition: 'childcare provider staff who teach',
    synonyms: ['teacher', 'teachers', 'educator', 'educators', 'teacher/educator', 'teachers/educators',
      'teachers and educators', 'ece teachers', 'ece educators', 'ece staff', 'early childhood educators',
      'early childhood teachers', 'early educators', 'early learning educators', 'early learning teachers',
      'classroom staff', 'classroom teachers', 'childcare teachers', 'child care teachers', 'daycare teachers',
      'childcare staff', 'child care staff', 'childcare center staff', 'center staff',
      'lead teachers', 'lead teacher', 'assistant teachers', 'assistant teacher', 'teacher assistants',
      'teaching assistants', 'teacher aides', 'teachers aides', 'classroom aides', 'paraprofessionals', 'paras',
      'co-teachers', 'teaching staff', 'instructional staff', 'preschool teachers', 'pre-k teachers', 'prek teachers',
      'head start teachers', 'early head start teachers', 'ehs teachers', 'gsrp teachers', 'gsrp staff',
      'head start staff', 'infant toddler teachers', 'infant and toddler teachers', 'toddler teachers', 'infant teachers',
      'providers - teachers', 'provider teachers', 'providers staff', "providers' staff", 'provider staff',
      'childcare provider staff', 'child care provider staff', 'childcare workers', 'child care workers',
      'early childhood staff', 'cda candidates', 'teachers and staff', 'teachers/staff', 'teaching team',
      'classroom teams', 'center teachers', 'ece teachers and staff', 'childcare aides', 'childcare aide',
      'childcare assistants', 'childcare teacher assistants', 'childcare teaching assistants', 'childcare educators',
      'childcare teaching staff', 'childcare classroom staff', 'childcare paraprofessionals', 'childcare caregiving staff',
      'tchrs', 'teachers/aides', 'teachers and aides', 'teachers & assistants',
      // Spanish
      'maestros', 'maestras', 'maestro', 'maestra', 'educadores', 'educadoras', 'educador', 'educadora', 'docentes',
      'docente', 'profesores', 'profesoras', 'personal docente', 'asistentes de maestro', 'asistentes de maestros',
      'maestros asistentes', 'personal del centro', 'personal de cuidado infantil'],
  },
  {
    id: 'director_owner',
    label: 'Director/owner',
    definition: 'childcare provider directors and owners',
    synonyms: ['director', 'directors', 'owner', 'owners', 'director/owner', 'directors/owners', 'owner/director',
      'owners/directors', 'directors and owners', 'owner director', 'center directors', 'centre directors',
      'childcare directors', 'child care directors', 'child care center directors', 'childcare center directors',
      'daycare directors', 'preschool directors', 'program directors', 'site directors', 'education directors',
      'head start directors', 'gsrp directors', 'assistant directors', 'center owners', 'childcare owners',
      'child care owners', 'childcare business owners', 'child care business owners', 'business owners',
      'home provider owners', 'home child care owners', 'home-based owners', 'family child care owners',
      'family childcare owners', 'group child care owners', 'fcc owners', 'gcc owners', 'owner operators',
      'owner/operators', 'operators', 'center operators', 'childcare operators', 'licensees', 'licensee',
      'administrators', 'center administrators', 'program administrators', 'childcare administrators',
      'child care administrators', 'providers - owners', 'provider owners', 'providers - directors',
      'provider directors', 'center leaders', 'program leaders', 'childcare leaders', 'child care leaders',
      'directors/administrators', 'owners and directors', 'admin', 'admins', 'administration', 'center admin',
      'home based child care owners', 'home childcare owners', 'home daycare owners', 'in-home child care owners',
      'family child care home owners', 'group home owners', 'business owners (childcare)', 'childcare owner operators',
      'childcare admin', 'childcare licensees', 'childcare business operators', 'childcare leadership', 'childcare proprietors',
      'proprietors', 'proprietor', 'dirs', 'owners/operators', 'directors and administrators', 'owner/operator',
      // Spanish
      'directores', 'directoras', 'director', 'directora', 'duenos', 'duenas', 'dueno', 'duena', 'propietarios',
      'propietarias', 'propietario', 'propietaria', 'administradores', 'administradoras', 'administrador',
      'administradora', 'directores/duenos', 'duenos/directores', 'duenos y directores', 'directores y duenos',
      'duenos de negocio', 'duenos de negocios', 'operadores'],
  },
];

/**
 * Audience words that name no single audience: the normaliser asks the
 * partner to choose rather than guess. "Providers" could be teachers or
 * directors; "All" is not an audience.
 */
export const AUDIENCE_UNCLEAR: string[] = ['provider', 'providers', 'childcare providers', 'child care providers',
  'ece providers', 'early childhood providers', 'early learning providers', 'daycare providers', 'care providers',
  'family child care providers', 'home providers', 'home-based providers', 'home child care providers',
  'licensed providers', 'center providers', 'childcare', 'child care', 'ece', 'ece professionals',
  'early childhood professionals', 'ece workforce', 'all', 'everyone', 'everybody', 'anyone', 'any',
  'all ages', 'open to all', 'open to public', 'open to the public', 'all welcome', 'all are welcome',
  'everyone welcome', 'everyone is welcome', 'open to everyone', 'all audiences', 'all of the above', 'any audience',
  'general audience', 'public event', 'community wide', 'communitywide',
  'general', 'general public', 'public', 'community', 'community members', 'the community', 'community at large',
  'residents', 'neighbors', 'mixed', 'both', 'various', 'varies', 'multiple', 'other', 'others', 'adults',
  'grandparents', 'kin', 'relatives', 'staff', 'children', 'kids', 'youth', 'students',
  // Spanish
  'proveedores', 'proveedor', 'proveedores de cuidado infantil', 'proveedores de cuidado de ninos', 'todos', 'todas',
  'todo publico', 'todo el publico', 'publico', 'publico en general', 'comunidad', 'la comunidad',
  'miembros de la comunidad', 'abuelos', 'abuelas', 'ninos', 'ninas', 'jovenes', 'adultos', 'otros', 'otro', 'varios',
  'ambos', 'residentes', 'vecinos', 'estudiantes'];

export const EVENT_TYPE_OPTIONS: EnumOption[] = [
  {
    id: 'literacy',
    label: 'Literacy',
    synonyms: ['literacy', 'early literacy', 'family literacy', 'emergent literacy', 'reading', 'read aloud', 'read-aloud',
      'reading event', 'reading program', 'story time', 'storytime', 'story hour', 'book club', 'book reading',
      'book giveaway', 'book distribution', 'books', 'book fair', 'literacy night', 'family literacy night',
      'literacy event', 'literacy workshop', 'reading night', 'library visit', 'language and literacy',
      'early language and literacy', 'talk read sing', 'dolly parton imagination library', 'imagination library',
      'reach out and read', 'phonics', 'pre-literacy', 'lit', 'early lit', 'family lit', 'reading/literacy',
      'literacy/reading', 'literacy activity', 'read',
      // Spanish
      'lectura', 'alfabetizacion', 'lectoescritura', 'hora del cuento', 'lectura de cuentos', 'cuentos', 'libros',
      'alfabetizacion temprana', 'alfabetizacion familiar', 'noche de lectura', 'club de lectura'],
  },
  {
    id: 'adult_child_interaction',
    label: 'Adult-child interaction',
    synonyms: ['adult child interaction', 'adult-child interaction', 'adult/child interaction', 'adult child interactions',
      'parent child interaction', 'parent-child interaction', 'parent/child interaction', 'parent child activity',
      'parent-child activities', 'family child interaction', 'caregiver child interaction', 'play and learn',
      'play & learn', 'play and learn group', 'stay and play', 'stay & play', 'play group', 'playgroup', 'playgroups',
      'family play', 'play date', 'playdate', 'family fun', 'family engagement activity', 'parent child play',
      'serve and return', 'bonding', 'parent child bonding', 'mommy and me', 'daddy and me', 'me and my', 'baby and me',
      'family activity', 'family activities', 'interactive play', 'aci', 'adult child', 'adult-child', 'parent-child',
      'adult child activity', 'adult child play',
      // Spanish
      'interaccion adulto nino', 'interaccion adulto-nino', 'interaccion entre adulto y nino',
      'interaccion entre adultos y ninos', 'interaccion padre hijo', 'interaccion padres e hijos', 'interaccion padres ninos',
      'juego', 'grupo de juego', 'jugar y aprender', 'actividad familiar', 'actividades familiares'],
  },
  {
    id: 'child_development',
    label: 'Child development',
    synonyms: ['child development', 'child dev', 'child devel', 'child develop', 'child developmt', 'child dvlpmt', 'child development and health', 'early childhood development',
      'child growth and development', 'developmental milestones', 'milestones', 'developmental screening',
      'developmental screenings', 'asq', 'asq screening', 'ages and stages', 'brain development', 'early brain development',
      'social emotional development', 'social-emotional development', 'social emotional learning', 'sel',
      'school readiness', 'kindergarten readiness', 'child health and development', 'infant development',
      'toddler development', 'healthy child development', 'cd', 'dev screening', 'developmental screens',
      'child dev\'t', 'child developement', 'early childhood dev',
      // Spanish
      'desarrollo infantil', 'desarrollo del nino', 'desarrollo de los ninos', 'desarrollo infantil temprano',
      'evaluacion del desarrollo', 'hitos del desarrollo', 'preparacion escolar'],
  },
  {
    id: 'parenting',
    label: 'Parenting',
    synonyms: ['parenting', 'parenting class', 'parenting classes', 'parenting support', 'parenting workshop',
      'parenting education', 'parent education', 'parent ed', 'parent training', 'parent workshop', 'parent class',
      'parent cafe', 'parent cafes', 'parent support group', 'parent support', 'parenting group', 'parent group',
      'parent meeting', 'parent night', 'fatherhood', 'fatherhood group', 'dads group', 'moms group', 'mothers group',
      'positive parenting', 'triple p', 'nurturing parenting', 'parents as teachers', 'circle of security',
      'co-parenting', 'parenting skills', 'parent leadership', 'parent engagement', 'home visiting', 'home visit',
      'home visits', 'family support', 'family education', 'parenting ed', 'parenting edu', 'parent edu',
      // Spanish
      'crianza', 'crianza de los hijos', 'crianza positiva', 'clase para padres', 'clases para padres',
      'taller para padres', 'talleres para padres', 'educacion para padres', 'escuela para padres', 'grupo de padres',
      'apoyo a padres', 'apoyo para padres', 'paternidad', 'maternidad', 'visitas domiciliarias', 'visita al hogar'],
  },
  {
    id: 'instruction',
    label: 'Instruction',
    synonyms: ['instruction', 'training', 'trainings', 'professional development', 'pd', 'prof dev',
      'professional learning', 'provider training', 'teacher training', 'staff training', 'cda class', 'cda',
      'cda training', 'cda course', 'child development associate', 'cpr', 'cpr training', 'first aid',
      'cpr and first aid', 'health and safety training', 'workshop for providers', 'coaching', 'technical assistance',
      'ta', 'course', 'class for providers', 'continuing education', 'ceu', 'ceus', 'credential', 'certification',
      'curriculum training', 'instructional', 'teacher pd', 'provider pd', 'cohort', 'learning community',
      'community of practice', 'instr', 'prof development', 'professional dev', 'staff development',
      'in-service', 'inservice',
      // Spanish
      'capacitacion', 'capacitaciones', 'instruccion', 'entrenamiento', 'formacion', 'desarrollo profesional',
      'clase para proveedores', 'capacitacion para proveedores', 'capacitacion de maestros',
      'formacion profesional', 'asistencia tecnica'],
  },
  {
    id: 'business_support',
    label: 'Business/operational support',
    synonyms: ['business support', 'business/operational support', 'business operational support', 'operational support',
      'operations support', 'operations', 'business', 'business training', 'business coaching', 'business development',
      'business and operations', 'shared services', 'tax help', 'tax preparation', 'taxes', 'bookkeeping',
      'accounting', 'finance', 'financial management', 'budgeting', 'marketing', 'enrollment support',
      'licensing support', 'licensing help', 'licensing assistance', 'licensing orientation', 'licensing', 'start-up support',
      'startup support', 'start up', 'grant support', 'grant writing', 'grants', 'facilities', 'facility support',
      'payroll', 'hr support', 'human resources', 'business plan', 'business planning', 'operational', 'administrative support',
      'admin support', 'subsidy support', 'cdc subsidy', 'child care business', 'childcare business', 'business/ops',
      'ops support', 'biz support', 'bus support', 'business ops', 'business/operations', 'operations/business',
      'business & operations support', 'business supports', 'operational supports', 'business operations',
      // Spanish
      'apoyo empresarial', 'apoyo empresarial y operativo', 'apoyo operativo', 'apoyo de negocios', 'apoyo comercial',
      'apoyo a negocios', 'negocios', 'negocio', 'apoyo administrativo', 'apoyo operacional', 'apoyo empresarial/operativo',
      'desarrollo empresarial', 'licencias', 'apoyo con licencias'],
  },
  {
    id: 'other',
    label: 'Other',
    synonyms: ['misc', 'misc.', 'miscellaneous', 'other/misc', 'other / misc', 'various', 'other', 'misc', 'miscellaneous', 'other event', 'other activity', 'others', 'other type', 'misc.',
      // Spanish
      'otro', 'otra', 'otros', 'otras', 'otro evento', 'otra actividad', 'varios'],
  },
];

/**
 * Words or phrases that, found inside a longer event type ("Family literacy
 * night at the library"), point to one type. A text naming two types is left
 * unknown rather than guessed.
 */
export const EVENT_TYPE_KEYWORDS: Record<string, string[]> = {
  literacy: ['literacy', 'reading', 'read aloud', 'story time', 'storytime', 'story hour', 'book club', 'books', 'book',
    'library', 'lectura', 'libros', 'cuentos', 'alfabetizacion'],
  adult_child_interaction: ['adult child interaction', 'parent child interaction', 'play and learn', 'stay and play',
    'playgroup', 'play group', 'interaccion adulto nino'],
  child_development: ['kinder readiness', 'kindergarten readiness', 'school readiness', 'child development', 'child dev', 'developmental', 'milestone', 'milestones', 'asq',
    'desarrollo infantil', 'desarrollo del nino'],
  parenting: ['parenting', 'parent education', 'parent cafe', 'fatherhood', 'co parenting', 'crianza',
    'para padres'],
  instruction: ['pd', 'in-service', 'training', 'professional development', 'cda', 'instruction', 'cpr', 'coaching', 'capacitacion',
    'desarrollo profesional'],
  business_support: ['business', 'operational', 'operations', 'shared services', 'tax', 'taxes', 'licensing',
    'bookkeeping', 'payroll', 'empresarial', 'negocio', 'negocios'],
};
