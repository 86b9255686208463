import type Database from 'better-sqlite3';
import { businessDateOf } from '../../src-shared/dates';
import { CodedError } from '../../src-shared/result';
import { prepared } from '../ledger/statements';
import { requireHeldHere, requireLeafInBook, type BookRecord } from './leaves';

/**
 * Why a paper leaf was written instead of an electronic receipt: a recorded outage (seed 001 §5)
 * or a field-collection order (§4). Each gives the paper dates it allows and which leaves may be used.
 */
export type PaperSourceInput = { readonly outageId: string; readonly fieldOrderId?: undefined } | { readonly fieldOrderId: string; readonly outageId?: undefined };

export interface LeafRange {
  readonly bookNo: string;
  readonly firstLeaf: number;
  readonly lastLeaf: number;
}

export interface PaperSource {
  readonly kind: 'outage' | 'field';
  readonly id: string;
  /** Paper dates inside [fromDate, toDate] (Bangkok business dates). */
  readonly fromDate: string;
  readonly toDate: string;
  readonly label: string;
  /** Field orders: the officer who took the leaves, and which leaves. */
  readonly officerUserId: string | null;
  readonly leavesTaken: readonly LeafRange[];
}

export interface OutageRecord {
  readonly outageId: string;
  readonly startedAtMs: number;
  readonly endedAtMs: number | null;
  readonly cause: string;
  readonly reportedByUserId: string;
  readonly reportedByUsername: string | null;
  readonly note: string | null;
}

const OUTAGE_SQL = `
  SELECT o.id AS outageId, o.started_at_ms AS startedAtMs, e.ended_at_ms AS endedAtMs, o.cause, o.reported_by_user_id AS reportedByUserId,
         u.username AS reportedByUsername, e.note
  FROM outages o LEFT JOIN outage_ends e ON e.outage_id = o.id LEFT JOIN users u ON u.id = o.reported_by_user_id`;

export function findOutage(sqlite: Database.Database, outageId: string): OutageRecord | undefined {
  return prepared(sqlite, `${OUTAGE_SQL} WHERE o.id = ?`).get(outageId) as OutageRecord | undefined;
}

export function allOutages(sqlite: Database.Database): OutageRecord[] {
  return prepared(sqlite, `${OUTAGE_SQL} ORDER BY o.started_at_ms DESC, o.id DESC`).all() as OutageRecord[];
}

export function openOutage(sqlite: Database.Database): OutageRecord | undefined {
  return prepared(sqlite, `${OUTAGE_SQL} WHERE e.id IS NULL ORDER BY o.started_at_ms LIMIT 1`).get() as OutageRecord | undefined;
}

export interface FieldOrderRecord {
  readonly orderId: string;
  readonly orderNo: string;
  readonly officerUserId: string;
  readonly officerUsername: string | null;
  readonly placeText: string;
  readonly fromDate: string;
  readonly toDate: string;
  readonly handoverDueDate: string;
  readonly leavesTaken: readonly LeafRange[];
  readonly isHandedOver: boolean;
  /** The slot of this terminal when the order took it (a laptop) into the field, else null. */
  readonly terminalSlot: number | null;
}

interface FieldOrderRow extends Omit<FieldOrderRecord, 'leavesTaken' | 'isHandedOver'> {
  leavesTaken: string;
  isHandedOver: number;
}

const ORDER_SQL = `
  SELECT f.id AS orderId, f.order_no AS orderNo, f.officer_user_id AS officerUserId, u.username AS officerUsername, f.place_text AS placeText,
         f.from_date AS fromDate, f.to_date AS toDate, f.handover_due_date AS handoverDueDate, f.leaves_taken AS leavesTaken,
         EXISTS (SELECT 1 FROM field_handovers h WHERE h.field_order_id = f.id) AS isHandedOver, t.terminal_slot AS terminalSlot
  FROM field_orders f LEFT JOIN users u ON u.id = f.officer_user_id LEFT JOIN field_order_terminals t ON t.field_order_id = f.id`;

function toOrder(row: FieldOrderRow): FieldOrderRecord {
  return { ...row, leavesTaken: JSON.parse(row.leavesTaken) as LeafRange[], isHandedOver: row.isHandedOver === 1 };
}

export function findFieldOrder(sqlite: Database.Database, orderId: string): FieldOrderRecord | undefined {
  const row = prepared(sqlite, `${ORDER_SQL} WHERE f.id = ?`).get(orderId) as FieldOrderRow | undefined;
  return row === undefined ? undefined : toOrder(row);
}

export function fieldOrdersWhere(sqlite: Database.Database, where: string, params: Record<string, unknown>): FieldOrderRecord[] {
  return (prepared(sqlite, `${ORDER_SQL} WHERE ${where} ORDER BY f.handover_due_date, f.order_no`).all(params) as FieldOrderRow[]).map(toOrder);
}

/** The outage or field order a paper leaf was written under; `nowMs` closes an outage still open. */
export function requireSource(sqlite: Database.Database, input: PaperSourceInput, nowMs: number): PaperSource {
  if (input.outageId !== undefined) {
    const outage = findOutage(sqlite, input.outageId);
    if (outage === undefined) throw new CodedError('NOT_FOUND', `No outage ${input.outageId} is recorded on this terminal`);
    return {
      kind: 'outage',
      id: outage.outageId,
      fromDate: businessDateOf(outage.startedAtMs),
      toDate: businessDateOf(outage.endedAtMs ?? nowMs),
      label: `outage ${outage.outageId}`,
      officerUserId: null,
      leavesTaken: [],
    };
  }
  const order = findFieldOrder(sqlite, input.fieldOrderId);
  if (order === undefined) throw new CodedError('NOT_FOUND', `No field-collection order ${input.fieldOrderId} on this terminal`);
  return { kind: 'field', id: order.orderId, fromDate: order.fromDate, toDate: order.toDate, label: `field order ${order.orderNo}`, officerUserId: order.officerUserId, leavesTaken: order.leavesTaken };
}

/** The paper date is not in the future, and inside the outage's dates or the order's dates. */
export function requirePaperDate(source: PaperSource, paperDate: string, todayDate: string): void {
  if (paperDate > todayDate) throw new CodedError('PAPER_DATE_IN_FUTURE', `The paper date ${paperDate} is after today (${todayDate}); a receipt is never dated ahead`);
  if (paperDate < source.fromDate || paperDate > source.toDate) {
    throw new CodedError(
      source.kind === 'outage' ? 'PAPER_DATE_OUTSIDE_OUTAGE' : 'PAPER_DATE_OUTSIDE_ORDER',
      `The paper date ${paperDate} is outside ${source.label} (${source.fromDate} to ${source.toDate})`,
    );
  }
}

/**
 * The leaf may be written under this source: for an outage the book is held by this office, this
 * terminal or the user writing it; for a field order the leaf is one the order's officer took.
 */
export function requireLeafAllowed(source: PaperSource, book: BookRecord, leaf: number, terminalSlot: number, userId: string): void {
  requireLeafInBook(book, leaf);
  if (source.kind === 'field') {
    const taken = source.leavesTaken.some((r) => r.bookNo === book.bookNo && leaf >= r.firstLeaf && leaf <= r.lastLeaf);
    if (!taken) throw new CodedError('LEAF_NOT_IN_ORDER', `Leaf ${book.bookNo}/${leaf} was not taken under ${source.label}`);
    return;
  }
  requireHeldHere(book, terminalSlot, userId);
}
