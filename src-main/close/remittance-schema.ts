import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { ledgerEntries } from '../ledger/schema';

/**
 * Remittance to the treasury (issue 10; seed 001 §3.1 steps 7–8, §7). Ledger tables since migration
 * 0018 (decision 0003): each row is written by a ledger entry (`deduction-rate.set`,
 * `remittance.recorded`; parts `rate` and `remittance` in `ledger/entry-payloads.ts`), so the hash
 * chain covers it. Rows written before 0018 have no entry (`entry_seq` NULL) and stay outside the
 * chain; a trigger refuses any new row without its entry.
 */

/**
 * The group-1.1 deduction rates the administrator sets (seed 001 §7: reward money and operating
 * costs, DOPA regulation B.E. 2548): basis points of the collected amount, default 0. The newest
 * row per revenue code is in force; older rows stay as the history.
 */
export const deductionRates = sqliteTable(
  'deduction_rates',
  {
    id: text('id').primaryKey(),
    revenueCode: text('revenue_code').notNull(),
    rewardBasisPoints: integer('reward_basis_points').notNull(),
    costBasisPoints: integer('cost_basis_points').notNull(),
    setByUserId: text('set_by_user_id').notNull(),
    atMs: integer('at_ms').notNull(),
    /** NULL only for rows written before 0018; the FK is DEFERRABLE INITIALLY DEFERRED (hand-written in 0018). */
    entrySeq: integer('entry_seq').references(() => ledgerEntries.seq),
  },
  (t) => [
    index('deduction_rates_code').on(t.revenueCode, t.atMs),
    index('deduction_rates_entry_seq').on(t.entrySeq),
    check('deduction_rates_range', sql`${t.rewardBasisPoints} >= 0 AND ${t.costBasisPoints} >= 0 AND ${t.rewardBasisPoints} + ${t.costBasisPoints} <= 10000`),
  ],
);

/**
 * นำเงินส่งคลัง: one record per business date and scope — `cash` (the office that took the money
 * remits it) or `bill-payment` (the provincial office remits its province's bank payments).
 */
export const remittances = sqliteTable(
  'remittances',
  {
    id: text('id').primaryKey(),
    businessDate: text('business_date').notNull(),
    scope: text('scope').notNull(),
    amountSatang: integer('amount_satang').notNull(),
    deductedSatang: integer('deducted_satang').notNull(),
    bankReference: text('bank_reference').notNull(),
    remittedAtMs: integer('remitted_at_ms').notNull(),
    recordedByUserId: text('recorded_by_user_id').notNull(),
    atMs: integer('at_ms').notNull(),
    /** NULL only for rows written before 0018; the FK is DEFERRABLE INITIALLY DEFERRED (hand-written in 0018). */
    entrySeq: integer('entry_seq').references(() => ledgerEntries.seq),
  },
  (t) => [
    index('remittances_entry_seq').on(t.entrySeq),
    uniqueIndex('remittances_one_per_day').on(t.businessDate, t.scope),
    check('remittances_scope_known', sql`${t.scope} IN ('cash','bill-payment')`),
    check('remittances_amounts', sql`${t.amountSatang} >= 0 AND ${t.deductedSatang} >= 0`),
  ],
);
