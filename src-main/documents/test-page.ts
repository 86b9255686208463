import { renderBillSlip } from './bill-slip';
import type { DocumentHtml, PaperSize } from './html';
import type { OfficeHeader } from './model';
import { renderReceipt } from './receipt';
import { renderRequestForm } from './request-form';

/**
 * A printer test page: the real template of a document kind filled with sample data and marked
 * ตัวอย่าง / TEST (short enough for an 80 mm roll), so alignment, paper and the barcode's print quality can be checked
 * without touching the ledger. The codes are synthetic (biller id of the demo office).
 */
const SAMPLE = {
  ref1: '100540169100001',
  ref2: '001540180400129',
  billerId: '099999999999990',
  revenueCode: '804001',
  revenueNameTh: 'ค่าปรับตามพระราชบัญญัติบัตรประจำตัวประชาชน พ.ศ. 2526',
  amountSatang: 150_000,
  payerName: 'ตัวอย่าง ทดสอบเครื่องพิมพ์',
} as const;

export type TestPageKind = 'bill-slip' | 'request-form' | 'receipt';

export async function renderTestPage(kind: TestPageKind, office: OfficeHeader, paper: PaperSize, businessDate: string, nowMs: number): Promise<DocumentHtml> {
  const header: OfficeHeader = { ...office, sample: 'test-page' };
  switch (kind) {
    case 'bill-slip':
      return renderBillSlip({
        office: header,
        requestNo: `${office.place}/00/000000`,
        issueDate: businessDate,
        payerName: SAMPLE.payerName,
        revenueCode: SAMPLE.revenueCode,
        revenueNameTh: SAMPLE.revenueNameTh,
        amountSatang: SAMPLE.amountSatang,
        dueDate: businessDate,
        ref1: SAMPLE.ref1,
        ref2: SAMPLE.ref2,
        billerId: SAMPLE.billerId,
        companyCode: null,
        barcodeText: `|${SAMPLE.billerId}\r${SAMPLE.ref1}\r${SAMPLE.ref2}\r${SAMPLE.amountSatang}`,
        qrText: `TEST PAGE ${SAMPLE.ref1} ${SAMPLE.ref2}`,
      });
    case 'request-form':
      return renderRequestForm({
        office: header,
        requestNo: `${office.place}/00/000000`,
        businessDate,
        payerName: SAMPLE.payerName,
        payerId: null,
        revenueCode: SAMPLE.revenueCode,
        revenueNameTh: SAMPLE.revenueNameTh,
        lawNameTh: null,
        fineOrderNo: null,
        isManualFineEntry: false,
        instalmentNo: null,
        amountSatang: SAMPLE.amountSatang,
        dueDate: businessDate,
        ref1: SAMPLE.ref1,
        ref2: SAMPLE.ref2,
        operatorNameTh: 'เจ้าหน้าที่ ตัวอย่าง',
        operatorPositionTh: 'ทดสอบเครื่องพิมพ์',
      });
    case 'receipt':
      return renderReceipt(
        {
          office: header,
          book: 'TEST',
          number: 1,
          businessDate,
          issuedAtMs: nowMs,
          ref1: SAMPLE.ref1,
          payerName: SAMPLE.payerName,
          lines: [{ revenueCode: SAMPLE.revenueCode, nameTh: SAMPLE.revenueNameTh, amountSatang: SAMPLE.amountSatang }],
          totalSatang: SAMPLE.amountSatang,
          method: 'cash',
          instrument: null,
          receiverNameTh: 'ผู้รับเงิน ตัวอย่าง',
          receiverPositionTh: 'ทดสอบเครื่องพิมพ์',
          cancellation: null,
          lastReprint: null,
        },
        { paper, copies: { kind: 'original-and-copy' } },
      );
  }
}
