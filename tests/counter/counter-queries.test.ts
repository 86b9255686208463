import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD } from '../helpers/office';
import { expectRefused, makeLedgerOffice, PAYER_ID, REQUEST, type LedgerOffice } from '../ledger/ledger-helpers';

/** The counter screens' read-only queries (issue 7): day.summary, bill.paidList, record.search, receipt.history. */
let office: LedgerOffice;
beforeEach(async () => {
  office = await makeLedgerOffice();
});
afterEach(() => office.close());

const evidence = (ref1: string, amountSatang = REQUEST.amountSatang) => ({ ref1, bankCode: '006', paidAtMs: office.clock.nowMs() - 60_000, bankReference: 'KTB-778899', amountSatang });
const inPerson = { method: 'in-person' as const, username: 'supervisor', password: PASSWORD };

describe('day.summary counts today by method and changes nothing', () => {
  it('totals receipts in force of the business date by method; a cancelled receipt counts apart', async () => {
    await office.cashReceipt();
    await office.cashReceipt({ amountSatang: 20_000 });
    const cancelled = await office.cashReceipt({ amountSatang: 99_900 });
    const bill = await office.as(office.operator, 'request.create', REQUEST);
    await office.as(office.operator, 'receipt.issue', {
      ref1: bill.ref1,
      payment: { method: 'cheque', detail: { bankName: 'กรุงไทย', instrumentNo: '00112233', instrumentDate: '2026-11-23' } },
    });
    await office.as(office.supervisor, 'receipt.cancel', { book: cancelled.book, number: cancelled.number, reasonCode: 'duplicate', reasonText: 'ออกซ้ำ' });
    const before = office.ledgerSnapshot();
    const summary = await office.as(office.auditor, 'day.summary', {});
    expect(office.ledgerSnapshot()).toBe(before);
    expect(summary).toEqual({
      businessDate: '2026-11-23',
      requests: 4,
      receipts: 3,
      totalSatang: 150_000 + 20_000 + 150_000,
      byMethod: [
        { method: 'cash', count: 2, totalSatang: 170_000 },
        { method: 'cheque', count: 1, totalSatang: 150_000 },
      ],
      cancelledReceipts: 1,
      provisionalReceipts: 0,
      paidAwaitingReceipt: 0,
    });
  });

  it('another business date starts from zero', async () => {
    await office.cashReceipt();
    office.clock.advanceMs(86_400_000);
    const summary = await office.as(office.operator, 'day.summary', {});
    expect(summary).toMatchObject({ businessDate: '2026-11-24', requests: 0, receipts: 0, totalSatang: 0, byMethod: [] });
  });
});

describe('bill.paidList lists bills paid and not receipted', () => {
  it('a bill with the payer’s evidence is listed until its receipt is issued; then it is flagged provisional', async () => {
    const paid = await office.as(office.operator, 'request.create', REQUEST);
    await office.as(office.operator, 'request.create', { ...REQUEST, amountSatang: 5_000 });
    await office.as(office.operator, 'payment.recordEvidence', evidence(paid.ref1));
    const list = await office.as(office.operator, 'bill.paidList', {});
    expect(list.isCut).toBe(false);
    expect(list.bills.map((b) => [b.ref1, b.source, b.paidAmountSatang])).toEqual([[paid.ref1, 'provisional', REQUEST.amountSatang]]);
    expect((await office.as(office.operator, 'day.summary', {})).paidAwaitingReceipt).toBe(1);

    const receipt = await office.as(office.operator, 'receipt.issue', { ref1: paid.ref1, payment: { method: 'bill-payment' } });
    expect(receipt.isProvisional).toBe(true);
    expect((await office.as(office.operator, 'bill.paidList', {})).bills).toEqual([]);
    expect(await office.as(office.operator, 'day.summary', {})).toMatchObject({ paidAwaitingReceipt: 0, provisionalReceipts: 1 });
  });
});

