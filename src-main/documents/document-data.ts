import type Database from 'better-sqlite3';
import { z } from 'zod';
import { CANCEL_REASONS, RECEIPT_METHODS } from '../../src-shared/domain/reasons';
import { CodedError } from '../../src-shared/result';
import { showBill } from '../ledger/bill-codes';
import { requireBill } from '../ledger/bills';
import { requireReceipt } from '../ledger/receipts';
import { catalogForNames } from '../ledger/catalog-in-force';
import type { BillSlipData, InstrumentText, OfficeHeader, ReceiptData, ReceiptLine, RequestFormData } from './model';

/**
 * What the templates print, read from the office database. Reads only: a document never writes a
 * ledger row (printing events are the print service's, through the ledger's own functions).
 */

interface OfficeRow {
  place: string;
  nameTh: string;
  province: string;
  isTraining: number;
  isDemo: number;
  documentDigits: string;
}

export function readOfficeHeader(sqlite: Database.Database): OfficeHeader {
  const row = sqlite
    .prepare(
      `SELECT o.place, o.name_th AS nameTh, o.province, o.document_digits AS documentDigits, d.is_training AS isTraining, d.is_demo AS isDemo
       FROM office o CROSS JOIN database_info d`,
    )
    .get() as OfficeRow | undefined;
  if (row === undefined) throw new CodedError('NOT_SET_UP', 'This terminal has not been set up yet');
  return {
    officeNameTh: row.nameTh,
    place: row.place,
    province: row.province,
    sample: row.isTraining === 1 ? 'training' : row.isDemo === 1 ? 'demo' : null,
    // The office's option (office.setDocumentDigits); the trigger of migration 0010 allows only these two.
    digits: row.documentDigits === 'thai' ? 'thai' : 'arabic',
  };
}

/** Names from the catalog in force, inactive and removed fee types included (catalogForNames): old bills still print with them. */
function revenueNames(sqlite: Database.Database, revenueCode: string): { nameTh: string; lawNameTh: string | null } {
  const item = catalogForNames(sqlite).find(revenueCode);
  if (item === undefined) return { nameTh: `รหัสรายได้ ${revenueCode}`, lawNameTh: null };
  return item.kind === 'fine' ? { nameTh: item.fine.itemNameTh, lawNameTh: item.fine.lawNameTh } : { nameTh: item.fee.nameTh, lawNameTh: null };
}

export function loadBillSlip(sqlite: Database.Database, ref1: string): BillSlipData {
  const bill = showBill(sqlite, ref1);
  const request = sqlite.prepare('SELECT r.business_date AS businessDate FROM payment_requests r JOIN bills b ON b.entry_seq = r.entry_seq WHERE b.ref1 = ?').get(ref1) as { businessDate: string };
  return {
    office: readOfficeHeader(sqlite),
    requestNo: bill.requestNo,
    issueDate: request.businessDate,
    payerName: bill.payerName,
    revenueCode: bill.revenueCode,
    revenueNameTh: revenueNames(sqlite, bill.revenueCode).nameTh,
    amountSatang: bill.amountSatang,
    dueDate: bill.dueDate,
    ref1: bill.ref1,
    ref2: bill.ref2,
    billerId: bill.billerId,
    companyCode: bill.companyCode,
    barcodeText: bill.barcodeText,
    qrText: bill.qrText,
  };
}

interface RequestRow {
  businessDate: string;
  payerId: string | null;
  fineOrderNo: string | null;
  isManualFineEntry: number;
  instalmentNo: number | null;
  operatorNameTh: string | null;
  operatorPositionTh: string | null;
}

