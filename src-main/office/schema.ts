import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Facts about this database itself, written once at set-up and never changed (trigger). */
export const databaseInfo = sqliteTable(
  'database_info',
  {
    id: integer('id').primaryKey(),
    databaseId: text('database_id').notNull(),
    isTraining: integer('is_training', { mode: 'boolean' }).notNull(),
    /** The demonstration office of `ebill demo` (cli.md): placeholder biller id, documents marked DEMO. */
    isDemo: integer('is_demo', { mode: 'boolean' }).notNull(),
    createdAtMs: integer('created_at_ms').notNull(),
    createdByAppVersion: text('created_by_app_version').notNull(),
  },
  (t) => [check('database_info_single_row', sql`${t.id} = 1`)],
);

/** The office this terminal belongs to (design.md "Identity"). One row. */
export const office = sqliteTable(
  'office',
  {
    id: integer('id').primaryKey(),
    place: text('place').notNull(),
    nameTh: text('name_th').notNull(),
    province: text('province').notNull(),
    /** Null until known: bills (Ref2) cannot be made before it is set. */
    costCentre: text('cost_centre'),
    /** Null until known: slips (barcode, QR) cannot be made before it is set. */
    billerId: text('biller_id'),
    companyCode: text('company_code'),
    /**
     * Digits on printed documents: 'arabic' (default) or 'thai', an office option (design.md
     * "Documents"). Checked by the contract and by a trigger (0010): a CHECK here would make
     * drizzle-kit rebuild the table.
     */
    documentDigits: text('document_digits').notNull().default('arabic'),
    /**
     * 'district' (default) or 'provincial' (issue 10): a provincial office remits its whole
     * province's bill payments from its bank imports. Checked by a trigger (like document_digits).
     */
    kind: text('kind').notNull().default('district'),
    createdAtMs: integer('created_at_ms').notNull(),
  },
  (t) => [
    check('office_single_row', sql`${t.id} = 1`),
    check('office_place_4_digits', sql`length(${t.place}) = 4 AND ${t.place} NOT GLOB '*[^0-9]*'`),
    check('office_biller_15_digits', sql`${t.billerId} IS NULL OR (length(${t.billerId}) = 15 AND ${t.billerId} NOT GLOB '*[^0-9]*')`),
    check('office_cost_centre_10_digits', sql`${t.costCentre} IS NULL OR (length(${t.costCentre}) = 10 AND ${t.costCentre} NOT GLOB '*[^0-9]*')`),
  ],
);

/**
 * Binding of this database to a terminal slot on one machine. Append-only: a re-binding after a
 * restore onto another PC is a new row with who and why; the newest row is in force.
 */
export const terminalBinding = sqliteTable(
  'terminal_binding',
  {
    id: text('id').primaryKey(),
    slot: integer('slot').notNull(),
    machineId: text('machine_id').notNull(),
    boundAtMs: integer('bound_at_ms').notNull(),
    boundByUserId: text('bound_by_user_id'),
    reason: text('reason').notNull(),
  },
  (t) => [check('terminal_binding_slot_1_9', sql`${t.slot} BETWEEN 1 AND 9`)],
);
