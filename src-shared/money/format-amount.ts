import { strictAssert } from '../result';
import { SATANG_PER_BAHT, isSatang } from './satang';
import { asciiDigitsToThai } from './thai-digits';

export interface FormatAmountOptions {
  /** Arabic digits by default; Thai digits are an office option (design.md "Documents"). */
  readonly digits?: 'arabic' | 'thai';
  /** Thousands separators; default true ("1,234.50"). False gives "1234.50" (QR tag 54). */
  readonly grouping?: boolean;
}

/**
 * Formats integer satang as baht with two decimals: 123450 → "1,234.50", -5 → "-0.05".
 * Only integer arithmetic: whole baht = quotient, satang = remainder (style.md §5).
 */
export function formatSatang(amountSatang: number, options: FormatAmountOptions = {}): string {
  strictAssert(isSatang(amountSatang), `formatSatang: ${String(amountSatang)} is not integer satang`);
  const magnitude = Math.abs(amountSatang);
  const bahtText = String(Math.floor(magnitude / SATANG_PER_BAHT));
  const satangText = String(magnitude % SATANG_PER_BAHT).padStart(2, '0');
  const grouped = options.grouping === false ? bahtText : bahtText.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = `${amountSatang < 0 ? '-' : ''}${grouped}.${satangText}`;
  return options.digits === 'thai' ? asciiDigitsToThai(text) : text;
}
