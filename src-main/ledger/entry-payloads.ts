import type Database from 'better-sqlite3';
import { strictAssert } from '../../src-shared/result';
import type { LedgerEntryKind } from './kinds';
import { prepared } from './statements';

/**
 * The payload of most ledger entries is the business rows the action wrote (docs/decisions/0003):
 * those rows are stored once, in their tables, and the entry's payload text is rebuilt from them by
 * SQL — when the entry is appended (to hash it), by `ledger verify` (to check the hash, so a row
 * changed behind the triggers' back breaks the chain), and by the sync drain (to send it). The text
 * is RFC 8785 canonical JSON of `{<key>: {<camelCase column>: value, …}, …}`: keys written in sorted
 * order, values by SQLite's `json_object` / `json_quote`, which write strings exactly as ECMAScript's
 * JSON.stringify does (tested over every BMP character) and integers as decimals; 0/1 columns that
 * mean booleans are written false/true.
 *
 * Payload version 1 is frozen here: its column lists are written out, not read from the tables, so a
 * column added later does not silently change old entries' payloads (a test compares each list with
 * its table: a new column needs a new payload version).
 */
type ValueType = 'plain' | 'boolean';

interface PayloadColumn {
  readonly column: string;
  readonly key: string;
  readonly type: ValueType;
}

export interface PayloadPart {
  /** The payload key the row sits under (`request`, `bill`, `receipt`, `event`, `confirmation`). */
  readonly key: string;
  readonly table: string;
  /** Sorted by key, as RFC 8785 writes them. */
  readonly columns: readonly PayloadColumn[];
  /** SQL: the RFC 8785 text of the row of `table` whose entry_seq is `seqSql`, or NULL when there is none. */
  textOf(seqSql: string): string;
}

