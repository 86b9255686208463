import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidMod97_10 } from './iso7064-mod97';
import { REF2_CHECK_ALGORITHM, buildRef2, costCentreLast3, parseRef2, ref2CheckDigits, type Ref2Input } from './ref2';

const digits = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const code = (result: { ok: true } | { ok: false; error: { code: string } }): string => (result.ok ? 'ok' : result.error.code);
const valid: Ref2Input = { costCentreLast3: '001', place: '1001', revenueCode: '010001' };

/** Every single-digit substitution of a 15-digit string. */
function substitutions(text: string): string[] {
  const out: string[] = [];
  for (let position = 0; position < text.length; position += 1) {
    for (const digit of '0123456789') {
      if (digit !== text.charAt(position)) out.push(`${text.slice(0, position)}${digit}${text.slice(position + 1)}`);
    }
  }
  return out;
}

/** Every swap of two adjacent, different digits. */
function adjacentSwaps(text: string): string[] {
  const out: string[] = [];
  for (let position = 0; position + 1 < text.length; position += 1) {
    const [a, b] = [text.charAt(position), text.charAt(position + 1)];
    if (a !== b) out.push(`${text.slice(0, position)}${b}${a}${text.slice(position + 2)}`);
  }
  return out;
}

describe('Ref2 = XXX PPPP LLLABC EE, EE = ISO 7064 MOD 97-10 (design.md)', () => {
  it('builds the payment-formats.md §9 vector 001100101000129', () => {
    expect(REF2_CHECK_ALGORITHM).toBe('ISO/IEC 7064 MOD 97-10');
    expect(ref2CheckDigits('0011001010001')).toBe('29');
    expect(buildRef2(valid)).toEqual({ ok: true, value: '001100101000129' });
  });

  it('parses it back', () => {
    expect(parseRef2('001100101000129')).toEqual({
      ok: true,
      value: { ref2: '001100101000129', costCentreLast3: '001', place: '1001', revenueCode: '010001', checkDigits: '29' },
    });
  });

  it('takes the last 3 digits of a 10-digit cost centre', () => {
    expect(costCentreLast3('5400100001')).toEqual({ ok: true, value: '001' });
    expect(code(costCentreLast3('540010000'))).toBe('COST_CENTRE_MALFORMED');
  });

  it.each([
    [{ costCentreLast3: '01' }, 'COST_CENTRE_MALFORMED'],
    [{ costCentreLast3: '5400100001' }, 'COST_CENTRE_MALFORMED'],
    [{ place: '0000' }, 'PLACE_CODE_ZERO'],
    [{ place: '12' }, 'PLACE_CODE_MALFORMED'],
    [{ revenueCode: '80400' }, 'REVENUE_CODE_MALFORMED'],
    [{ revenueCode: '000001' }, 'REVENUE_CODE_ZERO'],
  ])('build refuses %j → %s', (change, expected) => {
    expect(code(buildRef2({ ...valid, ...change }))).toBe(expected);
  });

  it.each([
    ['00110010100012', 'REF2_MALFORMED'],
    ['0011001010001290', 'REF2_MALFORMED'],
    ['00110010100012x', 'REF2_MALFORMED'],
    ['001100101000128', 'REF2_BAD_CHECK_DIGITS'],
    ['001100101000192', 'REF2_BAD_CHECK_DIGITS'],
    [`0010000010001${ref2CheckDigits('0010000010001')}`, 'PLACE_CODE_ZERO'],
    [`0011001000001${ref2CheckDigits('0011001000001')}`, 'REVENUE_CODE_ZERO'],
  ])('parse refuses %j → %s', (text, expected) => {
    expect(code(parseRef2(text))).toBe(expected);
  });

  it('detects every single-digit change and every adjacent swap of the §9 vector', () => {
    for (const changed of [...substitutions('001100101000129'), ...adjacentSwaps('001100101000129')]) {
      expect(code(parseRef2(changed))).toBe('REF2_BAD_CHECK_DIGITS');
    }
  });

  it('property: any one-digit change of any Ref2 is detected', () => {
    fc.assert(
      fc.property(digits(13), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 9 }), (base, position, delta) => {
        const ref2 = `${base}${ref2CheckDigits(base)}`;
        const digit = String((Number(ref2.charAt(position)) + delta) % 10);
        const changed = `${ref2.slice(0, position)}${digit}${ref2.slice(position + 1)}`;
        expect(isValidMod97_10(changed)).toBe(false);
        expect(code(parseRef2(changed))).toBe('REF2_BAD_CHECK_DIGITS');
      }),
      { numRuns: 20_000 },
    );
  });

  it('property: any swap of two adjacent different digits is detected', () => {
    fc.assert(
      fc.property(digits(13), fc.integer({ min: 0, max: 13 }), (base, position) => {
        const ref2 = `${base}${ref2CheckDigits(base)}`;
        const [a, b] = [ref2.charAt(position), ref2.charAt(position + 1)];
        fc.pre(a !== b);
        const swapped = `${ref2.slice(0, position)}${b}${a}${ref2.slice(position + 2)}`;
        expect(code(parseRef2(swapped))).toBe('REF2_BAD_CHECK_DIGITS');
      }),
      { numRuns: 20_000 },
    );
  });

  it('exhaustively for 300 random Ref2s: all 135 substitutions and all adjacent swaps', () => {
    fc.assert(
      fc.property(digits(13), (base) => {
        const ref2 = `${base}${ref2CheckDigits(base)}`;
        for (const changed of [...substitutions(ref2), ...adjacentSwaps(ref2)]) expect(isValidMod97_10(changed)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('property: build → parse round-trips', () => {
    fc.assert(
      fc.property(digits(3), digits(4).filter((p) => p !== '0000'), digits(6).filter((r) => !r.startsWith('000')), (costCentre, place, revenueCode) => {
        const built = buildRef2({ costCentreLast3: costCentre, place, revenueCode });
        if (!built.ok) throw new Error(built.error.message);
        expect(built.value).toMatch(/^\d{15}$/);
        const parsed = parseRef2(built.value);
        expect(parsed.ok && parsed.value).toMatchObject({ costCentreLast3: costCentre, place, revenueCode, ref2: built.value });
      }),
    );
  });
});
