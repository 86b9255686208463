import type { RequestInput } from '../../src-shared/contract';
import type { CountedPieces } from '../../src-shared/domain/cash';
import type { ClientRef } from '../../src-main/host/context';
import { client, loginAs } from '../helpers/office';
import { makeLedgerOffice, REQUEST, type LedgerOffice } from '../ledger/ledger-helpers';

const DAY_MS = 24 * 3_600_000;

/** No pieces at all; spread and set the ones counted. */
export const ZERO_PIECES: CountedPieces = { '1000': 0, '500': 0, '100': 0, '50': 0, '20': 0, '10': 0, '5': 0, '2': 0, '1': 0, '0.50': 0, '0.25': 0 };

export interface CloseOffice extends LedgerOffice {
  readonly finance: ClientRef;
  readonly head: ClientRef;
  /** A request, its receipt (cash unless told) and the operator's original print. */
  printedReceipt(overrides?: Partial<RequestInput<'request.create'>>, payment?: RequestInput<'receipt.issue'>['payment']): Promise<{ ref1: string; book: string; number: number; amountSatang: number }>;
  /** A receipt keyed from a paper book through `paperReceipt.key` (the book registered for the office with leaves 1–1000, one outage over each paper day): is_paper = 1, its own business date. */
  keyPaperReceipt(input: { book: string; number: number; businessDate: string; amountSatang: number; revenueCode?: string }): Promise<void>;
  today(): string;
}

export async function makeCloseOffice(): Promise<CloseOffice> {
  const office = await makeLedgerOffice();
  const finance = client('finance-window');
  const head = client('head-window');
  await loginAs(office, finance, 'finance');
  await loginAs(office, head, 'head');
  const services = office.host.services;
  const registeredBooks = new Set<string>();
  const outageOfDay = new Map<string, string>();
  return {
    ...office,
    finance,
    head,
    async printedReceipt(overrides = {}, payment = { method: 'cash' }) {
      const request = await office.as(office.operator, 'request.create', { ...REQUEST, ...overrides });
      const receipt = await office.as(office.operator, 'receipt.issue', { ref1: request.ref1, payment });
      await office.as(office.operator, 'receipt.markPrinted', { book: receipt.receiptBook, number: receipt.receiptNo });
      return { ref1: request.ref1, book: receipt.receiptBook, number: receipt.receiptNo, amountSatang: receipt.amountSatang };
    },
    async keyPaperReceipt(input) {
      // Through the books feature as the office does it: the book registered and assigned to the
      // office by finance (once), an outage recorded over the paper's day, the leaf keyed by the operator.
      if (!registeredBooks.has(input.book)) {
        await office.as(finance, 'book.register', { bookNo: input.book, firstLeaf: 1, lastLeaf: 1_000, fiscalYearBe: 2570 });
        await office.as(finance, 'book.assign', { bookNo: input.book, holder: { kind: 'office' } });
        registeredBooks.add(input.book);
      }
      let outageId = outageOfDay.get(input.businessDate);
      if (outageId === undefined) {
        const dayStartMs = Date.parse(`${input.businessDate}T00:00:00+07:00`);
        ({ outageId } = await office.as(office.operator, 'outage.start', { cause: 'ระบบใช้งานไม่ได้ (ทดสอบ)', startedAtMs: dayStartMs }));
        await office.as(office.operator, 'outage.end', { outageId, endedAtMs: Math.min(services.clock.nowMs(), dayStartMs + DAY_MS - 1), writtenLeaves: [] });
        outageOfDay.set(input.businessDate, outageId);
      }
      await office.as(office.operator, 'paperReceipt.key', {
        outageId,
        bookNo: input.book,
        leaf: input.number,
        paperDate: input.businessDate,
        payerName: 'นางสาวกระดาษ บันทึกภายหลัง',
        revenueCode: input.revenueCode ?? REQUEST.revenueCode,
        amountSatang: input.amountSatang,
        payment: { method: 'cash' },
      });
    },
    today: () => new Date(services.clock.nowMs() + 7 * 3_600_000).toISOString().slice(0, 10),
  };
}
