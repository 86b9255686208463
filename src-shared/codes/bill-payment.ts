import type { Satang } from '../money';

/**
 * What a bank barcode or a Thai QR bill-payment code names: who is paid (biller ID), the bill's
 * references and, when fixed, the amount (payment-formats.md §1, §2).
 */
export interface BillPaymentFields {
  /** 15 digits: tax ID 13 + suffix 2. */
  readonly billerId: string;
  readonly ref1: string;
  /** null = no Ref2 (an empty field in the barcode, no tag 30/03 in the QR). */
  readonly ref2: string | null;
  /** null = amount not set; the teller or the payer keys it in. */
  readonly amountSatang: Satang | null;
}

/** Reference characters every bank accepts: ASCII letters and digits (payment-formats.md §1.1, §2.1). */
export function isReferenceText(text: string, minLength: number, maxLength: number): boolean {
  if (text.length < minLength || text.length > maxLength) return false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const isDigit = code >= 0x30 && code <= 0x39;
    const isUpper = code >= 0x41 && code <= 0x5a;
    const isLower = code >= 0x61 && code <= 0x7a;
    if (!isDigit && !isUpper && !isLower) return false;
  }
  return true;
}
