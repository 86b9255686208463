import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { CodedError } from '../../src-shared/result';
import { checkDatabaseAtStart } from '../backup/startup-check';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { missingAppendOnlyTriggers } from './append-only';
import { migrate, readMigrations, type Migration } from './migrate';
import * as schema from './schema';
import { rememberNativeBinding } from '../ledger/parallel-hashes';

export type Db = BetterSQLite3Database<typeof schema>;

export interface OfficeDatabase {
  readonly sqlite: Database.Database;
  readonly db: Db;
  readonly file: string;
  readonly schemaVersion: number;
  readonly latestSchemaVersion: number;
  close(): void;
}

export interface OpenOptions {
  readonly file: string;
  readonly backupDir: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly migrationsDir?: string;
  /** An Electron-ABI build of better-sqlite3 for the desktop app (src-main/app); Node's own otherwise. */
  readonly nativeBinding?: string;
  readonly upToIdx?: number;
  readonly readonly?: boolean;
}

export const DB_LIMITS = { busyTimeoutMs: 5_000 } as const;

export function defaultMigrationsDir(): string {
  return fileURLToPath(new URL('./migrations/', import.meta.url));
}

/**
 * Opens (creating if needed) the office database: refuses a damaged one (DB_CORRUPT), WAL, synchronous=FULL (a committed receipt
 * survives power loss), busy timeout, foreign keys; migrates with a backup taken first; refuses a
 * database written by a newer version; checks that every append-only trigger exists.
 */
export function openOfficeDatabase(options: OpenOptions): OfficeDatabase {
  // Startup integrity (src-main/backup): a damaged existing file is refused with DB_CORRUPT before any
  // read-write connection exists, so it is never migrated, renamed or replaced by a new empty one.
  checkDatabaseAtStart(options.file, { alsoSearch: [options.backupDir], nativeBinding: options.nativeBinding });
  mkdirSync(dirname(options.file), { recursive: true });
  const sqlite = new Database(options.file, {
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    ...(options.readonly === true ? { readonly: true, fileMustExist: true } : {}),
  });
  rememberNativeBinding(sqlite, options.nativeBinding);
  try {
    configure(sqlite, options.readonly === true);
    const migrations = readMigrations(options.migrationsDir ?? defaultMigrationsDir());
    const applied = migrate(sqlite, migrations, {
      nowMs: options.clock.nowMs(),
      ...(options.upToIdx === undefined ? {} : { upToIdx: options.upToIdx }),
      beforeFirst: (pending) => backupBeforeMigration(sqlite, options, pending),
    });
    for (const m of applied) options.logger.info('database migrated', { tag: m.tag });
    const schemaVersion = Number(sqlite.pragma('user_version', { simple: true }));
    if (options.upToIdx === undefined) assertTriggers(sqlite);
    return {
      sqlite,
      db: drizzle(sqlite, { schema }),
      file: options.file,
      schemaVersion,
      latestSchemaVersion: migrations.length,
      close: () => sqlite.close(),
    };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * Page size of a new database file: SQLite's 4 KiB. 8 KiB pages (tried for issue 5) left less of the
 * receipts table empty (~4 MB less per 100,000 receipts) but doubled the bytes every commit writes
 * and checksums in the WAL (~19 pages per cash receipt): a cash receipt took ~40% longer
 * (docs/decisions/0003-compact-ledger.md). A file made with 8 KiB pages keeps them (the page size
 * only changes by a VACUUM outside WAL mode; not worth it at start-up).
 */
export const NEW_DATABASE_PAGE_SIZE = 4096;

function configure(sqlite: Database.Database, isReadonly: boolean): void {
  if (!isReadonly && Number(sqlite.pragma('page_count', { simple: true })) === 0) sqlite.pragma(`page_size = ${NEW_DATABASE_PAGE_SIZE}`);
  if (!isReadonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma(`busy_timeout = ${DB_LIMITS.busyTimeoutMs}`);
  sqlite.pragma('foreign_keys = ON');
}

function backupBeforeMigration(sqlite: Database.Database, options: OpenOptions, pending: readonly Migration[]): void {
  mkdirSync(options.backupDir, { recursive: true });
  const first = pending[0];
  const target = join(options.backupDir, `before-migration-${first?.tag ?? 'x'}-${options.clock.nowMs()}.sqlite`);
  // VACUUM INTO writes a consistent copy synchronously; the migration starts only after it exists.
  sqlite.prepare('VACUUM INTO ?').run(target);
  options.logger.info('backup taken before migration', { file: target });
}

function assertTriggers(sqlite: Database.Database): void {
  const missing = missingAppendOnlyTriggers(sqlite);
  if (missing.length > 0) {
    throw new CodedError('DB_MIGRATION_FAILED', `Append-only triggers are missing after migration: ${missing.join(', ')}`);
  }
}
