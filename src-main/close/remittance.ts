import type Database from 'better-sqlite3';
import { remittanceDeadlineOfDay, REMITTANCE_OVERDUE_LOOKBACK_DAYS, type BusinessDate, type HolidayCalendar } from '../../src-shared/dates';
import { CodedError } from '../../src-shared/result';
import { runLedgerAction, type LedgerDeps } from '../ledger/action';
import { prepared } from '../ledger/statements';
import { isEpayment } from '../reports/model';
import type { ReceiptFact } from '../reports/facts';
import { readReceiptFacts } from '../reports/facts';
import { officeKindOf, officePlaceOf } from '../office/office-kind';
import { readDeductionRates, splitDeductions, type DeductionRate } from './deductions';
import { provinceBillPaymentLines } from './province-remittance';

/**
 * Who remits (issue 10): cash, cheques and drafts are remitted by the office that took them;
 * bill payments land in the provincial office's KTB account, so the provincial office remits them
 * for its whole province from its bank imports and district reports show them "remitted by the province".
 */
export type RemittanceScope = 'cash' | 'bill-payment';

export function scopeOf(fact: ReceiptFact): RemittanceScope {
  return isEpayment(fact.method) ? 'bill-payment' : 'cash';
}

export interface RemittanceLine {
  readonly businessDate: string;
  readonly revenueCode: string;
  readonly scope: RemittanceScope;
  readonly receiptCount: number;
  readonly collectedSatang: number;
  readonly rewardSatang: number;
  readonly costSatang: number;
  readonly remitSatang: number;
}

/** Amounts per business date, revenue code and scope, cancelled receipts excluded; deductions split per line. */
export function remittanceLines(facts: readonly ReceiptFact[], rates: ReadonlyMap<string, DeductionRate>): RemittanceLine[] {
  const groups = new Map<string, { businessDate: string; revenueCode: string; scope: RemittanceScope; count: number; collected: number }>();
  for (const fact of facts) {
    if (fact.isCancelled) continue;
    const scope = scopeOf(fact);
    const key = `${fact.businessDate}|${scope}|${fact.revenueCode}`;
    const group = groups.get(key) ?? { businessDate: fact.businessDate, revenueCode: fact.revenueCode, scope, count: 0, collected: 0 };
    group.count += 1;
    group.collected += fact.amountSatang;
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, g]) => ({ businessDate: g.businessDate, revenueCode: g.revenueCode, scope: g.scope, receiptCount: g.count, collectedSatang: g.collected, ...splitDeductions(g.collected, rates.get(g.revenueCode)) }));
}

const lineOrder = (l: RemittanceLine): string => `${l.businessDate}|${l.scope}|${l.revenueCode}`;

/**
 * The lines this office remits or shows, by its kind (office.kind, issue 10): cash from its own
 * receipts always; bill payments from its own receipts at a district (shown "remitted by the
 * province"), from the bank imports of the whole province at the provincial office.
 */
export function officeRemittanceLines(sqlite: Database.Database, from: string, to: string, rates: ReadonlyMap<string, DeductionRate> = readDeductionRates(sqlite)): RemittanceLine[] {
  const own = remittanceLines(readReceiptFacts(sqlite, from, to), rates);
  const place = officePlaceOf(sqlite);
  if (officeKindOf(sqlite) !== 'provincial' || place === null) return own;
  const lines = [...own.filter((l) => l.scope === 'cash'), ...provinceBillPaymentLines(sqlite, place, from, to, rates)];
  return lines.sort((a, b) => (lineOrder(a) < lineOrder(b) ? -1 : 1));
}

/** Whether this office remits the scope: cash always; bill payments only at the provincial office. */
export function remitsScope(sqlite: Database.Database, scope: RemittanceScope): boolean {
  return scope === 'cash' || officeKindOf(sqlite) === 'provincial';
}

/** 09:30 Asia/Bangkok of the business day after `businessDate` (src-shared `remittanceDeadlineOfDay`, shared with central), epoch ms. */
export function remittanceDeadlineMs(calendar: HolidayCalendar, businessDate: BusinessDate): number {
  const deadline = remittanceDeadlineOfDay(calendar, businessDate);
  if (!deadline.ok) throw new CodedError(deadline.error.code, deadline.error.message);
  return deadline.value;
}

export interface RemittanceRecord {
  readonly id: string;
  readonly businessDate: string;
  readonly scope: RemittanceScope;
  readonly amountSatang: number;
  readonly deductedSatang: number;
  readonly bankReference: string;
  readonly remittedAtMs: number;
  readonly recordedByUserId: string;
  readonly atMs: number;
}

export function readRemittances(sqlite: Database.Database, from: string, to: string): RemittanceRecord[] {
  return prepared(
    sqlite,
    `SELECT id, business_date AS businessDate, scope, amount_satang AS amountSatang, deducted_satang AS deductedSatang, bank_reference AS bankReference,
       remitted_at_ms AS remittedAtMs, recorded_by_user_id AS recordedByUserId, at_ms AS atMs
     FROM remittances WHERE business_date BETWEEN ? AND ? ORDER BY business_date, scope`,
  ).all(from, to) as RemittanceRecord[];
}

