import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_USES_ET, UsesEt, bahtText } from './baht-text';
import { parseBahtText } from './baht-text-parser.test-helper';

const tensOnly = { usesEt: UsesEt.TensOnly };
const always = { usesEt: UsesEt.Always };

describe('bahtText — payment-formats.md §9 vectors (npm bahttext 2.4.0 output)', () => {
  // Satang in, so "0.995" cannot occur: the caller rounds to satang first; 99 satang is the §9 row.
  it.each([
    [0, 'ศูนย์บาทถ้วน'],
    [1, 'หนึ่งสตางค์'],
    [25, 'ยี่สิบห้าสตางค์'],
    [1_100, 'สิบเอ็ดบาทถ้วน'],
    [2_100, 'ยี่สิบเอ็ดบาทถ้วน'],
    [10_000, 'หนึ่งร้อยบาทถ้วน'],
    [10_100, 'หนึ่งร้อยหนึ่งบาทถ้วน'],
    [12_150, 'หนึ่งร้อยยี่สิบเอ็ดบาทห้าสิบสตางค์'],
    [20_100, 'สองร้อยหนึ่งบาทถ้วน'],
    [100_000_100, 'หนึ่งล้านหนึ่งบาทถ้วน'],
    [1_100_000_000, 'สิบเอ็ดล้านบาทถ้วน'],
    [2_100_000_000, 'ยี่สิบเอ็ดล้านบาทถ้วน'],
    [123_456, 'หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบหกสตางค์'],
    [99, 'เก้าสิบเก้าสตางค์'],
    [67, 'หกสิบเจ็ดสตางค์'],
    [10_010, 'หนึ่งร้อยบาทสิบสตางค์'],
  ])('TensOnly %i satang → %s', (amountSatang, words) => {
    expect(bahtText(amountSatang, tensOnly)).toBe(words);
  });

  it.each([
    [0, 'ศูนย์บาทถ้วน'],
    [1, 'หนึ่งสตางค์'],
    [25, 'ยี่สิบห้าสตางค์'],
    [1_100, 'สิบเอ็ดบาทถ้วน'],
    [2_100, 'ยี่สิบเอ็ดบาทถ้วน'],
    [10_000, 'หนึ่งร้อยบาทถ้วน'],
    [10_100, 'หนึ่งร้อยเอ็ดบาทถ้วน'],
    [12_150, 'หนึ่งร้อยยี่สิบเอ็ดบาทห้าสิบสตางค์'],
    [20_100, 'สองร้อยเอ็ดบาทถ้วน'],
    [100_000_100, 'หนึ่งล้านเอ็ดบาทถ้วน'],
    [1_100_000_000, 'สิบเอ็ดล้านบาทถ้วน'],
    [2_100_000_000, 'ยี่สิบเอ็ดล้านบาทถ้วน'],
    [123_456, 'หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบหกสตางค์'],
    [99, 'เก้าสิบเก้าสตางค์'],
  ])('Always %i satang → %s', (amountSatang, words) => {
    expect(bahtText(amountSatang, always)).toBe(words);
  });
});

