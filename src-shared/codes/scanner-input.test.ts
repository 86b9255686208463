import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { satangOf } from '../money';
import { buildBarcode } from './barcode';
import type { BillPaymentFields } from './bill-payment';
import { kedmaneeKeyOf } from './kedmanee';
import { buildRef1 } from './ref1';
import { buildRef2 } from './ref2';
import { MAX_SCAN_INPUT_LENGTH, parseScannerInput } from './scanner-input';
import { buildBillPaymentQr } from './thai-qr';

const code = (result: { ok: true } | { ok: false; error: { code: string } }): string => (result.ok ? 'ok' : result.error.code);
const unwrap = <T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

/** US character → what the Kedmanee layout types for the same key (the inverse of kedmaneeKeyOf). */
const ALL_THAI = '_ๅ/-ภถุึคตจขชๆไำพะัีรนยบลฃฟหกดเ้่าสวงผปแอิืทมใฝ%+๑๒๓๔ู฿๕๖๗๘๙๐"ฎฑธํ๊ณฯญฐ,ฅฤฆฏโฌ็๋ษศซ.()ฉฮฺ์?ฒฬฦ';
const US_TO_THAI = new Map([...ALL_THAI].map((thai) => [kedmaneeKeyOf(thai) ?? '', thai]));
const typedInThai = (text: string): string => [...text].map((char) => US_TO_THAI.get(char) ?? char).join('');

const ref1 = unwrap(buildRef1({ requestType: '1', requestSubtype: '01', place: '5401', yearBe: 2569, terminalSlot: 1, counter: 42 }));
const ref2 = unwrap(buildRef2({ costCentreLast3: '001', place: '5401', revenueCode: '804001' }));
const bill: BillPaymentFields = { billerId: '099400016301108', ref1, ref2, amountSatang: satangOf(20_000) };
const barcode = unwrap(buildBarcode(bill));
const qr = unwrap(buildBillPaymentQr(bill));

