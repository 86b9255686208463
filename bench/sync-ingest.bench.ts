// Central ingest (issue 11), figures only, never asserted; compare figures within one run.
// A synthetic chain of ENTRIES receipt entries (payload text the size of a real receipt's) is pushed
// through `ingest` (the push route's service: hash recomputation, slot/place checks, batched
// INSERT … ON CONFLICT DO NOTHING RETURNING, completeness recount) in batches of MAX_BATCH_ENTRIES,
// on a PostgreSQL 15 started in a temp folder; then the rows it stored (the entries and their receipt
// facts) are loaded with COPY into copies of those tables (same primary keys, indexes and foreign key)
// in the same database, in the same run (the yardstick); 3 rounds, medians of the paired ratios.
// Also the same ingest on PGlite.
// Target: ingest ≥ 0.5 × COPY rows/s. Run: npm run bench -- sync-ingest
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openPglite, openPostgres, type CentralDb } from '../src-server/db/client';
import { loadServerKey } from '../src-server/crypto';
import { createEnrollCode, enroll } from '../src-server/enrollment';
import type { SignedBy } from '../src-server/auth';
import { ingest } from '../src-server/ingest';
import { amountOf, BENCH_DAY, BENCH_T0_MS, receiptChain } from './receipt-chain';
import { MAX_BATCH_ENTRIES, type DayCompleteness, type SyncEntry } from '../src-shared/sync';
import { hasPostgres, NO_POSTGRES_MESSAGE, startPostgres } from '../tests/helpers/postgres';
import { newTestKey } from '../tests/helpers/central';

const ENTRIES = Number(process.env.EBILL_BENCH_ENTRIES ?? 50_000);
const TARGET_RATIO = 0.5;
const T0_MS = BENCH_T0_MS;
const DAY = BENCH_DAY;
const print = (line: string): void => void process.stdout.write(`${line}\n`);
const rate = (n: number, ms: number): number => Math.round((n / ms) * 1000);

const chain = (count: number, slot: number, place = '5401'): SyncEntry[] => receiptChain(count, place, slot);

/** Pushes each chain (one terminal each) in batches; the terminals push at the same time, each its batches in order. */
async function timeIngest(db: CentralDb, chains: readonly (readonly SyncEntry[])[]): Promise<number> {
  const serverKey = await loadServerKey(db, T0_MS);
  const terminals: { entries: readonly SyncEntry[]; by: SignedBy }[] = [];
  for (const entries of chains) {
    const slot = entries[0]?.terminalSlot ?? 1;
    const place = entries[0]?.place ?? '5401';
    const { code } = await createEnrollCode(db, T0_MS, place, slot);
    const key = newTestKey();
    const enrolled = await enroll(db, serverKey, { code, place, terminalSlot: slot, publicKeySpkiBase64: key.publicKeySpkiBase64 }, T0_MS);
    terminals.push({ entries, by: { keyId: enrolled.keyId, terminalId: `${place}-${slot}`, place, slot } });
  }
  const push = async ({ entries, by }: { entries: readonly SyncEntry[]; by: SignedBy }): Promise<void> => {
    let receipts = 0;
    for (let i = 0; i < entries.length; i += MAX_BATCH_ENTRIES) {
      const batch = entries.slice(i, i + MAX_BATCH_ENTRIES);
      const last = batch[batch.length - 1];
      if (last === undefined) break;
      receipts += batch.reduce((sum, e) => sum + amountOf(e.seq), 0);
      const completeness: DayCompleteness[] = [{ businessDate: DAY, entryCount: last.seq, receiptsSatang: receipts, lastSeq: last.seq, headHash: last.hash }];
      await ingest(db, serverKey, by, { entries: batch, completeness }, T0_MS);
    }
  };
  const start = performance.now();
  await Promise.all(terminals.map(push));
  return performance.now() - start;
}

