import type { BillSlipData, OfficeHeader, ReceiptData, ReportData, RequestFormData } from '../../src-main/documents/model';

/** Synthetic data shaped like a DOPA bill (payment-formats.md §9 "DOPA-shaped synthetic vectors"). */
export const OFFICE: OfficeHeader = { officeNameTh: 'ที่ทำการปกครองอำเภอเมืองแพร่', place: '5401', province: 'แพร่', sample: null, digits: 'arabic' };

export const SLIP: BillSlipData = {
  office: OFFICE,
  requestNo: '5401/69/100001',
  issueDate: '2026-11-23',
  payerName: 'นายสมหมาย ทดสอบ',
  revenueCode: '804001',
  revenueNameTh: 'ค่าปรับตามพระราชบัญญัติบัตรประจำตัวประชาชน พ.ศ. 2526',
  amountSatang: 150_000,
  dueDate: '2026-12-08',
  ref1: '100540169100001',
  ref2: '001540180400129',
  billerId: '099999999999990',
  companyCode: '6818',
  barcodeText: '|099999999999990\r100540169100001\r001540180400129\r150000',
  qrText: '00020101021230770016A00000067701011201150999999999999900215100540169100001031500154018040012953037645802TH54071500.006304ABCD',
};

export const RECEIPT: ReceiptData = {
  office: OFFICE,
  book: 'E70-5401-1',
  number: 1,
  businessDate: '2026-11-23',
  issuedAtMs: Date.UTC(2026, 10, 23, 2, 15, 0),
  ref1: '100540169100001',
  payerName: 'นายสมหมาย ทดสอบ',
  lines: [{ revenueCode: '804001', nameTh: 'ค่าปรับตามพระราชบัญญัติบัตรประจำตัวประชาชน พ.ศ. 2526', amountSatang: 150_000 }],
  totalSatang: 150_000,
  method: 'cash',
  instrument: null,
  receiverNameTh: 'นางสาวสมใจ รับเงิน',
  receiverPositionTh: 'เจ้าพนักงานปกครองปฏิบัติงาน',
  cancellation: null,
  lastReprint: null,
};

export const REQUEST_FORM: RequestFormData = {
  office: OFFICE,
  requestNo: '5401/69/100001',
  businessDate: '2026-11-23',
  payerName: 'นายสมหมาย ทดสอบ',
  payerId: '1101700230708',
  revenueCode: '804001',
  revenueNameTh: 'ค่าปรับตามพระราชบัญญัติบัตรประจำตัวประชาชน พ.ศ. 2526',
  lawNameTh: 'พระราชบัญญัติบัตรประจำตัวประชาชน พ.ศ. 2526',
  fineOrderNo: 'พป 123/2569',
  isManualFineEntry: false,
  instalmentNo: null,
  amountSatang: 150_000,
  dueDate: '2026-12-08',
  ref1: '100540169100001',
  ref2: '001540180400129',
  operatorNameTh: 'นางสาวสมใจ รับเงิน',
  operatorPositionTh: 'เจ้าพนักงานปกครองปฏิบัติงาน',
};

export const REPORT: ReportData = {
  office: OFFICE,
  titleTh: 'รายงานการรับชำระค่าปรับเป็นพินัย',
  period: { from: '2026-11-23', to: '2026-11-23' },
  printedAtMs: Date.UTC(2026, 10, 23, 10, 0, 0),
  columns: [
    { key: 'no', labelTh: 'ลำดับ', align: 'center' },
    { key: 'receipt', labelTh: 'เล่มที่/เลขที่' },
    { key: 'payer', labelTh: 'ผู้ชำระ' },
    { key: 'amount', labelTh: 'จำนวนเงิน (บาท)', align: 'right' },
  ],
  rows: [
    { no: '1', receipt: 'E70-5401-1/1', payer: 'นายสมหมาย ทดสอบ', amount: '1,500.00' },
    { no: '2', receipt: 'E70-5401-1/2', payer: 'นางสมศรี ใจดี', amount: '500.00' },
  ],
  totals: [{ labelTh: 'รวมทั้งสิ้น', value: '2,000.00' }],
  signatures: [{ roleTh: 'ผู้จัดทำ' }, { roleTh: 'ผู้ตรวจสอบ' }],
};
