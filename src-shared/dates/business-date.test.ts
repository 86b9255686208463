import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BANGKOK_UTC_OFFSET_MS,
  addDays,
  bangkokInstantMs,
  businessDateFromParts,
  businessDateOf,
  daysInMonth,
  parseBusinessDate,
  weekdayOf,
  type BusinessDate,
} from './business-date';

const date = (text: string): BusinessDate => {
  const result = parseBusinessDate(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const intlBangkokDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', year: 'numeric', month: '2-digit', day: '2-digit' });

describe('parseBusinessDate', () => {
  it.each(['2024-10-01', '2024-02-29', '2000-02-29', '1000-01-01', '9999-12-31'])('accepts %s', (text) => {
    expect(parseBusinessDate(text)).toEqual({ ok: true, value: text });
  });
  it.each([
    ['2024-1-01', 'DATE_MALFORMED'],
    ['01/10/2567', 'DATE_MALFORMED'],
    ['2024-10-01T00:00', 'DATE_MALFORMED'],
    ['', 'DATE_MALFORMED'],
    ['2023-02-29', 'DATE_NOT_A_CALENDAR_DAY'],
    ['1900-02-29', 'DATE_NOT_A_CALENDAR_DAY'],
    ['2024-13-01', 'DATE_NOT_A_CALENDAR_DAY'],
    ['2024-00-10', 'DATE_NOT_A_CALENDAR_DAY'],
    ['2024-04-31', 'DATE_NOT_A_CALENDAR_DAY'],
    ['2024-04-00', 'DATE_NOT_A_CALENDAR_DAY'],
    ['0999-12-31', 'DATE_NOT_A_CALENDAR_DAY'],
  ])('refuses %j with %s', (text, code) => {
    const result = parseBusinessDate(text);
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
  });
});

describe('businessDateOf (Asia/Bangkok = UTC+7, no DST)', () => {
  it('turns the day at 17:00 UTC', () => {
    expect(businessDateOf(Date.UTC(2024, 8, 30, 16, 59, 59, 999))).toBe('2024-09-30');
    expect(businessDateOf(Date.UTC(2024, 8, 30, 17, 0, 0, 0))).toBe('2024-10-01');
    expect(BANGKOK_UTC_OFFSET_MS).toBe(25_200_000);
  });

  it('agrees with Intl timeZone Asia/Bangkok for any instant 1970–2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }), (epochMs) => {
        expect(businessDateOf(epochMs)).toBe(intlBangkokDate.format(epochMs));
      }),
      { numRuns: 5_000 },
    );
  });

  it('refuses non-integer and out-of-range instants', () => {
    expect(() => businessDateOf(Number.NaN)).toThrow();
    expect(() => businessDateOf(1.5)).toThrow();
    expect(() => businessDateOf(Date.UTC(10_000, 0, 1))).toThrow();
  });
});

describe('date arithmetic', () => {
  it('bangkokInstantMs gives the UTC instant of a Bangkok wall time', () => {
    expect(bangkokInstantMs(date('2026-01-05'), 9 * 60 + 30)).toBe(Date.UTC(2026, 0, 5, 2, 30));
    expect(() => bangkokInstantMs(date('2026-01-05'), 1_440)).toThrow();
  });

  it('addDays crosses months, years and leap days', () => {
    expect(addDays(date('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(date('2024-12-31'), 1)).toBe('2025-01-01');
    expect(addDays(date('2025-03-01'), -1)).toBe('2025-02-28');
    expect(() => addDays(date('2025-03-01'), 0.5)).toThrow();
  });

  it('weekdayOf: 0 = Sunday', () => {
    expect(weekdayOf(date('2024-10-01'))).toBe(2);
    expect(weekdayOf(date('2026-05-31'))).toBe(0);
  });

  it('daysInMonth follows the Gregorian leap rule', () => {
    expect([daysInMonth(2024, 2), daysInMonth(2023, 2), daysInMonth(1900, 2), daysInMonth(2000, 2), daysInMonth(2025, 12)]).toEqual([29, 28, 28, 29, 31]);
  });

  it('businessDateFromParts refuses parts that are not a day', () => {
    expect(businessDateFromParts({ year: 2025, month: 1, day: 9 })).toBe('2025-01-09');
    expect(() => businessDateFromParts({ year: 2025, month: 2, day: 30 })).toThrow();
  });
});
