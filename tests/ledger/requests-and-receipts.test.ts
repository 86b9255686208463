import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isValidMod97_10, parseRef1 } from '../../src-shared/codes';
import { PAYER_ID, REQUEST, expectRefused, makeLedgerOffice, type LedgerOffice } from './ledger-helpers';

let office: LedgerOffice;
beforeEach(async () => {
  office = await makeLedgerOffice();
});
afterEach(() => office.close());

const HOUR = 3_600_000;

describe('requests and bills', () => {
  it('ref1 is type + sub-type + place + calendar B.E. yy + slot + counter, and the request number shares it', async () => {
    const first = await office.as(office.operator, 'request.create', REQUEST);
    const second = await office.as(office.operator, 'request.create', { ...REQUEST, instalmentNo: 3, fineOrderNo: 'พป 12/2569' });
    expect(first.ref1).toBe('100540169100001');
    expect(second.ref1).toBe('103540169100002');
    expect(first.requestNo).toBe('5401/69/100001');
    const parts = parseRef1(second.ref1);
    expect(parts.ok && parts.value).toMatchObject({ requestType: '1', requestSubtype: '03', place: '5401', yearBe2: '69', terminalSlot: 1, counter: 2 });
    expect(first.ref2).toMatch(/^0015401804001\d\d$/);
    expect(isValidMod97_10(first.ref2)).toBe(true);
  });

  it('a fine request without a fine order number is a manual entry, and the due date defaults to 15 days', async () => {
    const manual = await office.as(office.operator, 'request.create', REQUEST);
    const fromOrder = await office.as(office.operator, 'request.create', { ...REQUEST, fineOrderNo: 'พป 1/2569', fineIssuingOfficer: 'นายอำเภอเมืองแพร่' });
    expect(manual.isManualFineEntry).toBe(true);
    expect(fromOrder.isManualFineEntry).toBe(false);
    expect(manual.businessDate).toBe('2026-11-23');
    expect(manual.dueDate).toBe('2026-12-08');
  });

  it('ref1 counter restarts on 1 January (calendar year); the receipt book changes on 1 October (fiscal year)', async () => {
    office.clock.setMs(Date.UTC(2026, 11, 31, 3)); // 31 Dec 2026 10:00 Bangkok
    const december = await office.cashReceipt();
    office.clock.setMs(Date.UTC(2027, 0, 1, 3)); // 1 Jan 2027 (B.E. 2570)
    const january = await office.cashReceipt();
    expect(december.ref1.slice(7)).toBe('69100001');
    expect(january.ref1.slice(7)).toBe('70100001');
    expect([december.book, january.book]).toEqual(['E70-5401-1', 'E70-5401-1']);
    expect(january.number).toBe(2);
    office.clock.setMs(Date.UTC(2027, 9, 1, 3)); // 1 Oct 2027: fiscal year 2571
    const october = await office.cashReceipt();
    expect(october).toMatchObject({ book: 'E71-5401-1', number: 1 });
  });

  it('refuses an unknown revenue code, a due date in the past and a mistyped national ID, changing nothing', async () => {
    await expectRefused(office, office.operator, 'request.create', { ...REQUEST, revenueCode: '999999' }, 'REVENUE_CODE_UNKNOWN');
    await expectRefused(office, office.operator, 'request.create', { ...REQUEST, dueDate: '2026-11-22' }, 'DUE_DATE_PAST');
    await expectRefused(office, office.operator, 'request.create', { ...REQUEST, payerId: `${PAYER_ID.slice(0, 12)}9` }, 'NATIONAL_ID_BAD_CHECK_DIGIT');
    await expectRefused(office, office.operator, 'request.create', { ...REQUEST, dueDate: '2026-02-30' }, 'DATE_NOT_A_CALENDAR_DAY');
  });

  it('only counter roles create requests', async () => {
    const reply = await office.call(office.admin, 'request.create', REQUEST);
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('bill.show gives the barcode and QR of the bill, and its state', async () => {
    const request = await office.as(office.operator, 'request.create', REQUEST);
    const bill = await office.as(office.operator, 'bill.show', { ref1: request.ref1 });
    expect(bill.barcodeText).toBe(`|099999999999990\r${request.ref1}\r${request.ref2}\r150000`);
    expect(bill.qrText).toContain(request.ref1);
    expect(bill.status).toBe('unpaid');
    await office.as(office.operator, 'receipt.issue', { ref1: request.ref1, payment: { method: 'cash' } });
    expect((await office.as(office.operator, 'bill.show', { ref1: request.ref1 })).status).toBe('receipted');
  });
});

describe('receipts', () => {
  it('receipt numbers are gapless within the book and the date is the business date at issue', async () => {
    const numbers: number[] = [];
    for (let i = 0; i < 5; i += 1) numbers.push((await office.cashReceipt()).number);
    expect(numbers).toEqual([1, 2, 3, 4, 5]);
    office.clock.advanceMs(16 * HOUR); // 01:00 next day in Bangkok
    const next = await office.cashReceipt();
    const receipt = await office.as(office.operator, 'receipt.get', { book: next.book, number: next.number });
    expect(receipt.businessDate).toBe('2026-11-24');
    expect(receipt).toMatchObject({ receiverNameTh: 'ผู้ใช้ operator', method: 'cash', isPrinted: false, copies: 0, isCancelled: false });
  });

  it('a bill has at most one receipt in force: a second is refused with ALREADY_PAID', async () => {
    const { ref1 } = await office.cashReceipt();
    await expectRefused(office, office.operator, 'receipt.issue', { ref1, payment: { method: 'cash' } }, 'ALREADY_PAID');
  });

  it('cancelled receipts keep their number; the bill may then be receipted again under the next number', async () => {
    const { ref1, book, number } = await office.cashReceipt();
    await office.as(office.supervisor, 'receipt.cancel', { book, number, reasonCode: 'wrong-amount', reasonText: 'กรอกจำนวนเงินผิด' });
    const cancelled = await office.as(office.operator, 'receipt.get', { book, number });
    expect(cancelled.isCancelled).toBe(true);
    const again = await office.as(office.operator, 'receipt.issue', { ref1, payment: { method: 'cash' } });
    expect(again.receiptNo).toBe(number + 1);
  });

  it('cheque details are required and kept; an unknown Ref1 is NOT_FOUND', async () => {
    const request = await office.as(office.operator, 'request.create', REQUEST);
    const receipt = await office.as(office.operator, 'receipt.issue', {
      ref1: request.ref1,
      payment: { method: 'cheque', detail: { bankName: 'ธนาคารกรุงไทย', branch: 'แพร่', instrumentNo: '0012345', instrumentDate: '2026-11-23' } },
    });
    expect(receipt.method).toBe('cheque');
    const stored = office.host.services.database.sqlite.prepare('SELECT method_detail AS d FROM receipts WHERE id = ?').get(receipt.receiptId) as { d: string };
    expect(JSON.parse(stored.d)).toEqual({ bankName: 'ธนาคารกรุงไทย', branch: 'แพร่', instrumentDate: '2026-11-23', instrumentNo: '0012345' });
    await expectRefused(office, office.operator, 'receipt.issue', { ref1: '100540169199999', payment: { method: 'cash' } }, 'NOT_FOUND');
  });

  it('a cancelled request cannot be paid or receipted; a paid one cannot be cancelled', async () => {
    const open = await office.as(office.operator, 'request.create', REQUEST);
    await office.as(office.supervisor, 'request.cancel', { ref1: open.ref1, reasonCode: 'payer-withdrew', reasonText: 'ผู้ชำระขอยกเลิก' });
    await expectRefused(office, office.operator, 'receipt.issue', { ref1: open.ref1, payment: { method: 'cash' } }, 'REQUEST_CANCELLED');
    await expectRefused(office, office.supervisor, 'request.cancel', { ref1: open.ref1, reasonCode: 'other', reasonText: 'ซ้ำ' }, 'ALREADY_CANCELLED');
    expect((await office.as(office.operator, 'bill.show', { ref1: open.ref1 })).status).toBe('cancelled');
    const paid = await office.cashReceipt();
    await expectRefused(office, office.supervisor, 'request.cancel', { ref1: paid.ref1, reasonCode: 'other', reasonText: 'ยกเลิก' }, 'ALREADY_PAID');
  });
});

describe('bill payment', () => {
  it('a bill-payment receipt needs a payment confirmation whose amount equals the bill', async () => {
    const request = await office.as(office.operator, 'request.create', REQUEST);
    await expectRefused(office, office.operator, 'receipt.issue', { ref1: request.ref1, payment: { method: 'bill-payment' } }, 'PAYMENT_NOT_CONFIRMED');
    const evidence = { ref1: request.ref1, bankCode: '006', paidAtMs: office.clock.nowMs() - HOUR, bankReference: 'KTB20261123001' };
    await expectRefused(office, office.operator, 'payment.recordEvidence', { ...evidence, amountSatang: 149_999 }, 'AMOUNT_MISMATCH');
    await expectRefused(office, office.operator, 'payment.recordEvidence', { ...evidence, amountSatang: 150_000, paidAtMs: office.clock.nowMs() + HOUR }, 'BAD_INPUT');
    await office.as(office.operator, 'payment.recordEvidence', { ...evidence, amountSatang: 150_000 });
    const receipt = await office.as(office.operator, 'receipt.issue', { ref1: request.ref1, payment: { method: 'bill-payment' } });
    expect(receipt).toMatchObject({ method: 'bill-payment', isProvisional: true });
  });

  it('the bank’s confirmation clears the provisional flag; cash is refused for a bill the bank has been paid', async () => {
    const { recordPaymentConfirmation } = await import('../../src-main/ledger/payments');
    const services = office.host.services;
    const deps = { sqlite: services.database.sqlite, clock: services.clock, machineId: services.machineId };
    const request = await office.as(office.operator, 'request.create', REQUEST);
    recordPaymentConfirmation(deps, null, { ref1: request.ref1, source: 'bank-file', bankCode: '006', paidAtMs: office.clock.nowMs(), bankReference: 'FILE-1', amountSatang: 150_000 });
    await expectRefused(office, office.operator, 'receipt.issue', { ref1: request.ref1, payment: { method: 'cash' } }, 'ALREADY_PAID');
    const receipt = await office.as(office.operator, 'receipt.issue', { ref1: request.ref1, payment: { method: 'bill-payment' } });
    expect(receipt.isProvisional).toBe(false);
    expect((await office.as(office.operator, 'bill.show', { ref1: request.ref1 })).status).toBe('receipted');
  });
});
