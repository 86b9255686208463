import { strictAssert } from '../result';

/**
 * ISO/IEC 7064 MOD 97-10 — two check digits, as in IBAN (ISO 13616) and LEI (payment-formats.md §5).
 * Check digits = 98 − (base × 100 mod 97), zero-padded; a number with its check digits is valid
 * when it is ≡ 1 (mod 97). The remainder is computed digit by digit, so any length works without
 * big integers.
 */
export function mod97_10CheckDigits(base: string): string {
  strictAssert(/^\d+$/.test(base), 'mod97_10CheckDigits: base must be ASCII digits');
  const remainder = (remainderMod97(base) * 100) % 97;
  return String(98 - remainder).padStart(2, '0');
}

/** True when the digits (base + 2 check digits) are ≡ 1 (mod 97). */
export function isValidMod97_10(digits: string): boolean {
  return /^\d{3,}$/.test(digits) && remainderMod97(digits) === 1;
}

function remainderMod97(digits: string): number {
  let remainder = 0;
  for (let index = 0; index < digits.length; index += 1) remainder = (remainder * 10 + digits.charCodeAt(index) - 0x30) % 97;
  return remainder;
}
