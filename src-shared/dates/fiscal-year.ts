import { businessDateFromParts, datePartsOf, type BusinessDate } from './business-date';
import { beYearOf } from './thai-date-format';

/** The Thai fiscal year starts on 1 October (payment-formats.md §6; design.md "Time and money"). */
export const FISCAL_YEAR_FIRST_MONTH = 10;

/**
 * The fiscal year (B.E.) a date falls in: 1 Oct – 30 Sep, named by the B.E. year in which it ends.
 * 2024-09-30 → 2567, 2024-10-01 → 2568.
 */
export function fiscalYearBeOf(date: BusinessDate): number {
  const { year, month } = datePartsOf(date);
  return beYearOf(year) + (month >= FISCAL_YEAR_FIRST_MONTH ? 1 : 0);
}

/** The calendar B.E. year of a date (Ref1's `yy` uses this one, design.md "Identity and numbering"). */
export function calendarYearBeOf(date: BusinessDate): number {
  return beYearOf(datePartsOf(date).year);
}

/** First and last day of a fiscal year: 2568 → 2024-10-01 … 2025-09-30. */
export function fiscalYearRange(fiscalYearBe: number): { readonly firstDate: BusinessDate; readonly lastDate: BusinessDate } {
  const endGregorianYear = fiscalYearBe - beYearOf(0);
  return {
    firstDate: businessDateFromParts({ year: endGregorianYear - 1, month: FISCAL_YEAR_FIRST_MONTH, day: 1 }),
    lastDate: businessDateFromParts({ year: endGregorianYear, month: FISCAL_YEAR_FIRST_MONTH - 1, day: 30 }),
  };
}

/** Last two digits of a B.E. year as printed in Ref1 and receipt book numbers: 2569 → "69". */
export function twoDigitYear(yearBe: number): string {
  return String(yearBe % 100).padStart(2, '0');
}
