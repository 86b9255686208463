import { appendFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CodedError } from '../../src-shared/result';
import type { Clock } from '../platform/clock';
import { dataPaths, isTrainingDataDir, trainingDataDir } from '../platform/paths';
import { readBackupConfig } from './backup-config';
import { listBackups } from './backup-names';
import { isTrainingDatabase, readDatabaseFacts } from './inspect';
import { databaseFileSet, isDatabaseInUse, openReadonly } from './sqlite-files';

/** The wipe log, kept outside the data it records the deletion of. */
export const TRAINING_WIPE_LOG_FILE_NAME = 'training-wipes.log';

// The sync issue imports it from here: a training database is never synced as real data.
export { isTrainingDatabase };

export interface TrainingWipeResult {
  readonly dataDir: string;
  readonly logFile: string;
  readonly headSeq: number;
  readonly headHash: string;
  readonly entries: number;
  readonly deleted: readonly string[];
}

/** One line of training-wipes.log (JSON lines). */
export interface TrainingWipeLogLine {
  readonly time: string;
  readonly atMs: number;
  readonly user: string;
  readonly dataDir: string;
  readonly headSeq: number;
  readonly headHash: string;
  readonly entries: number;
}

/**
 * `ebill training wipe`: deletes a training folder's database files and its backups, after writing a
 * line (who, when, head seq and hash, entry count) to the parent data folder's logs/training-wipes.log.
 * Refuses NOT_TRAINING unless the folder's database is a training database: real data is never wiped.
 */
export function wipeTrainingData(dataDir: string, username: string, clock: Clock): TrainingWipeResult {
  const paths = dataPaths(dataDir);
  const facts = assertTrainingFolder(dataDir);
  if (isDatabaseInUse(paths.databaseFile)) {
    throw new CodedError('RESTORE_REFUSED', `${paths.databaseFile} is open in another program (the desktop app or a browser shell): close it, then wipe`);
  }
  const logFile = wipeLogFile(dataDir);
  const atMs = clock.nowMs();
  const line: TrainingWipeLogLine = { time: new Date(atMs).toISOString(), atMs, user: username, dataDir: resolve(dataDir), ...facts };
  mkdirSync(dirname(logFile), { recursive: true });
  // Logged first: a wipe that cannot be logged does not happen.
  appendFileSync(logFile, `${JSON.stringify(line)}\n`);
  const deleted = deleteTrainingFiles(dataDir);
  return { dataDir, logFile, ...facts, deleted };
}

/** NOT_TRAINING unless the folder's database is a training database (read-only: nothing is written); its head and size. */
export function assertTrainingFolder(dataDir: string): { headSeq: number; headHash: string; entries: number } {
  const file = dataPaths(dataDir).databaseFile;
  if (!existsSync(file)) throw new CodedError('NOT_TRAINING', `There is no database at ${file}; training databases live in ${trainingDataDir(dataDir)}`);
  const sqlite = openReadonly(file);
  try {
    if (!isTrainingDatabase(sqlite)) {
      throw new CodedError('NOT_TRAINING', `${file} is not a training database: nothing was deleted (a training database lives in ${trainingDataDir(dataDir)})`);
    }
    const facts = readDatabaseFacts(sqlite);
    const entries = (sqlite.prepare('SELECT count(*) AS n FROM ledger_entries').get() as { n: number }).n;
    return { headSeq: facts.headSeq, headHash: facts.headHash, entries };
  } finally {
    sqlite.close();
  }
}

/** `<parent>/logs/training-wipes.log` for `<parent>/training`; `<dataDir>/logs/…` for a folder that is not nested. */
export function wipeLogFile(dataDir: string): string {
  const logRoot = isTrainingDataDir(dataDir) ? dirname(resolve(dataDir)) : dataDir;
  return join(dataPaths(logRoot).logDir, TRAINING_WIPE_LOG_FILE_NAME);
}

function deleteTrainingFiles(dataDir: string): string[] {
  const paths = dataPaths(dataDir);
  const deleted: string[] = [];
  for (const file of databaseFileSet(paths.databaseFile)) {
    if (existsSync(file)) {
      rmSync(file);
      deleted.push(file);
    }
  }
  if (existsSync(paths.backupDir)) {
    rmSync(paths.backupDir, { recursive: true });
    deleted.push(paths.backupDir);
  }
  deleted.push(...deleteConfiguredTrainingBackups(dataDir, paths.backupDir));
  return deleted;
}

/** Training backups in a configured folder elsewhere (a USB disk): only files named as training backups. */
function deleteConfiguredTrainingBackups(dataDir: string, ownBackupDir: string): string[] {
  let dir: string;
  try {
    const config = readBackupConfig(dataDir);
    if (!config.isDirConfigured || resolve(config.dir) === resolve(ownBackupDir)) return [];
    dir = config.dir;
  } catch {
    return [];
  }
  const files = listBackups(dir).filter((b) => b.isTraining).map((b) => b.file);
  for (const file of files) rmSync(file, { force: true });
  return files;
}
