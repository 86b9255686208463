import type Database from 'better-sqlite3';
import { CodedError } from '../../src-shared/result';
import { feedItemProblem, type FeedBody, type FeedItem } from '../../src-shared/sync';
import type { LedgerDeps } from '../ledger/action';
import { bestConfirmation, findBill } from '../ledger/bills';
import { recordPaymentConfirmation } from '../ledger/payments';
import { prepared } from '../ledger/statements';
import { newId } from '../platform/ids';

/**
 * Applies what was pulled of central's feed (src-shared/sync/feed.ts). A page is checked whole
 * first — the catalog and the calendar by their own validators, a payment or a book for this
 * office only — and refused whole with SYNC_BAD_PULL (nothing changed, the cursor stays) if any
 * item is wrong. Applying an item twice changes nothing: each stream is keyed, and a version
 * older than the one stored is skipped.
 */
export interface FeedApplied {
  readonly users: number;
  readonly catalog: number;
  readonly holidays: number;
  readonly payments: number;
  readonly books: number;
}

export function checkFeedPage(items: readonly FeedItem[]): void {
  const problems = items.flatMap((item) => {
    const problem = feedItemProblem(item.body);
    return problem === null ? [] : [`cursor ${item.cursor}: ${problem}`];
  });
  if (problems.length > 0) throw new CodedError('SYNC_BAD_PULL', `Central sent items this terminal refuses; nothing was applied: ${problems.slice(0, 10).join('; ')}`);
}

/** Applies one checked page inside the caller's transaction; the ledger actions (payments) become savepoints of it. */
export function applyFeedPage(deps: LedgerDeps, items: readonly FeedItem[]): FeedApplied {
  const counts = { users: 0, catalog: 0, holidays: 0, payments: 0, books: 0 };
  for (const { cursor, body } of items) {
    if (applyItem(deps, cursor, body)) {
      const key = ({ user: 'users', catalog: 'catalog', holidays: 'holidays', payment: 'payments', book: 'books' } as const)[body.stream];
      counts[key] += 1;
    }
  }
  return counts;
}

function applyItem(deps: LedgerDeps, cursor: number, body: FeedBody): boolean {
  const { sqlite } = deps;
  const atMs = deps.clock.nowMs();
  switch (body.stream) {
    case 'user':
      return applyUser(deps, cursor, body);
    case 'catalog':
      return (
        prepared(sqlite, 'INSERT INTO central_catalog (version, data_json, cursor, pulled_at_ms) VALUES (?, ?, ?, ?) ON CONFLICT (version) DO NOTHING').run(body.version, JSON.stringify(body.data), cursor, atMs)
          .changes === 1
      );
    case 'holidays':
      return (
        prepared(
          sqlite,
          `INSERT INTO central_holidays (year, data_json, cursor, pulled_at_ms) VALUES (?, ?, ?, ?)
           ON CONFLICT (year) DO UPDATE SET data_json = excluded.data_json, cursor = excluded.cursor, pulled_at_ms = excluded.pulled_at_ms WHERE excluded.cursor > central_holidays.cursor`,
        ).run(body.calendarYear, JSON.stringify(body.data), cursor, atMs).changes === 1
      );
    case 'book':
      return (
        prepared(
          sqlite,
          `INSERT INTO central_book_assignments (book_no, first_leaf, last_leaf, terminal_slot, assigned_at_ms, cursor, pulled_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (book_no) DO UPDATE SET first_leaf = excluded.first_leaf, last_leaf = excluded.last_leaf, terminal_slot = excluded.terminal_slot,
             assigned_at_ms = excluded.assigned_at_ms, cursor = excluded.cursor, pulled_at_ms = excluded.pulled_at_ms WHERE excluded.cursor > central_book_assignments.cursor`,
        ).run(body.bookNo, body.firstLeaf, body.lastLeaf, body.terminalSlot, body.assignedAtMs, cursor, atMs).changes === 1
      );
    case 'payment':
      return applyPayment(deps, cursor, body);
  }
}

/**
 * An account approved centrally: kept in `central_users`; the local account of that username (if
 * any) takes central's role, names and disabled state and is marked approved (audit log, system).
 * No password comes from central: an account only central knows is not created here.
 */
