import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { T0_MS } from '../helpers/office';
import { BOOK, DAY_MS, HOUR_MS, TODAY, expectRefusedUnchanged, makeBooksOffice, type BooksOffice } from './books-helpers';
import { REQUEST } from '../ledger/ledger-helpers';

let office: BooksOffice;
let outageId: string;
beforeEach(async () => {
  office = await makeBooksOffice();
  await office.registerBook();
  outageId = await office.pastOutage();
});
afterEach(() => office.close());

const sqlite = () => office.host.services.database.sqlite;

describe('keying in a paper receipt after an outage', () => {
  it('writes a receipts row with is_paper = 1, book = the paper book, number = the leaf, the paper date, and a keying row with who and when', async () => {
    office.clock.setMs(T0_MS + DAY_MS); // keyed the next day
    const keyed = await office.as(office.operator, 'paperReceipt.key', office.keyInput(outageId, { leaf: 7 }));
    expect(keyed).toMatchObject({ receiptBook: BOOK, receiptNo: 7, businessDate: TODAY, amountSatang: 150_000, keyedAtMs: T0_MS + DAY_MS });
    const receipt = sqlite().prepare(`SELECT book, number, is_paper AS isPaper, business_date AS businessDate, bill_id AS billId, amount_satang AS amountSatang FROM receipts`).get();
    expect(receipt).toEqual({ book: BOOK, number: 7, isPaper: 1, businessDate: TODAY, billId: null, amountSatang: 150_000 });
    const keying = sqlite().prepare(`SELECT k.outage_id AS outageId, k.field_order_id AS fieldOrderId, k.keyed_at_ms AS keyedAtMs, u.username FROM paper_receipt_keyings k JOIN users u ON u.id = k.keyed_by_user_id`).get();
    expect(keying).toEqual({ outageId, fieldOrderId: null, keyedAtMs: T0_MS + DAY_MS, username: 'operator' });
    // The same receipt register as electronic receipts.
    const got = await office.as(office.auditor, 'receipt.get', { book: BOOK, number: 7 });
    expect(got).toMatchObject({ isPaper: true, businessDate: TODAY, ref1: null, isCancelled: false });
    const { leaves } = await office.as(office.auditor, 'book.leaves', { bookNo: BOOK });
    expect(leaves[6]).toEqual({ leaf: 7, state: 'issued' });
    expect((await office.as(office.auditor, 'ledger.verify', {})).problems).toEqual([]);
  });

  it('needs role operator or finance', async () => {
    await expectRefusedUnchanged(office, office.supervisor, 'paperReceipt.key', office.keyInput(outageId), 'FORBIDDEN');
    await expectRefusedUnchanged(office, office.head, 'paperReceipt.key', office.keyInput(outageId), 'FORBIDDEN');
    await office.as(office.finance, 'paperReceipt.key', office.keyInput(outageId));
  });

  it('refuses a paper date outside the recorded outage (PAPER_DATE_OUTSIDE_OUTAGE)', async () => {
    await expectRefusedUnchanged(office, office.operator, 'paperReceipt.key', office.keyInput(outageId, { paperDate: '2026-11-22' }), 'PAPER_DATE_OUTSIDE_OUTAGE');
  });

  it('refuses a paper date in the future (PAPER_DATE_IN_FUTURE)', async () => {
    await expectRefusedUnchanged(office, office.operator, 'paperReceipt.key', office.keyInput(outageId, { paperDate: '2026-11-24' }), 'PAPER_DATE_IN_FUTURE');
  });

  it('refuses an outage that is not recorded (NOT_FOUND)', async () => {
    await expectRefusedUnchanged(office, office.operator, 'paperReceipt.key', office.keyInput('01NOSUCHOUTAGE'), 'NOT_FOUND');
  });

  it('refuses a leaf of a book not assigned to this office, this terminal or the user (BOOK_NOT_ASSIGNED)', async () => {
    await office.as(office.finance, 'book.register', { bookNo: 'P70-002', firstLeaf: 1, lastLeaf: 50, fiscalYearBe: 2570 });
    await expectRefusedUnchanged(office, office.operator, 'paperReceipt.key', office.keyInput(outageId, { bookNo: 'P70-002' }), 'BOOK_NOT_ASSIGNED');
    await office.as(office.finance, 'book.assign', { bookNo: 'P70-002', holder: { kind: 'terminal', terminalSlot: 2 } });
    await expectRefusedUnchanged(office, office.operator, 'paperReceipt.key', office.keyInput(outageId, { bookNo: 'P70-002' }), 'BOOK_NOT_ASSIGNED');
    await office.as(office.finance, 'book.assign', { bookNo: 'P70-002', holder: { kind: 'officer', username: 'finance' } });
    await expectRefusedUnchanged(office, office.operator, 'paperReceipt.key', office.keyInput(outageId, { bookNo: 'P70-002' }), 'BOOK_NOT_ASSIGNED');
    await office.as(office.finance, 'book.assign', { bookNo: 'P70-002', holder: { kind: 'terminal', terminalSlot: 1 } });
    await office.as(office.operator, 'paperReceipt.key', office.keyInput(outageId, { bookNo: 'P70-002' }));
  });

  it('refuses a book that is not registered (NOT_FOUND) and a leaf outside the book (LEAF_OUT_OF_RANGE)', async () => {
    await expectRefusedUnchanged(office, office.operator, 'paperReceipt.key', office.keyInput(outageId, { bookNo: 'P70-404' }), 'NOT_FOUND');
    await expectRefusedUnchanged(office, office.operator, 'paperReceipt.key', office.keyInput(outageId, { leaf: 51 }), 'LEAF_OUT_OF_RANGE');
  });

  it('refuses a duplicate leaf (LEAF_ALREADY_KEYED), also once its receipt was cancelled, and a spoiled leaf (LEAF_NOT_UNUSED)', async () => {
    await office.as(office.operator, 'paperReceipt.key', office.keyInput(outageId, { leaf: 1 }));
    await expectRefusedUnchanged(office, office.operator, 'paperReceipt.key', office.keyInput(outageId, { leaf: 1, payerName: 'คนอื่น' }), 'LEAF_ALREADY_KEYED');
    await office.as(office.supervisor, 'receipt.cancel', {
      book: BOOK,
      number: 1,
      reasonCode: 'wrong-amount',
      reasonText: 'บันทึกผิด',
      approval: { method: 'in-person', username: 'supervisor', password: 'Counter2569' },
    });
    await expectRefusedUnchanged(office, office.operator, 'paperReceipt.key', office.keyInput(outageId, { leaf: 1 }), 'LEAF_ALREADY_KEYED');
    await office.as(office.operator, 'book.markLeaf', { bookNo: BOOK, leaf: 2, kind: 'spoiled', reasonText: 'เขียนผิด' });
    await expectRefusedUnchanged(office, office.operator, 'paperReceipt.key', office.keyInput(outageId, { leaf: 2 }), 'LEAF_NOT_UNUSED');
  });

  it('refuses a closed book (BOOK_CLOSED)', async () => {
    await office.as(office.finance, 'book.register', { bookNo: 'P70-003', firstLeaf: 1, lastLeaf: 1, fiscalYearBe: 2570 });
    await office.as(office.finance, 'book.assign', { bookNo: 'P70-003', holder: { kind: 'office' } });
    await office.as(office.operator, 'book.markLeaf', { bookNo: 'P70-003', leaf: 1, kind: 'spoiled', reasonText: 'ชำรุด' });
    await office.as(office.finance, 'book.close', { bookNo: 'P70-003' });
    await expectRefusedUnchanged(office, office.operator, 'paperReceipt.key', office.keyInput(outageId, { bookNo: 'P70-003' }), 'BOOK_CLOSED');
  });

  it('refuses an amount that is not strict integer satang (BAD_INPUT) and a revenue code not in the catalog (REVENUE_CODE_UNKNOWN)', async () => {
    await expectRefusedUnchanged(office, office.operator, 'paperReceipt.key', { ...office.keyInput(outageId), amountSatang: 1500.5 }, 'BAD_INPUT');
    await expectRefusedUnchanged(office, office.operator, 'paperReceipt.key', { ...office.keyInput(outageId), amountSatang: '1,500.00' as never }, 'BAD_INPUT');
    await expectRefusedUnchanged(office, office.operator, 'paperReceipt.key', office.keyInput(outageId, { amountSatang: 0 }), 'BAD_INPUT');
    await expectRefusedUnchanged(office, office.operator, 'paperReceipt.key', office.keyInput(outageId, { revenueCode: '999999' }), 'REVENUE_CODE_UNKNOWN');
  });

  it('takes the methods of electronic receipts: a cheque with its details; bill-payment only for a named, confirmed bill', async () => {
    const cheque = { method: 'cheque', detail: { bankName: 'กรุงไทย', instrumentNo: '1234567', instrumentDate: TODAY } } as const;
    await office.as(office.operator, 'paperReceipt.key', office.keyInput(outageId, { leaf: 3, payment: cheque }));
    expect((sqlite().prepare(`SELECT method, method_detail AS detail FROM receipts WHERE number = 3`).get() as { method: string; detail: string }).method).toBe('cheque');
    await expectRefusedUnchanged(office, office.operator, 'paperReceipt.key', office.keyInput(outageId, { leaf: 4, payment: { method: 'bill-payment' } }), 'PAYMENT_NOT_CONFIRMED');
  });
});

