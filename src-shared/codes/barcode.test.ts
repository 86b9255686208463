import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_SATANG, satangOf, type Satang } from '../money';
import { BARCODE_MAX_LENGTH, barcodeHumanReadable, buildBarcode, parseBarcode } from './barcode';
import type { BillPaymentFields } from './bill-payment';

const code = (result: { ok: true } | { ok: false; error: { code: string } }): string => (result.ok ? 'ok' : result.error.code);
const built = (fields: BillPaymentFields): string => {
  const result = buildBarcode(fields);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const dopa: BillPaymentFields = { billerId: '099400016301108', ref1: '123456789012345', ref2: '001100101000129', amountSatang: satangOf(20_000) };
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

describe('bank barcode — payment-formats.md §1.2 worked examples', () => {
  it('no Ref2, no amount: |099999999999990\\r111222333444\\r\\r0', () => {
    const fields: BillPaymentFields = { billerId: '099999999999990', ref1: '111222333444', ref2: null, amountSatang: null };
    expect(built(fields)).toBe('|099999999999990\r111222333444\r\r0');
    expect(parseBarcode('|099999999999990\r111222333444\r\r0')).toEqual({ ok: true, value: fields });
  });

  it('Ref2 and 3,649.22 baht: |099400016550100\\r123456789012\\r670429\\r364922', () => {
    const fields: BillPaymentFields = { billerId: '099400016550100', ref1: '123456789012', ref2: '670429', amountSatang: satangOf(364_922) };
    expect(built(fields)).toBe('|099400016550100\r123456789012\r670429\r364922');
    expect(parseBarcode('|099400016550100\r123456789012\r670429\r364922')).toEqual({ ok: true, value: fields });
  });
});

describe('bank barcode — payment-formats.md §9 DOPA-shaped vector', () => {
  const payload = '|099400016301108\r123456789012345\r001100101000129\r20000';
  it('builds and parses it; 51 characters without the CRs', () => {
    expect(built(dopa)).toBe(payload);
    expect(payload.replaceAll('\r', '')).toHaveLength(51);
    expect(parseBarcode(payload)).toEqual({ ok: true, value: dopa });
  });

  it('prints the human-readable line with spaces', () => {
    expect(barcodeHumanReadable(payload)).toBe('|099400016301108 123456789012345 001100101000129 20000');
  });

  it('regression: the amount comes from integer satang, never from float baht (promptparse 1.6.0 bug)', () => {
    // The only float in this library's tests: promptparse computes Number(amount.toFixed(2)) * 100.
    const promptparseField = String(Number((1.15).toFixed(2)) * 100);
    expect(promptparseField).toBe('114.99999999999999');
    expect(built({ ...dopa, amountSatang: satangOf(115) }).endsWith('\r115')).toBe(true);
    for (const [baht, satang] of [['4.35', 435], ['19.99', 1_999], ['8.2', 820]] as const) {
      expect(String(Number(Number(baht).toFixed(2)) * 100)).not.toBe(String(satang));
      expect(built({ ...dopa, amountSatang: satangOf(satang) }).endsWith(`\r${satang}`)).toBe(true);
    }
  });
});

describe('bank barcode refusals', () => {
  it.each([
    [{ billerId: '09940001630110' }, 'BILLER_ID_MALFORMED'],
    [{ ref1: '' }, 'BARCODE_BAD_REF1'],
    [{ ref1: '1234567890123456789' }, 'BARCODE_BAD_REF1'],
    [{ ref1: '12345\r6789' }, 'BARCODE_BAD_REF1'],
    [{ ref1: '1234-56' }, 'BARCODE_BAD_REF1'],
    [{ ref2: '' }, 'BARCODE_BAD_REF2'],
    [{ ref2: '1234567890123456789' }, 'BARCODE_BAD_REF2'],
    [{ amountSatang: 0 }, 'BARCODE_BAD_AMOUNT'],
    [{ amountSatang: -100 }, 'BARCODE_BAD_AMOUNT'],
    [{ amountSatang: 1.5 }, 'BARCODE_BAD_AMOUNT'],
    [{ amountSatang: MAX_DOCUMENT_SATANG + 1 }, 'BARCODE_BAD_AMOUNT'],
  ])('build refuses %j → %s', (change, expected) => {
    expect(code(buildBarcode({ ...dopa, ...change } as BillPaymentFields))).toBe(expected);
  });

  it.each([
    ['099400016301108\r1\r\r0', 'BARCODE_MISSING_PREFIX'],
    ['|099400016301108\r1\r0', 'BARCODE_WRONG_FIELD_COUNT'],
    ['|099400016301108\r1\r\r0\r', 'BARCODE_WRONG_FIELD_COUNT'],
    ['|099400016301108 1  0', 'BARCODE_WRONG_FIELD_COUNT'],
    ['|09940001630110\r1\r\r0', 'BILLER_ID_MALFORMED'],
    ['|099400016301108\r\r\r0', 'BARCODE_BAD_REF1'],
    ['|099400016301108\r1234567890123456789\r\r0', 'BARCODE_BAD_REF1'],
    ['|099400016301108\r1\r1234567890123456789\r0', 'BARCODE_BAD_REF2'],
    ['|099400016301108\r1\r12 3\r0', 'BARCODE_BAD_REF2'],
    ['|099400016301108\r1\r\r', 'BARCODE_BAD_AMOUNT'],
    ['|099400016301108\r1\r\r020000', 'BARCODE_BAD_AMOUNT'],
    ['|099400016301108\r1\r\r200.00', 'BARCODE_BAD_AMOUNT'],
    ['|099400016301108\r1\r\r-1', 'BARCODE_BAD_AMOUNT'],
    ['|099400016301108\r1\r\r10000000000', 'BARCODE_BAD_AMOUNT'],
    [`|099400016301108\r${'1'.repeat(18)}\r${'2'.repeat(18)}\r${'3'.repeat(11)}`, 'BARCODE_TOO_LONG'],
  ])('parse refuses %j → %s', (payload, expected) => {
    expect(code(parseBarcode(payload))).toBe(expected);
  });

  it('accepts the longest payload: 62 characters without CRs', () => {
    const longest = `|099400016301108\r${'1'.repeat(18)}\r${'2'.repeat(18)}\r${MAX_DOCUMENT_SATANG}`;
    expect(longest).toHaveLength(BARCODE_MAX_LENGTH);
    expect(code(parseBarcode(longest))).toBe('ok');
  });
});

describe('bank barcode properties', () => {
  const reference = (minLength: number, maxLength: number) => fc.string({ unit: fc.constantFrom(...ALNUM), minLength, maxLength });
  const bill = fc.record({
    billerId: fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 15, maxLength: 15 }),
    ref1: reference(1, 18),
    ref2: fc.option(reference(1, 18), { nil: null }),
    amountSatang: fc.option(fc.integer({ min: 1, max: MAX_DOCUMENT_SATANG }).map((value) => value as Satang), { nil: null }),
  });

  it('build → parse round-trips and stays within 62 characters without CRs', () => {
    fc.assert(
      fc.property(bill, (fields) => {
        const payload = built(fields);
        expect(payload.replaceAll('\r', '').length).toBeLessThanOrEqual(62);
        expect(parseBarcode(payload)).toEqual({ ok: true, value: fields });
      }),
      { numRuns: 5_000 },
    );
  });
});
