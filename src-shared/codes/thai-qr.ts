import { fail, ok, type Result } from '../result';
import type { PaymentErrorCode } from '../payment-errors';
import { MAX_DOCUMENT_SATANG, formatSatang, isSatang, type Satang } from '../money';
import { parseBillerId } from './biller-id';
import { isReferenceText, type BillPaymentFields } from './bill-payment';
import { crc16Hex } from './crc16';
import { decodeTlv, encodeTlv, type TlvField } from './emv-tlv';

/**
 * Thai QR Payment — Bill Payment: EMVCo merchant-presented QR with merchant template tag 30
 * (payment-formats.md §2). Domestic bill-payment AID; the cross-border AID A000000677012006 is refused.
 */
export const THAI_QR_BILL_PAYMENT_AID = 'A000000677010112';
/** Point of initiation (tag 01): 11 static (no amount), 12 dynamic (with amount) — promptparse, thai-qr-payment. */
export const POI_STATIC = '11';
export const POI_DYNAMIC = '12';
export const CURRENCY_THB = '764';
export const COUNTRY_TH = 'TH';
/**
 * The one root tag order this builder writes (EMVCo fixes only 00 first and 63 last, §2.1):
 * promptparse's order 53, 58, 54 — the order of the DOPA-shaped vectors in payment-formats.md §9,
 * so the builder reproduces them byte for byte. The parser accepts any order.
 */
export const QR_TAG_ORDER = ['00', '01', '30', '53', '58', '54', '62', '63'] as const;
/** Ref1/Ref2 in tag 30: 1–20 characters (promptpay-js); DOPA's are 15 digits. */
export const QR_MAX_REF_LENGTH = 20;
/** Tag 62/07 terminal label ("Ref3"): 1–26 characters (pheerathach, promptpay-js). */
export const QR_MAX_TERMINAL_LABEL_LENGTH = 26;
/** EMVCo MPM payloads are at most 512 characters. */
export const QR_MAX_PAYLOAD_LENGTH = 512;

const CRC_TAIL = /^6304[0-9A-Fa-f]{4}$/;
const AMOUNT_FIELD = /^(0|[1-9]\d{0,9})(?:\.(\d{1,2}))?$/;

export interface BillPaymentQrFields extends BillPaymentFields {
  /** Tag 62/07 (terminal label, "Ref3"); optional. */
  readonly terminalLabel?: string | null;
}

export interface ParsedBillPaymentQr extends BillPaymentFields {
  readonly terminalLabel: string | null;
  readonly pointOfInitiation: 'static' | 'dynamic';
}

/**
 * Builds the payload: POI 12 with an amount (tag 54, "200.00"), POI 11 without; CRC-16/CCITT-FALSE
 * over everything up to and including "6304", as 4 uppercase hex digits (§2.2).
 */
export function buildBillPaymentQr(fields: BillPaymentQrFields): Result<string, PaymentErrorCode> {
  const biller = parseBillerId(fields.billerId, 'QR biller ID (tag 30/01)');
  if (!biller.ok) return biller;
  if (!isReferenceText(fields.ref1, 1, QR_MAX_REF_LENGTH)) {
    return fail('QR_BAD_REF1', `QR Ref1 (tag 30/02): must be 1–${QR_MAX_REF_LENGTH} letters or digits`);
  }
  if (fields.ref2 !== null && !isReferenceText(fields.ref2, 1, QR_MAX_REF_LENGTH)) {
    return fail('QR_BAD_REF2', `QR Ref2 (tag 30/03): must be 1–${QR_MAX_REF_LENGTH} letters or digits, or null for none`);
  }
  const amount = fields.amountSatang;
  if (amount !== null && (!isSatang(amount) || amount < 1 || amount > MAX_DOCUMENT_SATANG)) {
    return fail('QR_BAD_AMOUNT', `QR amount (tag 54): ${String(amount)} satang is not 1–${MAX_DOCUMENT_SATANG}; use null for "not set"`);
  }
  const label = fields.terminalLabel ?? null;
  if (label !== null && !isReferenceText(label, 1, QR_MAX_TERMINAL_LABEL_LENGTH)) {
    return fail('QR_BAD_TERMINAL_LABEL', `QR terminal label (tag 62/07): must be 1–${QR_MAX_TERMINAL_LABEL_LENGTH} letters or digits`);
  }
  const merchant =
    encodeTlv('00', THAI_QR_BILL_PAYMENT_AID) +
    encodeTlv('01', fields.billerId) +
    encodeTlv('02', fields.ref1) +
    (fields.ref2 === null ? '' : encodeTlv('03', fields.ref2));
  const body =
    encodeTlv('00', '01') +
    encodeTlv('01', amount === null ? POI_STATIC : POI_DYNAMIC) +
    encodeTlv('30', merchant) +
    encodeTlv('53', CURRENCY_THB) +
    encodeTlv('58', COUNTRY_TH) +
    (amount === null ? '' : encodeTlv('54', formatSatang(amount, { grouping: false }))) +
    (label === null ? '' : encodeTlv('62', encodeTlv('07', label))) +
    '6304';
  return ok(`${body}${crc16Hex(body)}`);
}

