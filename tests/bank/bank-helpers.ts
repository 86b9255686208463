import type { RequestInput, RequestOutput } from '../../src-shared/contract';
import type { ClientRef } from '../../src-main/host/context';
import { client, loginAs, snapshotBusinessTables } from '../helpers/office';
import { makeLedgerOffice, REQUEST, type LedgerOffice } from '../ledger/ledger-helpers';
import type { GenLine } from '../fixtures/bank/generate';

export interface BankOffice extends LedgerOffice {
  readonly finance: ClientRef;
  /** A request and its bill, created by the operator. */
  bill(overrides?: Partial<RequestInput<'request.create'>>): Promise<RequestOutput<'request.create'>>;
  /** bank.import through the contract as the finance officer. */
  importFile(bytes: Uint8Array, format?: 'auto' | 'ktb256' | 'csv'): ReturnType<LedgerOffice['call']>;
  /** Every business table except the audit log, as JSON. */
  snapshot(): string;
  exceptionKinds(): string[];
}

export async function makeBankOffice(): Promise<BankOffice> {
  const office = await makeLedgerOffice();
  const finance = client('finance-window');
  await loginAs(office, finance, 'finance');
  return {
    ...office,
    finance,
    bill: (overrides = {}) => office.as(office.operator, 'request.create', { ...REQUEST, ...overrides }),
    importFile: (bytes, format = 'auto') => office.call(finance, 'bank.import', { contentBase64: Buffer.from(bytes).toString('base64'), format }),
    snapshot: () => snapshotBusinessTables(office),
    exceptionKinds: () =>
      (office.host.services.database.sqlite.prepare(`SELECT x.kind FROM bank_exceptions x JOIN bank_payments p ON p.id = x.payment_id ORDER BY p.rowid`).all() as { kind: string }[]).map((r) => r.kind),
  };
}

/** The bank line that pays this bill exactly, on time. */
export function lineFor(bill: { ref1: string; ref2: string; amountSatang: number }, overrides: Partial<GenLine> = {}): GenLine {
  return { paymentDate: '2026-11-23', paymentTime: '08:45:10', customerName: 'นายสมหมาย ทดสอบ', ref1: bill.ref1, ref2: bill.ref2, amountSatang: bill.amountSatang, ...overrides };
}
