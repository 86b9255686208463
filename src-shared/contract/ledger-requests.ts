import { z } from 'zod';
import { CANCEL_REASON_CODES, REPRINT_REASON_CODES, RECEIPT_METHODS } from '../domain/reasons';
import { MAX_DOCUMENT_SATANG } from '../money';
import { isoDate, password, terminalSlot, thaiText, username } from './fields';
import { LIMITS, type RequestSpec } from './spec';

/** Field schemas of the ledger (issue 5). Messages name what is wrong. */
export const amountSatang = z
  .number()
  .int('amountSatang must be a whole number of satang')
  .min(1, 'amountSatang must be at least 1 satang')
  .max(MAX_DOCUMENT_SATANG, `amountSatang must not exceed ${MAX_DOCUMENT_SATANG} (99,999,999.99 baht)`);
export const ref1 = z.string().regex(/^\d{15}$/, 'ref1 must be 15 digits');
export const revenueCode = z.string().regex(/^\d{6}$/, 'revenueCode must be 6 digits (LABC)');
export const payerId = z.string().regex(/^\d{13}$/, 'payerId must be 13 digits (national ID or juristic person id)');
export const receiptBook = z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/, 'book must be letters, digits and dashes, e.g. E70-5401-1');
export const receiptNo = z.number().int('receipt number must be a whole number').min(1, 'receipt number starts at 1').max(9_999_999, 'receipt number is too large');
const reasonText = thaiText('reason', 500);

/** Id of an approval asked through central (`approval.askCentral`): 26 characters of Crockford base32. */
export const centralApprovalId = z.string().regex(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/, 'requestId must be the 26-character id approval.askCentral gave');

/**
 * A supervisor's approval given on this terminal, as an offline approval code, or through central
 * (asked with `approval.askCentral`, decided at central, pulled; usable once).
 */
export const approval = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('in-person'), username, password }),
  z.strictObject({ method: z.literal('offline-code'), supervisorUsername: username, code: z.string().regex(/^\d{8}$/, 'approval code must be 8 digits') }),
  z.strictObject({ method: z.literal('central'), requestId: centralApprovalId }),
]);
export type ApprovalInput = z.infer<typeof approval>;

/** Cheque, draft and cashier's cheque details printed on the receipt. */
export const instrumentDetail = z.strictObject({
  bankName: thaiText('bank name', 100),
  branch: thaiText('branch', 100).optional(),
  instrumentNo: z.string().regex(/^[0-9A-Za-z-]{1,20}$/, 'instrument number: 1–20 letters, digits or dashes'),
  instrumentDate: isoDate,
});

export const receiptPayment = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('cash') }),
  z.strictObject({ method: z.literal('cheque'), detail: instrumentDetail }),
  z.strictObject({ method: z.literal('draft'), detail: instrumentDetail }),
  z.strictObject({ method: z.literal('cashier-cheque'), detail: instrumentDetail }),
  z.strictObject({ method: z.literal('bill-payment') }),
]);

/** Paid at the counter there and then: a bill payment is never taken this way (it waits for the bank). */
export const counterPayment = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('cash') }),
  z.strictObject({ method: z.literal('cheque'), detail: instrumentDetail }),
  z.strictObject({ method: z.literal('draft'), detail: instrumentDetail }),
  z.strictObject({ method: z.literal('cashier-cheque'), detail: instrumentDetail }),
]);

export const requestCreateInput = z.strictObject({
  payerName: thaiText('payer name', 200),
  payerId: payerId.optional(),
  revenueCode,
  amountSatang,
  dueDate: isoDate.optional(),
  fineOrderNo: z.string().trim().min(1, 'fineOrderNo is empty').max(40, 'fineOrderNo is longer than 40 characters').regex(/^[^\p{Cc}]*$/u, 'fineOrderNo contains control characters').optional(),
  fineIssuingOfficer: thaiText('fine issuing officer', 200).optional(),
  instalmentNo: z.number().int('instalmentNo must be a whole number').min(1, 'instalmentNo is 1–99').max(99, 'instalmentNo is 1–99').optional(),
});

const requestSummary = z.strictObject({
  requestId: z.string(),
  requestNo: z.string(),
  ref1,
  ref2: z.string(),
  payerName: z.string(),
  revenueCode,
  amountSatang,
  dueDate: isoDate,
  businessDate: isoDate,
  isManualFineEntry: z.boolean(),
});

export const receiptSummary = z.strictObject({
  receiptId: z.string(),
  receiptBook: z.string(),
  receiptNo: z.number().int(),
  businessDate: isoDate,
  issuedAtMs: z.number().int(),
  ref1: ref1.nullable(),
  payerName: z.string(),
  revenueCode,
  amountSatang,
  method: z.enum(RECEIPT_METHODS),
  receiverNameTh: z.string(),
  receiverPositionTh: z.string(),
  isPaper: z.boolean(),
  isPrinted: z.boolean(),
  copies: z.number().int(),
  isCancelled: z.boolean(),
  /** Bill payment shown by the payer's evidence, not yet confirmed by the bank's data. */
  isProvisional: z.boolean(),
});
export type ReceiptSummary = z.infer<typeof receiptSummary>;

