import type Database from 'better-sqlite3';
import { prepared } from '../ledger/statements';
import { closesOf, type DayCloseRow } from './closed-days';

/**
 * The paper leaves of a business date that still wait to be keyed in (books engineer's
 * `src-main/books/pending.ts`); injected into the close service so the close refuses while any remain.
 */
export type ListUnkeyedPaperLeaves = (
  sqlite: Database.Database,
  businessDate: string,
) => readonly { book: string; leaf: number; outageId: string | null; fieldOrderId: string | null }[];

export interface ReceiptRef {
  readonly book: string;
  readonly number: number;
  readonly amountSatang: number;
}

/** What a close of a date would cover, and what stands in its way. */
export interface DayStatus {
  readonly businessDate: string;
  /** The day's closes (close, supplementary); shift closes are in `shifts`. */
  readonly closes: readonly DayCloseRow[];
  readonly shifts: readonly DayCloseRow[];
  /** The close to be made next: the day's close, a supplementary one, or none (already closed, nothing late). */
  readonly nextKind: 'shift' | 'close' | 'supplementary' | null;
  readonly receiptCount: number;
  readonly totalSatang: number;
  readonly cashExpectedSatang: number;
  /** Electronic receipts of the date, not cancelled, whose original was never printed (close refused). */
  readonly unprintedOriginals: readonly ReceiptRef[];
  /** Receipts issued on the payer's bank evidence that the bank has not confirmed yet (listed, not refused). */
  readonly unconfirmedProvisional: readonly ReceiptRef[];
  readonly unkeyedPaperLeaves: ReturnType<ListUnkeyedPaperLeaves>;
}

interface CoveredRow {
  book: string;
  number: number;
  amountSatang: number;
  method: string;
  isPaper: number;
  isCancelled: number;
  isPrinted: number;
  isProvisional: number;
  receiverUserId: string;
}

/** Receipts of the date written after entry `afterSeq` (0 = all of them), with their state now. */
const COVERED_SQL = `
  SELECT rc.book, rc.number, rc.amount_satang AS amountSatang, rc.method, rc.is_paper AS isPaper, rc.receiver_user_id AS receiverUserId,
    EXISTS (SELECT 1 FROM receipt_events e WHERE e.receipt_id = rc.id AND e.kind = 'cancelled') AS isCancelled,
    EXISTS (SELECT 1 FROM receipt_events e WHERE e.receipt_id = rc.id AND e.kind = 'printed') AS isPrinted,
    coalesce((SELECT pc.source = 'provisional' FROM payment_confirmations pc WHERE pc.id = rc.payment_confirmation_id), 0)
      AND NOT EXISTS (SELECT 1 FROM payment_confirmations bank WHERE bank.bill_id = rc.bill_id AND bank.source <> 'provisional') AS isProvisional
  FROM receipts rc WHERE rc.business_date = @date AND rc.entry_seq > @afterSeq ORDER BY rc.book, rc.number`;

export function dayStatus(sqlite: Database.Database, businessDate: string, listUnkeyedPaperLeaves: ListUnkeyedPaperLeaves): DayStatus {
  return statusOf(sqlite, businessDate, listUnkeyedPaperLeaves, undefined);
}

/**
 * A shift close of one receiving officer: their receipts of the date since their last shift close
 * (`nextKind` null once the day is closed).
 */
export function shiftStatus(sqlite: Database.Database, businessDate: string, receiverUserId: string): DayStatus {
  const day = statusOf(sqlite, businessDate, NO_PAPER_BOOKS, undefined);
  const shifts = day.shifts.filter((c) => c.receiverUserId === receiverUserId);
  const afterSeq = shifts.length === 0 ? 0 : Math.max(...shifts.map((c) => c.entrySeq));
  const mine = statusOf(sqlite, businessDate, NO_PAPER_BOOKS, receiverUserId, afterSeq);
  return { ...mine, nextKind: day.closes.some((c) => c.kind === 'close') ? null : 'shift' };
}

function statusOf(sqlite: Database.Database, businessDate: string, listUnkeyedPaperLeaves: ListUnkeyedPaperLeaves, receiverUserId: string | undefined, afterShiftSeq = 0): DayStatus {
  const all = closesOf(sqlite, businessDate);
  // Shift closes count one drawer each; the day's close still covers every receipt of the date.
  const closes = all.filter((c) => c.kind !== 'shift');
  const lastSeq = Math.max(afterShiftSeq, ...closes.map((c) => c.entrySeq));
  // After the close, only paper receipts can be keyed with this date (trigger receipts_not_after_close).
  const covered = (prepared(sqlite, COVERED_SQL).all({ date: businessDate, afterSeq: lastSeq }) as CoveredRow[]).filter((r) => receiverUserId === undefined || r.receiverUserId === receiverUserId);
  const live = covered.filter((r) => r.isCancelled === 0);
  const ref = (r: CoveredRow): ReceiptRef => ({ book: r.book, number: r.number, amountSatang: r.amountSatang });
  const nextKind = closes.length === 0 ? 'close' : covered.length > 0 ? 'supplementary' : null;
  return {
    businessDate,
    closes,
    shifts: all.filter((c) => c.kind === 'shift'),
    nextKind,
    receiptCount: covered.length,
    totalSatang: live.reduce((sum, r) => sum + r.amountSatang, 0),
    cashExpectedSatang: live.filter((r) => r.method === 'cash').reduce((sum, r) => sum + r.amountSatang, 0),
    unprintedOriginals: live.filter((r) => r.isPaper === 0 && r.isPrinted === 0).map(ref),
    unconfirmedProvisional: live.filter((r) => r.isProvisional === 1).map(ref),
    unkeyedPaperLeaves: listUnkeyedPaperLeaves(sqlite, businessDate),
  };
}

/** Until the books feature is merged there are no paper books, so no leaf waits (the lead wires books/pending.ts). */
export const NO_PAPER_BOOKS: ListUnkeyedPaperLeaves = () => [];
