import type Database from 'better-sqlite3';
import { MAX_REPORT_RANGE_DAYS, type ReportFormat, type ReportName } from '../../src-shared/contract/report-requests';
import { MS_PER_DAY, type HolidayCalendar } from '../../src-shared/dates';
import { CodedError } from '../../src-shared/result';
import { readDeductionRates } from '../close/deductions';
import { officeHolidayCalendar } from '../close/holidays';
import { readRemittances } from '../close/remittance';
import { readOfficeHeader } from '../documents/document-data';
import type { PdfRenderer } from '../documents/renderer';
import type { Logger } from '../platform/logger';
import { catalogForNames } from '../ledger/catalog-in-force';
import { MAX_REPORT_RECEIPTS, readOfficeFacts, readReceiptFacts } from './facts';
import type { ReportSource, ReportTable } from './model';
import { REPORTS } from './registry';
import { reportHtml } from './render-pdf';
import { reportCsv, reportXlsx } from './render-xlsx';

export interface RenderedReport {
  readonly fileName: string;
  readonly format: ReportFormat;
  readonly bytes: Uint8Array;
  readonly rows: number;
  readonly totalSatang: number;
  readonly pages: number | null;
  readonly from: string;
  readonly to: string;
}

/** The office's holiday calendar (shipped + pulled years), or null when its data is missing (reports then say so instead of a deadline). */
export function calendarOrNull(sqlite: Database.Database, logger?: Logger): HolidayCalendar | null {
  try {
    return officeHolidayCalendar(sqlite, logger);
  } catch {
    return null;
  }
}

export function resolvePeriod(name: ReportName, date: string, to: string | undefined): { from: string; to: string } {
  const definition = REPORTS[name];
  if (definition === undefined) throw new CodedError('NOT_FOUND', `The ${name} report is not available in this version`);
  const period = to === undefined ? (definition.periodOf?.(date) ?? { from: date, to: date }) : { from: date, to };
  if (period.to < period.from) throw new CodedError('BAD_INPUT', `to: ${period.to} is before date ${period.from}`);
  const days = (Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / MS_PER_DAY + 1;
  if (days > MAX_REPORT_RANGE_DAYS) throw new CodedError('BAD_INPUT', `to: ${days} days; a report covers at most ${MAX_REPORT_RANGE_DAYS}`);
  return period;
}

export function loadReportSource(sqlite: Database.Database, from: string, to: string, calendar: HolidayCalendar | null): ReportSource {
  let facts;
  try {
    facts = readReceiptFacts(sqlite, from, to);
  } catch (error) {
    if (error instanceof RangeError) throw new CodedError('TOO_LARGE', `More than ${MAX_REPORT_RECEIPTS} receipts between ${from} and ${to}: choose a shorter range`);
    throw error;
  }
  return { from, to, facts, office: readOfficeFacts(sqlite), catalog: catalogForNames(sqlite), rates: readDeductionRates(sqlite), calendar, remittances: readRemittances(sqlite, from, to) };
}

/** A report as data (rows and totals): what the screens show and what every rendering is made from. */
export function buildReport(sqlite: Database.Database, name: ReportName, date: string, to: string | undefined, calendar = calendarOrNull(sqlite)): ReportTable {
  const period = resolvePeriod(name, date, to);
  const definition = REPORTS[name];
  if (definition === undefined) throw new CodedError('NOT_FOUND', `The ${name} report is not available in this version`);
  return definition.build(loadReportSource(sqlite, period.from, period.to, calendar), sqlite);
}

export function itemRows(table: ReportTable): number {
  return table.rows.filter((r) => r.kind === 'item').length;
}

/** Renders a report table as PDF (the documents report layout), XLSX (exceljs) or CSV. */
export async function renderReportFile(sqlite: Database.Database, renderer: PdfRenderer, table: ReportTable, format: ReportFormat, printedAtMs: number): Promise<RenderedReport> {
  const period = table.period.from === table.period.to ? table.period.from : `${table.period.from}_${table.period.to}`;
  const common = { fileName: `${table.name}-${period}.${format}`, format, rows: itemRows(table), totalSatang: table.totalSatang, from: table.period.from, to: table.period.to };
  if (format === 'pdf') {
    const pdf = await renderer.renderPdf(reportHtml(sqlite, table, printedAtMs));
    return { ...common, bytes: pdf.bytes, pages: pdf.pages };
  }
  if (format === 'xlsx') return { ...common, bytes: await reportXlsx(table, readOfficeHeader(sqlite).officeNameTh, printedAtMs), pages: null };
  return { ...common, bytes: reportCsv(table), pages: null };
}
