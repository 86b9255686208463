// Paired A/B of central's ingest between two revisions (issue 11), figures only. The shared box's
// speed swings by ~1.5× within minutes, so two bench runs cannot tell a 5% change apart; here the
// ingest of another revision (a git worktree in a temp folder) and this tree's run in one process
// on one PostgreSQL, each variant its own terminals, their 500-entry batches alternated, the first
// 2,000 entries of each terminal not counted. Both revisions must share central's schema (the
// database is migrated by this tree).
// Run: npx tsx bench/ingest-ab.ts <git revision> [entries per terminal, default 20000]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SignedBy } from '../src-server/auth';
import { loadServerKey } from '../src-server/crypto';
import { openPostgres } from '../src-server/db/client';
import { createEnrollCode, enroll } from '../src-server/enrollment';
import { ingest } from '../src-server/ingest';
import { amountOf, BENCH_DAY, BENCH_T0_MS, receiptChain } from './receipt-chain';
import { MAX_BATCH_ENTRIES, type SyncEntry } from '../src-shared/sync';
import { newTestKey } from '../tests/helpers/central';
import { hasPostgres, NO_POSTGRES_MESSAGE, startPostgres } from '../tests/helpers/postgres';

const [revision, entriesArg] = process.argv.slice(2);
if (revision === undefined) throw new Error('usage: npx tsx bench/ingest-ab.ts <git revision> [entries per terminal]');
const ENTRIES = Number(entriesArg ?? 20_000);
const NOT_COUNTED = 2_000;
const T0_MS = BENCH_T0_MS;
const DAY = BENCH_DAY;
if (!hasPostgres) throw new Error(NO_POSTGRES_MESSAGE);

const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'ebill-ab-'));
const worktree = join(dir, 'tree');
execFileSync('git', ['worktree', 'add', '--detach', worktree, revision], { cwd: root, stdio: 'ignore' });
symlinkSync(join(root, 'node_modules'), join(worktree, 'node_modules'));
const pg = await startPostgres();
try {
  const other = (await import(join(worktree, 'src-server', 'ingest.ts'))) as { ingest: typeof ingest };
  const db = await openPostgres(pg.url);
  const serverKey = await loadServerKey(db, T0_MS);
  // Two terminals a variant: revision, this tree, revision, this tree.
  const variants = [`${revision}`, 'this tree', `${revision}`, 'this tree'];
  const terminals: { name: string; run: typeof ingest; by: SignedBy; entries: SyncEntry[]; receipts: number; ms: number }[] = [];
  for (const [i, name] of variants.entries()) {
    const slot = i + 1;
    const { code } = await createEnrollCode(db, T0_MS, '5401', slot);
    const enrolled = await enroll(db, serverKey, { code, place: '5401', terminalSlot: slot, publicKeySpkiBase64: newTestKey().publicKeySpkiBase64 }, T0_MS);
    terminals.push({ name, run: name === 'this tree' ? ingest : other.ingest, by: { keyId: enrolled.keyId, terminalId: `5401-${slot}`, place: '5401', slot }, entries: receiptChain(ENTRIES, '5401', slot), receipts: 0, ms: 0 });
  }
  for (let i = 0; i < ENTRIES; i += MAX_BATCH_ENTRIES) {
    for (const t of (i / MAX_BATCH_ENTRIES) % 2 === 0 ? terminals : [...terminals].reverse()) {
      const batch = t.entries.slice(i, i + MAX_BATCH_ENTRIES);
      const last = batch[batch.length - 1];
      if (last === undefined) continue;
      t.receipts += batch.reduce((sum, e) => sum + amountOf(e.seq), 0);
      const start = performance.now();
      await t.run(db, serverKey, t.by, { entries: batch, completeness: [{ businessDate: DAY, entryCount: last.seq, receiptsSatang: t.receipts, lastSeq: last.seq, headHash: last.hash }] }, T0_MS);
      if (i >= NOT_COUNTED) t.ms += performance.now() - start;
    }
  }
  for (const t of terminals) process.stdout.write(`${t.name.padEnd(24)} terminal ${t.by.terminalId}: ${((t.ms / (ENTRIES - NOT_COUNTED)) * 1000).toFixed(1)} µs an entry\n`);
  await db.close();
} finally {
  pg.stop();
  execFileSync('git', ['worktree', 'remove', '--force', worktree], { cwd: root, stdio: 'ignore' });
  rmSync(dir, { recursive: true, force: true });
}
