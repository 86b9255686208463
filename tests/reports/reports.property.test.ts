import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORTS } from '../../src-main/reports/registry';
import { buildReport } from '../../src-main/reports/service';
import type { ReportName } from '../../src-shared/contract';
import type { ReceiptMethod } from '../../src-shared/domain/reasons';
import { makeCloseOffice, type CloseOffice } from '../close/close-helpers';

/**
 * Issue 10's property: on random ledgers (receipts by every method, revenue codes of both fine
 * groups, random amounts, cancellations, keyed paper receipts, random group 1.1 rates) every
 * report's totals equal the ledger, cancelled receipts are listed but not counted, deductions never
 * lose a satang, and the two control registers partition the receipts exactly. Each run is a new
 * business day of one office, so the runs do not see each other's receipts.
 */
const DAY_MS = 86_400_000;
const CODES = ['804001', '804005', '804201', '804206'] as const;
const METHODS = ['cash', 'cheque', 'draft', 'cashier-cheque', 'bill-payment'] as const satisfies readonly ReceiptMethod[];

const operation = fc.record({
  method: fc.constantFrom(...METHODS),
  revenueCode: fc.constantFrom(...CODES),
  amountSatang: fc.integer({ min: 1, max: 5_000_000 }),
  cancel: fc.boolean(),
  paper: fc.boolean(),
});

interface LedgerRow {
  book: string;
  number: number;
  amountSatang: number;
  method: ReceiptMethod;
  isCancelled: number;
  isPaper: number;
}

let office: CloseOffice;
let paperNumber = 0;
beforeAll(async () => {
  office = await makeCloseOffice();
});
afterAll(() => office.close());

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

async function makeDay(operations: readonly Operation[]): Promise<string> {
  office.clock.advanceMs(DAY_MS);
  const date = office.today();
  for (const op of operations) {
    if (op.paper) {
      paperNumber += 1;
      await office.keyPaperReceipt({ book: 'P-0001', number: paperNumber, businessDate: date, amountSatang: op.amountSatang, revenueCode: op.revenueCode });
      continue;
    }
    const request = await office.as(office.operator, 'request.create', { payerName: 'นายสุ่ม ทดสอบ', revenueCode: op.revenueCode, amountSatang: op.amountSatang });
    if (op.method === 'bill-payment') {
      await office.as(office.operator, 'payment.recordEvidence', { ref1: request.ref1, bankCode: '006', paidAtMs: office.clock.nowMs() - 1_000, bankReference: `S${paperNumber}X${op.amountSatang}`, amountSatang: op.amountSatang });
    }
    const payment =
      op.method === 'cash' || op.method === 'bill-payment'
        ? { method: op.method }
        : { method: op.method, detail: { bankName: 'กรุงไทย', instrumentNo: '0012345', instrumentDate: date } };
    const receipt = await office.as(office.operator, 'receipt.issue', { ref1: request.ref1, payment });
    if (op.cancel) {
      await office.as(office.supervisor, 'receipt.cancel', { book: receipt.receiptBook, number: receipt.receiptNo, reasonCode: 'wrong-amount', reasonText: 'ทดสอบ' });
    }
  }
  return date;
}

function ledgerRows(date: string): LedgerRow[] {
  return office.host.services.database.sqlite
    .prepare(
      `SELECT rc.book, rc.number, rc.amount_satang AS amountSatang, rc.method, rc.is_paper AS isPaper,
         EXISTS (SELECT 1 FROM receipt_events e WHERE e.receipt_id = rc.id AND e.kind = 'cancelled') AS isCancelled
       FROM receipts rc WHERE rc.business_date = ? ORDER BY rc.book, rc.number`,
    )
    .all(date) as LedgerRow[];
}

const live = (rows: readonly LedgerRow[]) => rows.filter((r) => r.isCancelled === 0).reduce((s, r) => s + r.amountSatang, 0);
const key = (r: { book: string; number: number }) => `${r.book}/${r.number}`;

