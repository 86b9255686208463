import { join } from 'node:path';
import type { ReportName } from '../../src-shared/contract';
import type { PdfRenderer } from '../../src-main/documents/renderer';
import { bankImportReport } from '../../src-main/reports/bank-import-report';
import type { ReportTable } from '../../src-main/reports/model';
import { buildReport, renderReportFile, type RenderedReport } from '../../src-main/reports/service';
import { shippedHolidayCalendar } from '../../src-main/close/holidays';
import { ROOT } from '../helpers/cli';
import { makeCloseOffice, type CloseOffice } from '../close/close-helpers';
import { lineFor } from '../bank/bank-helpers';
import { ktb256File } from '../fixtures/bank/generate';
import { rasterisePage } from '../documents/reference-documents';

/**
 * The reports that have a reference PNG in tests/fixtures/reports/ (issue 10), made from one fixed
 * ledger on a fresh office with the manual clock never moved (2026-11-23, 09:00 Bangkok), so every
 * printed number, date and time is the same on every run. Regenerate with
 * `npx tsx scripts/make-report-fixtures.ts` only for a deliberate change, and look at each PNG.
 */
export const REPORT_FIXTURE_DIR = join(ROOT, 'tests', 'fixtures', 'reports');
export const REPORT_DATE = '2026-11-23';

export const REFERENCE_REPORTS = [
  { name: 'fines', rule: 'seed 001 §3.1 step 6: to each issuing officer (พินัย ๔), grouped by officer, a cancelled receipt listed not counted' },
  { name: 'bill-payments', rule: 'seed 001 §3.1 step 7: bill payments, one awaiting the bank, remitted by the province' },
  { name: 'receipt-register', rule: 'seed 001 §3.1 step 5: number order, cancelled, reprinted and paper receipts marked' },
  { name: 'register-epayment', rule: 'seed 001 §6: electronic payments register' },
  { name: 'register-cash', rule: "seed 001 §6: cash / cheque / draft / cashier's cheque register" },
  { name: 'remittance', rule: 'seed 001 §3.1 steps 7–8 and §7: group 1.1 deductions at 10 % + 5 %, deadline 09:30 next business day' },
  { name: 'gfmis', rule: 'seed 001 §8: by revenue code and cost centre' },
  { name: 'monthly-summary', rule: 'seed 000: statistics by revenue code, the month' },
  { name: 'fiscal-year-summary', rule: 'seed 000: statistics by revenue code, fiscal year 2570' },
  { name: 'manual-receipts', rule: 'seed 001 §5: the paper receipts keyed after an outage, the outage as a note, signature lines for the head of unit' },
  { name: 'bank-import', rule: 'issue 9: one bank file — matched, exceptions with reasons, duplicates' },
] as const satisfies readonly { name: ReportName | 'bank-import'; rule: string }[];
export type ReferenceReportName = (typeof REFERENCE_REPORTS)[number]['name'];

