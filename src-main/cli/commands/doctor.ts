import { existsSync } from 'node:fs';
import { CodedError } from '../../../src-shared/result';
import { findResourcesDir } from '../../platform/app-version';
import { dataPaths } from '../../platform/paths';
import { parseCommand } from '../args';
import type { CommandResult } from '../output';
import { openHost, type CliEnv } from '../runtime';
import { clockCheck, databaseChecks, diskCheck, fontCheck, ledgerCheck, officeChecks, printerCheck, type Check } from './doctor-checks';

export class DoctorFailed extends CodedError<'CHECKS_FAILED'> {
  constructor(readonly fields: { database: string; checks: Check[] }) {
    super('CHECKS_FAILED', `failed: ${fields.checks.filter((c) => c.status === 'fail').map((c) => `${c.name} (${c.message})`).join('; ')}`);
  }
}

/** `ebill doctor`: database, schema, triggers, set-up and machine, clock, fonts, printers, disk. */
export function doctorCommand(env: CliEnv, rest: readonly string[]): Promise<CommandResult> {
  return Promise.resolve().then(() => runDoctor(env, rest));
}

function runDoctor(env: CliEnv, rest: readonly string[]): CommandResult {
  parseCommand(rest, {});
  const paths = dataPaths(env.dataDir);
  const checks: Check[] = [];
  if (!existsSync(paths.databaseFile)) {
    checks.push({ name: 'database', status: 'fail', message: `no database at ${paths.databaseFile}: run ebill init or open the app` });
  } else {
    let host;
    try {
      host = openHost(env);
    } catch (error) {
      checks.push({ name: 'database', status: 'fail', message: (error as Error).message });
    }
    if (host !== undefined) {
      try {
        checks.push(...databaseChecks(host.services.database));
        checks.push(...officeChecks(host.services.database, host.services.machineId));
        checks.push(clockCheck(host.services.database.sqlite, env.clock.nowMs()));
        checks.push(ledgerCheck(host.services.database.sqlite));
      } finally {
        host.close();
      }
    }
  }
  checks.push(fontCheck(findResourcesDir()), printerCheck());
  if (existsSync(paths.dataDir)) checks.push(diskCheck(paths.dataDir));
  const fields = { database: paths.databaseFile, checks };
  if (checks.some((c) => c.status === 'fail')) throw new DoctorFailed(fields);
  const text = checks.map((c) => `${c.status === 'ok' ? 'OK  ' : c.status === 'warn' ? 'WARN' : 'FAIL'} ${c.name}: ${c.message}`).join('\n');
  return { ...fields, text };
}
