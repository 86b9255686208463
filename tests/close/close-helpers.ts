import type { RequestInput } from '../../src-shared/contract';
import type { CountedPieces } from '../../src-shared/domain/cash';
import type { ClientRef } from '../../src-main/host/context';
import { runLedgerAction } from '../../src-main/ledger/action';
import { client, loginAs } from '../helpers/office';
import { makeLedgerOffice, REQUEST, type LedgerOffice } from '../ledger/ledger-helpers';

/** No pieces at all; spread and set the ones counted. */
export const ZERO_PIECES: CountedPieces = { '1000': 0, '500': 0, '100': 0, '50': 0, '20': 0, '10': 0, '5': 0, '2': 0, '1': 0, '0.50': 0, '0.25': 0 };

export interface CloseOffice extends LedgerOffice {
  readonly finance: ClientRef;
  readonly head: ClientRef;
  /** A request, its receipt (cash unless told) and the operator's original print. */
  printedReceipt(overrides?: Partial<RequestInput<'request.create'>>, payment?: RequestInput<'receipt.issue'>['payment']): Promise<{ ref1: string; book: string; number: number; amountSatang: number }>;
  /** A receipt keyed from a paper book (what the books feature writes): is_paper = 1, its own business date. */
  keyPaperReceipt(input: { book: string; number: number; businessDate: string; amountSatang: number; revenueCode?: string }): void;
  today(): string;
}

export async function makeCloseOffice(): Promise<CloseOffice> {
  const office = await makeLedgerOffice();
  const finance = client('finance-window');
  const head = client('head-window');
  await loginAs(office, finance, 'finance');
  await loginAs(office, head, 'head');
  const services = office.host.services;
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
    keyPaperReceipt(input) {
      const operatorId = (services.database.sqlite.prepare(`SELECT id FROM users WHERE username = 'operator'`).get() as { id: string }).id;
      runLedgerAction({ sqlite: services.database.sqlite, clock: services.clock, machineId: services.machineId }, operatorId, 'receipt.issued', (ctx) => {
        const code = input.revenueCode ?? REQUEST.revenueCode;
        ctx.sqlite
          .prepare(
            `INSERT INTO receipts (id, book, number, is_paper, business_date, request_id, bill_id, payer_name, payer_id, items, revenue_code, amount_satang, method,
               method_detail, payment_confirmation_id, receiver_user_id, receiver_name_th, receiver_position_th, issued_at_ms, entry_seq)
             VALUES (?, ?, ?, 1, ?, NULL, NULL, 'นางสาวกระดาษ บันทึกภายหลัง', NULL, ?, ?, ?, 'cash', NULL, NULL, ?, 'ผู้ใช้ operator', 'เจ้าพนักงาน', ?, ?)`,
          )
          .run(ctx.newId(), input.book, input.number, input.businessDate, JSON.stringify([{ amountSatang: input.amountSatang, nameTh: 'ค่าปรับ', revenueCode: code }]), code, input.amountSatang, operatorId, ctx.atMs, ctx.seq);
        return { result: undefined };
      });
    },
    today: () => new Date(services.clock.nowMs() + 7 * 3_600_000).toISOString().slice(0, 10),
  };
}
