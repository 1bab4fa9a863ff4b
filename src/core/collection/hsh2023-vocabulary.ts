import type { EnumOption } from './types';

/**
 * How partners write the values of the 2023 collection's enumerations.
 * Synonyms are compared after normalising case, punctuation and spacing.
 */

export const ENGAGEMENT_OPTIONS: EnumOption[] = [
  { id: 'touchpoint', label: 'Touchpoint', synonyms: ['touchpoint', 'touch point', 'tp'] },
  { id: 'level_one', label: 'Engagement level one', synonyms: ['level one', 'level 1', 'l1'] },
  { id: 'level_two', label: 'Engagement level two', synonyms: ['level two', 'level 2', 'l2'] },
  { id: 'day_of_young_child', label: 'Day of the Young Child', synonyms: ['day of the young child', 'doyc'] },
];

export const AUDIENCE_OPTIONS: EnumOption[] = [
  { id: 'parent_family', label: 'Parent/family', synonyms: ['parent', 'parents', 'family', 'families'] },
  { id: 'parent_family_child', label: 'Parent/family and child', synonyms: ['parent and child', 'parent & child'] },
  { id: 'caregiver', label: 'Caregivers', synonyms: ['caregiver', 'caregivers', 'ffn'] },
  { id: 'teacher_educator', label: 'Teachers/educator', synonyms: ['teacher', 'teachers', 'educator', 'educators'] },
  { id: 'director_owner', label: 'Director/owner', synonyms: ['director', 'owner', 'directors', 'owners'] },
];

export const EVENT_TYPE_OPTIONS: EnumOption[] = [
  { id: 'literacy', label: 'Literacy', synonyms: ['literacy', 'reading'] },
  { id: 'adult_child_interaction', label: 'Adult-child interaction', synonyms: ['adult child interaction'] },
  { id: 'child_development', label: 'Child development', synonyms: ['child development'] },
  { id: 'parenting', label: 'Parenting', synonyms: ['parenting'] },
  { id: 'instruction', label: 'Instruction', synonyms: ['instruction', 'training'] },
  { id: 'business_support', label: 'Business/operational support', synonyms: ['business support', 'operational support'] },
  { id: 'other', label: 'Other', synonyms: ['other'] },
];
