import type Database from 'better-sqlite3';
import { CodedError } from '../../src-shared/result';
import { prepared } from './statements';

/** A bill with its request and what has happened to it, as the services check it. */
export interface BillRecord {
  readonly billId: string;
  readonly requestId: string;
  readonly requestNo: string;
  readonly ref1: string;
  readonly ref2: string;
  readonly dueDate: string;
  readonly amountSatang: number;
  readonly payerName: string;
  readonly payerId: string | null;
  readonly revenueCode: string;
  readonly isRequestCancelled: boolean;
  /** The receipt that is not cancelled, if any (at most one: trigger receipts_one_active_per_bill). */
  readonly activeReceiptId: string | null;
}

interface BillRow extends Omit<BillRecord, 'isRequestCancelled'> {
  isRequestCancelled: number;
}

// A bill and its request are written by one entry (0020 trigger bills_same_entry_as_request): joined on it, the rowid of both.
const BILL_COLUMNS_SQL = `
  SELECT b.id AS billId, r.id AS requestId, r.request_no AS requestNo, b.ref1, b.ref2, b.due_date AS dueDate,
         b.amount_satang AS amountSatang, r.payer_name AS payerName, r.payer_id AS payerId, r.revenue_code AS revenueCode,
         EXISTS (SELECT 1 FROM request_events e WHERE e.request_id = r.id AND e.kind = 'cancelled') AS isRequestCancelled,
         (SELECT rc.id FROM receipts rc WHERE rc.bill_id = b.id
            AND NOT EXISTS (SELECT 1 FROM receipt_events ev WHERE ev.receipt_id = rc.id AND ev.kind = 'cancelled')) AS activeReceiptId
  FROM bills b JOIN payment_requests r ON r.entry_seq = b.entry_seq`;
const BILL_SQL = `${BILL_COLUMNS_SQL} WHERE b.ref1 = ?`;
/** The same rows for many Ref1s at once: one JSON array parameter, read by json_each, probed on the ref1 index. */
const BILLS_SQL = `${BILL_COLUMNS_SQL} WHERE b.ref1 IN (SELECT value FROM json_each(?))`;

const billRecordOf = (row: BillRow): BillRecord => ({ ...row, isRequestCancelled: row.isRequestCancelled === 1 });

export function findBill(sqlite: Database.Database, ref1: string): BillRecord | undefined {
  const row = prepared(sqlite, BILL_SQL).get(ref1) as BillRow | undefined;
  return row === undefined ? undefined : billRecordOf(row);
}

/** `findBill` for many Ref1s in one query (the bank import matches a whole file): Ref1 → bill, for those that have one. */
export function findBills(sqlite: Database.Database, ref1s: Iterable<string>): Map<string, BillRecord> {
  const rows = prepared(sqlite, BILLS_SQL).all(JSON.stringify([...ref1s])) as BillRow[];
  return new Map(rows.map((row) => [row.ref1, billRecordOf(row)]));
}

export function requireBill(sqlite: Database.Database, ref1: string): BillRecord {
  const bill = findBill(sqlite, ref1);
  if (bill === undefined) throw new CodedError('NOT_FOUND', `No bill with Ref1 ${ref1} on this terminal`);
  return bill;
}

export interface ConfirmationRecord {
  readonly id: string;
  readonly source: 'bank-file' | 'central' | 'provisional';
  readonly amountSatang: number;
  readonly bankReference: string;
}

/** The bank's own confirmation wins over the payer's evidence; the newest of each kind. */
export function bestConfirmation(sqlite: Database.Database, billId: string): ConfirmationRecord | undefined {
  return prepared(
    sqlite,
    `SELECT id, source, amount_satang AS amountSatang, bank_reference AS bankReference FROM payment_confirmations
     WHERE bill_id = ? ORDER BY (source = 'provisional'), at_ms DESC, id DESC LIMIT 1`,
  ).get(billId) as ConfirmationRecord | undefined;
}

export type BillStatus = 'unpaid' | 'paid' | 'receipted' | 'cancelled';

export function billStatus(sqlite: Database.Database, bill: BillRecord): BillStatus {
  if (bill.activeReceiptId !== null) return 'receipted';
  if (bill.isRequestCancelled) return 'cancelled';
  return bestConfirmation(sqlite, bill.billId) === undefined ? 'unpaid' : 'paid';
}
