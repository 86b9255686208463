import type { BankResolutionAction } from '../../src-shared/domain/bank';
import { CodedError } from '../../src-shared/result';
import { recordAudit } from '../audit/audit';
import { bestConfirmation, requireBill } from '../ledger/bills';
import { recordPaymentConfirmation } from '../ledger/payments';
import { prepared } from '../ledger/statements';
import { newId } from '../platform/ids';
import type { BankDeps } from './import';
import { bankReferenceOf } from './import';
import type { BankPaymentLine } from './records';

export interface ResolutionInput {
  readonly exceptionId: string;
  readonly action: BankResolutionAction;
  /** For match-by-hand: the bill the finance officer found for this payment. */
  readonly ref1?: string | undefined;
  readonly note: string;
}

export interface ResolutionOutcome {
  readonly resolutionId: string;
  readonly confirmationId: string | null;
  readonly isClosed: boolean;
}

interface ExceptionRow extends Omit<BankPaymentLine, 'kind' | 'sequenceNo' | 'lineNo'> {
  readonly exceptionId: string;
  readonly exceptionKind: string;
  readonly paidAtMs: number;
  readonly occurrence: number;
  readonly isClosed: number;
}

const EXCEPTION_SQL = `
  SELECT x.id AS exceptionId, x.kind AS exceptionKind, p.bank_code AS bankCode, p.company_account AS companyAccount,
         p.payment_date AS paymentDate, p.payment_time AS paymentTime, p.paid_at_ms AS paidAtMs, p.ref1, p.ref2, p.ref3,
         p.customer_name AS customerName, p.branch_no AS branchNo, p.teller_no AS tellerNo, p.transaction_code AS transactionCode,
         p.amount_satang AS amountSatang, p.occurrence,
         EXISTS (SELECT 1 FROM bank_exception_resolutions r WHERE r.exception_id = x.id AND r.action IN ('match-by-hand','refund-request')) AS isClosed
  FROM bank_exceptions x JOIN bank_payments p ON p.id = x.payment_id WHERE x.id = ?`;

/**
 * The finance officer resolves an exception (issue 9): matches the payment by hand to a bill (a
 * `payment.confirmed` ledger entry, source bank-file, with the bank's amount and time), asks for a
 * refund, or adds a note. One transaction: the resolution, the confirmation and the audit row.
 */
export function resolveException(deps: BankDeps, userId: string, input: ResolutionInput): ResolutionOutcome {
  const run = deps.sqlite.transaction((): ResolutionOutcome => {
    const row = prepared(deps.sqlite, EXCEPTION_SQL).get(input.exceptionId) as ExceptionRow | undefined;
    if (row === undefined) throw new CodedError('NOT_FOUND', `No bank exception ${input.exceptionId}`);
    const closes = input.action !== 'note';
    if (closes && row.isClosed === 1) throw new CodedError('BANK_EXCEPTION_RESOLVED', `Bank exception ${input.exceptionId} is already resolved; only a note can be added`);
    let confirmationId: string | null = null;
    if (input.action === 'match-by-hand') {
      if (input.ref1 === undefined) throw new CodedError('BAD_INPUT', 'ref1: matching by hand needs the Ref1 of the bill');
      if (row.exceptionKind === 'debit-record') throw new CodedError('BAD_INPUT', 'action: a debit record is not a payment and cannot be matched to a bill');
      const bill = requireBill(deps.sqlite, input.ref1);
      if (bill.isRequestCancelled) throw new CodedError('REQUEST_CANCELLED', `The request of Ref1 ${input.ref1} was cancelled; ask for a refund instead`);
      const best = bestConfirmation(deps.sqlite, bill.billId);
      if (best !== undefined && best.source !== 'provisional') throw new CodedError('ALREADY_PAID', `Ref1 ${input.ref1} is already confirmed paid (${best.source}); ask for a refund instead`);
      confirmationId = recordPaymentConfirmation(deps, userId, {
        ref1: input.ref1,
        source: 'bank-file',
        bankCode: row.bankCode,
        paidAtMs: row.paidAtMs,
        bankReference: bankReferenceOf({ ...row, kind: 'C', sequenceNo: null, lineNo: 0 }, row.occurrence),
        amountSatang: row.amountSatang,
      });
    }
    const resolutionId = newId(deps.clock);
    prepared(
      deps.sqlite,
      `INSERT INTO bank_exception_resolutions (id, exception_id, action, ref1, confirmation_id, note, user_id, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(resolutionId, input.exceptionId, input.action, input.ref1 ?? null, confirmationId, input.note, userId, deps.clock.nowMs());
    recordAudit(deps.db, deps.clock, {
      userId,
      username: null,
      channel: 'system',
      action: 'bank.exception.resolved',
      outcome: 'ok',
      detail: { exceptionId: input.exceptionId, kind: row.exceptionKind, action: input.action, ref1: input.ref1 ?? null, confirmationId, note: input.note },
    });
    return { resolutionId, confirmationId, isClosed: closes || row.isClosed === 1 };
  });
  return run.immediate();
}
