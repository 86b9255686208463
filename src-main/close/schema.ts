import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ledgerEntries } from '../ledger/schema';

/**
 * ปิดบัญชีประจำวัน (issue 10; design.md "The ledger"). A ledger table (decision 0003): append-only,
 * its columns frozen in `ledger/entry-payloads.ts` (part `close`, kind `day.closed`), the entry's hash
 * covers the row. `kind = 'shift'`: one receiver's cash drawer counted (`receiver_user_id`), any
 * number per date until the day's close; `kind = 'close'` once per business date; a `supplementary`
 * close of the same date covers paper receipts keyed after it (flagged `is_late`). The chain head at close is the head the
 * close entry follows (`chain_head_seq`, `chain_head_hash`): the close signs everything before it.
 * After a `close` no electronic receipt can carry that date (trigger `receipts_not_after_close`).
 */
export const dayCloses = sqliteTable(
  'day_closes',
  {
    id: text('id').primaryKey(),
    businessDate: text('business_date').notNull(),
    kind: text('kind').notNull(),
    isLate: integer('is_late', { mode: 'boolean' }).notNull(),
    /** The receiving officer whose drawer a `shift` close counts; null for the day's closes. */
    receiverUserId: text('receiver_user_id'),
    /** Receipts of the date this close covers (all of the date for `close`; the late paper ones for `supplementary`). */
    receiptCount: integer('receipt_count').notNull(),
    /** Of those, not cancelled. */
    totalSatang: integer('total_satang').notNull(),
    cashExpectedSatang: integer('cash_expected_satang').notNull(),
    cashCountedSatang: integer('cash_counted_satang').notNull(),
    varianceSatang: integer('variance_satang').notNull(),
    varianceReason: text('variance_reason'),
    /** Canonical JSON of the counted denominations: {"100000": count, …, "25": count} (satang per piece → pieces). */
    counted: text('counted').notNull(),
    /** Receipts of the date issued on the payer's bank evidence that the bank has not yet confirmed. */
    unconfirmedCount: integer('unconfirmed_count').notNull(),
    chainHeadSeq: integer('chain_head_seq').notNull(),
    chainHeadHash: text('chain_head_hash').notNull(),
    closedByUserId: text('closed_by_user_id').notNull(),
    atMs: integer('at_ms').notNull(),
    entrySeq: integer('entry_seq')
      .notNull()
      .references(() => ledgerEntries.seq),
  },
  (t) => [
    index('day_closes_entry_seq').on(t.entrySeq),
    index('day_closes_business_date').on(t.businessDate),
    uniqueIndex('day_closes_one_close').on(t.businessDate).where(sql`${t.kind} = 'close'`),
    check('day_closes_kind_known', sql`${t.kind} IN ('shift','close','supplementary')`),
    check('day_closes_shift_has_receiver', sql`(${t.kind} = 'shift') = (${t.receiverUserId} IS NOT NULL)`),
    check('day_closes_late_is_supplementary', sql`${t.isLate} = (${t.kind} = 'supplementary')`),
    check('day_closes_variance', sql`${t.varianceSatang} = ${t.cashCountedSatang} - ${t.cashExpectedSatang}`),
    check('day_closes_variance_reason', sql`${t.varianceSatang} = 0 OR length(trim(${t.varianceReason})) > 0`),
    check('day_closes_counts', sql`${t.receiptCount} >= 0 AND ${t.unconfirmedCount} >= 0 AND ${t.cashCountedSatang} >= 0 AND ${t.cashExpectedSatang} >= 0`),
    check('day_closes_head_hash', sql`length(${t.chainHeadHash}) = 64`),
  ],
);
