import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, index, integer, pgSequence, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Central's tables (issue 11). Instants are UTC epoch ms (bigint), hashes lowercase hex, ids the
 * office's own (26-character Crockford base32, or 36-character UUIDs of old rows).
 * Migrations: `npx drizzle-kit generate --config drizzle.server.config.ts` → src-server/db/migrations.
 */
const ms = (name: string) => bigint(name, { mode: 'number' });

/** The server's own Ed25519 key: it signs every acknowledgement. One row, made on first start. */
export const serverKeys = pgTable('server_keys', {
  id: text('id').primaryKey(),
  privateKeyPkcs8Base64: text('private_key_pkcs8_base64').notNull(),
  publicKeySpkiBase64: text('public_key_spki_base64').notNull(),
  createdAtMs: ms('created_at_ms').notNull(),
});

/** One terminal = office + slot (design.md "Identity"), with what central holds of its chain. */
export const terminals = pgTable('terminals', {
  id: text('id').primaryKey(),
  place: text('place').notNull(),
  slot: integer('slot').notNull(),
  /** The highest seq stored: every seq 1..high_water_seq is stored (contiguous). */
  highWaterSeq: ms('high_water_seq').notNull().default(0),
  headHash: text('head_hash').notNull().default(sql`repeat('0', 64)`),
  /** The slot the chain's entries carry now: differs from `slot` until a `terminal.rebound` entry arrives. */
  chainSlot: integer('chain_slot'),
  /** The offline approval key central gave this terminal (base64, 32 bytes). */
  approvalKeyBase64: text('approval_key_base64').notNull(),
  enrolledAtMs: ms('enrolled_at_ms').notNull(),
  lastPushAtMs: ms('last_push_at_ms'),
});

/** A terminal's signing keys; one in force, earlier ones revoked. */
export const terminalKeys = pgTable(
  'terminal_keys',
  {
    keyId: text('key_id').primaryKey(),
    terminalId: text('terminal_id')
      .notNull()
      .references(() => terminals.id),
    publicKeySpkiBase64: text('public_key_spki_base64').notNull(),
    enrolledAtMs: ms('enrolled_at_ms').notNull(),
    revokedAtMs: ms('revoked_at_ms'),
  },
  (t) => [index('terminal_keys_terminal').on(t.terminalId)],
);

/** One-time enrollment codes, stored as their SHA-256 only. */
export const enrollCodes = pgTable('enroll_codes', {
  codeSha256: text('code_sha256').primaryKey(),
  place: text('place').notNull(),
  slot: integer('slot').notNull(),
  createdAtMs: ms('created_at_ms').notNull(),
  expiresAtMs: ms('expires_at_ms').notNull(),
  usedAtMs: ms('used_at_ms'),
  usedByKeyId: text('used_by_key_id'),
});

