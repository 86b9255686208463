import { z } from 'zod';
import { MAX_DOCUMENT_SATANG } from '../money';
import { RECEIPT_METHODS } from '../domain/reasons';
import { isoDate, terminalSlot, thaiText, username } from './fields';
import { amountSatang, payerId, receiptPayment, ref1, revenueCode } from './ledger-requests';
import { LIMITS, type RequestSpec } from './spec';

/** Most leaf ranges one request may carry (an outage's written leaves, a field order's books). */
export const MAX_LEAF_RANGES = 50;

const rowId = z.string().regex(/^[0-9A-Za-z-]{1,40}$/, 'id: 1–40 letters, digits or dashes');
/** A paper book's number; the electronic books' form E{yy}-{place}-{slot} is theirs alone. */
export const paperBookNo = z
  .string()
  .regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/, 'bookNo must be capital letters, digits and dashes, e.g. P70-001')
  .refine((text) => !/^E\d{2}-\d{4}-\d$/.test(text), 'bookNo E{yy}-{place}-{slot} is the form of electronic books');
export const leafNo = z.number().int('leaf must be a whole number').min(1, 'leaf starts at 1').max(9_999_999, 'leaf is too large');
const fiscalYearBe = z.number().int('fiscalYearBe must be a whole B.E. year').min(2500, 'fiscalYearBe is a B.E. year, e.g. 2570').max(2999, 'fiscalYearBe is a B.E. year, e.g. 2570');
const epochMs = z.number().int('time must be whole milliseconds').min(0, 'time is before 1970');
const reasonText = thaiText('reason', 500);
const countedSatang = z
  .number()
  .int('countedSatang must be a whole number of satang')
  .min(0, 'countedSatang must not be negative')
  .max(MAX_DOCUMENT_SATANG, `countedSatang must not exceed ${MAX_DOCUMENT_SATANG}`);

export const leafRange = z.strictObject({ bookNo: paperBookNo, firstLeaf: leafNo, lastLeaf: leafNo });
export const writtenLeaves = z.strictObject({ bookNo: paperBookNo, firstLeaf: leafNo, lastLeaf: leafNo, businessDate: isoDate });

const holder = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('office') }),
  z.strictObject({ kind: z.literal('terminal'), terminalSlot }),
  z.strictObject({ kind: z.literal('officer'), username }),
]);

const leafState = z.enum(['unused', 'issued', 'spoiled', 'cancelled']);

const bookSummary = z.strictObject({
  bookId: z.string(),
  bookNo: z.string(),
  firstLeaf: z.number().int(),
  lastLeaf: z.number().int(),
  fiscalYearBe: z.number().int(),
  isClosed: z.boolean(),
  holder: z.strictObject({ kind: z.enum(['office', 'terminal', 'officer']), terminalSlot: z.number().int().nullable(), username: z.string().nullable() }).nullable(),
  counts: z.strictObject({ unused: z.number().int(), issued: z.number().int(), spoiled: z.number().int(), cancelled: z.number().int() }),
});

const leafSpan = z.strictObject({ firstLeaf: z.number().int(), lastLeaf: z.number().int() });

/** A book central assigned to this terminal or the whole office (issue 11) beside the local register. */
const centralBookRow = z.strictObject({
  bookNo: z.string(),
  firstLeaf: z.number().int(),
  lastLeaf: z.number().int(),
  /** Null: central gave it to the whole office; else to this terminal. */
  terminalSlot: z.number().int().nullable(),
  assignedAtMs: z.number().int(),
  pulledAtMs: z.number().int(),
  /** not-registered: not in the register here; registered: with central's range; range-differs: a conflict (both ranges shown). */
  state: z.enum(['not-registered', 'registered', 'range-differs']),
  local: z.strictObject({ firstLeaf: z.number().int(), lastLeaf: z.number().int(), isClosed: z.boolean() }).nullable(),
});

/** A book registered here that central did not give this terminal or the office: flagged, never blocked. */
const localOnlyBook = z.strictObject({
  bookNo: z.string(),
  firstLeaf: z.number().int(),
  lastLeaf: z.number().int(),
  isClosed: z.boolean(),
  state: z.enum(['unknown-to-central', 'other-terminal']),
  central: leafSpan.extend({ terminalSlot: z.number().int().nullable() }).nullable(),
});

const outageSummary = z.strictObject({
  outageId: z.string(),
  startedAtMs: z.number().int(),
  endedAtMs: z.number().int().nullable(),
  cause: z.string(),
  reportedByUsername: z.string().nullable(),
  note: z.string().nullable(),
});

