import type { RequestInput, RequestName, RequestOutput } from '../../src-shared/contract';
import type { ClientRef } from '../../src-main/host/context';
import { client, expectOk, loginAs, makeSetUpOffice, type TestOffice } from '../helpers/office';

/** A valid national ID (check digit correct) and a fine law's revenue code. */
export const PAYER_ID = '1101700230708';
export const FINE_CODE = '804001';
export const REQUEST = { payerName: 'นายสมหมาย ทดสอบ', payerId: PAYER_ID, revenueCode: FINE_CODE, amountSatang: 150_000 } satisfies RequestInput<'request.create'>;

export interface LedgerOffice extends TestOffice {
  readonly operator: ClientRef;
  readonly supervisor: ClientRef;
  readonly admin: ClientRef;
  readonly auditor: ClientRef;
  as<K extends RequestName>(who: ClientRef, name: K, input: RequestInput<K>): Promise<RequestOutput<K>>;
  /** A request and its cash receipt. */
  cashReceipt(overrides?: Partial<RequestInput<'request.create'>>): Promise<{ ref1: string; book: string; number: number }>;
  /** Rows of the ledger tables (not users, sessions or audit), as JSON: "changes nothing" is this staying equal. */
  ledgerSnapshot(): string;
  count(table: string): number;
}

export const LEDGER_TABLES = [
  'ledger_entries',
  'outbox',
  'number_counters',
  'payment_requests',
  'bills',
  'receipts',
  'receipt_events',
  'payment_confirmations',
  'request_events',
  'terminal_binding',
  'approval_keys',
];

/** Ledger tests move the clock by days; sessions must outlive that (idle logout has its own tests). */
const A_YEAR_MS = 366 * 86_400_000;

export async function makeLedgerOffice(options: { dataDir?: string } = {}): Promise<LedgerOffice> {
  const office = await makeSetUpOffice({ ...options, idleTimeoutMs: A_YEAR_MS });
  const operator = client('operator-window');
  const supervisor = client('supervisor-window');
  const admin = client('admin-window');
  const auditor = client('auditor-window');
  await loginAs(office, operator, 'operator');
  await loginAs(office, supervisor, 'supervisor');
  await loginAs(office, admin, 'admin');
  await loginAs(office, auditor, 'auditor');
  const sqlite = office.host.services.database.sqlite;
  const as = <K extends RequestName>(who: ClientRef, name: K, input: RequestInput<K>) => expectOk(office.call(who, name, input));
  return {
    ...office,
    operator,
    supervisor,
    admin,
    auditor,
    as,
    async cashReceipt(overrides = {}) {
      const request = await as(operator, 'request.create', { ...REQUEST, ...overrides });
      const receipt = await as(operator, 'receipt.issue', { ref1: request.ref1, payment: { method: 'cash' } });
      return { ref1: request.ref1, book: receipt.receiptBook, number: receipt.receiptNo };
    },
    ledgerSnapshot: () => JSON.stringify(LEDGER_TABLES.map((name) => [name, sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()])),
    count: (table) => (sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n,
  };
}

/** Expects a refusal with this code, and that the ledger did not change. */
export async function expectRefused<K extends RequestName>(office: LedgerOffice, who: ClientRef, name: K, input: RequestInput<K>, code: string): Promise<string> {
  const before = office.ledgerSnapshot();
  const reply = await office.call(who, name, input);
  if (reply.ok) throw new Error(`expected ${code}, got ok`);
  if (reply.error.code !== code) throw new Error(`expected ${code}, got ${reply.error.code}: ${reply.error.message}`);
  if (office.ledgerSnapshot() !== before) throw new Error(`${name} refused with ${code} but the ledger changed`);
  return reply.error.message;
}