describe('record.search finds bills and receipts by each criterion', () => {
  it('by Ref1, Ref2, national ID, part of the name, book + number and date; all criteria must match', async () => {
    const first = await office.cashReceipt();
    const other = await office.as(office.operator, 'request.create', { payerName: 'นางมาลี ศรีสุข', revenueCode: REQUEST.revenueCode, amountSatang: 30_000 });
    const firstBill = await office.as(office.operator, 'bill.show', { ref1: first.ref1 });
    const refs = async (input: Parameters<LedgerOffice['as']>[2] & object) =>
      (await office.as(office.operator, 'record.search', input as never)).rows.map((row) => [row.ref1, row.billStatus, row.receipt?.receiptNo ?? null]);

    expect(await refs({ ref1: first.ref1 })).toEqual([[first.ref1, 'receipted', first.number]]);
    // Ref2 is not unique (it carries the office and the due date): every row has it, the first bill among them.
    const byRef2 = (await office.as(office.operator, 'record.search', { ref2: firstBill.ref2 })).rows;
    expect(byRef2.every((row) => row.ref2 === firstBill.ref2)).toBe(true);
    expect(byRef2.map((row) => row.ref1)).toContain(first.ref1);
    expect(await refs({ payerId: PAYER_ID })).toEqual([[first.ref1, 'receipted', first.number]]);
    expect(await refs({ name: 'มาลี' })).toEqual([[other.ref1, 'unpaid', null]]);
    expect(await refs({ book: first.book, number: first.number })).toEqual([[first.ref1, 'receipted', first.number]]);
    expect(await refs({ businessDate: '2026-11-23' })).toEqual([
      [other.ref1, 'unpaid', null],
      [first.ref1, 'receipted', first.number],
    ]);
    expect(await refs({ name: 'มาลี', payerId: PAYER_ID })).toEqual([]);
    expect(await refs({ businessDate: '2026-11-22' })).toEqual([]);
  });

  it('a cancelled receipt and the receipt that replaced it are both found', async () => {
    const first = await office.cashReceipt();
    await office.as(office.supervisor, 'receipt.cancel', { book: first.book, number: first.number, reasonCode: 'wrong-method', reasonText: 'ผิดวิธี' });
    const again = await office.as(office.operator, 'receipt.issue', { ref1: first.ref1, payment: { method: 'cash' } });
    const rows = (await office.as(office.operator, 'record.search', { ref1: first.ref1 })).rows;
    expect(rows.map((row) => [row.receipt?.receiptNo, row.receipt?.isCancelled, row.billStatus])).toEqual([
      [again.receiptNo, false, 'receipted'],
      [first.number, true, 'receipted'],
    ]);
  });

  it('a search with no criterion is BAD_INPUT and changes nothing', async () => {
    await expectRefused(office, office.operator, 'record.search', {}, 'BAD_INPUT');
  });
});

describe('receipt.history shows prints, reprints and the cancellation with who approved and why', () => {
  it('lists the events in order with names', async () => {
    const receipt = await office.cashReceipt();
    await office.as(office.operator, 'receipt.markPrinted', { book: receipt.book, number: receipt.number });
    await office.as(office.operator, 'receipt.reprint', { book: receipt.book, number: receipt.number, reasonCode: 'printer-fault', reasonText: 'กระดาษติด', approval: inPerson });
    office.clock.advanceMs(1_000);
    await office.as(office.supervisor, 'receipt.cancel', { book: receipt.book, number: receipt.number, reasonCode: 'wrong-amount', reasonText: 'จำนวนเงินผิด' });
    const before = office.ledgerSnapshot();
    const history = await office.as(office.auditor, 'receipt.history', { book: receipt.book, number: receipt.number });
    expect(office.ledgerSnapshot()).toBe(before);
    expect(history.receipt).toMatchObject({ isPrinted: true, copies: 1, isCancelled: true });
    expect(history.payerId).toBe(PAYER_ID);
    expect(history.events.map((e) => [e.kind, e.copyNo, e.userNameTh, e.supervisorNameTh, e.approvalMethod, e.reasonCode])).toEqual([
      ['printed', null, 'ผู้ใช้ operator', null, null, null],
      ['reprinted', 1, 'ผู้ใช้ operator', 'ผู้ใช้ supervisor', 'in-person', 'printer-fault'],
      ['cancelled', null, 'ผู้ใช้ supervisor', 'ผู้ใช้ supervisor', expect.any(String), 'wrong-amount'],
    ]);
  });

  it('an unknown receipt is NOT_FOUND', async () => {
    await expectRefused(office, office.auditor, 'receipt.history', { book: 'E70-5401-1', number: 99 }, 'NOT_FOUND');
  });
});
