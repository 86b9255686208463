import { asciiDigitsToThai, formatSatang } from '../../src-shared/money';
import { bahtText } from '../../src-shared/baht-text';
import { formatThaiDate, parseBusinessDate } from '../../src-shared/dates';
import { unwrap } from '../../src-shared/result';
import { esc } from './html';
import type { OfficeHeader } from './model';

/** The sample mark of a training or demo database (cli.md "The demo office"). */
export function sampleMarkText(office: OfficeHeader): string | null {
  if (office.sample === 'training') return 'ตัวอย่าง / TRAINING';
  if (office.sample === 'demo') return 'ตัวอย่าง / DEMO';
  if (office.sample === 'test-page') return 'ตัวอย่าง / TEST';
  return null;
}

/**
 * A watermark inside a `.mark-zone`: it is clipped to that zone, and barcodes and QR codes are
 * never inside one, so a mark never covers a code (design.md "Documents").
 */
export function watermark(texts: readonly (string | null)[]): string {
  const shown = texts.filter((t): t is string => t !== null);
  if (shown.length === 0) return '';
  return `<div class="watermark" aria-hidden="true"><span>${shown.map(esc).join('<br>')}</span></div>`;
}

/** Formatting every template uses: digits per office option, B.E. dates, amounts with two decimals. */
export function formatters(office: OfficeHeader) {
  const digits = office.digits;
  const num = (text: string | number): string => (digits === 'thai' ? asciiDigitsToThai(String(text)) : String(text));
  return {
    num,
    date: (date: string): string => formatThaiDate(unwrap(parseBusinessDate(date)), { digits }),
    money: (satang: number): string => formatSatang(satang, { digits }),
    words: (satang: number): string => bahtText(satang),
  };
}
