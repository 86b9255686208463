import type { ParsedInput, RequestName, RequestOutput } from '../../src-shared/contract';
import type { AuditChannel } from '../audit/audit';
import type { OfficeDatabase, Db } from '../db/open';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import type { PrintRuntime } from '../printing/print-platform';
import type { BackgroundSync } from '../sync/scheduler';
import type { Session, SessionStore } from '../users/sessions';
import type { EventHub } from './events';

/** Everything a handler may use: the services of one office database. */
export interface OfficeServices {
  readonly database: OfficeDatabase;
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly machineId: string;
  readonly appVersion: string;
  readonly idleTimeoutMs: number;
  readonly sessions: SessionStore;
  readonly events: EventHub;
  /** Renderer (started on first use) and printer adapters of this platform. */
  readonly printing: PrintRuntime;
  /** The data folder (backup-config.json, the default backups folder). */
  readonly dataDir: string;
  /** The app's better-sqlite3 build for the connections backups open (the desktop app's Electron one). */
  readonly nativeBinding?: string;
  /** The background push and pull (desktop app, browser shell); absent in the CLI's one-shot host. */
  readonly backgroundSync?: BackgroundSync;
}

/** Who is calling: an Electron window, a browser-shell tab or a CLI run. */
export interface ClientRef {
  readonly id: string;
  readonly channel: AuditChannel;
}

export interface CallContext {
  readonly services: OfficeServices;
  readonly client: ClientRef;
  /** Null only for `public` requests; the dispatcher refuses the others before the handler runs. */
  readonly session: Session | null;
}

export type Handler<K extends RequestName> = (input: ParsedInput<K>, ctx: CallContext) => RequestOutput<K> | Promise<RequestOutput<K>>;
export type Handlers = { readonly [K in RequestName]: Handler<K> };

/** The session of a request whose access is not `public` (the dispatcher guarantees it). */
export function requireSession(ctx: CallContext): Session {
  if (ctx.session === null) throw new Error('handler reached without a session');
  return ctx.session;
}
