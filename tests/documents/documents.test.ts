import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bahtText } from '../../src-shared/baht-text';
import { formatThaiDate, parseBusinessDate } from '../../src-shared/dates';
import { unwrap } from '../../src-shared/result';
import { archivePdf } from '../../src-main/documents/archive';
import { renderBillSlip } from '../../src-main/documents/bill-slip';
import { createChromiumRenderer } from '../../src-main/documents/chromium-renderer';
import { renderReceipt } from '../../src-main/documents/receipt';
import { renderReport } from '../../src-main/documents/report-layout';
import type { PdfRenderer } from '../../src-main/documents/renderer';
import { makeLedgerOffice, REQUEST, type LedgerOffice } from '../ledger/ledger-helpers';
import { launchChromium } from '../helpers/web-shell';
import { RECEIPT, REPORT, SLIP } from './fixtures';
import { decodeSymbols, pdfFonts, pdfPageSizeMm, pdfPageText, pdfText, previewPngs, savePdf } from './pdf-tools';

/**
 * Every document of a real ledger record rendered to PDF by Debian's Chromium, then read back
 * the way a bank, an auditor and a printer would: zbarimg, pdffonts, pdftotext, pdfinfo.
 */
let office: LedgerOffice;
let renderer: PdfRenderer;

const thaiDate = (date: string): string => formatThaiDate(unwrap(parseBusinessDate(date)));
const pdfPages = (file: string): number => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);

beforeAll(async () => {
  office = await makeLedgerOffice();
  renderer = createChromiumRenderer();
});
afterAll(async () => {
  await renderer.close();
  office.close();
});

function expectOnlyEmbeddedSarabun(file: string): void {
  const fonts = pdfFonts(file);
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) {
    expect(font.embedded, `${font.name} is embedded`).toBe(true);
    expect(font.name).toMatch(/\+Sarabun-/);
  }
}

describe('bill payment slip (ใบแจ้งการชำระเงิน)', () => {
  it('carries exactly the barcode and QR texts of bill.show, readable at 300 dpi, with Ref1, Ref2, B.E. dates and the amount in words', async () => {
    const request = await office.as(office.operator, 'request.create', REQUEST);
    const bill = await office.as(office.operator, 'bill.show', { ref1: request.ref1 });
    const sqlite = office.host.services.database.sqlite;
    const pdf = await archivePdf(sqlite, renderer, { kind: 'bill', ref1: request.ref1 });
    const file = savePdf('bill-slip', pdf.bytes);
    previewPngs(file);
    expect(pdf.pages).toBe(1);
    expect(pdfPages(file)).toBe(1);
    const size = pdfPageSizeMm(file);
    expect(size.widthMm).toBeCloseTo(210, 0);
    expect(size.heightMm).toBeCloseTo(297, 0);

    const symbols = decodeSymbols(file);
    expect(symbols).toContainEqual({ type: 'CODE-128', text: bill.barcodeText });
    expect(symbols).toContainEqual({ type: 'QR-Code', text: bill.qrText });
    expect(symbols).toHaveLength(2);

    expectOnlyEmbeddedSarabun(file);
    const text = pdfText(file);
    expect(text).toContain(bahtText(bill.amountSatang));
    expect(text).toContain('1,500.00');
    expect(text).toContain(thaiDate(request.businessDate));
    expect(text).toContain(thaiDate(bill.dueDate));
    expect(text).toContain(bill.ref1);
    expect(text).toContain(bill.ref2);
    expect(text).toContain(bill.billerId);
    expect(text).toContain('ที่ทำการปกครองอำเภอเมืองแพร่');
    expect(text).toContain('ส่วนที่ 1 สำหรับผู้ชำระเงิน');
    expect(text).toContain('ส่วนที่ 2 สำหรับธนาคาร');
  });

  it('a demo office marks the slip ตัวอย่าง / DEMO and both codes still read back exactly', async () => {
    const pdf = await renderer.renderPdf(await renderBillSlip({ ...SLIP, office: { ...SLIP.office, sample: 'demo' } }));
    const file = savePdf('bill-slip-demo', pdf.bytes);
    previewPngs(file);
    const symbols = decodeSymbols(file);
    expect(symbols).toContainEqual({ type: 'CODE-128', text: SLIP.barcodeText });
    expect(symbols).toContainEqual({ type: 'QR-Code', text: SLIP.qrText });
    // The mark is rotated, so pdftotext spells it out letter by letter.
    expect(pdfText(file).replace(/\s/g, '')).toContain('OMED');
  });

  it('no mark (ตัวอย่าง, สำเนา, ยกเลิก) overlaps the barcode or the QR code', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const documents = [
        await renderBillSlip({ ...SLIP, office: { ...SLIP.office, sample: 'training' } }),
        renderReceipt({ ...RECEIPT, office: { ...RECEIPT.office, sample: 'demo' }, cancellation: { reasonTh: 'ออกซ้ำ', reasonText: '', businessDate: '2026-11-23' } }, { paper: 'A5', copies: { kind: 'original-and-copy' } }),
      ];
      for (const doc of documents) {
        await page.setContent(doc.html);
        const boxes = await page.evaluate(() => {
          type Box = { left: number; right: number; top: number; bottom: number };
          const rect = (e: Element): Box => e.getBoundingClientRect().toJSON() as Box;
          // A mark's box is clipped to its zone (overflow: hidden): only the intersection is painted.
          const visible = (span: Element): Box => {
            const a = rect(span);
            const zone = span.parentElement === null ? a : rect(span.parentElement);
            return { left: Math.max(a.left, zone.left), right: Math.min(a.right, zone.right), top: Math.max(a.top, zone.top), bottom: Math.min(a.bottom, zone.bottom) };
          };
          return {
            marks: Array.from(document.querySelectorAll('.watermark span, .cancel-mark span')).map(visible),
            codes: Array.from(document.querySelectorAll('.code')).map(rect),
          };
        });
        expect(boxes.marks.length).toBeGreaterThan(0);
        for (const mark of boxes.marks) {
          for (const code of boxes.codes) {
            const overlaps = mark.left < code.right && code.left < mark.right && mark.top < code.bottom && code.top < mark.bottom;
            expect(overlaps, `${doc.kind}: mark ${JSON.stringify(mark)} overlaps code ${JSON.stringify(code)}`).toBe(false);
          }
        }
      }
      expect(documents[0]?.html).toContain('ตัวอย่าง / TRAINING');
    } finally {
      await browser.close();
    }
  });
});

