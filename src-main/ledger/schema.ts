import { sql } from 'drizzle-orm';
import { blob, check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The terminal's hash chain (design.md "The ledger"): one row per business action, gapless `seq`
 * (also the sync order), `hash = SHA-256(prevHash ‖ canonical JSON of the entry)`. Append-only.
 * `payload` is NULL for the kinds whose payload is the business rows they wrote (ledger/entry-payloads.ts):
 * those rows are the one stored copy, and the hash covers them, so a row changed behind the
 * triggers' back breaks the chain. The previous hash is the previous row's `hash` (not stored twice).
 * docs/decisions/0003-compact-ledger.md.
 */
export const ledgerEntries = sqliteTable(
  'ledger_entries',
  {
    seq: integer('seq').primaryKey(),
    id: text('id').notNull(),
    kind: text('kind').notNull(),
    payloadVersion: integer('payload_version').notNull(),
    atMs: integer('at_ms').notNull(),
    businessDate: text('business_date').notNull(),
    place: text('place').notNull(),
    terminalSlot: integer('terminal_slot').notNull(),
    userId: text('user_id'),
    payload: text('payload'),
    /** The 32 bytes of the SHA-256 (read as lowercase hex through chain.ts `HASH_HEX_SQL`). */
    hash: blob('hash', { mode: 'buffer' }).notNull(),
  },
  (t) => [
    check('ledger_entries_seq_positive', sql`${t.seq} >= 1`),
    check('ledger_entries_hash_sha256', sql`typeof(${t.hash}) = 'blob' AND length(${t.hash}) = 32`),
  ],
);

/**
 * What the sync issue drains, in `seq` order: one row per entry, written in the same transaction.
 * The entry itself (and its rows) is what is sent; this row only says "to be sent".
 */
export const outbox = sqliteTable('outbox', {
  seq: integer('seq').primaryKey(),
});

/** Counters behind every number (Ref1 running, receipt numbers): one row per scope, gapless. */
export const numberCounters = sqliteTable(
  'number_counters',
  {
    scope: text('scope').primaryKey(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [check('number_counters_non_negative', sql`${t.lastValue} >= 0`)],
);

/**
 * The first entry of each business date, written by the trigger `ledger_days_first_entry` on
 * ledger_entries (INSERT OR IGNORE: one write per day, not per entry). Completeness per day (sync)
 * counts a day's entries from there instead of through an index on every entry
 * (docs/decisions/0003-compact-ledger.md). Derived from the chain; verify recomputes it.
 */
export const ledgerDays = sqliteTable('ledger_days', {
  businessDate: text('business_date').primaryKey(),
  firstSeq: integer('first_seq').notNull(),
});

/** คำร้อง: one request = one revenue code = one bill (design.md). */
export const paymentRequests = sqliteTable(
  'payment_requests',
  {
    id: text('id').notNull().unique(),
    requestNo: text('request_no').notNull().unique(),
    /** Ref1's first digit: 1 administrative fine, 2 fee (docs/decisions/0001). */
    requestType: text('request_type').notNull(),
    /** Ref1's digits 2–3: 00 paid in full, 01–99 the instalment number. */
    requestSubtype: text('request_subtype').notNull(),
    payerName: text('payer_name').notNull(),
    payerIdKind: text('payer_id_kind'),
    payerId: text('payer_id'),
    fineOrderNo: text('fine_order_no'),
    fineIssuingOfficer: text('fine_issuing_officer'),
    isManualFineEntry: integer('is_manual_fine_entry', { mode: 'boolean' }).notNull(),
    revenueCode: text('revenue_code').notNull(),
    amountSatang: integer('amount_satang').notNull(),
    instalmentNo: integer('instalment_no'),
    dueDate: text('due_date').notNull(),
    businessDate: text('business_date').notNull(),
    createdAtMs: integer('created_at_ms').notNull(),
    createdByUserId: text('created_by_user_id').notNull(),
    place: text('place').notNull(),
    terminalSlot: integer('terminal_slot').notNull(),
    entrySeq: integer('entry_seq').primaryKey().references(() => ledgerEntries.seq),
  },
  (t) => [
    check('payment_requests_amount_range', sql`${t.amountSatang} BETWEEN 1 AND 9999999999`),
    check('payment_requests_payer_id_kind', sql`(${t.payerIdKind} IS NULL AND ${t.payerId} IS NULL) OR (${t.payerIdKind} IN ('national-id','company-id') AND length(${t.payerId}) = 13)`),
    check('payment_requests_type_known', sql`${t.requestType} IN ('1','2')`),
    check('payment_requests_instalment', sql`${t.instalmentNo} IS NULL OR ${t.instalmentNo} BETWEEN 1 AND 99`),
    check('payment_requests_revenue_code_6_digits', sql`length(${t.revenueCode}) = 6 AND ${t.revenueCode} NOT GLOB '*[^0-9]*'`),
  ],
);

/** The bill of a request: Ref1, Ref2, due date and amount printed on the slip. */
export const bills = sqliteTable(
  'bills',
  {
    id: text('id').notNull().unique(),
    /** One bill per request: both are written by the request's own entry (same entry_seq, trigger bills_same_entry_as_request), and entry_seq is unique. */
    requestId: text('request_id').notNull().references(() => paymentRequests.id),
    ref1: text('ref1').notNull().unique(),
    ref2: text('ref2').notNull(),
    dueDate: text('due_date').notNull(),
    amountSatang: integer('amount_satang').notNull(),
    createdAtMs: integer('created_at_ms').notNull(),
    entrySeq: integer('entry_seq').primaryKey().references(() => ledgerEntries.seq),
  },
  (t) => [
    check('bills_ref1_15_digits', sql`length(${t.ref1}) = 15 AND ${t.ref1} NOT GLOB '*[^0-9]*'`),
    check('bills_ref2_15_digits', sql`length(${t.ref2}) = 15 AND ${t.ref2} NOT GLOB '*[^0-9]*'`),
    check('bills_amount_range', sql`${t.amountSatang} BETWEEN 1 AND 9999999999`),
  ],
);

/**
 * ใบเสร็จรับเงิน. Electronic (book E{yy}-{place}-{slot}) or keyed from a paper book; one register.
 * Never updated: printing, reprints and cancellation are `receipt_events`.
 */
export const receipts = sqliteTable(
  'receipts',
  {
    id: text('id').notNull().unique(),
    book: text('book').notNull(),
    number: integer('number').notNull(),
    isPaper: integer('is_paper', { mode: 'boolean' }).notNull(),
    businessDate: text('business_date').notNull(),
    /** Null only for a paper receipt keyed without a request (issue 8). */
    requestId: text('request_id').references(() => paymentRequests.id),
    billId: text('bill_id').references(() => bills.id),
    payerName: text('payer_name').notNull(),
    payerId: text('payer_id'),
    /** The receipt's lines as printed (canonical JSON array of {revenueCode, nameTh, amountSatang}). */
    items: text('items').notNull(),
    revenueCode: text('revenue_code').notNull(),
    amountSatang: integer('amount_satang').notNull(),
    method: text('method').notNull(),
    methodDetail: text('method_detail'),
    paymentConfirmationId: text('payment_confirmation_id'),
    receiverUserId: text('receiver_user_id').notNull(),
    receiverNameTh: text('receiver_name_th').notNull(),
    receiverPositionTh: text('receiver_position_th').notNull(),
    issuedAtMs: integer('issued_at_ms').notNull(),
    entrySeq: integer('entry_seq').primaryKey().references(() => ledgerEntries.seq),
  },
  (t) => [
    uniqueIndex('receipts_book_number').on(t.book, t.number),
    check('receipts_number_positive', sql`${t.number} >= 1`),
    check('receipts_amount_range', sql`${t.amountSatang} BETWEEN 1 AND 9999999999`),
    check('receipts_method_known', sql`${t.method} IN ('cash','cheque','draft','cashier-cheque','bill-payment')`),
    check('receipts_bill_payment_confirmed', sql`${t.method} <> 'bill-payment' OR ${t.paymentConfirmationId} IS NOT NULL`),
    check('receipts_electronic_has_bill', sql`${t.isPaper} = 1 OR (${t.billId} IS NOT NULL AND ${t.requestId} IS NOT NULL)`),
    index('receipts_bill').on(t.billId),
    index('receipts_business_date').on(t.businessDate),
  ],
);

/** Printed (once, by the operator), reprinted as a copy, cancelled — with who approved and why. */
export const receiptEvents = sqliteTable(
  'receipt_events',
  {
    id: text('id').primaryKey(),
    receiptId: text('receipt_id').notNull().references(() => receipts.id),
    kind: text('kind').notNull(),
    copyNo: integer('copy_no'),
    userId: text('user_id').notNull(),
    supervisorUserId: text('supervisor_user_id'),
    approvalMethod: text('approval_method'),
    reasonCode: text('reason_code'),
    reasonText: text('reason_text'),
    /** The 8-digit offline approval code, kept so that a code works once. */
    approvalCode: text('approval_code'),
    atMs: integer('at_ms').notNull(),
    businessDate: text('business_date').notNull(),
    entrySeq: integer('entry_seq').notNull().references(() => ledgerEntries.seq),
  },
  (t) => [
    index('receipt_events_entry_seq').on(t.entrySeq),
    check('receipt_events_kind_known', sql`${t.kind} IN ('printed','reprinted','cancelled')`),
    check('receipt_events_supervised', sql`${t.kind} = 'printed' OR (${t.supervisorUserId} IS NOT NULL AND ${t.reasonCode} IS NOT NULL AND ${t.approvalMethod} IN ('in-person','offline-code','central'))`),
    check('receipt_events_copy_numbered', sql`${t.kind} <> 'reprinted' OR ${t.copyNo} >= 1`),
    // An operator prints a receipt once; a receipt is cancelled at most once.
    uniqueIndex('receipt_events_one_original_print').on(t.receiptId).where(sql`${t.kind} = 'printed'`),
    uniqueIndex('receipt_events_one_cancel').on(t.receiptId).where(sql`${t.kind} = 'cancelled'`),
    uniqueIndex('receipt_events_copy_no').on(t.receiptId, t.copyNo).where(sql`${t.kind} = 'reprinted'`),
    uniqueIndex('receipt_events_code_once').on(t.approvalCode).where(sql`${t.approvalCode} IS NOT NULL`),
  ],
);

/** Payment of a bill: from the bank (file, central) or provisional (the payer's evidence). */
export const paymentConfirmations = sqliteTable(
  'payment_confirmations',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id').notNull().references(() => bills.id),
    source: text('source').notNull(),
    bankCode: text('bank_code'),
    paidAtMs: integer('paid_at_ms').notNull(),
    bankReference: text('bank_reference').notNull(),
    amountSatang: integer('amount_satang').notNull(),
    recordedByUserId: text('recorded_by_user_id'),
    atMs: integer('at_ms').notNull(),
    entrySeq: integer('entry_seq').notNull().references(() => ledgerEntries.seq),
  },
  (t) => [
    index('payment_confirmations_entry_seq').on(t.entrySeq),
    index('payment_confirmations_bill').on(t.billId),
    check('payment_confirmations_source_known', sql`${t.source} IN ('bank-file','central','provisional')`),
    check('payment_confirmations_amount_positive', sql`${t.amountSatang} >= 1`),
  ],
);

/** A supervisor cancels an unpaid request (and its bill). */
export const requestEvents = sqliteTable(
  'request_events',
  {
    id: text('id').primaryKey(),
    requestId: text('request_id').notNull().references(() => paymentRequests.id),
    kind: text('kind').notNull(),
    userId: text('user_id').notNull(),
    supervisorUserId: text('supervisor_user_id').notNull(),
    reasonCode: text('reason_code').notNull(),
    reasonText: text('reason_text'),
    approvalMethod: text('approval_method').notNull(),
    approvalCode: text('approval_code'),
    atMs: integer('at_ms').notNull(),
    entrySeq: integer('entry_seq').notNull().references(() => ledgerEntries.seq),
  },
  (t) => [
    index('request_events_entry_seq').on(t.entrySeq),
    check('request_events_kind_known', sql`${t.kind} IN ('cancelled')`), uniqueIndex('request_events_one_cancel').on(t.requestId).where(sql`${t.kind} = 'cancelled'`),
  ],
);

/**
 * Offline approval keys (design.md "Supervisor approval"): one per supervisor for this terminal,
 * handed out by central at enrollment (issue 11). Append-only; a newer row for the same supervisor wins.
 */
export const approvalKeys = sqliteTable('approval_keys', {
  id: text('id').primaryKey(),
  supervisorUserId: text('supervisor_user_id').notNull(),
  keyBase64: text('key_base64').notNull(),
  source: text('source').notNull(),
  installedAtMs: integer('installed_at_ms').notNull(),
});

/** What central has acknowledged of this terminal's chain (written by sync, read by restore). Append-only. */
export const centralAcks = sqliteTable('central_acks', {
  id: text('id').primaryKey(),
  highWaterSeq: integer('high_water_seq').notNull(),
  headHash: text('head_hash').notNull(),
  atMs: integer('at_ms').notNull(),
});
