import { fail, ok, type Result } from '../result';
import type { PaymentErrorCode } from '../payment-errors';
import { MAX_DOCUMENT_SATANG, isSatang, type Satang } from '../money';
import { parseBillerId } from './biller-id';
import { isReferenceText, type BillPaymentFields } from './bill-payment';

/**
 * The cross-bank bill-payment barcode payload (Code 128) (payment-formats.md §1.1):
 * `|` + biller ID (15) + CR + Ref1 + CR + Ref2 (may be empty) + CR + amount in satang
 * (no decimal point, no padding; `0` = amount not set).
 */
export const BARCODE_PREFIX = '|';
/** CR (0x0D); a keyboard-wedge scanner sends it as Enter. Keep it: some banks need it (§1.1). */
export const BARCODE_SEPARATOR = '\r';
/**
 * Field limits. Ref1 ≤ 18 is sourced ("up to 18 digits"); Ref2 ≤ 18 and amount ≤ 10 digits are
 * inferred from the 62-character maximum (1 + 15 + 18 + 18 + 10 = 62, CRs not counted) — the
 * sources disagree (pondkarun says Ref2 20), 18 is the value that fits the total (§1.1).
 */
export const BARCODE_MAX_REF1_LENGTH = 18;
export const BARCODE_MAX_REF2_LENGTH = 18;
export const BARCODE_MAX_AMOUNT_DIGITS = 10;
export const BARCODE_MAX_LENGTH_WITHOUT_CR = 62;
/** Longest payload with its three CRs. */
export const BARCODE_MAX_LENGTH = BARCODE_MAX_LENGTH_WITHOUT_CR + 3;

const AMOUNT_FIELD = /^(?:0|[1-9]\d{0,9})$/;

/** Builds the barcode payload from integer satang (never from a float: see the promptparse regression). */
export function buildBarcode(fields: BillPaymentFields): Result<string, PaymentErrorCode> {
  const biller = parseBillerId(fields.billerId, 'barcode biller ID');
  if (!biller.ok) return biller;
  if (!isReferenceText(fields.ref1, 1, BARCODE_MAX_REF1_LENGTH)) {
    return fail('BARCODE_BAD_REF1', `barcode Ref1: must be 1–${BARCODE_MAX_REF1_LENGTH} letters or digits`);
  }
  if (fields.ref2 !== null && !isReferenceText(fields.ref2, 1, BARCODE_MAX_REF2_LENGTH)) {
    return fail('BARCODE_BAD_REF2', `barcode Ref2: must be 1–${BARCODE_MAX_REF2_LENGTH} letters or digits, or null for none`);
  }
  const amount = fields.amountSatang;
  if (amount !== null && (!isSatang(amount) || amount < 1 || amount > MAX_DOCUMENT_SATANG)) {
    return fail('BARCODE_BAD_AMOUNT', `barcode amount: ${String(amount)} satang is not 1–${MAX_DOCUMENT_SATANG}; use null for "not set"`);
  }
  const parts = [fields.billerId, fields.ref1, fields.ref2 ?? '', amount === null ? '0' : String(amount)];
  return ok(`${BARCODE_PREFIX}${parts.join(BARCODE_SEPARATOR)}`);
}

/** The human-readable line printed under the bars: CRs shown as spaces (payment-formats.md §1.1). */
export function barcodeHumanReadable(payload: string): string {
  return payload.split(BARCODE_SEPARATOR).join(' ');
}

/** Parses an exact barcode payload (CR separators). Scanner text goes through `parseScannerInput`. */
export function parseBarcode(payload: string): Result<BillPaymentFields, PaymentErrorCode> {
  if (payload.length > BARCODE_MAX_LENGTH) {
    return fail('BARCODE_TOO_LONG', `barcode: ${payload.length} characters, more than the ${BARCODE_MAX_LENGTH} allowed`);
  }
  if (!payload.startsWith(BARCODE_PREFIX)) return fail('BARCODE_MISSING_PREFIX', 'barcode: must start with "|"');
  const fields = payload.slice(1).split(BARCODE_SEPARATOR);
  if (fields.length !== 4) {
    return fail('BARCODE_WRONG_FIELD_COUNT', `barcode: ${fields.length} fields separated by CR; expected 4 (biller ID, Ref1, Ref2, amount)`);
  }
  // Four fields, checked just above.
  const [billerText, ref1, ref2, amountText] = fields as [string, string, string, string];
  const biller = parseBillerId(billerText, 'barcode biller ID');
  if (!biller.ok) return biller;
  if (!isReferenceText(ref1, 1, BARCODE_MAX_REF1_LENGTH)) {
    return fail('BARCODE_BAD_REF1', `barcode Ref1: must be 1–${BARCODE_MAX_REF1_LENGTH} letters or digits, got ${ref1.length} characters`);
  }
  if (!isReferenceText(ref2, 0, BARCODE_MAX_REF2_LENGTH)) {
    return fail('BARCODE_BAD_REF2', `barcode Ref2: must be at most ${BARCODE_MAX_REF2_LENGTH} letters or digits, got ${ref2.length} characters`);
  }
  if (!AMOUNT_FIELD.test(amountText)) {
    return fail('BARCODE_BAD_AMOUNT', `barcode amount: must be whole satang, 1–${BARCODE_MAX_AMOUNT_DIGITS} digits with no padding, or 0 for "not set"`);
  }
  return ok({
    billerId: biller.value.billerId,
    ref1,
    ref2: ref2 === '' ? null : ref2,
    amountSatang: amountText === '0' ? null : (Number(amountText) as Satang),
  });
}
