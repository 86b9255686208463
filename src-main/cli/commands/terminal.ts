import { actingUser, actor, parseCommand, parseSlot, requireOption, UsageError } from '../args';
import type { CommandResult } from '../output';
import { call, loginAs, withHost, type CliEnv } from '../runtime';
import type { StdinLines } from '../stdin';

export const TERMINAL_USAGE = 'terminal rebind --slot N --reason TEXT --user ADMIN --password-stdin   (a database copied or restored onto this PC)';

/** `ebill terminal rebind`: binds a copied or restored database to this machine under a slot it never used. */
export async function terminalCommand(env: CliEnv, rest: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const [sub, ...args] = rest;
  if (sub !== 'rebind') throw new UsageError(`terminal needs rebind${sub === undefined ? '' : `, not "${sub}"`}`);
  const { values } = parseCommand(args, { ...actingUser, slot: { type: 'string' }, reason: { type: 'string' } });
  const terminalSlot = parseSlot(requireOption(values.slot, '--slot'));
  const reasonText = requireOption(values.reason, '--reason');
  const who = actor(values, stdin);
  return withHost(env, async (host) => {
    await loginAs(host, who.username, who.password);
    const bound = await call(host, 'terminal.rebind', { terminalSlot, reasonText });
    return { ...bound, text: `ผูกฐานข้อมูลกับเครื่องนี้แล้ว เครื่องที่ ${bound.terminalSlot} (เดิม ${bound.previousSlot}) / bound to slot ${bound.terminalSlot}` };
  });
}
