import { expect } from 'vitest';
import type { RequestInput, RequestName } from '../../src-shared/contract';
import type { ClientRef } from '../../src-main/host/context';
import { client, loginAs, snapshotBusinessTables, T0_MS } from '../helpers/office';
import { makeLedgerOffice, type LedgerOffice } from '../ledger/ledger-helpers';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** T0 is Monday 23 Nov 2026, 09:00 Bangkok. */
export const TODAY = '2026-11-23';
export const BOOK = 'P70-001';
export const FINE_CODE = '804001';

export interface BooksOffice extends LedgerOffice {
  readonly finance: ClientRef;
  readonly head: ClientRef;
  /** Registers a 50-leaf book (FY 2570) and assigns it to the office. */
  registerBook(bookNo?: string, holder?: RequestInput<'book.assign'>['holder']): Promise<void>;
  /** An outage from 07:00 to 11:00 today, recorded at 12:00 (the clock is moved to 12:00). */
  pastOutage(writtenLeaves?: RequestInput<'outage.end'>['writtenLeaves']): Promise<string>;
  keyInput(outageId: string, overrides?: Partial<RequestInput<'paperReceipt.key'>>): RequestInput<'paperReceipt.key'>;
}

export async function makeBooksOffice(): Promise<BooksOffice> {
  const office = await makeLedgerOffice();
  const finance = client('finance-window');
  const head = client('head-window');
  await loginAs(office, finance, 'finance');
  await loginAs(office, head, 'head');
  return {
    ...office,
    finance,
    head,
    async registerBook(bookNo = BOOK, holder = { kind: 'office' }) {
      await office.as(finance, 'book.register', { bookNo, firstLeaf: 1, lastLeaf: 50, fiscalYearBe: 2570 });
      await office.as(finance, 'book.assign', { bookNo, holder });
    },
    async pastOutage(writtenLeaves = []) {
      office.clock.setMs(T0_MS + 3 * HOUR_MS);
      const { outageId } = await office.as(office.operator, 'outage.start', { cause: 'ไฟฟ้าดับทั้งอำเภอ', startedAtMs: T0_MS - 2 * HOUR_MS });
      await office.as(office.operator, 'outage.end', { outageId, endedAtMs: T0_MS + 2 * HOUR_MS, writtenLeaves });
      return outageId;
    },
    keyInput(outageId, overrides = {}) {
      return {
        outageId,
        bookNo: BOOK,
        leaf: 1,
        paperDate: TODAY,
        payerName: 'นายสมหมาย ทดสอบ',
        revenueCode: FINE_CODE,
        amountSatang: 150_000,
        payment: { method: 'cash' },
        ...overrides,
      };
    },
  };
}

/** Expects a refusal with exactly this code, and that no business table changed. */
export async function expectRefusedUnchanged<K extends RequestName>(office: BooksOffice, who: ClientRef, name: K, input: RequestInput<K>, code: string): Promise<string> {
  const before = snapshotBusinessTables(office);
  const reply = await office.call(who, name, input);
  expect(reply.ok ? 'ok' : `${reply.error.code}: ${reply.error.message}`).toMatch(new RegExp(`^${code}: `));
  expect(snapshotBusinessTables(office)).toBe(before);
  return reply.ok ? '' : reply.error.message;
}
