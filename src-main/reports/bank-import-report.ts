import type Database from 'better-sqlite3';
import type { BankExceptionKind } from '../../src-shared/domain/bank';
import { businessDateOf, formatThaiDateNumeric, formatThaiDateTime, type BusinessDate } from '../../src-shared/dates';
import { CodedError } from '../../src-shared/result';
import { prepared } from '../ledger/statements';
import type { ReportColumn, ReportRow, ReportTable } from './model';

export const EXCEPTION_KIND_TH: Readonly<Record<BankExceptionKind, string>> = {
  'unknown-reference': 'ไม่พบเลขอ้างอิง',
  'ref2-check-digits': 'Ref2 เลขตรวจสอบไม่ถูกต้อง',
  'reference-mismatch': 'Ref1 และ Ref2 ไม่ตรงกัน',
  'other-office': 'เป็นของสำนักงานอื่น',
  'amount-differs': 'จำนวนเงินไม่ตรงกับใบแจ้ง',
  'already-paid': 'ชำระแล้ว (ซ้ำ)',
  'bill-cancelled': 'คำร้องถูกยกเลิก',
  'paid-after-due': 'ชำระหลังวันครบกำหนด',
  'provisional-contradicted': 'ไม่ตรงกับหลักฐานของผู้ชำระ',
  'debit-record': 'รายการหักบัญชี',
};

interface FileRow {
  id: string;
  format: string;
  sha256: string;
  effectiveDate: string | null;
  lineCount: number;
  matchedCount: number;
  exceptionCount: number;
  duplicateCount: number;
  forwardedCount: number;
  creditTotalSatang: number;
  importedAtMs: number;
}

interface LineRow {
  lineNo: number;
  paymentDate: string;
  paymentTime: string;
  ref1: string;
  ref2: string;
  customerName: string;
  kind: string;
  amountSatang: number;
  outcome: 'matched' | 'exception' | 'forwarded';
  exceptionKind: BankExceptionKind | null;
  detail: string | null;
}

const col = (key: string, labelTh: string, labelEn: string, kind: ReportColumn['kind']): ReportColumn => ({ key, labelTh, labelEn, kind });

/**
 * รายงานการนำเข้าข้อมูลจากธนาคาร (issue 9): one imported file — its lines, what matched, each exception
 * with its reason, and how many lines were duplicates of payments already stored. `exceptionsOnly`
 * (the PDF) lists only the exceptions, which are what the finance officer acts on; the XLSX lists every line.
 */
