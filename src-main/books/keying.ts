import type { RevenueCatalog } from '../../src-shared/catalog';
import { canonicalJson } from '../../src-shared/canonical-json';
import { CodedError, strictAssert } from '../../src-shared/result';
import { runLedgerAction, type LedgerDeps } from '../ledger/action';
import type { BillRecord, ConfirmationRecord } from '../ledger/bills';
import { requireReceiptableBill, type ReceiptPayment } from '../ledger/receipts';
import { revenueItemOf } from '../ledger/requests';
import { prepared } from '../ledger/statements';
import { requireBook, requireOpenBook, requireUnusedLeaf, userById } from './leaves';
import { requireLeafAllowed, requirePaperDate, requireSource, type PaperSourceInput } from './sources';

/** A manual receipt written on a paper leaf, as keyed in afterwards (issue 8). */
export interface PaperReceiptInput {
  readonly source: PaperSourceInput;
  readonly bookNo: string;
  readonly leaf: number;
  /** The date written on the paper (its business date), not the day it is keyed. */
  readonly paperDate: string;
  readonly payerName: string;
  readonly payerId?: string | undefined;
  readonly revenueCode: string;
  readonly amountSatang: number;
  readonly payment: ReceiptPayment;
  /** The bill the payer paid with this receipt, if any: it is then paid. */
  readonly ref1?: string | undefined;
}

export interface KeyedReceipt {
  readonly receiptId: string;
  readonly keyingId: string;
  readonly receiptBook: string;
  readonly receiptNo: number;
  readonly businessDate: string;
  readonly amountSatang: number;
  readonly keyedAtMs: number;
}

/**
 * Keys in a paper receipt: a `receipts` row with is_paper = 1 (book = the paper book, number = the
 * leaf, business_date = the paper's date) and a `paper_receipt_keyings` row (who keyed it, when,
 * under which outage or field order), one ledger entry `receipt.keyed`. Refused, each with its own
 * code and nothing written: a date in the future or outside the outage / order, a book not
 * registered, closed or not held here, a leaf outside the book, not taken under the order, already
 * keyed or spoiled, a revenue code not in the catalog, a bill that is cancelled, already receipted
 * (the electronic receipts' own check, `requireReceiptableBill`), of another revenue code or amount.
 *
 * The receiver printed on the receipt is the officer of a field order, otherwise the keying user.
 * `issued_at_ms` is the keying instant: the paper carries a date, not a time.
 */
export function keyPaperReceipt(deps: LedgerDeps, catalog: RevenueCatalog, userId: string, input: PaperReceiptInput): KeyedReceipt {
  return runLedgerAction(deps, userId, 'receipt.keyed', (ctx) => {
    const source = requireSource(ctx.sqlite, input.source, ctx.atMs);
    requirePaperDate(source, input.paperDate, ctx.businessDate);
    const book = requireBook(ctx.sqlite, input.bookNo);
    requireOpenBook(book);
    requireLeafAllowed(source, book, input.leaf, ctx.identity.terminalSlot, userId);
    requireUnusedLeaf(ctx.sqlite, book, input.leaf);
    const item = revenueItemOf(catalog, input.revenueCode);
    let bill: BillRecord | undefined;
    let confirmation: ConfirmationRecord | undefined;
    if (input.ref1 !== undefined) {
      ({ bill, confirmation } = requireReceiptableBill(ctx.sqlite, input.ref1, input.payment.method));
      if (bill.revenueCode !== input.revenueCode) {
        throw new CodedError('REVENUE_CODE_MISMATCH', `The paper says revenue code ${input.revenueCode}; the bill of Ref1 ${input.ref1} is for ${bill.revenueCode}`);
      }
      if (bill.amountSatang !== input.amountSatang) {
        throw new CodedError('AMOUNT_MISMATCH', `The paper says ${input.amountSatang} satang; the bill of Ref1 ${input.ref1} is ${bill.amountSatang} satang`);
      }
    } else if (input.payment.method === 'bill-payment') {
      throw new CodedError('PAYMENT_NOT_CONFIRMED', 'A bill-payment receipt names the Ref1 of the bill that was paid');
    }
    const receiverUserId = source.officerUserId ?? userId;
    const receiver = userById(ctx.sqlite, receiverUserId);
    strictAssert(receiver !== undefined, 'the receiving officer is a user of this terminal');
    const nameTh = item.kind === 'fine' ? item.fine.itemNameTh : item.fee.nameTh;
    const receiptId = ctx.newId();
    prepared(
      ctx.sqlite,
      `INSERT INTO receipts (id, book, number, is_paper, business_date, request_id, bill_id, payer_name, payer_id, items, revenue_code,
         amount_satang, method, method_detail, payment_confirmation_id, receiver_user_id, receiver_name_th, receiver_position_th, issued_at_ms, entry_seq)
       VALUES (@id, @book, @number, 1, @businessDate, @requestId, @billId, @payerName, @payerId, @items, @revenueCode,
         @amountSatang, @method, @methodDetail, @paymentConfirmationId, @receiverUserId, @receiverNameTh, @receiverPositionTh, @issuedAtMs, @entrySeq)`,
    ).run({
      id: receiptId,
      book: book.bookNo,
      number: input.leaf,
      businessDate: input.paperDate,
      requestId: bill?.requestId ?? null,
      billId: bill?.billId ?? null,
      payerName: input.payerName,
      payerId: input.payerId ?? bill?.payerId ?? null,
      items: canonicalJson([{ revenueCode: input.revenueCode, nameTh, amountSatang: input.amountSatang }]),
      revenueCode: input.revenueCode,
      amountSatang: input.amountSatang,
      method: input.payment.method,
      methodDetail: 'detail' in input.payment ? canonicalJson({ ...input.payment.detail }) : null,
      paymentConfirmationId: input.payment.method === 'bill-payment' ? (confirmation?.id ?? null) : null,
      receiverUserId,
      receiverNameTh: receiver.fullNameTh,
      receiverPositionTh: receiver.positionTh,
      issuedAtMs: ctx.atMs,
      entrySeq: ctx.seq,
    });
    const keyingId = ctx.newId();
    prepared(
      ctx.sqlite,
      `INSERT INTO paper_receipt_keyings (id, receipt_id, book_id, leaf, outage_id, field_order_id, keyed_by_user_id, keyed_at_ms, entry_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(keyingId, receiptId, book.bookId, input.leaf, source.kind === 'outage' ? source.id : null, source.kind === 'field' ? source.id : null, userId, ctx.atMs, ctx.seq);
    return {
      result: { receiptId, keyingId, receiptBook: book.bookNo, receiptNo: input.leaf, businessDate: input.paperDate, amountSatang: input.amountSatang, keyedAtMs: ctx.atMs },
    };
  });
}
