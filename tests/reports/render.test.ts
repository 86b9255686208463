import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChromiumRenderer } from '../../src-main/documents/chromium-renderer';
import type { PdfRenderer } from '../../src-main/documents/renderer';
import type { ReportTable } from '../../src-main/reports/model';
import type { RenderedReport } from '../../src-main/reports/service';
import { formatSatang } from '../../src-shared/money';
import { makeCloseOffice, type CloseOffice } from '../close/close-helpers';
import { decodeGray, encodeGray, rasterisePage, type GrayImage } from '../documents/reference-documents';
import { pdfText } from '../documents/pdf-tools';
import { ROOT } from '../helpers/cli';
import { buildReferenceLedger, REFERENCE_REPORTS, REPORT_DATE, REPORT_FIXTURE_DIR, type ReferenceReportName, referenceTable } from './reference-reports';
import { renderReportFile } from '../../src-main/reports/service';

/**
 * Every report rendered (issue 10): PDF text read back with pdftotext (Thai heading, totals), the
 * XLSX read back with exceljs, page 1 compared with its reference PNG in tests/fixtures/reports/
 * (same tolerance as tests/fixtures/documents/). Rendered files are kept in test-results/reports/.
 */
const OUTPUT_DIR = join(ROOT, 'test-results', 'reports');
const PIXEL_DIFFERENCE_THRESHOLD = 32;
const MAX_CHANGED_PIXEL_FRACTION = 0.001;

let renderer: PdfRenderer;
let office: CloseOffice;
let fileId: string;
const rendered = new Map<ReferenceReportName, { table: ReportTable; pdf: RenderedReport; pdfFile: string }>();

beforeAll(async () => {
  renderer = createChromiumRenderer();
  office = await makeCloseOffice();
  fileId = await buildReferenceLedger(office);
  mkdirSync(OUTPUT_DIR, { recursive: true });
  for (const { name } of REFERENCE_REPORTS) {
    const table = referenceTable(office, name, fileId);
    const pdf = await renderReportFile(office.host.services.database.sqlite, renderer, table, 'pdf', office.clock.nowMs());
    const pdfFile = join(OUTPUT_DIR, `${name}.pdf`);
    writeFileSync(pdfFile, pdf.bytes);
    rendered.set(name, { table, pdf, pdfFile });
  }
}, 120_000);
afterAll(async () => {
  office.close();
  await renderer.close();
});

function changedFraction(reference: GrayImage, actual: GrayImage): { fraction: number; diff: GrayImage } {
  const gray = new Uint8Array(reference.gray.length);
  let changed = 0;
  for (let i = 0; i < gray.length; i += 1) {
    const before = reference.gray[i] ?? 0;
    const isChanged = Math.abs(before - (actual.gray[i] ?? 0)) > PIXEL_DIFFERENCE_THRESHOLD;
    if (isChanged) changed += 1;
    gray[i] = isChanged ? 0 : 255 - Math.round((255 - before) / 8);
  }
  return { fraction: changed / gray.length, diff: { width: reference.width, height: reference.height, gray } };
}

