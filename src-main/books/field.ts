import type Database from 'better-sqlite3';
import { canonicalJson } from '../../src-shared/canonical-json';
import { isBusinessDay, nextBusinessDay, parseBusinessDate, type BusinessDate, type HolidayCalendar } from '../../src-shared/dates';
import { CodedError, strictAssert, unwrap } from '../../src-shared/result';
import { inImmediateTransaction, runLedgerAction, type LedgerDeps } from '../ledger/action';
import { prepared } from '../ledger/statements';
import { requireActiveUser, requireBook, requireLeafInBook, requireOpenBook, requireUnusedLeaf } from './leaves';
import { findFieldOrder, fieldOrdersWhere, type FieldOrderRecord, type LeafRange } from './sources';

/**
 * Field collection (seed 001 §4): the head of unit orders an officer in writing to collect outside
 * the office with paper leaves; the officer hands the money to the clerk on the return day, or on
 * the next business day only when the return day is a holiday; an alarm lists orders whose money
 * was not handed in by then.
 */

/** The day the money is due: the return day itself when it is a business day, else the next business day. */
export function handoverDueDate(calendar: HolidayCalendar, returnDate: BusinessDate): BusinessDate {
  return unwrap(isBusinessDay(calendar, returnDate)) ? returnDate : unwrap(nextBusinessDay(calendar, returnDate));
}

export interface NewFieldOrder {
  readonly orderNo: string;
  readonly officerUsername: string;
  readonly placeText: string;
  readonly fromDate: string;
  readonly toDate: string;
  readonly leaves: readonly LeafRange[];
  /** The order takes this terminal (a laptop) into the field: its electronic receipts count at the hand-over. */
  readonly takesThisTerminal?: boolean | undefined;
}

/**
 * Records the order; with `takesThisTerminal` it also records, in the same transaction, that this
 * terminal goes into the field under it (a second entry, `field.terminal-taken`), refused when
 * another order that took this terminal has overlapping dates (`FIELD_TERMINAL_TAKEN`).
 */
export function createFieldOrder(
  deps: LedgerDeps,
  calendar: HolidayCalendar,
  userId: string,
  input: NewFieldOrder,
): { orderId: string; handoverDueDate: string; terminalSlot: number | null } {
  return inImmediateTransaction(deps.sqlite, () => {
    const order = recordFieldOrder(deps, calendar, userId, input);
    if (input.takesThisTerminal !== true) return { ...order, terminalSlot: null };
    const taken = takeThisTerminal(deps, userId, order.orderId);
    return { ...order, terminalSlot: taken.terminalSlot };
  });
}

