import { fail, ok, type Result } from '../result';
import type { PaymentErrorCode } from '../payment-errors';
import { thaiDigitsToAscii, type Satang } from '../money';
import { BARCODE_PREFIX, BARCODE_SEPARATOR, parseBarcode } from './barcode';
import type { BillPaymentFields } from './bill-payment';
import { kedmaneeToUs } from './kedmanee';
import { parseRef1, type Ref1Parts } from './ref1';
import { parseRef2, type Ref2Parts } from './ref2';
import { parseBillPaymentQr } from './thai-qr';

/** Longest text accepted from a scanner or the keyboard (a QR payload is at most 512). */
export const MAX_SCAN_INPUT_LENGTH = 600;

/** Which bill the counter operator scanned or typed. */
export interface ScannedBill {
  readonly source: 'barcode' | 'qr' | 'ref1';
  /** `thai-kedmanee` when the text only made sense after undoing the Thai keyboard layout. */
  readonly keyboardLayout: 'as-typed' | 'thai-kedmanee';
  /** null for a bare Ref1. */
  readonly billerId: string | null;
  readonly ref1: Ref1Parts;
  /** null when the code carries no Ref2 (and always for a bare Ref1). */
  readonly ref2: Ref2Parts | null;
  /** null when the code carries no amount. */
  readonly amountSatang: Satang | null;
}

type Layout = ScannedBill['keyboardLayout'];

/**
 * Reads what a USB keyboard-wedge scanner (or a person) typed into the counter UI (issue 4):
 * - the bank barcode payload, with its CRs as CR, LF or CRLF (Enter), or with spaces as in the
 *   human-readable line (three parts = no Ref2);
 * - a Thai QR bill-payment payload;
 * - a bare Ref1 (15 digits, spaces allowed);
 * - any of these typed while the Thai Kedmanee layout was active ("ๅ/-ภ…" for "1234…", ฅ for |),
 *   also with keypad digits (then only Thai characters are undone), and Thai digits ๐–๙.
 * The text is first read as typed; the Kedmanee reading is tried only when that fails.
 * Leading/trailing whitespace and the scanner's final Enter are ignored. Ref1 and Ref2 must be
 * DOPA's (Ref2's check digits are verified).
 */
export function parseScannerInput(raw: string): Result<ScannedBill, PaymentErrorCode> {
  if (raw.length > MAX_SCAN_INPUT_LENGTH) {
    return fail('SCAN_TOO_LONG', `scan: ${raw.length} characters, more than the ${MAX_SCAN_INPUT_LENGTH} allowed`);
  }
  const asTyped = thaiDigitsToAscii(raw).trim();
  if (asTyped === '') return fail('SCAN_EMPTY', 'scan: nothing was scanned or typed');
  const candidates: Array<[Layout, string]> = [['as-typed', asTyped]];
  // Kedmanee types every digit-row digit as a Thai letter or as "/" "-"; a scanner that sends keypad
  // digits types them as ASCII. So ASCII digits in the text mean only Thai characters are undone.
  const unThai = kedmaneeToUs(raw, { thaiCharactersOnly: /[0-9]/.test(raw) }).trim();
  if (unThai !== asTyped) candidates.push(['thai-kedmanee', unThai]);

  let firstError: Result<ScannedBill, PaymentErrorCode> | null = null;
  for (const [layout, text] of candidates) {
    const result = interpret(text, layout);
    if (result === null) continue;
    if (result.ok) return result;
    firstError ??= result;
  }
  return firstError ?? fail('SCAN_UNRECOGNIZED', 'scan: not a bill-payment barcode, a Thai QR bill payment or a 15-digit Ref1');
}

/** null when the text has none of the three shapes. */
function interpret(text: string, layout: Layout): Result<ScannedBill, PaymentErrorCode> | null {
  if (text.startsWith(BARCODE_PREFIX)) {
    const fields = parseBarcode(canonicalBarcode(text));
    return fields.ok ? toScannedBill(fields.value, 'barcode', layout) : fields;
  }
  if (text.startsWith('000201')) {
    const fields = parseBillPaymentQr(text);
    return fields.ok ? toScannedBill(fields.value, 'qr', layout) : fields;
  }
  if (/^[\d ]+$/.test(text)) {
    const ref1 = parseRef1(text.replaceAll(' ', ''));
    return ref1.ok ? ok({ source: 'ref1', keyboardLayout: layout, billerId: null, ref1: ref1.value, ref2: null, amountSatang: null }) : ref1;
  }
  return null;
}

/** CR / LF / CRLF or runs of spaces and tabs between the fields → the exact CR-separated payload. */
function canonicalBarcode(text: string): string {
  if (/[\r\n]/.test(text)) return text.split(/\r\n|\r|\n/).join(BARCODE_SEPARATOR);
  const parts = text.split(/[ \t]+/);
  // The printed line shows an empty Ref2 as nothing between two spaces: 3 parts = no Ref2.
  if (parts.length === 3) parts.splice(2, 0, '');
  return parts.join(BARCODE_SEPARATOR);
}

function toScannedBill(fields: BillPaymentFields, source: 'barcode' | 'qr', layout: Layout): Result<ScannedBill, PaymentErrorCode> {
  const ref1 = parseRef1(fields.ref1);
  if (!ref1.ok) return ref1;
  let ref2: Ref2Parts | null = null;
  if (fields.ref2 !== null) {
    const parsed = parseRef2(fields.ref2);
    if (!parsed.ok) return parsed;
    ref2 = parsed.value;
  }
  return ok({ source, keyboardLayout: layout, billerId: fields.billerId, ref1: ref1.value, ref2, amountSatang: fields.amountSatang });
}
