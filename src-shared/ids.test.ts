import { describe, expect, it } from 'vitest';
import { ID_LENGTH, ID_PATTERN, idToUuid, UUID_PATTERN, uuidv7 } from './ids';

describe('uuidv7', () => {
  it('is 26 characters of Crockford base32 holding the timestamp, version 7 and the RFC variant', () => {
    const id = uuidv7(0x0189_7f2a_1b3c, new Uint8Array(10).fill(0xff));
    expect(id).toHaveLength(ID_LENGTH);
    expect(id).toMatch(ID_PATTERN);
    const uuid = idToUuid(id);
    expect(uuid).toMatch(UUID_PATTERN);
    expect(uuid.startsWith('01897f2a-1b3c-7')).toBe(true);
    expect(uuid[19]).toMatch(/[89ab]/);
    expect(uuid).toBe('01897f2a-1b3c-7fff-bfff-ffffffffffff');
  });
  it('sorts by time as text, as the hex form does', () => {
    const a = uuidv7(1_700_000_000_000, new Uint8Array(10).fill(0xff));
    const b = uuidv7(1_700_000_000_001, new Uint8Array(10));
    expect(a < b).toBe(true);
    expect(idToUuid(a) < idToUuid(b)).toBe(true);
  });
  it('round-trips every bit: random bytes come back in the standard form', () => {
    const random = Uint8Array.from([0x0a, 0xbc, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0]);
    expect(idToUuid(uuidv7(0, random))).toBe('00000000-0000-7abc-9234-56789abcdef0');
  });
  it('writes the same text as the 130-bit BigInt reading of the 16 bytes, over random bytes and the edges', () => {
    const bigIntForm = (nowMs: number, random10: Uint8Array): string => {
      const bytes = new Uint8Array(16);
      let time = nowMs;
      for (let i = 5; i >= 0; i -= 1) {
        bytes[i] = time % 256;
        time = Math.floor(time / 256);
      }
      bytes.set(random10, 6);
      bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
      bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
      let value = 0n;
      for (const b of bytes) value = (value << 8n) | BigInt(b);
      let text = '';
      for (let i = 0; i < ID_LENGTH; i += 1) {
        text = ('0123456789ABCDEFGHJKMNPQRSTVWXYZ'[Number(value & 31n)] ?? '') + text;
        value >>= 5n;
      }
      return text;
    };
    let seed = 0x2545f491;
    const next = (): number => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed >>> 16;
    };
    const cases: [number, Uint8Array][] = [
      [0, new Uint8Array(10)],
      [2 ** 48 - 1, new Uint8Array(10).fill(0xff)],
      ...Array.from({ length: 2000 }, (): [number, Uint8Array] => [next() * 2 ** 32 + next() * 65_536 + next(), Uint8Array.from({ length: 10 }, () => next() & 0xff)]),
    ];
    for (const [ms, random] of cases) expect(uuidv7(ms, random)).toBe(bigIntForm(ms, random));
  });
  it('refuses a bad time, the wrong number of random bytes, and a text that is not an id', () => {
    expect(() => uuidv7(-1, new Uint8Array(10))).toThrow(RangeError);
    expect(() => uuidv7(1.5, new Uint8Array(10))).toThrow(RangeError);
    expect(() => uuidv7(2 ** 48, new Uint8Array(10))).toThrow(RangeError);
    expect(() => uuidv7(1, new Uint8Array(9))).toThrow(RangeError);
    expect(() => idToUuid('01897f2a-1b3c-7fff-bfff-ffffffffffff')).toThrow(RangeError);
    expect(() => idToUuid('8ZZZZZZZZZZZZZZZZZZZZZZZZZ')).toThrow(RangeError);
  });
});
