import type Database from 'better-sqlite3';
import type { ReceiptMethod } from '../../src-shared/domain/reasons';
import { prepared } from '../ledger/statements';

/** Most receipts one report reads (a limit, style.md §14): a year of a busy provincial office. */
export const MAX_REPORT_RECEIPTS = 200_000;

/** One receipt as the reports see it: as issued, with what happened to it since. */
export interface ReceiptFact {
  readonly book: string;
  readonly number: number;
  readonly isPaper: boolean;
  readonly businessDate: string;
  readonly issuedAtMs: number;
  readonly payerName: string;
  readonly revenueCode: string;
  readonly amountSatang: number;
  readonly method: ReceiptMethod;
  readonly ref1: string | null;
  readonly ref2: string | null;
  readonly fineOrderNo: string | null;
  readonly fineIssuingOfficer: string | null;
  readonly isManualFineEntry: boolean;
  readonly receiverNameTh: string;
  readonly isPrinted: boolean;
  readonly copies: number;
  readonly isCancelled: boolean;
  /** The business date the cancellation was recorded on. */
  readonly cancelledOn: string | null;
  readonly cancelReasonText: string | null;
  /** Cancelled after its day was closed: an adjustment of that day (design.md "The ledger"). */
  readonly isCancelledAfterClose: boolean;
  /** A paper receipt keyed after its day was closed: in a supplementary close, flagged late. */
  readonly isLate: boolean;
  /** Issued on the payer's bank evidence and not yet confirmed by the bank. */
  readonly isProvisional: boolean;
}

interface FactRow {
  book: string;
  number: number;
  isPaper: number;
  businessDate: string;
  issuedAtMs: number;
  payerName: string;
  revenueCode: string;
  amountSatang: number;
  method: ReceiptMethod;
  ref1: string | null;
  ref2: string | null;
  fineOrderNo: string | null;
  fineIssuingOfficer: string | null;
  isManualFineEntry: number | null;
  receiverNameTh: string;
  isPrinted: number;
  copies: number;
  cancelledOn: string | null;
  cancelReasonText: string | null;
  cancelSeq: number | null;
  closeSeq: number | null;
  entrySeq: number;
  isProvisional: number;
}

const FACTS_SQL = `
  SELECT rc.book, rc.number, rc.is_paper AS isPaper, rc.business_date AS businessDate, rc.issued_at_ms AS issuedAtMs, rc.payer_name AS payerName,
         rc.revenue_code AS revenueCode, rc.amount_satang AS amountSatang, rc.method, b.ref1, b.ref2, pr.fine_order_no AS fineOrderNo,
         pr.fine_issuing_officer AS fineIssuingOfficer, pr.is_manual_fine_entry AS isManualFineEntry, rc.receiver_name_th AS receiverNameTh,
         EXISTS (SELECT 1 FROM receipt_events e WHERE e.receipt_id = rc.id AND e.kind = 'printed') AS isPrinted,
         (SELECT count(*) FROM receipt_events e WHERE e.receipt_id = rc.id AND e.kind = 'reprinted') AS copies,
         ce.business_date AS cancelledOn, ce.reason_text AS cancelReasonText, ce.entry_seq AS cancelSeq,
         (SELECT dc.entry_seq FROM day_closes dc WHERE dc.business_date = rc.business_date AND dc.kind = 'close') AS closeSeq,
         rc.entry_seq AS entrySeq,
         coalesce((SELECT pc.source = 'provisional' FROM payment_confirmations pc WHERE pc.id = rc.payment_confirmation_id), 0)
           AND NOT EXISTS (SELECT 1 FROM payment_confirmations bank WHERE bank.bill_id = rc.bill_id AND bank.source <> 'provisional') AS isProvisional
  FROM receipts rc
  LEFT JOIN bills b ON b.id = rc.bill_id
  LEFT JOIN payment_requests pr ON pr.id = rc.request_id
  LEFT JOIN receipt_events ce ON ce.receipt_id = rc.id AND ce.kind = 'cancelled'
  WHERE rc.business_date BETWEEN @from AND @to
  ORDER BY rc.book, rc.number
  LIMIT @limit`;

/** Every receipt with a business date in [from, to], in book and number order (cancelled ones included). */
export function readReceiptFacts(sqlite: Database.Database, from: string, to: string): ReceiptFact[] {
  const rows = prepared(sqlite, FACTS_SQL).all({ from, to, limit: MAX_REPORT_RECEIPTS + 1 }) as FactRow[];
  if (rows.length > MAX_REPORT_RECEIPTS) throw new RangeError(`more than ${MAX_REPORT_RECEIPTS} receipts between ${from} and ${to}`);
  return rows.map((r) => ({
    book: r.book,
    number: r.number,
    isPaper: r.isPaper === 1,
    businessDate: r.businessDate,
    issuedAtMs: r.issuedAtMs,
    payerName: r.payerName,
    revenueCode: r.revenueCode,
    amountSatang: r.amountSatang,
    method: r.method,
    ref1: r.ref1,
    ref2: r.ref2,
    fineOrderNo: r.fineOrderNo,
    fineIssuingOfficer: r.fineIssuingOfficer,
    isManualFineEntry: r.isManualFineEntry === 1,
    receiverNameTh: r.receiverNameTh,
    isPrinted: r.isPrinted === 1,
    copies: r.copies,
    isCancelled: r.cancelledOn !== null,
    cancelledOn: r.cancelledOn,
    cancelReasonText: r.cancelReasonText,
    isCancelledAfterClose: r.cancelSeq !== null && r.closeSeq !== null && r.cancelSeq > r.closeSeq,
    isLate: r.isPaper === 1 && r.closeSeq !== null && r.entrySeq > r.closeSeq,
    isProvisional: r.isProvisional === 1,
  }));
}

export interface OfficeFacts {
  readonly place: string;
  readonly costCentre: string | null;
}

export function readOfficeFacts(sqlite: Database.Database): OfficeFacts {
  const row = prepared(sqlite, 'SELECT place, cost_centre AS costCentre FROM office').get() as OfficeFacts | undefined;
  return row ?? { place: '', costCentre: null };
}
