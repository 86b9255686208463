import { describe, expect, it } from 'vitest';
import { basisPointsToPercent, percentToBasisPoints } from './percent';

describe('percentToBasisPoints', () => {
  it('reads whole and decimal percentages by their digits', () => {
    expect(percentToBasisPoints('0')).toBe(0);
    expect(percentToBasisPoints('12.5')).toBe(1250);
    expect(percentToBasisPoints(' 7.05 ')).toBe(705);
    expect(percentToBasisPoints('100.00')).toBe(10_000);
    // 0.29 * 100 is 28.999999999999996 as a float; the digits give 29.
    expect(percentToBasisPoints('0.29')).toBe(29);
  });
  it('refuses what is not a percentage of 0–100 with at most two decimals', () => {
    for (const text of ['', '-1', '100.01', '101', '1.234', '1,5', '.5', '5.', 'abc', '1e2']) expect(percentToBasisPoints(text), text).toBeNull();
  });
  it('shows basis points with two decimals', () => {
    expect(basisPointsToPercent(1250)).toBe('12.50');
    expect(basisPointsToPercent(5)).toBe('0.05');
    expect(basisPointsToPercent(10_000)).toBe('100.00');
  });
});
