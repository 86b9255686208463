import type Database from 'better-sqlite3';
import { formatThaiDateNumeric, type BusinessDate } from '../../src-shared/dates';
import { formatSatang } from '../../src-shared/money';
import { readOfficeHeader } from '../documents/document-data';
import type { DocumentHtml } from '../documents/html';
import type { ReportData } from '../documents/model';
import { renderReport } from '../documents/report-layout';
import type { CellValue, ReportColumn, ReportTable } from './model';

/** A cell as printed: amounts with two decimals, dates in B.E. (the layout turns digits Thai when the office uses them). */
export function cellText(column: ReportColumn, value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (column.kind === 'satang' && typeof value === 'number') return formatSatang(value);
  if (column.kind === 'date' && typeof value === 'string') return formatThaiDateNumeric(value as BusinessDate);
  return String(value);
}

/** ReportTable → the shared report layout (documents/report-layout.ts): Thai headings, B.E. dates, totals, signatures. */
export function reportHtml(sqlite: Database.Database, table: ReportTable, printedAtMs: number): DocumentHtml {
  const data: ReportData = {
    office: readOfficeHeader(sqlite),
    titleTh: table.titleTh,
    period: table.period,
    printedAtMs,
    columns: table.columns.map((c) => ({ key: c.key, labelTh: c.labelTh, align: c.kind === 'satang' || c.kind === 'count' ? 'right' : 'left' })),
    rows: table.rows.map((row) => Object.fromEntries(table.columns.map((c) => [c.key, cellText(c, row.cells[c.key])]))),
    totals: [...table.totals.map((t) => ({ labelTh: t.labelTh, value: formatSatang(t.satang) })), ...table.notesTh.map((note) => ({ labelTh: note, value: '' }))],
    signatures: table.signatures,
  };
  return renderReport(data);
}
