import { CodedError } from '../../src-shared/result';
import { requireSession, type Handlers } from '../host/context';
import { setDeductionRate, readDeductionRates } from '../close/deductions';
import { officeRemittanceLines, overdueRemittances, recordRemittance, remittanceDeadlineMs, remittancesWithNames, remitsScope, OVERDUE_LOOKBACK_DAYS } from '../close/remittance';
import { officeKindOf } from '../office/office-kind';
import { addDays, businessDateOf, type BusinessDate, type HolidayCalendar } from '../../src-shared/dates';
import { catalogInForce } from '../ledger/catalog-in-force';
import { bankImportReport } from './bank-import-report';
import type { ReportTable } from './model';
import { buildReport, calendarOrNull, renderReportFile, type RenderedReport } from './service';

/** The table as the contract's plain (mutable) arrays. */
function plainTable(t: ReportTable) {
  return {
    ...t,
    period: { ...t.period },
    columns: t.columns.map((c) => ({ ...c })),
    rows: t.rows.map((r) => ({ kind: r.kind, cells: { ...r.cells } })),
    totals: t.totals.map((x) => ({ ...x })),
    signatures: t.signatures.map((x) => ({ ...x })),
    notesTh: [...t.notesTh],
  };
}

function fileReply(file: RenderedReport) {
  return {
    fileName: file.fileName,
    format: file.format,
    contentBase64: Buffer.from(file.bytes).toString('base64'),
    rows: file.rows,
    totalSatang: file.totalSatang,
    pages: file.pages,
    from: file.from,
    to: file.to,
  };
}

/** The deadline, or null when the holiday data does not reach the next business day (the screen says so). */
function deadlineOrNull(calendar: HolidayCalendar | null, businessDate: string): number | null {
  if (calendar === null) return null;
  try {
    return remittanceDeadlineMs(calendar, businessDate as BusinessDate);
  } catch (error) {
    if (error instanceof CodedError && String(error.code).startsWith('HOLIDAYS_')) return null;
    throw error;
  }
}

/** The reports' and remittance's slice of the contract (issue 10). Roles are checked by the dispatcher first. */
export const reportHandlers = {
  'report.table': (input, { services }) => ({ table: plainTable(buildReport(services.database.sqlite, input.name, input.date, input.to)) }),
  'report.render': async (input, { services }) => {
    const table = buildReport(services.database.sqlite, input.name, input.date, input.to);
    return fileReply(await renderReportFile(services.database.sqlite, services.printing.renderer(), table, input.format, services.clock.nowMs()));
  },
  'report.bankImport': async (input, { services }) => {
    const table = bankImportReport(services.database.sqlite, input.fileId, input.format === 'pdf');
    return fileReply(await renderReportFile(services.database.sqlite, services.printing.renderer(), table, input.format, services.clock.nowMs()));
  },
  'remittance.rates': (_input, { services }) => ({ rates: [...readDeductionRates(services.database.sqlite).values()] }),
  'remittance.setRate': (input, ctx) => setDeductionRate({ sqlite: ctx.services.database.sqlite, clock: ctx.services.clock, machineId: ctx.services.machineId }, catalogInForce(ctx.services.database.sqlite, ctx.services.logger), requireSession(ctx).userId, input),
  'remittance.record': (input, ctx) => {
    const record = recordRemittance({ sqlite: ctx.services.database.sqlite, clock: ctx.services.clock, machineId: ctx.services.machineId }, requireSession(ctx).userId, input);
    return { id: record.id, businessDate: record.businessDate, scope: record.scope, amountSatang: record.amountSatang, deductedSatang: record.deductedSatang, bankReference: record.bankReference };
  },
  'remittance.day': (input, { services }) => {
    const sqlite = services.database.sqlite;
    const day = input.businessDate;
    return {
      businessDate: day,
      officeKind: officeKindOf(sqlite),
      deadlineMs: deadlineOrNull(calendarOrNull(sqlite, services.logger), day),
      lines: officeRemittanceLines(sqlite, day, day).map((l) => ({ revenueCode: l.revenueCode, scope: l.scope, receiptCount: l.receiptCount, collectedSatang: l.collectedSatang, rewardSatang: l.rewardSatang, costSatang: l.costSatang, remitSatang: l.remitSatang })),
      records: remittancesWithNames(sqlite, day).map((r) => ({ id: r.id, scope: r.scope, amountSatang: r.amountSatang, deductedSatang: r.deductedSatang, bankReference: r.bankReference, remittedAtMs: r.remittedAtMs, recordedByNameTh: r.recordedByNameTh, atMs: r.atMs })),
    };
  },
  'remittance.overdue': (_input, { services }) => {
    const calendar = calendarOrNull(services.database.sqlite, services.logger);
    if (calendar === null) return { overdue: [], calendarMissing: true };
    const nowMs = services.clock.nowMs();
    const today = businessDateOf(nowMs);
    try {
      const overdue = overdueRemittances(services.database.sqlite, calendar, nowMs, { fromDate: addDays(today, -OVERDUE_LOOKBACK_DAYS), toDate: today, includeBillPayments: remitsScope(services.database.sqlite, 'bill-payment') });
      return { overdue, calendarMissing: false };
    } catch (error) {
      // A day whose year has no holiday data: say so rather than guess a deadline.
      if (error instanceof CodedError && String(error.code).startsWith('HOLIDAYS_')) return { overdue: [], calendarMissing: true };
      throw error;
    }
  },
} satisfies Pick<Handlers, 'report.table' | 'report.render' | 'report.bankImport' | 'remittance.rates' | 'remittance.setRate' | 'remittance.record' | 'remittance.day' | 'remittance.overdue'>;
