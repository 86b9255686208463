/**
 * Every error code of the payment-codes library (issue 4): money, baht text, dates and holidays,
 * identifiers (national ID, place, revenue, Ref1, Ref2), bank barcode, Thai QR, scanner input and
 * the revenue catalog. The contract folds these into its one closed union (contract/errors.ts).
 *
 * Each refusal has its own code; the message that goes with it is English, names the field and
 * says what is wrong. Codes are grouped by the folder that returns them.
 */
export const PAYMENT_ERROR_CODES = [
  // money/ — integer satang (style.md §5, design.md "Time and money")
  'MONEY_NOT_INTEGER',
  'MONEY_TEXT_TOO_LONG',
  'MONEY_EMPTY',
  'MONEY_INVALID_CHARACTER',
  'MONEY_SIGN_NOT_ALLOWED',
  'MONEY_MALFORMED',
  'MONEY_BAD_GROUPING',
  'MONEY_TOO_MANY_DECIMALS',
  'MONEY_ABOVE_MAXIMUM',
  'MONEY_ZERO_NOT_ALLOWED',
  'ALLOCATE_NO_RATIOS',
  'ALLOCATE_TOO_MANY_PARTS',
  'ALLOCATE_BAD_RATIO',
  'ALLOCATE_ZERO_RATIO_SUM',
  // dates/ — business dates and the holiday calendar
  'DATE_MALFORMED',
  'DATE_NOT_A_CALENDAR_DAY',
  'HOLIDAYS_INVALID_DATA',
  'HOLIDAYS_TOO_MANY_YEARS',
  'HOLIDAYS_YEAR_MISMATCH',
  'HOLIDAYS_DATE_OUTSIDE_YEAR',
  'HOLIDAYS_DUPLICATE_YEAR',
  'HOLIDAYS_DUPLICATE_DATE',
  'HOLIDAYS_YEAR_NOT_LOADED',
  'HOLIDAYS_NO_BUSINESS_DAY_FOUND',
  // codes/ — identifiers
  'NATIONAL_ID_MALFORMED',
  'NATIONAL_ID_BAD_CHECK_DIGIT',
  'PLACE_CODE_MALFORMED',
  'PLACE_CODE_ZERO',
  'REVENUE_CODE_MALFORMED',
  'REVENUE_CODE_ZERO',
  'COST_CENTRE_MALFORMED',
  'BILLER_ID_MALFORMED',
  'REF1_MALFORMED',
  'REF1_BAD_REQUEST_TYPE',
  'REF1_BAD_SUBTYPE',
  'REF1_BAD_YEAR',
  'REF1_BAD_SLOT',
  'REF1_BAD_COUNTER',
  'REF2_MALFORMED',
  'REF2_BAD_CHECK_DIGITS',
  // codes/ — bank bill-payment barcode (payment-formats.md §1)
  'BARCODE_TOO_LONG',
  'BARCODE_MISSING_PREFIX',
  'BARCODE_WRONG_FIELD_COUNT',
  'BARCODE_BAD_REF1',
  'BARCODE_BAD_REF2',
  'BARCODE_BAD_AMOUNT',
  // codes/ — Thai QR bill payment (payment-formats.md §2)
  'QR_TOO_LONG',
  'QR_BAD_CRC_FORMAT',
  'QR_BAD_CRC',
  'QR_MALFORMED_TLV',
  'QR_DUPLICATE_TAG',
  'QR_MISSING_TAG',
  'QR_BAD_FORMAT_INDICATOR',
  'QR_BAD_POINT_OF_INITIATION',
  'QR_UNSUPPORTED_AID',
  'QR_BAD_REF1',
  'QR_BAD_REF2',
  'QR_BAD_TERMINAL_LABEL',
  'QR_BAD_CURRENCY',
  'QR_BAD_COUNTRY',
  'QR_BAD_AMOUNT',
  // codes/ — what a USB scanner or the keyboard typed at the counter
  'SCAN_EMPTY',
  'SCAN_TOO_LONG',
  'SCAN_UNRECOGNIZED',
  // catalog/ — revenue catalog data
  'CATALOG_INVALID_DATA',
  'CATALOG_DUPLICATE_CODE',
  'CATALOG_CODE_IS_A_FINE_LAW',
  'CATALOG_UNKNOWN_FINE_LAW',
  'CATALOG_DEDUCTION_NOT_ALLOWED',
] as const;

export type PaymentErrorCode = (typeof PAYMENT_ERROR_CODES)[number];
