import { existsSync } from 'node:fs';
import { CodedError } from '../../../src-shared/result';
import { readBackupConfig, resolveBackupDir } from '../../backup/backup-config';
import { makeBackup } from '../../backup/make-backup';
import { dataPaths } from '../../platform/paths';
import { parseCommand } from '../args';
import type { CommandResult } from '../output';
import { withHost, type CliEnv } from '../runtime';

export const BACKUP_USAGE = 'backup [--to DIR]   (online backup, verified; DIR defaults to backup-config.json "dir", else <data-dir>/backups)';

/** `ebill backup`: an online, verified backup of this data folder's database. No login: it only reads. */
export async function backupCommand(env: CliEnv, rest: readonly string[]): Promise<CommandResult> {
  const { values } = parseCommand(rest, { to: { type: 'string' } });
  const paths = dataPaths(env.dataDir);
  // Never create a database just to back it up.
  if (!existsSync(paths.databaseFile)) throw new CodedError('BACKUP_FAILED', `There is no database at ${paths.databaseFile}: nothing to back up`);
  const backupDir = resolveBackupDir(env.dataDir, values.to);
  const { keep } = readBackupConfig(env.dataDir);
  return withHost(env, async (host) => {
    const result = await makeBackup(host.services.database.sqlite, { backupDir, keep, clock: env.clock, logger: host.services.logger });
    return {
      file: result.file,
      headSeq: result.headSeq,
      headHash: result.headHash,
      bytes: result.bytes,
      deleted: result.deleted,
      text: `สำรองข้อมูลแล้ว / backup written and verified: ${result.file} (entry ${result.headSeq}, ${result.bytes} bytes)`,
    };
  });
}