function camelCase(column: string): string {
  return column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

function part(key: string, table: string, columns: readonly string[], booleans: readonly string[] = []): PayloadPart {
  const described = columns
    .map((column): PayloadColumn => ({ column, key: camelCase(column), type: booleans.includes(column) ? 'boolean' : 'plain' }))
    // Keys are ASCII, so code-unit order (RFC 8785 §3.2.3) is plain string order.
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  // json_object writes its arguments in the order given (sorted here) with no spaces: RFC 8785 form.
  const text = `json_object(${described.map((c) => `'${c.key}', ${valueSql(`r."${c.column}"`, c.type)}`).join(', ')})`;
  return { key, table, columns: described, textOf: (seqSql) => `(SELECT ${text} FROM ${table} r WHERE r.entry_seq = ${seqSql} ORDER BY r.rowid LIMIT 1)` };
}

function valueSql(column: string, type: ValueType): string {
  return type === 'boolean' ? `CASE ${column} WHEN 1 THEN json('true') WHEN 0 THEN json('false') ELSE ${column} END` : column;
}

const REQUEST_PART = part(
  'request',
  'payment_requests',
  ['id', 'request_no', 'request_type', 'request_subtype', 'payer_name', 'payer_id_kind', 'payer_id', 'fine_order_no', 'fine_issuing_officer', 'is_manual_fine_entry', 'revenue_code', 'amount_satang', 'instalment_no', 'due_date', 'business_date', 'created_at_ms', 'created_by_user_id', 'place', 'terminal_slot', 'entry_seq'],
  ['is_manual_fine_entry'],
);
const BILL_PART = part('bill', 'bills', ['id', 'request_id', 'ref1', 'ref2', 'due_date', 'amount_satang', 'created_at_ms', 'entry_seq']);
const RECEIPT_PART = part(
  'receipt',
  'receipts',
  ['id', 'book', 'number', 'is_paper', 'business_date', 'request_id', 'bill_id', 'payer_name', 'payer_id', 'items', 'revenue_code', 'amount_satang', 'method', 'method_detail', 'payment_confirmation_id', 'receiver_user_id', 'receiver_name_th', 'receiver_position_th', 'issued_at_ms', 'entry_seq'],
  ['is_paper'],
);
const RECEIPT_EVENT_PART = part('event', 'receipt_events', ['id', 'receipt_id', 'kind', 'copy_no', 'user_id', 'supervisor_user_id', 'approval_method', 'reason_code', 'reason_text', 'approval_code', 'at_ms', 'business_date', 'entry_seq']);
const CONFIRMATION_PART = part('confirmation', 'payment_confirmations', ['id', 'bill_id', 'source', 'bank_code', 'paid_at_ms', 'bank_reference', 'amount_satang', 'recorded_by_user_id', 'at_ms', 'entry_seq']);
const REQUEST_EVENT_PART = part('event', 'request_events', ['id', 'request_id', 'kind', 'user_id', 'supervisor_user_id', 'reason_code', 'reason_text', 'approval_method', 'approval_code', 'at_ms', 'entry_seq']);
/** The day close of issue 10 (src-main/close), payload version 1. */
const DAY_CLOSE_PART = part(
  'close',
  'day_closes',
  ['id', 'business_date', 'kind', 'is_late', 'receiver_user_id', 'receipt_count', 'total_satang', 'cash_expected_satang', 'cash_counted_satang', 'variance_satang', 'variance_reason', 'counted', 'unconfirmed_count', 'chain_head_seq', 'chain_head_hash', 'closed_by_user_id', 'at_ms', 'entry_seq'],
  ['is_late'],
);
/** Group 1.1 deduction rates and remittance records (issue 10, migration 0018), payload version 1. */
const DEDUCTION_RATE_PART = part('rate', 'deduction_rates', ['id', 'revenue_code', 'reward_basis_points', 'cost_basis_points', 'set_by_user_id', 'at_ms', 'entry_seq']);
const REMITTANCE_PART = part('remittance', 'remittances', ['id', 'business_date', 'scope', 'amount_satang', 'deducted_satang', 'bank_reference', 'remitted_at_ms', 'recorded_by_user_id', 'at_ms', 'entry_seq']);

// Paper receipt books, outages and field collection (issue 8; src-main/books/schema.ts).
const BOOK_PART = part('book', 'receipt_books', ['id', 'book_no', 'first_leaf', 'last_leaf', 'fiscal_year_be', 'registered_by_user_id', 'registered_at_ms', 'entry_seq']);
const BOOK_ASSIGNMENT_PART = part('assignment', 'receipt_book_assignments', ['id', 'book_id', 'holder_kind', 'holder_terminal_slot', 'holder_user_id', 'assigned_by_user_id', 'assigned_at_ms', 'entry_seq']);
const LEAF_EVENT_PART = part('leafEvent', 'receipt_leaf_events', ['id', 'book_id', 'leaf', 'kind', 'reason_text', 'user_id', 'at_ms', 'business_date', 'entry_seq']);
const BOOK_CLOSURE_PART = part('closure', 'receipt_book_closures', ['id', 'book_id', 'closed_by_user_id', 'closed_at_ms', 'entry_seq']);
const OUTAGE_PART = part('outage', 'outages', ['id', 'started_at_ms', 'cause', 'reported_by_user_id', 'recorded_at_ms', 'entry_seq']);
const OUTAGE_END_PART = part('outageEnd', 'outage_ends', ['id', 'outage_id', 'ended_at_ms', 'note', 'ended_by_user_id', 'recorded_at_ms', 'entry_seq']);
const FIELD_ORDER_PART = part('order', 'field_orders', ['id', 'order_no', 'officer_user_id', 'place_text', 'from_date', 'to_date', 'handover_due_date', 'leaves_taken', 'ordered_by_user_id', 'ordered_at_ms', 'entry_seq']);
const LEAF_RANGE_PART = part('leaves', 'paper_leaf_ranges', ['id', 'book_id', 'first_leaf', 'last_leaf', 'business_date', 'outage_id', 'field_order_id', 'recorded_by_user_id', 'recorded_at_ms', 'entry_seq']);
const KEYING_PART = part('keying', 'paper_receipt_keyings', ['id', 'receipt_id', 'book_id', 'leaf', 'outage_id', 'field_order_id', 'keyed_by_user_id', 'keyed_at_ms', 'entry_seq']);
const HANDOVER_PART = part(
  'handover',
  'field_handovers',
  ['id', 'field_order_id', 'counted_satang', 'receipts_satang', 'variance_satang', 'variance_reason', 'received_by_user_id', 'handed_at_ms', 'business_date', 'is_late', 'entry_seq'],
  ['is_late'],
);

const FIELD_TERMINAL_PART = part('terminal', 'field_order_terminals', ['id', 'field_order_id', 'terminal_slot', 'recorded_by_user_id', 'recorded_at_ms', 'entry_seq']);

/** Which entry kinds carry their rows as payload, and which rows (payload version 1), sorted by key. */
export const ROW_PAYLOADS: Readonly<Partial<Record<LedgerEntryKind, readonly PayloadPart[]>>> = {
  'request.created': [BILL_PART, REQUEST_PART],
  'request.cancelled': [REQUEST_EVENT_PART],
  'payment.confirmed': [CONFIRMATION_PART],
  'receipt.issued': [RECEIPT_PART],
  'receipt.printed': [RECEIPT_EVENT_PART],
  'receipt.reprinted': [RECEIPT_EVENT_PART],
  'receipt.cancelled': [RECEIPT_EVENT_PART],
  'book.registered': [BOOK_PART],
  'book.assigned': [BOOK_ASSIGNMENT_PART],
  'book.leaf-marked': [LEAF_EVENT_PART],
  'book.closed': [BOOK_CLOSURE_PART],
  // A keyed paper receipt: its `receipts` row (is_paper = 1) and who keyed it, sorted by key.
  'receipt.keyed': [KEYING_PART, RECEIPT_PART],
  'paper-leaves.recorded': [LEAF_RANGE_PART],
  'outage.started': [OUTAGE_PART],
  'outage.ended': [OUTAGE_END_PART],
  'field.ordered': [FIELD_ORDER_PART],
  'field.handed-over': [HANDOVER_PART],
  'field.terminal-taken': [FIELD_TERMINAL_PART],
  'day.closed': [DAY_CLOSE_PART],
  'deduction-rate.set': [DEDUCTION_RATE_PART],
  'remittance.recorded': [REMITTANCE_PART],
};

/** Every table whose rows are entry payloads (each appears once). */
export const PAYLOAD_TABLES: readonly PayloadPart[] = [
  REQUEST_PART,
  BILL_PART,
  RECEIPT_PART,
  RECEIPT_EVENT_PART,
  CONFIRMATION_PART,
  REQUEST_EVENT_PART,
  BOOK_PART,
  BOOK_ASSIGNMENT_PART,
  LEAF_EVENT_PART,
  BOOK_CLOSURE_PART,
  OUTAGE_PART,
  OUTAGE_END_PART,
  FIELD_ORDER_PART,
  LEAF_RANGE_PART,
  KEYING_PART,
  HANDOVER_PART,
  FIELD_TERMINAL_PART,
  DAY_CLOSE_PART,
  DEDUCTION_RATE_PART,
  REMITTANCE_PART,
];

export function rowPartsOf(kind: string): readonly PayloadPart[] | undefined {
  return ROW_PAYLOADS[kind as LedgerEntryKind];
}

/** SQL: the payload text of an entry of a row-carrying kind (a missing row is written `null`, and so fails the hash). */
export function payloadSql(parts: readonly PayloadPart[], seqSql: string): string {
  return `${parts.map((p, i) => `'${i === 0 ? '{' : ','}"${p.key}":' || coalesce(${p.textOf(seqSql)}, 'null')`).join(' || ')} || '}'`;
}

/** SQL: the payload text of entry `l`, stored or rebuilt from its rows (NULL for a kind that carries none and stored none). */
export function entryPayloadSql(alias: string): string {
  const cases = Object.entries(ROW_PAYLOADS)
    .map(([kind, parts]) => `WHEN '${kind}' THEN ${payloadSql(parts ?? [], `${alias}.seq`)}`)
    .join(' ');
  return `coalesce(${alias}.payload, CASE ${alias}.kind ${cases} END)`;
}

/** SQL: the RFC 8785 text of entry `l` as hashed (equal to chain.ts canonicalEntryText; tested). */
export function entryTextSql(alias: string): string {
  const l = alias;
  // Short pieces around the payload, so the long payload text is copied once into the result.
  const before = `'{"atMs":' || ${l}.at_ms || ',"businessDate":' || json_quote(${l}.business_date) || ',"id":' || json_quote(${l}.id) || ',"kind":' || json_quote(${l}.kind) || ',"payload":'`;
  const after = `',"payloadVersion":' || ${l}.payload_version || ',"place":' || json_quote(${l}.place) || ',"seq":' || ${l}.seq || ',"terminalSlot":' || ${l}.terminal_slot || ',"userId":' || json_quote(${l}.user_id) || '}'`;
  return `(${before}) || coalesce(${entryPayloadSql(l)}, 'null') || (${after})`;
}

/**
 * The payload text of entry `seq` rebuilt from its rows, for a kind in ROW_PAYLOADS (inside the
 * action's transaction, before the entry row exists). Throws when a part has no row: an action
 * writes exactly one row per part.
 */
export function rowPayloadText(sqlite: Database.Database, parts: readonly PayloadPart[], seq: number): string {
  // One statement: how many rows each part has (exactly one is right) and the text built from them.
  const counts = parts.map((p, i) => `(SELECT count(*) FROM ${p.table} WHERE entry_seq = @seq) AS n${i}`).join(', ');
  const row = prepared(sqlite, `SELECT ${counts}, ${payloadSql(parts, '@seq')} AS text`).get({ seq }) as { text: string } & Record<string, number>;
  parts.forEach((p, i) => strictAssert(row[`n${i}`] === 1, `entry ${seq} wrote ${row[`n${i}`]} ${p.table} rows; its payload needs exactly one`));
  return row.text;
}
