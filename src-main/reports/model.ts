import type { RevenueCatalog } from '../../src-shared/catalog';
import { formatThaiDateNumeric, type BusinessDate, type HolidayCalendar } from '../../src-shared/dates';
import type { ReceiptMethod } from '../../src-shared/domain/reasons';
import type { DeductionRate } from '../close/deductions';
import type { RemittanceRecord } from '../close/remittance';
import type { OfficeFacts, ReceiptFact } from './facts';

/** A report as data (issue 10): rows and totals first; PDF and XLSX are renderings of this. */
export type CellValue = string | number | null;

export interface ReportColumn {
  readonly key: string;
  readonly labelTh: string;
  readonly labelEn: string;
  /** `satang` cells are integer satang, `date` cells YYYY-MM-DD; both are formatted only when rendered. */
  readonly kind: 'text' | 'satang' | 'date' | 'count';
}

export interface ReportRow {
  /** `item` rows are counted; `group` heads a group, `subtotal` closes it. */
  readonly kind: 'item' | 'group' | 'subtotal';
  readonly cells: Readonly<Record<string, CellValue>>;
}

export interface ReportTotal {
  readonly labelTh: string;
  readonly labelEn: string;
  readonly satang: number;
}

export interface ReportTable {
  readonly name: string;
  readonly titleTh: string;
  readonly titleEn: string;
  /** Which rule of seed 001 the report serves. */
  readonly ruleTh: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
  readonly totals: readonly ReportTotal[];
  /** The money the report covers, cancelled receipts excluded (cli.md `totalSatang`). */
  readonly totalSatang: number;
  readonly signatures: readonly { readonly roleTh: string }[];
  readonly notesTh: readonly string[];
}

/** Everything a report is built from; reading it is separate from building (facts.ts). */
export interface ReportSource {
  readonly from: string;
  readonly to: string;
  readonly facts: readonly ReceiptFact[];
  readonly office: OfficeFacts;
  readonly catalog: RevenueCatalog;
  readonly rates: ReadonlyMap<string, DeductionRate>;
  readonly calendar: HolidayCalendar | null;
  readonly remittances: readonly RemittanceRecord[];
}

export const METHOD_TH: Readonly<Record<ReceiptMethod, string>> = {
  cash: 'เงินสด',
  cheque: 'เช็ค',
  draft: 'ดราฟต์',
  'cashier-cheque': 'แคชเชียร์เช็ค',
  'bill-payment': 'ชำระผ่านธนาคาร (Bill Payment)',
};

/** Electronic payments go to one control register, cash and instruments to the other (seed 001 §6). */
export function isEpayment(method: ReceiptMethod): boolean {
  return method === 'bill-payment';
}

/** What has happened to a receipt, as the registers print it. */
export function statusTh(fact: ReceiptFact): string {
  const parts: string[] = [];
  if (fact.isCancelled) parts.push(fact.isCancelledAfterClose && fact.cancelledOn !== null ? `ยกเลิกหลังปิดบัญชี (${formatThaiDateNumeric(fact.cancelledOn as BusinessDate)})` : 'ยกเลิก');
  if (fact.copies > 0) parts.push(`พิมพ์สำเนา ${fact.copies} ครั้ง`);
  if (fact.isPaper) parts.push('ใบเสร็จกระดาษ');
  if (fact.isLate) parts.push('ปิดบัญชีเพิ่มเติม (ล่าช้า)');
  if (fact.isProvisional) parts.push('รอธนาคารยืนยัน');
  return parts.length === 0 ? 'ปกติ' : parts.join(' · ');
}

export function liveTotal(facts: readonly ReceiptFact[]): number {
  return facts.filter((f) => !f.isCancelled).reduce((sum, f) => sum + f.amountSatang, 0);
}

/** The total line every receipt report ends with, plus the adjustment of cancellations after close. */
export function standardTotals(facts: readonly ReceiptFact[]): ReportTotal[] {
  const totals: ReportTotal[] = [{ labelTh: 'รวมเงิน (ไม่รวมใบเสร็จที่ยกเลิก)', labelEn: 'Total (cancelled receipts excluded)', satang: liveTotal(facts) }];
  const cancelled = facts.filter((f) => f.isCancelled);
  if (cancelled.length > 0) {
    totals.push({ labelTh: `ใบเสร็จที่ยกเลิก ${cancelled.length} ฉบับ (ไม่นับรวม)`, labelEn: `Cancelled receipts, ${cancelled.length} (not counted)`, satang: cancelled.reduce((s, f) => s + f.amountSatang, 0) });
  }
  const adjusted = facts.filter((f) => f.isCancelledAfterClose);
  if (adjusted.length > 0) {
    totals.push({ labelTh: 'ปรับปรุง: ยกเลิกหลังปิดบัญชีของวันเดิม', labelEn: 'Adjustment: cancelled after the day was closed', satang: -adjusted.reduce((s, f) => s + f.amountSatang, 0) });
  }
  return totals;
}

export function revenueNameTh(catalog: RevenueCatalog, revenueCode: string): string {
  const item = catalog.find(revenueCode);
  if (item === undefined) return `รหัสรายได้ ${revenueCode}`;
  return item.kind === 'fine' ? item.fine.itemNameTh : item.fee.nameTh;
}
