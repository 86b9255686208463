import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CodedError } from '../../../src-shared/result';
import { readDatabaseFacts, verifyBackupFile } from '../../backup/inspect';
import { restoreBackup } from '../../backup/restore';
import { openReadonly } from '../../backup/sqlite-files';
import { checkDatabaseAtStart } from '../../backup/startup-check';
import { createOfficeHost, type OfficeHost } from '../../host/office-host';
import { readAppVersion } from '../../platform/app-version';
import { createFileLogger, type Logger } from '../../platform/logger';
import { machineId } from '../../platform/machine-id';
import { dataPaths } from '../../platform/paths';
import { actingUser, actor, parseCommand, UsageError } from '../args';
import type { CommandResult } from '../output';
import { call, openHost, type CliEnv } from '../runtime';
import type { StdinLines } from '../stdin';

export const RESTORE_USAGE =
  'restore FILE [--force] --user ADMIN --password-stdin   (close the app first; the current database files are moved to <data-dir>/backups/replaced-…, never deleted)';

interface Admin {
  readonly userId: string;
  readonly username: string;
}

/**
 * `ebill restore FILE`: an administrator restores a verified backup. The login is checked against the
 * current database, or — when it is damaged, missing or not set up, which is when a restore is
 * needed — against the backup itself. The host is closed before any file is replaced.
 */
export async function restoreCommand(env: CliEnv, rest: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const { values, positionals } = parseCommand(rest, { ...actingUser, force: { type: 'boolean' } }, 1);
  const fileArg = positionals[0];
  if (fileArg === undefined) throw new UsageError('restore needs the backup FILE');
  const file = resolve(fileArg);
  const who = actor(values, stdin);
  const paths = dataPaths(env.dataDir);
  const logger = createFileLogger({ logDir: paths.logDir, fileName: 'cli' });
  const admin = canUseCurrentDatabase(paths.databaseFile)
    ? await loginAdmin(openHost(env), who)
    : await loginAdminOfBackup(env, file, who, logger);
  const result = restoreBackup(env.dataDir, file, {
    force: values.force === true,
    clock: env.clock,
    logger,
    machineId: machineId(paths.machineIdFile),
    actor: { userId: admin.userId, username: admin.username, channel: 'cli' },
  });
  return { ...result, text: `กู้คืนข้อมูลแล้ว / ${result.message}` };
}

/**
 * The administrator logs in where the users are: the current database when it is healthy and set up;
 * the backup when it is damaged, missing, or was never set up (a new PC where the app started once).
 */
function canUseCurrentDatabase(databaseFile: string): boolean {
  if (!existsSync(databaseFile)) return false;
  try {
    checkDatabaseAtStart(databaseFile);
  } catch (error) {
    if (error instanceof CodedError && error.code === 'DB_CORRUPT') return false;
    throw error;
  }
  const sqlite = openReadonly(databaseFile);
  try {
    return readDatabaseFacts(sqlite).place !== null;
  } finally {
    sqlite.close();
  }
}

/** The same login as the app (session.login: lockout, audit); only an administrator may restore. Closes the host. */
async function loginAdmin(host: OfficeHost, who: { username: string; password: string }): Promise<Admin> {
  try {
    const { user } = await call(host, 'session.login', { username: who.username, password: who.password });
    if (user.role !== 'admin') throw new CodedError('FORBIDDEN', `Only an administrator may restore a backup; ${user.username} is ${user.role}`);
    return { userId: user.id, username: user.username };
  } finally {
    host.close();
  }
}

/** Logs in against a verified copy of the backup in a temporary folder (deleted afterwards). */
async function loginAdminOfBackup(env: CliEnv, file: string, who: { username: string; password: string }, logger: Logger): Promise<Admin> {
  verifyBackupFile(file);
  const paths = dataPaths(env.dataDir);
  mkdirSync(env.dataDir, { recursive: true });
  const scratch = mkdtempSync(join(env.dataDir, '.restore-login-'));
  try {
    copyFileSync(file, dataPaths(scratch).databaseFile);
    const host = createOfficeHost({ dataDir: scratch, clock: env.clock, logger, machineId: machineId(paths.machineIdFile), appVersion: readAppVersion() });
    return await loginAdmin(host, who);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
