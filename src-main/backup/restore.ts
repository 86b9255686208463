import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { CodedError } from '../../src-shared/result';
import { recordAudit, type AuditChannel } from '../audit/audit';
import { openOfficeDatabase, type OfficeDatabase } from '../db/open';
import { readHead } from '../ledger/chain';
import { systemClock, type Clock } from '../platform/clock';
import { createFileLogger, type Logger } from '../platform/logger';
import { DATABASE_FILE_NAME, dataPaths, isTrainingDataDir, trainingDataDir, type DataPaths } from '../platform/paths';
import { utcStamp } from './backup-names';
import { entryHashAt, readDatabaseFacts, verifyBackupFile, type DatabaseFacts, type VerifiedBackup } from './inspect';
import { databaseFileSet, isCorruptionError, isDatabaseInUse, moveDatabaseFiles, openReadonly, quickCheckProblem } from './sqlite-files';

/** What restoring a backup over the current database would lose (the JSON fields of RESTORE_REFUSED). */
export interface RestoreComparison {
  readonly backupHeadSeq: number;
  /** Null when there is no current database or it cannot be read (damaged). */
  readonly currentHeadSeq: number | null;
  /** Ledger entries of the current database that the backup does not have; null when the current one cannot be read. */
  readonly wouldLoseEntries: number | null;
  /** The highest seq central has acknowledged, from either database (0: none recorded). */
  readonly centralHighWater: number;
  /** Entries central already has that the backup does not: the terminal would issue their numbers again. */
  readonly centralAheadBy: number;
  /** Whether the two databases hold one chain (one's head is the other's entry at that seq); null when unknown. */
  readonly isSameChain: boolean | null;
  /** Why the current database could not be read, when it could not. */
  readonly currentProblem: string | null;
}

export interface RestoreOptions {
  /** Restore even when entries would be lost; the current files are still moved aside, never deleted. */
  readonly force?: boolean;
  readonly clock?: Clock;
  readonly logger?: Logger;
  /** This machine's id: the result then says whether the restored database may issue numbers here. */
  readonly machineId?: string;
  /** Who restores: recorded in the restored database's audit log. */
  readonly actor?: { readonly userId: string | null; readonly username: string; readonly channel: AuditChannel };
}

export interface RestoreResult extends RestoreComparison {
  /** The backup restored. */
  readonly file: string;
  /** The office database now in place. */
  readonly database: string;
  readonly headSeq: number;
  readonly headHash: string;
  /** Where the replaced database files were moved (null: there were none). */
  readonly replacedDir: string | null;
  readonly isBoundToThisMachine: boolean | null;
  readonly message: string;
}

/** RESTORE_REFUSED with the numbers of what would be lost, printed beside the error (`--json`). */
export class RestoreRefused extends CodedError<'RESTORE_REFUSED'> {
  constructor(readonly fields: RestoreComparison | Record<string, never>, message: string) {
    super('RESTORE_REFUSED', message);
  }
}

/**
 * Restores a verified backup into a data folder (issue 5 "Backups"). Refuses (RESTORE_REFUSED) a
 * backup older than what would be lost — the current database's later entries of the same chain, a
 * different chain's entries, or entries central already has — unless `force`. Whatever happens the
 * current database files are moved to `<dataDir>/backups/replaced-<time>/`, never deleted. The backup
 * is copied to a temporary file, opened with openOfficeDatabase (migrated, triggers checked) and only
 * then renamed into place; the restored database is opened once more to prove it is usable.
 */
export function restoreBackup(dataDir: string, backupFile: string, options: RestoreOptions = {}): RestoreResult {
  const paths = dataPaths(dataDir);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createFileLogger({ logDir: paths.logDir, fileName: 'restore' });
  const backup = verifyBackupFile(backupFile);
  const current = compareWithCurrent(paths.databaseFile, backup);
  assertSameKind(dataDir, backup, current);
  const comparison = current.comparison;
  const reasons = lossReasons(backup, current);
  if (reasons.length > 0 && options.force !== true) {
    throw new RestoreRefused(comparison, `Not restored: ${reasons.join('; ')}. The current database was not changed. To restore anyway add --force (the current files are then moved to ${paths.backupDir}/replaced-…, never deleted).`);
  }
  const stamp = utcStamp(clock.nowMs());
  const replacedDir = putInPlace(paths, backup, stamp, { clock, logger });
  const restored = openRestored(paths, { clock, logger }, (database) => {
    if (options.actor !== undefined) {
      recordAudit(database.db, clock, {
        ...options.actor,
        action: 'backup.restore',
        outcome: 'ok',
        detail: { backupFile: backup.file, backupHeadSeq: backup.headSeq, replacedDir, isForced: options.force === true, wouldLoseEntries: comparison.wouldLoseEntries },
      });
    }
  });
  const isBoundToThisMachine = options.machineId === undefined ? null : restored.boundMachineId === options.machineId;
  logger.info('backup restored', { file: backup.file, headSeq: restored.headSeq, replacedDir, isForced: options.force === true });
  return {
    ...comparison,
    file: backup.file,
    database: paths.databaseFile,
    headSeq: restored.headSeq,
    headHash: restored.headHash,
    replacedDir,
    isBoundToThisMachine,
    message: restoredMessage(backup, paths, replacedDir, isBoundToThisMachine, reasons),
  };
}

