import { z } from 'zod';
import { CANCEL_REASON_CODES, REPRINT_REASON_CODES } from '../domain/reasons';
import { thaiText } from './fields';
import { receiptBook, receiptNo, ref1 } from './ledger-requests';
import { LIMITS, type RequestSpec } from './spec';

/**
 * Approvals through central (design.md "Supervisor approval", path 2; issue 11): the operator asks
 * here, the supervisor decides in central's console, the decision arrives by pull and is used once
 * as `approval: {method: 'central', requestId}` on receipt.reprint / receipt.cancel / request.cancel.
 */
const reasonText = thaiText('reason', 500);
const askCentralInput = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('receipt.reprint'), book: receiptBook, number: receiptNo, reasonCode: z.enum(REPRINT_REASON_CODES), reasonText }),
  z.strictObject({ action: z.literal('receipt.cancel'), book: receiptBook, number: receiptNo, reasonCode: z.enum(CANCEL_REASON_CODES), reasonText }),
  z.strictObject({ action: z.literal('request.cancel'), ref1, reasonCode: z.enum(CANCEL_REASON_CODES), reasonText }),
]);
export type AskCentralInput = z.infer<typeof askCentralInput>;

const centralStatus = z.enum(['pending', 'approved', 'rejected']);
const centralApproval = z.strictObject({
  requestId: z.string(),
  action: z.enum(['receipt.reprint', 'receipt.cancel', 'request.cancel']),
  /** `book/number` of a receipt, or the Ref1 of a request. */
  subject: z.string(),
  reasonCode: z.string(),
  reasonText: z.string(),
  status: centralStatus,
  /** False while central has not received it (no network): the next pull sends it. */
  isSent: z.boolean(),
  isUsed: z.boolean(),
  supervisorNameTh: z.string().nullable(),
  requestedAtMs: z.number().int(),
  decidedAtMs: z.number().int().nullable(),
});
export type CentralApprovalSummary = z.infer<typeof centralApproval>;

const COUNTER = ['operator', 'supervisor'] as const;

export const syncRequests = {
  'approval.askCentral': {
    input: askCentralInput,
    output: centralApproval,
    access: COUNTER,
    kind: 'command',
    timeoutMs: LIMITS.loginTimeoutMs,
    maxInputBytes: LIMITS.defaultMaxInputBytes,
  },
  /** This terminal's requests, newest first; `checkCentral` pulls from central first (a few seconds at most; unreachable is said, not an error). */
  'approval.centralList': {
    input: z.strictObject({ checkCentral: z.boolean().optional() }),
    output: z.strictObject({ approvals: z.array(centralApproval), isCentralReached: z.boolean().nullable() }),
    access: COUNTER,
    kind: 'command',
    timeoutMs: LIMITS.loginTimeoutMs,
    maxInputBytes: LIMITS.defaultMaxInputBytes,
  },
} satisfies Record<string, RequestSpec>;
