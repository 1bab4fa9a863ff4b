import { Workbook as XlsxWorkbook } from 'exceljs';
import type { Collection } from '../../src/core/collection/types';
import { TEMPLATE_SHEETS } from '../../src/annotate/template';

/** One event as the agreed data: field id → normalised value (ids for enumerations, ISO dates). */
export type EventValues = Record<string, string | number | string[]>;

/**
 * A partner's year of events, written the way the dev corpus's partners
 * write theirs (a screening day, a giveaway, a parade, trainings for
 * providers, a virtual parent cafe), as the agreed values.
 */
export const TEMPLATE_EVENTS: EventValues[] = [
  { title: 'Ages & Stages Screening Day', date: '2023-01-22', event_type: 'child_development', street: '10711 Woodward Ave', city: 'Highland Park', zip: '48203', audience: ['parent_family_child'], engagement: 'level_one', attendees: 24 },
  { title: 'Back-to-School Backpack Giveaway', date: '2023-03-14', event_type: 'other', street: '16290 Livernois Ave', city: 'Detroit', zip: '48235', audience: ['parent_family', 'caregiver'], engagement: 'touchpoint', attendees: 254 },
  { title: 'Day of the Young Child Parade', date: '2023-04-29', event_type: 'child_development', description: 'Music, a parade and take-home kits.', street: '2574 Greenfield Rd', city: 'Detroit', zip: '48208', audience: ['parent_family_child'], engagement: 'day_of_young_child', attendees: 680 },
  { title: 'Library Card Sign-up Drive', date: '2023-06-09', event_type: 'literacy', street: '16290 Livernois Ave', city: 'Detroit', zip: '48235', audience: ['parent_family'], engagement: 'touchpoint', attendees: 193 },
  { title: 'Parent Cafe: Bedtime Routines', date: '2023-07-18', event_type: 'parenting', description: 'An evening talk with dinner, held online.', street: 'Virtual', audience: ['parent_family', 'caregiver'], engagement: 'level_one', attendees: 31 },
  { title: 'Read, Play, Grow Series', date: '2023-08-02', event_type: 'adult_child_interaction', street: '1301 Hamtramck Dr', city: 'Hamtramck', zip: '48212', audience: ['parent_family_child'], engagement: 'level_two', attendees: 15 },
  { title: 'CDA Coaching Cohort', date: '2023-09-12', event_type: 'instruction', description: 'Six weeks of coaching toward the CDA credential.', street: '2801 W Grand Blvd', city: 'Detroit', zip: '48202-1234', audience: ['teacher_educator'], engagement: 'level_two', attendees: 12 },
  { title: 'Budgeting for Home Providers', date: '2023-10-05', event_type: 'business_support', street: '2801 W Grand Blvd', city: 'Detroit', zip: '48202', audience: ['director_owner', 'teacher_educator'], engagement: 'level_one', attendees: 9 },
  { title: 'Winter Coat Drive', date: '2023-12-16', event_type: 'other', street: '10964 Warren Ave', city: 'Dearborn', zip: '48126', audience: ['parent_family'], engagement: 'touchpoint', attendees: 0 },
];

/** The label partners pick from a drop-down for an option id. */
function labelOf(collection: Collection, fieldId: string, id: string): string {
  const field = collection.fields.find((f) => f.id === fieldId);
  return collection.enumerations[field?.enumeration ?? '']?.find((o) => o.id === id)?.label ?? id;
}

/**
 * Fills the template's Events sheet with events as a partner would: the
 * column of each field found by its heading, labels chosen from the
 * drop-downs (several audiences separated by "; "), dates as dates,
 * numbers as numbers. Returns the saved .xlsx.
 */
export async function fillTemplate(template: Uint8Array, events: EventValues[], collection: Collection): Promise<Uint8Array> {
  const book = new XlsxWorkbook();
  await book.xlsx.load(Buffer.from(template) as unknown as ArrayBuffer);
  const ws = book.getWorksheet(TEMPLATE_SHEETS.events);
  if (!ws) throw new Error('the template has no Events sheet');
  const columnOf = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const field = collection.fields.find((f) => f.label === cell.value);
    if (field) columnOf.set(field.id, col);
  });
  events.forEach((event, i) => {
    for (const [id, value] of Object.entries(event)) {
      const col = columnOf.get(id);
      if (col === undefined) throw new Error(`the template has no column headed for ${id}`);
      const cell = ws.getCell(i + 2, col);
      const field = collection.fields.find((f) => f.id === id)!;
      if (field.kind === 'date') cell.value = new Date(`${String(value)}T00:00:00Z`);
      else if (Array.isArray(value)) cell.value = value.map((v) => labelOf(collection, id, v)).join('; ');
      else if (field.kind === 'enum') cell.value = labelOf(collection, id, String(value));
      else cell.value = value;
    }
  });
  const out: unknown = await book.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}