export function loadRequestForm(sqlite: Database.Database, ref1: string): RequestFormData {
  const bill = requireBill(sqlite, ref1);
  const row = sqlite
    .prepare(
      `SELECT r.business_date AS businessDate, r.payer_id AS payerId, r.fine_order_no AS fineOrderNo, r.is_manual_fine_entry AS isManualFineEntry,
              r.instalment_no AS instalmentNo, u.full_name_th AS operatorNameTh, u.position_th AS operatorPositionTh
       FROM payment_requests r LEFT JOIN users u ON u.id = r.created_by_user_id WHERE r.id = ?`,
    )
    .get(bill.requestId) as RequestRow;
  const names = revenueNames(sqlite, bill.revenueCode);
  return {
    office: readOfficeHeader(sqlite),
    requestNo: bill.requestNo,
    businessDate: row.businessDate,
    payerName: bill.payerName,
    payerId: row.payerId,
    revenueCode: bill.revenueCode,
    revenueNameTh: names.nameTh,
    lawNameTh: names.lawNameTh,
    fineOrderNo: row.fineOrderNo,
    isManualFineEntry: row.isManualFineEntry === 1,
    instalmentNo: row.instalmentNo,
    amountSatang: bill.amountSatang,
    dueDate: bill.dueDate,
    ref1: bill.ref1,
    ref2: bill.ref2,
    operatorNameTh: row.operatorNameTh ?? '',
    operatorPositionTh: row.operatorPositionTh ?? '',
  };
}

/** The receipt's stored lines (canonical JSON written at issue: ledger/receipts.ts). */
const storedLines = z.array(z.object({ revenueCode: z.string(), nameTh: z.string(), amountSatang: z.number().int() }));
const storedInstrument = z.object({ bankName: z.string(), branch: z.string().optional(), instrumentNo: z.string(), instrumentDate: z.string() });

interface ReceiptExtraRow {
  items: string;
  methodDetail: string | null;
}

interface EventRow {
  kind: 'reprinted' | 'cancelled';
  copyNo: number | null;
  reasonCode: string | null;
  reasonText: string | null;
  atMs: number;
  businessDate: string;
}

function cancelReasonTh(code: string | null): string {
  if (code !== null && code in CANCEL_REASONS) return CANCEL_REASONS[code as keyof typeof CANCEL_REASONS].th;
  return code ?? '';
}

export function loadReceipt(sqlite: Database.Database, book: string, number: number): ReceiptData {
  const receipt = requireReceipt(sqlite, book, number);
  const extra = sqlite.prepare('SELECT items, method_detail AS methodDetail FROM receipts WHERE id = ?').get(receipt.receiptId) as ReceiptExtraRow;
  const events = sqlite
    .prepare(
      `SELECT kind, copy_no AS copyNo, reason_code AS reasonCode, reason_text AS reasonText, at_ms AS atMs, business_date AS businessDate
       FROM receipt_events WHERE receipt_id = ? AND kind IN ('reprinted','cancelled') ORDER BY at_ms, rowid`,
    )
    .all(receipt.receiptId) as EventRow[];
  const lines: ReceiptLine[] = storedLines.parse(JSON.parse(extra.items));
  const instrument: InstrumentText | null = extra.methodDetail === null ? null : storedInstrument.parse(JSON.parse(extra.methodDetail));
  const cancel = events.find((e) => e.kind === 'cancelled');
  const reprints = events.filter((e) => e.kind === 'reprinted');
  const last = reprints.at(-1);
  const method = RECEIPT_METHODS.find((m) => m === receipt.method);
  if (method === undefined) throw new CodedError('INTERNAL', `receipt ${book}/${number}: unknown method ${receipt.method}`);
  return {
    office: readOfficeHeader(sqlite),
    book: receipt.receiptBook,
    number: receipt.receiptNo,
    businessDate: receipt.businessDate,
    issuedAtMs: receipt.issuedAtMs,
    ref1: receipt.ref1,
    payerName: receipt.payerName,
    lines,
    totalSatang: receipt.amountSatang,
    method,
    instrument,
    receiverNameTh: receipt.receiverNameTh,
    receiverPositionTh: receipt.receiverPositionTh,
    cancellation: cancel === undefined ? null : { reasonTh: cancelReasonTh(cancel.reasonCode), reasonText: cancel.reasonText ?? '', businessDate: cancel.businessDate },
    lastReprint: last === undefined ? null : { copyNo: last.copyNo ?? reprints.length, atMs: last.atMs },
  };
}
