import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The print queue (issue 6). A job *references* a ledger record (a receipt, or a bill by Ref1) and
 * never creates one; its state moves queued → sent → confirmed, or to failed and back by a retry.
 * Not part of the ledger: rows are updated, and the ledger keeps the facts (printed once, reprints).
 */
export const printJobs = sqliteTable(
  'print_jobs',
  {
    id: text('id').primaryKey(),
    documentKind: text('document_kind').notNull(),
    receiptId: text('receipt_id'),
    ref1: text('ref1'),
    /** original: the operator's one print; reprint: a supervisor's numbered copy; document: a slip or form. */
    purpose: text('purpose').notNull(),
    copyNo: integer('copy_no'),
    adapter: text('adapter').notNull(),
    deviceName: text('device_name'),
    paper: text('paper').notNull(),
    state: text('state').notNull(),
    attempts: integer('attempts').notNull(),
    lastError: text('last_error'),
    createdByUserId: text('created_by_user_id').notNull(),
    createdAtMs: integer('created_at_ms').notNull(),
    updatedAtMs: integer('updated_at_ms').notNull(),
    confirmedByUserId: text('confirmed_by_user_id'),
    confirmedAtMs: integer('confirmed_at_ms'),
  },
  (t) => [
    check('print_jobs_kind_known', sql`${t.documentKind} IN ('bill-slip','request-form','receipt')`),
    check('print_jobs_purpose_known', sql`${t.purpose} IN ('original','reprint','document')`),
    check('print_jobs_state_known', sql`${t.state} IN ('queued','sent','failed','confirmed')`),
    check('print_jobs_adapter_known', sql`${t.adapter} IN ('pdf-file','lp','electron')`),
    check('print_jobs_receipt_referenced', sql`(${t.documentKind} = 'receipt') = (${t.receiptId} IS NOT NULL)`),
    check('print_jobs_bill_referenced', sql`${t.documentKind} = 'receipt' OR ${t.ref1} IS NOT NULL`),
    check('print_jobs_receipt_purpose', sql`(${t.documentKind} = 'receipt') = (${t.purpose} IN ('original','reprint'))`),
    check('print_jobs_reprint_numbered', sql`(${t.purpose} = 'reprint') = (${t.copyNo} IS NOT NULL)`),
    check('print_jobs_confirmed_by', sql`(${t.state} = 'confirmed') = (${t.confirmedByUserId} IS NOT NULL)`),
    check('print_jobs_attempts', sql`${t.attempts} >= 0`),
    // Never a second original job, never two jobs for one reprint event.
    uniqueIndex('print_jobs_one_original').on(t.receiptId).where(sql`${t.purpose} = 'original'`),
    uniqueIndex('print_jobs_one_per_copy').on(t.receiptId, t.copyNo).where(sql`${t.purpose} = 'reprint'`),
    index('print_jobs_state').on(t.state),
  ],
);

/** Which printer and paper this terminal uses for each document kind (one row per kind). */
export const printerSettings = sqliteTable(
  'printer_settings',
  {
    documentKind: text('document_kind').primaryKey(),
    adapter: text('adapter').notNull(),
    deviceName: text('device_name'),
    paper: text('paper').notNull(),
    updatedByUserId: text('updated_by_user_id').notNull(),
    updatedAtMs: integer('updated_at_ms').notNull(),
  },
  (t) => [
    check('printer_settings_kind_known', sql`${t.documentKind} IN ('bill-slip','request-form','receipt')`),
    check('printer_settings_adapter_known', sql`${t.adapter} IN ('pdf-file','lp','electron')`),
    check('printer_settings_paper_known', sql`${t.paper} IN ('A4','A5','thermal-80')`),
  ],
);
