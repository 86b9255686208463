import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ledgerEntries, receipts } from '../ledger/schema';

/**
 * Paper receipt books, outages and field collection (issue 8; seed 001 §4, §5). Every table is a
 * ledger table (docs/decisions/0003): append-only (triggers in the custom migration), each row the
 * payload of the entry whose `entry_seq` it carries (ledger/entry-payloads.ts), that key
 * `DEFERRABLE INITIALLY DEFERRED` (the entry is written after its rows; hand-written in the
 * migration, drizzle-kit cannot say it). States are new rows, never updates.
 */

/** Largest paper book the register accepts (real books have 50 or 100 leaves; a limit on everything). */
export const MAX_LEAVES_PER_BOOK = 1_000;

/** เล่มใบเสร็จ: a paper book registered by finance or an administrator, with its leaf range. */
export const receiptBooks = sqliteTable(
  'receipt_books',
  {
    id: text('id').primaryKey(),
    bookNo: text('book_no').notNull().unique(),
    firstLeaf: integer('first_leaf').notNull(),
    lastLeaf: integer('last_leaf').notNull(),
    fiscalYearBe: integer('fiscal_year_be').notNull(),
    registeredByUserId: text('registered_by_user_id').notNull(),
    registeredAtMs: integer('registered_at_ms').notNull(),
    entrySeq: integer('entry_seq').notNull().references(() => ledgerEntries.seq),
  },
  (t) => [
    index('receipt_books_entry_seq').on(t.entrySeq),
    check('receipt_books_leaves', sql`${t.firstLeaf} >= 1 AND ${t.lastLeaf} >= ${t.firstLeaf} AND ${t.lastLeaf} - ${t.firstLeaf} < 1000`),
    check('receipt_books_fiscal_year', sql`${t.fiscalYearBe} BETWEEN 2500 AND 2999`),
  ],
);

/** Who holds a book: the office, one terminal or one officer. A re-assignment is a newer row; the newest holds. */
export const receiptBookAssignments = sqliteTable(
  'receipt_book_assignments',
  {
    id: text('id').primaryKey(),
    bookId: text('book_id').notNull().references(() => receiptBooks.id),
    holderKind: text('holder_kind').notNull(),
    holderTerminalSlot: integer('holder_terminal_slot'),
    holderUserId: text('holder_user_id'),
    assignedByUserId: text('assigned_by_user_id').notNull(),
    assignedAtMs: integer('assigned_at_ms').notNull(),
    entrySeq: integer('entry_seq').notNull().references(() => ledgerEntries.seq),
  },
  (t) => [
    index('receipt_book_assignments_entry_seq').on(t.entrySeq),
    index('receipt_book_assignments_book').on(t.bookId),
    check(
      'receipt_book_assignments_holder',
      sql`(${t.holderKind} = 'office' AND ${t.holderTerminalSlot} IS NULL AND ${t.holderUserId} IS NULL)
        OR (${t.holderKind} = 'terminal' AND ${t.holderTerminalSlot} BETWEEN 1 AND 9 AND ${t.holderUserId} IS NULL)
        OR (${t.holderKind} = 'officer' AND ${t.holderTerminalSlot} IS NULL AND ${t.holderUserId} IS NOT NULL)`,
    ),
  ],
);

/** A leaf spoiled (เสีย) or cancelled on paper, with who and why. One mark per leaf. */
export const receiptLeafEvents = sqliteTable(
  'receipt_leaf_events',
  {
    id: text('id').primaryKey(),
    bookId: text('book_id').notNull().references(() => receiptBooks.id),
    leaf: integer('leaf').notNull(),
    kind: text('kind').notNull(),
    reasonText: text('reason_text').notNull(),
    userId: text('user_id').notNull(),
    atMs: integer('at_ms').notNull(),
    businessDate: text('business_date').notNull(),
    entrySeq: integer('entry_seq').notNull().references(() => ledgerEntries.seq),
  },
  (t) => [
    index('receipt_leaf_events_entry_seq').on(t.entrySeq),
    uniqueIndex('receipt_leaf_events_one_per_leaf').on(t.bookId, t.leaf),
    check('receipt_leaf_events_kind_known', sql`${t.kind} IN ('spoiled','cancelled')`),
  ],
);