function applyUser(deps: LedgerDeps, cursor: number, user: Extract<FeedBody, { stream: 'user' }>): boolean {
  const { sqlite } = deps;
  const stored = prepared(
    sqlite,
    `INSERT INTO central_users (username, full_name_th, position_th, role, is_disabled, order_ref, approved_at_ms, cursor) VALUES (@username, @fullNameTh, @positionTh, @role, @isDisabled, @orderRef, @approvedAtMs, @cursor)
     ON CONFLICT (username) DO UPDATE SET full_name_th = excluded.full_name_th, position_th = excluded.position_th, role = excluded.role, is_disabled = excluded.is_disabled,
       order_ref = excluded.order_ref, approved_at_ms = excluded.approved_at_ms, cursor = excluded.cursor WHERE excluded.cursor > central_users.cursor`,
  ).run({ ...user, isDisabled: user.isDisabled ? 1 : 0, cursor }).changes;
  if (stored === 0) return false;
  const local = prepared(sqlite, 'SELECT id, role, is_disabled AS isDisabled, full_name_th AS fullNameTh, position_th AS positionTh, centrally_approved_at_ms AS approvedAtMs FROM users WHERE username = ?').get(user.username) as
    | { id: string; role: string; isDisabled: number; fullNameTh: string; positionTh: string; approvedAtMs: number | null }
    | undefined;
  if (local === undefined) return true;
  prepared(sqlite, 'UPDATE users SET role = ?, is_disabled = ?, full_name_th = ?, position_th = ?, centrally_approved_at_ms = ? WHERE id = ?').run(
    user.role,
    user.isDisabled ? 1 : 0,
    user.fullNameTh,
    user.positionTh,
    user.approvedAtMs,
    local.id,
  );
  const detail = { orderRef: user.orderRef, role: [local.role, user.role], isDisabled: [local.isDisabled === 1, user.isDisabled], wasApproved: local.approvedAtMs !== null };
  prepared(sqlite, `INSERT INTO audit_log (id, at_ms, user_id, username, channel, action, outcome, code, detail) VALUES (?, ?, ?, ?, 'system', 'sync.userApproved', 'ok', NULL, ?)`).run(
    newId(deps.clock),
    deps.clock.nowMs(),
    local.id,
    user.username,
    JSON.stringify(detail),
  );
  return true;
}

/**
 * A payment found in a bank file imported at the province: recorded through the ledger as
 * `payment.confirmed` (source central) when its bill is on this terminal, unreceipted, not yet
 * confirmed by the bank, and of the same amount; otherwise kept with the reason (the bank file
 * import's exceptions cover the rest). Keyed by bank and bank reference: once.
 */
function applyPayment(deps: LedgerDeps, cursor: number, p: Extract<FeedBody, { stream: 'payment' }>): boolean {
  const { sqlite } = deps;
  const seen = prepared(sqlite, 'SELECT 1 FROM central_payment_confirmations WHERE bank_code = ? AND bank_reference = ?').get(p.bankCode, p.bankReference);
  if (seen !== undefined) return false;
  const bill = findBill(sqlite, p.ref1);
  const existing = bill === undefined ? undefined : bestConfirmation(sqlite, bill.billId);
  let status: 'applied' | 'not-here' | 'already-confirmed' | 'amount-differs' | 'request-cancelled';
  if (bill === undefined) status = 'not-here';
  else if (bill.isRequestCancelled) status = 'request-cancelled';
  else if (existing !== undefined && existing.source !== 'provisional') status = 'already-confirmed';
  else if (bill.amountSatang !== p.amountSatang) status = 'amount-differs';
  else status = 'applied';
  const confirmationId =
    status === 'applied' ? recordPaymentConfirmation(deps, null, { ref1: p.ref1, source: 'central', bankCode: p.bankCode, paidAtMs: p.paidAtMs, bankReference: p.bankReference, amountSatang: p.amountSatang }) : null;
  prepared(
    sqlite,
    `INSERT INTO central_payment_confirmations (bank_code, bank_reference, ref1, paid_at_ms, amount_satang, source_file, status, confirmation_id, cursor, pulled_at_ms)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(p.bankCode, p.bankReference, p.ref1, p.paidAtMs, p.amountSatang, p.sourceFile, status, confirmationId, cursor, deps.clock.nowMs());
  return true;
}

/** Users this terminal created itself that central has not approved: reported at each pull so central flags them. */
export function unapprovedLocalUsers(sqlite: Database.Database): { username: string; fullNameTh: string; positionTh: string; role: string; isDisabled: boolean; createdAtMs: number }[] {
  const rows = prepared(
    sqlite,
    `SELECT username, full_name_th AS fullNameTh, position_th AS positionTh, role, is_disabled AS isDisabled, created_at_ms AS createdAtMs
     FROM users u WHERE centrally_approved_at_ms IS NULL ORDER BY username LIMIT 500`,
  ).all() as { username: string; fullNameTh: string; positionTh: string; role: string; isDisabled: number; createdAtMs: number }[];
  return rows.map((r) => ({ ...r, isDisabled: r.isDisabled === 1 }));
}
