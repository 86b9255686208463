import type Database from 'better-sqlite3';
import { CodedError } from '../../src-shared/result';
import { prepared } from '../ledger/statements';

export interface DayCloseRow {
  readonly id: string;
  readonly businessDate: string;
  readonly kind: 'shift' | 'close' | 'supplementary';
  readonly isLate: boolean;
  readonly receiverUserId: string | null;
  readonly receiptCount: number;
  readonly totalSatang: number;
  readonly cashExpectedSatang: number;
  readonly cashCountedSatang: number;
  readonly varianceSatang: number;
  readonly varianceReason: string | null;
  readonly unconfirmedCount: number;
  readonly chainHeadSeq: number;
  readonly chainHeadHash: string;
  readonly closedByUserId: string;
  /** The closer's name as the users table holds it now (null if the user row is gone from a restored copy). */
  readonly closedByNameTh: string | null;
  readonly atMs: number;
  readonly entrySeq: number;
}

const CLOSE_COLUMNS = `id, business_date AS businessDate, kind, is_late AS isLate, receiver_user_id AS receiverUserId, receipt_count AS receiptCount, total_satang AS totalSatang,
  cash_expected_satang AS cashExpectedSatang, cash_counted_satang AS cashCountedSatang, variance_satang AS varianceSatang,
  variance_reason AS varianceReason, unconfirmed_count AS unconfirmedCount, chain_head_seq AS chainHeadSeq, chain_head_hash AS chainHeadHash,
  closed_by_user_id AS closedByUserId, (SELECT u.full_name_th FROM users u WHERE u.id = day_closes.closed_by_user_id) AS closedByNameTh, at_ms AS atMs, entry_seq AS entrySeq`;

/** Every close of a business date (shift closes, the close, its supplementary closes), oldest first. */
export function closesOf(sqlite: Database.Database, businessDate: string): DayCloseRow[] {
  const rows = prepared(sqlite, `SELECT ${CLOSE_COLUMNS} FROM day_closes WHERE business_date = ? ORDER BY entry_seq`).all(businessDate) as (Omit<DayCloseRow, 'isLate'> & { isLate: number })[];
  return rows.map((r) => ({ ...r, isLate: r.isLate === 1 }));
}

/** The seq of the day's (main) close entry, or null while the day is open. */
export function closeSeqOf(sqlite: Database.Database, businessDate: string): number | null {
  const row = prepared(sqlite, `SELECT entry_seq AS seq FROM day_closes WHERE business_date = ? AND kind = 'close'`).get(businessDate) as { seq: number } | undefined;
  return row?.seq ?? null;
}

/**
 * A closed day stays closed (design.md "The ledger"): the receipt-issuing path calls this before it
 * writes; the trigger `receipts_not_after_close` (migration 0014) is the backstop.
 */
export function assertDayOpen(sqlite: Database.Database, businessDate: string): void {
  if (closeSeqOf(sqlite, businessDate) !== null) {
    throw new CodedError('DAY_CLOSED', `Business day ${businessDate} is closed: no receipt can carry that date`);
  }
}
