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