const fieldOrderSummary = z.strictObject({
  orderId: z.string(),
  orderNo: z.string(),
  officerUsername: z.string().nullable(),
  placeText: z.string(),
  fromDate: isoDate,
  toDate: isoDate,
  handoverDueDate: isoDate,
  leavesTaken: z.array(leafRange),
  isHandedOver: z.boolean(),
  /** Not handed over and the due date is before today (field.list) or the as-of day (field.overdue). */
  isOverdue: z.boolean(),
  /** The slot of this terminal when the order took it (a laptop) into the field; its electronic receipts then count. */
  terminalSlot: z.number().int().nullable(),
  /** What the officer must hand in: keyed paper leaves + the laptop's electronic receipts, in force. */
  receipts: z.strictObject({
    paperCount: z.number().int(),
    paperSatang: z.number().int(),
    electronicCount: z.number().int(),
    electronicSatang: z.number().int(),
    totalSatang: z.number().int(),
  }),
  handover: z
    .strictObject({
      countedSatang: z.number().int(),
      receiptsSatang: z.number().int(),
      varianceSatang: z.number().int(),
      varianceReason: z.string().nullable(),
      receivedByUsername: z.string().nullable(),
      businessDate: isoDate,
      isLate: z.boolean(),
    })
    .nullable(),
});

/** Exactly one of outageId / fieldOrderId: why the leaf was written on paper. */
const oneSource = (value: { outageId?: string | undefined; fieldOrderId?: string | undefined }): boolean => (value.outageId === undefined) !== (value.fieldOrderId === undefined);
const ONE_SOURCE_MESSAGE = { message: 'give exactly one of outageId (an outage) or fieldOrderId (a field-collection order)', path: ['outageId'] };

export const paperReceiptKeyInput = z
  .strictObject({
    outageId: rowId.optional(),
    fieldOrderId: rowId.optional(),
    bookNo: paperBookNo,
    leaf: leafNo,
    paperDate: isoDate,
    payerName: thaiText('payer name', 200),
    payerId: payerId.optional(),
    revenueCode,
    amountSatang,
    payment: receiptPayment,
    ref1: ref1.optional(),
  })
  .refine(oneSource, ONE_SOURCE_MESSAGE);

const command = { kind: 'command', timeoutMs: LIMITS.defaultTimeoutMs, maxInputBytes: LIMITS.defaultMaxInputBytes } as const;
const query = { kind: 'query', timeoutMs: LIMITS.defaultTimeoutMs, maxInputBytes: LIMITS.defaultMaxInputBytes } as const;
const READERS = ['operator', 'supervisor', 'finance', 'head', 'auditor', 'admin'] as const;
const BOOK_KEEPERS = ['finance', 'admin'] as const;
/** Who keys a paper receipt: the counter operator, or the finance officer (issue 8). */
const KEYERS = ['operator', 'finance'] as const;
/** Who may report an outage or record the leaves written: anyone at the office but the auditor. */
const REPORTERS = ['operator', 'supervisor', 'finance', 'head', 'admin'] as const;

