import { isRequestName, requestMap, type Reply } from '../../src-shared/contract';
import { openOfficeDatabase } from '../db/open';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { dataPaths } from '../platform/paths';
import { createPrintRuntime, nodePrintPlatform, type PrintPlatform } from '../printing/print-platform';
import { startBackgroundSync, type BackgroundSyncOptions } from '../sync/scheduler';
import { SessionStore } from '../users/sessions';
import type { ClientRef, OfficeServices } from './context';
import { dispatch } from './dispatch';
import { EventHub } from './events';
import { handlers } from './handlers';

export const HOST_DEFAULTS = {
  idleTimeoutMs: 15 * 60_000,
  idleSweepIntervalMs: 30_000,
} as const;

export interface OfficeHostOptions {
  readonly dataDir: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly machineId: string;
  readonly appVersion: string;
  readonly idleTimeoutMs?: number;
  readonly migrationsDir?: string;
  readonly nativeBinding?: string;
  /** Renderer, adapters and printer list; plain Node's (Chromium, PDF files, `lp`) unless given (Electron). */
  readonly printing?: PrintPlatform;
  /**
   * Starts the background sync (src-main/sync/scheduler.ts): the desktop app and the browser shell
   * pass it (`{}` for the defaults); the CLI does not (a command is one round of its own).
   */
  readonly backgroundSync?: BackgroundSyncOptions;
}

export interface OfficeHost {
  readonly services: OfficeServices;
  call(client: ClientRef, name: unknown, input: unknown): Promise<Reply<unknown>>;
  close(): void;
  /** close(), after a background sync round under way has ended (tests: no open handles). */
  closeWhenIdle(): Promise<void>;
}

/**
 * The office back end as one object: database, sessions, events and the dispatcher.
 * The Electron app, the browser shell, the CLI and the tests all build it the same way.
 */
export function createOfficeHost(options: OfficeHostOptions): OfficeHost {
  const paths = dataPaths(options.dataDir);
  const database = openOfficeDatabase({
    file: paths.databaseFile,
    backupDir: paths.backupDir,
    clock: options.clock,
    logger: options.logger,
    ...(options.migrationsDir === undefined ? {} : { migrationsDir: options.migrationsDir }),
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
  });
  const events = new EventHub();
  const idleTimeoutMs = options.idleTimeoutMs ?? HOST_DEFAULTS.idleTimeoutMs;
  const sessions = new SessionStore(idleTimeoutMs, (clientId, reason) => events.emit(clientId, 'session.ended', { reason }));
  const backgroundSync =
    options.backgroundSync === undefined ? undefined : startBackgroundSync({ sqlite: database.sqlite, clock: options.clock, machineId: options.machineId }, options.logger, options.backgroundSync);
  const services: OfficeServices = {
    database,
    db: database.db,
    clock: options.clock,
    logger: options.logger,
    machineId: options.machineId,
    appVersion: options.appVersion,
    idleTimeoutMs,
    sessions,
    events,
    printing: createPrintRuntime(options.printing ?? nodePrintPlatform(options.dataDir), options.logger),
    dataDir: options.dataDir,
    ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    ...(backgroundSync === undefined ? {} : { backgroundSync }),
  };
  const sweep = setInterval(() => sessions.sweep(options.clock.nowMs()), HOST_DEFAULTS.idleSweepIntervalMs);
  sweep.unref();
  let isClosed = false;
  const close = (): void => {
    if (isClosed) return;
    isClosed = true;
    clearInterval(sweep);
    void backgroundSync?.stop();
    // One warm Chromium per host: closed with it (logged, never thrown, if it is already gone).
    void services.printing.close();
    database.close();
  };
  return {
    services,
    call: async (client, name, input) => {
      const reply = await dispatch(services, handlers, client, name, input);
      // A command that succeeded may have written a ledger entry: the background sync sends it soon (a nudge is cheap).
      if (reply.ok && backgroundSync !== undefined && isRequestName(name) && requestMap[name].kind === 'command') backgroundSync.nudge();
      return reply;
    },
    close,
    closeWhenIdle: async () => {
      clearInterval(sweep);
      await backgroundSync?.stop();
      close();
    },
  };
}