function takeThisTerminal(deps: LedgerDeps, userId: string, orderId: string): { terminalSlot: number } {
  return runLedgerAction(deps, userId, 'field.terminal-taken', (ctx) => {
    const order = findFieldOrder(ctx.sqlite, orderId);
    strictAssert(order !== undefined, 'the order was recorded just before');
    const overlapping = prepared(
      ctx.sqlite,
      `SELECT f.order_no AS orderNo FROM field_order_terminals t JOIN field_orders f ON f.id = t.field_order_id
       WHERE f.id <> ? AND f.from_date <= ? AND f.to_date >= ? ORDER BY f.from_date LIMIT 1`,
    ).get(order.orderId, order.toDate, order.fromDate) as { orderNo: string } | undefined;
    if (overlapping !== undefined) {
      throw new CodedError('FIELD_TERMINAL_TAKEN', `This terminal is already out under order ${overlapping.orderNo} on some of the days ${order.fromDate} to ${order.toDate}`);
    }
    const terminalSlot = ctx.identity.terminalSlot;
    prepared(
      ctx.sqlite,
      `INSERT INTO field_order_terminals (id, field_order_id, terminal_slot, recorded_by_user_id, recorded_at_ms, entry_seq) VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(ctx.newId(), order.orderId, terminalSlot, userId, ctx.atMs, ctx.seq);
    return { result: { terminalSlot } };
  });
}

function recordFieldOrder(deps: LedgerDeps, calendar: HolidayCalendar, userId: string, input: NewFieldOrder): { orderId: string; handoverDueDate: string } {
  return runLedgerAction(deps, userId, 'field.ordered', (ctx) => {
    const from = unwrap(parseBusinessDate(input.fromDate));
    const to = unwrap(parseBusinessDate(input.toDate));
    if (to < from) throw new CodedError('FIELD_ORDER_DATES_INVALID', `The return date ${to} is before the first day ${from}`);
    if (prepared(ctx.sqlite, 'SELECT 1 FROM field_orders WHERE order_no = ?').get(input.orderNo) !== undefined) {
      throw new CodedError('FIELD_ORDER_EXISTS', `Field-collection order ${input.orderNo} is already recorded`);
    }
    const officer = requireActiveUser(ctx.sqlite, input.officerUsername);
    const taken: LeafRange[] = [];
    for (const range of input.leaves) {
      const book = requireBook(ctx.sqlite, range.bookNo);
      requireOpenBook(book);
      if (range.lastLeaf < range.firstLeaf) throw new CodedError('BOOK_RANGE_INVALID', `Leaves ${range.firstLeaf}–${range.lastLeaf}: the last leaf is before the first`);
      requireLeafInBook(book, range.firstLeaf);
      requireLeafInBook(book, range.lastLeaf);
      if (book.holder?.kind !== 'officer' || book.holder.userId !== officer.userId) {
        throw new CodedError('BOOK_NOT_ASSIGNED', `Book ${book.bookNo} is not assigned to ${input.officerUsername}; assign it to the officer before the order`);
      }
      for (let leaf = range.firstLeaf; leaf <= range.lastLeaf; leaf += 1) requireUnusedLeaf(ctx.sqlite, book, leaf);
      taken.push({ bookNo: book.bookNo, firstLeaf: range.firstLeaf, lastLeaf: range.lastLeaf });
    }
    const due = handoverDueDate(calendar, to);
    const orderId = ctx.newId();
    prepared(
      ctx.sqlite,
      `INSERT INTO field_orders (id, order_no, officer_user_id, place_text, from_date, to_date, handover_due_date, leaves_taken, ordered_by_user_id, ordered_at_ms, entry_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(orderId, input.orderNo, officer.userId, input.placeText, from, to, due, canonicalJson(taken), userId, ctx.atMs, ctx.seq);
    return { result: { orderId, handoverDueDate: due } };
  });
}

export interface OrderReceipts {
  /** Paper leaves keyed under the order, in force. */
  readonly paperCount: number;
  readonly paperSatang: number;
  /** Electronic receipts of a laptop the order took: in force, by the order's officer, on this terminal, dated inside the order. */
  readonly electronicCount: number;
  readonly electronicSatang: number;
  readonly count: number;
  readonly totalSatang: number;
}

const NOT_CANCELLED = `NOT EXISTS (SELECT 1 FROM receipt_events e WHERE e.receipt_id = rc.id AND e.kind = 'cancelled')`;

/**
 * The receipts the officer must hand in the money of: the paper leaves keyed under the order, and —
 * when the order took this terminal into the field — the electronic receipts in force that the
 * officer issued on it with a business date from the order's first day to its return day.
 */
export function orderReceiptsSatang(sqlite: Database.Database, orderId: string): OrderReceipts {
  const paper = prepared(
    sqlite,
    `SELECT count(*) AS count, coalesce(sum(rc.amount_satang), 0) AS totalSatang
     FROM paper_receipt_keyings k JOIN receipts rc ON rc.id = k.receipt_id
     WHERE k.field_order_id = ? AND ${NOT_CANCELLED}`,
  ).get(orderId) as { count: number; totalSatang: number };
  const electronic = prepared(
    sqlite,
    `SELECT count(rc.id) AS count, coalesce(sum(rc.amount_satang), 0) AS totalSatang
     FROM field_order_terminals t JOIN field_orders f ON f.id = t.field_order_id
     JOIN receipts rc ON rc.is_paper = 0 AND rc.receiver_user_id = f.officer_user_id AND rc.business_date BETWEEN f.from_date AND f.to_date
     WHERE t.field_order_id = ? AND ${NOT_CANCELLED}`,
  ).get(orderId) as { count: number; totalSatang: number };
  return {
    paperCount: paper.count,
    paperSatang: paper.totalSatang,
    electronicCount: electronic.count,
    electronicSatang: electronic.totalSatang,
    count: paper.count + electronic.count,
    totalSatang: paper.totalSatang + electronic.totalSatang,
  };
}

export interface Handover {
  readonly handoverId: string;
  readonly countedSatang: number;
  readonly receiptsSatang: number;
  readonly paperReceiptsSatang: number;
  readonly electronicReceiptsSatang: number;
  readonly varianceSatang: number;
  readonly handoverDueDate: string;
  readonly isLate: boolean;
}

/**
 * The clerk receives the money: the counted amount against the order's keyed receipts; a variance
 * needs a reason. Late when the business date of hand-over is after the due date.
 */
export function handOver(deps: LedgerDeps, userId: string, input: { orderId: string; countedSatang: number; varianceReason?: string | undefined }): Handover {
  return runLedgerAction(deps, userId, 'field.handed-over', (ctx) => {
    const order = findFieldOrder(ctx.sqlite, input.orderId);
    if (order === undefined) throw new CodedError('NOT_FOUND', `No field-collection order ${input.orderId} on this terminal`);
    if (order.isHandedOver) throw new CodedError('FIELD_ALREADY_HANDED_OVER', `The money of order ${order.orderNo} was already handed over`);
    const receipts = orderReceiptsSatang(ctx.sqlite, order.orderId);
    const receiptsSatang = receipts.totalSatang;
    const varianceSatang = input.countedSatang - receiptsSatang;
    if (varianceSatang !== 0 && input.varianceReason === undefined) {
      throw new CodedError('VARIANCE_REASON_REQUIRED', `Counted ${input.countedSatang} satang; the order's receipts total ${receiptsSatang} satang: give the reason for the difference of ${varianceSatang}`);
    }
    const isLate = ctx.businessDate > order.handoverDueDate;
    const handoverId = ctx.newId();
    prepared(
      ctx.sqlite,
      `INSERT INTO field_handovers (id, field_order_id, counted_satang, receipts_satang, variance_satang, variance_reason, received_by_user_id, handed_at_ms, business_date, is_late, entry_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(handoverId, order.orderId, input.countedSatang, receiptsSatang, varianceSatang, varianceSatang === 0 ? (input.varianceReason ?? null) : input.varianceReason, userId, ctx.atMs, ctx.businessDate, isLate ? 1 : 0, ctx.seq);
    return {
      result: {
        handoverId,
        countedSatang: input.countedSatang,
        receiptsSatang,
        paperReceiptsSatang: receipts.paperSatang,
        electronicReceiptsSatang: receipts.electronicSatang,
        varianceSatang,
        handoverDueDate: order.handoverDueDate,
        isLate,
      },
    };
  });
}

/** The alarm: orders whose money is not handed in and whose due date is before `asOfDate`. */
export function overdueFieldOrders(sqlite: Database.Database, asOfDate: string): FieldOrderRecord[] {
  return fieldOrdersWhere(sqlite, `f.handover_due_date < @asOf AND NOT EXISTS (SELECT 1 FROM field_handovers h WHERE h.field_order_id = f.id)`, { asOf: asOfDate });
}

export function allFieldOrders(sqlite: Database.Database): FieldOrderRecord[] {
  return fieldOrdersWhere(sqlite, '1 = 1', {});
}

export interface HandoverRecord {
  readonly countedSatang: number;
  readonly receiptsSatang: number;
  readonly varianceSatang: number;
  readonly varianceReason: string | null;
  readonly receivedByUsername: string | null;
  readonly businessDate: string;
  readonly isLate: boolean;
}

/** The hand-over of an order, if the money was handed in. */
export function handoverOf(sqlite: Database.Database, orderId: string): HandoverRecord | null {
  const row = prepared(
    sqlite,
    `SELECT h.counted_satang AS countedSatang, h.receipts_satang AS receiptsSatang, h.variance_satang AS varianceSatang, h.variance_reason AS varianceReason,
            u.username AS receivedByUsername, h.business_date AS businessDate, h.is_late AS isLate
     FROM field_handovers h LEFT JOIN users u ON u.id = h.received_by_user_id WHERE h.field_order_id = ?`,
  ).get(orderId) as (Omit<HandoverRecord, 'isLate'> & { isLate: number }) | undefined;
  return row === undefined ? null : { ...row, isLate: row.isLate === 1 };
}
