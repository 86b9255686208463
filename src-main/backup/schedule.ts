import type Database from 'better-sqlite3';
import { readHead } from '../ledger/chain';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { defaultBackupConfig, readBackupConfig, type BackupConfig } from './backup-config';
import { listTerminalBackups } from './backup-names';
import { readDatabaseFacts } from './inspect';
import { makeBackup, type BackupResult } from './make-backup';
import type { NativeBinding } from './sqlite-files';

const MS_PER_MINUTE = 60_000;

export interface BackupScheduleOptions {
  readonly sqlite: Database.Database;
  /** The data folder whose backup-config.json applies. */
  readonly dataDir: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Overrides backup-config.json's `intervalMinutes` (default DEFAULT_BACKUP_INTERVAL_MINUTES). */
  readonly intervalMinutes?: number;
  /** Overrides backup-config.json's `dir`. */
  readonly backupDir?: string;
  readonly keep?: number;
  /** The app's better-sqlite3 build (src-main/app/native-binding.ts). */
  readonly nativeBinding?: NativeBinding;
}

export interface BackupSchedule {
  /** One round now (what a timer tick does): a backup when the ledger moved, else null. Never throws. */
  runNow(): Promise<BackupResult | null>;
  stop(): void;
}

/**
 * The desktop app's periodic backup: every N minutes, only when the head seq changed since the
 * last backup (the newest of this terminal in the folder counts as the last one at start). Errors
 * are logged, never thrown into the app; rounds never overlap; the timer does not keep the process alive.
 */
export function startBackupSchedule(options: BackupScheduleOptions): BackupSchedule {
  const config = loadConfig(options);
  const settings = {
    backupDir: options.backupDir ?? config.dir,
    keep: options.keep ?? config.keep,
    intervalMs: (options.intervalMinutes ?? config.intervalMinutes) * MS_PER_MINUTE,
  };
  let lastSeq: number | null = null;
  let isLastSeqKnown = false;
  let running: Promise<BackupResult | null> | null = null;

  const round = async (): Promise<BackupResult | null> => {
    const facts = readDatabaseFacts(options.sqlite);
    if (facts.place === null || facts.terminalSlot === null) return null;
    if (!isLastSeqKnown) {
      lastSeq = listTerminalBackups(settings.backupDir, { place: facts.place, terminalSlot: facts.terminalSlot, isTraining: facts.isTraining })[0]?.headSeq ?? null;
      isLastSeqKnown = true;
    }
    if (readHead(options.sqlite).seq === lastSeq) return null;
    const result = await makeBackup(options.sqlite, { backupDir: settings.backupDir, keep: settings.keep, clock: options.clock, logger: options.logger, nativeBinding: options.nativeBinding });
    lastSeq = result.headSeq;
    return result;
  };

  const runNow = (): Promise<BackupResult | null> => {
    running ??= round()
      .catch((error: unknown) => {
        options.logger.error('scheduled backup failed', { error });
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const timer = setInterval(() => void runNow(), settings.intervalMs);
  timer.unref();
  return { runNow, stop: () => clearInterval(timer) };
}

function loadConfig(options: BackupScheduleOptions): BackupConfig {
  try {
    return readBackupConfig(options.dataDir);
  } catch (error) {
    // A malformed backup-config.json must not stop backups: the app keeps backing up to its own folder.
    options.logger.error('backup configuration ignored', { error });
    return defaultBackupConfig(options.dataDir);
  }
}
