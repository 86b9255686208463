import { sql } from 'drizzle-orm';
import { blob, check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { bills, paymentConfirmations } from '../ledger/schema';

/**
 * Bank reconciliation (issue 9). Facts, all append-only (triggers, db/append-only.ts): a file
 * imported, the payments it brought, the exceptions among them and how each was resolved. They
 * are outside the ledger's chain: a matched payment's money fact is the ledger's own
 * `payment.confirmed` entry (source `bank-file`), whose id `bank_payments.confirmation_id` keeps.
 */

/**
 * One imported bank file. The raw bytes are archived here (the State Audit Office keeps the bank
 * downloads, seed 001 §3.1 step 8) with their SHA-256; the same file twice is the same row.
 */
export const bankFiles = sqliteTable(
  'bank_files',
  {
    id: text('id').primaryKey(),
    sha256: text('sha256').notNull().unique(),
    format: text('format').notNull(),
    layoutId: text('layout_id').notNull(),
    byteCount: integer('byte_count').notNull(),
    content: blob('content', { mode: 'buffer' }).notNull(),
    bankCode: text('bank_code'),
    companyAccount: text('company_account'),
    effectiveDate: text('effective_date'),
    lineCount: integer('line_count').notNull(),
    matchedCount: integer('matched_count').notNull(),
    exceptionCount: integer('exception_count').notNull(),
    duplicateCount: integer('duplicate_count').notNull(),
    /** Lines of another office of the province, kept for central (a provincial office's import; issue 11). */
    forwardedCount: integer('forwarded_count').notNull().default(0),
    creditTotalSatang: integer('credit_total_satang').notNull(),
    importedByUserId: text('imported_by_user_id'),
    importedAtMs: integer('imported_at_ms').notNull(),
  },
  (t) => [
    check('bank_files_format_known', sql`${t.format} IN ('ktb256','csv')`),
    check('bank_files_sha256_hex', sql`length(${t.sha256}) = 64`),
    check('bank_files_size', sql`${t.byteCount} = length(${t.content})`),
    check('bank_files_lines_accounted', sql`${t.lineCount} = ${t.matchedCount} + ${t.exceptionCount} + ${t.duplicateCount} + ${t.forwardedCount}`),
  ],
);

/**
 * One payment the bank reported, stored once whatever the number of files that listed it. Its
 * identity is the composite key of issue 9 (bank, account, payment date and time, Ref1, Ref2,
 * amount, branch, teller) plus the kind (credit/debit) and `occurrence`: the n-th line with that
 * key within one file, so two real payments that share every field (KTB writes branch and teller
 * 0000) are two payments, and a re-import or an overlapping download that lists them again
 * finds both. The per-file sequence number is kept for reference, never used as a key.
 */
export const bankPayments = sqliteTable(
  'bank_payments',
  {
    id: text('id').primaryKey(),
    fileId: text('file_id')
      .notNull()
      .references(() => bankFiles.id),
    lineNo: integer('line_no').notNull(),
    sequenceNo: integer('sequence_no'),
    bankCode: text('bank_code').notNull(),
    companyAccount: text('company_account').notNull(),
    paymentDate: text('payment_date').notNull(),
    paymentTime: text('payment_time').notNull(),
    paidAtMs: integer('paid_at_ms').notNull(),
    ref1: text('ref1').notNull(),
    ref2: text('ref2').notNull(),
    ref3: text('ref3').notNull(),
    customerName: text('customer_name').notNull(),
    branchNo: text('branch_no').notNull(),
    tellerNo: text('teller_no').notNull(),
    kind: text('kind').notNull(),
    transactionCode: text('transaction_code').notNull(),
    amountSatang: integer('amount_satang').notNull(),
    occurrence: integer('occurrence').notNull(),
    outcome: text('outcome').notNull(),
    billId: text('bill_id').references(() => bills.id),
    confirmationId: text('confirmation_id').references(() => paymentConfirmations.id),
    atMs: integer('at_ms').notNull(),
  },
  (t) => [
    uniqueIndex('bank_payments_identity').on(
      t.bankCode,
      t.companyAccount,
      t.paymentDate,
      t.paymentTime,
      t.ref1,
      t.ref2,
      t.amountSatang,
      t.branchNo,
      t.tellerNo,
      t.kind,
      t.occurrence,
    ),
    index('bank_payments_file').on(t.fileId),
    index('bank_payments_bill').on(t.billId),
    check('bank_payments_kind_known', sql`${t.kind} IN ('C','D')`),
    check('bank_payments_outcome_known', sql`${t.outcome} IN ('matched','exception','forwarded')`),
    check('bank_payments_matched_confirmed', sql`(${t.outcome} = 'matched') = (${t.confirmationId} IS NOT NULL)`),
    check('bank_payments_amount_positive', sql`${t.amountSatang} >= 1`),
    check('bank_payments_occurrence_positive', sql`${t.occurrence} >= 1`),
  ],
);

/** A payment that could not be matched: money received that the finance officer must resolve. */
export const bankExceptions = sqliteTable(
  'bank_exceptions',
  {
    id: text('id').primaryKey(),
    paymentId: text('payment_id')
      .notNull()
      .unique()
      .references(() => bankPayments.id),
    kind: text('kind').notNull(),
    billId: text('bill_id').references(() => bills.id),
    detail: text('detail').notNull(),
    atMs: integer('at_ms').notNull(),
  },
  (t) => [
    check(
      'bank_exceptions_kind_known',
      sql`${t.kind} IN ('unknown-reference','ref2-check-digits','reference-mismatch','other-office','amount-differs','already-paid','bill-cancelled','paid-after-due','provisional-contradicted','debit-record')`,
    ),
  ],
);

/**
 * What was done about an exception, by whom and why. Notes may be many; one closing action
 * (matched by hand to a bill, or a refund request) per exception (partial unique index).
 */
export const bankExceptionResolutions = sqliteTable(
  'bank_exception_resolutions',
  {
    id: text('id').primaryKey(),
    exceptionId: text('exception_id')
      .notNull()
      .references(() => bankExceptions.id),
    action: text('action').notNull(),
    ref1: text('ref1'),
    confirmationId: text('confirmation_id').references(() => paymentConfirmations.id),
    note: text('note').notNull(),
    userId: text('user_id').notNull(),
    atMs: integer('at_ms').notNull(),
  },
  (t) => [
    index('bank_exception_resolutions_exception').on(t.exceptionId),
    uniqueIndex('bank_exception_resolutions_one_closing').on(t.exceptionId).where(sql`${t.action} IN ('match-by-hand','refund-request')`),
    check('bank_exception_resolutions_action_known', sql`${t.action} IN ('match-by-hand','note','refund-request')`),
    check('bank_exception_resolutions_match_confirmed', sql`(${t.action} = 'match-by-hand') = (${t.confirmationId} IS NOT NULL)`),
  ],
);

/**
 * The send queue of a provincial office (issue 11): a bank line whose Ref1 is a bill of another
 * office of the province, written in the import's transaction beside its `bank_payments` row
 * (outcome `forwarded`), sent to central (`POST /v1/province-payments`, src-main/sync/province-payments.ts),
 * which publishes it as a `payment` feed item for that office. Its feed key (bank code + bank
 * reference) and body are made and stored here before sending, so a resend is the same item and
 * central answers "already have it". Not append-only: `sent_at_ms` is set once central answers.
 */
export const provincePaymentOutbox = sqliteTable(
  'province_payment_outbox',
  {
    paymentId: text('payment_id')
      .primaryKey()
      .references(() => bankPayments.id),
    /** The office of the bill (the Ref1's place). */
    place: text('place').notNull(),
    ref1: text('ref1').notNull(),
    bankCode: text('bank_code').notNull(),
    bankReference: text('bank_reference').notNull(),
    paidAtMs: integer('paid_at_ms').notNull(),
    amountSatang: integer('amount_satang').notNull(),
    sourceFile: text('source_file').notNull(),
    queuedAtMs: integer('queued_at_ms').notNull(),
    /** When central answered for it (published, or a duplicate it already had); null = still to send. */
    sentAtMs: integer('sent_at_ms'),
  },
  (t) => [
    uniqueIndex('province_payment_outbox_key').on(t.bankCode, t.bankReference),
    index('province_payment_outbox_unsent').on(t.queuedAtMs).where(sql`${t.sentAtMs} IS NULL`),
    check('province_payment_outbox_amount_positive', sql`${t.amountSatang} >= 1`),
  ],
);
