import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readHead } from '../../src-main/ledger/chain';
import { verifyLedger } from '../../src-main/ledger/verify';
import { manualClock } from '../../src-main/platform/clock';
import { enrollTerminal, pushOutbox, refreshFromCentral } from '../../src-main/sync/client';
import { backoffDelayMs, DEFAULT_RETRY, withRetry, type RetryPolicy } from '../../src-main/sync/retry';
import { syncStatus } from '../../src-main/sync/status';
import { CentralRefusal, CentralUnreachable, signedRequest } from '../../src-main/sync/transport';
import { createEnrollCode, revokeTerminal } from '../../src-server/enrollment';
import { pushResponseSchema } from '../../src-shared/sync';
import { completenessOf } from '../../src-main/sync/client';
import { readEnrollment } from '../../src-main/sync/enrollment-store';
import type { CodedError } from '../../src-shared/result';
import { T0_MS } from '../helpers/office';
import { startTestCentral, type TestCentral } from '../helpers/central';
import { issueCashReceipts, setUpSyncTerminal, type SyncTerminal } from '../helpers/sync-terminal';

/** The office client against a central server on a real port (PGlite in memory): enroll, push, status, tamper, resend. */
const clock = manualClock(T0_MS);
const FAST_RETRY: RetryPolicy = { ...DEFAULT_RETRY, baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3 };
let central: TestCentral;
let url: string;
let dir: string;
const terminals: SyncTerminal[] = [];

