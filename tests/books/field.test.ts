import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handoverDueDate } from '../../src-main/books/field';
import { shippedHolidayCalendar } from '../../src-main/close/holidays';
import { listUnkeyedPaperLeaves } from '../../src-main/books/pending';
import type { BusinessDate } from '../../src-shared/dates';
import { BOOK, FINE_CODE, expectRefusedUnchanged, makeBooksOffice, type BooksOffice } from './books-helpers';

const at = (date: string, hour = 10): number => Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00+07:00`);

describe('the hand-over due date', () => {
  const calendar = shippedHolidayCalendar();
  it.each([
    ['2026-11-24', '2026-11-24', 'a business day: the return day itself'],
    ['2026-12-10', '2026-12-11', 'Constitution Day (Thu): the next business day'],
    ['2026-12-05', '2026-12-08', "Father's Day on a Saturday, its substitution Monday 7 Dec: Tuesday"],
    ['2026-11-29', '2026-11-30', 'a Sunday: Monday'],
  ])('return on %s is due %s (%s)', (returnDate, due) => {
    expect(handoverDueDate(calendar, returnDate as BusinessDate)).toBe(due);
  });
});

let office: BooksOffice;
beforeEach(async () => {
  office = await makeBooksOffice();
  await office.registerBook(BOOK, { kind: 'officer', username: 'operator' });
});
afterEach(() => office.close());

const sqlite = () => office.host.services.database.sqlite;
const ORDER = { orderNo: '45/2569', officerUsername: 'operator', placeText: 'ตำบลป่าแดง อำเภอเมืองแพร่', fromDate: '2026-12-04', toDate: '2026-12-05', leaves: [{ bookNo: BOOK, firstLeaf: 1, lastLeaf: 10 }] };
const fieldKey = (fieldOrderId: string, overrides: Record<string, unknown> = {}) =>
  ({ fieldOrderId, bookNo: BOOK, leaf: 1, paperDate: '2026-12-04', payerName: 'นางสมศรี ใจดี', revenueCode: FINE_CODE, amountSatang: 50_000, payment: { method: 'cash' }, ...overrides }) as const;

describe('field collection', () => {
  it('an order by the head of unit names the officer, dates, place and leaves; due on the next business day after a holiday return', async () => {
    const { orderId, handoverDueDate: due } = await office.as(office.head, 'field.order', ORDER);
    expect(due).toBe('2026-12-08');
    const { orders } = await office.as(office.auditor, 'field.list', {});
    expect(orders).toEqual([
      {
        orderId,
        orderNo: '45/2569',
        officerUsername: 'operator',
        placeText: ORDER.placeText,
        fromDate: '2026-12-04',
        toDate: '2026-12-05',
        handoverDueDate: '2026-12-08',
        leavesTaken: ORDER.leaves,
        isHandedOver: false,
        isOverdue: false,
        terminalSlot: null,
        receipts: { paperCount: 0, paperSatang: 0, electronicCount: 0, electronicSatang: 0, totalSatang: 0 },
        handover: null,
      },
    ]);
  });

  it('refuses an order by anyone but the head (FORBIDDEN), backwards dates (FIELD_ORDER_DATES_INVALID), a number twice (FIELD_ORDER_EXISTS), books not assigned to the officer (BOOK_NOT_ASSIGNED)', async () => {
    await expectRefusedUnchanged(office, office.supervisor, 'field.order', ORDER, 'FORBIDDEN');
    await expectRefusedUnchanged(office, office.head, 'field.order', { ...ORDER, fromDate: '2026-12-06' }, 'FIELD_ORDER_DATES_INVALID');
    await expectRefusedUnchanged(office, office.head, 'field.order', { ...ORDER, officerUsername: 'finance' }, 'BOOK_NOT_ASSIGNED');
    await expectRefusedUnchanged(office, office.head, 'field.order', { ...ORDER, leaves: [{ bookNo: BOOK, firstLeaf: 45, lastLeaf: 55 }] }, 'LEAF_OUT_OF_RANGE');
    await office.as(office.head, 'field.order', ORDER);
    await expectRefusedUnchanged(office, office.head, 'field.order', ORDER, 'FIELD_ORDER_EXISTS');
  });

  it('keys the field receipts under the order: inside its dates and its leaves only, the officer as receiver', async () => {
    const { orderId } = await office.as(office.head, 'field.order', ORDER);
    office.clock.setMs(at('2026-12-07'));
    await office.as(office.finance, 'paperReceipt.key', fieldKey(orderId));
    const receiver = sqlite().prepare(`SELECT u.username FROM receipts r JOIN users u ON u.id = r.receiver_user_id`).get();
    expect(receiver).toEqual({ username: 'operator' });
    await expectRefusedUnchanged(office, office.finance, 'paperReceipt.key', fieldKey(orderId, { leaf: 11 }), 'LEAF_NOT_IN_ORDER');
    await expectRefusedUnchanged(office, office.finance, 'paperReceipt.key', fieldKey(orderId, { leaf: 2, paperDate: '2026-12-06' }), 'PAPER_DATE_OUTSIDE_ORDER');
    await expectRefusedUnchanged(office, office.finance, 'paperReceipt.key', fieldKey(orderId, { leaf: 2, paperDate: '2026-12-08' }), 'PAPER_DATE_IN_FUTURE');
  });

  it('the hand-over compares the counted money with the order\'s receipts; a variance needs a reason; once per order', async () => {
    const { orderId } = await office.as(office.head, 'field.order', ORDER);
    office.clock.setMs(at('2026-12-08'));
    await office.as(office.operator, 'paperLeaves.record', { fieldOrderId: orderId, ranges: [{ bookNo: BOOK, firstLeaf: 1, lastLeaf: 3, businessDate: '2026-12-04' }] });
    await office.as(office.finance, 'paperReceipt.key', fieldKey(orderId, { leaf: 1 }));
    await office.as(office.finance, 'paperReceipt.key', fieldKey(orderId, { leaf: 2, amountSatang: 25_050 }));
    expect(listUnkeyedPaperLeaves(sqlite(), '2026-12-04')).toEqual([{ book: BOOK, leaf: 3, outageId: null, fieldOrderId: orderId }]);
    await expectRefusedUnchanged(office, office.finance, 'field.handover', { orderId, countedSatang: 75_000 }, 'VARIANCE_REASON_REQUIRED');
    await expectRefusedUnchanged(office, office.head, 'field.handover', { orderId, countedSatang: 75_050 }, 'FORBIDDEN');
    const handover = await office.as(office.finance, 'field.handover', { orderId, countedSatang: 75_000, varianceReason: 'ทอนเงินผิด 50 สตางค์' });
    expect(handover).toMatchObject({ countedSatang: 75_000, receiptsSatang: 75_050, varianceSatang: -50, handoverDueDate: '2026-12-08', isLate: false });
    await expectRefusedUnchanged(office, office.finance, 'field.handover', { orderId, countedSatang: 75_050 }, 'FIELD_ALREADY_HANDED_OVER');
    expect((await office.as(office.auditor, 'ledger.verify', {})).problems).toEqual([]);
  });

  it('the alarm lists orders whose money is not handed in by the due date; a late hand-over is marked late', async () => {
    const { orderId } = await office.as(office.head, 'field.order', ORDER);
    office.clock.setMs(at('2026-12-08'));
    expect((await office.as(office.head, 'field.overdue', {})).orders).toEqual([]);
    office.clock.setMs(at('2026-12-09'));
    const overdue = await office.as(office.head, 'field.overdue', {});
    expect(overdue.asOfDate).toBe('2026-12-09');
    expect(overdue.orders.map((o) => o.orderNo)).toEqual(['45/2569']);
    const late = await office.as(office.operator, 'field.handover', { orderId, countedSatang: 0 });
    expect(late).toMatchObject({ varianceSatang: 0, isLate: true });
    expect((await office.as(office.head, 'field.overdue', {})).orders).toEqual([]);
    expect((await office.as(office.head, 'field.overdue', { asOfDate: '2026-12-20' })).orders).toEqual([]);
  });
});

describe('a laptop taken into the field: the order recorded on it, its electronic receipts counted at the hand-over', () => {
  // T0 is Monday 23 Nov 2026; the officer is out on the 23rd and 24th, due back the 24th.
  const LAPTOP_ORDER = { orderNo: '46/2569', officerUsername: 'operator', placeText: 'ตำบลทุ่งโฮ้ง', fromDate: '2026-11-23', toDate: '2026-11-24', leaves: [{ bookNo: BOOK, firstLeaf: 1, lastLeaf: 5 }], takesThisTerminal: true };
  const electronicReceipt = async (who: 'operator' | 'supervisor', amountSatang: number) => {
    const client = who === 'operator' ? office.operator : office.supervisor;
    const request = await office.as(client, 'request.create', { payerName: 'นายไร่ นาดี', revenueCode: FINE_CODE, amountSatang });
    return office.as(client, 'receipt.issue', { ref1: request.ref1, payment: { method: 'cash' } });
  };

  it('counts the officer\'s electronic receipts in force on this terminal inside the order\'s dates, besides the keyed paper leaves', async () => {
    const { orderId, terminalSlot } = await office.as(office.head, 'field.order', LAPTOP_ORDER);
    expect(terminalSlot).toBe(1);
    await electronicReceipt('operator', 100_000);
    await electronicReceipt('supervisor', 999_900); // another user on this terminal: not the officer's money
    const cancelled = await electronicReceipt('operator', 40_000);
    await office.as(office.supervisor, 'receipt.cancel', { book: cancelled.receiptBook, number: cancelled.receiptNo, reasonCode: 'wrong-amount', reasonText: 'รับเงินผิด' });
    office.clock.setMs(at('2026-11-24', 15));
    await electronicReceipt('operator', 20_050);
    await office.as(office.finance, 'paperReceipt.key', fieldKey(orderId, { paperDate: '2026-11-23', amountSatang: 50_000 }));
    office.clock.setMs(at('2026-11-25', 9));
    await electronicReceipt('operator', 7_000); // the day after the return: counter work again

    const listed = (await office.as(office.auditor, 'field.list', {})).orders.find((o) => o.orderId === orderId);
    expect(listed).toMatchObject({ terminalSlot: 1, isOverdue: true, receipts: { paperCount: 1, paperSatang: 50_000, electronicCount: 2, electronicSatang: 120_050, totalSatang: 170_050 } });
    await expectRefusedUnchanged(office, office.finance, 'field.handover', { orderId, countedSatang: 170_000 }, 'VARIANCE_REASON_REQUIRED');
    const handover = await office.as(office.finance, 'field.handover', { orderId, countedSatang: 170_050 });
    expect(handover).toMatchObject({ receiptsSatang: 170_050, paperReceiptsSatang: 50_000, electronicReceiptsSatang: 120_050, varianceSatang: 0, isLate: true });
    expect((await office.as(office.auditor, 'field.list', {})).orders[0]?.handover).toMatchObject({ countedSatang: 170_050, varianceSatang: 0, receivedByUsername: 'finance', businessDate: '2026-11-25', isLate: true });
    expect((await office.as(office.auditor, 'ledger.verify', {})).problems).toEqual([]);
  });

  it('an order that does not take this terminal counts its paper leaves only, even when the officer issues electronic receipts here', async () => {
    const { orderId, terminalSlot } = await office.as(office.head, 'field.order', { ...LAPTOP_ORDER, takesThisTerminal: undefined });
    expect(terminalSlot).toBeNull();
    await electronicReceipt('operator', 100_000);
    const listed = (await office.as(office.auditor, 'field.list', {})).orders.find((o) => o.orderId === orderId);
    expect(listed?.receipts).toEqual({ paperCount: 0, paperSatang: 0, electronicCount: 0, electronicSatang: 0, totalSatang: 0 });
  });

  it('a laptop goes out under one order at a time (FIELD_TERMINAL_TAKEN, nothing written, not even the order); an order needs leaves or this terminal', async () => {
    await office.as(office.head, 'field.order', LAPTOP_ORDER);
    const overlapping = { ...LAPTOP_ORDER, orderNo: '47/2569', fromDate: '2026-11-24', toDate: '2026-11-26', leaves: [] };
    await expectRefusedUnchanged(office, office.head, 'field.order', overlapping, 'FIELD_TERMINAL_TAKEN');
    await expectRefusedUnchanged(office, office.head, 'field.order', { ...overlapping, takesThisTerminal: false }, 'BAD_INPUT');
    const later = await office.as(office.head, 'field.order', { ...overlapping, fromDate: '2026-11-25' });
    expect(later.terminalSlot).toBe(1);
    expect(office.count('field_order_terminals')).toBe(2);
    expect((await office.as(office.auditor, 'ledger.verify', {})).problems).toEqual([]);
  });
});
