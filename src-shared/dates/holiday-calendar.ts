import { z } from 'zod';
import { fail, ok, type Result } from '../result';
import type { PaymentErrorCode } from '../payment-errors';
import { addDays, bangkokInstantMs, businessDateOf, datePartsOf, parseBusinessDate, weekdayOf, type BusinessDate } from './business-date';
import { BE_OFFSET_YEARS } from './thai-date-format';

/**
 * Remittance is due "by 09:30 of the next business day" (domain.md §4 item 7; seed 001 §3.1).
 * Minutes after midnight, Bangkok time.
 */
export const REMITTANCE_DEADLINE_MINUTES = 9 * 60 + 30;

/** How far back an overdue-remittance check looks, at the office and at central (a limit, style.md §14). */
export const REMITTANCE_OVERDUE_LOOKBACK_DAYS = 62;

/** Limits on holiday data (style.md §14). */
export const MAX_HOLIDAY_YEARS = 50;
export const MAX_HOLIDAYS_PER_YEAR = 60;
/** Longest run of days off that `nextBusinessDay` will walk before giving up. */
export const MAX_DAYS_OFF_IN_A_ROW = 31;

/**
 * One year of holidays as shipped in `resources/holidays/<B.E. year>.json` (or sent by central later).
 * Dates are Gregorian `YYYY-MM-DD`; `estimated` marks dates not yet announced (e.g. lunar holidays).
 */
export const holidayYearSchema = z.strictObject({
  calendarYear: z.number().int().min(1900).max(2999),
  yearBe: z.number().int(),
  kind: z.literal('government'),
  source: z.string().min(1).max(2_000),
  holidays: z
    .array(
      z.strictObject({
        date: z.string().max(10),
        nameTh: z.string().min(1).max(200),
        nameEn: z.string().min(1).max(200),
        estimated: z.boolean(),
        note: z.string().max(500).optional(),
      }),
    )
    .max(MAX_HOLIDAYS_PER_YEAR),
});
export type HolidayYear = z.infer<typeof holidayYearSchema>;
export type Holiday = HolidayYear['holidays'][number];

/** Weekends and the loaded holidays, by Gregorian year. Build it with `buildHolidayCalendar`. */
export interface HolidayCalendar {
  /** Gregorian years with holiday data, ascending. */
  readonly years: readonly number[];
  /** The holiday on a date, if any (weekends are not listed). */
  readonly holidayOn: (date: BusinessDate) => Holiday | undefined;
}

/**
 * Validates holiday data (one object per calendar year) and builds the calendar. Saturdays and
 * Sundays are always days off; a date in a year without data is refused, never guessed.
 */
export function buildHolidayCalendar(yearData: readonly unknown[]): Result<HolidayCalendar, PaymentErrorCode> {
  if (yearData.length > MAX_HOLIDAY_YEARS) {
    return fail('HOLIDAYS_TOO_MANY_YEARS', `holidays: ${yearData.length} years of data, more than the ${MAX_HOLIDAY_YEARS} allowed`);
  }
  const byDate = new Map<string, Holiday>();
  const years = new Set<number>();
  for (const [index, raw] of yearData.entries()) {
    const parsed = holidayYearSchema.safeParse(raw);
    if (!parsed.success) {
      return fail('HOLIDAYS_INVALID_DATA', `holidays: year data #${index + 1} is invalid: ${describeIssues(parsed.error.issues)}`);
    }
    const year = parsed.data;
    if (year.yearBe !== year.calendarYear + BE_OFFSET_YEARS) {
      return fail('HOLIDAYS_YEAR_MISMATCH', `holidays: yearBe ${year.yearBe} is not calendarYear ${year.calendarYear} + 543`);
    }
    if (years.has(year.calendarYear)) return fail('HOLIDAYS_DUPLICATE_YEAR', `holidays: calendar year ${year.calendarYear} is given twice`);
    years.add(year.calendarYear);
    for (const holiday of year.holidays) {
      const date = parseBusinessDate(holiday.date);
      if (!date.ok) return fail(date.error.code, `holidays ${year.calendarYear}: ${date.error.message}`);
      if (datePartsOf(date.value).year !== year.calendarYear) {
        return fail('HOLIDAYS_DATE_OUTSIDE_YEAR', `holidays ${year.calendarYear}: ${holiday.date} is not in ${year.calendarYear}`);
      }
      if (byDate.has(holiday.date)) return fail('HOLIDAYS_DUPLICATE_DATE', `holidays ${year.calendarYear}: ${holiday.date} is listed twice`);
      byDate.set(holiday.date, holiday);
    }
  }
  return ok({ years: [...years].sort((a, b) => a - b), holidayOn: (date) => byDate.get(date) });
}

/** The first few zod issues as "path: message" (the path names the field). */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

/** True on Monday–Friday that is not a holiday. */
export function isBusinessDay(calendar: HolidayCalendar, date: BusinessDate): Result<boolean, PaymentErrorCode> {
  const { year } = datePartsOf(date);
  if (!calendar.years.includes(year)) {
    return fail('HOLIDAYS_YEAR_NOT_LOADED', `holidays: no holiday data for ${year} (B.E. ${year + BE_OFFSET_YEARS}); load resources/holidays/${year + BE_OFFSET_YEARS}.json`);
  }
  const weekday = weekdayOf(date);
  return ok(weekday !== 0 && weekday !== 6 && calendar.holidayOn(date) === undefined);
}

/** The first business day strictly after `date`. */
export function nextBusinessDay(calendar: HolidayCalendar, date: BusinessDate): Result<BusinessDate, PaymentErrorCode> {
  let candidate = date;
  for (let step = 0; step < MAX_DAYS_OFF_IN_A_ROW; step += 1) {
    candidate = addDays(candidate, 1);
    const open = isBusinessDay(calendar, candidate);
    if (!open.ok) return open;
    if (open.value) return ok(candidate);
  }
  return fail('HOLIDAYS_NO_BUSINESS_DAY_FOUND', `holidays: no business day within ${MAX_DAYS_OFF_IN_A_ROW} days after ${date}`);
}

/**
 * When the money of business day `businessDate` must be remitted: 09:30 Asia/Bangkok of the next
 * business day (seed 001 §3.1 step 7). The office's overdue alarm and central's console both use it. Epoch ms.
 */
export function remittanceDeadlineOfDay(calendar: HolidayCalendar, businessDate: BusinessDate): Result<number, PaymentErrorCode> {
  const next = nextBusinessDay(calendar, businessDate);
  if (!next.ok) return next;
  return ok(bangkokInstantMs(next.value, REMITTANCE_DEADLINE_MINUTES));
}

/**
 * When money received at `receivedAtMs` must be remitted: 09:30 Asia/Bangkok of the business day
 * after the Bangkok date of receipt (domain.md §4 item 7). Epoch ms.
 */
export function remittanceDeadline(calendar: HolidayCalendar, receivedAtMs: number): Result<number, PaymentErrorCode> {
  return remittanceDeadlineOfDay(calendar, businessDateOf(receivedAtMs));
}