describe('a paper receipt that names the Ref1 of a bill', () => {
  it('pays the bill, and a second receipt for it is refused by the electronic receipts\' own rule (ALREADY_PAID)', async () => {
    const request = await office.as(office.operator, 'request.create', REQUEST);
    await office.as(office.operator, 'paperReceipt.key', office.keyInput(outageId, { leaf: 5, ref1: request.ref1, amountSatang: REQUEST.amountSatang }));
    expect((await office.as(office.operator, 'bill.show', { ref1: request.ref1 })).status).toBe('receipted');
    await expectRefusedUnchanged(office, office.operator, 'receipt.issue', { ref1: request.ref1, payment: { method: 'cash' } }, 'ALREADY_PAID');
    await expectRefusedUnchanged(office, office.operator, 'paperReceipt.key', office.keyInput(outageId, { leaf: 6, ref1: request.ref1 }), 'ALREADY_PAID');
    const got = await office.as(office.auditor, 'receipt.get', { book: BOOK, number: 5 });
    expect(got).toMatchObject({ ref1: request.ref1, isPaper: true });
  });

  it('refuses another amount (AMOUNT_MISMATCH), another revenue code (REVENUE_CODE_MISMATCH), an unknown Ref1 (NOT_FOUND) and a cancelled request (REQUEST_CANCELLED)', async () => {
    const request = await office.as(office.operator, 'request.create', REQUEST);
    await expectRefusedUnchanged(office, office.operator, 'paperReceipt.key', office.keyInput(outageId, { ref1: request.ref1, amountSatang: 100 }), 'AMOUNT_MISMATCH');
    await expectRefusedUnchanged(office, office.operator, 'paperReceipt.key', office.keyInput(outageId, { ref1: request.ref1, revenueCode: '804002' }), 'REVENUE_CODE_MISMATCH');
    await expectRefusedUnchanged(office, office.operator, 'paperReceipt.key', office.keyInput(outageId, { ref1: '100540169199999' }), 'NOT_FOUND');
    await office.as(office.supervisor, 'request.cancel', {
      ref1: request.ref1,
      reasonCode: 'other',
      reasonText: 'ผิด',
      approval: { method: 'in-person', username: 'supervisor', password: 'Counter2569' },
    });
    await expectRefusedUnchanged(office, office.operator, 'paperReceipt.key', office.keyInput(outageId, { ref1: request.ref1 }), 'REQUEST_CANCELLED');
  });

  it('a paper receipt keyed while the outage is still open is allowed up to today', async () => {
    office.clock.setMs(T0_MS + 5 * HOUR_MS);
    const open = await office.as(office.operator, 'outage.start', { cause: 'เครือข่ายล่ม' });
    await office.as(office.operator, 'paperReceipt.key', office.keyInput(open.outageId, { leaf: 9 }));
    expect(office.count('paper_receipt_keyings')).toBe(1);
  });
});
