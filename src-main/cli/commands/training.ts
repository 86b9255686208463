import { CodedError } from '../../../src-shared/result';
import { assertTrainingFolder, wipeTrainingData } from '../../backup/training';
import { actingUser, actor, parseCommand, UsageError } from '../args';
import type { CommandResult } from '../output';
import { call, withHost, type CliEnv } from '../runtime';
import type { StdinLines } from '../stdin';

export const TRAINING_USAGE =
  'training wipe --user ADMIN --password-stdin   (with --data-dir <data-dir>/training: deletes the training database and its backups; logged in <data-dir>/logs/training-wipes.log)';

/**
 * `ebill training wipe`. The training database is a normal data folder, `<data-dir>/training`, so
 * every other command works on it with `--data-dir <data-dir>/training` (no global --training flag).
 */
export async function trainingCommand(env: CliEnv, rest: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const [sub, ...args] = rest;
  if (sub !== 'wipe') throw new UsageError(`training needs wipe${sub === undefined ? '' : `, not "${sub}"`}`);
  const { values } = parseCommand(args, actingUser);
  const who = actor(values, stdin);
  // Checked read-only before the login, so a real office's database is not even written to.
  assertTrainingFolder(env.dataDir);
  await withHost(env, async (host) => {
    const { user } = await call(host, 'session.login', { username: who.username, password: who.password });
    if (user.role !== 'admin') throw new CodedError('FORBIDDEN', `Only an administrator may wipe training data; ${user.username} is ${user.role}`);
  });
  // The host is closed: the files can be deleted.
  const result = wipeTrainingData(env.dataDir, who.username, env.clock);
  return {
    ...result,
    text: `ล้างข้อมูลฝึกอบรมแล้ว / training data wiped (${result.entries} entries, head ${result.headSeq}); logged in ${result.logFile}`,
  };
}