/** A book closed once every leaf is accounted for. */
export const receiptBookClosures = sqliteTable(
  'receipt_book_closures',
  {
    id: text('id').primaryKey(),
    bookId: text('book_id').notNull().unique().references(() => receiptBooks.id),
    closedByUserId: text('closed_by_user_id').notNull(),
    closedAtMs: integer('closed_at_ms').notNull(),
    entrySeq: integer('entry_seq').notNull().references(() => ledgerEntries.seq),
  },
  (t) => [index('receipt_book_closures_entry_seq').on(t.entrySeq)],
);

/** A system outage as reported (seed 001 §5): when it started (may be before it was recorded), the cause, who reported it. */
export const outages = sqliteTable(
  'outages',
  {
    id: text('id').primaryKey(),
    startedAtMs: integer('started_at_ms').notNull(),
    cause: text('cause').notNull(),
    reportedByUserId: text('reported_by_user_id').notNull(),
    recordedAtMs: integer('recorded_at_ms').notNull(),
    entrySeq: integer('entry_seq').notNull().references(() => ledgerEntries.seq),
  },
  (t) => [index('outages_entry_seq').on(t.entrySeq), check('outages_recorded_after_start', sql`${t.recordedAtMs} >= ${t.startedAtMs}`)],
);

/** The end of an outage, once. */
export const outageEnds = sqliteTable(
  'outage_ends',
  {
    id: text('id').primaryKey(),
    outageId: text('outage_id').notNull().unique().references(() => outages.id),
    endedAtMs: integer('ended_at_ms').notNull(),
    note: text('note'),
    endedByUserId: text('ended_by_user_id').notNull(),
    recordedAtMs: integer('recorded_at_ms').notNull(),
    entrySeq: integer('entry_seq').notNull().references(() => ledgerEntries.seq),
  },
  (t) => [index('outage_ends_entry_seq').on(t.entrySeq), check('outage_ends_recorded_after_end', sql`${t.recordedAtMs} >= ${t.endedAtMs}`)],
);

/**
 * An order by the head of unit (seed 001 §4): the officer, the dates and place, the leaves taken
 * (canonical JSON array of {bookNo, firstLeaf, lastLeaf}), and the day the money is due back
 * (the return day, or the next business day when it is a holiday), fixed when the order is made.
 */
export const fieldOrders = sqliteTable(
  'field_orders',
  {
    id: text('id').primaryKey(),
    orderNo: text('order_no').notNull().unique(),
    officerUserId: text('officer_user_id').notNull(),
    placeText: text('place_text').notNull(),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date').notNull(),
    handoverDueDate: text('handover_due_date').notNull(),
    leavesTaken: text('leaves_taken').notNull(),
    orderedByUserId: text('ordered_by_user_id').notNull(),
    orderedAtMs: integer('ordered_at_ms').notNull(),
    entrySeq: integer('entry_seq').notNull().references(() => ledgerEntries.seq),
  },
  (t) => [
    index('field_orders_entry_seq').on(t.entrySeq),
    check('field_orders_dates', sql`${t.toDate} >= ${t.fromDate} AND ${t.handoverDueDate} >= ${t.toDate}`),
  ],
);

/** Leaves written on paper (one range of one book, on one paper date), under an outage or a field order: they await keying. */
export const paperLeafRanges = sqliteTable(
  'paper_leaf_ranges',
  {
    id: text('id').primaryKey(),
    bookId: text('book_id').notNull().references(() => receiptBooks.id),
    firstLeaf: integer('first_leaf').notNull(),
    lastLeaf: integer('last_leaf').notNull(),
    businessDate: text('business_date').notNull(),
    outageId: text('outage_id').references(() => outages.id),
    fieldOrderId: text('field_order_id').references(() => fieldOrders.id),
    recordedByUserId: text('recorded_by_user_id').notNull(),
    recordedAtMs: integer('recorded_at_ms').notNull(),
    entrySeq: integer('entry_seq').notNull().references(() => ledgerEntries.seq),
  },
  (t) => [
    index('paper_leaf_ranges_entry_seq').on(t.entrySeq),
    index('paper_leaf_ranges_business_date').on(t.businessDate),
    check('paper_leaf_ranges_leaves', sql`${t.firstLeaf} >= 1 AND ${t.lastLeaf} >= ${t.firstLeaf}`),
    check('paper_leaf_ranges_one_source', sql`(${t.outageId} IS NULL) <> (${t.fieldOrderId} IS NULL)`),
  ],
);

