import { fail, ok, strictAssert, type Result } from '../result';
import type { PaymentErrorCode } from '../payment-errors';

declare const satangBrand: unique symbol;

/**
 * An amount of money as a whole number of satang (1 baht = 100 satang). Never a float
 * (style.md §5, design.md "Time and money"). Negative values exist only for adjustments.
 */
export type Satang = number & { readonly [satangBrand]: true };

/** Satang in one baht. */
export const SATANG_PER_BAHT = 100;

/**
 * The largest amount on one document: 99,999,999.99 baht (design.md). It is also the largest
 * amount the bank barcode's 10-digit satang field can carry (payment-formats.md §1.1).
 */
export const MAX_DOCUMENT_SATANG = 9_999_999_999 as Satang;

/** True when `value` is a safe integer, i.e. a valid satang amount. */
export function isSatang(value: unknown): value is Satang {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Checks a number that came from outside (JSON, a database column) before it is used as money. */
export function toSatang(value: number): Result<Satang, PaymentErrorCode> {
  if (!isSatang(value)) {
    return fail('MONEY_NOT_INTEGER', `amountSatang must be a safe integer number of satang, got ${String(value)}`);
  }
  return ok(value);
}

/** Brands a trusted integer (a literal, a sum of satang); throws when it is not one. */
export function satangOf(value: number): Satang {
  strictAssert(isSatang(value), `satangOf: ${String(value)} is not a safe integer`);
  return value;
}

/** Adds satang amounts; throws if the sum leaves the safe-integer range. */
export function sumSatang(amounts: readonly Satang[]): Satang {
  let totalSatang = 0;
  for (const amountSatang of amounts) totalSatang += amountSatang;
  return satangOf(totalSatang);
}
