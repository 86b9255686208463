import type Database from 'better-sqlite3';
import { addDays, bangkokInstantMs, formatThaiDateTime, type BusinessDate } from '../../src-shared/dates';
import { loadManualReceiptsReport } from '../books/manual-report';
import { METHOD_TH, standardTotals, statusTh, liveTotal, type ReportColumn, type ReportSource, type ReportTable } from './model';

const COLUMNS: readonly ReportColumn[] = [
  { key: 'receipt', labelTh: 'เล่มที่/เลขที่', labelEn: 'Book/No.', kind: 'text' },
  { key: 'date', labelTh: 'วันที่ในใบเสร็จ', labelEn: 'Date on the paper', kind: 'date' },
  { key: 'payer', labelTh: 'ผู้ชำระเงิน', labelEn: 'Payer', kind: 'text' },
  { key: 'revenue', labelTh: 'รหัสรายได้', labelEn: 'Revenue code', kind: 'text' },
  { key: 'method', labelTh: 'วิธีชำระ', labelEn: 'Method', kind: 'text' },
  { key: 'status', labelTh: 'สถานะ', labelEn: 'Status', kind: 'text' },
  { key: 'amount', labelTh: 'จำนวนเงิน (บาท)', labelEn: 'Amount (baht)', kind: 'satang' },
];

/**
 * `ebill report manual-receipts` (seed 001 §5): the paper receipts keyed after an outage or a field
 * collection, by the date written on the paper, with the outages of the period and the leaves written
 * but not keyed yet as notes. The receipts come from the same facts as every receipt report, so its
 * total is the same kind of total; the notes come from the books feature (src-main/books).
 */
export function manualReceiptsReport(source: ReportSource, sqlite: Database.Database): ReportTable {
  const facts = source.facts.filter((f) => f.isPaper);
  const outages = new Map<string, string>();
  const unkeyed: string[] = [];
  for (let day = source.from as BusinessDate; day <= source.to; day = addDays(day, 1)) {
    // An outage still open counts up to the end of the report's last day.
    const report = loadManualReceiptsReport(sqlite, day, bangkokInstantMs(addDays(source.to as BusinessDate, 1), 0) - 1);
    for (const o of report.outages) {
      const until = o.endedAtMs === null ? 'ยังไม่สิ้นสุด' : formatThaiDateTime(o.endedAtMs);
      outages.set(o.outageId, `ระบบขัดข้อง ${formatThaiDateTime(o.startedAtMs)} ถึง ${until}: ${o.cause}`);
    }
    if (report.unkeyedLeaves.length > 0) unkeyed.push(`ใบเสร็จกระดาษที่เขียนแล้วแต่ยังไม่ได้บันทึก (${day}): ${report.unkeyedLeaves.map((l) => `${l.book}/${l.leaf}`).join(', ')}`);
  }
  return {
    name: 'manual-receipts',
    titleTh: 'รายงานการรับเงินด้วยใบเสร็จรับเงินแบบกระดาษ',
    titleEn: 'Manual (paper) receipts',
    ruleTh: 'ระเบียบ ข้อ 5: ระบบใช้งานไม่ได้ ให้ออกใบเสร็จแบบกระดาษและรายงานหัวหน้าหน่วยงานภายในวันเดียวกัน',
    period: { from: source.from, to: source.to },
    columns: COLUMNS,
    rows: facts.map((f) => ({
      kind: 'item',
      cells: { receipt: `${f.book}/${f.number}`, date: f.businessDate, payer: f.payerName, revenue: f.revenueCode, method: METHOD_TH[f.method], status: statusTh(f), amount: f.amountSatang },
    })),
    totals: standardTotals(facts),
    totalSatang: liveTotal(facts),
    signatures: [{ roleTh: 'ผู้จัดทำรายงาน' }, { roleTh: 'หัวหน้าหน่วยงาน' }],
    notesTh: [...outages.values(), ...unkeyed],
  };
}
