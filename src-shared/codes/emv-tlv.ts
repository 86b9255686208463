import { fail, ok, strictAssert, type Result } from '../result';
import type { PaymentErrorCode } from '../payment-errors';
import { isAsciiDigits } from './digits';

/**
 * EMVCo merchant-presented QR data objects: ID (2 digits) + length (2 digits, 01–99) + value
 * (payment-formats.md §2.1). The length counts characters (Unicode code points); Thai QR
 * bill-payment payloads are ASCII, so it is also the byte count there.
 */
export interface TlvField {
  readonly tag: string;
  readonly value: string;
}

export const MAX_TLV_VALUE_LENGTH = 99;

/** Number of code points in `text` (a surrogate pair counts once). */
export function codePointLength(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index += 1;
    }
    count += 1;
  }
  return count;
}

/** One data object; throws if the caller passes a bad tag or an over-long value (builders check first). */
export function encodeTlv(tag: string, value: string): string {
  const length = codePointLength(value);
  strictAssert(isAsciiDigits(tag, 2), `encodeTlv: tag ${tag} is not 2 digits`);
  strictAssert(length >= 1 && length <= MAX_TLV_VALUE_LENGTH, `encodeTlv: tag ${tag} value length ${length} is not 1–99`);
  return `${tag}${String(length).padStart(2, '0')}${value}`;
}

/** Splits a run of data objects; refuses a bad ID, a bad length or a value cut short. */
export function decodeTlv(text: string, where: string): Result<TlvField[], PaymentErrorCode> {
  const fields: TlvField[] = [];
  let index = 0;
  while (index < text.length) {
    const tag = text.slice(index, index + 2);
    const lengthText = text.slice(index + 2, index + 4);
    if (!isAsciiDigits(tag, 2) || !isAsciiDigits(lengthText, 2) || lengthText === '00') {
      return fail('QR_MALFORMED_TLV', `${where}: at character ${index + 1}, expected a 2-digit ID and a 2-digit length 01–99, got ${JSON.stringify(text.slice(index, index + 4))}`);
    }
    const end = advanceCodePoints(text, index + 4, Number(lengthText));
    if (end < 0) return fail('QR_MALFORMED_TLV', `${where}: tag ${tag} says ${lengthText} characters but the payload ends first`);
    fields.push({ tag, value: text.slice(index + 4, end) });
    index = end;
  }
  return ok(fields);
}

/** The string index `count` code points after `start`, or -1 when the text ends first. */
function advanceCodePoints(text: string, start: number, count: number): number {
  let index = start;
  for (let taken = 0; taken < count; taken += 1) {
    if (index >= text.length) return -1;
    const code = text.charCodeAt(index);
    const next = text.charCodeAt(index + 1);
    index += code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return index;
}
