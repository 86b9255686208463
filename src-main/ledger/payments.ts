import { CodedError } from '../../src-shared/result';
import { runLedgerAction, runLedgerActions, type ActionContext, type ActionOutcome, type LedgerDeps } from './action';
import type { Approval } from './approvals';
import { bestConfirmation, requireBill } from './bills';
import { prepared } from './statements';

export interface PaymentEvidence {
  readonly ref1: string;
  readonly source: 'bank-file' | 'central' | 'provisional';
  readonly bankCode: string | null;
  readonly paidAtMs: number;
  readonly bankReference: string;
  readonly amountSatang: number;
}

/**
 * Records that a bill was paid: by the bank's data (file import, central) or provisionally, from
 * the payer's bank evidence checked by the operator, until the bank's data confirms or contradicts
 * it. A bank confirmation of a bank-paid bill is never refused here (money was received; issue 9
 * turns mismatches into exceptions); the payer's evidence is refused when it cannot be right.
 */
export function recordPaymentConfirmation(deps: LedgerDeps, userId: string | null, evidence: PaymentEvidence): string {
  return runLedgerAction(deps, userId, 'payment.confirmed', (ctx) => confirm(ctx, userId, evidence));
}

/**
 * The bank import's many confirmations (issue 9) in one savepoint: each one is the same
 * `payment.confirmed` action and entry as `recordPaymentConfirmation` (runLedgerActions). Ids in order.
 */
export function recordPaymentConfirmations(deps: LedgerDeps, userId: string | null, evidences: readonly PaymentEvidence[]): string[] {
  return runLedgerActions(deps, userId, 'payment.confirmed', evidences, (ctx, evidence) => confirm(ctx, userId, evidence));
}

function confirm(ctx: ActionContext, userId: string | null, evidence: PaymentEvidence): ActionOutcome<string> {
  const bill = requireBill(ctx.sqlite, evidence.ref1);
  if (evidence.source === 'provisional') {
    if (bill.isRequestCancelled) throw new CodedError('REQUEST_CANCELLED', `The request of Ref1 ${evidence.ref1} was cancelled`);
    if (bill.activeReceiptId !== null) throw new CodedError('ALREADY_PAID', `Ref1 ${evidence.ref1} already has a receipt`);
    if (evidence.amountSatang !== bill.amountSatang) {
      throw new CodedError('AMOUNT_MISMATCH', `The evidence shows ${evidence.amountSatang} satang; the bill is ${bill.amountSatang} satang`);
    }
    if (evidence.paidAtMs > ctx.atMs) throw new CodedError('BAD_INPUT', 'paidAtMs: the payment time is in the future');
    const existing = bestConfirmation(ctx.sqlite, bill.billId);
    if (existing !== undefined) throw new CodedError('ALREADY_PAID', `A payment of Ref1 ${evidence.ref1} is already recorded (${existing.source})`);
  }
  const row = {
    id: ctx.newId(),
    billId: bill.billId,
    source: evidence.source,
    bankCode: evidence.bankCode,
    paidAtMs: evidence.paidAtMs,
    bankReference: evidence.bankReference,
    amountSatang: evidence.amountSatang,
    recordedByUserId: userId,
    atMs: ctx.atMs,
    entrySeq: ctx.seq,
  };
  prepared(
    ctx.sqlite,
    `INSERT INTO payment_confirmations (id, bill_id, source, bank_code, paid_at_ms, bank_reference, amount_satang, recorded_by_user_id, at_ms, entry_seq)
     VALUES (@id, @billId, @source, @bankCode, @paidAtMs, @bankReference, @amountSatang, @recordedByUserId, @atMs, @entrySeq)`,
  ).run(row);
  return { result: row.id };
}

/** A supervisor cancels an unpaid request (and so its bill); a paid or receipted one is refused. */
export function cancelRequest(deps: LedgerDeps, userId: string, ref1: string, reasonCode: string, reasonText: string, approval: Approval): void {
  runLedgerAction(deps, userId, 'request.cancelled', (ctx) => {
    const bill = requireBill(ctx.sqlite, ref1);
    if (bill.isRequestCancelled) throw new CodedError('ALREADY_CANCELLED', `The request of Ref1 ${ref1} is already cancelled`);
    if (bill.activeReceiptId !== null) throw new CodedError('ALREADY_PAID', `Ref1 ${ref1} has a receipt; cancel the receipt instead`);
    if (bestConfirmation(ctx.sqlite, bill.billId) !== undefined) throw new CodedError('ALREADY_PAID', `A payment of Ref1 ${ref1} is recorded; it cannot be cancelled as unpaid`);
    const event = {
      id: ctx.newId(),
      requestId: bill.requestId,
      kind: 'cancelled',
      userId,
      supervisorUserId: approval.supervisorUserId,
      reasonCode,
      reasonText,
      approvalMethod: approval.method,
      approvalCode: approval.code,
      atMs: ctx.atMs,
      entrySeq: ctx.seq,
    };
    prepared(
      ctx.sqlite,
      `INSERT INTO request_events (id, request_id, kind, user_id, supervisor_user_id, reason_code, reason_text, approval_method, approval_code, at_ms, entry_seq)
       VALUES (@id, @requestId, @kind, @userId, @supervisorUserId, @reasonCode, @reasonText, @approvalMethod, @approvalCode, @atMs, @entrySeq)`,
    ).run(event);
    return { result: undefined };
  });
}
