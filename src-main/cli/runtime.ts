import type { RequestInput, RequestName, RequestOutput } from '../../src-shared/contract';
import { CodedError } from '../../src-shared/result';
import type { ClientRef } from '../host/context';
import { createOfficeHost, type OfficeHost } from '../host/office-host';
import { readAppVersion } from '../platform/app-version';
import { systemClock, type Clock } from '../platform/clock';
import { createFileLogger } from '../platform/logger';
import { machineId } from '../platform/machine-id';
import { dataPaths } from '../platform/paths';

export const CLI_CLIENT: ClientRef = { id: 'cli', channel: 'cli' };

export interface CliEnv {
  readonly dataDir: string;
  readonly clock: Clock;
}

export function openHost(env: CliEnv): OfficeHost {
  const paths = dataPaths(env.dataDir);
  return createOfficeHost({
    dataDir: env.dataDir,
    clock: env.clock,
    logger: createFileLogger({ logDir: paths.logDir, fileName: 'cli' }),
    machineId: machineId(paths.machineIdFile),
    appVersion: readAppVersion(),
  });
}

export async function withHost<T>(env: CliEnv, work: (host: OfficeHost) => Promise<T>): Promise<T> {
  const host = openHost(env);
  try {
    return await work(host);
  } finally {
    // A command that rendered started Chromium: wait for it to close before the process ends.
    await host.services.printing.close();
    host.close();
  }
}

/** A contract call from the CLI: same validation, roles and audit as the app; a refusal throws. */
export async function call<K extends RequestName>(host: OfficeHost, name: K, input: RequestInput<K>): Promise<RequestOutput<K>> {
  const reply = await host.call(CLI_CLIENT, name, input);
  if (!reply.ok) throw new CodedError(reply.error.code, reply.error.message);
  return reply.value as RequestOutput<K>;
}

/** `--user U --password-stdin`: logs in for this run; the role check is the dispatcher's. */
export async function loginAs(host: OfficeHost, username: string, password: string): Promise<void> {
  await call(host, 'session.login', { username, password });
}

export const defaultCliEnv = (dataDir: string): CliEnv => ({ dataDir, clock: systemClock });