beforeAll(async () => {
  central = await startTestCentral('pglite', T0_MS);
  // The central clock follows the office's manual clock, so signatures fall inside the window.
  Object.defineProperty(central.clock, 'nowMs', { get: () => clock.nowMs(), set: () => undefined });
  url = await central.app.fastify.listen({ port: 0, host: '127.0.0.1' });
  dir = mkdtempSync(join(tmpdir(), 'ebill-sync-push-'));
}, 60_000);
afterAll(async () => {
  for (const t of terminals) t.close();
  await central?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function terminal(slot: number): Promise<SyncTerminal> {
  const t = await setUpSyncTerminal(join(dir, `t${slot}`), slot, clock);
  terminals.push(t);
  return t;
}

async function enrolled(slot: number): Promise<SyncTerminal> {
  const t = await terminal(slot);
  const { code } = await createEnrollCode(central.db, clock.nowMs(), '5401', slot);
  await enrollTerminal(t.deps, url, code, FAST_RETRY);
  return t;
}

const centralCount = async (slot: number) =>
  (
    await central.db.query<{ n: number; s: number }>(
      `SELECT count(*)::int AS n, coalesce(sum(r.amount_satang) FILTER (WHERE e.kind = 'receipt.issued'), 0)::bigint AS s
       FROM entries e LEFT JOIN central_receipts r ON r.terminal_id = e.terminal_id AND r.seq = e.seq WHERE e.terminal_id = $1`,
      [`5401-${slot}`],
    )
  )[0];

describe('sync client', () => {
  it('enroll: stores the key pair and installs the offline approval key for the supervisor through the ledger', async () => {
    const t = await enrolled(1);
    const enrollment = readEnrollment(t.deps.sqlite);
    expect(enrollment).toMatchObject({ place: '5401', terminalSlot: 1, serverUrl: url });
    const keys = t.deps.sqlite.prepare('SELECT supervisor_user_id AS s, source FROM approval_keys').all();
    expect(keys).toEqual([{ s: t.supervisorId, source: 'central' }]);
    const terminalRow = await central.db.query<{ key: string }>('SELECT approval_key_base64 AS key FROM terminals WHERE id = $1', ['5401-1']);
    const localKey = (t.deps.sqlite.prepare('SELECT key_base64 AS k FROM approval_keys').get() as { k: string }).k;
    expect(localKey).toBe(terminalRow[0]?.key);
    expect(verifyLedger(t.deps.sqlite).problems).toEqual([]);
  });

  it('enroll-survives-a-lost-answer: a terminal that enrolled but never stored the answer enrolls again with the same code and key', async () => {
    const t = await terminal(8);
    const { code } = await createEnrollCode(central.db, clock.nowMs(), '5401', 8);
    const first = await enrollTerminal(t.deps, url, code, FAST_RETRY);
    // As if the process died before storing the answer: the enrollment row is gone, the saved key is not.
    t.deps.sqlite.prepare('DELETE FROM sync_enrollments').run();
    const again = await enrollTerminal(t.deps, url, code, FAST_RETRY);
    expect(again.keyId).toBe(first.keyId);
  });

  it('push drains the outbox in batches; status says central has everything; sync writes no ledger entry', async () => {
    const t = await enrolled(2);
    const total = issueCashReceipts(t, 60);
    const before = syncStatus(t.deps.sqlite);
    expect(before).toMatchObject({ isEnrolled: true, centralHighWater: 0, pending: before.localSeq });
    const result = await pushOutbox(t.deps, { retry: FAST_RETRY, maxBatchEntries: 25 });
    expect(result).toMatchObject({ sent: before.localSeq, repeated: 0, batches: Math.ceil(before.localSeq / 25), highWaterSeq: before.localSeq });
    expect(syncStatus(t.deps.sqlite)).toMatchObject({ localSeq: before.localSeq, centralHighWater: before.localSeq, pending: 0 });
    expect(await centralCount(2)).toEqual({ n: before.localSeq, s: total });
    expect(readHead(t.deps.sqlite).seq).toBe(before.localSeq);
    const again = await pushOutbox(t.deps, { retry: FAST_RETRY });
    expect(again).toMatchObject({ sent: 0, batches: 0 });
  });

  it('killed-mid-batch: a batch central stored but whose ack never arrived counts once push has central\'s signed mark; sent again it is "already have it"', async () => {
    const t = await enrolled(3);
    issueCashReceipts(t, 10);
    const enrollment = readEnrollment(t.deps.sqlite);
    if (enrollment === undefined) throw new Error('not enrolled');
    const { readEntriesForSync } = await import('../../src-main/ledger/chain');
    const entries = readEntriesForSync(t.deps.sqlite, 1, 12);
    // What the client sends before it is killed: central stores it, the answer is lost.
    await signedRequest(url, 'POST', '/v1/push', { entries, completeness: completenessOf(t.deps, entries) }, enrollment, clock.nowMs(), pushResponseSchema);
    expect(syncStatus(t.deps.sqlite).centralHighWater).toBe(0);
    // A resend of that batch (a client that does not ask first) is "already have it".
    const resent = await signedRequest(url, 'POST', '/v1/push', { entries, completeness: completenessOf(t.deps, entries) }, enrollment, clock.nowMs(), pushResponseSchema);
    expect(resent).toMatchObject({ accepted: 0, repeated: 12 });
    // Push starts from central's signed mark (GET /v1/status): the 12 count as sent without being sent again.
    const result = await pushOutbox(t.deps, { retry: FAST_RETRY });
    expect(result.repeated).toBe(0);
    expect(result.sent).toBe(readHead(t.deps.sqlite).seq - 12);
    expect((await centralCount(3))?.n).toBe(readHead(t.deps.sqlite).seq);
  });

  it('tamper: a receipt altered behind the triggers before it was pushed is refused with SYNC_TAMPER_ALARM, nothing counts as sent, central records the alarm', async () => {
    const t = await enrolled(4);
    issueCashReceipts(t, 5);
    await pushOutbox(t.deps, { retry: FAST_RETRY });
    const pushedTo = syncStatus(t.deps.sqlite).centralHighWater;
    issueCashReceipts(t, 3);
    t.deps.sqlite.exec('DROP TRIGGER receipts_no_update');
    t.deps.sqlite.prepare('UPDATE receipts SET amount_satang = 1 WHERE number = 7').run();
    const error = await pushOutbox(t.deps, { retry: FAST_RETRY }).catch((e: unknown) => e as CodedError);
    expect(error).toMatchObject({ code: 'SYNC_TAMPER_ALARM' });
    expect((error as CodedError).message).toContain('CHAIN_BROKEN');
    expect(syncStatus(t.deps.sqlite).centralHighWater).toBe(pushedTo);
    expect((await centralCount(4))?.n).toBe(pushedTo);
    const alarms = await central.db.query<{ kind: string }>('SELECT kind FROM alarms WHERE terminal_id = $1', ['5401-4']);
    expect(alarms).toEqual([{ kind: 'chain-broken' }]);
  });

  it('revoked: a terminal whose key is revoked is refused (SYNC_REFUSED, KEY_REVOKED) and marks nothing', async () => {
    const t = await enrolled(5);
    issueCashReceipts(t, 2);
    await revokeTerminal(central.db, '5401', 5, clock.nowMs());
    const error = await pushOutbox(t.deps, { retry: FAST_RETRY }).catch((e: unknown) => e as CodedError);
    expect(error).toMatchObject({ code: 'SYNC_REFUSED' });
    expect((error as CodedError).message).toContain('KEY_REVOKED');
    expect(syncStatus(t.deps.sqlite).centralHighWater).toBe(0);
  });

  it('status from central: the signed high-water mark is checked and recorded', async () => {
    const t = await enrolled(6);
    issueCashReceipts(t, 3);
    await pushOutbox(t.deps, { retry: FAST_RETRY });
    expect(await refreshFromCentral(t.deps, FAST_RETRY)).toBe(readHead(t.deps.sqlite).seq);
  });

  it('not enrolled: push says SYNC_NOT_ENROLLED; central unreachable: SYNC_UNREACHABLE after the retries', async () => {
    const t = await terminal(7);
    await expect(pushOutbox(t.deps)).rejects.toMatchObject({ code: 'SYNC_NOT_ENROLLED' });
    await expect(enrollTerminal(t.deps, 'http://127.0.0.1:9', 'ABCDE-FGHJK', FAST_RETRY)).rejects.toMatchObject({ code: 'SYNC_UNREACHABLE' });
  });
});

describe('retry', () => {
  it('backoff-exponential-with-jitter: the delay is random below min(cap, base × 2^attempt)', () => {
    const policy: RetryPolicy = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000, random: () => 0.999 };
    expect([0, 1, 2, 3, 4, 10].map((a) => backoffDelayMs(policy, a))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffDelayMs({ ...policy, random: () => 0 }, 5)).toBe(0);
  });

  it('retries transient failures only', async () => {
    const delays: number[] = [];
    const policy: RetryPolicy = { ...DEFAULT_RETRY, maxAttempts: 4, sleep: (ms) => Promise.resolve(void delays.push(ms)), random: () => 0.5 };
    let calls = 0;
    const value = await withRetry(policy, () => {
      calls += 1;
      if (calls < 3) return Promise.reject(new CentralUnreachable('reset'));
      return Promise.resolve('ok');
    });
    expect([value, calls, delays.length]).toEqual(['ok', 3, 2]);
    calls = 0;
    const permanent = new CentralRefusal(409, { code: 'TAMPERED', message: 'x' });
    await expect(
      withRetry(policy, () => {
        calls += 1;
        return Promise.reject(permanent);
      }),
    ).rejects.toBe(permanent);
    expect(calls).toBe(1);
  });
});
