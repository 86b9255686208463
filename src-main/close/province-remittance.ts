import type Database from 'better-sqlite3';
import { parseRef2 } from '../../src-shared/codes/ref2';
import { prepared } from '../ledger/statements';
import { splitDeductions, type DeductionRate } from './deductions';
import type { RemittanceLine } from './remittance';

/** A credit the bank reported into the province's KTB account (bank_payments, issue 9). */
interface BankCredit {
  readonly paymentDate: string;
  readonly ref2: string;
  readonly amountSatang: number;
}

/** The province of a place code: its first two digits (design.md "Identity": province 2 + district 2). */
export function provinceOf(place: string): string {
  return place.slice(0, 2);
}

/**
 * What the provincial office remits for bill payments (issue 10): every credit its bank imports
 * brought in, for any office of its province (Ref2's place), by the bank's payment date and the
 * revenue code in Ref2, group 1.1 deductions split as for receipts. A line whose Ref2 fails its
 * check digits, or of another province, names no revenue code of this province: it stays an import
 * exception for the finance officer (refund or match by hand), not an amount to remit.
 */
export function provinceBillPaymentLines(sqlite: Database.Database, place: string, from: string, to: string, rates: ReadonlyMap<string, DeductionRate>): RemittanceLine[] {
  const credits = prepared(
    sqlite,
    `SELECT payment_date AS paymentDate, ref2, amount_satang AS amountSatang FROM bank_payments
     WHERE kind = 'C' AND payment_date BETWEEN ? AND ? ORDER BY payment_date, ref2`,
  ).all(from, to) as BankCredit[];
  const groups = new Map<string, { businessDate: string; revenueCode: string; count: number; collected: number }>();
  for (const credit of credits) {
    const ref2 = parseRef2(credit.ref2);
    if (!ref2.ok || provinceOf(ref2.value.place) !== provinceOf(place)) continue;
    const key = `${credit.paymentDate}|${ref2.value.revenueCode}`;
    const group = groups.get(key) ?? { businessDate: credit.paymentDate, revenueCode: ref2.value.revenueCode, count: 0, collected: 0 };
    group.count += 1;
    group.collected += credit.amountSatang;
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, g]) => ({ businessDate: g.businessDate, revenueCode: g.revenueCode, scope: 'bill-payment' as const, receiptCount: g.count, collectedSatang: g.collected, ...splitDeductions(g.collected, rates.get(g.revenueCode)) }));
}