describe('request form (คำร้อง)', () => {
  it('prints the request with its Ref1, Ref2, amount in words and B.E. date', async () => {
    const request = await office.as(office.operator, 'request.create', { ...REQUEST, fineOrderNo: 'พป 77/2569' });
    const pdf = await archivePdf(office.host.services.database.sqlite, renderer, { kind: 'request', ref1: request.ref1 });
    const file = savePdf('request-form', pdf.bytes);
    previewPngs(file);
    expect(pdf.pages).toBe(1);
    expectOnlyEmbeddedSarabun(file);
    const text = pdfText(file);
    for (const expected of [request.ref1, request.ref2, request.requestNo, bahtText(request.amountSatang), thaiDate(request.businessDate), 'พป 77/2569', REQUEST.payerName]) {
      expect(text).toContain(expected);
    }
  });
});

describe('receipt (ใบเสร็จรับเงิน)', () => {
  it('A4: ต้นฉบับ and สำเนา in one print, book/number, B.E. date, total in words, receiver', async () => {
    const { book, number } = await office.cashReceipt();
    const pdf = await archivePdf(office.host.services.database.sqlite, renderer, { kind: 'receipt', book, number, paper: 'A4' });
    const file = savePdf('receipt-a4', pdf.bytes);
    previewPngs(file);
    expect(pdf.pages).toBe(2);
    expect(pdfPages(file)).toBe(2);
    expectOnlyEmbeddedSarabun(file);
    const text = pdfText(file);
    const receipt = await office.as(office.operator, 'receipt.get', { book, number });
    for (const expected of ['ต้นฉบับ', 'สำเนา', 'ใบเสร็จรับเงิน', book, 'เลขที่ 1', thaiDate(receipt.businessDate), bahtText(receipt.amountSatang), '804001', 'เงินสด', receipt.receiverNameTh]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('ยกเลิก');
    expect(text).not.toContain('พิมพ์ซ้ำ');
  });

  it('A5 with cheque details; a reprint renders as สำเนา-พิมพ์ซ้ำ with its copy number and date', async () => {
    const request = await office.as(office.operator, 'request.create', REQUEST);
    const detail = { bankName: 'กรุงไทย', branch: 'แพร่', instrumentNo: '00123456', instrumentDate: '2026-11-20' };
    const issued = await office.as(office.operator, 'receipt.issue', { ref1: request.ref1, payment: { method: 'cheque', detail } });
    const target = { kind: 'receipt', book: issued.receiptBook, number: issued.receiptNo, paper: 'A5' } as const;
    await office.as(office.supervisor, 'receipt.reprint', { book: target.book, number: target.number, reasonCode: 'printer-fault', reasonText: 'กระดาษติด' });
    await office.as(office.supervisor, 'receipt.reprint', { book: target.book, number: target.number, reasonCode: 'payer-lost', reasonText: 'ผู้ชำระทำหาย' });
    const pdf = await archivePdf(office.host.services.database.sqlite, renderer, target);
    const file = savePdf('receipt-a5-reprint', pdf.bytes);
    previewPngs(file);
    expect(pdf.pages).toBe(1);
    const size = pdfPageSizeMm(file);
    expect(size.widthMm).toBeCloseTo(148, 0);
    expect(size.heightMm).toBeCloseTo(210, 0);
    const text = pdfText(file);
    expect(text).toContain('สำเนา-พิมพ์ซ้ำ ครั้งที่ 2');
    expect(text).toContain('พิมพ์ซ้ำเมื่อ');
    expect(text).toContain('เช็ค ธนาคารกรุงไทย สาขาแพร่ เลขที่ 00123456');
    expect(text).toContain(thaiDate('2026-11-20'));
    expect(text).not.toContain('ต้นฉบับ');
  });

  it('a cancelled receipt renders ยกเลิก with the reason on every copy', async () => {
    const { book, number } = await office.cashReceipt();
    await office.as(office.supervisor, 'receipt.cancel', { book, number, reasonCode: 'wrong-amount', reasonText: 'รับเงินผิดจำนวน' });
    const pdf = await archivePdf(office.host.services.database.sqlite, renderer, { kind: 'receipt', book, number });
    const file = savePdf('receipt-cancelled', pdf.bytes);
    previewPngs(file);
    const text = pdfText(file);
    expect(text.match(/เหตุผล: จำนวนเงินไม่ถูกต้อง \(รับเงินผิดจำนวน\)/g)).toHaveLength(2);
    expect(text).toContain('ยกเลิก');
  });

  it('80 mm thermal: one roll page 80 mm wide, as tall as its content', async () => {
    const { book, number } = await office.cashReceipt();
    const pdf = await archivePdf(office.host.services.database.sqlite, renderer, { kind: 'receipt', book, number, paper: 'thermal-80' });
    const file = savePdf('receipt-thermal', pdf.bytes);
    previewPngs(file);
    expect(pdf.pages).toBe(1);
    const size = pdfPageSizeMm(file);
    expect(size.widthMm).toBeGreaterThanOrEqual(80);
    expect(size.widthMm).toBeLessThan(80.5);
    // Two copies of a one-line receipt: well under a metre, more than an A5's height.
    expect(size.heightMm).toBeGreaterThan(150);
    expect(size.heightMm).toBeLessThan(600);
    const text = pdfText(file);
    expect(text).toContain('ต้นฉบับ');
    expect(text).toContain('สำเนา');
    expectOnlyEmbeddedSarabun(file);
  });

  it('refuses an unknown receipt or bill with NOT_FOUND and writes nothing', async () => {
    const before = office.ledgerSnapshot();
    const sqlite = office.host.services.database.sqlite;
    await expect(archivePdf(sqlite, renderer, { kind: 'receipt', book: 'E70-5401-1', number: 9999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(archivePdf(sqlite, renderer, { kind: 'bill', ref1: '199999999999999' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(office.ledgerSnapshot()).toBe(before);
  });
});

describe('report layout', () => {
  it('flows a long table over A4 pages with the header repeated and the totals once', async () => {
    const rows = Array.from({ length: 70 }, (_, i) => ({ no: String(i + 1), receipt: `E70-5401-1/${i + 1}`, payer: 'นายสมหมาย ทดสอบ', amount: '1,500.00' }));
    const pdf = await renderer.renderPdf(renderReport({ ...REPORT, rows, totals: [{ labelTh: 'รวมทั้งสิ้น', value: '105,000.00' }] }));
    const file = savePdf('report', pdf.bytes);
    previewPngs(file);
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    const text = pdfText(file);
    expect(text.match(/เล่มที่\/เลขที่/g)?.length).toBe(pdf.pages);
    expect(text.match(/รวมทั้งสิ้น/g)).toHaveLength(1);
    expect(text).toContain('ประจำวันที่ 23 พฤศจิกายน 2569');
    expect(text).toContain('ผู้ตรวจสอบ');
    // "หน้า i/N" on every page, counted by the renderer, in the bundled font.
    for (let page = 1; page <= pdf.pages; page += 1) expect(pdfPageText(file, page)).toContain(`หน้า ${page}/${pdf.pages}`);
    expect(pdfFonts(file).every((font) => font.embedded && font.name.includes('Sarabun'))).toBe(true);
  });

  it('numbers the pages in Thai digits when the office prints Thai digits', async () => {
    const rows = Array.from({ length: 70 }, (_, i) => ({ no: String(i + 1), receipt: `E70-5401-1/${i + 1}`, payer: 'นายสมหมาย ทดสอบ', amount: '1,500.00' }));
    const pdf = await renderer.renderPdf(renderReport({ ...REPORT, office: { ...REPORT.office, digits: 'thai' }, rows }));
    const file = savePdf('report-thai-digits', pdf.bytes);
    previewPngs(file);
    expect(pdf.pages).toBeGreaterThanOrEqual(2);
    const thai = (n: number): string => String(n).replace(/\d/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)] ?? d);
    for (let page = 1; page <= pdf.pages; page += 1) expect(pdfPageText(file, page)).toContain(`หน้า ${thai(page)}/${thai(pdf.pages)}`);
    expect(pdfText(file)).not.toMatch(/หน้า \d/);
  });
});