/** book.*, paperReceipt.*, paperLeaves.*, outage.*, field.*: paper receipt books, outages and field collection (issue 8). */
export const booksRequests = {
  'book.register': {
    input: z.strictObject({ bookNo: paperBookNo, firstLeaf: leafNo, lastLeaf: leafNo, fiscalYearBe }),
    output: z.strictObject({ bookId: z.string(), bookNo: z.string() }),
    access: BOOK_KEEPERS,
    ...command,
  },
  'book.assign': {
    input: z.strictObject({ bookNo: paperBookNo, holder }),
    output: z.strictObject({ assignmentId: z.string(), bookNo: z.string(), holderKind: z.enum(['office', 'terminal', 'officer']) }),
    access: BOOK_KEEPERS,
    ...command,
  },
  'book.list': {
    input: z.strictObject({}),
    output: z.strictObject({ books: z.array(bookSummary) }),
    access: READERS,
    ...query,
  },
  'book.centralList': {
    input: z.strictObject({}),
    output: z.strictObject({ terminalSlot: z.number().int().nullable(), isEnrolled: z.boolean(), assignments: z.array(centralBookRow), localOnly: z.array(localOnlyBook) }),
    access: READERS,
    ...query,
  },
  'book.registerFromCentral': {
    input: z.strictObject({ bookNo: paperBookNo }),
    output: z.strictObject({
      bookId: z.string(),
      assignmentId: z.string(),
      bookNo: z.string(),
      firstLeaf: z.number().int(),
      lastLeaf: z.number().int(),
      fiscalYearBe: z.number().int(),
      terminalSlot: z.number().int().nullable(),
    }),
    access: BOOK_KEEPERS,
    ...command,
  },
  'book.leaves': {
    input: z.strictObject({ bookNo: paperBookNo }),
    output: z.strictObject({ bookNo: z.string(), leaves: z.array(z.strictObject({ leaf: z.number().int(), state: leafState })) }),
    access: READERS,
    ...query,
  },
  'book.markLeaf': {
    input: z.strictObject({ bookNo: paperBookNo, leaf: leafNo, kind: z.enum(['spoiled', 'cancelled']), reasonText }),
    output: z.strictObject({ eventId: z.string() }),
    access: ['operator', 'supervisor', 'finance'],
    ...command,
  },
  'book.close': {
    input: z.strictObject({ bookNo: paperBookNo }),
    output: z.strictObject({ closureId: z.string(), bookNo: z.string() }),
    access: BOOK_KEEPERS,
    ...command,
  },
  'paperReceipt.key': {
    input: paperReceiptKeyInput,
    output: z.strictObject({
      receiptId: z.string(),
      keyingId: z.string(),
      receiptBook: z.string(),
      receiptNo: z.number().int(),
      businessDate: isoDate,
      amountSatang,
      keyedAtMs: z.number().int(),
    }),
    access: KEYERS,
    ...command,
  },
  'paperLeaves.record': {
    input: z
      .strictObject({ outageId: rowId.optional(), fieldOrderId: rowId.optional(), ranges: z.array(writtenLeaves).min(1, 'ranges: at least one').max(MAX_LEAF_RANGES, `ranges: at most ${MAX_LEAF_RANGES}`) })
      .refine(oneSource, ONE_SOURCE_MESSAGE),
    output: z.strictObject({ rangeIds: z.array(z.string()) }),
    access: REPORTERS,
    ...command,
  },
  'outage.start': {
    input: z.strictObject({ cause: thaiText('cause', 500), startedAtMs: epochMs.optional() }),
    output: z.strictObject({ outageId: z.string(), startedAtMs: z.number().int() }),
    access: REPORTERS,
    ...command,
  },
  'outage.end': {
    input: z.strictObject({
      outageId: rowId,
      endedAtMs: epochMs.optional(),
      note: thaiText('note', 500).optional(),
      writtenLeaves: z.array(writtenLeaves).max(MAX_LEAF_RANGES, `writtenLeaves: at most ${MAX_LEAF_RANGES}`),
    }),
    output: z.strictObject({ outageId: z.string(), endedAtMs: z.number().int(), rangeIds: z.array(z.string()) }),
    access: REPORTERS,
    ...command,
  },
  'outage.list': {
    input: z.strictObject({}),
    output: z.strictObject({ outages: z.array(outageSummary) }),
    access: READERS,
    ...query,
  },
  'outage.report': {
    input: z.strictObject({ businessDate: isoDate }),
    output: z.strictObject({
      businessDate: isoDate,
      receipts: z.array(
        z.strictObject({
          receiptBook: z.string(),
          receiptNo: z.number().int(),
          payerName: z.string(),
          revenueCode: z.string(),
          amountSatang: z.number().int(),
          method: z.enum(RECEIPT_METHODS),
          outageId: z.string().nullable(),
          fieldOrderNo: z.string().nullable(),
          keyedByUsername: z.string(),
          keyedAtMs: z.number().int(),
          isCancelled: z.boolean(),
        }),
      ),
      outages: z.array(z.strictObject({ outageId: z.string(), startedAtMs: z.number().int(), endedAtMs: z.number().int().nullable(), cause: z.string(), reportedByUsername: z.string().nullable() })),
      unkeyedLeaves: z.array(z.strictObject({ book: z.string(), leaf: z.number().int() })),
      count: z.number().int(),
      totalSatang: z.number().int(),
    }),
    access: READERS,
    ...query,
  },
  'field.order': {
    input: z.strictObject({
      orderNo: z.string().regex(/^[0-9A-Za-z/\-.]{1,40}$/, 'orderNo: 1–40 letters, digits, / - .'),
      officerUsername: username,
      placeText: thaiText('place', 200),
      fromDate: isoDate,
      toDate: isoDate,
      leaves: z.array(leafRange).max(MAX_LEAF_RANGES, `leaves: at most ${MAX_LEAF_RANGES}`),
      /** This terminal (a laptop) goes into the field under the order: its electronic receipts count at the hand-over. */
      takesThisTerminal: z.boolean().optional(),
    })
      // An order sends paper leaves, this terminal, or both: something to issue receipts with.
      .refine((o) => o.leaves.length > 0 || o.takesThisTerminal === true, { message: 'leaves: the order names the leaves taken (or takes this terminal)', path: ['leaves'] }),
    output: z.strictObject({ orderId: z.string(), handoverDueDate: isoDate, terminalSlot: z.number().int().nullable() }),
    access: ['head'],
    ...command,
  },
  'field.handover': {
    input: z.strictObject({ orderId: rowId, countedSatang, varianceReason: reasonText.optional() }),
    output: z.strictObject({
      handoverId: z.string(),
      countedSatang: z.number().int(),
      receiptsSatang: z.number().int(),
      paperReceiptsSatang: z.number().int(),
      electronicReceiptsSatang: z.number().int(),
      varianceSatang: z.number().int(),
      handoverDueDate: isoDate,
      isLate: z.boolean(),
    }),
    access: KEYERS,
    ...command,
  },
  'field.list': {
    input: z.strictObject({}),
    output: z.strictObject({ orders: z.array(fieldOrderSummary) }),
    access: READERS,
    ...query,
  },
  'field.overdue': {
    input: z.strictObject({ asOfDate: isoDate.optional() }),
    output: z.strictObject({ asOfDate: isoDate, orders: z.array(fieldOrderSummary) }),
    access: READERS,
    ...query,
  },
} as const satisfies Record<string, RequestSpec>;
