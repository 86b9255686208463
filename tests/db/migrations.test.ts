import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APPEND_ONLY_TABLES, INVARIANT_TRIGGERS, expectedTriggers, missingAppendOnlyTriggers } from '../../src-main/db/append-only';
import { readMigrations } from '../../src-main/db/migrate';
import { defaultMigrationsDir, NEW_DATABASE_PAGE_SIZE, openOfficeDatabase, type OpenOptions } from '../../src-main/db/open';
import { manualClock } from '../../src-main/platform/clock';
import { memoryLogger } from '../../src-main/platform/logger';
import { T0_MS } from '../helpers/office';

let dir: string;
let options: OpenOptions;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ebill-db-'));
  options = { file: join(dir, 'ebill.sqlite'), backupDir: join(dir, 'backups'), clock: manualClock(T0_MS), logger: memoryLogger() };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fileHash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('migrations', () => {
  it.each(['payment_requests', 'bills', 'receipts', 'receipt_events', 'payment_confirmations', 'request_events', 'day_closes'])(
    "defer only %s's entry_seq key to commit (a row is written before its entry); its other keys stay immediate",
    (table) => {
      const database = openOfficeDatabase(options);
      try {
        const create = (database.sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) as { sql: string }).sql;
        expect(create).toContain('REFERENCES `ledger_entries`(`seq`) ON UPDATE no action ON DELETE no action DEFERRABLE INITIALLY DEFERRED');
        expect(create.match(/DEFERRABLE/g)).toHaveLength(1);
        expect(database.sqlite.pragma('defer_foreign_keys', { simple: true })).toBe(0);
      } finally {
        database.close();
      }
    },
  );

  it('bring an empty database to the latest schema, in WAL with synchronous=FULL', () => {
    const database = openOfficeDatabase(options);
    expect(database.schemaVersion).toBe(readMigrations(defaultMigrationsDir()).length);
    expect(database.schemaVersion).toBe(database.latestSchemaVersion);
    expect(database.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(database.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(database.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    database.close();
    expect(readdirSync(dir)).not.toContain('backups');
  });

  it('a new database file gets 4 KiB pages; an existing one keeps the page size it was made with', () => {
    const database = openOfficeDatabase(options);
    expect(database.sqlite.pragma('page_size', { simple: true })).toBe(NEW_DATABASE_PAGE_SIZE);
    database.close();
    const olderFile = join(dir, 'older.sqlite');
    const older = new Database(olderFile);
    // Made by the version that gave new files 8 KiB pages.
    older.pragma('page_size = 8192');
    older.exec('CREATE TABLE made_before (a)');
    older.close();
    const reopened = openOfficeDatabase({ ...options, file: olderFile });
    expect(reopened.sqlite.pragma('page_size', { simple: true })).toBe(8192);
    expect(reopened.schemaVersion).toBe(reopened.latestSchemaVersion);
    reopened.close();
  });

  it('upgrade a database from the previous migration, keeping its rows, after taking a backup', () => {
    const latest = readMigrations(defaultMigrationsDir()).length;
    const old = openOfficeDatabase({ ...options, upToIdx: latest - 2 });
    expect(old.schemaVersion).toBe(latest - 1);
    old.sqlite.prepare(`INSERT INTO audit_log (id, at_ms, channel, action, outcome) VALUES ('a1', 1, 'system', 'before-upgrade', 'ok')`).run();
    old.close();

    const upgraded = openOfficeDatabase(options);
    expect(upgraded.schemaVersion).toBe(latest);
    expect(upgraded.sqlite.prepare(`SELECT action FROM audit_log WHERE id = 'a1'`).get()).toEqual({ action: 'before-upgrade' });
    upgraded.close();
    const backups = readdirSync(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    const backup = new Database(join(dir, 'backups', backups[0] ?? ''), { readonly: true });
    expect(backup.prepare(`SELECT count(*) AS n FROM audit_log`).get()).toEqual({ n: 1 });
    backup.close();
  });

  it('refuse a database written by a newer version, with a clear message, without changing it', () => {
    openOfficeDatabase(options).close();
    const raw = new Database(options.file);
    raw.prepare(`INSERT INTO ebill_migrations (idx, tag, sha256, applied_at_ms) VALUES (99, '0099_future', 'x', 1)`).run();
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = fileHash(options.file);
    expect(() => openOfficeDatabase(options)).toThrow(/written by a newer version of ebill-counter.*not changed/);
    expect(fileHash(options.file)).toBe(before);
  });

  it('roll back a migration that breaks a foreign key, whole', () => {
    const migrationsDir = join(dir, 'migrations');
    cpSync(defaultMigrationsDir(), migrationsDir, { recursive: true });
    const journalFile = join(migrationsDir, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number; tag: string }[] };
    journal.entries.push({ ...journal.entries[0], idx: journal.entries.length, tag: '9999_broken' });
    writeFileSync(journalFile, JSON.stringify(journal));
    writeFileSync(
      join(migrationsDir, '9999_broken.sql'),
      'CREATE TABLE child (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id));\n--> statement-breakpoint\nINSERT INTO child VALUES (\'c1\', \'no-such-user\');',
    );
    expect(() => openOfficeDatabase({ ...options, migrationsDir })).toThrow(/9999_broken breaks 1 foreign key/);
    const raw = new Database(options.file, { readonly: true });
    expect(raw.prepare(`SELECT name FROM sqlite_master WHERE name = 'child'`).get()).toBeUndefined();
    raw.close();
  });
});

describe('append-only tables', () => {
  it('have both triggers after all migrations', () => {
    const database = openOfficeDatabase(options);
    expect(missingAppendOnlyTriggers(database.sqlite)).toEqual([]);
    expect(expectedTriggers()).toHaveLength(APPEND_ONLY_TABLES.length * 2 + INVARIANT_TRIGGERS.length);
    database.close();
  });

  it('refuse updates and deletes of the audit log', () => {
    const database = openOfficeDatabase(options);
    database.sqlite.prepare(`INSERT INTO audit_log (id, at_ms, channel, action, outcome) VALUES ('a1', 1, 'system', 'x', 'ok')`).run();
    expect(() => database.sqlite.prepare(`UPDATE audit_log SET outcome = 'error'`).run()).toThrow(/append-only: audit_log rows are never updated/);
    expect(() => database.sqlite.prepare(`DELETE FROM audit_log`).run()).toThrow(/append-only: audit_log rows are never deleted/);
    database.close();
  });

  it('are reported when a trigger has gone missing (a drizzle-kit table rebuild drops them)', () => {
    const database = openOfficeDatabase(options);
    database.sqlite.exec('DROP TRIGGER audit_log_no_delete');
    expect(missingAppendOnlyTriggers(database.sqlite)).toEqual(['audit_log_no_delete']);
    database.close();
    expect(() => openOfficeDatabase(options)).toThrow(/Append-only triggers are missing after migration: audit_log_no_delete/);
  });
});

describe('migration 0021 (province payment outbox)', () => {
  it('rebuilds bank_files and bank_payments keeping their rows (forwarded_count 0) and their append-only triggers', () => {
    // Found by its name: it is renumbered when merged.
    const mine = readMigrations(defaultMigrationsDir()).findIndex((m) => m.tag.endsWith('_province-payment-outbox'));
    expect(mine).toBeGreaterThan(0);
    const old = openOfficeDatabase({ ...options, upToIdx: mine - 1 });
    old.sqlite
      .prepare(
        `INSERT INTO bank_files (id, sha256, format, layout_id, byte_count, content, line_count, matched_count, exception_count, duplicate_count, credit_total_satang, imported_at_ms)
         VALUES ('f1', ?, 'csv', 'ktb-csv', 3, X'616263', 1, 0, 1, 0, 100, 1)`,
      )
      .run('a'.repeat(64));
    old.sqlite
      .prepare(
        `INSERT INTO bank_payments (id, file_id, line_no, bank_code, company_account, payment_date, payment_time, paid_at_ms, ref1, ref2, ref3, customer_name, branch_no, teller_no, kind, transaction_code, amount_satang, occurrence, outcome, at_ms)
         VALUES ('p1', 'f1', 2, '006', '9876543210', '2026-11-23', '08:45:10', 1, '101540169100001', '0015401804001', '', 'x', '0000', '0000', 'C', '', 100, 1, 'exception', 1)`,
      )
      .run();
    old.close();
    const upgraded = openOfficeDatabase(options);
    try {
      expect(upgraded.sqlite.prepare(`SELECT line_count AS l, exception_count AS x, forwarded_count AS f FROM bank_files`).all()).toEqual([{ l: 1, x: 1, f: 0 }]);
      expect(upgraded.sqlite.prepare(`SELECT id, outcome FROM bank_payments`).all()).toEqual([{ id: 'p1', outcome: 'exception' }]);
      expect(missingAppendOnlyTriggers(upgraded.sqlite)).toEqual([]);
      expect(() => upgraded.sqlite.prepare(`UPDATE bank_payments SET outcome = 'forwarded'`).run()).toThrow(/append-only: bank_payments/);
      expect(() => upgraded.sqlite.prepare(`DELETE FROM bank_files`).run()).toThrow(/append-only: bank_files/);
    } finally {
      upgraded.close();
    }
  });

  it('lets the send queue set sent_at_ms once and nothing else', () => {
    const database = openOfficeDatabase(options);
    try {
      const s = database.sqlite;
      s.prepare(`INSERT INTO bank_files (id, sha256, format, layout_id, byte_count, content, line_count, matched_count, exception_count, duplicate_count, forwarded_count, credit_total_satang, imported_at_ms) VALUES ('f1', ?, 'csv', 'ktb-csv', 1, X'61', 1, 0, 0, 0, 1, 100, 1)`).run('b'.repeat(64));
      s.prepare(
        `INSERT INTO bank_payments (id, file_id, line_no, bank_code, company_account, payment_date, payment_time, paid_at_ms, ref1, ref2, ref3, customer_name, branch_no, teller_no, kind, transaction_code, amount_satang, occurrence, outcome, at_ms)
         VALUES ('p1', 'f1', 2, '006', '9876543210', '2026-11-23', '08:45:10', 1, '101540169100001', '0015401804001', '', 'x', '0000', '0000', 'C', '', 100, 1, 'forwarded', 1)`,
      ).run();
      s.prepare(`INSERT INTO province_payment_outbox (payment_id, place, ref1, bank_code, bank_reference, paid_at_ms, amount_satang, source_file, queued_at_ms) VALUES ('p1', '5401', '101540169100001', '006', 'r', 1, 100, 'f', 1)`).run();
      expect(() => s.prepare(`UPDATE province_payment_outbox SET amount_satang = 1`).run()).toThrow(/only sent_at_ms is set, once/);
      s.prepare(`UPDATE province_payment_outbox SET sent_at_ms = 5`).run();
      expect(() => s.prepare(`UPDATE province_payment_outbox SET sent_at_ms = 6`).run()).toThrow(/only sent_at_ms is set, once/);
      expect(() => s.prepare(`DELETE FROM province_payment_outbox`).run()).toThrow(/never deleted/);
    } finally {
      database.close();
    }
  });
});
