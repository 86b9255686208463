import type Database from 'better-sqlite3';
import { readHead } from '../ledger/chain';
import { prepared } from '../ledger/statements';
import { localHighWater, readEnrollment } from './enrollment-store';
import { pendingProvincePayments } from './province-payments';

/** Where this terminal stands with central (cli.md `sync status`; the counter UI shows it). Reads only. */
export interface SyncStatus {
  readonly isEnrolled: boolean;
  readonly serverUrl: string | null;
  /** The last seq of this terminal's chain. */
  readonly localSeq: number;
  /** Central has everything up to this seq (its signed acknowledgement, checked). */
  readonly centralHighWater: number;
  /** Entries in the outbox that central has not acknowledged. */
  readonly pending: number;
  readonly lastAckAtMs: number | null;
  /** A provincial office's bank lines of the other offices of its province that central has not answered for yet (province-payments.ts); 0 at a district office. */
  readonly provincePaymentsPending: number;
}

export function syncStatus(sqlite: Database.Database): SyncStatus {
  const enrollment = readEnrollment(sqlite);
  const centralHighWater = localHighWater(sqlite);
  const pending = (prepared(sqlite, 'SELECT count(*) AS n FROM outbox WHERE seq > ?').get(centralHighWater) as { n: number }).n;
  const lastAck = prepared(sqlite, 'SELECT max(at_ms) AS atMs FROM central_acks').get() as { atMs: number | null };
  return {
    isEnrolled: enrollment !== undefined,
    serverUrl: enrollment?.serverUrl ?? null,
    localSeq: readHead(sqlite).seq,
    centralHighWater,
    pending,
    lastAckAtMs: lastAck.atMs,
    provincePaymentsPending: pendingProvincePayments(sqlite),
  };
}
