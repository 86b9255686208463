import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc16CcittFalse, crc16Hex } from './crc16';
import { utf8Encode } from './utf8';

/** payment-formats.md §9 "QR CRC — published vectors": the last 4 characters are the CRC of the rest. */
const PUBLISHED = [
  '00020101021130620016A000000677010112011301122334455660211CUSTOMER0010306INV00153037645802TH62070703SCB6304780E',
  '00020101021130550016A0000006770101120115099999999999990021211122233344453037645802TH63043EE7',
  '00020101021230650016A00000067701011201150994000165501000212123456789012030667042953037645802TH54073649.2263044534',
  '00020101021230550016A0000006770120060115099400016550100021212345678901253037645406100.005802TH63049D1C',
  '00020101021129370016A0000006770101110113006600000000053037645406100.005802TH6304D19E',
  '00020101021230770016A00000067701011201150994000163011080215123456789012345031500110010100012953037645802TH5406200.006304E9CC',
  '00020101021230770016A00000067701011201150994000163011080215123456789012345031500110010100012953037645802TH5406200.0062110707KTB000163046458',
  '00020101021230770016A00000067701011201150994000163011080215123456789012345031500110010100012953037645406200.005802TH6304502F',
  '00020101021130770016A00000067701011201150994000163011080215123456789012345031500110010100012953037645802TH6304ACBC',
  '00020101021229370016A0000006770101110113006680111111153037645802TH540520.15630442BE',
];

describe('CRC-16/CCITT-FALSE', () => {
  it('check value of "123456789" is 29B1', () => {
    expect(crc16Hex('123456789')).toBe('29B1');
    expect(crc16CcittFalse(utf8Encode('123456789'))).toBe(0x29b1);
  });

  it.each(PUBLISHED)('recomputes the published CRC of %s', (payload) => {
    expect(crc16Hex(payload.slice(0, -4))).toBe(payload.slice(-4));
  });

  it('the promptparse "invalid checksum" payload ends in FFFF but its CRC is 42BE', () => {
    const payload = '00020101021229370016A0000006770101110113006680111111153037645802TH540520.156304FFFF';
    expect(crc16Hex(payload.slice(0, -4))).toBe('42BE');
  });

  it('pads to 4 uppercase hex digits (pheerathach drops leading zeros)', () => {
    const small = fc.sample(fc.string({ unit: 'grapheme-ascii', maxLength: 12 }), { numRuns: 20_000, seed: 7 }).find((text) => parseInt(crc16Hex(text), 16) < 0x1000);
    expect(small).toBeDefined();
    expect(crc16Hex(small ?? '')).toMatch(/^0[0-9A-F]{3}$/);
    expect(crc16Hex('')).toBe('FFFF');
  });

  it('encodes non-ASCII text as UTF-8 before the CRC', () => {
    expect(crc16Hex('บาท')).toBe(crc16CcittFalse(new TextEncoder().encode('บาท')).toString(16).toUpperCase().padStart(4, '0'));
  });

  it('property: any single-byte change changes the CRC', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 600 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (bytes, positionSeed, delta) => {
          const position = positionSeed % bytes.length;
          const changed = [...bytes];
          changed[position] = ((bytes[position] ?? 0) + delta) % 256;
          expect(crc16CcittFalse(changed)).not.toBe(crc16CcittFalse(bytes));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('property: any single-character change of a published payload changes its CRC', () => {
    const payload = PUBLISHED[5] ?? '';
    const body = payload.slice(0, -4);
    for (let position = 0; position < body.length; position += 1) {
      for (let code = 0x20; code < 0x7f; code += 1) {
        if (code === body.charCodeAt(position)) continue;
        const changed = `${body.slice(0, position)}${String.fromCharCode(code)}${body.slice(position + 1)}`;
        expect(crc16Hex(changed)).not.toBe(payload.slice(-4));
      }
    }
  });
});

describe('utf8Encode matches TextEncoder', () => {
  it.each(['', 'abc', 'บาทถ้วน', 'é', '€', '😀', 'a\uD800b', '\uDC00', 'x\uD83D'])('%j', (text) => {
    expect([...utf8Encode(text)]).toEqual([...new TextEncoder().encode(text)]);
  });

  it('property: any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (text) => {
        expect([...utf8Encode(text)]).toEqual([...new TextEncoder().encode(text)]);
      }),
      { numRuns: 5_000 },
    );
  });
});