describe('parseScannerInput — which bill the scan names', () => {
  const expected = (source: string, keyboardLayout = 'as-typed') => ({
    ok: true,
    value: {
      source,
      keyboardLayout,
      billerId: '099400016301108',
      ref1: { ref1, requestType: '1', requestSubtype: '01', place: '5401', yearBe2: '69', terminalSlot: 1, counter: 42 },
      ref2: { ref2, costCentreLast3: '001', place: '5401', revenueCode: '804001', checkDigits: ref2.slice(-2) },
      amountSatang: 20_000,
    },
  });

  it('the barcode payload with CRs and the scanner\'s final Enter', () => {
    expect(parseScannerInput(`${barcode}\r`)).toEqual(expected('barcode'));
    expect(parseScannerInput(barcode)).toEqual(expected('barcode'));
  });

  it('Enter arriving as LF or CRLF', () => {
    expect(parseScannerInput(`${barcode.replaceAll('\r', '\n')}\n`)).toEqual(expected('barcode'));
    expect(parseScannerInput(`${barcode.replaceAll('\r', '\r\n')}\r\n`)).toEqual(expected('barcode'));
  });

  it('the human-readable line with spaces', () => {
    expect(parseScannerInput(barcode.replaceAll('\r', ' '))).toEqual(expected('barcode'));
    expect(parseScannerInput(`  ${barcode.replaceAll('\r', '   ')}\t`)).toEqual(expected('barcode'));
  });

  it('the same with the Thai Kedmanee layout active', () => {
    const typed = typedInThai(barcode);
    expect(typed.startsWith('ฅจตตภจจจๅ')).toBe(true);
    expect(parseScannerInput(`${typed}\r`)).toEqual(expected('barcode', 'thai-kedmanee'));
    expect(parseScannerInput(typedInThai(barcode.replaceAll('\r', ' ')))).toEqual(expected('barcode', 'thai-kedmanee'));
  });

  it('the prefix as ฅ with digits from the numeric keypad', () => {
    expect(parseScannerInput(`ฅ${barcode.slice(1)}`)).toEqual(expected('barcode', 'thai-kedmanee'));
  });

  it('a Thai QR payload, also typed in Kedmanee', () => {
    expect(parseScannerInput(`${qr}\r\n`)).toEqual(expected('qr'));
    expect(parseScannerInput(typedInThai(qr))).toEqual(expected('qr', 'thai-kedmanee'));
  });

  it('a bare Ref1: digits, spaced, Kedmanee, Thai digits', () => {
    const bare = { ok: true, value: { ...expected('ref1').value, billerId: null, ref2: null, amountSatang: null } };
    expect(parseScannerInput(ref1)).toEqual(bare);
    expect(parseScannerInput(`1 01 5401 69 100042\r`)).toEqual(bare);
    expect(parseScannerInput(typedInThai(ref1))).toEqual({ ok: true, value: { ...bare.value, keyboardLayout: 'thai-kedmanee' } });
    expect(typedInThai('1234567890')).toBe('ๅ/-ภถุึคตจ');
    expect(parseScannerInput('๑๐๑๕๔๐๑๖๙๑๐๐๐๔๒')).toEqual(bare);
  });

  it('a barcode with no Ref2 and no amount', () => {
    const open = unwrap(buildBarcode({ ...bill, ref2: null, amountSatang: null }));
    const result = parseScannerInput(open);
    expect(result.ok && [result.value.ref2, result.value.amountSatang]).toEqual([null, null]);
    const spaced = parseScannerInput(open.replaceAll('\r', ' '));
    expect(spaced.ok && [spaced.value.ref2, spaced.value.amountSatang]).toEqual([null, null]);
  });

  it('property: any DOPA bill round-trips through barcode, spaced line, QR and Kedmanee typing', () => {
    const digits = (length: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 99_999 }),
        digits(4).filter((place) => place !== '0000'),
        fc.option(fc.integer({ min: 1, max: 9_999_999_999 }), { nil: null }),
        fc.boolean(),
        (terminalSlot, counter, place, amount, withRef2) => {
          const r1 = unwrap(buildRef1({ requestType: '2', requestSubtype: '10', place, yearBe: 2570, terminalSlot, counter }));
          const r2 = withRef2 ? unwrap(buildRef2({ costCentreLast3: '123', place, revenueCode: '804205' })) : null;
          const fields: BillPaymentFields = { billerId: '099400016301108', ref1: r1, ref2: r2, amountSatang: amount === null ? null : satangOf(amount) };
          const inputs = [unwrap(buildBarcode(fields)), unwrap(buildBillPaymentQr(fields))];
          for (const input of [...inputs, inputs[0]?.replaceAll('\r', ' ') ?? '', ...inputs.map(typedInThai)]) {
            const scanned = unwrap(parseScannerInput(`${input}\r`));
            expect([scanned.ref1.ref1, scanned.ref2?.ref2 ?? null, scanned.amountSatang, scanned.billerId]).toEqual([r1, r2, fields.amountSatang, fields.billerId]);
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

describe('parseScannerInput refusals', () => {
  it.each([
    ['', 'SCAN_EMPTY'],
    [' \r\n', 'SCAN_EMPTY'],
    ['x'.repeat(MAX_SCAN_INPUT_LENGTH + 1), 'SCAN_TOO_LONG'],
    ['hello', 'SCAN_UNRECOGNIZED'],
    ['เเเ', 'SCAN_UNRECOGNIZED'],
    ['12345', 'REF1_MALFORMED'],
    ['101540169000001', 'REF1_BAD_SLOT'],
    ['|099400016301108\r123456789012345\r001100101000129\r20000', 'REF1_BAD_SLOT'], // payment-formats.md §9 synthetic Ref1 has slot 0
    [`|099400016301108\r${ref1}\r${ref2.slice(0, -1)}0\r20000`.replace(`${ref2.slice(-1)}0\r`, '00\r'), 'REF2_BAD_CHECK_DIGITS'],
    [`|099400016301108\r${ref1}\rINV001\r20000`, 'REF2_MALFORMED'],
    [`|099400016301108\r${ref1}\r${ref2}`, 'BARCODE_WRONG_FIELD_COUNT'],
    [`${qr.slice(0, -1)}0`, 'QR_BAD_CRC'],
  ])('%j → %s', (input, expected) => {
    expect(code(parseScannerInput(input))).toBe(expected);
  });

  it('reports the as-typed error when the Kedmanee reading fails too', () => {
    expect(code(parseScannerInput(`${barcode.slice(0, -5)}-2000`))).toBe('BARCODE_BAD_AMOUNT');
  });
});