describe('bahtText — the เอ็ด rule at every position', () => {
  it.each([
    [100, 'หนึ่งบาทถ้วน', 'หนึ่งบาทถ้วน'],
    [101, 'หนึ่งบาทหนึ่งสตางค์', 'หนึ่งบาทหนึ่งสตางค์'],
    [111, 'หนึ่งบาทสิบเอ็ดสตางค์', 'หนึ่งบาทสิบเอ็ดสตางค์'],
    [100_100, 'หนึ่งพันหนึ่งบาทถ้วน', 'หนึ่งพันเอ็ดบาทถ้วน'],
    [1_000_100, 'หนึ่งหมื่นหนึ่งบาทถ้วน', 'หนึ่งหมื่นเอ็ดบาทถ้วน'],
    [10_000_100, 'หนึ่งแสนหนึ่งบาทถ้วน', 'หนึ่งแสนเอ็ดบาทถ้วน'],
    [10_100_000_000, 'หนึ่งร้อยหนึ่งล้านบาทถ้วน', 'หนึ่งร้อยเอ็ดล้านบาทถ้วน'],
    [100_100_000_000, 'หนึ่งพันหนึ่งล้านบาทถ้วน', 'หนึ่งพันเอ็ดล้านบาทถ้วน'],
    [100_000_000, 'หนึ่งล้านบาทถ้วน', 'หนึ่งล้านบาทถ้วน'],
    [100_000_001_100, 'หนึ่งพันล้านสิบเอ็ดบาทถ้วน', 'หนึ่งพันล้านสิบเอ็ดบาทถ้วน'],
    [100_000_000_100, 'หนึ่งพันล้านหนึ่งบาทถ้วน', 'หนึ่งพันล้านเอ็ดบาทถ้วน'],
    [9_999_999_999, 'เก้าสิบเก้าล้านเก้าแสนเก้าหมื่นเก้าพันเก้าร้อยเก้าสิบเก้าบาทเก้าสิบเก้าสตางค์', 'เก้าสิบเก้าล้านเก้าแสนเก้าหมื่นเก้าพันเก้าร้อยเก้าสิบเก้าบาทเก้าสิบเก้าสตางค์'],
    [100_000_000_000_000, 'หนึ่งล้านล้านบาทถ้วน', 'หนึ่งล้านล้านบาทถ้วน'],
    [100_000_100_000_100, 'หนึ่งล้านหนึ่งล้านหนึ่งบาทถ้วน', 'หนึ่งล้านเอ็ดล้านเอ็ดบาทถ้วน'],
    [-10_100, 'ลบหนึ่งร้อยหนึ่งบาทถ้วน', 'ลบหนึ่งร้อยเอ็ดบาทถ้วน'],
  ])('%i satang: TensOnly %s, Always %s', (amountSatang, tensOnlyWords, alwaysWords) => {
    expect(bahtText(amountSatang, tensOnly)).toBe(tensOnlyWords);
    expect(bahtText(amountSatang, always)).toBe(alwaysWords);
  });

  it('defaults to Always (DEFAULT_USES_ET)', () => {
    expect(DEFAULT_USES_ET).toBe(UsesEt.Always);
    expect(bahtText(10_100)).toBe('หนึ่งร้อยเอ็ดบาทถ้วน');
  });

  it('works up to the largest safe integer', () => {
    expect(parseBahtText(bahtText(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses a float (satang are integers: nothing is truncated)', () => {
    expect(() => bahtText(1.5)).toThrow('not integer satang');
  });
});

describe('bahtText properties', () => {
  for (const usesEt of [UsesEt.TensOnly, UsesEt.Always]) {
    it(`${usesEt}: 100,000 random amounts round-trip through the words`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.integer({ min: 0, max: 9_999_999_999 }), fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER })), (amountSatang) => {
          expect(parseBahtText(bahtText(amountSatang, { usesEt }))).toBe(amountSatang);
        }),
        { numRuns: 100_000 },
      );
    });
  }

  it('TensOnly never writes เอ็ด after a zero tens digit; Always never writes a units หนึ่ง after a higher digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (amountSatang) => {
        expect(bahtText(amountSatang, tensOnly)).not.toMatch(/(ร้อย|พัน|หมื่น|แสน|ล้าน)เอ็ด/);
        expect(bahtText(amountSatang, always)).not.toMatch(/(สิบ|ร้อย|พัน|หมื่น|แสน|ล้าน)หนึ่ง(บาท|ล้าน|สตางค์)/);
        expect(bahtText(amountSatang, always)).not.toMatch(/^เอ็ด|บาทเอ็ด/);
      }),
    );
  });
});

describe('parseBahtText (test helper) refuses what it cannot read', () => {
  it.each(['', 'สองสามบาทถ้วน', 'ร้อยบาทถ้วน', 'หนึ่งบาท', 'หนึ่งบาทถ้วนถ้วน', 'หนึ่ง', 'xyz', 'สตางค์', 'ศูนย์สตางค์', 'หนึ่งร้อยสตางค์'])('%j', (words) => {
    expect(() => parseBahtText(words)).toThrow('parseBahtText');
  });
});
