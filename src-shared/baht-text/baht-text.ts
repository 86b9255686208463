import { strictAssert } from '../result';
import { SATANG_PER_BAHT, isSatang } from '../money';

/**
 * How a units digit 1 is read (payment-formats.md §7.1; the option is named after
 * greatfriends/ThaiBahtText `UsesEt`):
 * - `TensOnly`: เอ็ด only after a non-zero tens digit — 11 สิบเอ็ด, 21 ยี่สิบเอ็ด, but 101 หนึ่งร้อยหนึ่ง,
 *   1,000,001 หนึ่งล้านหนึ่ง (npm bahttext / Google Sheets style).
 * - `Always`: เอ็ด whenever any higher digit is read before it, at every position — 101 หนึ่งร้อยเอ็ด,
 *   1,001 หนึ่งพันเอ็ด, 1,000,001 หนึ่งล้านเอ็ด, 101,000,000 หนึ่งร้อยเอ็ดล้าน. A lone 1 is always หนึ่ง.
 * Both modes apply their rule the same way in every 6-digit group (unlike npm bahttext, which
 * writes 1,001,000,000 as หนึ่งพันเอ็ดล้าน but 1,001 as หนึ่งพันหนึ่ง).
 */
export const UsesEt = { TensOnly: 'TensOnly', Always: 'Always' } as const;
export type UsesEt = (typeof UsesEt)[keyof typeof UsesEt];

/**
 * The default reading. `Always`, because the only authority the sources quote — the Royal Institute
 * dictionary relayed in greatfriends/ThaiBahtText issue #3 — reads ๑๐๑ as ร้อยเอ็ด or หนึ่งร้อยเอ็ด
 * (both with เอ็ด), greatfriends calls Always "the form the Royal Society recommends", and issue 4 asks
 * for เอ็ด "at every position (สิบเอ็ด, ร้อยเอ็ด, ล้านเอ็ด…)". Offices may choose `TensOnly` as a setting
 * once DOPA finance decides (payment-formats.md §7.1 "Decide with DOPA finance staff").
 */
export const DEFAULT_USES_ET: UsesEt = UsesEt.Always;

export interface BahtTextOptions {
  readonly usesEt?: UsesEt;
}

const DIGIT_WORDS = ['ศูนย์', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า'] as const;
const POSITION_WORDS = ['', 'สิบ', 'ร้อย', 'พัน', 'หมื่น', 'แสน'] as const;
const MILLION = 1_000_000;

/**
 * The amount in Thai words as printed on receipts: 123450 → หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์,
 * 10000 → หนึ่งร้อยบาทถ้วน, 67 → หกสิบเจ็ดสตางค์, 0 → ศูนย์บาทถ้วน, negatives get ลบ.
 * Input is integer satang, so nothing is ever truncated or rounded (npm bahttext truncates satang).
 * Works for every safe integer, i.e. well beyond trillions of baht (ล้านล้าน).
 */
export function bahtText(amountSatang: number, options: BahtTextOptions = {}): string {
  strictAssert(isSatang(amountSatang), `bahtText: ${String(amountSatang)} is not integer satang`);
  const usesEt = options.usesEt ?? DEFAULT_USES_ET;
  const magnitude = Math.abs(amountSatang);
  const baht = Math.floor(magnitude / SATANG_PER_BAHT);
  const satang = magnitude % SATANG_PER_BAHT;
  let words: string;
  if (baht === 0 && satang === 0) words = 'ศูนย์บาทถ้วน';
  else if (satang === 0) words = `${integerWords(baht, usesEt)}บาทถ้วน`;
  else if (baht === 0) words = `${integerWords(satang, usesEt)}สตางค์`;
  else words = `${integerWords(baht, usesEt)}บาท${integerWords(satang, usesEt)}สตางค์`;
  return amountSatang < 0 ? `ลบ${words}` : words;
}

/** Words for a positive integer; groups of 6 digits joined by ล้าน, rules restarting in each group. */
function integerWords(value: number, usesEt: UsesEt): string {
  if (value < MILLION) return groupWords(value, usesEt, false);
  const millions = Math.floor(value / MILLION);
  const rest = value % MILLION;
  return `${integerWords(millions, usesEt)}ล้าน${rest === 0 ? '' : groupWords(rest, usesEt, true)}`;
}

/** Words for 1..999,999; `followsHigherGroup` = a ล้าน group was read before this one. */
function groupWords(value: number, usesEt: UsesEt, followsHigherGroup: boolean): string {
  let words = '';
  const tensDigit = Math.floor(value / 10) % 10;
  for (let position = POSITION_WORDS.length - 1; position >= 0; position -= 1) {
    const digit = Math.floor(value / 10 ** position) % 10;
    if (digit === 0) continue;
    if (position === 1) {
      words += digit === 1 ? 'สิบ' : digit === 2 ? 'ยี่สิบ' : `${DIGIT_WORDS[digit]}สิบ`;
    } else if (position === 0 && digit === 1) {
      const afterHigherDigit = value > 1 || followsHigherGroup;
      const readsEt = usesEt === UsesEt.Always ? afterHigherDigit : tensDigit !== 0;
      words += readsEt ? 'เอ็ด' : 'หนึ่ง';
    } else {
      words += `${DIGIT_WORDS[digit]}${POSITION_WORDS[position]}`;
    }
  }
  return words;
}
