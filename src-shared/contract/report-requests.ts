import { z } from 'zod';
import { BASIS_POINTS_PER_WHOLE } from '../catalog';
import { parseBusinessDate } from '../dates';
import { revenueCode } from './ledger-requests';
import { LIMITS, type RequestSpec } from './spec';

/**
 * report.* and remittance.* (issue 10, src-main/reports/README.md). The first eight names are
 * cli.md's `ebill report NAME`; the summaries are added. A name whose report is not built in this
 * version (manual-receipts, the paper-books report) answers NOT_FOUND until its registry entry exists.
 */
export const REPORT_NAMES = [
  'fines',
  'bill-payments',
  'receipt-register',
  'register-epayment',
  'register-cash',
  'remittance',
  'manual-receipts',
  'gfmis',
  'monthly-summary',
  'fiscal-year-summary',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];
export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Longest range one report covers (a limit, style.md §14): a fiscal year is 366 days at most. */
export const MAX_REPORT_RANGE_DAYS = 366;

export const REPORT_LIMITS = {
  /** Rendering starts Chromium (30 s) and renders a long report (up to 180 s: documents/renderer.ts LONG_DOCUMENT_LIMITS); room for reading a year of receipts. */
  renderTimeoutMs: 240_000,
  maxInputBytes: 4 * 1024,
} as const;

/** A real calendar date, YYYY-MM-DD. */
export const businessDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')
  .refine((text) => parseBusinessDate(text).ok, 'date is not a calendar date');

const rowId = z.string().regex(/^[0-9A-Za-z-]{1,40}$/, 'id: 1–40 letters, digits or dashes');
const bankReference = z.string().regex(/^[0-9A-Za-z/-]{1,40}$/, 'bankReference: 1–40 letters, digits, / or -');
const basisPoints = (what: string) =>
  z
    .number()
    .int(`${what} must be a whole number of basis points`)
    .min(0, `${what} must not be negative`)
    .max(BASIS_POINTS_PER_WHOLE, `${what} is at most ${BASIS_POINTS_PER_WHOLE} (100 %)`);

const reportPeriod = { name: z.enum(REPORT_NAMES), date: businessDate, to: businessDate.optional() };

const cell = z.union([z.string(), z.number(), z.null()]);
export const reportTable = z.strictObject({
  name: z.string(),
  titleTh: z.string(),
  titleEn: z.string(),
  ruleTh: z.string(),
  period: z.strictObject({ from: z.string(), to: z.string() }),
  columns: z.array(z.strictObject({ key: z.string(), labelTh: z.string(), labelEn: z.string(), kind: z.enum(['text', 'satang', 'date', 'count']) })),
  rows: z.array(z.strictObject({ kind: z.enum(['item', 'group', 'subtotal']), cells: z.record(z.string(), cell) })),
  totals: z.array(z.strictObject({ labelTh: z.string(), labelEn: z.string(), satang: z.number().int() })),
  totalSatang: z.number().int(),
  signatures: z.array(z.strictObject({ roleTh: z.string() })),
  notesTh: z.array(z.string()),
});

const renderedFile = z.strictObject({
  fileName: z.string(),
  format: z.enum(REPORT_FORMATS),
  contentBase64: z.string(),
  /** Item rows (receipts, or lines of a summary); group heads and subtotals are not counted. */
  rows: z.number().int(),
  /** Cancelled receipts excluded (cli.md). */
  totalSatang: z.number().int(),
  pages: z.number().int().nullable(),
  from: z.string(),
  to: z.string(),
});

const scope = z.enum(['cash', 'bill-payment']);
const remittanceLine = z.strictObject({
  revenueCode: z.string(),
  scope,
  receiptCount: z.number().int(),
  collectedSatang: z.number().int(),
  rewardSatang: z.number().int(),
  costSatang: z.number().int(),
  remitSatang: z.number().int(),
});
const remittanceRecord = z.strictObject({
  id: z.string(),
  scope,
  amountSatang: z.number().int(),
  deductedSatang: z.number().int(),
  bankReference: z.string(),
  remittedAtMs: z.number().int(),
  recordedByNameTh: z.string().nullable(),
  atMs: z.number().int(),
});
const overdue = z.strictObject({ businessDate: z.string(), scope: z.enum(['cash', 'bill-payment']), remitSatang: z.number().int(), deadlineMs: z.number().int() });
const rate = z.strictObject({ revenueCode, rewardBasisPoints: basisPoints('rewardBasisPoints'), costBasisPoints: basisPoints('costBasisPoints') });

/** Finance officer and head of unit read and print reports; the auditor reads only (seed 001 §9). */
const REPORT_READERS = ['finance', 'head', 'auditor'] as const;
const render = { kind: 'query', timeoutMs: REPORT_LIMITS.renderTimeoutMs, maxInputBytes: REPORT_LIMITS.maxInputBytes } as const;
const query = { kind: 'query', timeoutMs: LIMITS.defaultTimeoutMs, maxInputBytes: REPORT_LIMITS.maxInputBytes } as const;
const command = { kind: 'command', timeoutMs: LIMITS.defaultTimeoutMs, maxInputBytes: REPORT_LIMITS.maxInputBytes } as const;

export const reportRequests = {
  'report.table': { input: z.strictObject(reportPeriod), output: z.strictObject({ table: reportTable }), access: REPORT_READERS, ...query },
  'report.render': { input: z.strictObject({ ...reportPeriod, format: z.enum(REPORT_FORMATS) }), output: renderedFile, access: REPORT_READERS, ...render },
  'report.bankImport': {
    input: z.strictObject({ fileId: rowId, format: z.enum(['pdf', 'xlsx']) }),
    output: renderedFile,
    access: REPORT_READERS,
    ...render,
  },
  'remittance.rates': { input: z.strictObject({}), output: z.strictObject({ rates: z.array(rate) }), access: [...REPORT_READERS, 'admin'], ...query },
  'remittance.setRate': { input: rate, output: rate, access: ['admin'], ...command },
  'remittance.record': {
    input: z.strictObject({
      businessDate,
      scope: z.enum(['cash', 'bill-payment']),
      bankReference,
      remittedAtMs: z.number().int('remittedAtMs must be whole milliseconds').min(0, 'remittedAtMs is before 1970'),
    }),
    output: z.strictObject({ id: z.string(), businessDate: z.string(), scope: z.enum(['cash', 'bill-payment']), amountSatang: z.number().int(), deductedSatang: z.number().int(), bankReference: z.string() }),
    access: ['finance'],
    ...command,
  },
  /** The remittance screen: a day's amounts per revenue code and scope, its deadline and records, and who remits what. */
  'remittance.day': {
    input: z.strictObject({ businessDate }),
    output: z.strictObject({
      businessDate: z.string(),
      officeKind: z.enum(['district', 'provincial']),
      /** null when the holiday calendar has no data for the next business day. */
      deadlineMs: z.number().int().nullable(),
      lines: z.array(remittanceLine),
      records: z.array(remittanceRecord),
    }),
    access: REPORT_READERS,
    ...query,
  },
  'remittance.overdue': {
    input: z.strictObject({}),
    output: z.strictObject({ overdue: z.array(overdue), calendarMissing: z.boolean() }),
    // The home screen of every role shows the alarm.
    access: ['operator', 'supervisor', 'finance', 'head', 'auditor', 'admin'],
    ...query,
  },
} as const satisfies Record<string, RequestSpec>;
