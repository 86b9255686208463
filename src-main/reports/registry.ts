import type Database from 'better-sqlite3';
import type { ReportName } from '../../src-shared/contract';
import { fiscalYearBeOf, fiscalYearRange, daysInMonth, datePartsOf, type BusinessDate } from '../../src-shared/dates';
import { fiscalYearSummary, gfmisReport, monthlySummary, remittanceReport } from './money-reports';
import { manualReceiptsReport } from './manual-receipts-report';
import type { ReportSource, ReportTable } from './model';
import { billPaymentsReport, cashRegister, epaymentRegister, finesReport, receiptRegister } from './receipt-reports';

export interface ReportDefinition {
  /** The period a report covers when only `--date` is given (most: that one day). */
  readonly periodOf?: (date: string) => { from: string; to: string };
  /** Most reports need only the receipts of the period; one that needs more reads it from `sqlite`. */
  readonly build: (source: ReportSource, sqlite: Database.Database) => ReportTable;
}

function monthOf(date: string): { from: string; to: string } {
  const { year, month } = datePartsOf(date as BusinessDate);
  const prefix = date.slice(0, 7);
  return { from: `${prefix}-01`, to: `${prefix}-${String(daysInMonth(year, month)).padStart(2, '0')}` };
}

function fiscalYearOf(date: string): { from: string; to: string } {
  const range = fiscalYearRange(fiscalYearBeOf(date as BusinessDate));
  return { from: range.firstDate, to: range.lastDate };
}

/** Every report, keyed by its cli.md name (`ebill report NAME`). */
export const REPORTS: Readonly<Partial<Record<ReportName, ReportDefinition>>> = {
  fines: { build: finesReport },
  'bill-payments': { build: billPaymentsReport },
  'receipt-register': { build: receiptRegister },
  'register-epayment': { build: epaymentRegister },
  'register-cash': { build: cashRegister },
  remittance: { build: remittanceReport },
  gfmis: { build: gfmisReport },
  'manual-receipts': { build: manualReceiptsReport },
  'monthly-summary': { build: monthlySummary, periodOf: monthOf },
  'fiscal-year-summary': { build: fiscalYearSummary, periodOf: fiscalYearOf },
};
