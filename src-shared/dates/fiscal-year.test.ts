import { describe, expect, it } from 'vitest';
import { parseBusinessDate, type BusinessDate } from './business-date';
import { calendarYearBeOf, fiscalYearBeOf, fiscalYearRange, twoDigitYear } from './fiscal-year';

const date = (text: string): BusinessDate => {
  const result = parseBusinessDate(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('fiscal year (1 Oct – 30 Sep, named by the B.E. year it ends in)', () => {
  it.each([
    ['2024-09-30', 2567],
    ['2024-10-01', 2568],
    ['2025-01-01', 2568],
    ['2025-09-30', 2568],
    ['2025-12-31', 2569],
  ])('%s is in fiscal year %i', (text, fiscalYearBe) => {
    expect(fiscalYearBeOf(date(text))).toBe(fiscalYearBe);
  });

  it('ranges', () => {
    expect(fiscalYearRange(2568)).toEqual({ firstDate: '2024-10-01', lastDate: '2025-09-30' });
    expect(fiscalYearRange(2570)).toEqual({ firstDate: '2026-10-01', lastDate: '2027-09-30' });
  });

  it('the calendar B.E. year (Ref1 yy) differs from the fiscal year from October', () => {
    const october = date('2025-10-15');
    expect(calendarYearBeOf(october)).toBe(2568);
    expect(fiscalYearBeOf(october)).toBe(2569);
    expect(twoDigitYear(calendarYearBeOf(october))).toBe('68');
    expect(twoDigitYear(2600)).toBe('00');
    expect(twoDigitYear(2509)).toBe('09');
  });
});
