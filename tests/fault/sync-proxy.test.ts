import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HASH_HEX_SQL } from '../../src-main/ledger/chain';
import { verifyLedger } from '../../src-main/ledger/verify';
import { manualClock } from '../../src-main/platform/clock';
import { enrollTerminal, pushOutbox } from '../../src-main/sync/client';
import { DEFAULT_RETRY, type RetryPolicy } from '../../src-main/sync/retry';
import { syncStatus } from '../../src-main/sync/status';
import { createEnrollCode } from '../../src-server/enrollment';
import { T0_MS } from '../helpers/office';
import { startTestCentral, type TestCentral } from '../helpers/central';
import { issueCashReceipts, localReceiptsSatang, setUpSyncTerminal, type SyncTerminal } from '../helpers/sync-terminal';
import { FAULTS, startFaultProxy, type FaultProxy } from './sync-fault-proxy';

/**
 * Three terminals of office 5401 issue 10,000 cash receipts in all and push them to central
 * through a proxy that drops, delays, duplicates, reorders, truncates, answers 500 and resets
 * connections (issue 11): zero lost, zero duplicated, central's totals equal each terminal's.
 * Receipts are issued in two rounds with a push between, so pushes resume from acknowledged marks.
 * Services in one process, databases in tmpfs when there is one (tests/fault/two-terminals.test.ts
 * measured ~20 s for 10,000 receipts there); central on PGlite in memory.
 */
const RECEIPTS = 10_000;
const SLOTS = [1, 2, 3] as const;
const FAULT_SHARE = 0.35;
const SEED = 20261202;
const TEST_TIMEOUT_MS = 600_000;
/** Faults come often, so a batch may need many tries; the delays stay short to keep the run fast. */
const RETRY: RetryPolicy = { ...DEFAULT_RETRY, baseDelayMs: 2, maxDelayMs: 50, maxAttempts: 40 };
const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const clock = manualClock(T0_MS);
let dir: string;
let central: TestCentral;
let proxy: FaultProxy;
const terminals: SyncTerminal[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(base, 'ebill-sync-fault-'));
  central = await startTestCentral('pglite', T0_MS);
  Object.defineProperty(central.clock, 'nowMs', { get: () => clock.nowMs(), set: () => undefined });
  const url = await central.app.fastify.listen({ port: 0, host: '127.0.0.1' });
  proxy = await startFaultProxy(url, SEED, FAULT_SHARE);
  for (const slot of SLOTS) {
    const t = await setUpSyncTerminal(join(dir, `t${slot}`), slot, clock);
    terminals.push(t);
    const { code } = await createEnrollCode(central.db, clock.nowMs(), '5401', slot);
    await enrollTerminal(t.deps, proxy.url, code, RETRY);
  }
}, 120_000);

afterAll(async () => {
  for (const t of terminals) t.close();
  await proxy?.close();
  await central?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

const share = (i: number) => Math.floor(RECEIPTS / SLOTS.length) + (i < RECEIPTS % SLOTS.length ? 1 : 0);

async function pushAll(): Promise<void> {
  await Promise.all(terminals.map((t) => pushOutbox(t.deps, { retry: RETRY, maxBatchEntries: 250 })));
}

describe('sync through a faulty network', () => {
  it(
    'zero-lost-zero-duplicated: 3 terminals, 10,000 receipts, every fault; central equals each terminal',
    async () => {
      const totals = terminals.map(() => 0);
      terminals.forEach((t, i) => (totals[i] = (totals[i] ?? 0) + issueCashReceipts(t, Math.ceil(share(i) / 2), (k) => 10_000 + ((k * 7 + i) % 997))));
      await pushAll();
      terminals.forEach((t, i) => (totals[i] = (totals[i] ?? 0) + issueCashReceipts(t, share(i) - Math.ceil(share(i) / 2), (k) => 20_000 + ((k * 11 + i) % 991))));
      await pushAll();

      for (const fault of FAULTS) expect(proxy.counts[fault], `fault ${fault} happened`).toBeGreaterThan(0);
      const receipts = terminals.map((t) => (t.database.sqlite.prepare('SELECT count(*) AS n FROM receipts').get() as { n: number }).n);
      expect(receipts.reduce((a, b) => a + b, 0)).toBe(RECEIPTS);

      for (const [i, t] of terminals.entries()) {
        const terminalId = `5401-${t.slot}`;
        const local = t.database.sqlite.prepare(`SELECT seq, ${HASH_HEX_SQL} AS hash FROM ledger_entries ORDER BY seq`).all() as { seq: number; hash: string }[];
        const stored = await central.db.query<{ seq: number; hash: string }>('SELECT seq, hash FROM entries WHERE terminal_id = $1 ORDER BY seq', [terminalId]);
        // Zero lost, zero duplicated: the same seqs with the same hashes, one row each.
        expect(stored.length).toBe(local.length);
        expect(stored).toEqual(local);
        const ids = await central.db.query<{ n: number; d: number }>('SELECT count(*)::int AS n, count(DISTINCT entry_id)::int AS d FROM entries WHERE terminal_id = $1', [terminalId]);
        expect(ids[0]).toEqual({ n: local.length, d: local.length });
        // Central's totals equal the terminal's.
        const sums = await central.db.query<{ s: number; n: number }>(`SELECT coalesce(sum(r.amount_satang), 0)::bigint AS s, count(*)::int AS n FROM entries e JOIN central_receipts r ON r.terminal_id = e.terminal_id AND r.seq = e.seq
           WHERE e.terminal_id = $1 AND e.kind = 'receipt.issued'`, [terminalId]);
        expect(sums[0]).toEqual({ s: localReceiptsSatang(t), n: receipts[i] });
        expect(localReceiptsSatang(t)).toBe(totals[i]);
        const day = await central.db.query<{ n: number; s: number; last: number }>('SELECT entry_count AS n, receipts_satang AS s, last_seq AS last FROM day_completeness WHERE terminal_id = $1', [terminalId]);
        expect(day).toEqual([{ n: local.length, s: totals[i], last: local.length }]);
        const head = await central.db.query<{ hw: number; head: string }>('SELECT high_water_seq AS hw, head_hash AS head FROM terminals WHERE id = $1', [terminalId]);
        expect(head[0]).toEqual({ hw: local.length, head: local[local.length - 1]?.hash });
        expect(syncStatus(t.deps.sqlite)).toMatchObject({ localSeq: local.length, centralHighWater: local.length, pending: 0 });
        expect(verifyLedger(t.deps.sqlite).problems).toEqual([]);
      }
    },
    TEST_TIMEOUT_MS,
  );
});
