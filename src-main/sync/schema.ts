import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
