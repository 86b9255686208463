import type Database from 'better-sqlite3';
import { buildBarcode, buildBillPaymentQr } from '../../src-shared/codes';
import type { RequestOutput } from '../../src-shared/contract';
import type { Satang } from '../../src-shared/money';
import { CodedError, unwrap } from '../../src-shared/result';
import { billStatus, requireBill } from './bills';
import { readIdentity } from './identity';

/** A bill with the exact barcode and Thai QR texts its slip carries (payment-formats.md). */
export function showBill(sqlite: Database.Database, ref1: string): RequestOutput<'bill.show'> {
  const bill = requireBill(sqlite, ref1);
  const identity = readIdentity(sqlite);
  if (identity === null || identity.billerId === null) throw new CodedError('OFFICE_INCOMPLETE', 'The office has no biller id; the barcode and QR cannot be made');
  const fields = { billerId: identity.billerId, ref1: bill.ref1, ref2: bill.ref2, amountSatang: bill.amountSatang as Satang };
  return {
    ref1: bill.ref1,
    ref2: bill.ref2,
    requestNo: bill.requestNo,
    billerId: identity.billerId,
    companyCode: identity.companyCode,
    payerName: bill.payerName,
    revenueCode: bill.revenueCode,
    amountSatang: bill.amountSatang,
    dueDate: bill.dueDate,
    barcodeText: unwrap(buildBarcode(fields)),
    qrText: unwrap(buildBillPaymentQr(fields)),
    status: billStatus(sqlite, bill),
  };
}
