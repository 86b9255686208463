import { describe, expect, it } from 'vitest';
import { formatSatang } from './format-amount';

describe('formatSatang', () => {
  it.each([
    [0, '0.00'],
    [1, '0.01'],
    [25, '0.25'],
    [100, '1.00'],
    [123_450, '1,234.50'],
    [100_000_000, '1,000,000.00'],
    [9_999_999_999, '99,999,999.99'],
    [-5, '-0.05'],
    [-123_456, '-1,234.56'],
  ])('%i → %s', (amountSatang, text) => {
    expect(formatSatang(amountSatang)).toBe(text);
  });

  it('can drop the separators (QR tag 54) and write Thai digits', () => {
    expect(formatSatang(364_922, { grouping: false })).toBe('3649.22');
    expect(formatSatang(123_456_789, { digits: 'thai' })).toBe('๑,๒๓๔,๕๖๗.๘๙');
  });

  it('matches Intl th-TH with Thai digits (payment-formats.md §7.2)', () => {
    const intl = new Intl.NumberFormat('th-TH-u-nu-thai', { minimumFractionDigits: 2 }).format(1_234_567.89);
    expect(formatSatang(123_456_789, { digits: 'thai' })).toBe(intl);
  });

  it('refuses a float', () => {
    expect(() => formatSatang(1.5)).toThrow('not integer satang');
  });
});
