import type { ReceiptMethod } from '../../src-shared/domain/reasons';

/** Whose document it is, and whether it is a sample (design.md "Documents"; cli.md "demo"). */
export interface OfficeHeader {
  readonly officeNameTh: string;
  readonly place: string;
  readonly province: string;
  /** Training and demo databases, and printer test pages, print a ตัวอย่าง mark on every document. */
  readonly sample: 'training' | 'demo' | 'test-page' | null;
  /** Arabic digits by default; Thai digits are an office option (design.md "Documents"). */
  readonly digits: 'arabic' | 'thai';
}

/** ใบแจ้งการชำระเงิน: everything the slip prints, as `bill show` reports it. */
export interface BillSlipData {
  readonly office: OfficeHeader;
  readonly requestNo: string;
  readonly issueDate: string;
  readonly payerName: string;
  readonly revenueCode: string;
  readonly revenueNameTh: string;
  readonly amountSatang: number;
  readonly dueDate: string;
  readonly ref1: string;
  readonly ref2: string;
  readonly billerId: string;
  readonly companyCode: string | null;
  readonly barcodeText: string;
  readonly qrText: string;
}

/** คำร้อง: the request as recorded. */
export interface RequestFormData {
  readonly office: OfficeHeader;
  readonly requestNo: string;
  readonly businessDate: string;
  readonly payerName: string;
  readonly payerId: string | null;
  readonly revenueCode: string;
  readonly revenueNameTh: string;
  readonly lawNameTh: string | null;
  readonly fineOrderNo: string | null;
  readonly isManualFineEntry: boolean;
  readonly instalmentNo: number | null;
  readonly amountSatang: number;
  readonly dueDate: string;
  readonly ref1: string;
  readonly ref2: string;
  readonly operatorNameTh: string;
  readonly operatorPositionTh: string;
}

export interface ReceiptLine {
  readonly revenueCode: string;
  readonly nameTh: string;
  readonly amountSatang: number;
}

export interface InstrumentText {
  readonly bankName: string;
  readonly branch?: string | undefined;
  readonly instrumentNo: string;
  readonly instrumentDate: string;
}

/** ใบเสร็จรับเงิน as recorded, with what has happened to it since. */
export interface ReceiptData {
  readonly office: OfficeHeader;
  readonly book: string;
  readonly number: number;
  readonly businessDate: string;
  readonly issuedAtMs: number;
  readonly ref1: string | null;
  readonly payerName: string;
  readonly lines: readonly ReceiptLine[];
  readonly totalSatang: number;
  readonly method: ReceiptMethod;
  readonly instrument: InstrumentText | null;
  readonly receiverNameTh: string;
  readonly receiverPositionTh: string;
  readonly cancellation: { readonly reasonTh: string; readonly reasonText: string; readonly businessDate: string } | null;
  /** The newest supervisor reprint, if any. */
  readonly lastReprint: { readonly copyNo: number; readonly atMs: number } | null;
}

/**
 * Which copies one print carries. `original-and-copy`: ต้นฉบับ + สำเนา (the operator's one print);
 * `reprint`: one สำเนา-พิมพ์ซ้ำ page numbered as the ledger's reprint event.
 */
export type ReceiptCopies =
  | { readonly kind: 'original-and-copy' }
  | { readonly kind: 'reprint'; readonly copyNo: number; readonly atMs: number }
  /** One ฉบับจัดเก็บ page for the day's archive (archive.ts), saying how often it was reprinted. */
  | { readonly kind: 'archive' };

/** A report (later issues): title, office, period, a table, totals and who signs. */
export interface ReportData {
  readonly office: OfficeHeader;
  readonly titleTh: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly printedAtMs: number;
  readonly columns: readonly { readonly key: string; readonly labelTh: string; readonly align?: 'left' | 'right' | 'center' }[];
  readonly rows: readonly Readonly<Record<string, string>>[];
  readonly totals: readonly { readonly labelTh: string; readonly value: string }[];
  readonly signatures: readonly { readonly roleTh: string; readonly nameTh?: string }[];
}
