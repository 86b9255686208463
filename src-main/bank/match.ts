import type Database from 'better-sqlite3';
import { parseRef1, parseRef2 } from '../../src-shared/codes';
import type { BankExceptionKind } from '../../src-shared/domain/bank';
import { bestConfirmation, findBill, type BillRecord } from '../ledger/bills';
import type { BankPaymentLine } from './records';

export type LineVerdict =
  | { readonly outcome: 'matched'; readonly bill: BillRecord; readonly confirmsProvisional: boolean }
  /** A provincial office's line of a bill of another office of its province: kept for central (issue 11). */
  | { readonly outcome: 'forwarded'; readonly place: string }
  | { readonly outcome: 'exception'; readonly kind: BankExceptionKind; readonly billId: string | null; readonly detail: string };

const exception = (kind: BankExceptionKind, detail: string, billId: string | null = null): LineVerdict => ({ outcome: 'exception', kind, billId, detail });

/** Who imports: the office's place and kind (office/office-kind.ts). */
export interface ImportingOffice {
  readonly place: string;
  readonly kind: 'district' | 'provincial';
}

/**
 * The place of the office a provincial office's line belongs to, when it is another office of the
 * same province (issue 11): a credit line whose Ref1 and Ref2 both parse and name that one place.
 * Such a line goes to central for that office; it is not this office's exception. Null for a
 * district office, for a line of its own place, of another province, a debit, or a broken
 * reference (those stay exceptions, as before).
 */
export function forwardPlaceOf(office: ImportingOffice, line: BankPaymentLine): string | null {
  if (office.kind !== 'provincial' || line.kind !== 'C') return null;
  const ref1 = parseRef1(line.ref1);
  if (!ref1.ok || ref1.value.place === office.place || ref1.value.place.slice(0, 2) !== office.place.slice(0, 2)) return null;
  const ref2 = parseRef2(line.ref2);
  if (!ref2.ok || ref2.value.place !== ref1.value.place) return null;
  return ref1.value.place;
}

/**
 * Matches one new bank line to a bill by Ref1 + Ref2 + amount (issue 9). Reads only. The order of
 * the checks decides which exception a line with several faults gets: the reference first (whose
 * bill is it?), then the bill's state, then the amount and the date.
 * `matchedInFile`: bills already matched by earlier lines of the same file (a second is already-paid).
 * `billOf`: the bill of a Ref1 as it stands before the file (the import reads them all in one query).
 */
export function matchLine(
  sqlite: Database.Database,
  officePlace: string,
  line: BankPaymentLine,
  matchedInFile: ReadonlySet<string>,
  billOf: (ref1: string) => BillRecord | undefined = (ref1) => findBill(sqlite, ref1),
): LineVerdict {
  if (line.kind !== 'C') return exception('debit-record', `a debit record (${line.transactionCode || 'no transaction code'}), not a payment`);
  const ref1 = parseRef1(line.ref1);
  if (!ref1.ok) return exception('unknown-reference', ref1.error.message);
  if (ref1.value.place !== officePlace) return exception('other-office', `Ref1 place ${ref1.value.place} is not this office (${officePlace})`);
  const ref2 = parseRef2(line.ref2);
  if (!ref2.ok) return exception('ref2-check-digits', ref2.error.message);
  if (ref2.value.place !== officePlace) return exception('other-office', `Ref2 place ${ref2.value.place} is not this office (${officePlace})`);
  const bill = billOf(line.ref1);
  if (bill === undefined) return exception('unknown-reference', `no bill with Ref1 ${line.ref1} on this terminal`);
  if (bill.ref2 !== line.ref2) return exception('reference-mismatch', `the bill of Ref1 ${line.ref1} has Ref2 ${bill.ref2}, the bank line ${line.ref2}`, bill.billId);
  if (bill.isRequestCancelled) return exception('bill-cancelled', `the request ${bill.requestNo} of Ref1 ${line.ref1} was cancelled`, bill.billId);
  if (matchedInFile.has(bill.billId)) return exception('already-paid', `an earlier line of this file already paid Ref1 ${line.ref1}`, bill.billId);
  const best = bestConfirmation(sqlite, bill.billId);
  if (best !== undefined && best.source !== 'provisional') return exception('already-paid', `Ref1 ${line.ref1} is already confirmed paid (${best.source}, ${best.amountSatang} satang)`, bill.billId);
  const isLate = line.paymentDate > bill.dueDate;
  if (best !== undefined) {
    // The payer's evidence was accepted (a receipt may already be out): the bank confirms or contradicts it.
    if (line.amountSatang !== best.amountSatang) {
      return exception('provisional-contradicted', `the payer's evidence showed ${best.amountSatang} satang, the bank paid ${line.amountSatang}`, bill.billId);
    }
    if (isLate) return exception('provisional-contradicted', `the payer's evidence was accepted, but the bank paid on ${line.paymentDate}, after the due date ${bill.dueDate}`, bill.billId);
    return { outcome: 'matched', bill, confirmsProvisional: true };
  }
  if (bill.activeReceiptId !== null) return exception('already-paid', `Ref1 ${line.ref1} already has a receipt (paid another way)`, bill.billId);
  if (line.amountSatang !== bill.amountSatang) return exception('amount-differs', `the bill is ${bill.amountSatang} satang, the bank paid ${line.amountSatang}`, bill.billId);
  if (isLate) return exception('paid-after-due', `paid on ${line.paymentDate}, after the due date ${bill.dueDate}`, bill.billId);
  return { outcome: 'matched', bill, confirmsProvisional: false };
}
