import { describe, expect, it } from 'vitest';
import { leafRanges } from './leaf-ranges';

describe('leafRanges (the unused leaves a refused book close lists)', () => {
  it('runs of consecutive leaves become ranges, single leaves stay single', () => {
    expect(leafRanges([9, 1, 2, 3, 7, 10])).toBe('1–3, 7, 9–10');
  });
  it('repeats are shown once and no leaves is an empty text', () => {
    expect(leafRanges([4, 4])).toBe('4');
    expect(leafRanges([])).toBe('');
  });
});
