import type Database from 'better-sqlite3';
import type { CentralApprovalSummary } from '../../src-shared/contract/sync-requests';
import { approvalRequestResponseSchema, localUserReportResponseSchema, pullResponseSchema, type ApprovalRequest, type PullResponse } from '../../src-shared/sync';
import { businessDateOf } from '../../src-shared/dates';
import type { LedgerDeps } from '../ledger/action';
import type { Approval, ApprovalTarget } from '../ledger/approvals';
import { centralApproval } from '../ledger/approvals';
import { prepared } from '../ledger/statements';
import { newId } from '../platform/ids';
import { requireEnrollment } from './enrollment-store';
import { applyFeedPage, checkFeedPage, unapprovedLocalUsers, type FeedApplied } from './feed-apply';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry';
import { officeErrorOf, signedRequest } from './transport';

/**
 * Pull (issue 11): decisions on approvals this terminal asked central for, and its office's fine
 * orders. Approvals come first (design.md "Supervisor approval", path 2): the request is saved
 * here before it is sent, the supervisor decides at central, the decision is pulled, and the
 * ledger's approval path records it (`centralApprovalFor` → the same `Approval` as the other two
 * paths, method `central`).
 */

/** Saves a request for approval (sent by `requestCentralApproval` or the next pull). Returns its id. */
export function saveCentralApprovalRequest(deps: LedgerDeps, requestedByUserId: string, target: ApprovalTarget, reasonText: string): string {
  requireEnrollment(deps.sqlite);
  const request: ApprovalRequest = {
    id: newId(deps.clock),
    action: target.action,
    subject: target.subject,
    reasonCode: target.reasonCode,
    reasonText,
    businessDate: businessDateOf(deps.clock.nowMs()),
    requestedByUserId,
  };
  prepared(
    deps.sqlite,
    `INSERT INTO central_approval_requests (id, action, subject, reason_code, reason_text, business_date, requested_by_user_id, requested_at_ms)
     VALUES (@id, @action, @subject, @reasonCode, @reasonText, @businessDate, @requestedByUserId, @atMs)`,
  ).run({ ...request, atMs: deps.clock.nowMs() });
  return request.id;
}

/** Saves a request for approval and sends it (a failed send stays saved: the next pull sends it again). */
export async function requestCentralApproval(deps: LedgerDeps, requestedByUserId: string, target: ApprovalTarget, reasonText: string, retry: RetryPolicy = DEFAULT_RETRY): Promise<string> {
  const id = saveCentralApprovalRequest(deps, requestedByUserId, target, reasonText);
  await sendPendingRequests(deps, retry);
  return id;
}

/** Sends every saved request central has not received yet; returns how many were sent. */
export async function sendPendingRequests(deps: LedgerDeps, retry: RetryPolicy = DEFAULT_RETRY, timeoutMs?: number, signal?: AbortSignal): Promise<number> {
  const enrollment = requireEnrollment(deps.sqlite);
  const pending = prepared(
    deps.sqlite,
    `SELECT id, action, subject, reason_code AS reasonCode, reason_text AS reasonText, business_date AS businessDate, requested_by_user_id AS requestedByUserId
     FROM central_approval_requests WHERE is_sent = 0 ORDER BY requested_at_ms, id`,
  ).all() as ApprovalRequest[];
  for (const request of pending) {
    try {
      await withRetry(retry, () => signedRequest(enrollment.serverUrl, 'POST', '/v1/approval-requests', request, enrollment, deps.clock.nowMs(), approvalRequestResponseSchema, timeoutMs, signal));
    } catch (error) {
      throw officeErrorOf(error);
    }
    prepared(deps.sqlite, 'UPDATE central_approval_requests SET is_sent = 1 WHERE id = ?').run(request.id);
  }
  return pending.length;
}

/** This terminal's approvals asked through central, newest first (the counter's list and `approval.centralList`). */
export function listCentralApprovals(sqlite: Database.Database, id?: string): CentralApprovalSummary[] {
  const rows = prepared(
    sqlite,
    `SELECT id AS requestId, action, subject, reason_code AS reasonCode, reason_text AS reasonText, status, is_sent AS isSent, supervisor_name_th AS supervisorNameTh,
            requested_at_ms AS requestedAtMs, decided_at_ms AS decidedAtMs,
            EXISTS (SELECT 1 FROM receipt_events WHERE approval_code = c.id UNION ALL SELECT 1 FROM request_events WHERE approval_code = c.id) AS isUsed
     FROM central_approval_requests c WHERE (@id IS NULL OR id = @id) ORDER BY requested_at_ms DESC, id DESC LIMIT 200`,
  ).all({ id: id ?? null }) as (Omit<CentralApprovalSummary, 'isSent' | 'isUsed'> & { isSent: number; isUsed: number })[];
  return rows.map((r) => ({ ...r, isSent: r.isSent === 1, isUsed: r.isUsed === 1 }));
}

function cursorOf(sqlite: Database.Database, stream: 'approvals' | 'fine-orders' | 'feed'): number {
  return (prepared(sqlite, 'SELECT after_cursor AS c FROM sync_pull_cursors WHERE stream = ?').get(stream) as { c: number } | undefined)?.c ?? 0;
}

