import type { LedgerDeps } from '../../ledger/action';
import { enrollTerminal, pushOutbox } from '../../sync/client';
import { pullFromCentral } from '../../sync/pull';
import { syncStatus } from '../../sync/status';
import { parseCommand, requireOption, UsageError } from '../args';
import type { CommandResult } from '../output';
import { withHost, type CliEnv } from '../runtime';

export const SYNC_USAGE = 'sync enroll --server URL --code CODE | sync push | sync pull | sync status';

function depsOf(host: Parameters<Parameters<typeof withHost>[1]>[0]): LedgerDeps {
  return { sqlite: host.services.database.sqlite, clock: host.services.clock, machineId: host.services.machineId };
}

/** `ebill sync …` (cli.md): enrollment, one push or pull round now, and where this terminal stands. */
export async function syncCommand(env: CliEnv, rest: readonly string[]): Promise<CommandResult> {
  const [sub, ...args] = rest;
  if (sub === 'enroll') {
    const { values } = parseCommand(args, { server: { type: 'string' }, code: { type: 'string' } });
    const server = requireOption(values.server, '--server');
    const code = requireOption(values.code, '--code').toUpperCase();
    if (!/^https?:\/\//.test(server)) throw new UsageError('--server needs an http:// or https:// URL');
    return withHost(env, async (host) => {
      const result = await enrollTerminal(depsOf(host), server, code);
      return { ...result, text: `ลงทะเบียนแล้ว / enrolled ${result.place} slot ${result.terminalSlot} (key ${result.keyId})` };
    });
  }
  if (sub === 'push' || sub === 'pull') {
    parseCommand(args, {});
    return withHost(env, async (host) => {
      const deps = depsOf(host);
      if (sub === 'push') {
        const pushed = await pushOutbox(deps);
        const province = pushed.provincePayments;
        const provinceText = province === null || province.published + province.duplicates === 0 ? '' : `; province bank lines for other offices: ${province.published} published, ${province.duplicates} already there`;
        return {
          sent: pushed.sent,
          pulled: 0,
          repeated: pushed.repeated,
          centralHighWater: pushed.highWaterSeq,
          localSeq: pushed.localSeq,
          provincePayments: province === null ? null : { published: province.published, duplicates: province.duplicates },
          text: `ส่งแล้ว / sent ${pushed.sent}; central has everything up to ${pushed.highWaterSeq} of ${pushed.localSeq}${provinceText}`,
        };
      }
      const pulled = await pullFromCentral(deps);
      return { sent: 0, ...pulled, text: `รับแล้ว / pulled ${pulled.pulled}` };
    });
  }
  if (sub === 'status') {
    parseCommand(args, {});
    return withHost(env, (host) => {
      const status = syncStatus(host.services.database.sqlite);
      return Promise.resolve({ ...status, text: `${status.isEnrolled ? status.serverUrl : 'not enrolled'}: local ${status.localSeq}, central has up to ${status.centralHighWater}, pending ${status.pending}` });
    });
  }
  throw new UsageError(`sync needs enroll, push, pull or status${sub === undefined ? '' : `, not "${sub}"`}`);
}
