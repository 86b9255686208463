import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * User accounts. State columns (disabled, failed logins, lock) change; every change is in the
 * audit log. Accounts are approved centrally later (issue 11): `centrally_approved_at_ms` is null
 * for an account created on this terminal.
 */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull().unique(),
    fullNameTh: text('full_name_th').notNull(),
    positionTh: text('position_th').notNull(),
    role: text('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    isDisabled: integer('is_disabled', { mode: 'boolean' }).notNull().default(false),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntilMs: integer('locked_until_ms'),
    createdAtMs: integer('created_at_ms').notNull(),
    createdByUserId: text('created_by_user_id'),
    centrallyApprovedAtMs: integer('centrally_approved_at_ms'),
  },
  (t) => [
    check('users_role_known', sql`${t.role} IN ('operator','supervisor','finance','head','auditor','admin')`),
    check('users_failed_login_count_non_negative', sql`${t.failedLoginCount} >= 0`),
  ],
);
