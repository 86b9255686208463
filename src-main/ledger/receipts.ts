import type Database from 'better-sqlite3';
import type { RevenueCatalog } from '../../src-shared/catalog';
import { canonicalJson } from '../../src-shared/canonical-json';
import type { ReceiptSummary } from '../../src-shared/contract';
import { fiscalYearBeOf, twoDigitYear, type BusinessDate } from '../../src-shared/dates';
import type { ReceiptMethod } from '../../src-shared/domain/reasons';
import { CodedError, strictAssert } from '../../src-shared/result';
import { runLedgerAction, type LedgerDeps } from './action';
import type { Approval } from './approvals';
import { bestConfirmation, requireBill, type BillRecord, type ConfirmationRecord } from './bills';
import { prepared } from './statements';
import { assertDayOpen } from '../close/closed-days';

/** The electronic receipt book of a terminal for a fiscal year: เล่มที่ E{yy}-{place}-{slot} (design.md). */
export function electronicBook(businessDate: BusinessDate, place: string, slot: number): string {
  return `E${twoDigitYear(fiscalYearBeOf(businessDate))}-${place}-${slot}`;
}

export interface InstrumentDetail {
  readonly bankName: string;
  readonly branch?: string | undefined;
  readonly instrumentNo: string;
  readonly instrumentDate: string;
}

export type ReceiptPayment =
  | { readonly method: 'cash' | 'bill-payment' }
  | { readonly method: 'cheque' | 'draft' | 'cashier-cheque'; readonly detail: InstrumentDetail };

export interface Receiver {
  readonly userId: string;
}

interface ReceiptRow {
  receiptId: string;
  receiptBook: string;
  receiptNo: number;
  businessDate: string;
  issuedAtMs: number;
  ref1: string | null;
  payerName: string;
  revenueCode: string;
  amountSatang: number;
  method: ReceiptMethod;
  receiverNameTh: string;
  receiverPositionTh: string;
  isPaper: number;
  isPrinted: number;
  copies: number;
  isCancelled: number;
  isProvisional: number;
}

const RECEIPT_SQL = `
  SELECT rc.id AS receiptId, rc.book AS receiptBook, rc.number AS receiptNo, rc.business_date AS businessDate, rc.issued_at_ms AS issuedAtMs,
         b.ref1 AS ref1, rc.payer_name AS payerName, rc.revenue_code AS revenueCode, rc.amount_satang AS amountSatang, rc.method,
         rc.receiver_name_th AS receiverNameTh, rc.receiver_position_th AS receiverPositionTh, rc.is_paper AS isPaper,
         EXISTS (SELECT 1 FROM receipt_events e WHERE e.receipt_id = rc.id AND e.kind = 'printed') AS isPrinted,
         (SELECT count(*) FROM receipt_events e WHERE e.receipt_id = rc.id AND e.kind = 'reprinted') AS copies,
         EXISTS (SELECT 1 FROM receipt_events e WHERE e.receipt_id = rc.id AND e.kind = 'cancelled') AS isCancelled,
         coalesce((SELECT pc.source = 'provisional' FROM payment_confirmations pc WHERE pc.id = rc.payment_confirmation_id), 0)
           AND NOT EXISTS (SELECT 1 FROM payment_confirmations bank WHERE bank.bill_id = rc.bill_id AND bank.source <> 'provisional') AS isProvisional
  FROM receipts rc LEFT JOIN bills b ON b.id = rc.bill_id`;

function toSummary(row: ReceiptRow): ReceiptSummary {
  return {
    ...row,
    isPaper: row.isPaper === 1,
    isPrinted: row.isPrinted === 1,
    isCancelled: row.isCancelled === 1,
    isProvisional: row.isProvisional === 1,
  };
}

export function findReceipt(sqlite: Database.Database, book: string, number: number): ReceiptSummary | undefined {
  const row = prepared(sqlite, `${RECEIPT_SQL} WHERE rc.book = ? AND rc.number = ?`).get(book, number) as ReceiptRow | undefined;
  return row === undefined ? undefined : toSummary(row);
}

export function requireReceipt(sqlite: Database.Database, book: string, number: number): ReceiptSummary {
  const receipt = findReceipt(sqlite, book, number);
  if (receipt === undefined) throw new CodedError('NOT_FOUND', `No receipt ${book}/${number} on this terminal`);
  return receipt;
}

function receiptById(sqlite: Database.Database, id: string): ReceiptSummary {
  const row = prepared(sqlite, `${RECEIPT_SQL} WHERE rc.id = ?`).get(id) as ReceiptRow | undefined;
  strictAssert(row !== undefined, `receipt ${id} was just written`);
  return toSummary(row);
}

interface UserNames {
  fullNameTh: string;
  positionTh: string;
}

