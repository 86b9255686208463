import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadManualReceiptsReport, manualReceiptsPdf } from '../../src-main/books/manual-report';
import { createChromiumRenderer } from '../../src-main/documents/chromium-renderer';
import type { PdfRenderer } from '../../src-main/documents/renderer';
import { formatSatang } from '../../src-shared/money';
import { pdfText, savePdf } from '../documents/pdf-tools';
import { T0_MS } from '../helpers/office';
import { BOOK, HOUR_MS, TODAY, makeBooksOffice, type BooksOffice } from './books-helpers';

let renderer: PdfRenderer;
beforeAll(() => {
  renderer = createChromiumRenderer();
});
afterAll(async () => {
  await renderer.close();
});

let office: BooksOffice;
let outageId: string;
beforeEach(async () => {
  office = await makeBooksOffice();
  await office.registerBook();
  outageId = await office.pastOutage([{ bookNo: BOOK, firstLeaf: 1, lastLeaf: 4, businessDate: TODAY }]);
  await office.as(office.operator, 'paperReceipt.key', office.keyInput(outageId, { leaf: 1, amountSatang: 150_000 }));
  await office.as(office.operator, 'paperReceipt.key', office.keyInput(outageId, { leaf: 2, amountSatang: 20_050, payerName: 'นางสมศรี ใจดี' }));
  await office.as(office.finance, 'paperReceipt.key', office.keyInput(outageId, { leaf: 3, amountSatang: 99_999 }));
  await office.as(office.supervisor, 'receipt.cancel', {
    book: BOOK,
    number: 3,
    reasonCode: 'wrong-amount',
    reasonText: 'เขียนจำนวนเงินผิด',
    approval: { method: 'in-person', username: 'supervisor', password: 'Counter2569' },
  });
  // An electronic receipt the same day is not a manual receipt.
  office.clock.setMs(T0_MS + 4 * HOUR_MS);
  await office.cashReceipt();
});
afterEach(() => office.close());

const sqlite = () => office.host.services.database.sqlite;

describe('the same-day report of manual receipts', () => {
  it('its totals equal the keyed receipts in force (cancelled listed, not counted), with the outage and the leaves not keyed yet', () => {
    const report = loadManualReceiptsReport(sqlite(), TODAY, office.clock.nowMs());
    const keyed = sqlite()
      .prepare(
        `SELECT count(*) AS n, sum(r.amount_satang) AS total FROM receipts r JOIN paper_receipt_keyings k ON k.receipt_id = r.id
         WHERE r.business_date = ? AND NOT EXISTS (SELECT 1 FROM receipt_events e WHERE e.receipt_id = r.id AND e.kind = 'cancelled')`,
      )
      .get(TODAY) as { n: number; total: number };
    expect(report.count).toBe(keyed.n);
    expect(report.totalSatang).toBe(keyed.total);
    expect(report.totalSatang).toBe(170_050);
    expect(report.receipts.map((r) => [r.receiptNo, r.isCancelled, r.keyedByUsername])).toEqual([
      [1, false, 'operator'],
      [2, false, 'operator'],
      [3, true, 'finance'],
    ]);
    expect(report.outages).toEqual([expect.objectContaining({ outageId, cause: 'ไฟฟ้าดับทั้งอำเภอ', reportedByUsername: 'operator' })]);
    expect(report.unkeyedLeaves).toEqual([{ book: BOOK, leaf: 4 }]);
  });

  it('renders a PDF in the report layout whose text carries every receipt, the total, the outage and the signature lines', async () => {
    const { pdf, report } = await manualReceiptsPdf(sqlite(), renderer, TODAY, office.clock.nowMs(), 'นายสมชาย ดูแลระบบ');
    const file = savePdf('manual-receipts', pdf.bytes);
    execFileSync('pdftoppm', ['-r', '60', '-png', file, file.replace(/\.pdf$/, '')]);
    const text = pdfText(file);
    expect(pdf.pages).toBe(1);
    expect(text).toContain('รายงานการออกใบเสร็จรับเงินด้วยมือ');
    for (const r of report.receipts) expect(text).toContain(`${r.receiptBook}/${r.receiptNo}`);
    expect(text).toContain(formatSatang(report.totalSatang));
    expect(text).toContain('1,700.50');
    expect(text).toContain('ยกเลิก (999.99)');
    expect(text).toContain('ไฟฟ้าดับทั้งอำเภอ');
    expect(text).toContain(`${BOOK}/4`);
    expect(text).toContain('หัวหน้าหน่วยงาน');
    expect(text).toContain('ผู้จัดทำรายงาน');
  }, 60_000);
});
