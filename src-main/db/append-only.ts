import type Database from 'better-sqlite3';

/**
 * Tables whose rows are never updated or deleted, each guarded by two triggers
 * (`<table>_no_update`, `<table>_no_delete`). Features add their tables here with their migration.
 */
export const APPEND_ONLY_TABLES = [
  'database_info',
  'terminal_binding',
  'audit_log',
  'ledger_entries',
  'outbox',
  'payment_requests',
  'bills',
  'receipts',
  'receipt_events',
  'payment_confirmations',
  'request_events',
  'approval_keys',
  'central_acks',
  'bank_files',
  'bank_payments',
  'bank_exceptions',
  'bank_exception_resolutions',
  // paper receipt books, outages, field collection (issue 8; migration 0012_paper-books-ledger)
  'receipt_books',
  'receipt_book_assignments',
  'receipt_leaf_events',
  'receipt_book_closures',
  'outages',
  'outage_ends',
  'field_orders',
  'paper_leaf_ranges',
  'paper_receipt_keyings',
  'field_handovers',
  'field_order_terminals',
  'day_closes',
  'deduction_rates',
  'remittances',
  'central_ack_proofs',
  // the first entry of each business date (0020_ledger-rowid-entry-seq)
  'ledger_days',
] as const;

/** Other guards every office database must have (0003_ledger-triggers, 0005_ledger-compact-triggers). */
export const INVARIANT_TRIGGERS = [
  'ledger_entries_chain_links',
  'number_counters_step_one',
  'number_counters_no_delete',
  'receipts_gapless_book',
  'receipts_one_active_per_bill',
  'receipt_events_no_print_after_cancel',
  'outbox_follows_entry',
  'receipts_not_after_close',
  // 0020_ledger-rowid-entry-seq: entry_seq is the rowid of these tables; SQLite would number a row without one
  'payment_requests_entry_seq_given',
  'bills_entry_seq_given',
  'receipts_entry_seq_given',
  'bills_same_entry_as_request',
  'ledger_days_first_entry',
] as const;

export function expectedTriggers(): string[] {
  return [...APPEND_ONLY_TABLES.flatMap((table) => [`${table}_no_update`, `${table}_no_delete`]), ...INVARIANT_TRIGGERS];
}

/** Names of the append-only and invariant triggers that are missing (empty when all are there). */
export function missingAppendOnlyTriggers(sqlite: Database.Database): string[] {
  const present = new Set(
    (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string }[]).map((r) => r.name),
  );
  return expectedTriggers().filter((name) => !present.has(name));
}