/** The fixed ledger every reference report is made from. Returns the bank file id. */
export async function buildReferenceLedger(office: CloseOffice): Promise<string> {
  await office.as(office.admin, 'remittance.setRate', { revenueCode: '804001', rewardBasisPoints: 1_000, costBasisPoints: 500 });
  const officerA = 'ร.ต.อ. สมชาย ปรับไว';
  const officerB = 'นายอำเภอเมืองแพร่';
  await office.printedReceipt({ payerName: 'นายสมหมาย ทดสอบ', fineOrderNo: 'พป 77/2569', fineIssuingOfficer: officerA, amountSatang: 150_000 });
  const cancelled = await office.printedReceipt({ payerName: 'นางสาวผิดพลาด ยกเลิก', fineOrderNo: 'พป 78/2569', fineIssuingOfficer: officerA, amountSatang: 50_000 });
  await office.as(office.supervisor, 'receipt.cancel', { book: cancelled.book, number: cancelled.number, reasonCode: 'wrong-amount', reasonText: 'รับเงินผิดจำนวน' });
  const reprinted = await office.printedReceipt({ payerName: 'นายปืน ไม่มีใบอนุญาต', revenueCode: '804004', fineOrderNo: 'พป 79/2569', fineIssuingOfficer: officerB, amountSatang: 1_000_025 }, {
    method: 'cheque',
    detail: { bankName: 'กรุงไทย', branch: 'แพร่', instrumentNo: '00123456', instrumentDate: REPORT_DATE },
  });
  await office.as(office.supervisor, 'receipt.reprint', { book: reprinted.book, number: reprinted.number, reasonCode: 'printer-fault', reasonText: 'กระดาษติด' });
  await office.printedReceipt({ payerName: 'นายช้าง ใช้งาน', revenueCode: '804205', amountSatang: 200_000 });
  const billPaid = await office.as(office.operator, 'request.create', { payerName: 'บริษัท ตัวอย่าง จำกัด', revenueCode: '804003', amountSatang: 500_000, fineOrderNo: 'พป 80/2569', fineIssuingOfficer: officerB });
  await office.as(office.operator, 'payment.recordEvidence', { ref1: billPaid.ref1, bankCode: '006', paidAtMs: office.clock.nowMs() - 3_600_000, bankReference: 'SLIP20261123', amountSatang: 500_000 });
  const epay = await office.as(office.operator, 'receipt.issue', { ref1: billPaid.ref1, payment: { method: 'bill-payment' } });
  await office.as(office.operator, 'receipt.markPrinted', { book: epay.receiptBook, number: epay.receiptNo });
  await office.keyPaperReceipt({ book: 'P-0012', number: 7, businessDate: REPORT_DATE, amountSatang: 30_000 });

  // A bank file: one line pays a bill, one has an unknown reference, one the wrong amount.
  const bankBill = await office.as(office.operator, 'request.create', { payerName: 'นายโอน ผ่านธนาคาร', revenueCode: '804001', amountSatang: 75_000 });
  const wrongAmount = await office.as(office.operator, 'request.create', { payerName: 'นางโอน ไม่ครบ', revenueCode: '804001', amountSatang: 80_000 });
  const file = ktb256File(
    [
      lineFor(bankBill, { customerName: 'นายโอน ผ่านธนาคาร' }),
      lineFor({ ref1: '180540169999999', ref2: bankBill.ref2, amountSatang: 12_300 }, { paymentTime: '10:01:00', customerName: 'ไม่ทราบชื่อ' }),
      lineFor(wrongAmount, { amountSatang: 70_000, paymentTime: '11:15:30', customerName: 'นางโอน ไม่ครบ' }),
    ],
    { effectiveDate: REPORT_DATE },
  );
  const imported = await office.as(office.finance, 'bank.import', { contentBase64: file.toString('base64'), format: 'ktb256' });
  return imported.fileId;
}

export function referenceTable(office: CloseOffice, name: ReferenceReportName, fileId: string): ReportTable {
  const sqlite = office.host.services.database.sqlite;
  if (name === 'bank-import') return bankImportReport(sqlite, fileId, true);
  return buildReport(sqlite, name, REPORT_DATE, undefined, shippedHolidayCalendar());
}

/** Every reference report as PDF, from one fresh office. */
export async function renderReferenceReports(renderer: PdfRenderer): Promise<Map<ReferenceReportName, { table: ReportTable; pdf: RenderedReport }>> {
  const office = await makeCloseOffice();
  try {
    const fileId = await buildReferenceLedger(office);
    const out = new Map<ReferenceReportName, { table: ReportTable; pdf: RenderedReport }>();
    for (const { name } of REFERENCE_REPORTS) {
      const table = referenceTable(office, name, fileId);
      out.set(name, { table, pdf: await renderReportFile(office.host.services.database.sqlite, renderer, table, 'pdf', office.clock.nowMs()) });
    }
    return out;
  } finally {
    office.close();
  }
}

export async function renderReferenceReportPngs(renderer: PdfRenderer): Promise<Map<string, Buffer>> {
  const rendered = await renderReferenceReports(renderer);
  return new Map([...rendered].map(([name, { pdf }]) => [`${name}.png`, rasterisePage(pdf.bytes, 1)]));
}