/** The remittances of a day with the recorder's name (the remittance screen). */
export function remittancesWithNames(sqlite: Database.Database, businessDate: string): (RemittanceRecord & { recordedByNameTh: string | null })[] {
  const names = prepared(sqlite, `SELECT full_name_th AS name FROM users WHERE id = ?`);
  return readRemittances(sqlite, businessDate, businessDate).map((r) => ({ ...r, recordedByNameTh: (names.get(r.recordedByUserId) as { name: string } | undefined)?.name ?? null }));
}

/** What a day owes the treasury in one scope, after deductions. */
export function dueOf(sqlite: Database.Database, businessDate: string, scope: RemittanceScope): { remitSatang: number; deductedSatang: number } {
  const lines = officeRemittanceLines(sqlite, businessDate, businessDate).filter((l) => l.scope === scope);
  return {
    remitSatang: lines.reduce((s, l) => s + l.remitSatang, 0),
    deductedSatang: lines.reduce((s, l) => s + l.rewardSatang + l.costSatang, 0),
  };
}

/**
 * The finance officer records a remittance (who, when, the bank's reference); the amounts are the
 * day's as computed now. A ledger entry (`remittance.recorded`, migration 0018): its row is hashed.
 */
export function recordRemittance(
  deps: LedgerDeps,
  userId: string,
  input: { businessDate: string; scope: RemittanceScope; bankReference: string; remittedAtMs: number },
): RemittanceRecord {
  return runLedgerAction(deps, userId, 'remittance.recorded', (ctx) => {
    if (!remitsScope(ctx.sqlite, input.scope)) {
      throw new CodedError('REMITTED_BY_PROVINCE', `Bill payments of ${input.businessDate} land in the province's KTB account: the provincial office remits them`);
    }
    const existing = readRemittances(ctx.sqlite, input.businessDate, input.businessDate).find((r) => r.scope === input.scope);
    if (existing !== undefined) throw new CodedError('REMITTANCE_RECORDED', `The ${input.scope} remittance of ${input.businessDate} is already recorded (${existing.bankReference})`);
    const due = dueOf(ctx.sqlite, input.businessDate, input.scope);
    if (due.remitSatang === 0) throw new CodedError('NOTHING_TO_REMIT', `Nothing to remit for ${input.businessDate} (${input.scope})`);
    const record: RemittanceRecord = {
      id: ctx.newId(),
      businessDate: input.businessDate,
      scope: input.scope,
      amountSatang: due.remitSatang,
      deductedSatang: due.deductedSatang,
      bankReference: input.bankReference,
      remittedAtMs: input.remittedAtMs,
      recordedByUserId: userId,
      atMs: ctx.atMs,
    };
    prepared(
      ctx.sqlite,
      `INSERT INTO remittances (id, business_date, scope, amount_satang, deducted_satang, bank_reference, remitted_at_ms, recorded_by_user_id, at_ms, entry_seq)
       VALUES (@id, @businessDate, @scope, @amountSatang, @deductedSatang, @bankReference, @remittedAtMs, @recordedByUserId, @atMs, @entrySeq)`,
    ).run({ ...record, entrySeq: ctx.seq });
    return { result: record };
  });
}

export interface OverdueRemittance {
  readonly businessDate: string;
  readonly scope: RemittanceScope;
  readonly remitSatang: number;
  readonly deadlineMs: number;
}

/** How far back the overdue check looks (a limit, style.md §14; the same at central). */
export const OVERDUE_LOOKBACK_DAYS = REMITTANCE_OVERDUE_LOOKBACK_DAYS;

/**
 * The home screen's alarm: days whose cash (this office remits it) is still not remitted after the
 * deadline. Bill payments are the provincial office's (scope `bill-payment` is checked only where
 * `includeBillPayments` says this office remits them).
 */
export function overdueRemittances(sqlite: Database.Database, calendar: HolidayCalendar, nowMs: number, options: { fromDate: string; toDate: string; includeBillPayments: boolean }): OverdueRemittance[] {
  const lines = officeRemittanceLines(sqlite, options.fromDate, options.toDate);
  const recorded = new Set(readRemittances(sqlite, options.fromDate, options.toDate).map((r) => `${r.businessDate}|${r.scope}`));
  const owed = new Map<string, OverdueRemittance>();
  for (const line of lines) {
    if (line.scope === 'bill-payment' && !options.includeBillPayments) continue;
    const key = `${line.businessDate}|${line.scope}`;
    if (recorded.has(key)) continue;
    const before = owed.get(key);
    const deadlineMs = before?.deadlineMs ?? remittanceDeadlineMs(calendar, line.businessDate as BusinessDate);
    owed.set(key, { businessDate: line.businessDate, scope: line.scope, remitSatang: (before?.remitSatang ?? 0) + line.remitSatang, deadlineMs });
  }
  return [...owed.values()].filter((o) => o.remitSatang > 0 && o.deadlineMs < nowMs);
}
