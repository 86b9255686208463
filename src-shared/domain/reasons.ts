/**
 * Reasons a supervisor chooses from when approving a reprint or a cancellation (seed 001 §3.1.5:
 * "with the operator's stated reason"); free text is always written as well. Codes are stored in
 * the ledger and never renamed; labels may be reworded.
 */
export const REPRINT_REASONS = {
  'printer-fault': { th: 'เครื่องพิมพ์ขัดข้อง กระดาษติดหรือพิมพ์ไม่ชัด', en: 'Printer fault, paper jam or unreadable print' },
  'payer-lost': { th: 'ผู้ชำระเงินทำใบเสร็จสูญหายหรือชำรุด', en: 'The payer lost or damaged the receipt' },
  'agency-copy': { th: 'หน่วยงานต้องการสำเนาเพื่อใช้อ้างอิง', en: 'The agency needs a copy for its records' },
  other: { th: 'อื่น ๆ (ระบุ)', en: 'Other (state it)' },
} as const;
export type ReprintReason = keyof typeof REPRINT_REASONS;
export const REPRINT_REASON_CODES = Object.keys(REPRINT_REASONS) as [ReprintReason, ...ReprintReason[]];

export const CANCEL_REASONS = {
  'wrong-amount': { th: 'จำนวนเงินไม่ถูกต้อง', en: 'Wrong amount' },
  'wrong-payer': { th: 'ชื่อหรือเลขประจำตัวผู้ชำระไม่ถูกต้อง', en: 'Wrong payer name or id' },
  'wrong-revenue': { th: 'ประเภทรายได้ไม่ถูกต้อง', en: 'Wrong revenue type' },
  'wrong-method': { th: 'วิธีชำระเงินไม่ถูกต้อง', en: 'Wrong payment method' },
  duplicate: { th: 'ออกซ้ำ', en: 'Issued twice' },
  'payer-withdrew': { th: 'ผู้ชำระขอยกเลิกก่อนชำระ', en: 'The payer withdrew before paying' },
  other: { th: 'อื่น ๆ (ระบุ)', en: 'Other (state it)' },
} as const;
export type CancelReason = keyof typeof CANCEL_REASONS;
export const CANCEL_REASON_CODES = Object.keys(CANCEL_REASONS) as [CancelReason, ...CancelReason[]];

/** How a supervisor's approval reached the terminal (design.md "Supervisor approval"). */
export const APPROVAL_METHODS = ['in-person', 'offline-code', 'central'] as const;
export type ApprovalMethod = (typeof APPROVAL_METHODS)[number];

export const RECEIPT_METHODS = ['cash', 'cheque', 'draft', 'cashier-cheque', 'bill-payment'] as const;
export type ReceiptMethod = (typeof RECEIPT_METHODS)[number];
