import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

/**
 * Remittance to the treasury (issue 10; seed 001 §3.1 steps 7–8, §7). Append-only facts outside the
 * hash chain (like the bank tables): the money facts are the receipts; these say what was sent on.
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
  },
  (t) => [
    index('deduction_rates_code').on(t.revenueCode, t.atMs),
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
  },
  (t) => [
    uniqueIndex('remittances_one_per_day').on(t.businessDate, t.scope),
    check('remittances_scope_known', sql`${t.scope} IN ('cash','bill-payment')`),
    check('remittances_amounts', sql`${t.amountSatang} >= 0 AND ${t.deductedSatang} >= 0`),
  ],
);
