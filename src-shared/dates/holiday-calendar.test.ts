import { describe, expect, it } from 'vitest';
import holidays2569 from '../../resources/holidays/2569.json';
import holidays2570 from '../../resources/holidays/2570.json';
import { parseBusinessDate, type BusinessDate } from './business-date';
import {
  MAX_DAYS_OFF_IN_A_ROW,
  MAX_HOLIDAY_YEARS,
  buildHolidayCalendar,
  isBusinessDay,
  nextBusinessDay,
  remittanceDeadline,
  type HolidayCalendar,
} from './holiday-calendar';

const date = (text: string): BusinessDate => {
  const result = parseBusinessDate(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const shipped = (): HolidayCalendar => {
  const result = buildHolidayCalendar([holidays2569, holidays2570]);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const year = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  calendarYear: 2026,
  yearBe: 2569,
  kind: 'government',
  source: 'test',
  holidays: [{ date: '2026-01-01', nameTh: 'วันขึ้นปีใหม่', nameEn: "New Year's Day", estimated: false }],
  ...overrides,
});
const refusal = (data: unknown[]): string => {
  const result = buildHolidayCalendar(data);
  return result.ok ? 'ok' : result.error.code;
};

describe('shipped holiday data (resources/holidays)', () => {
  it('is valid and covers 2026 and 2027', () => {
    expect(shipped().years).toEqual([2026, 2027]);
  });

  it('marks the 2570 lunar holidays as estimates and nothing in 2569', () => {
    const estimated2570 = holidays2570.holidays.filter((holiday) => holiday.estimated).map((holiday) => holiday.date);
    expect(estimated2570).toEqual(['2027-02-21', '2027-02-22', '2027-05-20', '2027-07-18', '2027-07-19', '2027-07-20']);
    expect(holidays2569.holidays.some((holiday) => holiday.estimated)).toBe(false);
  });

  it('knows the holiday on a date', () => {
    expect(shipped().holidayOn(date('2026-04-13'))?.nameTh).toBe('วันสงกรานต์');
    expect(shipped().holidayOn(date('2026-04-16'))).toBeUndefined();
  });
});

describe('business days', () => {
  const calendar = shipped();
  it.each([
    ['2026-01-05', true], // Monday
    ['2026-01-03', false], // Saturday
    ['2026-01-04', false], // Sunday
    ['2026-01-02', false], // special holiday
    ['2026-06-01', false], // substitution for Visakha Bucha
  ])('%s business day: %s', (text, expected) => {
    expect(isBusinessDay(calendar, date(text))).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['2025-12-31', 'HOLIDAYS_YEAR_NOT_LOADED'],
    ['2028-01-03', 'HOLIDAYS_YEAR_NOT_LOADED'],
  ])('refuses %s: %s', (text, code) => {
    const result = isBusinessDay(calendar, date(text));
    expect(result.ok ? 'ok' : result.error.code).toBe(code);
    expect(result.ok ? '' : result.error.message).toContain('resources/holidays/');
  });

  it.each([
    ['2025-12-31', '2026-01-05'], // only the days after need data
    ['2026-12-30', '2027-01-04'], // 31 Dec and 1 Jan are holidays, 2–3 Jan a weekend
    ['2026-04-10', '2026-04-16'], // Songkran Mon–Wed after a weekend
    ['2026-05-29', '2026-06-02'], // Visakha Bucha Sunday, substitution Monday
    ['2026-07-27', '2026-07-31'], // King's birthday, Asalha Bucha, Buddhist Lent
    ['2026-03-02', '2026-03-04'], // Makha Bucha
    ['2026-01-05', '2026-01-06'],
    ['2027-12-29', '2027-12-30'],
  ])('next business day after %s is %s', (text, expected) => {
    const result = nextBusinessDay(calendar, date(text));
    expect(result.ok ? result.value : result.error.code).toBe(expected);
  });

  it('the last day of the loaded data has no next business day', () => {
    const result = nextBusinessDay(calendar, date('2027-12-30')); // 31 Dec is a holiday, 2028 has no data
    expect(result.ok ? 'ok' : result.error.code).toBe('HOLIDAYS_YEAR_NOT_LOADED');
  });

  it('gives up after a run of days off longer than any real one', () => {
    const holidays = Array.from({ length: MAX_DAYS_OFF_IN_A_ROW + 5 }, (_, index) => ({
      date: `2026-03-${String(index + 1).padStart(2, '0')}`,
      nameTh: 'x',
      nameEn: 'x',
      estimated: true,
    })).slice(0, 31);
    const april = Array.from({ length: 10 }, (_, index) => ({ date: `2026-04-${String(index + 1).padStart(2, '0')}`, nameTh: 'x', nameEn: 'x', estimated: true }));
    const built = buildHolidayCalendar([year({ holidays: [...holidays, ...april] })]);
    if (!built.ok) throw new Error(built.error.message);
    const result = nextBusinessDay(built.value, date('2026-02-28'));
    expect(result.ok ? 'ok' : result.error.code).toBe('HOLIDAYS_NO_BUSINESS_DAY_FOUND');
  });
});

describe('remittanceDeadline: 09:30 Bangkok of the next business day (domain.md §4)', () => {
  const calendar = shipped();
  it.each([
    // received (UTC)                      deadline (UTC = Bangkok − 7 h)
    [Date.UTC(2026, 0, 5, 3, 0), Date.UTC(2026, 0, 6, 2, 30)], // Mon 10:00 → Tue 09:30
    [Date.UTC(2026, 0, 9, 10, 0), Date.UTC(2026, 0, 12, 2, 30)], // Fri 17:00 → Mon 09:30
    [Date.UTC(2026, 0, 9, 17, 30), Date.UTC(2026, 0, 12, 2, 30)], // Sat 00:30 Bangkok → Mon
    [Date.UTC(2026, 0, 5, 16, 59), Date.UTC(2026, 0, 6, 2, 30)], // Mon 23:59 Bangkok → Tue
    [Date.UTC(2026, 0, 5, 17, 0), Date.UTC(2026, 0, 7, 2, 30)], // Tue 00:00 Bangkok → Wed
    [Date.UTC(2026, 3, 10, 4, 0), Date.UTC(2026, 3, 16, 2, 30)], // before Songkran → Thu 16 Apr
    [Date.UTC(2025, 11, 31, 20, 0), Date.UTC(2026, 0, 5, 2, 30)], // 1 Jan 2026 03:00 Bangkok → Mon 5 Jan
  ])('received %i → due %i', (receivedAtMs, deadlineAtMs) => {
    expect(remittanceDeadline(calendar, receivedAtMs)).toEqual({ ok: true, value: deadlineAtMs });
  });

  it('refuses when the next year is not loaded', () => {
    const result = remittanceDeadline(calendar, Date.UTC(2027, 11, 31, 3, 0));
    expect(result.ok ? 'ok' : result.error.code).toBe('HOLIDAYS_YEAR_NOT_LOADED');
  });
});

describe('buildHolidayCalendar refuses bad data, each with its code', () => {
  it.each([
    ['not an object', [42], 'HOLIDAYS_INVALID_DATA'],
    ['missing field', [year({ source: undefined })], 'HOLIDAYS_INVALID_DATA'],
    ['unknown field', [year({ extra: 1 })], 'HOLIDAYS_INVALID_DATA'],
    ['bank kind', [year({ kind: 'bank' })], 'HOLIDAYS_INVALID_DATA'],
    ['yearBe not +543', [year({ yearBe: 2570 })], 'HOLIDAYS_YEAR_MISMATCH'],
    ['same year twice', [year(), year()], 'HOLIDAYS_DUPLICATE_YEAR'],
    ['malformed date', [year({ holidays: [{ date: '1/1/2026', nameTh: 'x', nameEn: 'x', estimated: false }] })], 'DATE_MALFORMED'],
    ['impossible date', [year({ holidays: [{ date: '2026-02-30', nameTh: 'x', nameEn: 'x', estimated: false }] })], 'DATE_NOT_A_CALENDAR_DAY'],
    ['date in another year', [year({ holidays: [{ date: '2027-01-01', nameTh: 'x', nameEn: 'x', estimated: false }] })], 'HOLIDAYS_DATE_OUTSIDE_YEAR'],
    [
      'date twice',
      [year({ holidays: [{ date: '2026-01-01', nameTh: 'x', nameEn: 'x', estimated: false }, { date: '2026-01-01', nameTh: 'y', nameEn: 'y', estimated: false }] })],
      'HOLIDAYS_DUPLICATE_DATE',
    ],
    ['too many years', Array.from({ length: MAX_HOLIDAY_YEARS + 1 }, () => year()), 'HOLIDAYS_TOO_MANY_YEARS'],
  ])('%s → %s', (_name, data, code) => {
    expect(refusal(data)).toBe(code);
  });

  it('names the field in the message', () => {
    const result = buildHolidayCalendar([year({ holidays: [{ date: '2026-01-01', nameTh: '', nameEn: 'x', estimated: false }] })]);
    expect(result.ok ? '' : result.error.message).toContain('holidays.0.nameTh');
    const root = buildHolidayCalendar(['x']);
    expect(root.ok ? '' : root.error.message).toContain('(root)');
  });
});
