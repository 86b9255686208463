import { fail, ok, type Result } from '../result';
import type { PaymentErrorCode } from '../payment-errors';
import { isAsciiDigits } from './digits';
import { mod97_10CheckDigits } from './iso7064-mod97';
import { parsePlaceCode } from './place-code';
import { parseRevenueCode } from './revenue-code';

/**
 * Ref2 (15 digits) = XXX PPPP LLLABC EE (seed 001 §2 "REF.2"; design.md "Identity and numbering"):
 * XXX last 3 digits of the cost centre, PPPP place code, LLLABC revenue code, EE two check digits
 * over the first 13 digits.
 */
export const REF2_LENGTH = 15;
const REF2_BASE_LENGTH = 13;
/** GFMIS cost-centre codes are 10 digits (e.g. 5400100001); Ref2 keeps the last 3. */
export const COST_CENTRE_CODE_LENGTH = 10;

/** Name of the algorithm behind `ref2CheckDigits`, for documents and the closing note. */
export const REF2_CHECK_ALGORITHM = 'ISO/IEC 7064 MOD 97-10';

/**
 * THE Ref2 check-digit function — the one place to change if DOPA or KTB name another scheme.
 * The sources name no algorithm (seed 001 only says "EE = check digits"); MOD 97-10 is the best
 * documented two-digit scheme and detects every single-digit error and every adjacent swap
 * (payment-formats.md §5, property-tested in ref2.test.ts). Input: the 13-digit base.
 */
export function ref2CheckDigits(base13: string): string {
  return mod97_10CheckDigits(base13);
}

export interface Ref2Input {
  /** The last 3 digits of the cost-centre code (see `costCentreLast3`). */
  readonly costCentreLast3: string;
  readonly place: string;
  /** 6-digit revenue code LABC. */
  readonly revenueCode: string;
}

export interface Ref2Parts extends Ref2Input {
  readonly ref2: string;
  readonly checkDigits: string;
}

/** The last 3 digits of a 10-digit cost-centre code, as Ref2 carries them. */
export function costCentreLast3(costCentreCode: string): Result<string, PaymentErrorCode> {
  if (!isAsciiDigits(costCentreCode, COST_CENTRE_CODE_LENGTH)) {
    return fail('COST_CENTRE_MALFORMED', `cost centre: must be ${COST_CENTRE_CODE_LENGTH} digits, got ${JSON.stringify(costCentreCode.slice(0, 20))}`);
  }
  return ok(costCentreCode.slice(-3));
}

export function buildRef2(input: Ref2Input): Result<string, PaymentErrorCode> {
  if (!isAsciiDigits(input.costCentreLast3, 3)) return fail('COST_CENTRE_MALFORMED', 'Ref2 cost centre: must be the last 3 digits of the cost-centre code');
  const place = parsePlaceCode(input.place, 'Ref2 place');
  if (!place.ok) return place;
  const revenue = parseRevenueCode(input.revenueCode, 'Ref2 revenue code');
  if (!revenue.ok) return revenue;
  const base = `${input.costCentreLast3}${input.place}${input.revenueCode}`;
  return ok(`${base}${ref2CheckDigits(base)}`);
}

/** Parses and verifies a Ref2; a wrong check pair means a mistyped or misread digit. */
export function parseRef2(text: string): Result<Ref2Parts, PaymentErrorCode> {
  if (!isAsciiDigits(text, REF2_LENGTH)) return fail('REF2_MALFORMED', `Ref2: must be ${REF2_LENGTH} digits, got ${JSON.stringify(text.slice(0, 20))}`);
  const base = text.slice(0, REF2_BASE_LENGTH);
  const checkDigits = text.slice(REF2_BASE_LENGTH);
  const expected = ref2CheckDigits(base);
  if (checkDigits !== expected) {
    return fail('REF2_BAD_CHECK_DIGITS', `Ref2: check digits are ${checkDigits}, expected ${expected} (${REF2_CHECK_ALGORITHM}); a digit was mistyped or misread`);
  }
  const place = parsePlaceCode(text.slice(3, 7), 'Ref2 place');
  if (!place.ok) return place;
  const revenue = parseRevenueCode(text.slice(7, 13), 'Ref2 revenue code');
  if (!revenue.ok) return revenue;
  return ok({ ref2: text, costCentreLast3: text.slice(0, 3), place: place.value, revenueCode: revenue.value.revenueCode, checkDigits });
}
