import { asciiDigitsToThai } from '../money';
import { BANGKOK_UTC_OFFSET_MS, MS_PER_DAY, MS_PER_MINUTE, businessDateOf, datePartsOf, weekdayOf, type BusinessDate } from './business-date';

/** Buddhist Era = Common Era + 543 (payment-formats.md §7.2). */
export const BE_OFFSET_YEARS = 543;

export const THAI_MONTHS_FULL = [
  'มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน',
  'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม',
] as const;

export const THAI_MONTHS_SHORT = [
  'ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.',
] as const;

/** Index 0 = Sunday, as `weekdayOf`. */
export const THAI_WEEKDAYS = ['อาทิตย์', 'จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'ศุกร์', 'เสาร์'] as const;

export interface ThaiDateFormatOptions {
  /** 'full' → ตุลาคม (default), 'short' → ต.ค. */
  readonly month?: 'full' | 'short';
  /** Arabic digits by default; Thai digits are an office option (design.md "Documents"). */
  readonly digits?: 'arabic' | 'thai';
  /** Write the era: "1 ตุลาคม พ.ศ. 2567". */
  readonly era?: boolean;
  /** Start with the weekday: "วันอังคารที่ 1 ตุลาคม …". */
  readonly weekday?: boolean;
}

/** The B.E. year of a Gregorian year. */
export function beYearOf(gregorianYear: number): number {
  return gregorianYear + BE_OFFSET_YEARS;
}

/**
 * A business date in Thai with the B.E. year, as Intl `th-TH` `dateStyle:'long'` writes it
 * (payment-formats.md §7.2): 2024-10-01 → "1 ตุลาคม 2567"; short month "1 ต.ค. 2567";
 * era + weekday "วันอังคารที่ 1 ตุลาคม พ.ศ. 2567" (Intl `dateStyle:'full'`).
 */
export function formatThaiDate(date: BusinessDate, options: ThaiDateFormatOptions = {}): string {
  const { year, month, day } = datePartsOf(date);
  const monthName = (options.month === 'short' ? THAI_MONTHS_SHORT : THAI_MONTHS_FULL)[month - 1];
  const prefix = options.weekday === true ? `วัน${THAI_WEEKDAYS[weekdayOf(date)]}ที่ ` : '';
  const era = options.era === true ? 'พ.ศ. ' : '';
  return withDigits(`${prefix}${day} ${monthName} ${era}${beYearOf(year)}`, options.digits);
}

/** "01/10/2567" (day/month/B.E. year), as Intl th-TH with 2-digit day and month. */
export function formatThaiDateNumeric(date: BusinessDate, options: Pick<ThaiDateFormatOptions, 'digits'> = {}): string {
  const { year, month, day } = datePartsOf(date);
  return withDigits(`${pad2(day)}/${pad2(month)}/${beYearOf(year)}`, options.digits);
}

/** Bangkok wall-clock time of an instant, "HH:MM" (24-hour). */
export function formatBangkokTime(epochMs: number, options: Pick<ThaiDateFormatOptions, 'digits'> = {}): string {
  const msOfDay = (((epochMs + BANGKOK_UTC_OFFSET_MS) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  const minutesOfDay = Math.floor(msOfDay / MS_PER_MINUTE);
  return withDigits(`${pad2(Math.floor(minutesOfDay / 60))}:${pad2(minutesOfDay % 60)}`, options.digits);
}

/** "1 ตุลาคม 2567 เวลา 10:00" — an instant as printed on a receipt. */
export function formatThaiDateTime(epochMs: number, options: ThaiDateFormatOptions = {}): string {
  return `${formatThaiDate(businessDateOf(epochMs), options)} เวลา ${formatBangkokTime(epochMs, options)}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

function withDigits(text: string, digits: ThaiDateFormatOptions['digits']): string {
  return digits === 'thai' ? asciiDigitsToThai(text) : text;
}
