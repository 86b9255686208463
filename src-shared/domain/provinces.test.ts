import { describe, expect, it } from 'vitest';
import { PROVINCES, provinceOfPlace } from './provinces';

describe('provinces', () => {
  it('has the 77 provinces', () => {
    expect(Object.keys(PROVINCES)).toHaveLength(77);
  });
  it('finds Phrae from 5401 and nothing for a code that is no province', () => {
    expect(provinceOfPlace('5401')).toBe('แพร่');
    expect(provinceOfPlace('0001')).toBeNull();
  });
});