interface CurrentState {
  readonly comparison: RestoreComparison;
  readonly facts: DatabaseFacts | null;
}

/** Compares the backup with the data folder's current database, read-only. */
export function compareWithCurrent(databaseFile: string, backup: VerifiedBackup): CurrentState {
  const unreadable = (problem: string | null): CurrentState => ({
    facts: null,
    comparison: {
      backupHeadSeq: backup.headSeq,
      currentHeadSeq: null,
      wouldLoseEntries: problem === null ? 0 : null,
      centralHighWater: backup.centralHighWater,
      centralAheadBy: Math.max(0, backup.centralHighWater - backup.headSeq),
      isSameChain: null,
      currentProblem: problem,
    },
  });
  if (!existsSync(databaseFile)) return unreadable(null);
  let sqlite: Database.Database;
  try {
    sqlite = openReadonly(databaseFile);
  } catch (error) {
    return unreadable((error as Error).message);
  }
  try {
    const problem = quickCheckProblem(sqlite);
    if (problem !== null) return unreadable(problem);
    const facts = readDatabaseFacts(sqlite);
    const isSameChain = facts.headSeq >= backup.headSeq ? entryHashAt(sqlite, backup.headSeq) === backup.headHash : backupEntryHash(backup, facts.headSeq) === facts.headHash;
    const centralHighWater = Math.max(backup.centralHighWater, facts.centralHighWater);
    return {
      facts,
      comparison: {
        backupHeadSeq: backup.headSeq,
        currentHeadSeq: facts.headSeq,
        wouldLoseEntries: isSameChain ? Math.max(0, facts.headSeq - backup.headSeq) : facts.headSeq,
        centralHighWater,
        centralAheadBy: Math.max(0, centralHighWater - backup.headSeq),
        isSameChain,
        currentProblem: null,
      },
    };
  } catch (error) {
    if (isCorruptionError(error)) return unreadable((error as Error).message);
    throw error;
  } finally {
    sqlite.close();
  }
}

function backupEntryHash(backup: VerifiedBackup, seq: number): string | null {
  const sqlite = openReadonly(backup.file);
  try {
    return entryHashAt(sqlite, seq);
  } finally {
    sqlite.close();
  }
}

/** Why restoring would lose something (empty: nothing is lost). */
function lossReasons(backup: VerifiedBackup, current: CurrentState): string[] {
  const { comparison, facts } = current;
  const reasons: string[] = [];
  const lost = comparison.wouldLoseEntries ?? 0;
  if (comparison.isSameChain === true && lost > 0) {
    reasons.push(
      `the current database has ${lost} ledger ${plural(lost, 'entry', 'entries')} after the backup's last one ` +
        `(entries ${backup.headSeq + 1}–${comparison.currentHeadSeq ?? 0}; the backup ends at entry ${backup.headSeq}): restoring would lose them`,
    );
  }
  if (comparison.isSameChain === false && lost > 0 && facts !== null) {
    reasons.push(
      `the current database holds a different ledger chain (office ${facts.place ?? '?'} terminal ${facts.terminalSlot ?? '?'}, ${lost} ${plural(lost, 'entry', 'entries')}) ` +
        `than the backup (office ${backup.place} terminal ${backup.terminalSlot}, ${backup.headSeq} entries): restoring would replace all ${lost}`,
    );
  }
  if (comparison.centralAheadBy > 0) {
    reasons.push(
      `central has already acknowledged this terminal's entries up to ${comparison.centralHighWater} but the backup ends at entry ${backup.headSeq}: ` +
        `the ${comparison.centralAheadBy} ${plural(comparison.centralAheadBy, 'entry', 'entries')} central has would be issued again under the same numbers`,
    );
  }
  return reasons;
}

