import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { archivePdf } from '../../src-main/documents/archive';
import { renderBillSlip } from '../../src-main/documents/bill-slip';
import { renderReport } from '../../src-main/documents/report-layout';
import type { PdfRenderer } from '../../src-main/documents/renderer';
import { ROOT } from '../helpers/cli';
import { makeLedgerOffice, REQUEST } from '../ledger/ledger-helpers';
import { REPORT, SLIP } from './fixtures';

/**
 * The documents that have a reference PNG in `tests/fixtures/documents/`: the same records as
 * documents.test.ts, made on a fresh ledger in a fixed order with the manual clock never moved, so
 * every printed number, date and time (Ref1/Ref2, book/number, issued and reprinted at) is the same
 * on every run. Nothing else that varies (ids, temp paths) is printed.
 */
export const FIXTURE_DIR = join(ROOT, 'tests', 'fixtures', 'documents');

/** 60 dpi gray is enough to see a layout change and keeps each reference small. */
export const RASTER_DPI = 60;

export interface ReferenceDocument {
  readonly name: string;
  readonly description: string;
  /** 1-based pages that have a reference PNG. */
  readonly pages: readonly number[];
}

export const REFERENCE_DOCUMENTS = [
  { name: 'bill-slip', description: 'ใบแจ้งการชำระเงิน, A4, from a ledger request: payer part, cut line, bank part with Code 128 and Thai QR', pages: [1] },
  { name: 'bill-slip-demo', description: 'the same slip of a demo office (fixtures.ts SLIP) with the ตัวอย่าง / DEMO watermark kept off the codes', pages: [1] },
  { name: 'request-form', description: 'คำร้อง, A4, fine order พป 77/2569, with signature lines', pages: [1] },
  { name: 'receipt-a4', description: 'ใบเสร็จรับเงิน A4 cash: page 1 ต้นฉบับ, page 2 สำเนา', pages: [1, 2] },
  { name: 'receipt-a5-reprint', description: 'A5 cheque receipt reprinted twice: one สำเนา-พิมพ์ซ้ำ ครั้งที่ 2 page', pages: [1] },
  { name: 'receipt-cancelled', description: 'A4 cash receipt cancelled (wrong amount): ยกเลิก mark and reason, page 1 (ต้นฉบับ)', pages: [1] },
  { name: 'receipt-thermal', description: '80 mm roll: ต้นฉบับ and สำเนา one after the other with a cut line, one page as tall as its content', pages: [1] },
  { name: 'report', description: 'shared report layout, 70 rows over three A4 pages: page 1 title, office, period, header, หน้า 1/3; page 3 the repeated header, totals, signatures, หน้า 3/3', pages: [1, 3] },
] as const satisfies readonly ReferenceDocument[];

export type ReferenceName = (typeof REFERENCE_DOCUMENTS)[number]['name'];

/** Renders every reference document as PDF bytes, from one fresh ledger office. */
export async function renderReferenceDocuments(renderer: PdfRenderer): Promise<Map<ReferenceName, Uint8Array>> {
  const office = await makeLedgerOffice();
  try {
    const sqlite = office.host.services.database.sqlite;
    const pdfs = new Map<ReferenceName, Uint8Array>();
    const bill = await office.as(office.operator, 'request.create', REQUEST);
    pdfs.set('bill-slip', (await archivePdf(sqlite, renderer, { kind: 'bill', ref1: bill.ref1 })).bytes);
    pdfs.set('bill-slip-demo', (await renderer.renderPdf(await renderBillSlip({ ...SLIP, office: { ...SLIP.office, sample: 'demo' } }))).bytes);

    const request = await office.as(office.operator, 'request.create', { ...REQUEST, fineOrderNo: 'พป 77/2569' });
    pdfs.set('request-form', (await archivePdf(sqlite, renderer, { kind: 'request', ref1: request.ref1 })).bytes);

    const a4 = await office.cashReceipt();
    pdfs.set('receipt-a4', (await archivePdf(sqlite, renderer, { kind: 'receipt', book: a4.book, number: a4.number, paper: 'A4' })).bytes);

    const chequeRequest = await office.as(office.operator, 'request.create', REQUEST);
    const detail = { bankName: 'กรุงไทย', branch: 'แพร่', instrumentNo: '00123456', instrumentDate: '2026-11-20' };
    const cheque = await office.as(office.operator, 'receipt.issue', { ref1: chequeRequest.ref1, payment: { method: 'cheque', detail } });
    const reprinted = { book: cheque.receiptBook, number: cheque.receiptNo };
    await office.as(office.supervisor, 'receipt.reprint', { ...reprinted, reasonCode: 'printer-fault', reasonText: 'กระดาษติด' });
    await office.as(office.supervisor, 'receipt.reprint', { ...reprinted, reasonCode: 'payer-lost', reasonText: 'ผู้ชำระทำหาย' });
    pdfs.set('receipt-a5-reprint', (await archivePdf(sqlite, renderer, { kind: 'receipt', ...reprinted, paper: 'A5' })).bytes);

    const cancelled = await office.cashReceipt();
    await office.as(office.supervisor, 'receipt.cancel', { book: cancelled.book, number: cancelled.number, reasonCode: 'wrong-amount', reasonText: 'รับเงินผิดจำนวน' });
    pdfs.set('receipt-cancelled', (await archivePdf(sqlite, renderer, { kind: 'receipt', book: cancelled.book, number: cancelled.number })).bytes);

    const thermal = await office.cashReceipt();
    pdfs.set('receipt-thermal', (await archivePdf(sqlite, renderer, { kind: 'receipt', book: thermal.book, number: thermal.number, paper: 'thermal-80' })).bytes);

    const rows = Array.from({ length: 70 }, (_, i) => ({ no: String(i + 1), receipt: `E70-5401-1/${i + 1}`, payer: 'นายสมหมาย ทดสอบ', amount: '1,500.00' }));
    pdfs.set('report', (await renderer.renderPdf(renderReport({ ...REPORT, rows, totals: [{ labelTh: 'รวมทั้งสิ้น', value: '105,000.00' }] }))).bytes);
    return pdfs;
  } finally {
    office.close();
  }
}

