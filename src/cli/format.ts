import type { CheckReport } from '../core/report';
import { optionsOfRole } from '../core/collection/roles';
import type { Collection } from '../core/collection/types';

/** The report for a person in a terminal: the mapping with its reasons, the issues by row, the indicator. */
export function formatReport(report: CheckReport, collection: Collection): string {
  const lines: string[] = [];
  const label = (id: string | null): string => (id ? collection.fields.find((f) => f.id === id)?.label ?? id : '(no field)');
  lines.push(`${report.file ?? ''}${report.sheet ? ` — sheet "${report.sheet}"` : ''}${report.headerRow ? `, header on row ${report.headerRow}` : ', no header row found'}`);
  lines.push(`Reporting period ${report.period.start} to ${report.period.end}${report.date1904 ? ' (workbook uses the 1904 date system)' : ''}`);
  lines.push('', 'Columns');
  for (const c of report.columns) {
    lines.push(`  ${c.column.padEnd(3)} ${JSON.stringify(c.header).padEnd(28)} → ${label(c.field).padEnd(22)} ${c.field ? `${Math.round(c.confidence * 100)}%` : '   '}  ${c.reason}`);
  }
  const { errors, warnings, records } = report.summary;
  lines.push('', `Issues: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${records} event${records === 1 ? '' : 's'}`);
  for (const i of report.issues) {
    const where = i.row ? `row ${i.row}${i.column ? `, ${i.column}${i.row}` : ''}` : 'sheet';
    lines.push(`  ${i.severity === 'error' ? 'ERROR  ' : 'warning'} ${where.padEnd(14)} ${i.message}`);
  }
  lines.push('', 'Indicator (events / attendees)');
  const levels = optionsOfRole(collection, 'level');
  for (const o of levels) {
    const c = report.summary.byEngagement[o.id] ?? { events: 0, attendees: 0 };
    lines.push(`  ${o.label.padEnd(24)} ${String(c.events).padStart(5)} / ${c.attendees}`);
  }
  return lines.join('\n') + '\n';
}
