// A 7-day outage backlog pushed end to end (issue 11), figures only, never asserted.
// Three terminals of office 5401 issue RECEIPTS cash receipts in all (request + receipt: two ledger
// entries each) through the real ledger services while offline (not timed), then all three push their
// whole outbox at once over HTTP to a central server (signed requests, batches, hash checks,
// completeness, signed acks stored): the wall time of that push is the figure. Central on a
// PostgreSQL 15 started in a temp folder when the binaries are there, and on PGlite (the default).
// Target: ≤ 10 s. Run: npm run bench -- sync-backlog
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildCentralApp } from '../src-server/app';
import { openPglite, openPostgres, type CentralDb } from '../src-server/db/client';
import { createEnrollCode } from '../src-server/enrollment';
import { manualClock } from '../src-main/platform/clock';
import { enrollTerminal, pushOutbox } from '../src-main/sync/client';
import { syncStatus } from '../src-main/sync/status';
import { T0_MS } from '../tests/helpers/office';
import { hasPostgres, NO_POSTGRES_MESSAGE, startPostgres } from '../tests/helpers/postgres';
import { issueCashReceipts, setUpSyncTerminal, type SyncTerminal } from '../tests/helpers/sync-terminal';

const RECEIPTS = 5_000;
const SLOTS = [1, 2, 3];
const TARGET_MS = 10_000;
const print = (line: string): void => void process.stdout.write(`${line}\n`);
const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

async function run(label: string, db: CentralDb): Promise<void> {
  const dir = mkdtempSync(join(base, 'ebill-bench-backlog-'));
  const clock = manualClock(T0_MS);
  const { fastify } = await buildCentralApp({ db, nowMs: () => clock.nowMs() });
  const url = await fastify.listen({ port: 0, host: '127.0.0.1' });
  const terminals: SyncTerminal[] = [];
  try {
    const issueStart = performance.now();
    for (const slot of SLOTS) {
      const t = await setUpSyncTerminal(join(dir, `t${slot}`), slot, clock);
      terminals.push(t);
      const { code } = await createEnrollCode(db, clock.nowMs(), '5401', slot);
      await enrollTerminal(t.deps, url, code);
      issueCashReceipts(t, Math.ceil(RECEIPTS / SLOTS.length));
    }
    const issueMs = performance.now() - issueStart;
    const entries = terminals.reduce((sum, t) => sum + syncStatus(t.deps.sqlite).pending, 0);
    const start = performance.now();
    await Promise.all(terminals.map((t) => pushOutbox(t.deps)));
    const pushMs = performance.now() - start;
    const left = terminals.reduce((sum, t) => sum + syncStatus(t.deps.sqlite).pending, 0);
    print(`${label}: ${entries.toLocaleString('en-US')} entries (${(Math.ceil(RECEIPTS / SLOTS.length) * SLOTS.length).toLocaleString('en-US')} receipts, made in ${(issueMs / 1000).toFixed(1)} s) pushed in ${(pushMs / 1000).toFixed(2)} s = ${Math.round((entries / pushMs) * 1000).toLocaleString('en-US')} entries/s; pending after: ${left} (target ≤ ${TARGET_MS / 1000} s: ${pushMs <= TARGET_MS ? 'met' : 'NOT met'})`);
  } finally {
    for (const t of terminals) t.close();
    await fastify.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (hasPostgres) {
  const pg = await startPostgres();
  try {
    const db = await openPostgres(pg.url);
    await run('PostgreSQL 15', db);
    await db.close();
  } finally {
    pg.stop();
  }
} else print(NO_POSTGRES_MESSAGE);
const lite = await openPglite(undefined);
await run('PGlite (in memory)', lite);
await lite.close();
