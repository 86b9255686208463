import { isRole, ROLES } from '../../../src-shared/domain/roles';
import { actingUser, actor, parseCommand, requireOption, UsageError } from '../args';
import type { CommandResult } from '../output';
import { call, loginAs, withHost, type CliEnv } from '../runtime';
import type { StdinLines } from '../stdin';

export const USER_USAGE = [
  'user add NAME --role ROLE --full-name "ชื่อ สกุล" --position "ตำแหน่ง" --user ADMIN --password-stdin   (stdin line 1: ADMIN\'s password, line 2: the new password)',
  'user list [--all] --user U --password-stdin',
  'user disable NAME --reason TEXT --user ADMIN --password-stdin',
].join('\n  ');

/** `ebill user add|list|disable`: the same requests, roles and audit as the Users screen. */
export async function userCommand(env: CliEnv, rest: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const [sub, ...args] = rest;
  switch (sub) {
    case 'add':
      return userAdd(env, args, stdin);
    case 'list':
      return userList(env, args, stdin);
    case 'disable':
      return userDisable(env, args, stdin);
    case undefined:
    default:
      throw new UsageError(`user needs add, list or disable${sub === undefined ? '' : `, not "${sub}"`}`);
  }
}


async function userAdd(env: CliEnv, args: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const { values, positionals } = parseCommand(args, { ...actingUser, role: { type: 'string' }, 'full-name': { type: 'string' }, position: { type: 'string' } }, 1);
  const username = requireOption(positionals[0], 'the new username');
  const role = requireOption(values.role, '--role');
  if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const fullNameTh = requireOption(values['full-name'], '--full-name');
  const positionTh = requireOption(values.position, '--position');
  const who = actor(values, stdin);
  const password = stdin.line(1, `the new password of ${username}`);
  return withHost(env, async (host) => {
    await loginAs(host, who.username, who.password);
    const { user } = await call(host, 'user.add', { username, role, fullNameTh, positionTh, password });
    return { user, text: `เพิ่มผู้ใช้แล้ว / added ${user.username} (${user.role})` };
  });
}

async function userList(env: CliEnv, args: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const { values } = parseCommand(args, { ...actingUser, all: { type: 'boolean' } });
  const who = actor(values, stdin);
  return withHost(env, async (host) => {
    await loginAs(host, who.username, who.password);
    const { users } = await call(host, 'user.list', { includeDisabled: values.all === true });
    const text = users.map((u) => `${u.username}\t${u.role}\t${u.isDisabled ? 'disabled' : 'active'}\t${u.fullNameTh}\t${u.positionTh}`).join('\n');
    return { users, text };
  });
}

async function userDisable(env: CliEnv, args: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const { values, positionals } = parseCommand(args, { ...actingUser, reason: { type: 'string' } }, 1);
  const username = requireOption(positionals[0], 'the username to disable');
  const reason = requireOption(values.reason, '--reason');
  const who = actor(values, stdin);
  return withHost(env, async (host) => {
    await loginAs(host, who.username, who.password);
    const { user } = await call(host, 'user.disable', { username, reason });
    return { user, text: `ปิดการใช้งานแล้ว / disabled ${user.username}` };
  });
}