describe('each report rendered as PDF: Thai headings and totals read back, page 1 matches its reference PNG', () => {
  it.each(REFERENCE_REPORTS)('$name ($rule)', ({ name }) => {
    const entry = rendered.get(name);
    expect(entry).toBeDefined();
    if (entry === undefined) return;
    const text = pdfText(entry.pdfFile);
    expect(text).toContain(entry.table.titleTh);
    // A heading may wrap inside its cell (pdftotext then interleaves the cells): its first syllables stay together.
    for (const column of entry.table.columns) expect(text).toContain(column.labelTh.slice(0, 3));
    for (const total of entry.table.totals) expect(text).toContain(formatSatang(total.satang));
    expect(text).toMatch(/พ.ศ.|2569|2570/);
    expect(text).toContain('หน้า 1/1');

    const png = rasterisePage(entry.pdf.bytes, 1);
    const referenceFile = join(REPORT_FIXTURE_DIR, `${name}.png`);
    const actualFile = join(OUTPUT_DIR, `${name}-actual.png`);
    expect(existsSync(referenceFile), `${referenceFile} is missing: run npx tsx scripts/make-report-fixtures.ts and look at it`).toBe(true);
    const reference = decodeGray(readFileSync(referenceFile));
    const actual = decodeGray(png);
    if (actual.width !== reference.width || actual.height !== reference.height) {
      writeFileSync(actualFile, png);
      expect.fail(`${name}: page is ${actual.width}×${actual.height}, the reference ${reference.width}×${reference.height}; new rendering ${actualFile}`);
    }
    const { fraction, diff } = changedFraction(reference, actual);
    if (fraction > MAX_CHANGED_PIXEL_FRACTION) {
      writeFileSync(actualFile, png);
      writeFileSync(join(OUTPUT_DIR, `${name}-diff.png`), encodeGray(diff));
      expect.fail(`${name}: ${(fraction * 100).toFixed(2)} % of pixels changed; new rendering ${actualFile}. If deliberate, run npx tsx scripts/make-report-fixtures.ts and look at it.`);
    }
  });

  it('tests/fixtures/reports holds exactly these references', () => {
    expect(readdirSync(REPORT_FIXTURE_DIR).filter((f) => f.endsWith('.png')).sort()).toEqual(REFERENCE_REPORTS.map((r) => `${r.name}.png`).sort());
  });

  it('the fines report names each issuing officer with a subtotal, and marks the cancelled receipt', () => {
    const text = pdfText(rendered.get('fines')?.pdfFile ?? '');
    expect(text).toContain('รวมผู้ออกคำสั่ง ร.ต.อ. สมชาย ปรับไว (1 ราย) 1,500.00');
    expect(text).toContain('รวมผู้ออกคำสั่ง นายอำเภอเมืองแพร่ (2 ราย) 15,000.25');
    expect(text).toContain('ยกเลิก');
    expect(text).toContain('รวมเงิน (ไม่รวมใบเสร็จที่ยกเลิก) 18,800.25');
  });

  it('the manual-receipts report lists the keyed paper leaf, the outage it was written in, and the head of unit signs it', () => {
    const text = pdfText(rendered.get('manual-receipts')?.pdfFile ?? '');
    expect(text).toContain('P-0012/7');
    expect(text).toContain('ระบบขัดข้อง 23 พฤศจิกายน 2569 เวลา 00:00');
    expect(text).toContain('หัวหน้าหน่วยงาน');
    expect(text).toMatch(/รวมเงิน \(ไม่รวมใบเสร็จที่ยกเลิก\)\s+300\.00/);
  });

  it('the bank import report lists each exception with its reason and the duplicate count', () => {
    const text = pdfText(rendered.get('bank-import')?.pdfFile ?? '');
    expect(text).toContain('ไม่พบเลขอ้างอิง');
    expect(text.replace(/\s/g, '')).toContain('จำนวนเงินไม่ตรงกับใบแจ้ง');
    expect(text).toMatch(/3 บรรทัด · จับคู่ได้ 1 · ผิดปกติ 2 · ซ้ำกับที่นำเข้าแล้ว 0/);
  });
});

describe('report.render through the contract: XLSX and CSV, roles', () => {
  it.each(['fines', 'receipt-register', 'remittance', 'gfmis'] as const)('%s as XLSX: Thai title, headings, amounts as numbers, totals', async (name) => {
    const result = await office.as(office.finance, 'report.render', { name, date: REPORT_DATE, format: 'xlsx' });
    const table = rendered.get(name)?.table;
    expect(result.totalSatang).toBe(table?.totalSatang);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(result.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getCell('A1').value).toBe(table?.titleTh);
    expect(sheet?.getRow(7).values).toEqual([undefined, ...(table?.columns.map((c) => c.labelTh) ?? [])]);
    const totalRow = sheet?.getRows(1, sheet.rowCount)?.find((r) => r.getCell(1).text.startsWith('รวมเงิน'));
    expect(totalRow?.values).toContain((table?.totalSatang ?? 0) / 100);
  });

  it('GFMIS as CSV: one line per revenue code, amounts in baht with two decimals', async () => {
    const result = await office.as(office.finance, 'report.render', { name: 'gfmis', date: REPORT_DATE, format: 'csv' });
    const lines = Buffer.from(result.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Date,Cost centre,Revenue code,Sub-code,Item,Receipts,Amount (baht)');
    expect(lines.slice(1).map((l) => l.split(',').at(-1))).toEqual(['1800.00', '5000.00', '10000.25', '2000.00']);
    expect(result.rows).toBe(4);
  });

  it('the auditor reads reports; an operator may not; bad periods are refused', async () => {
    expect((await office.as(office.auditor, 'report.table', { name: 'receipt-register', date: REPORT_DATE })).table.rows).toHaveLength(6);
    expect(await office.call(office.operator, 'report.table', { name: 'fines', date: REPORT_DATE })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The paper receipts of the day (seed 001 §5), from the same facts as the receipt register.
    const manual = (await office.as(office.finance, 'report.table', { name: 'manual-receipts', date: REPORT_DATE })).table;
    expect(manual.rows.map((r) => r.cells['receipt'])).toEqual(['P-0012/7']);
    expect(manual.totalSatang).toBe(30_000);
    expect(await office.call(office.finance, 'report.table', { name: 'fines', date: REPORT_DATE, to: '2026-11-01' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(await office.call(office.finance, 'report.table', { name: 'fines', date: '2025-01-01', to: '2026-11-01' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('the bank import report as XLSX lists every line of the file', async () => {
    const result = await office.as(office.finance, 'report.bankImport', { fileId, format: 'xlsx' });
    expect(result.rows).toBe(3);
    expect(result.totalSatang).toBe(75_000 + 12_300 + 70_000);
  });
});
