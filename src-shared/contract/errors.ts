import { PAYMENT_ERROR_CODES } from '../payment-errors';

/**
 * The one closed union of error codes that may cross a boundary (renderer→main, CLI, HTTP).
 * A reply's `error.code` is always one of these; the UI maps each code to Thai/English text.
 */
export const CONTRACT_ERROR_CODES = [
  // transport and validation
  'UNKNOWN_REQUEST',
  'BAD_INPUT',
  'TOO_LARGE',
  'TIMEOUT',
  'INTERNAL',
  // session and roles
  'NOT_LOGGED_IN',
  'FORBIDDEN',
  'BAD_CREDENTIALS',
  'LOCKED_OUT',
  'USER_DISABLED',
  'SESSION_EXPIRED',
  // set-up and users
  'NOT_SET_UP',
  'ALREADY_SET_UP',
  'USERNAME_TAKEN',
  'WEAK_PASSWORD',
  'NOT_FOUND',
  'LAST_ADMIN',
  // database
  'DB_TOO_NEW',
  'DB_MIGRATION_FAILED',
  'MACHINE_MISMATCH',
  'CHECKS_FAILED',
  // command line
  'USAGE',
  // ledger (issue 5)
  'CLOCK_BEHIND',
  'SLOT_IN_USE',
  'OFFICE_INCOMPLETE',
  'OFFICE_SETTING_LOCKED',
  'REVENUE_CODE_UNKNOWN',
  'DUE_DATE_PAST',
  'REQUEST_CANCELLED',
  'ALREADY_PAID',
  'PAYMENT_NOT_CONFIRMED',
  'AMOUNT_MISMATCH',
  'ALREADY_PRINTED',
  'ALREADY_CANCELLED',
  'APPROVAL_REQUIRED',
  'BAD_APPROVAL',
  'APPROVAL_KEY_MISSING',
  'COUNTER_EXHAUSTED',
  'LEDGER_BROKEN',
  'DB_CORRUPT',
  'BACKUP_FAILED',
  'BACKUP_INVALID',
  'BACKUP_FOLDER_INVALID',
  'RESTORE_REFUSED',
  'NOT_TRAINING',
  // documents and printing (issue 6)
  'FONT_MISSING',
  'RENDER_FAILED',
  'PRINT_FAILED',
  'PRINTER_UNAVAILABLE',
  'PRINT_JOB_STATE',
  // bank reconciliation (issue 9)
  'BANK_FILE_INVALID',
  'BANK_FILE_TOO_LARGE',
  'BANK_EXCEPTION_RESOLVED',
  // paper receipt books, outages, field collection (issue 8)
  'BOOK_EXISTS',
  'BOOK_RANGE_INVALID',
  'BOOK_NOT_ASSIGNED',
  'BOOK_CLOSED',
  'BOOK_HAS_UNUSED_LEAVES',
  'LEAF_OUT_OF_RANGE',
  'LEAF_ALREADY_KEYED',
  'LEAF_NOT_UNUSED',
  'LEAF_ALREADY_RECORDED',
  'LEAF_NOT_IN_ORDER',
  'PAPER_DATE_IN_FUTURE',
  'PAPER_DATE_OUTSIDE_OUTAGE',
  'PAPER_DATE_OUTSIDE_ORDER',
  'TIME_IN_FUTURE',
  'OUTAGE_ALREADY_OPEN',
  'OUTAGE_ALREADY_ENDED',
  'OUTAGE_END_BEFORE_START',
  'REVENUE_CODE_MISMATCH',
  'FIELD_ORDER_DATES_INVALID',
  'FIELD_ORDER_EXISTS',
  'FIELD_ALREADY_HANDED_OVER',
  'VARIANCE_REASON_REQUIRED',
  'FIELD_TERMINAL_TAKEN',
  // day close, reports and remittance (issue 10)
  'DAY_CLOSED',
  'DAY_ALREADY_CLOSED',
  'DAY_NOT_OVER',
  'UNPRINTED_ORIGINALS',
  'PAPER_LEAVES_UNKEYED',
  'COUNTED_CASH_INVALID',
  'DEDUCTION_NOT_ALLOWED',
  'REMITTANCE_RECORDED',
  'NOTHING_TO_REMIT',
  'REMITTED_BY_PROVINCE',
  // sync with central (issue 11)
  'SYNC_NOT_ENROLLED',
  'SYNC_UNREACHABLE',
  'SYNC_REFUSED',
  'SYNC_TAMPER_ALARM',
  'SYNC_BAD_ACK',
  'SYNC_BAD_PULL',
  'SYNC_BEHIND_CENTRAL',
] as const;

export const ERROR_CODES = [...CONTRACT_ERROR_CODES, ...PAYMENT_ERROR_CODES] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
