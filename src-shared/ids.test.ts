import { describe, expect, it } from 'vitest';
import { UUID_PATTERN, uuidv7 } from './ids';

describe('uuidv7', () => {
  it('encodes the timestamp, version 7 and the RFC variant', () => {
    const id = uuidv7(0x0189_7f2a_1b3c, new Uint8Array(10).fill(0xff));
    expect(id).toMatch(UUID_PATTERN);
    expect(id.startsWith('01897f2a-1b3c-7')).toBe(true);
    expect(id[19]).toMatch(/[89ab]/);
  });
  it('sorts by time', () => {
    const a = uuidv7(1_700_000_000_000, new Uint8Array(10).fill(0xff));
    const b = uuidv7(1_700_000_000_001, new Uint8Array(10));
    expect(a < b).toBe(true);
  });
  it('refuses a bad time or the wrong number of random bytes', () => {
    expect(() => uuidv7(-1, new Uint8Array(10))).toThrow(RangeError);
    expect(() => uuidv7(1.5, new Uint8Array(10))).toThrow(RangeError);
    expect(() => uuidv7(1, new Uint8Array(9))).toThrow(RangeError);
  });
});