const command = { kind: 'command', timeoutMs: LIMITS.loginTimeoutMs, maxInputBytes: LIMITS.defaultMaxInputBytes } as const;
const query = { kind: 'query', timeoutMs: LIMITS.defaultTimeoutMs, maxInputBytes: LIMITS.defaultMaxInputBytes } as const;
const COUNTER = ['operator', 'supervisor'] as const;
const READERS = ['operator', 'supervisor', 'finance', 'head', 'auditor', 'admin'] as const;

/** request.*, bill.*, payment.*, receipt.*, clock.*, terminal.*, ledger.*: the local ledger (issue 5). */
export const ledgerRequests = {
  'request.create': { input: requestCreateInput, output: requestSummary, access: COUNTER, ...command },
  'request.cancel': {
    input: z.strictObject({ ref1, reasonCode: z.enum(CANCEL_REASON_CODES), reasonText, approval: approval.optional() }),
    output: z.strictObject({ ref1 }),
    access: COUNTER,
    ...command,
  },
  'bill.show': {
    input: z.strictObject({ ref1 }),
    output: z.strictObject({
      ref1,
      ref2: z.string(),
      requestNo: z.string(),
      billerId: z.string(),
      companyCode: z.string().nullable(),
      payerName: z.string(),
      revenueCode,
      amountSatang,
      dueDate: isoDate,
      barcodeText: z.string(),
      qrText: z.string(),
      status: z.enum(['unpaid', 'paid', 'receipted', 'cancelled']),
    }),
    access: READERS,
    ...query,
  },
  'payment.recordEvidence': {
    input: z.strictObject({
      ref1,
      bankCode: z.string().regex(/^\d{3}$/, 'bankCode must be the 3-digit bank code, e.g. 006 for Krungthai'),
      paidAtMs: z.number().int('paidAtMs must be a whole number of milliseconds').min(0, 'paidAtMs is before 1970'),
      bankReference: z.string().regex(/^[0-9A-Za-z-]{1,40}$/, 'bankReference: 1–40 letters, digits or dashes'),
      amountSatang,
    }),
    output: z.strictObject({ confirmationId: z.string() }),
    access: COUNTER,
    ...command,
  },
  'receipt.issue': {
    input: z.strictObject({ ref1, payment: receiptPayment }),
    output: receiptSummary,
    access: COUNTER,
    ...command,
  },
  /** The counter's cash path: request, bill and receipt in one durable transaction. */
  'receipt.issueWithRequest': {
    input: z.strictObject({ request: requestCreateInput, payment: counterPayment }),
    output: z.strictObject({ request: requestSummary, receipt: receiptSummary }),
    access: COUNTER,
    ...command,
  },
  'receipt.markPrinted': {
    input: z.strictObject({ book: receiptBook, number: receiptNo }),
    output: receiptSummary,
    access: COUNTER,
    ...command,
  },
  'receipt.reprint': {
    input: z.strictObject({ book: receiptBook, number: receiptNo, reasonCode: z.enum(REPRINT_REASON_CODES), reasonText, approval: approval.optional() }),
    output: z.strictObject({ receipt: receiptSummary, copyNo: z.number().int() }),
    access: COUNTER,
    ...command,
  },
  'receipt.cancel': {
    input: z.strictObject({ book: receiptBook, number: receiptNo, reasonCode: z.enum(CANCEL_REASON_CODES), reasonText, approval: approval.optional() }),
    output: z.strictObject({ receipt: receiptSummary }),
    access: COUNTER,
    ...command,
  },
  'receipt.get': {
    input: z.strictObject({ book: receiptBook, number: receiptNo }),
    output: receiptSummary,
    access: READERS,
    ...query,
  },
  'clock.acknowledge': {
    input: z.strictObject({ reasonText }),
    output: z.strictObject({ previousEntryAtMs: z.number().int(), acknowledgedAtMs: z.number().int() }),
    access: ['supervisor'],
    ...command,
  },
  'terminal.rebind': {
    input: z.strictObject({ terminalSlot, reasonText }),
    output: z.strictObject({ terminalSlot, previousSlot: terminalSlot }),
    access: ['admin'],
    ...command,
  },
  'ledger.verify': {
    input: z.strictObject({}),
    output: z.strictObject({
      entries: z.number().int(),
      headHash: z.string(),
      problems: z.array(z.strictObject({ seq: z.number().int().nullable(), rule: z.string(), detail: z.string() })),
    }),
    access: ['supervisor', 'finance', 'head', 'auditor', 'admin'],
    kind: 'query',
    timeoutMs: 120_000,
    maxInputBytes: LIMITS.defaultMaxInputBytes,
  },
} as const satisfies Record<string, RequestSpec>;
