import type Database from 'better-sqlite3';
import { businessDateOf, formatBangkokTime, parseBusinessDate } from '../../src-shared/dates';
import { formatSatang } from '../../src-shared/money';
import { CodedError } from '../../src-shared/result';
import { readOfficeHeader } from '../documents/document-data';
import type { ReportData } from '../documents/model';
import type { PdfRenderer, RenderedPdf } from '../documents/renderer';
import { renderReport } from '../documents/report-layout';
import type { ReceiptMethod } from '../../src-shared/domain/reasons';
import { prepared } from '../ledger/statements';
import { listUnkeyedPaperLeaves } from './pending';
import { allOutages } from './sources';

/**
 * The same-day report of manual receipts for the head of unit (seed 001 §5): every paper receipt
 * whose paper date is that business date, the outages of that day with their causes, the leaves
 * written but not keyed yet, and signature lines. Totals exclude cancelled receipts (cli.md `report`).
 */

export interface ManualReceiptRow {
  readonly receiptBook: string;
  readonly receiptNo: number;
  readonly payerName: string;
  readonly revenueCode: string;
  readonly amountSatang: number;
  readonly method: ReceiptMethod;
  readonly outageId: string | null;
  readonly fieldOrderNo: string | null;
  readonly keyedByUsername: string;
  readonly keyedAtMs: number;
  readonly isCancelled: boolean;
}

export interface ManualReportOutage {
  readonly outageId: string;
  readonly startedAtMs: number;
  readonly endedAtMs: number | null;
  readonly cause: string;
  readonly reportedByUsername: string | null;
}

export interface ManualReceiptsReport {
  readonly businessDate: string;
  readonly receipts: readonly ManualReceiptRow[];
  readonly outages: readonly ManualReportOutage[];
  readonly unkeyedLeaves: readonly { book: string; leaf: number }[];
  /** Receipts in force (not cancelled). */
  readonly count: number;
  readonly totalSatang: number;
}

interface Row extends Omit<ManualReceiptRow, 'isCancelled'> {
  isCancelled: number;
}

export function loadManualReceiptsReport(sqlite: Database.Database, businessDate: string, nowMs: number): ManualReceiptsReport {
  if (!parseBusinessDate(businessDate).ok) throw new CodedError('BAD_INPUT', `date: ${businessDate.slice(0, 32)} is not a date (YYYY-MM-DD)`);
  const rows = prepared(
    sqlite,
    `SELECT rc.book AS receiptBook, rc.number AS receiptNo, rc.payer_name AS payerName, rc.revenue_code AS revenueCode, rc.amount_satang AS amountSatang,
            rc.method, k.outage_id AS outageId, f.order_no AS fieldOrderNo, coalesce(u.username, k.keyed_by_user_id) AS keyedByUsername, k.keyed_at_ms AS keyedAtMs,
            EXISTS (SELECT 1 FROM receipt_events e WHERE e.receipt_id = rc.id AND e.kind = 'cancelled') AS isCancelled
     FROM receipts rc JOIN paper_receipt_keyings k ON k.receipt_id = rc.id
     LEFT JOIN field_orders f ON f.id = k.field_order_id LEFT JOIN users u ON u.id = k.keyed_by_user_id
     WHERE rc.is_paper = 1 AND rc.business_date = ?
     ORDER BY rc.book, rc.number`,
  ).all(businessDate) as Row[];
  const receipts = rows.map((r) => ({ ...r, isCancelled: r.isCancelled === 1 }));
  const inForce = receipts.filter((r) => !r.isCancelled);
  const outages = allOutages(sqlite)
    .filter((o) => businessDateOf(o.startedAtMs) <= businessDate && businessDateOf(o.endedAtMs ?? nowMs) >= businessDate)
    .map((o) => ({ outageId: o.outageId, startedAtMs: o.startedAtMs, endedAtMs: o.endedAtMs, cause: o.cause, reportedByUsername: o.reportedByUsername }))
    .reverse();
  return {
    businessDate,
    receipts,
    outages,
    unkeyedLeaves: listUnkeyedPaperLeaves(sqlite, businessDate).map((l) => ({ book: l.book, leaf: l.leaf })),
    count: inForce.length,
    totalSatang: inForce.reduce((sum, r) => sum + r.amountSatang, 0),
  };
}

