import type Database from 'better-sqlite3';
import { MAX_PROVINCE_PAYMENTS_PER_BATCH, provincePaymentsResponseSchema, type ProvincePaymentsRequest } from '../../src-shared/sync';
import type { LedgerDeps } from '../ledger/action';
import { prepared } from '../ledger/statements';
import type { Enrollment } from './enrollment-store';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry';
import { officeErrorOf, signedRequest } from './transport';

/**
 * A provincial office's send queue (`province_payment_outbox`, written by the bank import, issue 11):
 * the bank lines of bills of the other offices of its province, sent to central in batches
 * (`POST /v1/province-payments`). A batch is marked sent only once central has answered for it; a
 * batch central stored whose answer was lost is sent again and answered as duplicates.
 */
export interface ProvincePaymentsResult {
  /** Lines central published for the first time in this round. */
  readonly published: number;
  /** Lines central already had (a resend after a lost answer). */
  readonly duplicates: number;
  readonly batches: number;
}

interface QueuedRow {
  readonly paymentId: string;
  readonly ref1: string;
  readonly bankCode: string;
  readonly bankReference: string;
  readonly paidAtMs: number;
  readonly amountSatang: number;
  readonly sourceFile: string;
}

/** Lines not yet answered for, oldest first (in the order the imports wrote them). */
export function unsentProvincePayments(sqlite: Database.Database, limit: number = MAX_PROVINCE_PAYMENTS_PER_BATCH): QueuedRow[] {
  return prepared(
    sqlite,
    `SELECT payment_id AS paymentId, ref1, bank_code AS bankCode, bank_reference AS bankReference, paid_at_ms AS paidAtMs, amount_satang AS amountSatang, source_file AS sourceFile
     FROM province_payment_outbox WHERE sent_at_ms IS NULL ORDER BY queued_at_ms, rowid LIMIT ?`,
  ).all(Math.min(limit, MAX_PROVINCE_PAYMENTS_PER_BATCH)) as QueuedRow[];
}

/** The request body of some queued rows: exactly the feed items central publishes. */
export function provincePaymentsBody(rows: readonly QueuedRow[]): ProvincePaymentsRequest {
  return {
    payments: rows.map((r) => ({ stream: 'payment', ref1: r.ref1, bankCode: r.bankCode, bankReference: r.bankReference, paidAtMs: r.paidAtMs, amountSatang: r.amountSatang, sourceFile: r.sourceFile })),
  };
}

/** How many lines wait for central (0 for a district office: its imports queue nothing). */
export function pendingProvincePayments(sqlite: Database.Database): number {
  return (prepared(sqlite, `SELECT count(*) AS n FROM province_payment_outbox WHERE sent_at_ms IS NULL`).get() as { n: number }).n;
}

/**
 * Drains the queue: batches of at most `maxBatch` lines, each retried like push (withRetry); a
 * refusal (NOT_PROVINCIAL_OFFICE, OTHER_PROVINCE, BAD_INPUT) stops the round with the office's
 * SYNC_REFUSED and leaves the lines queued.
 */
export async function sendProvincePayments(
  deps: LedgerDeps,
  enrollment: Enrollment,
  options: { readonly retry?: RetryPolicy; readonly maxBatch?: number; readonly signal?: AbortSignal } = {},
): Promise<ProvincePaymentsResult> {
  const retry = options.retry ?? DEFAULT_RETRY;
  const markSent = prepared(deps.sqlite, `UPDATE province_payment_outbox SET sent_at_ms = ? WHERE payment_id = ? AND sent_at_ms IS NULL`);
  let published = 0;
  let duplicates = 0;
  let batches = 0;
  for (;;) {
    const rows = unsentProvincePayments(deps.sqlite, options.maxBatch);
    if (rows.length === 0) return { published, duplicates, batches };
    const body = provincePaymentsBody(rows);
    let response;
    try {
      response = await withRetry(retry, () =>
        signedRequest(enrollment.serverUrl, 'POST', '/v1/province-payments', body, enrollment, deps.clock.nowMs(), provincePaymentsResponseSchema, undefined, options.signal),
      );
    } catch (error) {
      throw officeErrorOf(error);
    }
    const atMs = deps.clock.nowMs();
    deps.sqlite.transaction(() => {
      for (const row of rows) markSent.run(atMs, row.paymentId);
    })();
    published += response.published;
    duplicates += response.duplicates;
    batches += 1;
  }
}
