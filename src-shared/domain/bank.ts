/**
 * Bank reconciliation vocabulary (issue 9), shared by the contract, main and the UI.
 * A well-formed line the bank paid is money received: it is never refused, it is matched to a
 * bill or it becomes one of these exceptions, which the finance officer resolves.
 */
export const BANK_EXCEPTION_KINDS = [
  /** Ref1 is not a Ref1, or no bill on this terminal has it. */
  'unknown-reference',
  /** Ref2 fails its check digits (ISO 7064 MOD 97-10) or is not 15 digits: a mistyped reference. */
  'ref2-check-digits',
  /** The bill of Ref1 exists but its Ref2 is another one. */
  'reference-mismatch',
  /** Ref1 or Ref2 names another office's place code. */
  'other-office',
  /** The bank amount differs from the bill's amount. */
  'amount-differs',
  /** The bill is already paid (bank confirmation, receipt, or an earlier line of the same file). */
  'already-paid',
  /** The request of the bill was cancelled. */
  'bill-cancelled',
  /** Paid after the bill's due date. */
  'paid-after-due',
  /** The payer's evidence (provisional confirmation) and the bank disagree on the amount or the date. */
  'provisional-contradicted',
  /** A debit record (a reversal or a fee), not a payment. */
  'debit-record',
] as const;
export type BankExceptionKind = (typeof BANK_EXCEPTION_KINDS)[number];

/** What the finance officer does with an exception (issue 9). A note leaves it open; the other two close it. */
export const BANK_RESOLUTION_ACTIONS = ['match-by-hand', 'note', 'refund-request'] as const;
export type BankResolutionAction = (typeof BANK_RESOLUTION_ACTIONS)[number];
export const CLOSING_RESOLUTION_ACTIONS = ['match-by-hand', 'refund-request'] as const satisfies readonly BankResolutionAction[];

export const BANK_FILE_FORMAT_CHOICES = ['auto', 'ktb256', 'csv'] as const;
export type BankFileFormatChoiceName = (typeof BANK_FILE_FORMAT_CHOICES)[number];

/**
 * Limits of a bank file (style.md §14): a 100,000-line KTB file is 25.8 MB; a day of one province
 * is far less. The contract's input limit follows from it (base64 is 4/3 of the bytes).
 */
export const MAX_BANK_FILE_BYTES = 64 * 1024 * 1024;
export const MAX_BANK_FILE_LINES = 200_000;
