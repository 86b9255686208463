import { auditLog } from './schema';
import type { Db } from '../db/open';
import type { Clock } from '../platform/clock';
import { newId } from '../platform/ids';
import { maskValue } from '../platform/logger';

export type AuditChannel = 'desktop' | 'web' | 'cli' | 'system';
export type AuditOutcome = 'ok' | 'refused' | 'error';

export interface AuditEntry {
  readonly userId: string | null;
  readonly username: string | null;
  readonly channel: AuditChannel;
  readonly action: string;
  readonly outcome: AuditOutcome;
  readonly code?: string | null;
  /** Free details; secrets are dropped and national IDs masked before they are stored. */
  readonly detail?: Readonly<Record<string, unknown>>;
}

export function recordAudit(db: Db, clock: Clock, entry: AuditEntry): void {
  const detail = entry.detail === undefined ? null : JSON.stringify(maskDetail(entry.detail));
  db.insert(auditLog)
    .values({
      id: newId(clock),
      atMs: clock.nowMs(),
      userId: entry.userId,
      username: entry.username,
      channel: entry.channel,
      action: entry.action,
      outcome: entry.outcome,
      code: entry.code ?? null,
      detail,
    })
    .run();
}

function maskDetail(detail: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(detail)) {
    out[key] = value !== null && typeof value === 'object' && !Array.isArray(value) ? maskDetail(value as Record<string, unknown>) : maskValue(key, value);
  }
  return out;
}
