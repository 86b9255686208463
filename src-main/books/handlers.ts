import type Database from 'better-sqlite3';
import { requireSession, type Handlers, type OfficeServices } from '../host/context';
import type { LedgerDeps } from '../ledger/action';
import { officeHolidayCalendar } from '../close/holidays';
import { catalogInForce } from '../ledger/catalog-in-force';
import { businessDateOf } from '../../src-shared/dates';
import { assignBook, closeBook, markLeaf, registerBook } from './book-register';
import { allFieldOrders, createFieldOrder, handOver, handoverOf, orderReceiptsSatang, overdueFieldOrders } from './field';
import { keyPaperReceipt } from './keying';
import { allBooks, leafCounts, requireBook, usedLeaves } from './leaves';
import { loadManualReceiptsReport } from './manual-report';
import { endOutage, recordWrittenLeaves, startOutage } from './outages';
import { allOutages, type FieldOrderRecord, type PaperSourceInput } from './sources';

function ledgerDeps(services: OfficeServices): LedgerDeps {
  return { sqlite: services.database.sqlite, clock: services.clock, machineId: services.machineId };
}

function sourceOf(input: { outageId?: string | undefined; fieldOrderId?: string | undefined }): PaperSourceInput {
  // The contract refines exactly one of the two.
  return input.outageId !== undefined ? { outageId: input.outageId } : { fieldOrderId: input.fieldOrderId ?? '' };
}

function orderSummary(sqlite: Database.Database, todayDate: string, order: FieldOrderRecord) {
  const receipts = orderReceiptsSatang(sqlite, order.orderId);
  const handover = handoverOf(sqlite, order.orderId);
  return {
    orderId: order.orderId,
    orderNo: order.orderNo,
    officerUsername: order.officerUsername,
    placeText: order.placeText,
    fromDate: order.fromDate,
    toDate: order.toDate,
    handoverDueDate: order.handoverDueDate,
    leavesTaken: order.leavesTaken.map((r) => ({ bookNo: r.bookNo, firstLeaf: r.firstLeaf, lastLeaf: r.lastLeaf })),
    isHandedOver: order.isHandedOver,
    isOverdue: !order.isHandedOver && order.handoverDueDate < todayDate,
    terminalSlot: order.terminalSlot,
    receipts: { paperCount: receipts.paperCount, paperSatang: receipts.paperSatang, electronicCount: receipts.electronicCount, electronicSatang: receipts.electronicSatang, totalSatang: receipts.totalSatang },
    handover,
  };
}

/** The books' slice of the contract (issue 8). Roles are checked by the dispatcher first. */
export const booksHandlers = {
  'book.register': (input, ctx) => ({ ...registerBook(ledgerDeps(ctx.services), requireSession(ctx).userId, input), bookNo: input.bookNo }),
  'book.assign': (input, ctx) => ({ ...assignBook(ledgerDeps(ctx.services), requireSession(ctx).userId, input.bookNo, input.holder), bookNo: input.bookNo }),
  'book.list': (_input, { services }) => {
    const sqlite = services.database.sqlite;
    return {
      books: allBooks(sqlite).map((book) => ({
        bookId: book.bookId,
        bookNo: book.bookNo,
        firstLeaf: book.firstLeaf,
        lastLeaf: book.lastLeaf,
        fiscalYearBe: book.fiscalYearBe,
        isClosed: book.isClosed,
        holder: book.holder === null ? null : { kind: book.holder.kind, terminalSlot: book.holder.terminalSlot, username: book.holder.username },
        counts: leafCounts(book, usedLeaves(sqlite, book)),
      })),
    };
  },
  'book.leaves': (input, { services }) => {
    const sqlite = services.database.sqlite;
    const book = requireBook(sqlite, input.bookNo);
    const used = usedLeaves(sqlite, book);
    const leaves = [];
    for (let leaf = book.firstLeaf; leaf <= book.lastLeaf; leaf += 1) leaves.push({ leaf, state: used.get(leaf) ?? ('unused' as const) });
    return { bookNo: book.bookNo, leaves };
  },
  'book.markLeaf': (input, ctx) => markLeaf(ledgerDeps(ctx.services), requireSession(ctx), input.bookNo, input.leaf, input.kind, input.reasonText),
  'book.close': (input, ctx) => ({ ...closeBook(ledgerDeps(ctx.services), requireSession(ctx).userId, input.bookNo), bookNo: input.bookNo }),
  'paperReceipt.key': (input, ctx) =>
    keyPaperReceipt(ledgerDeps(ctx.services), catalogInForce(ctx.services.database.sqlite, ctx.services.logger), requireSession(ctx).userId, {
      source: sourceOf(input),
      bookNo: input.bookNo,
      leaf: input.leaf,
      paperDate: input.paperDate,
      payerName: input.payerName,
      payerId: input.payerId,
      revenueCode: input.revenueCode,
      amountSatang: input.amountSatang,
      payment: input.payment,
      ref1: input.ref1,
    }),
  'paperLeaves.record': (input, ctx) => ({ rangeIds: recordWrittenLeaves(ledgerDeps(ctx.services), requireSession(ctx).userId, sourceOf(input), input.ranges) }),
  'outage.start': (input, ctx) => startOutage(ledgerDeps(ctx.services), requireSession(ctx).userId, input),
  'outage.end': (input, ctx) => ({
    outageId: input.outageId,
    ...endOutage(ledgerDeps(ctx.services), requireSession(ctx).userId, input.outageId, { endedAtMs: input.endedAtMs, note: input.note, writtenLeaves: input.writtenLeaves }),
  }),
  'outage.list': (_input, { services }) => ({
    outages: allOutages(services.database.sqlite).map((o) => ({
      outageId: o.outageId,
      startedAtMs: o.startedAtMs,
      endedAtMs: o.endedAtMs,
      cause: o.cause,
      reportedByUsername: o.reportedByUsername,
      note: o.note,
    })),
  }),
  'outage.report': (input, { services }) => {
    const report = loadManualReceiptsReport(services.database.sqlite, input.businessDate, services.clock.nowMs());
    return { ...report, receipts: [...report.receipts], outages: [...report.outages], unkeyedLeaves: [...report.unkeyedLeaves] };
  },
  'field.order': (input, ctx) => createFieldOrder(ledgerDeps(ctx.services), officeHolidayCalendar(ctx.services.database.sqlite, ctx.services.logger), requireSession(ctx).userId, input),
  'field.handover': (input, ctx) => handOver(ledgerDeps(ctx.services), requireSession(ctx).userId, input),
  'field.list': (_input, { services }) => {
    const sqlite = services.database.sqlite;
    const today = businessDateOf(services.clock.nowMs());
    return { orders: allFieldOrders(sqlite).map((o) => orderSummary(sqlite, today, o)) };
  },
  'field.overdue': (input, { services }) => {
    const sqlite = services.database.sqlite;
    const asOfDate = input.asOfDate ?? businessDateOf(services.clock.nowMs());
    return { asOfDate, orders: overdueFieldOrders(sqlite, asOfDate).map((o) => orderSummary(sqlite, asOfDate, o)) };
  },
} satisfies Pick<
  Handlers,
  | 'book.register'
  | 'book.assign'
  | 'book.list'
  | 'book.leaves'
  | 'book.markLeaf'
  | 'book.close'
  | 'paperReceipt.key'
  | 'paperLeaves.record'
  | 'outage.start'
  | 'outage.end'
  | 'outage.list'
  | 'outage.report'
  | 'field.order'
  | 'field.handover'
  | 'field.list'
  | 'field.overdue'
>;