/**
 * Parses and verifies a bill-payment QR payload. Refuses a wrong CRC, bad lengths, duplicate or
 * missing required tags (00, 01, 30 with 00/01/02, 53, 58, 63); skips unknown optional tags.
 */
export function parseBillPaymentQr(payload: string): Result<ParsedBillPaymentQr, PaymentErrorCode> {
  if (payload.length > QR_MAX_PAYLOAD_LENGTH) {
    return fail('QR_TOO_LONG', `QR: ${payload.length} characters, more than the ${QR_MAX_PAYLOAD_LENGTH} allowed`);
  }
  const crcText = payload.slice(-4);
  if (payload.length < 8 || !CRC_TAIL.test(payload.slice(-8))) {
    return fail('QR_BAD_CRC_FORMAT', 'QR: must end with the CRC tag 63, length 04 and 4 hex digits');
  }
  const expectedCrc = crc16Hex(payload.slice(0, -4));
  if (crcText.toUpperCase() !== expectedCrc) {
    return fail('QR_BAD_CRC', `QR: CRC is ${crcText}, computed ${expectedCrc}; the payload was damaged or mistyped`);
  }
  const decoded = decodeTlv(payload, 'QR');
  if (!decoded.ok) return decoded;
  const root = indexTags(decoded.value, 'QR');
  if (!root.ok) return root;
  const fields = decoded.value;
  const last = fields[fields.length - 1];
  if (last?.tag !== '63' || last.value.length !== 4) {
    return fail('QR_BAD_CRC_FORMAT', 'QR: the last data object must be the CRC tag 63 with 4 hex digits');
  }
  if (fields[0]?.tag !== '00' || fields[0].value !== '01') {
    return fail('QR_BAD_FORMAT_INDICATOR', 'QR: must start with payload format indicator 00 = "01"');
  }
  const tags = root.value;
  const poi = requiredTag(tags, '01', 'QR tag 01');
  if (!poi.ok) return poi;
  if (poi.value !== POI_STATIC && poi.value !== POI_DYNAMIC) {
    return fail('QR_BAD_POINT_OF_INITIATION', `QR: point of initiation (tag 01) is ${JSON.stringify(poi.value)}, expected 11 or 12`);
  }
  const template = requiredTag(tags, '30', 'QR tag 30 (bill payment)');
  if (!template.ok) return template;
  const currency = requiredTag(tags, '53', 'QR tag 53 (currency)');
  if (!currency.ok) return currency;
  if (currency.value !== CURRENCY_THB) return fail('QR_BAD_CURRENCY', `QR: currency (tag 53) must be ${CURRENCY_THB} (THB)`);
  const country = requiredTag(tags, '58', 'QR tag 58 (country)');
  if (!country.ok) return country;
  if (country.value !== COUNTRY_TH) return fail('QR_BAD_COUNTRY', `QR: country (tag 58) must be ${COUNTRY_TH}`);
  const merchant = parseMerchantTemplate(template.value);
  if (!merchant.ok) return merchant;
  const amount = parseQrAmount(tags.get('54'));
  if (!amount.ok) return amount;
  const label = parseTerminalLabel(tags.get('62'));
  if (!label.ok) return label;
  return ok({ ...merchant.value, amountSatang: amount.value, terminalLabel: label.value, pointOfInitiation: poi.value === POI_STATIC ? 'static' : 'dynamic' });
}

