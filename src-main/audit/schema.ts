import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Every action, including refused ones (seed 001 §3.1.5, issue 5). Append-only (trigger). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    atMs: integer('at_ms').notNull(),
    userId: text('user_id'),
    username: text('username'),
    channel: text('channel').notNull(),
    action: text('action').notNull(),
    outcome: text('outcome').notNull(),
    code: text('code'),
    detail: text('detail'),
  },
  (t) => [
    check('audit_log_outcome_known', sql`${t.outcome} IN ('ok','refused','error')`),
    check('audit_log_channel_known', sql`${t.channel} IN ('desktop','web','cli','system')`),
    index('audit_log_at_ms').on(t.atMs),
  ],
);
