import type Database from 'better-sqlite3';
import { BASIS_POINTS_PER_WHOLE, type RevenueCatalog } from '../../src-shared/catalog';
import { allocate, satangOf } from '../../src-shared/money';
import { CodedError } from '../../src-shared/result';
import { runLedgerAction, type LedgerDeps } from '../ledger/action';
import { prepared } from '../ledger/statements';

/** Group 1.1 deductions before remitting (seed 001 §7): reward money and operating costs, in basis points. */
export interface DeductionRate {
  readonly revenueCode: string;
  readonly rewardBasisPoints: number;
  readonly costBasisPoints: number;
}

export interface DeductionSplit {
  readonly rewardSatang: number;
  readonly costSatang: number;
  readonly remitSatang: number;
}

/** The rates in force: the newest row per revenue code. A code without a row deducts nothing (default 0 %). */
export function readDeductionRates(sqlite: Database.Database): Map<string, DeductionRate> {
  const rows = prepared(
    sqlite,
    `SELECT revenue_code AS revenueCode, reward_basis_points AS rewardBasisPoints, cost_basis_points AS costBasisPoints
     FROM deduction_rates ORDER BY at_ms, rowid`,
  ).all() as DeductionRate[];
  return new Map(rows.map((r) => [r.revenueCode, r]));
}

/**
 * Splits what was collected under one revenue code into reward, cost and the part remitted, with
 * the conserving `allocate` (largest remainder): the three always sum to the collected amount.
 * Group 1.2 and fees have no rate, so everything is remitted.
 */
export function splitDeductions(collectedSatang: number, rate: DeductionRate | undefined): DeductionSplit {
  const reward = rate?.rewardBasisPoints ?? 0;
  const cost = rate?.costBasisPoints ?? 0;
  if (reward === 0 && cost === 0) return { rewardSatang: 0, costSatang: 0, remitSatang: collectedSatang };
  const parts = allocate(satangOf(collectedSatang), [reward, cost, BASIS_POINTS_PER_WHOLE - reward - cost]);
  if (!parts.ok) throw new CodedError(parts.error.code, parts.error.message);
  const [rewardSatang = 0, costSatang = 0, remitSatang = 0] = parts.value;
  return { rewardSatang, costSatang, remitSatang };
}

/**
 * The administrator sets a group-1.1 law's rates (append-only; the newest is in force). A group-1.2
 * law or a fee is remitted in full: DEDUCTION_NOT_ALLOWED.
 */
export function setDeductionRate(
  deps: LedgerDeps,
  catalog: RevenueCatalog,
  userId: string,
  rate: DeductionRate,
): DeductionRate {
  const item = catalog.find(rate.revenueCode);
  if (item === undefined || item.kind !== 'fine' || !item.fine.deductible) {
    throw new CodedError('DEDUCTION_NOT_ALLOWED', `${rate.revenueCode} is not a group 1.1 fine law: it is remitted in full`);
  }
  if (rate.rewardBasisPoints + rate.costBasisPoints > BASIS_POINTS_PER_WHOLE) {
    throw new CodedError('BAD_INPUT', 'rewardBasisPoints + costBasisPoints must not exceed 10000 (100 %)');
  }
  // A ledger entry (`deduction-rate.set`, migration 0018): the rate row is hashed into the chain.
  runLedgerAction(deps, userId, 'deduction-rate.set', (ctx) => {
    prepared(
      ctx.sqlite,
      `INSERT INTO deduction_rates (id, revenue_code, reward_basis_points, cost_basis_points, set_by_user_id, at_ms, entry_seq)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(ctx.newId(), rate.revenueCode, rate.rewardBasisPoints, rate.costBasisPoints, userId, ctx.atMs, ctx.seq);
    return { result: undefined };
  });
  return rate;
}
