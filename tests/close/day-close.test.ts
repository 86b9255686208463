import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDay } from '../../src-main/close/close-day';
import { buildReport } from '../../src-main/reports/service';
import { CodedError } from '../../src-shared/result';
import { expectRefused } from '../ledger/ledger-helpers';
import { makeCloseOffice, ZERO_PIECES, type CloseOffice } from './close-helpers';

let office: CloseOffice;
beforeEach(async () => {
  office = await makeCloseOffice();
});
afterEach(() => office.close());

const DAY_MS = 86_400_000;
/** 1,500.00 baht, the test request's amount, as one 1000 and one 500 note. */
const COUNTED_1500 = { ...ZERO_PIECES, '1000': 1, '500': 1 };

describe('day close (issue 10, seed 001 §3.1 steps 6–8)', () => {
  it('records counted cash by denomination against expected cash and the chain head the close follows', async () => {
    await office.printedReceipt();
    await office.printedReceipt();
    const date = office.today();
    const head = await office.as(office.auditor, 'ledger.verify', {});
    const counted = { ...ZERO_PIECES, '1000': 2, '500': 1, '100': 4, '50': 1, '20': 2, '10': 1, '5': 1, '2': 1, '1': 1, '0.50': 1, '0.25': 2 };
    // 2000+500+400+50+40+10+5+2+1+0.50+0.50 = 3,009.00 baht: 9 baht over the expected 3,000.00.
    const result = await office.as(office.finance, 'close.day', { businessDate: date, pieces: counted, varianceReason: 'เงินทอนค้างจากเมื่อวาน' });
    expect(result.close).toMatchObject({
      businessDate: date,
      kind: 'close',
      isLate: false,
      receiptCount: 2,
      totalSatang: 300_000,
      cashExpectedSatang: 300_000,
      cashCountedSatang: 300_900,
      varianceSatang: 900,
      varianceReason: 'เงินทอนค้างจากเมื่อวาน',
      chainHeadSeq: head.entries,
      chainHeadHash: head.headHash,
    });
    const after = await office.as(office.auditor, 'ledger.verify', {});
    expect(after.problems).toEqual([]);
    expect(after.entries).toBe(head.entries + 1);
    const stored = office.host.services.database.sqlite.prepare(`SELECT counted FROM day_closes`).get() as { counted: string };
    expect(JSON.parse(stored.counted)).toEqual(counted);
  });

  it('a non-zero variance needs a reason: refused with VARIANCE_REASON_REQUIRED, nothing changed', async () => {
    await office.printedReceipt();
    const message = await expectRefused(office, office.finance, 'close.day', { businessDate: office.today(), pieces: { ...ZERO_PIECES, '1000': 1 } }, 'VARIANCE_REASON_REQUIRED');
    expect(message).toMatch(/Counted 100000 satang, expected 150000/);
    await expectRefused(office, office.finance, 'close.day', { businessDate: office.today(), pieces: ZERO_PIECES, varianceReason: '   ' }, 'BAD_INPUT');
  });

  it('close refused while unprinted originals remain, with the list of them', async () => {
    await office.printedReceipt();
    const a = await office.cashReceipt();
    const b = await office.cashReceipt();
    const message = await expectRefused(office, office.finance, 'close.day', { businessDate: office.today(), pieces: COUNTED_1500 }, 'UNPRINTED_ORIGINALS');
    expect(message).toContain(`${a.book}/${a.number}, ${b.book}/${b.number}`);
    const status = await office.as(office.auditor, 'close.status', { businessDate: office.today() });
    expect(status.unprintedOriginals.map((r) => r.number)).toEqual([a.number, b.number]);
  });

  it('close refused while paper leaves await keying (injected books check), with the list', async () => {
    await office.printedReceipt();
    const services = office.host.services;
    const before = office.ledgerSnapshot();
    const leaves = [
      { book: 'P-0012', leaf: 7, outageId: 'outage-1', fieldOrderId: null },
      { book: 'P-0012', leaf: 8, outageId: null, fieldOrderId: 'field-2' },
    ];
    const asked: string[] = [];
    const deps = { sqlite: services.database.sqlite, clock: services.clock, machineId: services.machineId, listUnkeyedPaperLeaves: (_db: unknown, date: string) => (asked.push(date), leaves) };
    const finance = services.database.sqlite.prepare(`SELECT id FROM users WHERE username = 'finance'`).get() as { id: string };
    let refusal: unknown;
    try {
      closeDay(deps, finance.id, { businessDate: office.today(), counted: COUNTED_1500 });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(CodedError);
    expect((refusal as CodedError).code).toBe('PAPER_LEAVES_UNKEYED');
    expect((refusal as CodedError).message).toContain('P-0012/7, P-0012/8');
    expect(asked).toEqual([office.today()]);
    expect(office.ledgerSnapshot()).toBe(before);
    // With no leaf waiting, the same close goes through.
    expect(closeDay({ ...deps, listUnkeyedPaperLeaves: () => [] }, finance.id, { businessDate: office.today(), counted: COUNTED_1500 }).close.kind).toBe('close');
  });

  it('after close no receipt can carry that date: the service says DAY_CLOSED and the database refuses it too', async () => {
    await office.printedReceipt();
    await office.as(office.head, 'close.day', { businessDate: office.today(), pieces: COUNTED_1500 });
    const request = await office.as(office.operator, 'request.create', { payerName: 'นายมาช้า หลังปิด', revenueCode: '804001', amountSatang: 20_000 });
    const message = await expectRefused(office, office.operator, 'receipt.issue', { ref1: request.ref1, payment: { method: 'cash' } }, 'DAY_CLOSED');
    expect(message).toContain(office.today());
    // The trigger is the backstop: an electronic receipt row written behind the service's back.
    const sqlite = office.host.services.database.sqlite;
    const existing = sqlite.prepare(`SELECT * FROM receipts LIMIT 1`).get() as Record<string, unknown>;
    expect(() =>
      sqlite
        .prepare(`INSERT INTO receipts (id, book, number, is_paper, business_date, request_id, bill_id, payer_name, items, revenue_code, amount_satang, method, receiver_user_id, receiver_name_th, receiver_position_th, issued_at_ms, entry_seq)
                  VALUES ('x1', @book, 2, 0, @business_date, @request_id, NULL, 'x', '[]', '804001', 100, 'cash', @receiver_user_id, 'x', 'x', 0, 1)`)
        .run(existing),
    ).toThrow(/day closed: no receipt may carry a business date that is already closed/);
    // The next business date is open.
    office.clock.advanceMs(DAY_MS);
    const next = await office.as(office.operator, 'receipt.issue', { ref1: request.ref1, payment: { method: 'cash' } });
    expect(next.businessDate).toBe(office.today());
    expect(next.businessDate > String(existing['business_date'] as string)).toBe(true);
  });

  it('a day is closed once; a future day cannot be closed', async () => {
    await office.as(office.finance, 'close.day', { businessDate: office.today(), pieces: ZERO_PIECES });
    await expectRefused(office, office.finance, 'close.day', { businessDate: office.today(), pieces: ZERO_PIECES }, 'DAY_ALREADY_CLOSED');
    const tomorrow = new Date(Date.parse(`${office.today()}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    await expectRefused(office, office.finance, 'close.day', { businessDate: tomorrow, pieces: ZERO_PIECES }, 'DAY_NOT_OVER');
  });

  it("the close lists receipts issued on the payer's bank evidence that the bank has not yet confirmed", async () => {
    const request = await office.as(office.operator, 'request.create', { payerName: 'นายโอน มาก่อน', revenueCode: '804001', amountSatang: 50_000 });
    await office.as(office.operator, 'payment.recordEvidence', { ref1: request.ref1, bankCode: '006', paidAtMs: office.clock.nowMs() - 3_600_000, bankReference: 'SLIP001', amountSatang: 50_000 });
    const receipt = await office.as(office.operator, 'receipt.issue', { ref1: request.ref1, payment: { method: 'bill-payment' } });
    await office.as(office.operator, 'receipt.markPrinted', { book: receipt.receiptBook, number: receipt.receiptNo });
    const result = await office.as(office.finance, 'close.day', { businessDate: office.today(), pieces: ZERO_PIECES });
    expect(result.unconfirmedProvisional).toEqual([{ book: receipt.receiptBook, number: receipt.receiptNo, amountSatang: 50_000 }]);
    expect(result.close.unconfirmedCount).toBe(1);
    expect(result.close.cashExpectedSatang).toBe(0);
  });

  it('a cancellation after close shows in that day’s reports as an adjustment of the original day', async () => {
    const kept = await office.printedReceipt();
    const cancelled = await office.printedReceipt({ amountSatang: 40_000 });
    const date = office.today();
    await office.as(office.finance, 'close.day', { businessDate: date, pieces: { ...ZERO_PIECES, '1000': 1, '500': 1, '100': 4 } });
    office.clock.advanceMs(DAY_MS);
    await office.as(office.supervisor, 'receipt.cancel', { book: cancelled.book, number: cancelled.number, reasonCode: 'wrong-amount', reasonText: 'รับเงินผิด' });
    const table = buildReport(office.host.services.database.sqlite, 'receipt-register', date, undefined, null);
    expect(table.rows.map((r) => r.cells['receipt'])).toEqual([`${kept.book}/${kept.number}`, `${cancelled.book}/${cancelled.number}`]);
    expect(table.rows[1]?.cells['status']).toBe('ยกเลิกหลังปิดบัญชี (24/11/2569)');
    expect(table.totalSatang).toBe(kept.amountSatang);
    expect(table.totals).toContainEqual({ labelTh: 'ปรับปรุง: ยกเลิกหลังปิดบัญชีของวันเดิม', labelEn: 'Adjustment: cancelled after the day was closed', satang: -40_000 });
  });

  it('a paper receipt keyed after its day was closed goes into a supplementary close of that day, flagged late', async () => {
    await office.printedReceipt();
    const date = office.today();
    await office.as(office.finance, 'close.day', { businessDate: date, pieces: COUNTED_1500 });
    office.clock.advanceMs(DAY_MS);
    await office.keyPaperReceipt({ book: 'P-0012', number: 7, businessDate: date, amountSatang: 30_000 });
    const status = await office.as(office.finance, 'close.status', { businessDate: date });
    expect(status.nextKind).toBe('supplementary');
    const result = await office.as(office.finance, 'close.day', { businessDate: date, pieces: { ...ZERO_PIECES, '100': 3 } });
    expect(result.close).toMatchObject({ kind: 'supplementary', isLate: true, receiptCount: 1, totalSatang: 30_000, cashExpectedSatang: 30_000, varianceSatang: 0 });
    const register = buildReport(office.host.services.database.sqlite, 'receipt-register', date, undefined, null);
    const paper = register.rows.find((r) => r.cells['receipt'] === 'P-0012/7');
    expect(String(paper?.cells['status'])).toBe('ใบเสร็จกระดาษ · ปิดบัญชีเพิ่มเติม (ล่าช้า)');
    await expectRefused(office, office.finance, 'close.day', { businessDate: date, pieces: ZERO_PIECES }, 'DAY_ALREADY_CLOSED');
    expect((await office.as(office.auditor, 'ledger.verify', {})).problems).toEqual([]);
  });

  it('closing is the finance officer’s or the head of unit’s; the auditor reads the status only', async () => {
    await expectRefused(office, office.operator, 'close.day', { businessDate: office.today(), pieces: ZERO_PIECES }, 'FORBIDDEN');
    await expectRefused(office, office.auditor, 'close.day', { businessDate: office.today(), pieces: ZERO_PIECES }, 'FORBIDDEN');
    await expectRefused(office, office.operator, 'close.status', { businessDate: office.today() }, 'FORBIDDEN');
    expect((await office.as(office.auditor, 'close.status', { businessDate: office.today() })).nextKind).toBe('close');
  });
});

describe('shift close (issue 10): each receiving officer counts their own drawer; the day close still covers every receipt', () => {
  it('a shift covers the officer’s receipts since their last shift; the day close covers them all; no shift after the day’s close', async () => {
    await office.printedReceipt();
    const first = await office.as(office.operator, 'close.shift', { businessDate: office.today(), pieces: COUNTED_1500 });
    expect(first.close).toMatchObject({ kind: 'shift', isLate: false, receiptCount: 1, cashExpectedSatang: 150_000, varianceSatang: 0 });
    expect(first.close.receiverUserId).not.toBeNull();
    await office.printedReceipt({ amountSatang: 20_000 });
    await expectRefused(office, office.operator, 'close.shift', { businessDate: office.today(), pieces: ZERO_PIECES }, 'VARIANCE_REASON_REQUIRED');
    const second = await office.as(office.operator, 'close.shift', { businessDate: office.today(), pieces: { ...ZERO_PIECES, '100': 1, '50': 1, '20': 2 }, varianceReason: 'ทอนเงินเกิน 10 บาท' });
    expect(second.close).toMatchObject({ kind: 'shift', receiptCount: 1, cashExpectedSatang: 20_000, cashCountedSatang: 19_000, varianceSatang: -1_000, varianceReason: 'ทอนเงินเกิน 10 บาท' });
    // The supervisor took no money: their shift is empty.
    expect((await office.as(office.supervisor, 'close.shift', { businessDate: office.today(), pieces: ZERO_PIECES })).close.receiptCount).toBe(0);
    await expectRefused(office, office.auditor, 'close.shift', { businessDate: office.today(), pieces: ZERO_PIECES }, 'FORBIDDEN');
    const day = await office.as(office.finance, 'close.day', { businessDate: office.today(), pieces: { ...COUNTED_1500, '100': 1, '50': 1, '20': 2 }, varianceReason: 'ตามการปิดผลัดที่สอง' });
    expect(day.close).toMatchObject({ kind: 'close', receiptCount: 2, cashExpectedSatang: 170_000 });
    await expectRefused(office, office.operator, 'close.shift', { businessDate: office.today(), pieces: ZERO_PIECES }, 'DAY_CLOSED');
    const status = await office.as(office.auditor, 'close.status', { businessDate: office.today() });
    expect(status.shifts.map((c) => c.receiptCount)).toEqual([1, 1, 0]);
    expect(status.closes.map((c) => c.kind)).toEqual(['close']);
    expect((await office.as(office.auditor, 'ledger.verify', {})).problems).toEqual([]);
  });

  it('close.shiftStatus: the caller’s own drawer since their last shift, their unprinted originals, their shift closes; the auditor is refused', async () => {
    await office.printedReceipt();
    const unprinted = await office.cashReceipt();
    const before = await office.as(office.operator, 'close.shiftStatus', { businessDate: office.today() });
    expect(before).toMatchObject({ canClose: true, receiptCount: 2, cashExpectedSatang: 300_000, shifts: [] });
    expect(before.unprintedOriginals).toEqual([{ book: unprinted.book, number: unprinted.number, amountSatang: 150_000 }]);
    await expectRefused(office, office.operator, 'close.shift', { businessDate: office.today(), pieces: { ...ZERO_PIECES, '1000': 3 } }, 'UNPRINTED_ORIGINALS');
    await office.as(office.operator, 'receipt.markPrinted', { book: unprinted.book, number: unprinted.number });
    await office.as(office.operator, 'close.shift', { businessDate: office.today(), pieces: { ...ZERO_PIECES, '1000': 3 } });
    const after = await office.as(office.operator, 'close.shiftStatus', { businessDate: office.today() });
    expect(after).toMatchObject({ canClose: true, receiptCount: 0, cashExpectedSatang: 0, unprintedOriginals: [] });
    expect(after.shifts.map((c) => [c.kind, c.receiptCount, c.cashCountedSatang])).toEqual([['shift', 2, 300_000]]);
    // Another officer sees only their own drawer.
    expect(await office.as(office.supervisor, 'close.shiftStatus', { businessDate: office.today() })).toMatchObject({ receiptCount: 0, shifts: [] });
    await expectRefused(office, office.auditor, 'close.shiftStatus', { businessDate: office.today() }, 'FORBIDDEN');
    await office.as(office.finance, 'close.day', { businessDate: office.today(), pieces: { ...ZERO_PIECES, '1000': 3 } });
    expect((await office.as(office.operator, 'close.shiftStatus', { businessDate: office.today() })).canClose).toBe(false);
  });
});
