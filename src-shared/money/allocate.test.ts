import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ALLOCATION_PARTS, allocate } from './allocate';
import { type Satang, satangOf } from './satang';

const parts = (totalSatang: number, ratios: number[]): number[] => {
  const result = allocate(satangOf(totalSatang), ratios);
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
};
const refusal = (totalSatang: number, ratios: number[]): string => {
  const result = allocate(totalSatang as Satang, ratios);
  return result.ok ? 'ok' : result.error.code;
};

describe('allocate', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [101, [1, 1], [51, 50]],
    [5, [3, 7], [2, 3]],
    [1_000, [2_500, 7_500], [250, 750]],
    [1, [1, 1, 1], [1, 0, 0]],
    [0, [1, 2], [0, 0]],
    [10, [0, 1], [0, 10]],
    [-100, [1, 1, 1], [-34, -33, -33]],
  ])('%i by %j → %j', (totalSatang, ratios, expected) => {
    expect(parts(totalSatang, ratios)).toEqual(expected);
  });

  it('never returns -0', () => {
    expect(parts(-1, [1, 1]).map((part) => Object.is(part, -0))).toEqual([false, false]);
  });

  it('is exact where total × ratio exceeds 2^53 (checked with Python integers)', () => {
    expect(parts(9_999_999_999, [1_000_000_007, 1_000_000_009])).toEqual([4_999_999_995, 5_000_000_004]);
  });

  it.each([
    [100, [], 'ALLOCATE_NO_RATIOS'],
    [100, [1, -1], 'ALLOCATE_BAD_RATIO'],
    [100, [1, 0.5], 'ALLOCATE_BAD_RATIO'],
    [100, [0, 0], 'ALLOCATE_ZERO_RATIO_SUM'],
    [1.5, [1], 'MONEY_NOT_INTEGER'],
    [100, Array.from({ length: MAX_ALLOCATION_PARTS + 1 }, () => 1), 'ALLOCATE_TOO_MANY_PARTS'],
  ])('refuses %j by %j → %s', (totalSatang, ratios, expected) => {
    expect(refusal(totalSatang, ratios)).toBe(expected);
  });

  it('parts always sum to the total and each is within 1 satang of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -9_999_999_999, max: 9_999_999_999 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 20 }).filter((ratios) => ratios.some((r) => r > 0)),
        (totalSatang, ratios) => {
          const result = parts(totalSatang, ratios);
          expect(result.reduce((sum, part) => sum + part, 0)).toBe(totalSatang);
          const ratioSum = BigInt(ratios.reduce((sum, r) => sum + r, 0));
          result.forEach((part, index) => {
            expect(Number.isSafeInteger(part)).toBe(true);
            // |part − total × ratio / sum| < 1  ⇔  |part × sum − total × ratio| < sum (exact, no floats)
            const difference = BigInt(part) * ratioSum - BigInt(totalSatang) * BigInt(ratios[index] ?? 0);
            expect(difference < ratioSum && difference > -ratioSum).toBe(true);
          });
        },
      ),
    );
  });
});
