import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { CodedError } from '../../src-shared/result';
import { readHead } from '../ledger/chain';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { backupFileName, DEFAULT_KEEP_BACKUPS, type TerminalRef } from './backup-names';
import { entryHashAt, readDatabaseFacts, verifyBackupFile, type VerifiedBackup } from './inspect';
import { rotateBackups } from './rotation';
import { databaseFileSet, openExisting, type NativeBinding } from './sqlite-files';

export interface BackupOptions {
  /** The folder the backup goes to (`resolveBackupDir`: `--to`, backup-config.json, `<dataDir>/backups`). */
  readonly backupDir: string;
  readonly clock: Clock;
  /** How many backups of this terminal the folder keeps (DEFAULT_KEEP_BACKUPS). */
  readonly keep?: number;
  readonly logger?: Logger;
  /** The app's better-sqlite3 build (the desktop app's Electron one); Node's own when absent. */
  readonly nativeBinding?: NativeBinding;
}

export interface BackupResult {
  readonly file: string;
  readonly headSeq: number;
  readonly headHash: string;
  readonly bytes: number;
  /** Older backups that rotation deleted. */
  readonly deleted: readonly string[];
}

/**
 * Online backup of a live office database (SQLite's backup API: a consistent copy while the app
 * keeps working), written under a temporary name, made a single self-contained file, verified
 * (quick_check, the chain recomputed, its head is the source's entry at that seq), then renamed to
 * its final name, so a file with our name is always a complete, verified backup. Then rotation.
 */
export async function makeBackup(sqlite: Database.Database, options: BackupOptions): Promise<BackupResult> {
  const terminal = terminalOf(sqlite);
  const headBefore = readHead(sqlite);
  makeFolder(options.backupDir);
  const temp = join(options.backupDir, `.ebill-backup-${randomUUID()}.partial`);
  try {
    await copyDatabase(sqlite, temp);
    makeSelfContained(temp, options.nativeBinding);
    const verified = verifyCopy(temp, options.nativeBinding);
    assertCopyOfSource(sqlite, verified, headBefore.seq);
    const file = join(options.backupDir, backupFileName(terminal, options.clock.nowMs(), verified.headSeq));
    renameSync(temp, file);
    const deleted = rotateBackups(options.backupDir, terminal, options.keep ?? DEFAULT_KEEP_BACKUPS, file);
    const result = { file, headSeq: verified.headSeq, headHash: verified.headHash, bytes: statSync(file).size, deleted };
    options.logger?.info('backup made', { file, headSeq: result.headSeq, bytes: result.bytes, deleted: deleted.length });
    return result;
  } catch (error) {
    if (error instanceof CodedError) throw error;
    throw new CodedError('BACKUP_FAILED', `The backup to ${options.backupDir} failed: ${(error as Error).message}`);
  } finally {
    for (const leftover of [...databaseFileSet(temp), `${temp}-journal`]) rmSync(leftover, { force: true });
  }
}

/** Who the database belongs to; a database never set up has nothing worth a backup. */
export function terminalOf(sqlite: Database.Database): TerminalRef {
  const facts = readDatabaseFacts(sqlite);
  if (facts.place === null || facts.terminalSlot === null) {
    throw new CodedError('BACKUP_FAILED', 'This database has not been set up (no office or terminal slot): there is nothing to back up yet');
  }
  return { place: facts.place, terminalSlot: facts.terminalSlot, isTraining: facts.isTraining };
}

function makeFolder(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new CodedError('BACKUP_FAILED', `The backup folder ${dir} cannot be created (is the USB disk or network folder connected?): ${(error as Error).message}`);
  }
}

async function copyDatabase(sqlite: Database.Database, target: string): Promise<void> {
  try {
    await sqlite.backup(target);
  } catch (error) {
    throw new CodedError('BACKUP_FAILED', `Copying the database to ${target} failed (disk full or folder not writable?): ${(error as Error).message}`);
  }
}

/** The copy keeps the source's WAL mode in its header; a backup is one file with no -wal/-shm beside it. */
function makeSelfContained(file: string, nativeBinding: NativeBinding): void {
  const copy = openExisting(file, nativeBinding);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

function verifyCopy(file: string, nativeBinding: NativeBinding): VerifiedBackup {
  try {
    return verifyBackupFile(file, nativeBinding);
  } catch (error) {
    throw new CodedError('BACKUP_FAILED', `The copy did not verify, so no backup was kept: ${(error as Error).message}`);
  }
}

/**
 * The copy's head must be the source's own entry at that seq, and not older than the head when the
 * backup started (entries appended while it ran may be in the copy: it is then newer, still a prefix).
 */
function assertCopyOfSource(sqlite: Database.Database, copy: VerifiedBackup, headSeqBefore: number): void {
  if (copy.headSeq < headSeqBefore) {
    throw new CodedError('BACKUP_FAILED', `The copy ends at entry ${copy.headSeq} but the database was at entry ${headSeqBefore} when the backup started`);
  }
  if (entryHashAt(sqlite, copy.headSeq) !== copy.headHash) {
    throw new CodedError('BACKUP_FAILED', `The copy's entry ${copy.headSeq} is not the database's own entry ${copy.headSeq} (hash differs)`);
  }
}
