/**
 * Every kind of ledger entry, with the version of its payload (the outbox carries both, so central
 * can read old and new payloads side by side). Add a kind here; never change an existing payload's
 * meaning without a new version.
 */
export const LEDGER_ENTRY_KINDS = [
  'request.created',
  'request.cancelled',
  'payment.confirmed',
  'receipt.issued',
  'receipt.printed',
  'receipt.reprinted',
  'receipt.cancelled',
  'clock.acknowledged',
  'terminal.rebound',
  'approval-key.installed',
  // paper receipt books, outages, field collection (issue 8)
  'book.registered',
  'book.assigned',
  'book.leaf-marked',
  'book.closed',
  'receipt.keyed',
  'paper-leaves.recorded',
  'outage.started',
  'outage.ended',
  'field.ordered',
  'field.handed-over',
  'field.terminal-taken',
  'day.closed',
  // deduction rates and remittance records, ledger rows since migration 0018 (issue 10)
  'deduction-rate.set',
  'remittance.recorded',
] as const;
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];