function apply(deps: LedgerDeps, pulled: PullResponse): FeedApplied {
  const { sqlite } = deps;
  checkFeedPage(pulled.feed);
  return sqlite
    .transaction(() => {
      for (const d of pulled.approvals) {
        prepared(
          sqlite,
          `UPDATE central_approval_requests SET status = @status, supervisor_username = @supervisorUsername, supervisor_name_th = @supervisorNameTh, decided_at_ms = @decidedAtMs
           WHERE id = @id AND status = 'pending'`,
        ).run({ ...d, status: d.isApproved ? 'approved' : 'rejected' });
      }
      for (const o of pulled.fineOrders) {
        prepared(
          sqlite,
          `INSERT INTO central_fine_orders (order_no, place, revenue_code, offender_name, offender_id, amount_satang, issued_date, law, pulled_at_ms)
           VALUES (@orderNo, @place, @revenueCode, @offenderName, @offenderId, @amountSatang, @issuedDate, @law, @atMs) ON CONFLICT (order_no) DO NOTHING`,
        ).run({ ...o, atMs: deps.clock.nowMs() });
      }
      const save = prepared(sqlite, 'INSERT INTO sync_pull_cursors (stream, after_cursor) VALUES (?, ?) ON CONFLICT (stream) DO UPDATE SET after_cursor = excluded.after_cursor');
      const lastApproval = pulled.approvals[pulled.approvals.length - 1];
      const lastOrder = pulled.fineOrders[pulled.fineOrders.length - 1];
      if (lastApproval !== undefined) save.run('approvals', lastApproval.cursor);
      if (lastOrder !== undefined) save.run('fine-orders', lastOrder.cursor);
      const applied = applyFeedPage(deps, pulled.feed);
      const lastFeed = pulled.feed[pulled.feed.length - 1];
      if (lastFeed !== undefined) save.run('feed', lastFeed.cursor);
      return applied;
    })
    .immediate();
}

/** One pull round: sends approval requests not yet sent and this terminal's unapproved users, then pulls every stream until it is empty. */
export async function pullFromCentral(
  deps: LedgerDeps,
  retry: RetryPolicy = DEFAULT_RETRY,
  timeoutMs?: number,
  /** Aborts the request under way (the background sync stopping). */
  signal?: AbortSignal,
): Promise<{ pulled: number; approvals: number; fineOrders: number; feed: FeedApplied & { items: number }; requestsSent: number; usersFlagged: number }> {
  const enrollment = requireEnrollment(deps.sqlite);
  const requestsSent = await sendPendingRequests(deps, retry, timeoutMs, signal);
  const localUsers = unapprovedLocalUsers(deps.sqlite);
  let usersFlagged = 0;
  try {
    if (localUsers.length > 0) {
      usersFlagged = (await withRetry(retry, () => signedRequest(enrollment.serverUrl, 'POST', '/v1/local-users', { users: localUsers }, enrollment, deps.clock.nowMs(), localUserReportResponseSchema, timeoutMs, signal))).flagged;
    }
  } catch (error) {
    throw officeErrorOf(error);
  }
  let approvals = 0;
  let fineOrders = 0;
  const feed = { items: 0, users: 0, catalog: 0, holidays: 0, payments: 0, books: 0 };
  for (;;) {
    const path = `/v1/pull?approvalsAfter=${cursorOf(deps.sqlite, 'approvals')}&fineOrdersAfter=${cursorOf(deps.sqlite, 'fine-orders')}&feedAfter=${cursorOf(deps.sqlite, 'feed')}`;
    let pulled: PullResponse;
    try {
      pulled = await withRetry(retry, () => signedRequest(enrollment.serverUrl, 'GET', path, undefined, enrollment, deps.clock.nowMs(), pullResponseSchema, timeoutMs, signal));
    } catch (error) {
      throw officeErrorOf(error);
    }
    if (pulled.approvals.length === 0 && pulled.fineOrders.length === 0 && pulled.feed.length === 0) break;
    const applied = apply(deps, pulled);
    approvals += pulled.approvals.length;
    fineOrders += pulled.fineOrders.length;
    feed.items += pulled.feed.length;
    for (const key of ['users', 'catalog', 'holidays', 'payments', 'books'] as const) feed[key] += applied[key];
  }
  return { pulled: approvals + fineOrders + feed.items, approvals, fineOrders, feed, requestsSent, usersFlagged };
}

/** The approval central gave for this target, as the ledger's approval path takes it (src-main/ledger/approvals.ts). */
export function centralApprovalFor(deps: LedgerDeps, requestId: string, target: ApprovalTarget): Approval {
  return centralApproval(deps, requestId, target);
}

/** A fine order of this office by its number (counter look-up), or undefined. */
export function findFineOrder(sqlite: Database.Database, orderNo: string): { orderNo: string; revenueCode: string; offenderName: string; amountSatang: number; law: string } | undefined {
  return prepared(sqlite, 'SELECT order_no AS orderNo, revenue_code AS revenueCode, offender_name AS offenderName, amount_satang AS amountSatang, law FROM central_fine_orders WHERE order_no = ?').get(orderNo) as
    | { orderNo: string; revenueCode: string; offenderName: string; amountSatang: number; law: string }
    | undefined;
}
