import { fail, ok, type Result } from '../result';
import type { PaymentErrorCode } from '../payment-errors';
import { isAsciiDigits } from './digits';

declare const nationalIdBrand: unique symbol;

/** A 13-digit Thai national ID or tax ID whose check digit is right. */
export type NationalId = string & { readonly [nationalIdBrand]: true };

/** The printed form 1-2345-67890-12-1 (groups 1-4-5-2-1). */
const GROUPED = /^(\d)-(\d{4})-(\d{5})-(\d{2})-(\d)$/;

/**
 * The mod-11 check digit of the first 12 digits (payment-formats.md §4): multiply digit i
 * (i = 1…12) by 14 − i, sum, check = (11 − sum mod 11) mod 10. The same rule covers the
 * 13-digit tax ID inside a biller ID.
 */
export function nationalIdCheckDigit(first12: string): number {
  let sum = 0;
  for (let index = 0; index < 12; index += 1) sum += Number(first12.charAt(index)) * (13 - index);
  return (11 - (sum % 11)) % 10;
}

/** Accepts 13 digits, or the printed 1-4-5-2-1 form with hyphens, and checks the check digit. */
export function parseNationalId(text: string): Result<NationalId, PaymentErrorCode> {
  const grouped = GROUPED.exec(text);
  const digits = grouped === null ? text : grouped.slice(1).join('');
  if (!isAsciiDigits(digits, 13)) {
    return fail('NATIONAL_ID_MALFORMED', 'national ID: must be 13 digits (or written 1-2345-67890-12-1)');
  }
  const expected = nationalIdCheckDigit(digits);
  if (Number(digits.charAt(12)) !== expected) {
    return fail('NATIONAL_ID_BAD_CHECK_DIGIT', `national ID: check digit is ${digits.charAt(12)}, expected ${expected}; a digit was mistyped`);
  }
  return ok(digits as NationalId);
}

export function isValidNationalId(text: string): boolean {
  return parseNationalId(text).ok;
}
