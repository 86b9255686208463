import type { RevenueCatalog } from '../../src-shared/catalog';
import type { ReceiptSummary } from '../../src-shared/contract';
import { inImmediateTransaction, type LedgerDeps } from './action';
import { issueReceipt, type InstrumentDetail, type Receiver } from './receipts';
import { createRequest, type CreatedRequest, type NewRequest } from './requests';

/** A payment taken at the counter there and then: never a bill payment (that one waits for the bank). */
export type CounterPayment = { readonly method: 'cash' } | { readonly method: 'cheque' | 'draft' | 'cashier-cheque'; readonly detail: InstrumentDetail };

/**
 * The counter's cash path in one durable step: the request (with its bill) and its receipt are two
 * ledger entries written in ONE transaction, so one fsync instead of two, and a receipt that is
 * refused (clock behind, office incomplete, …) leaves no request behind it. Each action runs as a
 * savepoint inside the outer BEGIN IMMEDIATE, exactly as the bank import nests its confirmations.
 */
export function issueReceiptWithRequest(
  deps: LedgerDeps,
  catalog: RevenueCatalog,
  receiver: Receiver,
  request: NewRequest,
  payment: CounterPayment,
): { readonly request: CreatedRequest; readonly receipt: ReceiptSummary } {
  return inImmediateTransaction(deps.sqlite, () => {
    const created = createRequest(deps, catalog, receiver.userId, request);
    return { request: created, receipt: issueReceipt(deps, catalog, receiver, created.ref1, payment) };
  });
}
