export { MAX_DOCUMENT_SATANG, SATANG_PER_BAHT, isSatang, satangOf, sumSatang, toSatang, type Satang } from './satang';
export { MAX_AMOUNT_TEXT_LENGTH, parseAmount, type ParseAmountOptions } from './parse-amount';
export { formatSatang, type FormatAmountOptions } from './format-amount';
export { MAX_ALLOCATION_PARTS, allocate } from './allocate';
export { asciiDigitsToThai, thaiDigitsToAscii } from './thai-digits';
