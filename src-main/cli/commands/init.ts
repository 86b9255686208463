import { provinceOfPlace } from '../../../src-shared/domain/provinces';
import { CodedError } from '../../../src-shared/result';
import { isTrainingDataDir, trainingDataDir } from '../../platform/paths';
import { parseCommand, parseSlot, requireOption } from '../args';
import type { CommandResult } from '../output';
import { call, withHost, type CliEnv } from '../runtime';
import type { StdinLines } from '../stdin';

export const INIT_USAGE =
  'init --place 5401 --office-name NAME --terminal-slot 1 --admin-user U --password-stdin ' +
  '[--province NAME] [--admin-name NAME] [--admin-position TEXT] [--cost-centre 10 digits] [--biller-id 15 digits] [--company-code CODE] [--training]\n' +
  '       (--training sets up <data-dir>/training, a separate database never synced; use it with --data-dir <data-dir>/training)';

/**
 * `ebill init`: this terminal's first-run set-up, the same `setup.init` request as the UI. With
 * `--training` the database goes to `<data-dir>/training` (seed 000's trial period), so the data
 * folder itself stays free for the real office.
 */
export async function initCommand(env: CliEnv, rest: readonly string[], stdin: StdinLines): Promise<CommandResult> {
  const { values } = parseCommand(rest, {
    place: { type: 'string' },
    'office-name': { type: 'string' },
    province: { type: 'string' },
    'terminal-slot': { type: 'string' },
    'admin-user': { type: 'string' },
    'admin-name': { type: 'string' },
    'admin-position': { type: 'string' },
    'password-stdin': { type: 'boolean' },
    'cost-centre': { type: 'string' },
    'biller-id': { type: 'string' },
    'company-code': { type: 'string' },
    training: { type: 'boolean' },
  });
  const place = requireOption(values.place, '--place');
  const officeName = requireOption(values['office-name'], '--office-name');
  const slot = parseSlot(requireOption(values['terminal-slot'], '--terminal-slot'));
  const adminUser = requireOption(values['admin-user'], '--admin-user');
  if (values['password-stdin'] !== true) requireOption(undefined, '--password-stdin');
  const province = values.province ?? provinceOfPlace(place);
  if (province === null) throw new CodedError('BAD_INPUT', `place ${place} is not a province's district code: give --province`);
  const isTraining = values.training === true;
  if (!isTraining && isTrainingDataDir(env.dataDir)) {
    throw new CodedError('BAD_INPUT', `${env.dataDir} is a training folder: add --training, or give the office's own data folder`);
  }
  const password = stdin.line(0, "the administrator's password");
  const target: CliEnv = isTraining ? { ...env, dataDir: trainingDataDir(env.dataDir) } : env;

  return withHost(target, async (host) => {
    const result = await call(host, 'setup.init', {
      office: {
        place,
        nameTh: officeName,
        province,
        costCentre: values['cost-centre'] ?? null,
        billerId: values['biller-id'] ?? null,
        companyCode: values['company-code'] ?? null,
      },
      terminalSlot: slot,
      isTraining,
      admin: {
        username: adminUser,
        fullNameTh: values['admin-name'] ?? 'ผู้ดูแลระบบ',
        positionTh: values['admin-position'] ?? 'ผู้ดูแลระบบ',
        password,
      },
    });
    return {
      place: result.place,
      terminalSlot: result.terminalSlot,
      isTraining,
      dataDir: target.dataDir,
      database: host.services.database.file,
      text: `ตั้งค่าเครื่องแล้ว / set up: office ${result.place}, terminal ${result.terminalSlot}`,
    };
  });
}
