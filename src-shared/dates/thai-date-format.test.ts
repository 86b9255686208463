import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessDateOf, parseBusinessDate, type BusinessDate } from './business-date';
import { formatBangkokTime, formatThaiDate, formatThaiDateNumeric, formatThaiDateTime } from './thai-date-format';

const date = (text: string): BusinessDate => {
  const result = parseBusinessDate(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const intl = (options: Intl.DateTimeFormatOptions, locale = 'th-TH') => new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Bangkok', ...options });

describe('formatThaiDate — payment-formats.md §7.2 vectors', () => {
  const firstOctober = date('2024-10-01');
  it('long: 1 ตุลาคม 2567', () => expect(formatThaiDate(firstOctober)).toBe('1 ตุลาคม 2567'));
  it('numeric: 01/10/2567', () => expect(formatThaiDateNumeric(firstOctober)).toBe('01/10/2567'));
  it('short month: 1 ต.ค. 2567', () => expect(formatThaiDate(firstOctober, { month: 'short' })).toBe('1 ต.ค. 2567'));
  it('full: วันอังคารที่ 1 ตุลาคม พ.ศ. 2567', () => expect(formatThaiDate(firstOctober, { weekday: true, era: true })).toBe('วันอังคารที่ 1 ตุลาคม พ.ศ. 2567'));
  it('Thai digits with time: ๑ ตุลาคม ๒๕๖๗ เวลา ๑๐:๐๐', () => {
    expect(formatThaiDateTime(Date.UTC(2024, 9, 1, 3, 0), { digits: 'thai' })).toBe('๑ ตุลาคม ๒๕๖๗ เวลา ๑๐:๐๐');
    expect(formatThaiDateNumeric(firstOctober, { digits: 'thai' })).toBe('๐๑/๑๐/๒๕๖๗');
  });
});

describe('formatThaiDate agrees with Intl th-TH (Buddhist calendar) for any instant 1970–2100', () => {
  const instants = fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) });
  it('long, short, full and numeric', () => {
    const long = intl({ dateStyle: 'long' });
    const short = intl({ day: 'numeric', month: 'short', year: 'numeric' });
    const full = intl({ dateStyle: 'full' });
    const numeric = intl({ day: '2-digit', month: '2-digit', year: 'numeric' });
    fc.assert(
      fc.property(instants, (epochMs) => {
        const day = businessDateOf(epochMs);
        expect(formatThaiDate(day)).toBe(long.format(epochMs));
        expect(formatThaiDate(day, { month: 'short' })).toBe(short.format(epochMs));
        expect(formatThaiDate(day, { weekday: true, era: true })).toBe(full.format(epochMs));
        expect(formatThaiDateNumeric(day)).toBe(numeric.format(epochMs));
      }),
      { numRuns: 2_000 },
    );
  });

  it('time of day, also for instants before 1970', () => {
    const time = intl({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, 'en-GB');
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2100, 0, 1) }), (epochMs) => {
        expect(formatBangkokTime(epochMs)).toBe(time.format(epochMs));
      }),
      { numRuns: 2_000 },
    );
  });

  it('Thai digits match Intl -u-nu-thai', () => {
    const thaiLong = intl({ dateStyle: 'long' }, 'th-TH-u-ca-buddhist-nu-thai');
    fc.assert(
      fc.property(instants, (epochMs) => {
        expect(formatThaiDate(businessDateOf(epochMs), { digits: 'thai' })).toBe(thaiLong.format(epochMs));
      }),
      { numRuns: 500 },
    );
  });
});