/** Nonces of signed requests seen within the signature window: a second use is a replay. */
export const seenRequests = pgTable(
  'seen_requests',
  {
    keyId: text('key_id').notNull(),
    nonce: text('nonce').notNull(),
    atMs: ms('at_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.nonce] }), index('seen_requests_at').on(t.atMs)],
);

/** Every ledger entry of every terminal, exactly as hashed; keyed by terminal and seq. */
export const entries = pgTable(
  'entries',
  {
    terminalId: text('terminal_id')
      .notNull()
      .references(() => terminals.id),
    seq: ms('seq').notNull(),
    entryId: text('entry_id').notNull(),
    kind: text('kind').notNull(),
    payloadVersion: integer('payload_version').notNull(),
    atMs: ms('at_ms').notNull(),
    businessDate: text('business_date').notNull(),
    place: text('place').notNull(),
    terminalSlot: integer('terminal_slot').notNull(),
    userId: text('user_id'),
    payloadText: text('payload_text').notNull(),
    hash: text('hash').notNull(),
    receivedAtMs: ms('received_at_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.terminalId, t.seq] }), index('entries_day').on(t.terminalId, t.businessDate)],
);

/** Completeness per terminal and business day as last checked (what the console shows). */
export const dayCompleteness = pgTable(
  'day_completeness',
  {
    terminalId: text('terminal_id')
      .notNull()
      .references(() => terminals.id),
    businessDate: text('business_date').notNull(),
    entryCount: integer('entry_count').notNull(),
    receiptsSatang: ms('receipts_satang').notNull(),
    lastSeq: ms('last_seq').notNull(),
    headHash: text('head_hash').notNull(),
    checkedAtMs: ms('checked_at_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.terminalId, t.businessDate] })],
);

/** Alarms: a changed record (tamper), a chain that does not continue, a day that does not add up. */
export const alarms = pgTable(
  'alarms',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    terminalId: text('terminal_id').notNull(),
    seq: ms('seq'),
    detail: text('detail').notNull(),
    atMs: ms('at_ms').notNull(),
    isAcknowledged: boolean('is_acknowledged').notNull().default(false),
    /** Who acknowledged it in the console, and when (null until then). */
    acknowledgedBy: text('acknowledged_by'),
    acknowledgedAtMs: ms('acknowledged_at_ms'),
  },
  (t) => [index('alarms_terminal').on(t.terminalId)],
);

/** Cursor of everything a terminal pulls: each pulled item takes the next value when it becomes pullable. */
export const pullCursor = pgSequence('pull_cursor');

/** Reprint/cancel requests sent by terminals, decided at central (design.md "Supervisor approval", path 2). */
export const approvalRequests = pgTable(
  'approval_requests',
  {
    id: text('id').primaryKey(),
    terminalId: text('terminal_id')
      .notNull()
      .references(() => terminals.id),
    action: text('action').notNull(),
    subject: text('subject').notNull(),
    reasonCode: text('reason_code').notNull(),
    reasonText: text('reason_text').notNull(),
    businessDate: text('business_date').notNull(),
    requestedByUserId: text('requested_by_user_id').notNull(),
    requestedAtMs: ms('requested_at_ms').notNull(),
    status: text('status').notNull().default('pending'),
    supervisorUsername: text('supervisor_username'),
    supervisorNameTh: text('supervisor_name_th'),
    decidedAtMs: ms('decided_at_ms'),
    /** Set from `pull_cursor` when decided: what the terminal pulls after. */
    cursor: ms('cursor'),
  },
  (t) => [index('approval_requests_pull').on(t.terminalId, t.cursor)],
);

/** Fine orders imported from the fines system's CSV (src-shared/sync/fine-orders-csv.ts), pulled by their office. */
export const fineOrders = pgTable(
  'fine_orders',
  {
    orderNo: text('order_no').primaryKey(),
    place: text('place').notNull(),
    revenueCode: text('revenue_code').notNull(),
    offenderName: text('offender_name').notNull(),
    offenderId: text('offender_id'),
    amountSatang: ms('amount_satang').notNull(),
    issuedDate: text('issued_date').notNull(),
    law: text('law').notNull(),
    importedAtMs: ms('imported_at_ms').notNull(),
    cursor: bigserial('cursor', { mode: 'number' }).notNull(),
  },
  (t) => [index('fine_orders_pull').on(t.place, t.cursor)],
);

/** People who log in to the console (supervisors who approve, executives, administrators). */
export const consoleUsers = pgTable('console_users', {
  username: text('username').primaryKey(),
  nameTh: text('name_th').notNull(),
  role: text('role').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAtMs: ms('created_at_ms').notNull(),
});

/** Console sessions: the cookie's SHA-256 only. */
export const consoleSessions = pgTable('console_sessions', {
  tokenSha256: text('token_sha256').primaryKey(),
  username: text('username')
    .notNull()
    .references(() => consoleUsers.username),
  expiresAtMs: ms('expires_at_ms').notNull(),
});

/**
 * What central publishes for terminals to pull besides approvals and fine orders (issue 11): users'
 * public data, the catalog, the holiday calendar, payment confirmations from bank files imported at
 * the province, paper book assignments. One row per published version of an item; `place` null =
 * every office. The same body published again is a duplicate (unique stream, key, body hash).
 */
export const feedItems = pgTable(
  'feed_items',
  {
    cursor: bigserial('cursor', { mode: 'number' }).primaryKey(),
    stream: text('stream').notNull(),
    place: text('place'),
    itemKey: text('item_key').notNull(),
    body: text('body').notNull(),
    bodySha256: text('body_sha256').notNull(),
    publishedAtMs: ms('published_at_ms').notNull(),
  },
  (t) => [uniqueIndex('feed_items_version').on(t.stream, t.itemKey, t.bodySha256), index('feed_items_place').on(t.place, t.cursor)],
);

/** User accounts approved centrally (the Finance Division, on a written order): the latest of each. */
export const centralUsers = pgTable('central_users', {
  username: text('username').primaryKey(),
  place: text('place').notNull(),
  fullNameTh: text('full_name_th').notNull(),
  positionTh: text('position_th').notNull(),
  role: text('role').notNull(),
  isDisabled: boolean('is_disabled').notNull(),
  orderRef: text('order_ref').notNull(),
  approvedAtMs: ms('approved_at_ms').notNull(),
  /** Who published it at central: a console username, `admin-token` (the administrator's route), `cli:<login>` (`ebill-central feed publish`); null before it was kept. */
  approvedBy: text('approved_by'),
});

/** Users a terminal created itself (first set-up, offline), as it reported them: flagged until approved centrally. */
export const reportedLocalUsers = pgTable(
  'reported_local_users',
  {
    terminalId: text('terminal_id')
      .notNull()
      .references(() => terminals.id),
    username: text('username').notNull(),
    fullNameTh: text('full_name_th').notNull(),
    positionTh: text('position_th').notNull(),
    role: text('role').notNull(),
    isDisabled: boolean('is_disabled').notNull(),
    createdAtMs: ms('created_at_ms').notNull(),
    reportedAtMs: ms('reported_at_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.terminalId, t.username] })],
);

/*
 * Facts central reads out of the entries it stores (src-server/facts.ts), at ingest, in the push's
 * transaction: one row per entry, keyed by terminal and seq, so a repeat stores nothing twice. The
 * console's statistics, overdue-remittance alarm and outages read these, never the payload text.
 */

/** A receipt: `receipt.issued` (electronic) or `receipt.keyed` (a paper receipt keyed later, is_paper). */
export const centralReceipts = pgTable(
  'central_receipts',
  {
    terminalId: text('terminal_id')
      .notNull()
      .references(() => terminals.id),
    seq: ms('seq').notNull(),
    receiptId: text('receipt_id').notNull(),
    place: text('place').notNull(),
    businessDate: text('business_date').notNull(),
    revenueCode: text('revenue_code').notNull(),
    method: text('method').notNull(),
    amountSatang: ms('amount_satang').notNull(),
    isPaper: boolean('is_paper').notNull(),
    /** The bill it pays (null when the payload has none). */
    billId: text('bill_id'),
    /**
     * A bill payment's bank day: the Bangkok date the bank was paid, from the terminal's confirmations
     * of the bill (`central_confirmations`, the bank's before the payer's evidence), kept at ingest
     * whichever arrives last; null while central has none.
     */
    bankDate: text('bank_date'),
  },
  (t) => [
    primaryKey({ columns: [t.terminalId, t.seq] }),
    index('central_receipts_id').on(t.terminalId, t.receiptId),
    index('central_receipts_day').on(t.place, t.businessDate),
    index('central_receipts_bill').on(t.terminalId, t.billId).where(sql`${t.method} = 'bill-payment'`),
  ],
);

/**
 * A `payment.confirmed` entry: a bill paid at the bank, by the bank's data (`bank-file`, `central`)
 * or provisionally from the payer's evidence. Its paid instant gives a bill payment the day the
 * provincial office remits it under (the bank's payment date, src-main/close/province-remittance.ts).
 */
export const centralConfirmations = pgTable(
  'central_confirmations',
  {
    terminalId: text('terminal_id')
      .notNull()
      .references(() => terminals.id),
    seq: ms('seq').notNull(),
    place: text('place').notNull(),
    confirmationId: text('confirmation_id').notNull(),
    billId: text('bill_id').notNull(),
    source: text('source').notNull(),
    paidAtMs: ms('paid_at_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.terminalId, t.seq] }), index('central_confirmations_bill').on(t.terminalId, t.billId)],
);

/** A `receipt.cancelled` entry: the receipt it cancels (statistics leave it out). */
export const centralCancellations = pgTable(
  'central_cancellations',
  {
    terminalId: text('terminal_id')
      .notNull()
      .references(() => terminals.id),
    seq: ms('seq').notNull(),
    receiptId: text('receipt_id').notNull(),
    place: text('place').notNull(),
    businessDate: text('business_date').notNull(),
    atMs: ms('at_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.terminalId, t.seq] }), index('central_cancellations_receipt').on(t.terminalId, t.receiptId)],
);

/** A `remittance.recorded` entry: the day and scope remitted, the amount, the bank's reference. */
export const centralRemittances = pgTable(
  'central_remittances',
  {
    terminalId: text('terminal_id')
      .notNull()
      .references(() => terminals.id),
    seq: ms('seq').notNull(),
    place: text('place').notNull(),
    businessDate: text('business_date').notNull(),
    scope: text('scope').notNull(),
    amountSatang: ms('amount_satang').notNull(),
    bankReference: text('bank_reference').notNull(),
    remittedAtMs: ms('remitted_at_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.terminalId, t.seq] }), index('central_remittances_day').on(t.place, t.businessDate)],
);

/** A `day.closed` entry (a day's close, a shift close or a supplementary close). */
export const centralDayCloses = pgTable(
  'central_day_closes',
  {
    terminalId: text('terminal_id')
      .notNull()
      .references(() => terminals.id),
    seq: ms('seq').notNull(),
    place: text('place').notNull(),
    businessDate: text('business_date').notNull(),
    kind: text('kind').notNull(),
    totalSatang: ms('total_satang').notNull(),
    atMs: ms('at_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.terminalId, t.seq] })],
);

/** `outage.started` (ended_at_ms null) and `outage.ended` (outage_id names the outage it ends). */
export const centralOutages = pgTable(
  'central_outages',
  {
    terminalId: text('terminal_id')
      .notNull()
      .references(() => terminals.id),
    seq: ms('seq').notNull(),
    outageId: text('outage_id').notNull(),
    place: text('place').notNull(),
    startedAtMs: ms('started_at_ms'),
    endedAtMs: ms('ended_at_ms'),
    cause: text('cause'),
  },
  (t) => [primaryKey({ columns: [t.terminalId, t.seq] }), index('central_outages_id').on(t.terminalId, t.outageId)],
);

/**
 * The office registry (issue 11): which office is the provincial office of its province (it remits
 * the province's bill payments, src-main/close/province-remittance.ts), keyed by place code. An
 * office central sees through its terminals and that is not here is a district office, shown "not
 * set". At most one provincial office per province (the first 2 digits of the place): the partial
 * unique index holds it even when two administrators set it at once.
 */
export const officeRegistry = pgTable(
  'office_registry',
  {
    place: text('place').primaryKey(),
    /** substr(place, 1, 2), kept so the one-provincial-office rule is an index. */
    province: text('province').notNull(),
    kind: text('kind').notNull(),
    nameTh: text('name_th'),
    /** The console user, or `cli:<login>` for `ebill-central office set-kind`. */
    setBy: text('set_by').notNull(),
    setAtMs: ms('set_at_ms').notNull(),
  },
  (t) => [
    uniqueIndex('office_registry_one_provincial').on(t.province).where(sql`${t.kind} = 'provincial'`),
    check('office_registry_kind', sql`${t.kind} IN ('district', 'provincial')`),
    check('office_registry_province', sql`${t.province} = substr(${t.place}, 1, 2)`),
  ],
);
