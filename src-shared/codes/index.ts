export { isAsciiDigits } from './digits';
export { isValidNationalId, nationalIdCheckDigit, parseNationalId, type NationalId } from './national-id';
export { isValidMod97_10, mod97_10CheckDigits } from './iso7064-mod97';
export { parsePlaceCode } from './place-code';
export { parseRevenueCode, type RevenueCodeParts } from './revenue-code';
export { hasValidBillerTaxId, parseBillerId, type BillerIdParts } from './biller-id';
export {
  MAX_REF1_COUNTER,
  MAX_REF1_YEAR_BE,
  MAX_TERMINAL_SLOT,
  MIN_REF1_COUNTER,
  MIN_REF1_YEAR_BE,
  MIN_TERMINAL_SLOT,
  REF1_LENGTH,
  buildRef1,
  parseRef1,
  type Ref1Input,
  type Ref1Parts,
} from './ref1';
export {
  COST_CENTRE_CODE_LENGTH,
  REF2_CHECK_ALGORITHM,
  REF2_LENGTH,
  buildRef2,
  costCentreLast3,
  parseRef2,
  ref2CheckDigits,
  type Ref2Input,
  type Ref2Parts,
} from './ref2';
export { isReferenceText, type BillPaymentFields } from './bill-payment';
export {
  BARCODE_MAX_AMOUNT_DIGITS,
  BARCODE_MAX_LENGTH,
  BARCODE_MAX_LENGTH_WITHOUT_CR,
  BARCODE_MAX_REF1_LENGTH,
  BARCODE_MAX_REF2_LENGTH,
  BARCODE_PREFIX,
  BARCODE_SEPARATOR,
  barcodeHumanReadable,
  buildBarcode,
  parseBarcode,
} from './barcode';
export { utf8Encode } from './utf8';
export { crc16CcittFalse, crc16Hex } from './crc16';
export { MAX_TLV_VALUE_LENGTH, codePointLength, decodeTlv, encodeTlv, type TlvField } from './emv-tlv';
export {
  COUNTRY_TH,
  CURRENCY_THB,
  POI_DYNAMIC,
  POI_STATIC,
  QR_MAX_PAYLOAD_LENGTH,
  QR_MAX_REF_LENGTH,
  QR_MAX_TERMINAL_LABEL_LENGTH,
  QR_TAG_ORDER,
  THAI_QR_BILL_PAYMENT_AID,
  buildBillPaymentQr,
  parseBillPaymentQr,
  type BillPaymentQrFields,
  type ParsedBillPaymentQr,
} from './thai-qr';
export { hasThaiCharacters, kedmaneeKeyOf, kedmaneeToUs } from './kedmanee';
export { MAX_SCAN_INPUT_LENGTH, parseScannerInput, type ScannedBill } from './scanner-input';
