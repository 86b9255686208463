import { z } from 'zod';
import { countedPiecesSchema } from '../domain/cash';
import { businessDate } from './report-requests';
import { thaiText } from './fields';
import { LIMITS, type RequestSpec } from './spec';

const receiptRef = z.strictObject({ book: z.string(), number: z.number().int(), amountSatang: z.number().int() });
const leaf = z.strictObject({ book: z.string(), leaf: z.number().int(), outageId: z.string().nullable(), fieldOrderId: z.string().nullable() });

export const closeSummary = z.strictObject({
  id: z.string(),
  businessDate: z.string(),
  kind: z.enum(['shift', 'close', 'supplementary']),
  isLate: z.boolean(),
  receiverUserId: z.string().nullable(),
  receiptCount: z.number().int(),
  totalSatang: z.number().int(),
  cashExpectedSatang: z.number().int(),
  cashCountedSatang: z.number().int(),
  varianceSatang: z.number().int(),
  varianceReason: z.string().nullable(),
  unconfirmedCount: z.number().int(),
  chainHeadSeq: z.number().int(),
  chainHeadHash: z.string(),
  closedByUserId: z.string(),
  closedByNameTh: z.string().nullable(),
  atMs: z.number().int(),
  entrySeq: z.number().int(),
});

/** The `--counted-file` of `ebill day close` and the input of `close.day` (src-main/close/README.md). */
export const countedCashFile = z.strictObject({ pieces: countedPiecesSchema, varianceReason: thaiText('variance reason', 500).optional() });

const CLOSERS = ['finance', 'head'] as const;
/** Whoever took money counts their own drawer at the end of a shift. */
const SHIFT_CLOSERS = ['operator', 'supervisor', 'finance', 'head'] as const;

/** close.*: shift and day close (issue 10). Closing is the finance officer's or the head of unit's; the auditor reads the status. */
export const closeRequests = {
  'close.status': {
    input: z.strictObject({ businessDate }),
    output: z.strictObject({
      businessDate: z.string(),
      nextKind: z.enum(['shift', 'close', 'supplementary']).nullable(),
      receiptCount: z.number().int(),
      totalSatang: z.number().int(),
      cashExpectedSatang: z.number().int(),
      unprintedOriginals: z.array(receiptRef),
      unconfirmedProvisional: z.array(receiptRef),
      unkeyedPaperLeaves: z.array(leaf),
      closes: z.array(closeSummary),
      shifts: z.array(closeSummary),
    }),
    access: [...CLOSERS, 'auditor'],
    kind: 'query',
    timeoutMs: LIMITS.defaultTimeoutMs,
    maxInputBytes: LIMITS.defaultMaxInputBytes,
  },
  'close.day': {
    input: z.strictObject({ businessDate, ...countedCashFile.shape }),
    output: z.strictObject({ close: closeSummary, unconfirmedProvisional: z.array(receiptRef) }),
    access: CLOSERS,
    kind: 'command',
    timeoutMs: LIMITS.defaultTimeoutMs,
    maxInputBytes: LIMITS.defaultMaxInputBytes,
  },
  'close.shiftStatus': {
    input: z.strictObject({ businessDate }),
    // The caller's own drawer: their receipts of the date since their last shift close; `canClose` false once the day is closed.
    output: z.strictObject({
      businessDate: z.string(),
      canClose: z.boolean(),
      receiptCount: z.number().int(),
      totalSatang: z.number().int(),
      cashExpectedSatang: z.number().int(),
      unprintedOriginals: z.array(receiptRef),
      unconfirmedProvisional: z.array(receiptRef),
      shifts: z.array(closeSummary),
    }),
    access: SHIFT_CLOSERS,
    kind: 'query',
    timeoutMs: LIMITS.defaultTimeoutMs,
    maxInputBytes: LIMITS.defaultMaxInputBytes,
  },
  'close.shift': {
    input: z.strictObject({ businessDate, ...countedCashFile.shape }),
    output: z.strictObject({ close: closeSummary, unconfirmedProvisional: z.array(receiptRef) }),
    access: SHIFT_CLOSERS,
    kind: 'command',
    timeoutMs: LIMITS.defaultTimeoutMs,
    maxInputBytes: LIMITS.defaultMaxInputBytes,
  },
} as const satisfies Record<string, RequestSpec>;