/**
 * The bill of Ref1 may get a receipt paid by `method`: its request is not cancelled, it has no
 * receipt in force (at most one per bill; trigger receipts_one_active_per_bill is the backstop), a
 * bill-payment receipt has a matching confirmation, and cash is not taken for a bill the bank was
 * paid. Used by electronic receipts and by keyed paper receipts (books/keying.ts).
 */
export function requireReceiptableBill(sqlite: Database.Database, ref1: string, method: ReceiptMethod): { bill: BillRecord; confirmation: ConfirmationRecord | undefined } {
  const bill = requireBill(sqlite, ref1);
  if (bill.isRequestCancelled) throw new CodedError('REQUEST_CANCELLED', `The request of Ref1 ${ref1} was cancelled`);
  if (bill.activeReceiptId !== null) throw new CodedError('ALREADY_PAID', `Ref1 ${ref1} already has a receipt that is not cancelled`);
  const confirmation = bestConfirmation(sqlite, bill.billId);
  if (method === 'bill-payment') {
    if (confirmation === undefined) throw new CodedError('PAYMENT_NOT_CONFIRMED', `No bank payment or payer's evidence is recorded for Ref1 ${ref1}`);
    if (confirmation.amountSatang !== bill.amountSatang) {
      throw new CodedError('AMOUNT_MISMATCH', `Paid ${confirmation.amountSatang} satang; the bill is ${bill.amountSatang} satang`);
    }
  } else if (confirmation !== undefined && confirmation.source !== 'provisional') {
    throw new CodedError('ALREADY_PAID', `The bank has already received payment of Ref1 ${ref1}: issue a bill-payment receipt, do not take ${method}`);
  }
  return { bill, confirmation };
}

/**
 * Issues a receipt for a bill (design.md numbering; issue 5 invariants): the next number of this
 * terminal's electronic book, the business date of now, the receiver's name and position as they
 * are today. Refused when the request was cancelled, the bill already has a receipt, the bank was
 * paid but cash is being taken, or a bill-payment receipt has no matching payment confirmation.
 * Durable on return; printing is a separate, later event.
 */
export function issueReceipt(deps: LedgerDeps, catalog: RevenueCatalog, receiver: Receiver, ref1: string, payment: ReceiptPayment): ReceiptSummary {
  const receiptId = runLedgerAction(deps, receiver.userId, 'receipt.issued', (ctx) => {
    // Issue 10: no receipt carries a business date that is already closed.
    assertDayOpen(ctx.sqlite, ctx.businessDate);
    const { bill, confirmation } = requireReceiptableBill(ctx.sqlite, ref1, payment.method);
    const user = prepared(ctx.sqlite, 'SELECT full_name_th AS fullNameTh, position_th AS positionTh FROM users WHERE id = ?').get(receiver.userId) as UserNames | undefined;
    strictAssert(user !== undefined, 'the receiving officer is a user of this terminal');
    const book = electronicBook(ctx.businessDate, ctx.identity.place, ctx.identity.terminalSlot);
    const last = prepared(ctx.sqlite, 'SELECT coalesce(max(number), 0) AS n FROM receipts WHERE book = ?').get(book) as { n: number };
    const item = catalog.find(bill.revenueCode);
    const nameTh = item === undefined ? bill.revenueCode : item.kind === 'fine' ? item.fine.itemNameTh : item.fee.nameTh;
    const row = {
      id: ctx.newId(),
      book,
      number: last.n + 1,
      isPaper: 0,
      businessDate: ctx.businessDate,
      requestId: bill.requestId,
      billId: bill.billId,
      payerName: bill.payerName,
      payerId: bill.payerId,
      items: canonicalJson([{ revenueCode: bill.revenueCode, nameTh, amountSatang: bill.amountSatang }]),
      revenueCode: bill.revenueCode,
      amountSatang: bill.amountSatang,
      method: payment.method,
      methodDetail: 'detail' in payment ? canonicalJson({ ...payment.detail }) : null,
      paymentConfirmationId: payment.method === 'bill-payment' ? (confirmation?.id ?? null) : null,
      receiverUserId: receiver.userId,
      receiverNameTh: user.fullNameTh,
      receiverPositionTh: user.positionTh,
      issuedAtMs: ctx.atMs,
      entrySeq: ctx.seq,
    };
    prepared(
      ctx.sqlite,
      `INSERT INTO receipts (id, book, number, is_paper, business_date, request_id, bill_id, payer_name, payer_id, items, revenue_code,
         amount_satang, method, method_detail, payment_confirmation_id, receiver_user_id, receiver_name_th, receiver_position_th, issued_at_ms, entry_seq)
       VALUES (@id, @book, @number, @isPaper, @businessDate, @requestId, @billId, @payerName, @payerId, @items, @revenueCode,
         @amountSatang, @method, @methodDetail, @paymentConfirmationId, @receiverUserId, @receiverNameTh, @receiverPositionTh, @issuedAtMs, @entrySeq)`,
    ).run(row);
    return { result: row.id };
  });
  return receiptById(deps.sqlite, receiptId);
}

