import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_SATANG, isSatang, satangOf, sumSatang, toSatang } from './satang';
import { asciiDigitsToThai, thaiDigitsToAscii } from './thai-digits';

describe('Satang', () => {
  it('is a safe integer', () => {
    expect(isSatang(123)).toBe(true);
    expect(isSatang(-1)).toBe(true);
    expect(isSatang(1.5)).toBe(false);
    expect(isSatang(Number.MAX_SAFE_INTEGER + 1)).toBe(false);
    expect(isSatang('1')).toBe(false);
  });

  it('toSatang checks outside numbers', () => {
    expect(toSatang(250)).toEqual({ ok: true, value: 250 });
    const refused = toSatang(2.5);
    expect(refused.ok ? '' : refused.error.code).toBe('MONEY_NOT_INTEGER');
    expect(refused.ok ? '' : refused.error.message).toContain('amountSatang');
  });

  it('satangOf and sumSatang throw on non-integers and overflow', () => {
    expect(() => satangOf(0.1)).toThrow();
    expect(sumSatang([satangOf(1), satangOf(2)])).toBe(3);
    expect(() => sumSatang([satangOf(Number.MAX_SAFE_INTEGER), satangOf(1)])).toThrow();
  });

  it('MAX_DOCUMENT_SATANG is 99,999,999.99 baht, 10 digits', () => {
    expect(String(MAX_DOCUMENT_SATANG)).toBe('9999999999');
  });
});

describe('Thai digits', () => {
  it('maps ๐–๙ both ways and keeps other characters', () => {
    expect(thaiDigitsToAscii('๐๑๒๓๔๕๖๗๘๙ บาท')).toBe('0123456789 บาท');
    expect(asciiDigitsToThai('0123456789 x')).toBe('๐๑๒๓๔๕๖๗๘๙ x');
  });
});
