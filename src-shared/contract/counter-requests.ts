import { z } from 'zod';
import { RECEIPT_METHODS } from '../domain/reasons';
import { isoDate } from './fields';
import { amountSatang, payerId, receiptBook, receiptNo, receiptSummary, ref1, revenueCode } from './ledger-requests';
import { LIMITS, type RequestSpec } from './spec';

/** Rows a counter list returns at most (style.md §14); the UI says when a list was cut. */
export const COUNTER_LIST_LIMIT = 200;

const ref2 = z.string().regex(/^\d{15}$/, 'ref2 must be 15 digits');
const nameText = z
  .string()
  .trim()
  .min(2, 'name: at least 2 characters')
  .max(100, 'name is longer than 100 characters')
  .regex(/^[^\p{Cc}%_]*$/u, 'name contains control characters or the wildcards % _');

const methodTotal = z.strictObject({ method: z.enum(RECEIPT_METHODS), count: z.number().int(), totalSatang: z.number().int() });

const paidBill = z.strictObject({
  ref1,
  ref2: z.string(),
  requestNo: z.string(),
  payerName: z.string(),
  revenueCode,
  amountSatang,
  dueDate: isoDate,
  source: z.enum(['bank-file', 'central', 'provisional']),
  paidAtMs: z.number().int(),
  bankReference: z.string(),
  paidAmountSatang: z.number().int(),
});

const searchRow = z.strictObject({
  ref1,
  ref2: z.string(),
  requestNo: z.string(),
  payerName: z.string(),
  payerId: z.string().nullable(),
  revenueCode,
  amountSatang,
  dueDate: isoDate,
  requestDate: isoDate,
  billStatus: z.enum(['unpaid', 'paid', 'receipted', 'cancelled']),
  /** One row per receipt of the bill (a cancelled one and its replacement both show); null when none. */
  receipt: receiptSummary.nullable(),
});

const receiptEvent = z.strictObject({
  kind: z.enum(['printed', 'reprinted', 'cancelled']),
  copyNo: z.number().int().nullable(),
  atMs: z.number().int(),
  businessDate: isoDate,
  userNameTh: z.string(),
  supervisorNameTh: z.string().nullable(),
  approvalMethod: z.string().nullable(),
  reasonCode: z.string().nullable(),
  reasonText: z.string().nullable(),
});

const READERS = ['operator', 'supervisor', 'finance', 'head', 'auditor', 'admin'] as const;
const query = { kind: 'query', timeoutMs: LIMITS.defaultTimeoutMs, maxInputBytes: LIMITS.defaultMaxInputBytes } as const;

export const searchInput = z
  .strictObject({
    ref1: ref1.optional(),
    ref2: ref2.optional(),
    payerId: payerId.optional(),
    name: nameText.optional(),
    book: receiptBook.optional(),
    number: receiptNo.optional(),
    businessDate: isoDate.optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), 'search: give at least one of ref1, ref2, payerId, name, book, number, businessDate')
  .refine((input) => input.number === undefined || input.book !== undefined, 'number: a receipt number needs its book');
export type SearchInput = z.infer<typeof searchInput>;

/**
 * day.*, bill.paidList, record.search, receipt.history: read-only queries the counter screens need
 * (issue 7). Nothing here writes; every role that reads the ledger may call them.
 */
export const counterRequests = {
  'day.summary': {
    input: z.strictObject({}),
    output: z.strictObject({
      businessDate: isoDate,
      requests: z.number().int(),
      receipts: z.number().int(),
      totalSatang: z.number().int(),
      byMethod: z.array(methodTotal),
      cancelledReceipts: z.number().int(),
      provisionalReceipts: z.number().int(),
      paidAwaitingReceipt: z.number().int(),
    }),
    access: READERS,
    ...query,
  },
  'bill.paidList': {
    input: z.strictObject({}),
    output: z.strictObject({ bills: z.array(paidBill), isCut: z.boolean() }),
    access: READERS,
    ...query,
  },
  'record.search': {
    input: searchInput,
    output: z.strictObject({ rows: z.array(searchRow), isCut: z.boolean() }),
    access: READERS,
    ...query,
  },
  'receipt.history': {
    input: z.strictObject({ book: receiptBook, number: receiptNo }),
    output: z.strictObject({ receipt: receiptSummary, payerId: z.string().nullable(), methodDetail: z.string().nullable(), events: z.array(receiptEvent) }),
    access: READERS,
    ...query,
  },
} as const satisfies Record<string, RequestSpec>;
