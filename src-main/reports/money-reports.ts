import { beYearOf, businessDateOf, datePartsOf, fiscalYearBeOf, formatBangkokTime, formatThaiDateNumeric, THAI_MONTHS_FULL, type BusinessDate } from '../../src-shared/dates';
import type Database from 'better-sqlite3';
import { officeRemittanceLines, remittanceDeadlineMs, remittanceLines, remitsScope, type RemittanceScope } from '../close/remittance';
import { liveTotal, revenueNameTh, type ReportColumn, type ReportRow, type ReportSource, type ReportTable, type ReportTotal } from './model';

const SCOPE_TH: Readonly<Record<RemittanceScope, string>> = {
  cash: 'สำนักงาน',
  'bill-payment': 'จังหวัด (Bill Payment)',
};
/** At the provincial office the bill-payment lines are its own: the whole province's, from its bank imports. */
const PROVINCE_BILL_PAYMENT_TH = 'Bill Payment ทั้งจังหวัด (ข้อมูลธนาคาร)';

/** "24/11/2569 09:30": B.E. date and Bangkok time, short enough for a table cell. */
function shortDateTime(epochMs: number): string {
  return `${formatThaiDateNumeric(businessDateOf(epochMs))} ${formatBangkokTime(epochMs)}`;
}

const col = (key: string, labelTh: string, labelEn: string, kind: ReportColumn['kind']): ReportColumn => ({ key, labelTh, labelEn, kind });

function deadlineText(source: ReportSource, businessDate: string): string {
  if (source.calendar === null) return 'ไม่มีปฏิทินวันหยุด';
  try {
    return shortDateTime(remittanceDeadlineMs(source.calendar, businessDate as BusinessDate));
  } catch {
    return 'ไม่มีปฏิทินวันหยุดของปีนั้น';
  }
}

/**
 * รายงานการนำเงินส่งคลัง (seed 001 §3.1 steps 7–8, §7): per day and revenue code, what was collected,
 * the group-1.1 deductions (reward, cost; allocate never loses a satang) and what is remitted, by
 * 09:30 of the next business day; bill payments shown as remitted by the province.
 */
