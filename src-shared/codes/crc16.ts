import { utf8Encode } from './utf8';

/**
 * CRC-16/CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR
 * (payment-formats.md §2.2; check value of ASCII "123456789" is 0x29B1). Table-driven.
 */
const POLYNOMIAL = 0x1021;
const INITIAL = 0xffff;

const TABLE = ((): Uint16Array => {
  const table = new Uint16Array(256);
  for (let byte = 0; byte < 256; byte += 1) {
    let crc = byte << 8;
    for (let bit = 0; bit < 8; bit += 1) crc = crc & 0x8000 ? ((crc << 1) ^ POLYNOMIAL) & 0xffff : (crc << 1) & 0xffff;
    table[byte] = crc;
  }
  return table;
})();

/** CRC of raw bytes. */
export function crc16CcittFalse(bytes: ArrayLike<number>): number {
  let crc = INITIAL;
  for (let index = 0; index < bytes.length; index += 1) {
    crc = ((crc << 8) & 0xffff) ^ tableAt((crc >> 8) ^ (bytes[index] as number));
  }
  return crc;
}

/**
 * CRC of text as 4 uppercase hex digits, left-padded with zeros (a 3-digit CRC is invalid, §2.2).
 * The text is encoded as UTF-8; for the ASCII payloads of Thai QR that is one byte per character.
 */
export function crc16Hex(text: string): string {
  let crc = INITIAL;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code > 0x7f) {
      crc = crc16CcittFalse(utf8Encode(text));
      break;
    }
    crc = ((crc << 8) & 0xffff) ^ tableAt((crc >> 8) ^ code);
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

function tableAt(index: number): number {
  // Always defined: the index is masked to 0–255 and the table has 256 entries.
  return TABLE[index & 0xff] as number;
}
