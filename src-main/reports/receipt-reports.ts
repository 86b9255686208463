import { fineLawOf } from '../../src-shared/catalog';
import type { ReceiptFact } from './facts';
import { isEpayment, METHOD_TH, standardTotals, statusTh, liveTotal, type ReportColumn, type ReportRow, type ReportSource, type ReportTable } from './model';

const C = {
  date: { key: 'date', labelTh: 'วันที่', labelEn: 'Date', kind: 'date' },
  receipt: { key: 'receipt', labelTh: 'เล่มที่/เลขที่', labelEn: 'Book/No.', kind: 'text' },
  payer: { key: 'payer', labelTh: 'ผู้ชำระเงิน', labelEn: 'Payer', kind: 'text' },
  revenue: { key: 'revenue', labelTh: 'รหัสรายได้', labelEn: 'Revenue code', kind: 'text' },
  method: { key: 'method', labelTh: 'วิธีชำระ', labelEn: 'Method', kind: 'text' },
  status: { key: 'status', labelTh: 'สถานะ', labelEn: 'Status', kind: 'text' },
  amount: { key: 'amount', labelTh: 'จำนวนเงิน (บาท)', labelEn: 'Amount (baht)', kind: 'satang' },
  order: { key: 'order', labelTh: 'เลขที่คำสั่งปรับ', labelEn: 'Fine order no.', kind: 'text' },
  ref1: { key: 'ref1', labelTh: 'Ref1', labelEn: 'Ref1', kind: 'text' },
  ref2: { key: 'ref2', labelTh: 'Ref2', labelEn: 'Ref2', kind: 'text' },
} as const satisfies Record<string, ReportColumn>;

const receiptNo = (f: ReceiptFact): string => `${f.book}/${f.number}`;

function item(cells: ReportRow['cells']): ReportRow {
  return { kind: 'item', cells };
}

function base(source: ReportSource, facts: readonly ReceiptFact[]): Pick<ReportTable, 'period' | 'totals' | 'totalSatang'> {
  return { period: { from: source.from, to: source.to }, totals: standardTotals(facts), totalSatang: liveTotal(facts) };
}

const SIGN_OPERATOR = [{ roleTh: 'ผู้จัดทำรายงาน' }, { roleTh: 'หัวหน้าหน่วยงาน' }];

/**
 * รายงานการชำระค่าธรรมเนียม > ค่าปรับเป็นพินัย (seed 001 §3.1 step 6): sent to the officer who issued
 * each fine order to close the case (form พินัย ๔), so ordered by that officer, with one subtotal per
 * officer among the totals.
 */
export function finesReport(source: ReportSource): ReportTable {
  const facts = source.facts.filter((f) => fineLawOf(f.revenueCode) !== undefined);
  const officerOf = (f: ReceiptFact): string => f.fineIssuingOfficer ?? (f.isManualFineEntry ? 'ไม่ระบุ (บันทึกคำสั่งด้วยมือ)' : 'ไม่ระบุ');
  const byOfficer = new Map<string, ReceiptFact[]>();
  for (const f of facts) byOfficer.set(officerOf(f), [...(byOfficer.get(officerOf(f)) ?? []), f]);
  const groups = [...byOfficer.entries()].sort(([a], [b]) => a.localeCompare(b, 'th'));
  const rows: ReportRow[] = groups.flatMap(([officer, group]) =>
    group.map((f) => item({ officer, date: f.businessDate, receipt: receiptNo(f), order: f.fineOrderNo ?? '—', payer: f.payerName, revenue: f.revenueCode, status: statusTh(f), amount: f.amountSatang })),
  );
  const subtotals = groups.map(([officer, group]) => {
    const count = group.filter((f) => !f.isCancelled).length;
    return { labelTh: `รวมผู้ออกคำสั่ง ${officer} (${count} ราย)`, labelEn: `Issuing officer ${officer} (${count})`, satang: liveTotal(group) };
  });
  const totals = base(source, facts);
  return {
    name: 'fines',
    titleTh: 'รายงานการชำระค่าธรรมเนียม > ค่าปรับเป็นพินัย',
    titleEn: 'Fee payment report > administrative fines',
    ruleTh: 'ระเบียบ ข้อ 3.1 (6): ส่งผู้ออกคำสั่งปรับเพื่อยุติเรื่อง (แบบ พินัย ๔)',
    columns: [{ key: 'officer', labelTh: 'ผู้ออกคำสั่งปรับ', labelEn: 'Issuing officer', kind: 'text' }, C.date, C.receipt, C.order, C.payer, C.revenue, C.status, C.amount],
    rows,
    ...totals,
    totals: [...subtotals, ...totals.totals],
    signatures: SIGN_OPERATOR,
    notesTh: [],
  };
}

