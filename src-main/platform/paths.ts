import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/** Same name Electron derives `userData` from (package.json productName). */
export const APP_FOLDER_NAME = 'ebill-counter';
export const DATABASE_FILE_NAME = 'ebill.sqlite';
/** Training mode's own data folder inside the office's (src-main/backup/README.md). */
export const TRAINING_FOLDER_NAME = 'training';

/** Electron's `appData` for the platform, computed the same way so CLI, web shell and desktop agree. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return env['APPDATA'] ?? join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config');
}

/** `--data-dir` wins, then `EBILL_DATA_DIR`, then the per-user app data folder (cli.md). */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag !== undefined && flag !== '') return flag;
  const fromEnv = env['EBILL_DATA_DIR'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return join(appDataDir(env), APP_FOLDER_NAME);
}

export interface DataPaths {
  readonly dataDir: string;
  readonly databaseFile: string;
  readonly backupDir: string;
  readonly logDir: string;
  readonly machineIdFile: string;
}

export function dataPaths(dataDir: string): DataPaths {
  return {
    dataDir,
    databaseFile: join(dataDir, DATABASE_FILE_NAME),
    backupDir: join(dataDir, 'backups'),
    logDir: join(dataDir, 'logs'),
    // The training folder is on the same machine as the office's: it shares the office's machine id.
    machineIdFile: join(isTrainingDataDir(dataDir) ? dirname(resolve(dataDir)) : dataDir, 'machine-id'),
  };
}

/** `<dataDir>/training`: the training database's data folder, a normal data folder for every command. */
export function trainingDataDir(dataDir: string): string {
  return isTrainingDataDir(dataDir) ? dataDir : join(dataDir, TRAINING_FOLDER_NAME);
}

/** Whether a data folder is the training folder of an office's data folder (its name is `training`). */
export function isTrainingDataDir(dataDir: string): boolean {
  return basename(resolve(dataDir)) === TRAINING_FOLDER_NAME;
}
