import type { CheckReport, ColumnMapping, TableReport } from '../core/report';
import { optionsOfRole } from '../core/collection/roles';
import type { Collection } from '../core/collection/types';

/**
 * The report for a person in a terminal: the tables read and the sheets not
 * read, each mapping with its reasons (once for tables under the same
 * headings), the issues by sheet and row, the indicator.
 */
export function formatReport(report: CheckReport, collection: Collection): string {
  const lines: string[] = [];
  const label = (id: string | null): string => (id ? collection.fields.find((f) => f.id === id)?.label ?? id : '(no field)');
  const tables = report.tables.length > 0 ? report.tables : [];
  const several = tables.length > 1 || report.skipped.length > 0;
  const where = placeOf(tables);
  if (!several) {
    lines.push(`${report.file ?? ''}${report.sheet ? ` — sheet "${report.sheet}"` : ''}${report.headerRow ? `, header on row ${report.headerRow}` : ', no header row found'}`);
  } else lines.push(report.file ?? '');
  lines.push(`Reporting period ${report.period.start} to ${report.period.end}${report.date1904 ? ' (workbook uses the 1904 date system)' : ''}`);

  if (several) {
    lines.push('', tables.length === 1 ? 'Table read' : 'Tables read');
    for (const t of tables) lines.push(`  ${where(t).padEnd(34)} headings in row ${t.headerRow}, ${t.records} event${t.records === 1 ? '' : 's'}`);
    if (tables.length === 0) lines.push('  (none)');
    if (report.skipped.length > 0) {
      lines.push('', 'Not read');
      for (const s of report.skipped) lines.push(`  "${s.sheet}": ${s.reason}`);
    }
  }

  const groups = groupByColumns(tables.length > 0 ? tables : [{ sheet: report.sheet, headerRow: report.headerRow ?? 0, firstRow: 0, lastRow: 0, records: 0, columns: report.columns }]);
  for (const g of groups) {
    const names = g.map(where);
    lines.push('', several ? `Columns of ${names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ')}` : 'Columns');
    for (const c of g[0]!.columns) {
      lines.push(`  ${c.column.padEnd(3)} ${JSON.stringify(c.header).padEnd(28)} → ${label(c.field).padEnd(22)} ${c.field ? `${Math.round(c.confidence * 100)}%` : '   '}  ${c.reason}`);
    }
  }

  const { errors, warnings, records } = report.summary;
  lines.push('', `Issues: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${records} event${records === 1 ? '' : 's'}`);
  const sheets = new Set(tables.map((t) => t.sheet));
  for (const i of report.issues) {
    const prefix = sheets.size > 1 && i.sheet ? `${i.sheet}!` : '';
    const place = i.row ? `row ${i.row}${i.column ? `, ${prefix}${i.column}${i.row}` : prefix ? ` of ${i.sheet}` : ''}` : i.column ? `${prefix}column ${i.column}` : i.sheet && sheets.size > 1 ? `"${i.sheet}"` : 'sheet';
    lines.push(`  ${i.severity === 'error' ? 'ERROR  ' : 'warning'} ${place.padEnd(14)} ${i.message}`);
  }
  lines.push('', 'Indicator (events / attendees)');
  const levels = optionsOfRole(collection, 'level');
  for (const o of levels) {
    const c = report.summary.byEngagement[o.id] ?? { events: 0, attendees: 0 };
    lines.push(`  ${o.label.padEnd(24)} ${String(c.events).padStart(5)} / ${c.attendees}`);
  }
  return lines.join('\n') + '\n';
}

/** "January", or "Log" rows 30 to 44 where tables are stacked on one sheet. */
function placeOf(tables: readonly TableReport[]): (t: TableReport) => string {
  return (t) => {
    const name = t.sheet === null ? 'the file' : `"${t.sheet}"`;
    return tables.filter((x) => x.sheet === t.sheet).length > 1 ? `${name} rows ${t.headerRow} to ${t.lastRow}` : name;
  };
}

/** Tables under the same headings mapped alike, in workbook order: their mapping is shown once. */
function groupByColumns(tables: TableReport[]): TableReport[][] {
  const out = new Map<string, TableReport[]>();
  const key = (cs: ColumnMapping[]) => JSON.stringify(cs.map((c) => [c.column, c.header, c.field, c.combine ?? null, c.option ?? null]));
  for (const t of tables) {
    const k = key(t.columns);
    const g = out.get(k);
    if (g) g.push(t);
    else out.set(k, [t]);
  }
  return [...out.values()];
}
