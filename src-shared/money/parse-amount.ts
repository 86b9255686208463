import { fail, ok, strictAssert, type Result } from '../result';
import type { PaymentErrorCode } from '../payment-errors';
import { MAX_DOCUMENT_SATANG, SATANG_PER_BAHT, type Satang } from './satang';
import { thaiDigitsToAscii } from './thai-digits';

/** Longest text accepted as an amount (a limit on everything, style.md §14). */
export const MAX_AMOUNT_TEXT_LENGTH = 40;

/** Baht digits above which any amount is out of range before it is even converted (10^13 baht). */
const MAX_BAHT_DIGITS = 13;

/** Upper bound for `maxSatang`: keeps baht × 100 + satang exact in a double. */
const MAX_ALLOWED_LIMIT_SATANG = 10 ** (MAX_BAHT_DIGITS + 2) - 1;

export interface ParseAmountOptions {
  /** Accept a leading minus (adjustments). Default false: any sign is refused. */
  readonly allowNegative?: boolean;
  /** Accept 0. Default true. */
  readonly allowZero?: boolean;
  /** Largest absolute amount. Default MAX_DOCUMENT_SATANG (99,999,999.99 baht). */
  readonly maxSatang?: number;
}

const SIGNS = new Set(['+', '-', '\u2212']);
const ALLOWED = /^[0-9.,+\-\u2212]$/;
const GROUPED = /^\d{1,3}(,\d{3})+$/;
const PLAIN = /^\d+$/;

/**
 * Parses what a user typed as an amount of baht straight to integer satang, never through a float
 * (style.md §5): "1,234.50", "1234.5", "๑,๒๓๔.๕๐", "12". Each refusal has its own code.
 */
export function parseAmount(text: string, options: ParseAmountOptions = {}): Result<Satang, PaymentErrorCode> {
  const maxSatang = options.maxSatang ?? MAX_DOCUMENT_SATANG;
  strictAssert(Number.isSafeInteger(maxSatang) && maxSatang >= 0 && maxSatang <= MAX_ALLOWED_LIMIT_SATANG, 'parseAmount: bad maxSatang');
  if (text.length > MAX_AMOUNT_TEXT_LENGTH) {
    return fail('MONEY_TEXT_TOO_LONG', `amount: text is ${text.length} characters, more than the ${MAX_AMOUNT_TEXT_LENGTH} allowed`);
  }
  const trimmed = thaiDigitsToAscii(text).trim();
  if (trimmed === '') return fail('MONEY_EMPTY', 'amount: nothing was entered');

  for (let index = 0; index < trimmed.length; index += 1) {
    const char = trimmed.charAt(index);
    if (!ALLOWED.test(char)) {
      return fail('MONEY_INVALID_CHARACTER', `amount: character ${JSON.stringify(char)} at position ${index + 1} is not a digit, comma or decimal point`);
    }
  }

  const signCount = [...trimmed].filter((char) => SIGNS.has(char)).length;
  const firstChar = trimmed.charAt(0);
  const hasLeadingSign = SIGNS.has(firstChar);
  if (signCount > 0 && options.allowNegative !== true) {
    return fail('MONEY_SIGN_NOT_ALLOWED', 'amount: a plus or minus sign is not allowed here');
  }
  if (signCount > 1 || (signCount === 1 && !hasLeadingSign)) {
    return fail('MONEY_MALFORMED', 'amount: a sign may appear only once, before the digits');
  }
  const isNegative = hasLeadingSign && firstChar !== '+';
  const body = hasLeadingSign ? trimmed.slice(1) : trimmed;

  const pointAt = body.indexOf('.');
  const integerPart = pointAt < 0 ? body : body.slice(0, pointAt);
  const fractionPart = pointAt < 0 ? undefined : body.slice(pointAt + 1);
  if (fractionPart?.includes('.') === true) return fail('MONEY_MALFORMED', 'amount: more than one decimal point');
  if (integerPart === '') return fail('MONEY_MALFORMED', 'amount: no digits before the decimal point');
  if (fractionPart !== undefined) {
    if (fractionPart === '') return fail('MONEY_MALFORMED', 'amount: no digits after the decimal point');
    if (fractionPart.includes(',')) return fail('MONEY_BAD_GROUPING', 'amount: a comma after the decimal point');
    if (fractionPart.length > 2) {
      return fail('MONEY_TOO_MANY_DECIMALS', `amount: ${fractionPart.length} digits after the decimal point; satang allow at most 2`);
    }
  }
  if (!PLAIN.test(integerPart) && !GROUPED.test(integerPart)) {
    return fail('MONEY_BAD_GROUPING', 'amount: commas must separate groups of exactly three digits, e.g. 1,234,567.50');
  }

  const bahtDigits = integerPart.replaceAll(',', '').replace(/^0+(?=\d)/, '');
  if (bahtDigits.length > MAX_BAHT_DIGITS) return aboveMaximum(maxSatang);
  const satangDigits = (fractionPart ?? '').padEnd(2, '0');
  const magnitudeSatang = Number(bahtDigits) * SATANG_PER_BAHT + Number(satangDigits);
  if (magnitudeSatang > maxSatang) return aboveMaximum(maxSatang);
  if (magnitudeSatang === 0 && options.allowZero === false) return fail('MONEY_ZERO_NOT_ALLOWED', 'amount: must be more than zero');
  // `0 - 0` would be -0; keep zero positive.
  return ok((isNegative && magnitudeSatang !== 0 ? -magnitudeSatang : magnitudeSatang) as Satang);
}

function aboveMaximum(maxSatang: number): Result<Satang, PaymentErrorCode> {
  const maxBaht = Math.floor(maxSatang / SATANG_PER_BAHT);
  const maxRest = String(maxSatang % SATANG_PER_BAHT).padStart(2, '0');
  return fail('MONEY_ABOVE_MAXIMUM', `amount: more than the maximum of ${maxBaht}.${maxRest} baht`);
}
