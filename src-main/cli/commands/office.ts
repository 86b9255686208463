import type { RequestInput } from '../../../src-shared/contract';
import { actingUser, actor, parseCommand, UsageError } from '../args';
import type { CommandResult } from '../output';
import { call, loginAs, withHost, type CliEnv } from '../runtime';
import type { StdinLines } from '../stdin';

export const OFFICE_USAGE =
  'office update [--name NAME] [--cost-centre 10 digits] [--biller-id 15 digits] [--company-code CODE | --no-company-code] --user ADMIN --password-stdin   (bill settings lock once a bill exists)\n' +
  '  office set-kind --kind district|provincial --user ADMIN --password-stdin   (the provincial office remits its province\'s bill payments)';

const OFFICE_KIND_CHOICES = ['district', 'provincial'] as const;

/** `ebill office set-kind`: district (default) or provincial office (issue 10, `office.setKind`). */
async function setKindCommand(env: CliEnv, args: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const { values } = parseCommand(args, { ...actingUser, kind: { type: 'string' } });
  const kind = OFFICE_KIND_CHOICES.find((k) => k === values.kind);
  if (kind === undefined) throw new UsageError(`office set-kind needs --kind ${OFFICE_KIND_CHOICES.join(' or ')}`);
  const who = actor(values, stdin);
  return withHost(env, async (host) => {
    await loginAs(host, who.username, who.password);
    const result = await call(host, 'office.setKind', { kind });
    return { ...result, text: `บันทึกประเภทสำนักงานแล้ว / office kind: ${result.kind}` };
  });
}

/** `ebill office update`: fills in or corrects the office's settings, as the Settings screen does. */
export async function officeCommand(env: CliEnv, rest: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const [sub, ...args] = rest;
  if (sub === 'set-kind') return setKindCommand(env, args, stdin);
  if (sub !== 'update') throw new UsageError(`office needs update or set-kind${sub === undefined ? '' : `, not "${sub}"`}`);
  const { values } = parseCommand(args, {
    ...actingUser,
    name: { type: 'string' },
    'cost-centre': { type: 'string' },
    'biller-id': { type: 'string' },
    'company-code': { type: 'string' },
    'no-company-code': { type: 'boolean' },
  });
  if (values['company-code'] !== undefined && values['no-company-code'] === true) throw new UsageError('give --company-code or --no-company-code, not both');
  const changes: RequestInput<'office.update'> = {
    ...(values.name === undefined ? {} : { nameTh: values.name }),
    ...(values['cost-centre'] === undefined ? {} : { costCentre: values['cost-centre'] }),
    ...(values['biller-id'] === undefined ? {} : { billerId: values['biller-id'] }),
    ...(values['company-code'] === undefined ? {} : { companyCode: values['company-code'] }),
    ...(values['no-company-code'] === true ? { companyCode: null } : {}),
  };
  if (Object.keys(changes).length === 0) throw new UsageError('office update needs at least one of --name, --cost-centre, --biller-id, --company-code, --no-company-code');
  const who = actor(values, stdin);
  return withHost(env, async (host) => {
    await loginAs(host, who.username, who.password);
    const office = await call(host, 'office.update', changes);
    return { ...office, text: `บันทึกค่าสำนักงานแล้ว / office ${office.place} updated: cost centre ${office.costCentre ?? '-'}, biller id ${office.billerId ?? '-'}, company code ${office.companyCode ?? '-'}` };
  });
}