export function remittanceReport(source: ReportSource, sqlite?: Database.Database): ReportTable {
  // With the database, the office's kind decides where bill payments come from (close/remittance.ts).
  const lines = sqlite === undefined ? remittanceLines(source.facts, source.rates) : officeRemittanceLines(sqlite, source.from, source.to, source.rates);
  const isProvincial = sqlite !== undefined && remitsScope(sqlite, 'bill-payment');
  const recorded = new Map(source.remittances.map((r) => [`${r.businessDate}|${r.scope}`, r]));
  const rows: ReportRow[] = lines.map((l) => {
    const record = recorded.get(`${l.businessDate}|${l.scope}`);
    return {
      kind: 'item',
      cells: {
        date: l.businessDate,
        scope: isProvincial && l.scope === 'bill-payment' ? PROVINCE_BILL_PAYMENT_TH : SCOPE_TH[l.scope],
        revenue: l.revenueCode,
        count: l.receiptCount,
        collected: l.collectedSatang,
        reward: l.rewardSatang,
        cost: l.costSatang,
        remit: l.remitSatang,
        deadline: deadlineText(source, l.businessDate),
        remitted: record === undefined ? 'ยังไม่นำส่ง' : `${record.bankReference} (${shortDateTime(record.remittedAtMs)})`,
      },
    };
  });
  const sum = (pick: (l: (typeof lines)[number]) => number, scope?: RemittanceScope) => lines.filter((l) => scope === undefined || l.scope === scope).reduce((s, l) => s + pick(l), 0);
  const totals: ReportTotal[] = [
    { labelTh: 'รวมเงินที่รับ (ไม่รวมใบเสร็จที่ยกเลิก)', labelEn: 'Collected (cancelled excluded)', satang: sum((l) => l.collectedSatang) },
    { labelTh: 'หักเงินสินบนรางวัล', labelEn: 'Reward deduction', satang: sum((l) => l.rewardSatang) },
    { labelTh: 'หักค่าใช้จ่ายในการดำเนินงาน', labelEn: 'Cost deduction', satang: sum((l) => l.costSatang) },
    ...(isProvincial
      ? [
          { labelTh: 'สำนักงานต้องนำส่งคลัง', labelEn: 'This office remits', satang: sum((l) => l.remitSatang) },
          { labelTh: 'ในจำนวนนี้ Bill Payment ทั้งจังหวัด', labelEn: 'Of which bill payments of the whole province', satang: sum((l) => l.remitSatang, 'bill-payment') },
        ]
      : [
          { labelTh: 'สำนักงานต้องนำส่งคลัง', labelEn: 'This office remits', satang: sum((l) => l.remitSatang, 'cash') },
          { labelTh: 'นำส่งโดยที่ทำการปกครองจังหวัด (Bill Payment)', labelEn: 'Remitted by the province (bill payment)', satang: sum((l) => l.remitSatang, 'bill-payment') },
        ]),
  ];
  return {
    name: 'remittance',
    titleTh: 'รายงานการนำเงินส่งคลัง',
    titleEn: 'Remittance report',
    ruleTh: 'ระเบียบ ข้อ 3.1 (7)–(8) และข้อ 7: นำส่งภายในเวลา 09.30 น. ของวันทำการถัดไป',
    period: { from: source.from, to: source.to },
    columns: [
      col('date', 'วันที่รับ', 'Date', 'date'),
      col('scope', 'ผู้นำส่ง', 'Remitted by', 'text'),
      col('revenue', 'รหัสรายได้', 'Revenue code', 'text'),
      col('count', 'ราย', 'Receipts', 'count'),
      col('collected', 'รับ (บาท)', 'Collected', 'satang'),
      col('reward', 'สินบนรางวัล', 'Reward', 'satang'),
      col('cost', 'ค่าใช้จ่าย', 'Cost', 'satang'),
      col('remit', 'นำส่งคลัง', 'To remit', 'satang'),
      col('deadline', 'กำหนดนำส่ง', 'Deadline', 'text'),
      col('remitted', 'การนำส่ง', 'Remitted', 'text'),
    ],
    rows,
    totals,
    totalSatang: liveTotal(source.facts),
    signatures: [{ roleTh: 'เจ้าหน้าที่การเงินและบัญชี' }, { roleTh: 'หัวหน้าหน่วยงาน' }],
    notesTh: ['อัตราหักเงินสินบนรางวัลและค่าใช้จ่าย (กลุ่ม 1.1) ตามที่ผู้ดูแลระบบกำหนด ค่าเริ่มต้นร้อยละ 0; กลุ่ม 1.2 นำส่งเต็มจำนวน'],
  };
}

/** Revenue code LABC split as GFMIS posts it: L (3-digit code remitted to the Comptroller General) + ABC. */
function splitCode(revenueCode: string): { main: string; sub: string } {
  return { main: revenueCode.slice(0, 3), sub: revenueCode.slice(3) };
}