/** Which receipts of the ledger each report covers. */
const SCOPE: Readonly<Record<string, (r: LedgerRow) => boolean>> = {
  fines: () => true,
  'bill-payments': (r) => r.method === 'bill-payment',
  'register-epayment': (r) => r.method === 'bill-payment',
  'register-cash': (r) => r.method !== 'bill-payment',
  'manual-receipts': (r) => r.isPaper === 1,
};

describe('reports on random ledgers (issue 10 property)', () => {
  it('every report total equals the ledger; cancelled listed not counted; deductions conserve; registers partition', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 0, maxLength: 8 }), fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 5_000 }), async (operations, reward, cost) => {
        await office.as(office.admin, 'remittance.setRate', { revenueCode: '804001', rewardBasisPoints: reward, costBasisPoints: cost });
        const date = await makeDay(operations);
        const sqlite = office.host.services.database.sqlite;
        const rows = ledgerRows(date);
        expect(rows).toHaveLength(operations.length);
        const names = Object.keys(REPORTS) as ReportName[];
        const tables = new Map(names.map((name) => [name, buildReport(sqlite, name, date, date, null)]));
        for (const [name, table] of tables) {
          const scope = SCOPE[name] ?? (() => true);
          expect(table.totalSatang, `${name} totalSatang`).toBe(live(rows.filter(scope)));
        }

        // The receipt register lists every receipt in number order, cancelled ones included and marked.
        const register = tables.get('receipt-register');
        expect(register?.rows.map((r) => r.cells['receipt'])).toEqual(rows.map(key));
        for (const [i, row] of rows.entries()) {
          expect(String(register?.rows[i]?.cells['status']).includes('ยกเลิก')).toBe(row.isCancelled === 1);
        }
        const cancelledTotal = rows.filter((r) => r.isCancelled === 1).reduce((s, r) => s + r.amountSatang, 0);
        expect(register?.totals.find((t) => t.labelEn.startsWith('Cancelled receipts'))?.satang ?? 0).toBe(cancelledTotal);

        // The two control registers partition the receipts exactly (seed 001 §6).
        const epay = tables.get('register-epayment')?.rows.map((r) => String(r.cells['receipt'])) ?? [];
        const cash = tables.get('register-cash')?.rows.map((r) => String(r.cells['receipt'])) ?? [];
        expect(epay.filter((k) => cash.includes(k))).toEqual([]);
        expect([...epay, ...cash].sort()).toEqual(rows.map(key).sort());
        expect((tables.get('register-epayment')?.totalSatang ?? 0) + (tables.get('register-cash')?.totalSatang ?? 0)).toBe(live(rows));

        // Remittance: per line and in total, reward + cost + remitted = collected.
        const remittance = tables.get('remittance');
        let collected = 0;
        for (const line of remittance?.rows ?? []) {
          const c = line.cells;
          expect(Number(c['reward']) + Number(c['cost']) + Number(c['remit'])).toBe(Number(c['collected']));
          collected += Number(c['collected']);
        }
        expect(collected).toBe(live(rows));
        const totals = Object.fromEntries((remittance?.totals ?? []).map((t) => [t.labelEn, t.satang]));
        expect((totals['Reward deduction'] ?? 0) + (totals['Cost deduction'] ?? 0) + (totals['This office remits'] ?? 0) + (totals['Remitted by the province (bill payment)'] ?? 0)).toBe(live(rows));

        // Fines: the officers' subtotals add up to the total; GFMIS and the summaries' lines too.
        const subtotals = tables.get('fines')?.totals.filter((t) => t.labelEn.startsWith('Issuing officer')).reduce((s, t) => s + t.satang, 0);
        expect(subtotals).toBe(live(rows));
        for (const name of ['gfmis', 'monthly-summary', 'fiscal-year-summary'] as const) {
          expect(tables.get(name)?.rows.reduce((s, r) => s + Number(r.cells['amount']), 0), name).toBe(live(rows));
        }
      }),
      { numRuns: 25 },
    );
  }, 180_000);
});
