import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumRenderer } from '../../src-main/documents/chromium-renderer';
import { LONG_DOCUMENT_LIMITS, RENDER_LIMITS, type PdfRenderer } from '../../src-main/documents/renderer';
import type { ReportRow, ReportTable } from '../../src-main/reports/model';
import { renderReportFile } from '../../src-main/reports/service';
import { makeLedgerOffice, type LedgerOffice } from '../ledger/ledger-helpers';
import { pdfPageText } from '../documents/pdf-tools';

/**
 * A month's receipt register of a busy office runs to hundreds of A4 pages: a report is not held to
 * the page limit of a slip or a receipt (documents/renderer.ts LONG_DOCUMENT_LIMITS). 9,000 rows
 * (about 260 pages) render whole; a receipt-sized limit (200 pages) would refuse it.
 */
const ROWS = 9_000;
let renderer: PdfRenderer;
let office: LedgerOffice;
let dir: string;

beforeAll(async () => {
  renderer = createChromiumRenderer();
  office = await makeLedgerOffice();
  dir = mkdtempSync(join(tmpdir(), 'ebill-long-report-'));
});
afterAll(async () => {
  office.close();
  await renderer.close();
  rmSync(dir, { recursive: true, force: true });
});

function registerOf(rows: number): ReportTable {
  const items: ReportRow[] = Array.from({ length: rows }, (_, i) => ({
    kind: 'item',
    cells: { book: 'E70-5401-1', number: i + 1, date: '2026-11-23', payer: `นายทดสอบ รายงานยาว ${i + 1}`, amount: 10_000 + (i % 100) },
  }));
  return {
    name: 'receipt-register',
    titleTh: 'ทะเบียนใบเสร็จรับเงิน',
    titleEn: 'Receipt register',
    ruleTh: 'ระเบียบ ข้อ 3.1',
    period: { from: '2026-11-01', to: '2026-11-30' },
    columns: [
      { key: 'book', labelTh: 'เล่มที่', labelEn: 'Book', kind: 'text' },
      { key: 'number', labelTh: 'เลขที่', labelEn: 'No.', kind: 'count' },
      { key: 'date', labelTh: 'วันที่', labelEn: 'Date', kind: 'date' },
      { key: 'payer', labelTh: 'ผู้ชำระ', labelEn: 'Payer', kind: 'text' },
      { key: 'amount', labelTh: 'จำนวนเงิน', labelEn: 'Amount', kind: 'satang' },
    ],
    rows: items,
    totals: [{ labelTh: 'รวม', labelEn: 'Total', satang: items.reduce((sum, r) => sum + Number(r.cells['amount']), 0) }],
    totalSatang: items.reduce((sum, r) => sum + Number(r.cells['amount']), 0),
    signatures: [{ roleTh: 'เจ้าหน้าที่การเงิน' }],
    notesTh: [],
  };
}

describe('a report longer than a receipt-sized page limit', () => {
  it(`renders ${ROWS} rows whole: more pages than RENDER_LIMITS allows, the last row on the last page`, { timeout: LONG_DOCUMENT_LIMITS.renderTimeoutMs + RENDER_LIMITS.launchTimeoutMs }, async () => {
    const sqlite = office.host.services.database.sqlite;
    const pdf = await renderReportFile(sqlite, renderer, registerOf(ROWS), 'pdf', office.clock.nowMs());
    expect(pdf.pages).toBeGreaterThan(RENDER_LIMITS.maxPages);
    const file = join(dir, 'register.pdf');
    writeFileSync(file, pdf.bytes);
    const last = pdfPageText(file, pdf.pages ?? 1);
    expect(last).toContain(`นายทดสอบ รายงานยาว ${ROWS}`);
  });
});