const METHOD_TH: Readonly<Record<ReceiptMethod, string>> = {
  cash: 'เงินสด',
  cheque: 'เช็ค',
  draft: 'ดราฟต์',
  'cashier-cheque': 'แคชเชียร์เช็ค',
  'bill-payment': 'ชำระผ่านธนาคาร',
};

/** The report in the documents' shared report layout (title, office, date, table, totals, signature lines). */
export function manualReceiptsReportData(sqlite: Database.Database, report: ManualReceiptsReport, printedAtMs: number, preparedByNameTh?: string): ReportData {
  const office = readOfficeHeader(sqlite);
  const money = (satang: number): string => formatSatang(satang, { digits: office.digits });
  const time = (ms: number): string => formatBangkokTime(ms, { digits: office.digits });
  const outageRows = report.outages.map((o) => ({
    labelTh: `ระบบขัดข้อง ${time(o.startedAtMs)}–${o.endedAtMs === null ? 'ยังไม่สิ้นสุด' : time(o.endedAtMs)} น. สาเหตุ: ${o.cause}${o.reportedByUsername === null ? '' : ` (ผู้แจ้ง ${o.reportedByUsername})`}`,
    value: '',
  }));
  return {
    office,
    titleTh: 'รายงานการออกใบเสร็จรับเงินด้วยมือ (ระบบขัดข้อง / ออกรับเงินนอกสำนักงาน)',
    period: { from: report.businessDate, to: report.businessDate },
    printedAtMs,
    columns: [
      { key: 'no', labelTh: 'ลำดับ', align: 'center' },
      { key: 'receipt', labelTh: 'เล่ม/เลขที่' },
      { key: 'payer', labelTh: 'ผู้ชำระเงิน' },
      { key: 'revenue', labelTh: 'รายได้', align: 'center' },
      { key: 'method', labelTh: 'วิธีชำระ' },
      { key: 'source', labelTh: 'เหตุ' },
      { key: 'keyed', labelTh: 'ผู้บันทึก' },
      { key: 'amount', labelTh: 'จำนวนเงิน (บาท)', align: 'right' },
    ],
    rows: report.receipts.map((r, i) => ({
      no: String(i + 1),
      receipt: `${r.receiptBook}/${r.receiptNo}`,
      payer: r.payerName,
      revenue: r.revenueCode,
      method: METHOD_TH[r.method],
      source: r.fieldOrderNo === null ? 'ระบบขัดข้อง' : `คำสั่งออกรับเงิน ${r.fieldOrderNo}`,
      keyed: `${r.keyedByUsername} ${time(r.keyedAtMs)}`,
      amount: r.isCancelled ? `ยกเลิก (${money(r.amountSatang)})` : money(r.amountSatang),
    })),
    totals: [
      { labelTh: `รวม ${report.count} ใบ (ไม่รวมใบที่ยกเลิก)`, value: money(report.totalSatang) },
      ...(report.unkeyedLeaves.length === 0
        ? []
        : [{ labelTh: `ใบเสร็จที่เขียนแล้วแต่ยังไม่บันทึกเข้าระบบ: ${report.unkeyedLeaves.map((l) => `${l.book}/${l.leaf}`).join(', ')}`, value: `${report.unkeyedLeaves.length} ใบ` }]),
      ...outageRows,
    ],
    signatures: [{ roleTh: 'ผู้จัดทำรายงาน', ...(preparedByNameTh === undefined ? {} : { nameTh: preparedByNameTh }) }, { roleTh: 'หัวหน้าหน่วยงาน' }],
  };
}

/** The PDF of the report, with its data (what the totals are checked against). */
export async function manualReceiptsPdf(
  sqlite: Database.Database,
  renderer: PdfRenderer,
  businessDate: string,
  printedAtMs: number,
  preparedByNameTh?: string,
): Promise<{ pdf: RenderedPdf; report: ManualReceiptsReport }> {
  const report = loadManualReceiptsReport(sqlite, businessDate, printedAtMs);
  const pdf = await renderer.renderPdf(renderReport(manualReceiptsReportData(sqlite, report, printedAtMs, preparedByNameTh)));
  return { pdf, report };
}