/** Who keyed a paper receipt, when, and under which outage or field order; the receipt itself is a `receipts` row with is_paper = 1. */
export const paperReceiptKeyings = sqliteTable(
  'paper_receipt_keyings',
  {
    id: text('id').primaryKey(),
    receiptId: text('receipt_id').notNull().unique().references(() => receipts.id),
    bookId: text('book_id').notNull().references(() => receiptBooks.id),
    leaf: integer('leaf').notNull(),
    outageId: text('outage_id').references(() => outages.id),
    fieldOrderId: text('field_order_id').references(() => fieldOrders.id),
    keyedByUserId: text('keyed_by_user_id').notNull(),
    keyedAtMs: integer('keyed_at_ms').notNull(),
    entrySeq: integer('entry_seq').notNull().references(() => ledgerEntries.seq),
  },
  (t) => [
    index('paper_receipt_keyings_entry_seq').on(t.entrySeq),
    uniqueIndex('paper_receipt_keyings_leaf').on(t.bookId, t.leaf),
    index('paper_receipt_keyings_field_order').on(t.fieldOrderId),
    check('paper_receipt_keyings_one_source', sql`(${t.outageId} IS NULL) <> (${t.fieldOrderId} IS NULL)`),
  ],
);

/** The officer hands the money to the clerk (เสมียนตรา): counted vs the receipts of the order, the variance and why. Once per order. */
export const fieldHandovers = sqliteTable(
  'field_handovers',
  {
    id: text('id').primaryKey(),
    fieldOrderId: text('field_order_id').notNull().unique().references(() => fieldOrders.id),
    countedSatang: integer('counted_satang').notNull(),
    receiptsSatang: integer('receipts_satang').notNull(),
    varianceSatang: integer('variance_satang').notNull(),
    varianceReason: text('variance_reason'),
    receivedByUserId: text('received_by_user_id').notNull(),
    handedAtMs: integer('handed_at_ms').notNull(),
    businessDate: text('business_date').notNull(),
    isLate: integer('is_late', { mode: 'boolean' }).notNull(),
    entrySeq: integer('entry_seq').notNull().references(() => ledgerEntries.seq),
  },
  (t) => [
    index('field_handovers_entry_seq').on(t.entrySeq),
    check('field_handovers_amounts', sql`${t.countedSatang} >= 0 AND ${t.receiptsSatang} >= 0 AND ${t.varianceSatang} = ${t.countedSatang} - ${t.receiptsSatang}`),
    check('field_handovers_variance_explained', sql`${t.varianceSatang} = 0 OR ${t.varianceReason} IS NOT NULL`),
  ],
);

/**
 * The laptop taken out under a field order (issue 8): the order was recorded on this terminal, which
 * goes into the field with the officer and issues electronic receipts offline. The hand-over then
 * counts, besides the keyed paper leaves, the electronic receipts in force that the order's officer
 * issued on this terminal with a business date inside the order's dates. One order per terminal at
 * a time (no two such orders' dates overlap), so no receipt is counted twice.
 */
export const fieldOrderTerminals = sqliteTable(
  'field_order_terminals',
  {
    id: text('id').primaryKey(),
    fieldOrderId: text('field_order_id').notNull().unique().references(() => fieldOrders.id),
    terminalSlot: integer('terminal_slot').notNull(),
    recordedByUserId: text('recorded_by_user_id').notNull(),
    recordedAtMs: integer('recorded_at_ms').notNull(),
    entrySeq: integer('entry_seq').notNull().references(() => ledgerEntries.seq),
  },
  (t) => [index('field_order_terminals_entry_seq').on(t.entrySeq), check('field_order_terminals_slot', sql`${t.terminalSlot} BETWEEN 1 AND 9`)],
);