const CONCURRENT_TERMINALS = 3;
const WARM_UP_ENTRIES = 2_000;
const ROUNDS = Number(process.env.EBILL_BENCH_ROUNDS ?? 3);
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
print(`${ENTRIES.toLocaleString('en-US')} receipt entries, batches of ${MAX_BATCH_ENTRIES}, ${ROUNDS} rounds (each: one terminal, its rows copied by COPY, then ${CONCURRENT_TERMINALS} terminals at once)`);
if (!hasPostgres) print(NO_POSTGRES_MESSAGE);
else {
  const pg = await startPostgres();
  try {
    const db = await openPostgres(pg.url);
    // Warm-up, not counted: a fresh server's first statements are planned and its caches are cold.
    await timeIngest(db, [chain(WARM_UP_ENTRIES, 9)]);
    // The yardstick: COPY of the same rows, server-side from files, into copies of the tables the
    // ingest wrote. `LIKE … INCLUDING ALL` brings the primary key, the indexes, defaults and checks
    // but not foreign keys, so the FK to terminals is added as in the migration (COPY checks it per
    // row, as the ingest's INSERT does; without it COPY was ~1.5× faster). The rows are the ones the
    // ingest stored (COPY … TO), so they are the same bytes: each entry, and for a receipt the fact
    // row central reads from it (central_receipts, facts.ts) — two rows per receipt entry.
    const dir = decodeURIComponent(/host=([^&]+)/.exec(pg.url)?.[1] ?? '/tmp');
    // Each timed step starts right after a checkpoint: one falling inside a step (its full-page
    // writes) made that step up to 2× slower, and which step it hit was chance.
    const checkpoint = async (): Promise<void> => void (await db.query('CHECKPOINT'));
    /**
     * The yardstick's tables for one timed step: a copy of each table the ingest wrote, holding the
     * rows those tables held when the step began (every terminal's but the step's own: a B-tree
     * grows slower to insert into as it fills, so COPY into empty tables flattered COPY, most in the
     * later rounds), and each of the step's terminals' rows in a file; `load` COPYs one file in, timed.
     */
    const stageCopies = async (terminalIds: readonly string[], name: string): Promise<{ rows: number; load: (table: string, terminalId: string) => Promise<number> }> => {
      let rows = 0;
      for (const table of ['entries', 'central_receipts']) {
        await db.query(`CREATE TABLE ${table}_${name} (LIKE ${table} INCLUDING ALL)`);
        await db.query(`ALTER TABLE ${table}_${name} ADD FOREIGN KEY (terminal_id) REFERENCES terminals (id)`);
        await db.query(`INSERT INTO ${table}_${name} SELECT * FROM ${table} WHERE terminal_id <> ALL($1::text[])`, [terminalIds]);
        for (const id of terminalIds) {
          await db.query(`COPY (SELECT * FROM ${table} WHERE terminal_id = '${id}') TO '${join(dir, `${table}_${name}_${id}.csv`)}' WITH (FORMAT csv)`);
          rows += Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE terminal_id = $1`, [id]))[0]?.n ?? 0);
        }
      }
      const load = async (table: string, terminalId: string): Promise<number> => {
        const start = performance.now();
        await db.query(`COPY ${table}_${name} FROM '${join(dir, `${table}_${name}_${terminalId}.csv`)}' WITH (FORMAT csv)`);
        return performance.now() - start;
      };
      return { rows, load };
    };
    /** One terminal's entries, then its facts, by one COPY session. */
    const copyOne = async (terminalId: string, round: number): Promise<{ rows: number; entriesMs: number; factsMs: number }> => {
      const staged = await stageCopies([terminalId], `copy_${round}`);
      await checkpoint();
      const entriesMs = await staged.load('entries', terminalId);
      await checkpoint();
      const factsMs = await staged.load('central_receipts', terminalId);
      return { rows: staged.rows, entriesMs, factsMs };
    };
    /** The concurrent round's yardstick: each terminal's entries and facts COPYed by a session of its own, the sessions at once, into the same tables. */
    const copyConcurrently = async (terminalIds: readonly string[], round: number): Promise<number> => {
      const staged = await stageCopies(terminalIds, `copy_${round}_at_once`);
      await checkpoint();
      const start = performance.now();
      await Promise.all(
        terminalIds.map(async (id) => {
          await staged.load('entries', id);
          await staged.load('central_receipts', id);
        }),
      );
      return performance.now() - start;
    };
    const figures: { ingest: number; copyAll: number; copyEntries: number; concurrent: number; concurrentCopy: number; concurrentMs: number; ingestMs: number; copyMs: number; factsMs: number }[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      // Each round its own office, so every terminal starts empty.
      const place = String(5410 + round);
      const entries = chain(ENTRIES, 1, place);
      const concurrentChains = [2, 3, 4].slice(0, CONCURRENT_TERMINALS).map((slot) => chain(Math.round(ENTRIES / CONCURRENT_TERMINALS), slot, place));
      await checkpoint();
      const ingestMs = await timeIngest(db, [entries]);
      const one = await copyOne(`${place}-1`, round);
      if (one.rows !== 2 * ENTRIES) throw new Error(`round ${round}: stored ${one.rows} entries and facts, not ${ENTRIES} of each`);
      const copied = { ms: one.entriesMs };
      const facts = { ms: one.factsMs };
      // Central serves many terminals at once: while one push's transaction waits for PostgreSQL, the
      // next push's hashes and payloads are checked in JavaScript. Same number of entries, in 3 chains.
      const concurrentEntries = concurrentChains.reduce((n, c) => n + c.length, 0);
      await checkpoint();
      const concurrentMs = await timeIngest(db, concurrentChains);
      const concurrentCopyMs = await copyConcurrently(concurrentChains.map((c) => `${place}-${c[0]?.terminalSlot ?? 0}`), round);
      const f = {
        concurrentCopy: rate(concurrentEntries, concurrentCopyMs),
        ingest: rate(ENTRIES, ingestMs),
        copyAll: rate(ENTRIES, copied.ms + facts.ms),
        copyEntries: rate(ENTRIES, copied.ms),
        concurrent: rate(concurrentEntries, concurrentMs),
        concurrentMs,
        ingestMs,
        copyMs: copied.ms,
        factsMs: facts.ms,
      };
      figures.push(f);
      print(
        `round ${round + 1}: ingest ${(ingestMs / 1000).toFixed(2)} s, COPY ${(copied.ms / 1000).toFixed(2)} s + facts ${(facts.ms / 1000).toFixed(2)} s → ${(f.ingest / f.copyAll).toFixed(2)} of COPY of every row stored, ${(f.ingest / f.copyEntries).toFixed(2)} of the entries alone; ${CONCURRENT_TERMINALS} terminals at once ${(concurrentMs / 1000).toFixed(2)} s, their rows by ${CONCURRENT_TERMINALS} COPY sessions at once ${(concurrentCopyMs / 1000).toFixed(2)} s → ${(f.concurrent / f.concurrentCopy).toFixed(2)} (${(f.concurrent / f.copyAll).toFixed(2)} of one COPY session)`,
      );
    }
    const versusAll = median(figures.map((f) => f.ingest / f.copyAll));
    print(`PostgreSQL 15 ingest, one terminal: ${Math.round(median(figures.map((f) => f.ingest))).toLocaleString('en-US')} entries/s (median), each stored as an entry and a receipt fact`);
    print(`PostgreSQL 15 COPY of the same rows: entries ${Math.round(median(figures.map((f) => f.copyEntries))).toLocaleString('en-US')} rows/s, entries + facts ${Math.round(median(figures.map((f) => f.copyAll))).toLocaleString('en-US')} entries/s (medians)`);
    print(`ingest / COPY of every row the ingest stores (entries + facts), one terminal = ${versusAll.toFixed(2)} (median of ${ROUNDS} paired rounds; target ≥ ${TARGET_RATIO}) ${versusAll >= TARGET_RATIO ? 'met' : 'NOT met'}`);
    print(`ingest / COPY of the entries alone, one terminal = ${median(figures.map((f) => f.ingest / f.copyEntries)).toFixed(2)}`);
    const concurrentVersusCopies = median(figures.map((f) => f.concurrent / f.concurrentCopy));
    print(
      `PostgreSQL 15 ingest, ${CONCURRENT_TERMINALS} terminals pushing at once: ${Math.round(median(figures.map((f) => f.concurrent))).toLocaleString('en-US')} entries/s (median); / ${CONCURRENT_TERMINALS} COPY sessions at once of the same rows = ${concurrentVersusCopies.toFixed(2)} ${concurrentVersusCopies >= TARGET_RATIO ? 'met' : 'NOT met'}; / one COPY session = ${median(figures.map((f) => f.concurrent / f.copyAll)).toFixed(2)}`,
    );
    await db.close();
  } finally {
    pg.stop();
  }
}
const lite = await openPglite(undefined);
const liteMs = await timeIngest(lite, [chain(ENTRIES, 1)]);
print(`PGlite (in memory) ingest: ${rate(ENTRIES, liteMs).toLocaleString('en-US')} rows/s (${(liteMs / 1000).toFixed(2)} s)`);
await lite.close();
