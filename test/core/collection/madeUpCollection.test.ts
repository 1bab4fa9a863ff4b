import { check } from '../../../src/core/check';
import { loadCollection, readCollectionFiles } from '../../../src/core/collection/load';
import { redundantEntries } from '../../../src/core/collection/redundant';
import { sheetOf, workbookOf } from '../helpers';
import collection from './made-up-2024/collection.json';
import headings from './made-up-2024/headings.json';
import values from './made-up-2024/values.json';

/**
 * Next year's collection is a new definition and no code: a made-up 2024
 * collection, only data (./made-up-2024), with other field ids, another
 * heading and value vocabulary, a fourth numbered level, a new audience and a
 * field with no role, checked by the engine as it is.
 */
const MADE_UP = loadCollection('made-up-2024', { collection, headings, values });

const workbook = workbookOf(sheetOf('Log', [
  ['Activity', 'Day of the activity', 'Sort of activity', 'Tier', 'Visitors', 'How many came', 'Village', 'Money from', 'Room'],
  ['Story circle', '3/4/2024', 'Story circle', 'Tier C', 'Grannies', 12, 'Detroit', 'Kresge Foundation', 'Room 1'],
  ['Messy play morning', '3/5/2024', 'Messy play', 'Tier 1', 'Mums & childminders', '~20', 'Hamtramck', 'City grant', 'Room 1'],
  ['Garden club', '6/31/2024', 'Gardening', 'Level 9', 'Everyone', 'lots', 'Detroit', null, 'Room 2'],
  ['Story circle', '3/4/2024', 'Story circle', 'Tier C', 'Grannies', 12, 'Detroit', 'Kresge Foundation', 'Room 1'],
  ['Leaflet drop', '12/1/2023', 'Mentoring', 'Flyer', 'Dads', 40, 'Detroit', null, 'Room 3'],
]));

describe('a collection defined only as data', () => {
  const report = check(workbook, { collection: MADE_UP });

  test('its headings map to its own fields', () => {
    expect(report.engine.collection).toBe('made-up-2024');
    expect(report.period).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(report.columns.map((c) => `${c.column} ${c.field}`)).toEqual([
      'A event_name', 'B held_on', 'C kind', 'D tier', 'E who', 'F people', 'G town', 'H funder', 'I null',
    ]);
  });

  test('its values are read with its own words, levels by their number, a field without a role by its kind', () => {
    expect(report.records.map((r) => r.values)).toEqual([
      { event_name: 'Story circle', held_on: '2024-03-04', kind: 'reading', tier: 'tier_c', who: ['grandparents'], people: 12, town: 'Detroit', funder: 'kresge' },
      { event_name: 'Messy play morning', held_on: '2024-03-05', kind: 'play', tier: 'tier_a', who: ['parents', 'carers'], people: 20, town: 'Hamtramck', funder: 'city_grant' },
      { event_name: 'Garden club', kind: 'Gardening', town: 'Detroit' },
      { event_name: 'Story circle', held_on: '2024-03-04', kind: 'reading', tier: 'tier_c', who: ['grandparents'], people: 12, town: 'Detroit', funder: 'kresge' },
      { event_name: 'Leaflet drop', held_on: '2023-12-01', kind: 'coaching', tier: 'reach', who: ['parents'], people: 40, town: 'Detroit' },
    ]);
  });

  test('its issues carry its field ids, with the agreed codes', () => {
    expect(report.issues.map((i) => `${i.row ?? '-'} ${i.field} ${i.code}`)).toEqual([
      '3 people approximate_attendees',
      '4 held_on invalid_date',
      '4 kind unknown_event_type',
      '4 tier invalid_engagement',
      '4 who invalid_audience',
      '4 people invalid_attendees',
      '5 event_name duplicate_row',
      '6 held_on date_out_of_period',
    ]);
  });

  test('its summary counts its own levels, audiences and kinds, only for records the indicator counts (the garden club has no tier)', () => {
    const { byEngagement, byAudience, byEventType, byMonth, byZip } = report.summary;
    expect(byEngagement).toEqual({
      reach: { events: 0, attendees: 0 }, tier_a: { events: 1, attendees: 20 }, tier_b: { events: 0, attendees: 0 }, tier_c: { events: 2, attendees: 24 },
    });
    expect(byAudience).toEqual({ parents: { events: 1, attendees: 20 }, carers: { events: 1, attendees: 20 }, grandparents: { events: 2, attendees: 24 } });
    expect(byEventType).toEqual({
      reading: { events: 2, attendees: 24 }, play: { events: 1, attendees: 20 }, coaching: { events: 0, attendees: 0 }, anything_else: { events: 0, attendees: 0 },
    });
    expect(byMonth).toEqual({ '2024-03': { events: 3, attendees: 44 } });
    expect(byZip).toEqual({ unknown: { events: 3, attendees: 44 } });
  });

  test('its data files hold no redundant entry either', () => {
    expect(redundantEntries(readCollectionFiles('made-up-2024', { collection, headings, values }))).toEqual([]);
  });
});
