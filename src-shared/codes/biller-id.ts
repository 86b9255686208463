import { fail, ok, type Result } from '../result';
import type { PaymentErrorCode } from '../payment-errors';
import { isAsciiDigits } from './digits';
import { isValidNationalId } from './national-id';

/**
 * Biller ID: the receiving agency's tax ID (13) + suffix (2, 00 for its first account), 15 digits,
 * in the barcode and in QR tag 30/01 (payment-formats.md §1.1, §2.1; design.md "Identity").
 */
export interface BillerIdParts {
  readonly billerId: string;
  readonly taxId: string;
  readonly suffix: string;
}

/**
 * Checks the shape only: published bank test billers (e.g. 099999999999990) do not pass the mod-11
 * tax-ID check, so scanners must not refuse them. Settings use `hasValidBillerTaxId` as well.
 */
export function parseBillerId(text: string, field = 'biller ID'): Result<BillerIdParts, PaymentErrorCode> {
  if (!isAsciiDigits(text, 15)) {
    return fail('BILLER_ID_MALFORMED', `${field}: must be 15 digits (tax ID 13 + suffix 2), got ${text.length} characters`);
  }
  return ok({ billerId: text, taxId: text.slice(0, 13), suffix: text.slice(13) });
}

/** True when the tax-ID part of a 15-digit biller ID passes the mod-11 check (payment-formats.md §4). */
export function hasValidBillerTaxId(billerId: string): boolean {
  return isAsciiDigits(billerId, 15) && isValidNationalId(billerId.slice(0, 13));
}
