import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * This terminal's enrollment at central (issue 11): its Ed25519 key pair (the private key never
 * leaves this database), central's key id for it and central's public key (to check every
 * acknowledgement). One row per enrollment; the latest is in force. Not a ledger table: sync
 * writes no ledger entries (cli.md `sync status`).
 */
export const syncEnrollments = sqliteTable('sync_enrollments', {
  id: text('id').primaryKey(),
  serverUrl: text('server_url').notNull(),
  keyId: text('key_id').notNull(),
  place: text('place').notNull(),
  terminalSlot: integer('terminal_slot').notNull(),
  privateKeyPkcs8Base64: text('private_key_pkcs8_base64').notNull(),
  publicKeySpkiBase64: text('public_key_spki_base64').notNull(),
  serverPublicKeySpkiBase64: text('server_public_key_spki_base64').notNull(),
  enrolledAtMs: integer('enrolled_at_ms').notNull(),
});

/** Central's signature over each acknowledgement recorded in `central_acks` (same id). */
export const centralAckProofs = sqliteTable('central_ack_proofs', {
  ackId: text('ack_id').primaryKey(),
  keyId: text('key_id').notNull(),
  signatureBase64: text('signature_base64').notNull(),
});

/**
 * Approvals asked through central (design.md "Supervisor approval", path 2): saved before they are
 * sent; the decision arrives by pull. Used once, by the ledger's approval path (its id becomes the
 * event's approval code, whose unique index makes it once).
 */
export const centralApprovalRequests = sqliteTable('central_approval_requests', {
  id: text('id').primaryKey(),
  action: text('action').notNull(),
  subject: text('subject').notNull(),
  reasonCode: text('reason_code').notNull(),
  reasonText: text('reason_text').notNull(),
  businessDate: text('business_date').notNull(),
  requestedByUserId: text('requested_by_user_id').notNull(),
  requestedAtMs: integer('requested_at_ms').notNull(),
  isSent: integer('is_sent', { mode: 'boolean' }).notNull().default(false),
  status: text('status').notNull().default('pending'),
  supervisorUsername: text('supervisor_username'),
  supervisorNameTh: text('supervisor_name_th'),
  decidedAtMs: integer('decided_at_ms'),
});

/** Fine orders of this office pulled from central, for counter look-up. */
export const centralFineOrders = sqliteTable('central_fine_orders', {
  orderNo: text('order_no').primaryKey(),
  place: text('place').notNull(),
  revenueCode: text('revenue_code').notNull(),
  offenderName: text('offender_name').notNull(),
  offenderId: text('offender_id'),
  amountSatang: integer('amount_satang').notNull(),
  issuedDate: text('issued_date').notNull(),
  law: text('law').notNull(),
  pulledAtMs: integer('pulled_at_ms').notNull(),
});

/** The last cursor pulled of each stream (`approvals`, `fine-orders`). */
export const syncPullCursors = sqliteTable('sync_pull_cursors', {
  stream: text('stream').primaryKey(),
  afterCursor: integer('after_cursor').notNull(),
});

/**
 * A key pair made for an enrollment, saved before the request is sent (style.md §7): if the answer
 * is lost or the process dies, enrolling again with the same code reuses it and central answers the
 * same enrollment instead of refusing the used code.
 */
export const syncPendingKeys = sqliteTable('sync_pending_keys', {
  codeSha256: text('code_sha256').primaryKey(),
  privateKeyPkcs8Base64: text('private_key_pkcs8_base64').notNull(),
  publicKeySpkiBase64: text('public_key_spki_base64').notNull(),
  createdAtMs: integer('created_at_ms').notNull(),
});

/**
 * What this terminal pulled of central's feed (issue 11), validated on arrival, each stream keyed so
 * that applying an item twice changes nothing; a newer cursor of the same key replaces the older.
 * Users' public data (accounts and roles approved centrally; no password ever leaves an office).
 */
export const centralUsers = sqliteTable('central_users', {
  username: text('username').primaryKey(),
  fullNameTh: text('full_name_th').notNull(),
  positionTh: text('position_th').notNull(),
  role: text('role').notNull(),
  isDisabled: integer('is_disabled', { mode: 'boolean' }).notNull(),
  orderRef: text('order_ref').notNull(),
  approvedAtMs: integer('approved_at_ms').notNull(),
  cursor: integer('cursor').notNull(),
});

/** The revenue catalog's fee types as central publishes them (src-shared/catalog), one row per version. */
export const centralCatalog = sqliteTable('central_catalog', {
  version: integer('version').primaryKey(),
  dataJson: text('data_json').notNull(),
  cursor: integer('cursor').notNull(),
  pulledAtMs: integer('pulled_at_ms').notNull(),
});

/** The government holiday calendar per year (resources/holidays format), the latest of each year. */
export const centralHolidays = sqliteTable('central_holidays', {
  year: integer('year').primaryKey(),
  dataJson: text('data_json').notNull(),
  cursor: integer('cursor').notNull(),
  pulledAtMs: integer('pulled_at_ms').notNull(),
});

/**
 * Payments found in bank files imported at the province, for bills of this office: recorded in the
 * ledger as `payment.confirmed` (source central) when the bill is on this terminal (`status`
 * applied), else kept (`not-here`, `already-confirmed`, `amount-differs`).
 */
export const centralPaymentConfirmations = sqliteTable(
  'central_payment_confirmations',
  {
    bankCode: text('bank_code').notNull(),
    bankReference: text('bank_reference').notNull(),
    ref1: text('ref1').notNull(),
    paidAtMs: integer('paid_at_ms').notNull(),
    amountSatang: integer('amount_satang').notNull(),
    sourceFile: text('source_file').notNull(),
    status: text('status').notNull(),
    confirmationId: text('confirmation_id'),
    cursor: integer('cursor').notNull(),
    pulledAtMs: integer('pulled_at_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bankCode, t.bankReference] })],
);

/** Paper receipt books the province assigned to this office (or one of its terminals). */
export const centralBookAssignments = sqliteTable('central_book_assignments', {
  bookNo: text('book_no').primaryKey(),
  firstLeaf: integer('first_leaf').notNull(),
  lastLeaf: integer('last_leaf').notNull(),
  terminalSlot: integer('terminal_slot'),
  assignedAtMs: integer('assigned_at_ms').notNull(),
  cursor: integer('cursor').notNull(),
  pulledAtMs: integer('pulled_at_ms').notNull(),
});

/**
 * Central holds more of this chain than this database (restored from an older backup), or a
 * different chain at its mark: recorded with central's signed mark; the terminal refuses to issue
 * numbers under that slot until an administrator re-binds it (design.md "Identity").
 */
export const syncBehindCentral = sqliteTable('sync_behind_central', {
  id: text('id').primaryKey(),
  terminalSlot: integer('terminal_slot').notNull(),
  localSeq: integer('local_seq').notNull(),
  centralHighWaterSeq: integer('central_high_water_seq').notNull(),
  centralHeadHash: text('central_head_hash').notNull(),
  detectedAtMs: integer('detected_at_ms').notNull(),
});
