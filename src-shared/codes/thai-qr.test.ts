import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_SATANG, satangOf, type Satang } from '../money';
import { parseBarcode } from './barcode';
import { crc16Hex } from './crc16';
import { codePointLength, decodeTlv, encodeTlv } from './emv-tlv';
import { QR_MAX_PAYLOAD_LENGTH, buildBillPaymentQr, parseBillPaymentQr, type BillPaymentQrFields } from './thai-qr';

const code = (result: { ok: true } | { ok: false; error: { code: string } }): string => (result.ok ? 'ok' : result.error.code);
const built = (fields: BillPaymentQrFields): string => {
  const result = buildBillPaymentQr(fields);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
/** Appends a correct CRC, to test refusals that come after the CRC check. */
const withCrc = (body: string): string => `${body}6304${crc16Hex(`${body}6304`)}`;
const dopa: BillPaymentQrFields = { billerId: '099400016301108', ref1: '123456789012345', ref2: '001100101000129', amountSatang: satangOf(20_000) };
const MERCHANT = '30770016A00000067701011201150994000163011080215123456789012345031500110010100012953';
const ALNUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

describe('Thai QR bill payment — payment-formats.md §9 DOPA-shaped vectors (order 53-58-54)', () => {
  it('200.00 baht, POI 12', () => {
    expect(built(dopa)).toBe('00020101021230770016A00000067701011201150994000163011080215123456789012345031500110010100012953037645802TH5406200.006304E9CC');
  });

  it('same + tag 62/07 KTB0001', () => {
    expect(built({ ...dopa, terminalLabel: 'KTB0001' })).toBe(
      '00020101021230770016A00000067701011201150994000163011080215123456789012345031500110010100012953037645802TH5406200.0062110707KTB000163046458',
    );
  });

  it('no amount, POI 11', () => {
    expect(built({ ...dopa, amountSatang: null })).toBe(
      '00020101021130770016A00000067701011201150994000163011080215123456789012345031500110010100012953037645802TH6304ACBC',
    );
  });

  it('parses back tag 30/02 = 123456789012345 and tag 54 = 200.00', () => {
    const parsed = parseBillPaymentQr('00020101021230770016A00000067701011201150994000163011080215123456789012345031500110010100012953037645802TH5406200.006304E9CC');
    expect(parsed).toEqual({ ok: true, value: { ...dopa, terminalLabel: null, pointOfInitiation: 'dynamic' } });
  });

  it('parses the same bill with the amount in order 53-54-58', () => {
    const parsed = parseBillPaymentQr('00020101021230770016A00000067701011201150994000163011080215123456789012345031500110010100012953037645406200.005802TH6304502F');
    expect(parsed).toEqual({ ok: true, value: { ...dopa, terminalLabel: null, pointOfInitiation: 'dynamic' } });
  });

  it('parses the tag 62/07 variant and the no-amount variant', () => {
    const labelled = parseBillPaymentQr(
      '00020101021230770016A00000067701011201150994000163011080215123456789012345031500110010100012953037645802TH5406200.0062110707KTB000163046458',
    );
    expect(labelled.ok && labelled.value.terminalLabel).toBe('KTB0001');
    const open = parseBillPaymentQr('00020101021130770016A00000067701011201150994000163011080215123456789012345031500110010100012953037645802TH6304ACBC');
    expect(open).toEqual({ ok: true, value: { ...dopa, amountSatang: null, terminalLabel: null, pointOfInitiation: 'static' } });
  });
});

describe('Thai QR bill payment — published promptparse / thai-qr-payment / pheerathach vectors', () => {
  it('barcode → QR tag 30, no amount (POI 11): …63043EE7', () => {
    const barcode = parseBarcode('|099999999999990\r111222333444\r\r0');
    if (!barcode.ok) throw new Error(barcode.error.message);
    expect(built(barcode.value)).toBe('00020101021130550016A0000006770101120115099999999999990021211122233344453037645802TH63043EE7');
  });

  it('barcode → QR tag 30 with Ref2 and 3,649.22 baht: …63044534', () => {
    const barcode = parseBarcode('|099400016550100\r123456789012\r670429\r364922');
    if (!barcode.ok) throw new Error(barcode.error.message);
    const payload = built(barcode.value);
    expect(payload).toBe('00020101021230650016A00000067701011201150994000165501000212123456789012030667042953037645802TH54073649.2263044534');
    expect(parseBillPaymentQr(payload)).toEqual({ ok: true, value: { ...barcode.value, terminalLabel: null, pointOfInitiation: 'dynamic' } });
  });

  it.each([
    // promptparse "bill pay + ref3": valid CRC, but a 13-character biller ID is not ours (15 digits).
    ['00020101021130620016A000000677010112011301122334455660211CUSTOMER0010306INV00153037645802TH62070703SCB6304780E', 'BILLER_ID_MALFORMED'],
    // thai-qr-payment docs: cross-border bill-payment AID.
    ['00020101021230550016A0000006770120060115099400016550100021212345678901253037645406100.005802TH63049D1C', 'QR_UNSUPPORTED_AID'],
    // pheerathach: a PromptPay (tag 29) payload, no bill-payment tag 30.
    ['00020101021129370016A0000006770101110113006600000000053037645406100.005802TH6304D19E', 'QR_MISSING_TAG'],
    // promptparse: the same payload with a valid (42BE) and an invalid (FFFF) checksum.
    ['00020101021229370016A0000006770101110113006680111111153037645802TH540520.15630442BE', 'QR_MISSING_TAG'],
    ['00020101021229370016A0000006770101110113006680111111153037645802TH540520.156304FFFF', 'QR_BAD_CRC'],
  ])('%s → %s', (payload, expected) => {
    expect(code(parseBillPaymentQr(payload))).toBe(expected);
  });
});

describe('Thai QR parse refusals', () => {
  it.each([
    ['too long', 'x'.repeat(QR_MAX_PAYLOAD_LENGTH + 1), 'QR_TOO_LONG'],
    ['no CRC tag', '000201010211', 'QR_BAD_CRC_FORMAT'],
    ['short', '6304', 'QR_BAD_CRC_FORMAT'],
    ['3-digit CRC', '00020101021130770016A0000006770101120115099400016301108021512345678901234503150011001010001295303764580TH6303CBC', 'QR_BAD_CRC_FORMAT'],
    ['non-hex CRC', `${withCrc(`000201010211${MERCHANT}037645802TH`).slice(0, -4)}ZZZZ`, 'QR_BAD_CRC_FORMAT'],
    ['wrong CRC', `${withCrc(`000201010211${MERCHANT}037645802TH`).slice(0, -4)}0000`, 'QR_BAD_CRC'],
    ['CRC hidden in another value', badTail(), 'QR_BAD_CRC_FORMAT'],
    ['tag 63 of length 08 ending in a CRC', withCrc(`000201010211${MERCHANT}037645802TH6308`), 'QR_BAD_CRC_FORMAT'],
    ['truncated TLV', withCrc('000201010211309'), 'QR_MALFORMED_TLV'],
    ['length 00', withCrc('00020101021152000'), 'QR_MALFORMED_TLV'],
    ['non-digit ID', withCrc('000201010211X1020'), 'QR_MALFORMED_TLV'],
    ['value cut short', withCrc('00020101021153990'), 'QR_MALFORMED_TLV'],
    ['duplicate tag', withCrc(`000201010211010211${MERCHANT}037645802TH`), 'QR_DUPLICATE_TAG'],
    ['format indicator not first', withCrc(`010211000201${MERCHANT}037645802TH`), 'QR_BAD_FORMAT_INDICATOR'],
    ['format indicator 02', withCrc(`000202010211${MERCHANT}037645802TH`), 'QR_BAD_FORMAT_INDICATOR'],
    ['no tag 01', withCrc(`000201${MERCHANT}037645802TH`), 'QR_MISSING_TAG'],
    ['no tag 30', withCrc('0002010102115303764' + '5802TH'), 'QR_MISSING_TAG'],
    ['no tag 53', withCrc(`000201010211${MERCHANT.slice(0, -2)}5802TH`), 'QR_MISSING_TAG'],
    ['no tag 58', withCrc(`000201010211${MERCHANT}03764`), 'QR_MISSING_TAG'],
    ['POI 13', withCrc(`000201010213${MERCHANT}037645802TH`), 'QR_BAD_POINT_OF_INITIATION'],
    ['currency USD', withCrc(`000201010211${MERCHANT}038405802TH`), 'QR_BAD_CURRENCY'],
    ['country LA', withCrc(`000201010211${MERCHANT}037645802LA`), 'QR_BAD_COUNTRY'],
    ['amount 0.00', withCrc(`000201010212${MERCHANT}037645802TH54040.00`), 'QR_BAD_AMOUNT'],
    ['amount 1.234', withCrc(`000201010212${MERCHANT}037645802TH54051.234`), 'QR_BAD_AMOUNT'],
    ['amount with comma', withCrc(`000201010212${MERCHANT}037645802TH54081,000.00`), 'QR_BAD_AMOUNT'],
    ['amount 01.00', withCrc(`000201010212${MERCHANT}037645802TH540501.00`), 'QR_BAD_AMOUNT'],
    ['amount above the maximum', withCrc(`000201010212${MERCHANT}037645802TH5412100000000.00`), 'QR_BAD_AMOUNT'],
    ['bad tag 62', withCrc(`000201010211${MERCHANT}037645802TH6203070`), 'QR_MALFORMED_TLV'],
    ['tag 62/07 twice', withCrc(`000201010211${MERCHANT}037645802TH62140703KTB0703SCB`), 'QR_DUPLICATE_TAG'],
    ['bad terminal label', withCrc(`000201010211${MERCHANT}037645802TH62070703K-1`), 'QR_BAD_TERMINAL_LABEL'],
  ])('%s → %s', (_name, payload, expected) => {
    expect(code(parseBillPaymentQr(payload))).toBe(expected);
  });

  const template = (inner: string): string => withCrc(`000201010211${encodeTlv('30', inner)}53037645802TH`);
  const AID = encodeTlv('00', 'A000000677010112');
  const BILLER = encodeTlv('01', '099400016301108');
  const REF1 = encodeTlv('02', '123456789012345');
  it.each([
    ['tag 30 malformed', template('0016A00000067701011'), 'QR_MALFORMED_TLV'],
    ['tag 30/00 twice', template(`${AID}${AID}${BILLER}${REF1}`), 'QR_DUPLICATE_TAG'],
    ['no AID', template(`${BILLER}${REF1}`), 'QR_MISSING_TAG'],
    ['no biller', template(`${AID}${REF1}`), 'QR_MISSING_TAG'],
    ['no Ref1', template(`${AID}${BILLER}`), 'QR_MISSING_TAG'],
    ['PromptPay AID', template(`${encodeTlv('00', 'A000000677010111')}${BILLER}${REF1}`), 'QR_UNSUPPORTED_AID'],
    ['short biller', template(`${AID}${encodeTlv('01', '09940001630110')}${REF1}`), 'BILLER_ID_MALFORMED'],
    ['Ref1 too long', template(`${AID}${BILLER}${encodeTlv('02', '1'.repeat(21))}`), 'QR_BAD_REF1'],
    ['Ref1 with a dash', template(`${AID}${BILLER}${encodeTlv('02', '12-34')}`), 'QR_BAD_REF1'],
    ['Ref2 with a space', template(`${AID}${BILLER}${REF1}${encodeTlv('03', '12 34')}`), 'QR_BAD_REF2'],
  ])('%s → %s', (_name, payload, expected) => {
    expect(code(parseBillPaymentQr(payload))).toBe(expected);
  });

  it('skips unknown optional tags (root 52, 59, 64 in Thai; 30/09; 62/05) and accepts a lowercase CRC', () => {
    const merchant = `${AID}${BILLER}${REF1}${encodeTlv('09', 'extra')}`;
    const thaiName = encodeTlv('64', `${encodeTlv('00', 'TH')}${encodeTlv('01', 'ที่ทำการปกครองอำเภอ😀')}`);
    const payload = withCrc(`000201010211${encodeTlv('30', merchant)}52040000530376458${'02TH'}5905DOPA1${thaiName}${encodeTlv('62', encodeTlv('05', 'INV1'))}`);
    const parsed = parseBillPaymentQr(payload);
    expect(parsed).toEqual({ ok: true, value: { billerId: '099400016301108', ref1: '123456789012345', ref2: null, amountSatang: null, terminalLabel: null, pointOfInitiation: 'static' } });
    expect(code(parseBillPaymentQr(`${payload.slice(0, -4)}${payload.slice(-4).toLowerCase()}`))).toBe('ok');
  });

  it('reads amounts without decimals or with one decimal digit', () => {
    const amountOf = (text: string): Satang | null | string => {
      const parsed = parseBillPaymentQr(withCrc(`000201010212${MERCHANT}037645802TH${encodeTlv('54', text)}`));
      return parsed.ok ? parsed.value.amountSatang : parsed.error.code;
    };
    expect([amountOf('200'), amountOf('200.5'), amountOf('0.01'), amountOf('99999999.99')]).toEqual([20_000, 20_050, 1, 9_999_999_999]);
  });
});

/** A payload whose last 8 characters look like "6304" + a correct CRC but belong to the value of tag 99. */
function badTail(): string {
  const body = '0002010102119912abcd6304';
  return `${body}${crc16Hex(body)}`;
}

describe('Thai QR build refusals', () => {
  it.each([
    [{ billerId: '0994000163011' }, 'BILLER_ID_MALFORMED'],
    [{ ref1: '' }, 'QR_BAD_REF1'],
    [{ ref1: '1'.repeat(21) }, 'QR_BAD_REF1'],
    [{ ref2: '' }, 'QR_BAD_REF2'],
    [{ ref2: 'INV-1' }, 'QR_BAD_REF2'],
    [{ amountSatang: 0 }, 'QR_BAD_AMOUNT'],
    [{ amountSatang: 10.5 }, 'QR_BAD_AMOUNT'],
    [{ amountSatang: MAX_DOCUMENT_SATANG + 1 }, 'QR_BAD_AMOUNT'],
    [{ terminalLabel: '' }, 'QR_BAD_TERMINAL_LABEL'],
    [{ terminalLabel: 'K'.repeat(27) }, 'QR_BAD_TERMINAL_LABEL'],
  ])('%j → %s', (change, expected) => {
    expect(code(buildBillPaymentQr({ ...dopa, ...change } as BillPaymentQrFields))).toBe(expected);
  });
});

describe('Thai QR properties', () => {
  const reference = (maxLength: number) => fc.string({ unit: fc.constantFrom(...ALNUM), minLength: 1, maxLength });
  const bill = fc.record({
    billerId: fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 15, maxLength: 15 }),
    ref1: reference(20),
    ref2: fc.option(reference(20), { nil: null }),
    amountSatang: fc.option(fc.integer({ min: 1, max: MAX_DOCUMENT_SATANG }).map((value) => value as Satang), { nil: null }),
    terminalLabel: fc.option(reference(26), { nil: null }),
  });

  it('build → parse round-trips; POI follows the amount; CRC is 4 uppercase hex', () => {
    fc.assert(
      fc.property(bill, (fields) => {
        const payload = built(fields);
        expect(payload).toMatch(/6304[0-9A-F]{4}$/);
        expect(payload.slice(10, 12)).toBe(fields.amountSatang === null ? '11' : '12');
        expect(parseBillPaymentQr(payload)).toEqual({
          ok: true,
          value: { ...fields, pointOfInitiation: fields.amountSatang === null ? 'static' : 'dynamic' },
        });
      }),
      { numRuns: 5_000 },
    );
  });

  it('any single-character change of a built payload is refused', () => {
    fc.assert(
      fc.property(bill, fc.nat(), fc.integer({ min: 0x20, max: 0x7e }), (fields, positionSeed, charCode) => {
        const payload = built(fields);
        const position = positionSeed % payload.length;
        fc.pre(payload.charCodeAt(position) !== charCode);
        const replacement = String.fromCharCode(charCode);
        // A hex CRC digit changed only in letter case still names the same CRC.
        fc.pre(!(position >= payload.length - 4 && replacement.toUpperCase() === payload.charAt(position)));
        const changed = `${payload.slice(0, position)}${replacement}${payload.slice(position + 1)}`;
        expect(parseBillPaymentQr(changed).ok).toBe(false);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('EMV TLV', () => {
  it('counts code points, not UTF-16 units', () => {
    expect(codePointLength('a😀b')).toBe(3);
    expect(codePointLength('\uD800')).toBe(1);
    expect(codePointLength('\uD800x')).toBe(2);
    expect(encodeTlv('64', 'ก😀')).toBe('6402ก😀');
    expect(decodeTlv('6402ก😀01011', 't')).toEqual({ ok: true, value: [{ tag: '64', value: 'ก😀' }, { tag: '01', value: '1' }] });
  });

  it('refuses to encode bad tags and lengths', () => {
    expect(() => encodeTlv('1', 'x')).toThrow();
    expect(() => encodeTlv('01', '')).toThrow();
    expect(() => encodeTlv('01', 'x'.repeat(100))).toThrow();
  });
});