/** GFMIS-ready export (seed 001 §8): per date, cost centre and revenue code. */
export function gfmisReport(source: ReportSource): ReportTable {
  const groups = new Map<string, { date: string; code: string; count: number; amount: number }>();
  for (const f of source.facts) {
    if (f.isCancelled) continue;
    const key = `${f.businessDate}|${f.revenueCode}`;
    const g = groups.get(key) ?? { date: f.businessDate, code: f.revenueCode, count: 0, amount: 0 };
    g.count += 1;
    g.amount += f.amountSatang;
    groups.set(key, g);
  }
  const costCentre = source.office.costCentre ?? '—';
  const rows: ReportRow[] = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, g]) => ({ kind: 'item', cells: { date: g.date, costCentre, main: splitCode(g.code).main, sub: splitCode(g.code).sub, name: revenueNameTh(source.catalog, g.code), count: g.count, amount: g.amount } }));
  return {
    name: 'gfmis',
    titleTh: 'ข้อมูลสำหรับบันทึกบัญชีในระบบ GFMIS',
    titleEn: 'GFMIS export by revenue code and cost centre',
    ruleTh: 'ระเบียบ ข้อ 8: บันทึกบัญชีตามที่กรมบัญชีกลางกำหนด',
    period: { from: source.from, to: source.to },
    columns: [
      col('date', 'วันที่', 'Date', 'date'),
      col('costCentre', 'ศูนย์ต้นทุน', 'Cost centre', 'text'),
      col('main', 'รหัสรายได้', 'Revenue code', 'text'),
      col('sub', 'รหัสย่อย', 'Sub-code', 'text'),
      col('name', 'รายการ', 'Item', 'text'),
      col('count', 'ราย', 'Receipts', 'count'),
      col('amount', 'จำนวนเงิน (บาท)', 'Amount (baht)', 'satang'),
    ],
    rows,
    totals: [{ labelTh: 'รวมเงิน (ไม่รวมใบเสร็จที่ยกเลิก)', labelEn: 'Total (cancelled excluded)', satang: liveTotal(source.facts) }],
    totalSatang: liveTotal(source.facts),
    signatures: [{ roleTh: 'เจ้าหน้าที่การเงินและบัญชี' }],
    notesTh: [],
  };
}

function summary(source: ReportSource, period: 'month' | 'fiscal-year'): ReportTable {
  const groups = new Map<string, { label: string; code: string; count: number; amount: number }>();
  for (const f of source.facts) {
    if (f.isCancelled) continue;
    const parts = datePartsOf(f.businessDate as BusinessDate);
    const sortKey = period === 'month' ? f.businessDate.slice(0, 7) : String(fiscalYearBeOf(f.businessDate as BusinessDate));
    const label = period === 'month' ? `${THAI_MONTHS_FULL[parts.month - 1] ?? ''} ${beYearOf(parts.year)}` : `ปีงบประมาณ ${sortKey}`;
    const key = `${sortKey}|${f.revenueCode}`;
    const g = groups.get(key) ?? { label, code: f.revenueCode, count: 0, amount: 0 };
    g.count += 1;
    g.amount += f.amountSatang;
    groups.set(key, g);
  }
  const rows: ReportRow[] = [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, g]) => ({ kind: 'item', cells: { period: g.label, revenue: g.code, name: revenueNameTh(source.catalog, g.code), count: g.count, amount: g.amount } }));
  const isMonth = period === 'month';
  return {
    name: isMonth ? 'monthly-summary' : 'fiscal-year-summary',
    titleTh: isMonth ? 'สรุปการรับเงินรายเดือน แยกตามรหัสรายได้' : 'สรุปการรับเงินประจำปีงบประมาณ แยกตามรหัสรายได้',
    titleEn: isMonth ? 'Monthly summary by revenue code' : 'Fiscal-year summary by revenue code',
    ruleTh: 'สถิติการรับเงินเพื่อประกอบการตัดสินใจของผู้บริหาร (ลำดับ 000)',
    period: { from: source.from, to: source.to },
    columns: [col('period', isMonth ? 'เดือน' : 'ปีงบประมาณ', isMonth ? 'Month' : 'Fiscal year', 'text'), col('revenue', 'รหัสรายได้', 'Revenue code', 'text'), col('name', 'รายการ', 'Item', 'text'), col('count', 'ราย', 'Receipts', 'count'), col('amount', 'จำนวนเงิน (บาท)', 'Amount (baht)', 'satang')],
    rows,
    totals: [{ labelTh: 'รวมเงิน (ไม่รวมใบเสร็จที่ยกเลิก)', labelEn: 'Total (cancelled excluded)', satang: liveTotal(source.facts) }],
    totalSatang: liveTotal(source.facts),
    signatures: [{ roleTh: 'หัวหน้าหน่วยงาน' }],
    notesTh: [],
  };
}

export const monthlySummary = (source: ReportSource): ReportTable => summary(source, 'month');
export const fiscalYearSummary = (source: ReportSource): ReportTable => summary(source, 'fiscal-year');
