import { existsSync, renameSync } from 'node:fs';
import Database from 'better-sqlite3';
import { rememberNativeBinding } from '../ledger/parallel-hashes';

/** `PRAGMA quick_check(N)`: at most this many problems are reported (the first is what matters). */
export const QUICK_CHECK_MAX_PROBLEMS = 5;
/** Same busy timeout as the app's own connections (db/open.ts DB_LIMITS; not imported: db/open imports this folder). */
export const BUSY_TIMEOUT_MS = 5_000;
/** How long the "is anyone else using this database" probe waits for a lock. */
export const IN_USE_PROBE_TIMEOUT_MS = 200;

/** SQLite's answers that mean "this file is damaged or is not a database at all". */
const CORRUPTION_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_INDEX']);

export function isCorruptionError(error: unknown): boolean {
  return error instanceof Database.SqliteError && CORRUPTION_CODES.has(error.code);
}

/** The database file and the two files SQLite keeps beside it in WAL mode. */
export function databaseFileSet(file: string): string[] {
  return [file, `${file}-wal`, `${file}-shm`];
}

/**
 * The desktop app loads better-sqlite3 built for Electron's ABI (src-main/app/native-binding.ts); every
 * connection this folder opens takes the same `nativeBinding` as the app's own (undefined: Node's build).
 */
export type NativeBinding = string | undefined;

/** Opens an existing file read-only: nothing is created, nothing is written. */
export function openReadonly(file: string, nativeBinding?: NativeBinding): Database.Database {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS, nativeBinding });
  rememberNativeBinding(sqlite, nativeBinding);
  return sqlite;
}

/** Opens an existing file read-write (never creates one). */
export function openExisting(file: string, nativeBinding?: NativeBinding, timeoutMs = BUSY_TIMEOUT_MS): Database.Database {
  const sqlite = new Database(file, { fileMustExist: true, timeout: timeoutMs, nativeBinding });
  rememberNativeBinding(sqlite, nativeBinding);
  return sqlite;
}

/** Null when `PRAGMA quick_check` says ok; else its first problems. Throws SQLite's error when it cannot even read. */
export function quickCheckProblem(sqlite: Database.Database): string | null {
  const rows = sqlite.pragma(`quick_check(${QUICK_CHECK_MAX_PROBLEMS})`) as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check).filter((text) => text !== 'ok');
  return problems.length === 0 ? null : problems.join('; ');
}

export function hasTable(sqlite: Database.Database, name: string): boolean {
  return sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}

/**
 * Whether another connection (the desktop app, a browser shell) has the database open: an exclusive
 * lock is only granted when nobody else holds the file. Damaged files count as not in use.
 */
export function isDatabaseInUse(file: string, nativeBinding?: NativeBinding): boolean {
  if (!existsSync(file)) return false;
  let sqlite: Database.Database | undefined;
  try {
    sqlite = openExisting(file, nativeBinding, IN_USE_PROBE_TIMEOUT_MS);
    sqlite.pragma('locking_mode = EXCLUSIVE');
    sqlite.exec('BEGIN EXCLUSIVE');
    sqlite.exec('ROLLBACK');
    return false;
  } catch (error) {
    return error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY');
  } finally {
    sqlite?.close();
  }
}

/** Moves a database and its -wal/-shm (those that exist) to `toFile` and beside it; returns the moved targets. */
export function moveDatabaseFiles(fromFile: string, toFile: string): string[] {
  const targets = databaseFileSet(toFile);
  const moved: string[] = [];
  databaseFileSet(fromFile).forEach((from, i) => {
    const to = targets[i];
    if (to === undefined || !existsSync(from)) return;
    renameSync(from, to);
    moved.push(to);
  });
  return moved;
}