/** File name of a page's reference: `<name>.png` for page 1, `<name>-page<N>.png` after it. */
export function pngName(name: string, page: number): string {
  return page === 1 ? `${name}.png` : `${name}-page${page}.png`;
}

/** A decoded PNG as one gray value (0 black … 255 white) per pixel, row by row. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly gray: Uint8Array;
}

export function decodeGray(png: Buffer): GrayImage {
  const image = PNG.sync.read(png);
  const gray = new Uint8Array(image.width * image.height);
  // pngjs always decodes to RGBA; a gray page has R = G = B, the mean also covers a colour one.
  for (let i = 0; i < gray.length; i += 1) gray[i] = Math.round(((image.data[i * 4] ?? 0) + (image.data[i * 4 + 1] ?? 0) + (image.data[i * 4 + 2] ?? 0)) / 3);
  return { width: image.width, height: image.height, gray };
}

/** An 8-bit one-channel PNG at the highest compression (half the size of pdftoppm's own RGB output). */
export function encodeGray(image: GrayImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  for (let i = 0; i < image.gray.length; i += 1) {
    const value = image.gray[i] ?? 0;
    png.data[i * 4] = value;
    png.data[i * 4 + 1] = value;
    png.data[i * 4 + 2] = value;
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png, { colorType: 0, inputColorType: 6, deflateLevel: 9 });
}

/**
 * One page of a PDF at RASTER_DPI as an 8-bit gray PNG (`pdftoppm -gray`; this poppler still
 * writes RGB, so it is re-encoded with one channel).
 */
export function rasterisePage(pdf: Uint8Array, page: number): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'ebill-raster-'));
  try {
    const pdfFile = join(dir, 'document.pdf');
    writeFileSync(pdfFile, pdf);
    const prefix = join(dir, 'page');
    execFileSync('pdftoppm', ['-r', String(RASTER_DPI), '-gray', '-png', '-f', String(page), '-l', String(page), '-singlefile', pdfFile, prefix]);
    return encodeGray(decodeGray(readFileSync(`${prefix}.png`)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every reference page rendered now: file name → PNG bytes. */
export async function renderReferencePngs(renderer: PdfRenderer): Promise<Map<string, Buffer>> {
  const pdfs = await renderReferenceDocuments(renderer);
  const pngs = new Map<string, Buffer>();
  for (const doc of REFERENCE_DOCUMENTS) {
    const pdf = pdfs.get(doc.name);
    if (pdf === undefined) throw new Error(`${doc.name} was not rendered`);
    for (const page of doc.pages) pngs.set(pngName(doc.name, page), rasterisePage(pdf, page));
  }
  return pngs;
}

export function writeFixtures(pngs: ReadonlyMap<string, Buffer>): void {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  for (const [file, png] of pngs) writeFileSync(join(FIXTURE_DIR, file), png);
}
