import { fail, ok, strictAssert, type Result } from '../result';
import type { PaymentErrorCode } from '../payment-errors';

declare const businessDateBrand: unique symbol;

/**
 * A business date `YYYY-MM-DD` (Gregorian) in Asia/Bangkok (design.md "Time and money",
 * style.md §8). Shown in B.E. on paper; kept Gregorian in data and JSON.
 */
export type BusinessDate = string & { readonly [businessDateBrand]: true };

export const MS_PER_DAY = 86_400_000;
export const MS_PER_MINUTE = 60_000;

/**
 * Asia/Bangkok is UTC+7 all year: Thailand has used +07:00 since 1920 and has no daylight saving
 * (IANA tz `Asia/Bangkok`). So local wall time is computed arithmetically, without Intl.
 */
export const BANGKOK_UTC_OFFSET_MS = 7 * 60 * MS_PER_MINUTE;

/** Years a business date may have (four digits, and inside the range of a JS Date). */
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface DateParts {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  /** 1–31 */
  readonly day: number;
}

/** Checks `YYYY-MM-DD` text (from JSON, a form, a file) and that the day exists. */
export function parseBusinessDate(text: string): Result<BusinessDate, PaymentErrorCode> {
  const match = DATE_PATTERN.exec(text);
  if (match === null) return fail('DATE_MALFORMED', `date: ${JSON.stringify(text.slice(0, 40))} is not in the form YYYY-MM-DD`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return fail('DATE_NOT_A_CALENDAR_DAY', `date: ${text} is not a day of the Gregorian calendar`);
  }
  return ok(text as BusinessDate);
}

/** Days in a Gregorian month (proleptic, leap years by the 4/100/400 rule). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Year, month, day of a business date. */
export function datePartsOf(date: BusinessDate): DateParts {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Builds a business date from parts; throws when the parts are not a real day. */
export function businessDateFromParts(parts: DateParts): BusinessDate {
  const text = `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
  const parsed = parseBusinessDate(text);
  strictAssert(parsed.ok, `businessDateFromParts: ${text} is not a calendar day`);
  return parsed.value;
}

/** The Bangkok calendar date at an instant (epoch ms, UTC). */
export function businessDateOf(epochMs: number): BusinessDate {
  strictAssert(Number.isSafeInteger(epochMs), `businessDateOf: ${String(epochMs)} is not integer epoch ms`);
  const local = new Date(epochMs + BANGKOK_UTC_OFFSET_MS);
  const year = local.getUTCFullYear();
  strictAssert(year >= MIN_YEAR && year <= MAX_YEAR, `businessDateOf: year ${year} is outside ${MIN_YEAR}–${MAX_YEAR}`);
  return businessDateFromParts({ year, month: local.getUTCMonth() + 1, day: local.getUTCDate() });
}

/** Epoch ms of a Bangkok wall-clock time on a business date (e.g. 09:30 → minutesAfterMidnight 570). */
export function bangkokInstantMs(date: BusinessDate, minutesAfterMidnight: number): number {
  strictAssert(Number.isInteger(minutesAfterMidnight) && minutesAfterMidnight >= 0 && minutesAfterMidnight < 1440, 'bangkokInstantMs: minutes out of range');
  const { year, month, day } = datePartsOf(date);
  return Date.UTC(year, month - 1, day) + minutesAfterMidnight * MS_PER_MINUTE - BANGKOK_UTC_OFFSET_MS;
}

/** The date `days` days later (negative = earlier). */
export function addDays(date: BusinessDate, days: number): BusinessDate {
  strictAssert(Number.isSafeInteger(days), 'addDays: days must be an integer');
  const { year, month, day } = datePartsOf(date);
  const shifted = new Date(Date.UTC(year, month - 1, day) + days * MS_PER_DAY);
  return businessDateFromParts({ year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() });
}

/** Day of the week: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: BusinessDate): number {
  const { year, month, day } = datePartsOf(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}