/** รายงานการชำระเงินผ่านธนาคาร (Bill Payment), seed 001 §3.1 step 7: bill payments remitted by the province. */
export function billPaymentsReport(source: ReportSource): ReportTable {
  const facts = source.facts.filter((f) => isEpayment(f.method));
  return {
    name: 'bill-payments',
    titleTh: 'รายงานการรับชำระเงินผ่านธนาคาร (Bill Payment)',
    titleEn: 'Bill payment report',
    ruleTh: 'ระเบียบ ข้อ 3.1 (7): ตรวจสอบกับรายงานระหว่างวันของธนาคาร นำส่งคลังโดยที่ทำการปกครองจังหวัด',
    columns: [C.date, C.receipt, C.ref1, C.ref2, C.payer, C.status, C.amount],
    rows: facts.map((f) => item({ date: f.businessDate, receipt: receiptNo(f), ref1: f.ref1 ?? '—', ref2: f.ref2 ?? '—', payer: f.payerName, status: statusTh(f), amount: f.amountSatang })),
    ...base(source, facts),
    signatures: SIGN_OPERATOR,
    notesTh: ['เงินรับผ่านธนาคารเข้าบัญชีของที่ทำการปกครองจังหวัด นำส่งคลังโดยจังหวัด'],
  };
}

/** ทะเบียนคุมใบเสร็จรับเงิน: every receipt in number order, cancelled and reprinted ones included, paper ones marked. */
export function receiptRegister(source: ReportSource): ReportTable {
  const facts = source.facts;
  return {
    name: 'receipt-register',
    titleTh: 'ทะเบียนคุมใบเสร็จรับเงิน',
    titleEn: 'Receipt register',
    ruleTh: 'ระเบียบ ข้อ 3.1 (5): เรียงตามเลขที่ใบเสร็จ รวมใบที่ยกเลิกและพิมพ์ซ้ำ',
    columns: [C.receipt, C.date, C.payer, C.revenue, C.method, C.status, C.amount],
    rows: facts.map((f) => item({ receipt: receiptNo(f), date: f.businessDate, payer: f.payerName, revenue: f.revenueCode, method: METHOD_TH[f.method], status: statusTh(f), amount: f.amountSatang })),
    ...base(source, facts),
    signatures: SIGN_OPERATOR,
    notesTh: [],
  };
}

function register(source: ReportSource, epayment: boolean): ReportTable {
  const facts = source.facts.filter((f) => isEpayment(f.method) === epayment);
  return {
    name: epayment ? 'register-epayment' : 'register-cash',
    titleTh: epayment ? 'ทะเบียนคุมการรับเงินทางอิเล็กทรอนิกส์' : 'ทะเบียนคุมการรับเงินสด เช็ค ดราฟต์ และแคชเชียร์เช็ค',
    titleEn: epayment ? 'Control register: electronic payments' : "Control register: cash, cheque, draft and cashier's cheque",
    ruleTh: 'ระเบียบ ข้อ 6: บันทึกการรับเงินทางอิเล็กทรอนิกส์แยกจากการรับเงินสด',
    columns: [C.receipt, C.date, C.payer, C.revenue, C.method, C.status, C.amount],
    rows: facts.map((f) => item({ receipt: receiptNo(f), date: f.businessDate, payer: f.payerName, revenue: f.revenueCode, method: METHOD_TH[f.method], status: statusTh(f), amount: f.amountSatang })),
    ...base(source, facts),
    signatures: SIGN_OPERATOR,
    notesTh: [],
  };
}

export const epaymentRegister = (source: ReportSource): ReportTable => register(source, true);
export const cashRegister = (source: ReportSource): ReportTable => register(source, false);

