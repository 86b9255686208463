import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units at every level and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('orders keys as the RFC 8785 §3.2.3 example does', () => {
    const input = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
    // Read the keys off the text itself: JSON.parse would move the integer-like key "1" first.
    const keysInOrder = [...canonicalJson(input).matchAll(/"((?:[^"\\]|\\.)*)":/g)].map((m) => JSON.parse(`"${m[1] ?? ''}"`) as string);
    expect(keysInOrder).toEqual(['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
  });

  it('writes numbers as ECMAScript does (RFC 8785 §3.2.2.3 samples)', () => {
    expect(canonicalJson([1e21, 1e-7, 0.000001, -0, 333333333.3333333, 4.5, 2e-3, 1e23])).toBe('[1e+21,1e-7,0.000001,0,333333333.3333333,4.5,0.002,1e+23]');
  });

  it('writes strings with the minimal JSON escapes', () => {
    expect(canonicalJson('ใบเสร็จ\n"\u0001\u2028')).toBe('"ใบเสร็จ\\n\\"\\u0001\u2028"');
  });

  it('refuses what JSON cannot carry exactly', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(/not a JSON number/);
    expect(() => canonicalJson(Number.POSITIVE_INFINITY)).toThrow(/not a JSON number/);
    expect(() => canonicalJson({ a: undefined })).toThrow(/"a" is undefined/);
    expect(() => canonicalJson(10n)).toThrow(/bigint/);
    expect(() => canonicalJson(new Date(0))).toThrow(/only plain objects/);
  });

  it('is stable: parsing and writing again gives the same text, whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const once = canonicalJson(value);
        expect(canonicalJson(JSON.parse(once))).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