export function bankImportReport(sqlite: Database.Database, fileId: string, exceptionsOnly: boolean): ReportTable {
  const file = prepared(
    sqlite,
    `SELECT id, format, sha256, effective_date AS effectiveDate, line_count AS lineCount, matched_count AS matchedCount, exception_count AS exceptionCount,
       duplicate_count AS duplicateCount, forwarded_count AS forwardedCount, credit_total_satang AS creditTotalSatang, imported_at_ms AS importedAtMs FROM bank_files WHERE id = ?`,
  ).get(fileId) as FileRow | undefined;
  if (file === undefined) throw new CodedError('NOT_FOUND', `No imported bank file ${fileId}`);
  const lines = prepared(
    sqlite,
    `SELECT p.line_no AS lineNo, p.payment_date AS paymentDate, p.payment_time AS paymentTime, p.ref1, p.ref2, p.customer_name AS customerName, p.kind,
       p.amount_satang AS amountSatang, p.outcome, x.kind AS exceptionKind, x.detail
     FROM bank_payments p LEFT JOIN bank_exceptions x ON x.payment_id = p.id WHERE p.file_id = ? ORDER BY p.line_no`,
  ).all(fileId) as LineRow[];
  const listed = exceptionsOnly ? lines.filter((l) => l.outcome === 'exception') : lines;
  const rows: ReportRow[] = listed.map((l) => ({
    kind: 'item',
    cells: {
      line: l.lineNo,
      paid: `${formatThaiDateNumeric(l.paymentDate as BusinessDate)} ${l.paymentTime.slice(0, 5)}`,
      ref1: l.ref1,
      ref2: l.ref2,
      customer: l.customerName,
      outcome: l.outcome === 'matched' ? 'จับคู่ได้' : l.outcome === 'forwarded' ? `ของอำเภอ ${l.ref1.slice(3, 7)} ส่งต่อส่วนกลาง` : `${EXCEPTION_KIND_TH[l.exceptionKind ?? 'unknown-reference']}`,
      amount: l.kind === 'D' ? -l.amountSatang : l.amountSatang,
    },
  }));
  const sum = (pick: (l: LineRow) => boolean) => lines.filter(pick).reduce((s, l) => s + (l.kind === 'D' ? -l.amountSatang : l.amountSatang), 0);
  const date = file.effectiveDate ?? businessDateOf(file.importedAtMs);
  return {
    name: 'bank-import',
    titleTh: 'รายงานการนำเข้าข้อมูลการรับชำระเงินจากธนาคาร',
    titleEn: 'Bank file import report',
    ruleTh: 'ระเบียบ ข้อ 3.1 (4)–(5), (8): ตรวจสอบกับข้อมูลจากธนาคาร เก็บไว้ให้สำนักงานการตรวจเงินแผ่นดินตรวจสอบ',
    period: { from: date, to: date },
    columns: [
      col('line', 'บรรทัด', 'Line', 'count'),
      col('paid', 'วันเวลาที่ชำระ', 'Paid at', 'text'),
      col('ref1', 'Ref1', 'Ref1', 'text'),
      col('ref2', 'Ref2', 'Ref2', 'text'),
      col('customer', 'ชื่อผู้ชำระ', 'Customer', 'text'),
      col('outcome', 'ผล', 'Outcome', 'text'),
      col('amount', 'จำนวนเงิน (บาท)', 'Amount (baht)', 'satang'),
    ],
    rows,
    totals: [
      { labelTh: `จับคู่ได้ ${file.matchedCount} รายการ`, labelEn: `Matched, ${file.matchedCount} lines`, satang: sum((l) => l.outcome === 'matched') },
      { labelTh: `รายการผิดปกติ ${file.exceptionCount} รายการ`, labelEn: `Exceptions, ${file.exceptionCount} lines`, satang: sum((l) => l.outcome === 'exception') },
      ...(file.forwardedCount === 0
        ? []
        : [{ labelTh: `ของอำเภออื่นในจังหวัด ส่งส่วนกลาง ${file.forwardedCount} รายการ`, labelEn: `Of other district offices, sent to central, ${file.forwardedCount} lines`, satang: sum((l) => l.outcome === 'forwarded') }]),
    ],
    totalSatang: sum(() => true),
    signatures: [{ roleTh: 'เจ้าหน้าที่การเงินและบัญชี' }],
    notesTh: [
      `แฟ้ม ${file.format} · ${file.lineCount} บรรทัด · จับคู่ได้ ${file.matchedCount} · ผิดปกติ ${file.exceptionCount} · ซ้ำกับที่นำเข้าแล้ว ${file.duplicateCount}${file.forwardedCount === 0 ? '' : ` · ของอำเภออื่นในจังหวัด ส่งส่วนกลาง ${file.forwardedCount}`}`,
      `นำเข้าเมื่อ ${formatThaiDateTime(file.importedAtMs)} · SHA-256 ${file.sha256.slice(0, 16)}…`,
    ],
  };
}

export function bankImportCounts(sqlite: Database.Database, fileId: string): { lines: number; duplicates: number } {
  const row = prepared(sqlite, 'SELECT line_count AS lines, duplicate_count AS duplicates FROM bank_files WHERE id = ?').get(fileId) as { lines: number; duplicates: number } | undefined;
  return row ?? { lines: 0, duplicates: 0 };
}
