import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { CodedError } from '../../src-shared/result';
import { isTrainingDataDir } from '../platform/paths';
import { backupSearchDirs } from './backup-config';
import { listBackups, newestFirst } from './backup-names';
import { verifyBackupFile, type VerifiedBackup } from './inspect';
import { isCorruptionError, openReadonly, quickCheckProblem, type NativeBinding } from './sqlite-files';

/** When looking for the newest valid backup, at most this many candidates are verified (newest first). */
export const MAX_BACKUPS_TRIED = 10;

export interface DbCorruptFields {
  readonly database: string;
  /** The newest backup that verifies, or null when none was found. */
  readonly newestBackup: string | null;
}

/** DB_CORRUPT, with the fields the CLI prints beside the error (`--json`). */
export class DbCorrupt extends CodedError<'DB_CORRUPT'> {
  constructor(readonly fields: DbCorruptFields, message: string) {
    super('DB_CORRUPT', message);
  }
}

/**
 * Startup integrity (issue 5): before the app opens an existing database it runs `PRAGMA quick_check`
 * on a read-only connection, so nothing is written, renamed or recreated. A damaged file (or one
 * that is not a database at all) is refused with DB_CORRUPT naming the newest valid backup and the
 * command that restores it; the file is left exactly as it was for the administrator and support.
 * A missing file is not checked (first run creates it). Backups are looked for in `<dataDir>/backups`,
 * the folder of backup-config.json, and `alsoSearch`.
 */
export function checkDatabaseAtStart(file: string, options: { readonly alsoSearch?: readonly string[]; readonly nativeBinding?: NativeBinding } = {}): void {
  if (!existsSync(file)) return;
  const problem = findDamage(file, options.nativeBinding);
  if (problem === null) return;
  const dataDir = dirname(resolve(file));
  const dirs = [...new Set([...backupSearchDirs(dataDir), ...(options.alsoSearch ?? []).map((dir) => resolve(dir))])];
  const newest = findNewestValidBackup(dirs, isTrainingDataDir(dataDir), options.nativeBinding);
  throw new DbCorrupt({ database: file, newestBackup: newest?.file ?? null }, corruptMessage(file, problem, newest, dirs));
}

/** Null for a healthy database; else what is wrong. Errors that are not damage (locked, no access) are thrown as they are. */
function findDamage(file: string, nativeBinding: NativeBinding): string | null {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = openReadonly(file, nativeBinding);
    return quickCheckProblem(sqlite);
  } catch (error) {
    if (isCorruptionError(error)) return (error as Error).message;
    throw error;
  } finally {
    sqlite?.close();
  }
}

/** The newest backup in these folders that verifies (quick_check and an unbroken chain). */
export function findNewestValidBackup(dirs: readonly string[], isTraining: boolean, nativeBinding?: NativeBinding): VerifiedBackup | null {
  const candidates = dirs
    .flatMap((dir) => listBackups(dir))
    .filter((b) => b.isTraining === isTraining)
    .sort(newestFirst)
    .slice(0, MAX_BACKUPS_TRIED);
  for (const candidate of candidates) {
    try {
      return verifyBackupFile(candidate.file, nativeBinding);
    } catch {
      // A damaged backup is skipped; the next older one may be good.
    }
  }
  return null;
}

function corruptMessage(file: string, problem: string, newest: VerifiedBackup | null, dirs: readonly string[]): string {
  const head = `The database ${file} is damaged (${problem}). It was not changed, renamed or replaced; do not delete it.`;
  if (newest === null) return `${head} No valid backup was found in ${dirs.join(', ')}: call support with this file and any backup you have elsewhere.`;
  return (
    `${head} The newest valid backup is ${newest.file} (${newest.headSeq === 0 ? 'no ledger entries yet' : `ledger entries 1–${newest.headSeq}`}); an administrator restores it with: ` +
    `ebill restore "${newest.file}" --user ADMIN --password-stdin`
  );
}
