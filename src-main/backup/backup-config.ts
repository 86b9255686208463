import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { CodedError } from '../../src-shared/result';
import { dataPaths } from '../platform/paths';
import { DEFAULT_KEEP_BACKUPS, MAX_KEEP_BACKUPS } from './backup-names';

/** The desktop app backs up this often (minutes) when the ledger moved since the last backup. */
export const DEFAULT_BACKUP_INTERVAL_MINUTES = 60;
export const MAX_BACKUP_INTERVAL_MINUTES = 24 * 60;
/** `<dataDir>/backup-config.json`: where backups go (a USB disk, a network share), how many to keep, how often. */
export const BACKUP_CONFIG_FILE_NAME = 'backup-config.json';
const MAX_CONFIG_BYTES = 64 * 1024;

const configSchema = z.strictObject({
  dir: z.string().min(1).max(1_000).optional(),
  keep: z.number().int().min(1).max(MAX_KEEP_BACKUPS).optional(),
  intervalMinutes: z.number().int().min(1).max(MAX_BACKUP_INTERVAL_MINUTES).optional(),
});

export interface BackupConfig {
  /** Absolute; a relative `dir` in the file is relative to the data folder. */
  readonly dir: string;
  readonly keep: number;
  readonly intervalMinutes: number;
  /** Whether `dir` came from the file (so it is searched too when looking for a backup). */
  readonly isDirConfigured: boolean;
}

/** Reads the data folder's backup configuration; defaults when there is no file; BACKUP_FAILED when it is malformed. */
export function readBackupConfig(dataDir: string): BackupConfig {
  const file = join(dataDir, BACKUP_CONFIG_FILE_NAME);
  const defaults = defaultBackupConfig(dataDir);
  if (!existsSync(file)) return defaults;
  const text = readFileSync(file, 'utf8');
  if (text.length > MAX_CONFIG_BYTES) throw new CodedError('BACKUP_FAILED', `${file} is larger than ${MAX_CONFIG_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CodedError('BACKUP_FAILED', `${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CodedError('BACKUP_FAILED', `${file}: ${issue === undefined ? 'invalid' : `${issue.path.join('.') || '(file)'}: ${issue.message}`}`);
  }
  return {
    dir: parsed.data.dir === undefined ? defaults.dir : resolve(dataDir, parsed.data.dir),
    keep: parsed.data.keep ?? defaults.keep,
    intervalMinutes: parsed.data.intervalMinutes ?? defaults.intervalMinutes,
    isDirConfigured: parsed.data.dir !== undefined,
  };
}

/** What applies when there is no backup-config.json. */
export function defaultBackupConfig(dataDir: string): BackupConfig {
  return { dir: resolve(dataPaths(dataDir).backupDir), keep: DEFAULT_KEEP_BACKUPS, intervalMinutes: DEFAULT_BACKUP_INTERVAL_MINUTES, isDirConfigured: false };
}

/** `--to DIR` wins, then the configured folder, then `<dataDir>/backups`. */
export function resolveBackupDir(dataDir: string, to: string | undefined): string {
  if (to !== undefined && to !== '') return resolve(to);
  return readBackupConfig(dataDir).dir;
}

/** Folders where a data folder's backups may be: its own `backups/`, and the configured one (a malformed file is skipped). */
export function backupSearchDirs(dataDir: string): string[] {
  const dirs = [resolve(dataPaths(dataDir).backupDir)];
  try {
    const configured = readBackupConfig(dataDir);
    if (configured.isDirConfigured && !dirs.includes(configured.dir)) dirs.push(configured.dir);
  } catch {
    // A broken configuration must not hide the backups that are in the default folder.
  }
  return dirs;
}
