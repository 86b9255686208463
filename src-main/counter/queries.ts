import type Database from 'better-sqlite3';
import { COUNTER_LIST_LIMIT, type RequestOutput, type SearchInput } from '../../src-shared/contract';
import { RECEIPT_METHODS, type ReceiptMethod } from '../../src-shared/domain/reasons';
import { strictAssert } from '../../src-shared/result';
import { billStatus, findBill } from '../ledger/bills';
import { findReceipt, requireReceipt } from '../ledger/receipts';
import { prepared } from '../ledger/statements';

/** A receipt is in force when it has no `cancelled` event. */
const IS_CANCELLED = `EXISTS (SELECT 1 FROM receipt_events e WHERE e.receipt_id = rc.id AND e.kind = 'cancelled')`;
/** Issued on the payer's evidence, and the bank's own data has not confirmed the bill yet. */
const IS_PROVISIONAL = `coalesce((SELECT pc.source = 'provisional' FROM payment_confirmations pc WHERE pc.id = rc.payment_confirmation_id), 0)
  AND NOT EXISTS (SELECT 1 FROM payment_confirmations bank WHERE bank.bill_id = rc.bill_id AND bank.source <> 'provisional')`;

/** The newest confirmation of a bill, the bank's before the payer's evidence (as `bestConfirmation`). */
const BEST_CONFIRMATION = `(SELECT pc.id FROM payment_confirmations pc WHERE pc.bill_id = b.id ORDER BY (pc.source = 'provisional'), pc.at_ms DESC, pc.id DESC LIMIT 1)`;
const PAID_AWAITING_RECEIPT = `
  FROM bills b JOIN payment_requests r ON r.entry_seq = b.entry_seq
  JOIN payment_confirmations pc ON pc.id = ${BEST_CONFIRMATION}
  WHERE NOT EXISTS (SELECT 1 FROM request_events re WHERE re.request_id = r.id AND re.kind = 'cancelled')
    AND NOT EXISTS (SELECT 1 FROM receipts rc WHERE rc.bill_id = b.id AND NOT ${IS_CANCELLED})`;

type DaySummary = RequestOutput<'day.summary'>;

/**
 * Today's counter (home screen): receipts in force of the business date and their totals by
 * method, requests created, receipts cancelled, receipts on evidence the bank has not confirmed
 * (any day: they stay flagged until it does) and bills paid but not yet receipted.
 */
export function daySummary(sqlite: Database.Database, businessDate: string): DaySummary {
  const rows = prepared(
    sqlite,
    `SELECT rc.method AS method, count(*) AS count, coalesce(sum(rc.amount_satang), 0) AS totalSatang
     FROM receipts rc WHERE rc.business_date = ? AND NOT ${IS_CANCELLED} GROUP BY rc.method`,
  ).all(businessDate) as { method: ReceiptMethod; count: number; totalSatang: number }[];
  const byMethod = RECEIPT_METHODS.map((method) => rows.find((row) => row.method === method) ?? { method, count: 0, totalSatang: 0 }).filter((row) => row.count > 0);
  const count = (sql: string, ...params: unknown[]): number => (prepared(sqlite, sql).get(...params) as { n: number }).n;
  return {
    businessDate,
    requests: count(`SELECT count(*) AS n FROM payment_requests WHERE business_date = ?`, businessDate),
    receipts: byMethod.reduce((sum, row) => sum + row.count, 0),
    totalSatang: byMethod.reduce((sum, row) => sum + row.totalSatang, 0),
    byMethod,
    cancelledReceipts: count(`SELECT count(*) AS n FROM receipts rc WHERE rc.business_date = ? AND ${IS_CANCELLED}`, businessDate),
    provisionalReceipts: count(`SELECT count(*) AS n FROM receipts rc WHERE NOT ${IS_CANCELLED} AND ${IS_PROVISIONAL}`),
    paidAwaitingReceipt: count(`SELECT count(*) AS n ${PAID_AWAITING_RECEIPT}`),
  };
}

/** Bills whose payment is confirmed (bank file, central, or the payer's evidence) and that have no receipt in force, oldest payment first. */
export function paidBills(sqlite: Database.Database): RequestOutput<'bill.paidList'> {
  const rows = prepared(
    sqlite,
    `SELECT b.ref1, b.ref2, r.request_no AS requestNo, r.payer_name AS payerName, r.revenue_code AS revenueCode, b.amount_satang AS amountSatang,
            b.due_date AS dueDate, pc.source, pc.paid_at_ms AS paidAtMs, pc.bank_reference AS bankReference, pc.amount_satang AS paidAmountSatang
     ${PAID_AWAITING_RECEIPT}
     ORDER BY pc.paid_at_ms, b.ref1 LIMIT ?`,
  ).all(COUNTER_LIST_LIMIT + 1) as RequestOutput<'bill.paidList'>['bills'];
  return { bills: rows.slice(0, COUNTER_LIST_LIMIT), isCut: rows.length > COUNTER_LIST_LIMIT };
}