function requiredTag(tags: ReadonlyMap<string, string>, tag: string, name: string): Result<string, PaymentErrorCode> {
  const value = tags.get(tag);
  return value === undefined ? fail('QR_MISSING_TAG', `${name}: required tag is missing`) : ok(value);
}

function indexTags(fields: readonly TlvField[], where: string): Result<Map<string, string>, PaymentErrorCode> {
  const tags = new Map<string, string>();
  for (const field of fields) {
    if (tags.has(field.tag)) return fail('QR_DUPLICATE_TAG', `${where}: tag ${field.tag} appears twice`);
    tags.set(field.tag, field.value);
  }
  return ok(tags);
}

function parseMerchantTemplate(template: string): Result<Omit<BillPaymentFields, 'amountSatang'>, PaymentErrorCode> {
  const decoded = decodeTlv(template, 'QR tag 30');
  if (!decoded.ok) return decoded;
  const sub = indexTags(decoded.value, 'QR tag 30');
  if (!sub.ok) return sub;
  const aid = requiredTag(sub.value, '00', 'QR tag 30/00 (application ID)');
  if (!aid.ok) return aid;
  if (aid.value !== THAI_QR_BILL_PAYMENT_AID) {
    return fail('QR_UNSUPPORTED_AID', `QR: application ID (tag 30/00) ${JSON.stringify(aid.value)} is not domestic bill payment ${THAI_QR_BILL_PAYMENT_AID}`);
  }
  const billerText = requiredTag(sub.value, '01', 'QR tag 30/01 (biller ID)');
  if (!billerText.ok) return billerText;
  const biller = parseBillerId(billerText.value, 'QR biller ID (tag 30/01)');
  if (!biller.ok) return biller;
  const ref1Text = requiredTag(sub.value, '02', 'QR tag 30/02 (Ref1)');
  if (!ref1Text.ok) return ref1Text;
  const ref1 = ref1Text.value;
  if (!isReferenceText(ref1, 1, QR_MAX_REF_LENGTH)) return fail('QR_BAD_REF1', `QR Ref1 (tag 30/02): must be 1–${QR_MAX_REF_LENGTH} letters or digits`);
  const ref2 = sub.value.get('03') ?? null;
  if (ref2 !== null && !isReferenceText(ref2, 1, QR_MAX_REF_LENGTH)) {
    return fail('QR_BAD_REF2', `QR Ref2 (tag 30/03): must be 1–${QR_MAX_REF_LENGTH} letters or digits`);
  }
  return ok({ billerId: biller.value.billerId, ref1, ref2 });
}

function parseQrAmount(text: string | undefined): Result<Satang | null, PaymentErrorCode> {
  if (text === undefined) return ok(null);
  const match = AMOUNT_FIELD.exec(text);
  const amountSatang = match === null ? 0 : Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (amountSatang < 1 || amountSatang > MAX_DOCUMENT_SATANG) {
    return fail('QR_BAD_AMOUNT', `QR amount (tag 54): ${JSON.stringify(text)} is not an amount of 0.01–99999999.99 baht`);
  }
  return ok(amountSatang as Satang);
}

function parseTerminalLabel(template: string | undefined): Result<string | null, PaymentErrorCode> {
  if (template === undefined) return ok(null);
  const decoded = decodeTlv(template, 'QR tag 62');
  if (!decoded.ok) return decoded;
  const sub = indexTags(decoded.value, 'QR tag 62');
  if (!sub.ok) return sub;
  const label = sub.value.get('07') ?? null;
  if (label !== null && !isReferenceText(label, 1, QR_MAX_TERMINAL_LABEL_LENGTH)) {
    return fail('QR_BAD_TERMINAL_LABEL', `QR terminal label (tag 62/07): must be 1–${QR_MAX_TERMINAL_LABEL_LENGTH} letters or digits`);
  }
  return ok(label);
}
