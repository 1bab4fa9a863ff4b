import { optionsOf } from '../collection/roles';
import type { Collection, FieldDef } from '../collection/types';
import type { RecordValue } from '../report';
import type { Cell } from '../workbook';
import { normaliseAttendees } from './attendees';
import { normaliseAudience } from './audience';
import { normaliseDate } from './date';
import { normaliseEngagement } from './engagement';
import { normaliseEnum } from './enum';
import { normaliseEventType } from './eventType';
import { normaliseText } from './text';
import { EMPTY, invalid, type Normalised } from './types';
import type { IssueCode } from '../issues';
import { normaliseZip } from './zip';

export { normaliseAttendees } from './attendees';
export { normaliseAudience } from './audience';
export { normaliseDate, serialToIso, isoToSerial, isValidYmd } from './date';
export { normaliseEngagement } from './engagement';
export { normaliseEnum, enumMatcher, listChoices } from './enum';
export { normaliseEventType } from './eventType';
export { normaliseText } from './text';
export { normaliseZip, isMichiganZip } from './zip';
export { EMPTY, ok, invalid, type Normalised } from './types';

export interface NormaliseContext {
  collection: Collection;
  /** The workbook uses the 1904 date system: date serials shift by 1462 days. */
  date1904: boolean;
}

/**
 * The normalised value of one cell for one field, dispatching on the field's
 * kind and, for enumerations, on its role (the level, the event type). Pure
 * and never throws; option matchers are built once per option list and reused.
 *
 * Enumerations the engine has no special reader for are matched by
 * normaliseEnum and, when unmatched, kept with a warning.
 */
export function normaliseField(field: FieldDef, cell: Cell, ctx: NormaliseContext): Normalised<RecordValue> {
  if (cell === undefined || cell === null || cell.kind === 'empty') return EMPTY;
  try {
    switch (field.kind) {
      case 'text':
        return normaliseText(cell);
      case 'date':
        return normaliseDate(cell, { date1904: ctx.date1904 });
      case 'zip':
        return normaliseZip(cell);
      case 'count':
        return normaliseAttendees(cell, field.excludeWords);
      case 'enum_list': {
        const options = optionsOf(field, ctx.collection);
        const unclear = field.enumeration !== undefined ? ctx.collection.vocabulary.unclear[field.enumeration] : undefined;
        return normaliseAudience(cell, options, unclear);
      }
      case 'enum': {
        const options = optionsOf(field, ctx.collection);
        if (field.role === 'level') return normaliseEngagement(cell, options);
        if (field.role === 'event_type') return normaliseEventType(cell, options, (field.enumeration !== undefined ? ctx.collection.vocabulary.keywords[field.enumeration] : undefined) ?? {});
        return normaliseEnum(cell, options);
      }
      default:
        return normaliseText(cell);
    }
  } catch {
    // Normalisers do not throw; should one ever do, one odd cell must not stop a whole check.
    return invalid({ code: fallbackCode(field), reason: 'unreadable' });
  }
}

function fallbackCode(field: FieldDef): IssueCode {
  switch (field.kind) {
    case 'date': return 'invalid_date';
    case 'zip': return 'invalid_zip';
    case 'count': return 'invalid_attendees';
    case 'enum_list': return 'invalid_audience';
    case 'enum': return field.role === 'level' ? 'invalid_engagement' : 'unknown_event_type';
    default: return 'missing_recommended';
  }
}