interface SearchHit {
  ref1: string;
  ref2: string;
  requestNo: string;
  payerName: string;
  payerId: string | null;
  revenueCode: string;
  amountSatang: number;
  dueDate: string;
  requestDate: string;
  book: string | null;
  number: number | null;
}

/**
 * Bills and their receipts by Ref1, Ref2, the payer's national ID, part of the payer's name,
 * receipt book (and number) or date (of the request or of a receipt); all given criteria must
 * match. Newest first; one row per receipt of a bill, or one row for a bill without receipts.
 */
export function searchRecords(sqlite: Database.Database, input: SearchInput): RequestOutput<'record.search'> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]): void => {
    where.push(clause);
    params.push(...values);
  };
  if (input.ref1 !== undefined) add('b.ref1 = ?', input.ref1);
  if (input.ref2 !== undefined) add('b.ref2 = ?', input.ref2);
  if (input.payerId !== undefined) add('r.payer_id = ?', input.payerId);
  // The schema refuses % and _, so the name is matched as typed.
  if (input.name !== undefined) add(`r.payer_name LIKE '%' || ? || '%'`, input.name);
  if (input.book !== undefined) add('rc.book = ?', input.book);
  if (input.number !== undefined) add('rc.number = ?', input.number);
  if (input.businessDate !== undefined) add('(r.business_date = ? OR rc.business_date = ?)', input.businessDate, input.businessDate);
  strictAssert(where.length > 0, 'searchRecords: the schema requires a criterion');
  const hits = sqlite
    .prepare(
      `SELECT b.ref1, b.ref2, r.request_no AS requestNo, r.payer_name AS payerName, r.payer_id AS payerId, r.revenue_code AS revenueCode,
              b.amount_satang AS amountSatang, b.due_date AS dueDate, r.business_date AS requestDate, rc.book, rc.number
       FROM bills b JOIN payment_requests r ON r.entry_seq = b.entry_seq LEFT JOIN receipts rc ON rc.bill_id = b.id
       WHERE ${where.join(' AND ')}
       ORDER BY r.created_at_ms DESC, r.request_no DESC, rc.issued_at_ms DESC, rc.number DESC LIMIT ?`,
    )
    .all(...params, COUNTER_LIST_LIMIT + 1) as SearchHit[];
  const rows = hits.slice(0, COUNTER_LIST_LIMIT).map(({ book, number, ...hit }) => {
    const bill = findBill(sqlite, hit.ref1);
    strictAssert(bill !== undefined, `bill ${hit.ref1} was just read`);
    const receipt = book === null || number === null ? null : (findReceipt(sqlite, book, number) ?? null);
    return { ...hit, billStatus: billStatus(sqlite, bill), receipt };
  });
  return { rows, isCut: hits.length > COUNTER_LIST_LIMIT };
}

/** A receipt with everything that happened to it: the original print, each reprint with its copy number, the cancellation — who, who approved, why. */
export function receiptHistory(sqlite: Database.Database, book: string, number: number): RequestOutput<'receipt.history'> {
  const receipt = requireReceipt(sqlite, book, number);
  const extra = prepared(sqlite, `SELECT payer_id AS payerId, method_detail AS methodDetail FROM receipts WHERE id = ?`).get(receipt.receiptId) as {
    payerId: string | null;
    methodDetail: string | null;
  };
  const events = prepared(
    sqlite,
    `SELECT e.kind, e.copy_no AS copyNo, e.at_ms AS atMs, e.business_date AS businessDate,
            coalesce((SELECT u.full_name_th FROM users u WHERE u.id = e.user_id), e.user_id) AS userNameTh,
            (SELECT u.full_name_th FROM users u WHERE u.id = e.supervisor_user_id) AS supervisorNameTh,
            e.approval_method AS approvalMethod, e.reason_code AS reasonCode, e.reason_text AS reasonText
     FROM receipt_events e WHERE e.receipt_id = ? ORDER BY e.at_ms, e.rowid`,
  ).all(receipt.receiptId) as RequestOutput<'receipt.history'>['events'];
  return { receipt, payerId: extra.payerId, methodDetail: extra.methodDetail, events };
}
