import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_AMOUNT_TEXT_LENGTH, parseAmount } from './parse-amount';
import { formatSatang } from './format-amount';
import { MAX_DOCUMENT_SATANG } from './satang';

const value = (text: string, options = {}): number => {
  const result = parseAmount(text, options);
  if (!result.ok) throw new Error(`${text}: ${result.error.code}`);
  return result.value;
};
const code = (text: string, options = {}): string => {
  const result = parseAmount(text, options);
  return result.ok ? `ok:${result.value}` : result.error.code;
};

describe('parseAmount accepts', () => {
  it.each([
    ['1,234.50', 123_450],
    ['1234.5', 123_450],
    ['1234', 123_400],
    ['0.01', 1],
    ['0', 0],
    ['  12.30 ', 1_230],
    ['007.05', 705],
    ['1,000,000', 100_000_000],
    ['99,999,999.99', 9_999_999_999],
    ['๑,๒๓๔.๕๐', 123_450],
    ['๐.๒๕', 25],
    ['1.15', 115], // promptparse's float bug turned 1.15 into 114.99999999999999 satang (payment-formats.md §9)
    ['4.35', 435],
    ['19.99', 1_999],
    ['8.2', 820],
  ])('%s → %i satang', (text, satang) => {
    expect(value(text)).toBe(satang);
  });

  it('accepts a sign only when allowed, and never produces -0', () => {
    expect(value('-12.50', { allowNegative: true })).toBe(-1_250);
    expect(value('\u221212.50', { allowNegative: true })).toBe(-1_250);
    expect(value('+3', { allowNegative: true })).toBe(300);
    expect(Object.is(value('-0', { allowNegative: true }), 0)).toBe(true);
  });

  it('uses a caller maximum', () => {
    expect(value('100', { maxSatang: 10_000 })).toBe(10_000);
    expect(code('100.01', { maxSatang: 10_000 })).toBe('MONEY_ABOVE_MAXIMUM');
  });
});

describe('parseAmount refuses, each with its own code', () => {
  it.each([
    ['', 'MONEY_EMPTY'],
    ['   ', 'MONEY_EMPTY'],
    ['12a', 'MONEY_INVALID_CHARACTER'],
    ['abc', 'MONEY_INVALID_CHARACTER'],
    ['1 234', 'MONEY_INVALID_CHARACTER'],
    ['฿100', 'MONEY_INVALID_CHARACTER'],
    ['100บาท', 'MONEY_INVALID_CHARACTER'],
    ['1e5', 'MONEY_INVALID_CHARACTER'],
    ['-5', 'MONEY_SIGN_NOT_ALLOWED'],
    ['+5', 'MONEY_SIGN_NOT_ALLOWED'],
    ['1.234', 'MONEY_TOO_MANY_DECIMALS'],
    ['1.500', 'MONEY_TOO_MANY_DECIMALS'],
    ['1,23', 'MONEY_BAD_GROUPING'],
    ['12,34,567', 'MONEY_BAD_GROUPING'],
    [',123', 'MONEY_BAD_GROUPING'],
    ['1.2,3', 'MONEY_BAD_GROUPING'],
    ['1.2.3', 'MONEY_MALFORMED'],
    ['.5', 'MONEY_MALFORMED'],
    ['5.', 'MONEY_MALFORMED'],
    ['100,000,000', 'MONEY_ABOVE_MAXIMUM'],
    ['99,999,999.991', 'MONEY_TOO_MANY_DECIMALS'],
    ['100000000.00', 'MONEY_ABOVE_MAXIMUM'],
    ['99999999999999', 'MONEY_ABOVE_MAXIMUM'],
    ['1'.repeat(MAX_AMOUNT_TEXT_LENGTH + 1), 'MONEY_TEXT_TOO_LONG'],
  ])('%j → %s', (text, expected) => {
    expect(code(text)).toBe(expected);
  });

  it.each([
    ['5-', 'MONEY_MALFORMED'],
    ['--5', 'MONEY_MALFORMED'],
    ['-', 'MONEY_MALFORMED'],
  ])('misplaced sign %j → %s when signs are allowed', (text, expected) => {
    expect(code(text, { allowNegative: true })).toBe(expected);
  });

  it('refuses zero when asked to', () => {
    expect(code('0.00', { allowZero: false })).toBe('MONEY_ZERO_NOT_ALLOWED');
  });

  it('names the offending character and position', () => {
    const result = parseAmount('12x');
    expect(result.ok ? '' : result.error.message).toContain('"x" at position 3');
  });

  it('rejects an unusable maximum', () => {
    expect(() => parseAmount('1', { maxSatang: 1.5 })).toThrow();
  });
});

describe('parseAmount properties', () => {
  it('formatSatang → parseAmount is the identity for every document amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_DOCUMENT_SATANG }), fc.boolean(), (amountSatang, grouping) => {
        expect(value(formatSatang(amountSatang, { grouping }))).toBe(amountSatang);
      }),
    );
  });

  it('Thai digits parse like Arabic digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_DOCUMENT_SATANG }), (amountSatang) => {
        expect(value(formatSatang(amountSatang, { digits: 'thai' }))).toBe(amountSatang);
      }),
    );
  });
});