/** A training backup goes only into a training folder, an office's backup never into one (never overridden by --force). */
function assertSameKind(dataDir: string, backup: VerifiedBackup, current: CurrentState): void {
  const isTrainingHere = current.facts !== null && current.facts.place !== null ? current.facts.isTraining : isTrainingDataDir(dataDir);
  if (backup.isTraining === isTrainingHere) return;
  throw new RestoreRefused(
    current.comparison,
    backup.isTraining
      ? `Not restored: ${backup.file} is a training database and ${dataDir} holds the office's real data; restore it into the training folder (${trainingDataDir(dataDir)})`
      : `Not restored: ${backup.file} holds the office's real data and ${dataDir} is a training folder; restore it into the office's own data folder`,
  );
}

interface Services {
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * Copies the backup to a temporary file, proves it opens as an office database, moves the current
 * files aside and renames the copy into place. Returns where the current files went.
 */
function putInPlace(paths: DataPaths, backup: VerifiedBackup, stamp: string, services: Services): string | null {
  mkdirSync(paths.dataDir, { recursive: true });
  const staging = join(paths.dataDir, `.restore-${stamp}-${randomUUID().slice(0, 8)}.sqlite`);
  try {
    copyFileSync(backup.file, staging);
    proveUsable(staging, paths, backup, services);
    if (isDatabaseInUse(paths.databaseFile)) {
      throw new RestoreRefused({}, `Not restored: ${paths.databaseFile} is open in another program (the desktop app or a browser shell): close it, then run restore again`);
    }
    const replacedDir = moveCurrentAside(paths, stamp);
    try {
      moveDatabaseFiles(staging, paths.databaseFile);
    } catch (error) {
      if (replacedDir !== null) moveDatabaseFiles(join(replacedDir, DATABASE_FILE_NAME), paths.databaseFile);
      throw error;
    }
    return replacedDir;
  } finally {
    for (const leftover of databaseFileSet(staging)) rmSync(leftover, { force: true });
  }
}

function proveUsable(file: string, paths: DataPaths, backup: VerifiedBackup, services: Services): void {
  const database = openOfficeDatabase({ file, backupDir: paths.backupDir, clock: services.clock, logger: services.logger });
  try {
    const head = readHead(database.sqlite);
    if (head.seq !== backup.headSeq || head.hash !== backup.headHash) {
      throw new CodedError('BACKUP_INVALID', `${backup.file} changed while it was being restored (entry ${head.seq} instead of ${backup.headSeq})`);
    }
  } finally {
    database.close();
  }
}

/** Moves ebill.sqlite, -wal and -shm into `<dataDir>/backups/replaced-<time>/`; null when there are none. */
function moveCurrentAside(paths: DataPaths, stamp: string): string | null {
  if (!databaseFileSet(paths.databaseFile).some((f) => existsSync(f))) return null;
  let dir = join(paths.backupDir, `replaced-${stamp}`);
  for (let n = 2; existsSync(dir); n += 1) dir = join(paths.backupDir, `replaced-${stamp}-${n}`);
  mkdirSync(dir, { recursive: true });
  moveDatabaseFiles(paths.databaseFile, join(dir, DATABASE_FILE_NAME));
  return dir;
}

function openRestored(paths: DataPaths, services: Services, use: (database: OfficeDatabase) => void): DatabaseFacts {
  const database = openOfficeDatabase({ file: paths.databaseFile, backupDir: paths.backupDir, clock: services.clock, logger: services.logger });
  try {
    use(database);
    return readDatabaseFacts(database.sqlite);
  } finally {
    database.close();
  }
}

function restoredMessage(backup: VerifiedBackup, paths: DataPaths, replacedDir: string | null, isBound: boolean | null, reasons: readonly string[]): string {
  const parts = [`Restored ${backup.file} (${backup.headSeq === 0 ? 'no ledger entries' : `ledger entries 1–${backup.headSeq}`}) into ${paths.databaseFile}.`];
  if (replacedDir !== null) parts.push(`The previous database files were moved to ${replacedDir} (not deleted).`);
  if (reasons.length > 0) parts.push(`Forced although ${reasons.join('; ')}.`);
  if (isBound === true) parts.push('It is bound to this machine and may issue numbers.');
  else if (isBound === false) {
    parts.push('It was bound to another machine: it refuses to issue numbers here until an administrator re-binds it to a free slot (ebill terminal rebind --slot N --reason TEXT).');
  } else parts.push('On a PC other than the one it was made on, it refuses to issue numbers until an administrator re-binds it (ebill terminal rebind).');
  return parts.join(' ');
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
