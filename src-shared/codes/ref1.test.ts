import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_REF1_COUNTER, buildRef1, parseRef1, type Ref1Input } from './ref1';

const valid: Ref1Input = { requestType: '1', requestSubtype: '01', place: '5401', yearBe: 2569, terminalSlot: 1, counter: 1 };
const built = (input: Ref1Input): string => {
  const result = buildRef1(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const code = (result: { ok: true } | { ok: false; error: { code: string } }): string => (result.ok ? 'ok' : result.error.code);

describe('Ref1 = type 1 + sub-type 2 + place 4 + yy 2 + slot 1 + counter 5 (design.md)', () => {
  it('builds the 15 digits', () => {
    expect(built(valid)).toBe('101540169100001');
    expect(built({ ...valid, yearBe: 2600, terminalSlot: 9, counter: MAX_REF1_COUNTER })).toBe('101540100999999');
  });

  it('parses them back', () => {
    expect(parseRef1('101540169100001')).toEqual({
      ok: true,
      value: { ref1: '101540169100001', requestType: '1', requestSubtype: '01', place: '5401', yearBe2: '69', terminalSlot: 1, counter: 1 },
    });
  });

  it.each([
    [{ requestType: '' }, 'REF1_BAD_REQUEST_TYPE'],
    [{ requestType: '12' }, 'REF1_BAD_REQUEST_TYPE'],
    [{ requestSubtype: '1' }, 'REF1_BAD_SUBTYPE'],
    [{ requestSubtype: 'ab' }, 'REF1_BAD_SUBTYPE'],
    [{ place: '540' }, 'PLACE_CODE_MALFORMED'],
    [{ place: '0000' }, 'PLACE_CODE_ZERO'],
    [{ yearBe: 69 }, 'REF1_BAD_YEAR'],
    [{ yearBe: 2569.5 }, 'REF1_BAD_YEAR'],
    [{ yearBe: 3000 }, 'REF1_BAD_YEAR'],
    [{ terminalSlot: 0 }, 'REF1_BAD_SLOT'],
    [{ terminalSlot: 10 }, 'REF1_BAD_SLOT'],
    [{ terminalSlot: 1.5 }, 'REF1_BAD_SLOT'],
    [{ counter: 0 }, 'REF1_BAD_COUNTER'],
    [{ counter: 100_000 }, 'REF1_BAD_COUNTER'],
    [{ counter: 2.5 }, 'REF1_BAD_COUNTER'],
  ])('build refuses %j → %s', (change, expected) => {
    expect(code(buildRef1({ ...valid, ...change }))).toBe(expected);
  });

  it.each([
    ['10154016910000', 'REF1_MALFORMED'],
    ['1015401691000011', 'REF1_MALFORMED'],
    ['10154016910000x', 'REF1_MALFORMED'],
    ['101 540169100001', 'REF1_MALFORMED'],
    ['101000069100001', 'PLACE_CODE_ZERO'],
    ['101540169000001', 'REF1_BAD_SLOT'],
    ['101540169100000', 'REF1_BAD_COUNTER'],
    ['123456789012345', 'REF1_BAD_SLOT'], // the synthetic Ref1 of payment-formats.md §9: running 012345 has slot 0
  ])('parse refuses %j → %s', (text, expected) => {
    expect(code(parseRef1(text))).toBe(expected);
  });

  it('build → parse round-trips every valid Ref1', () => {
    const digits = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
    fc.assert(
      fc.property(
        digits(1),
        digits(2),
        digits(4).filter((place) => place !== '0000'),
        fc.integer({ min: 2500, max: 2999 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: MAX_REF1_COUNTER }),
        (requestType, requestSubtype, place, yearBe, terminalSlot, counter) => {
          const ref1 = built({ requestType, requestSubtype, place, yearBe, terminalSlot, counter });
          expect(ref1).toMatch(/^\d{15}$/);
          expect(parseRef1(ref1)).toEqual({
            ok: true,
            value: { ref1, requestType, requestSubtype, place, yearBe2: String(yearBe % 100).padStart(2, '0'), terminalSlot, counter },
          });
        },
      ),
    );
  });
});