interface EventRow {
  id: string;
  receiptId: string;
  kind: 'printed' | 'reprinted' | 'cancelled';
  copyNo: number | null;
  userId: string;
  supervisorUserId: string | null;
  approvalMethod: string | null;
  reasonCode: string | null;
  reasonText: string | null;
  approvalCode: string | null;
  atMs: number;
  businessDate: string;
  entrySeq: number;
}

function insertEvent(sqlite: Database.Database, event: EventRow): void {
  prepared(
    sqlite,
    `INSERT INTO receipt_events (id, receipt_id, kind, copy_no, user_id, supervisor_user_id, approval_method, reason_code, reason_text,
       approval_code, at_ms, business_date, entry_seq)
     VALUES (@id, @receiptId, @kind, @copyNo, @userId, @supervisorUserId, @approvalMethod, @reasonCode, @reasonText, @approvalCode,
       @atMs, @businessDate, @entrySeq)`,
  ).run(event);
}

/**
 * The operator's one print of the original (seed 001 §3.1.5): recorded when the print job is
 * handed to the printer, after the receipt is durable. A second original is refused; a copy is a
 * supervisor's reprint.
 */
export function recordOriginalPrint(deps: LedgerDeps, userId: string, book: string, number: number): ReceiptSummary {
  const receiptId = runLedgerAction(deps, userId, 'receipt.printed', (ctx) => {
    const receipt = requireReceipt(ctx.sqlite, book, number);
    if (receipt.isCancelled) throw new CodedError('ALREADY_CANCELLED', `Receipt ${book}/${number} is cancelled; it is not printed as an original`);
    if (receipt.isPrinted) throw new CodedError('ALREADY_PRINTED', `Receipt ${book}/${number} was already printed; a copy needs a supervisor's reprint`);
    const event: EventRow = {
      id: ctx.newId(),
      receiptId: receipt.receiptId,
      kind: 'printed',
      copyNo: null,
      userId,
      supervisorUserId: null,
      approvalMethod: null,
      reasonCode: null,
      reasonText: null,
      approvalCode: null,
      atMs: ctx.atMs,
      businessDate: ctx.businessDate,
      entrySeq: ctx.seq,
    };
    insertEvent(ctx.sqlite, event);
    return { result: receipt.receiptId };
  });
  return receiptById(deps.sqlite, receiptId);
}

export interface SupervisedChange {
  readonly reasonCode: string;
  readonly reasonText: string;
  readonly approval: Approval;
}

/** A copy print (สำเนา-พิมพ์ซ้ำ), numbered 1, 2, …; allowed whatever the original's print state (cli.md). */
export function recordReprint(deps: LedgerDeps, userId: string, book: string, number: number, change: SupervisedChange): { receipt: ReceiptSummary; copyNo: number } {
  const result = runLedgerAction(deps, userId, 'receipt.reprinted', (ctx) => {
    const receipt = requireReceipt(ctx.sqlite, book, number);
    const copyNo = receipt.copies + 1;
    const event = supervisedEvent(ctx, receipt.receiptId, 'reprinted', userId, change, copyNo);
    insertEvent(ctx.sqlite, event);
    return { result: { receiptId: receipt.receiptId, copyNo } };
  });
  return { receipt: receiptById(deps.sqlite, result.receiptId), copyNo: result.copyNo };
}

/** Cancellation keeps the number (seed 001 §3.1.5): the receipt stays, an event marks it ยกเลิก. */
export function cancelReceipt(deps: LedgerDeps, userId: string, book: string, number: number, change: SupervisedChange): ReceiptSummary {
  const receiptId = runLedgerAction(deps, userId, 'receipt.cancelled', (ctx) => {
    const receipt = requireReceipt(ctx.sqlite, book, number);
    if (receipt.isCancelled) throw new CodedError('ALREADY_CANCELLED', `Receipt ${book}/${number} is already cancelled`);
    const event = supervisedEvent(ctx, receipt.receiptId, 'cancelled', userId, change, null);
    insertEvent(ctx.sqlite, event);
    return { result: receipt.receiptId };
  });
  return receiptById(deps.sqlite, receiptId);
}

function supervisedEvent(
  ctx: { newId(): string; atMs: number; businessDate: string; seq: number },
  receiptId: string,
  kind: 'reprinted' | 'cancelled',
  userId: string,
  change: SupervisedChange,
  copyNo: number | null,
): EventRow {
  return {
    id: ctx.newId(),
    receiptId,
    kind,
    copyNo,
    userId,
    supervisorUserId: change.approval.supervisorUserId,
    approvalMethod: change.approval.method,
    reasonCode: change.reasonCode,
    reasonText: change.reasonText,
    approvalCode: change.approval.code,
    atMs: ctx.atMs,
    businessDate: ctx.businessDate,
    entrySeq: ctx.seq,
  };
}
