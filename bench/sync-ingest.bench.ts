// Central ingest (issue 11), figures only, never asserted; compare figures within one run.
// A synthetic chain of ENTRIES receipt entries (payload text the size of a real receipt's) is pushed
// through `ingest` (the push route's service: hash recomputation, slot/place checks, batched
// INSERT … ON CONFLICT DO NOTHING RETURNING, completeness recount) in batches of MAX_BATCH_ENTRIES,
// on a PostgreSQL 15 started in a temp folder; then the rows it stored (the entries and their receipt
// facts) are loaded with COPY into copies of those tables (same primary keys, indexes and foreign key)
// in the same database, in the same run (the yardstick). Also the same ingest on PGlite.
// Target: ingest ≥ 0.5 × COPY rows/s. Run: npm run bench -- sync-ingest
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openPglite, openPostgres, type CentralDb } from '../src-server/db/client';
import { loadServerKey } from '../src-server/crypto';
import { createEnrollCode, enroll } from '../src-server/enrollment';
import type { SignedBy } from '../src-server/auth';
import { ingest } from '../src-server/ingest';
import { canonicalEntryText, GENESIS_HASH } from '../src-shared/ledger-entry-text';
import { MAX_BATCH_ENTRIES, type DayCompleteness, type SyncEntry } from '../src-shared/sync';
import { hasPostgres, NO_POSTGRES_MESSAGE, startPostgres } from '../tests/helpers/postgres';
import { newTestKey } from '../tests/helpers/central';

const ENTRIES = Number(process.env.EBILL_BENCH_ENTRIES ?? 50_000);
const TARGET_RATIO = 0.5;
const T0_MS = Date.UTC(2026, 11, 2, 2, 0, 0);
const DAY = '2026-12-02';
const print = (line: string): void => void process.stdout.write(`${line}\n`);
const rate = (n: number, ms: number): number => Math.round((n / ms) * 1000);

function receiptPayload(seq: number): string {
  // The keys and sizes of a real receipt.issued payload (src-main/ledger/entry-payloads.ts), about 700 bytes.
  return JSON.stringify({
    receipt: {
      amountSatang: 10_000 + (seq % 997),
      billId: `01KB${String(seq).padStart(22, '0')}`,
      book: 'E70-5401-1',
      businessDate: DAY,
      entrySeq: seq,
      id: `01KC${String(seq).padStart(22, '0')}`,
      isPaper: false,
      issuedAtMs: T0_MS + seq,
      items: JSON.stringify([{ revenueCode: '804001', nameTh: 'ค่าธรรมเนียมการจดทะเบียน', amountSatang: 10_000 + (seq % 997) }]),
      method: 'cash',
      methodDetail: null,
      number: seq,
      payerId: '1101700230708',
      payerName: 'นายทดสอบ ส่งข้อมูล',
      paymentConfirmationId: null,
      receiverNameTh: 'นายสมชาย ดูแลระบบ',
      receiverPositionTh: 'เจ้าพนักงานปกครอง',
      receiverUserId: '01KD0000000000000000000000',
      requestId: `01KE${String(seq).padStart(22, '0')}`,
      revenueCode: '804001',
    },
  });
}

function chain(count: number, slot: number): SyncEntry[] {
  const entries: SyncEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const header = { seq, id: `01KF${slot}${String(seq).padStart(21, '0')}`, kind: 'receipt.issued', payloadVersion: 1, atMs: T0_MS + seq, businessDate: DAY, place: '5401', terminalSlot: slot, userId: null };
    const payloadText = receiptPayload(seq);
    const hash = createHash('sha256').update(prev).update(canonicalEntryText(header, payloadText)).digest('hex');
    entries.push({ ...header, payloadText, hash });
    prev = hash;
  }
  return entries;
}

/** Pushes each chain (one terminal each) in batches; the terminals push at the same time, each its batches in order. */
async function timeIngest(db: CentralDb, chains: readonly (readonly SyncEntry[])[]): Promise<number> {
  const serverKey = await loadServerKey(db, T0_MS);
  const terminals: { entries: readonly SyncEntry[]; by: SignedBy }[] = [];
  for (const entries of chains) {
    const slot = entries[0]?.terminalSlot ?? 1;
    const { code } = await createEnrollCode(db, T0_MS, '5401', slot);
    const key = newTestKey();
    const enrolled = await enroll(db, serverKey, { code, place: '5401', terminalSlot: slot, publicKeySpkiBase64: key.publicKeySpkiBase64 }, T0_MS);
    terminals.push({ entries, by: { keyId: enrolled.keyId, terminalId: `5401-${slot}`, place: '5401', slot } });
  }
  const push = async ({ entries, by }: { entries: readonly SyncEntry[]; by: SignedBy }): Promise<void> => {
    let receipts = 0;
    for (let i = 0; i < entries.length; i += MAX_BATCH_ENTRIES) {
      const batch = entries.slice(i, i + MAX_BATCH_ENTRIES);
      const last = batch[batch.length - 1];
      if (last === undefined) break;
      receipts += batch.reduce((sum, e) => sum + 10_000 + (e.seq % 997), 0);
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
const entries = chain(ENTRIES, 1);
const concurrentChains = [2, 3, 4].slice(0, CONCURRENT_TERMINALS).map((slot) => chain(Math.round(ENTRIES / CONCURRENT_TERMINALS), slot));
print(`${ENTRIES.toLocaleString('en-US')} receipt entries, batches of ${MAX_BATCH_ENTRIES}`);
if (!hasPostgres) print(NO_POSTGRES_MESSAGE);
else {
  const pg = await startPostgres();
  try {
    const db = await openPostgres(pg.url);
    // Warm-up, not counted: a fresh server's first statements are planned and its caches are cold.
    await timeIngest(db, [chain(WARM_UP_ENTRIES, 9)]);
    const ingestMs = await timeIngest(db, [entries]);
    // The yardstick: COPY of the same rows, server-side from files, into copies of the tables the
    // ingest wrote. `LIKE … INCLUDING ALL` brings the primary key, the indexes, defaults and checks
    // but not foreign keys, so the FK to terminals is added as in the migration (COPY checks it per
    // row, as the ingest's INSERT does; without it COPY was ~1.5× faster). The rows are the ones the
    // ingest stored (COPY … TO), so they are the same bytes: each entry, and for a receipt the fact
    // row central reads from it (central_receipts, facts.ts) — two rows per receipt entry.
    const dir = decodeURIComponent(/host=([^&]+)/.exec(pg.url)?.[1] ?? '/tmp');
    const copyTable = async (table: string): Promise<{ rows: number; ms: number }> => {
      const file = join(dir, `${table}.csv`);
      // The timed terminal's rows only (not the warm-up's).
      await db.query(`COPY (SELECT * FROM ${table} WHERE terminal_id = '5401-1') TO '${file}' WITH (FORMAT csv)`);
      await db.query(`CREATE TABLE ${table}_copy (LIKE ${table} INCLUDING ALL)`);
      await db.query(`ALTER TABLE ${table}_copy ADD FOREIGN KEY (terminal_id) REFERENCES terminals (id)`);
      const rows = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE terminal_id = '5401-1'`))[0]?.n ?? 0);
      const start = performance.now();
      await db.query(`COPY ${table}_copy FROM '${file}' WITH (FORMAT csv)`);
      return { rows, ms: performance.now() - start };
    };
    const copied = await copyTable('entries');
    const facts = await copyTable('central_receipts');
    const versusEntries = rate(ENTRIES, ingestMs) / rate(copied.rows, copied.ms);
    const versusAll = rate(ENTRIES, ingestMs) / rate(ENTRIES, copied.ms + facts.ms);
    print(`PostgreSQL 15 ingest: ${rate(ENTRIES, ingestMs).toLocaleString('en-US')} entries/s (${(ingestMs / 1000).toFixed(2)} s), storing ${copied.rows.toLocaleString('en-US')} entries and ${facts.rows.toLocaleString('en-US')} receipt facts`);
    print(`PostgreSQL 15 COPY of the same entries: ${rate(copied.rows, copied.ms).toLocaleString('en-US')} rows/s (${(copied.ms / 1000).toFixed(2)} s); of their receipt facts: ${(facts.ms / 1000).toFixed(2)} s`);
    print(`ingest / COPY of every row the ingest stores (entries + facts) = ${versusAll.toFixed(2)} (target ≥ ${TARGET_RATIO}) ${versusAll >= TARGET_RATIO ? 'met' : 'NOT met'}`);
    print(`ingest / COPY of the entries alone = ${versusEntries.toFixed(2)}`);
    // Central serves many terminals at once: while one push's transaction waits for PostgreSQL, the
    // next push's hashes and payloads are checked in JavaScript. Same number of entries, in 3 chains.
    const concurrentEntries = concurrentChains.reduce((n, c) => n + c.length, 0);
    const concurrentMs = await timeIngest(db, concurrentChains);
    const concurrentVersusAll = rate(concurrentEntries, concurrentMs) / rate(ENTRIES, copied.ms + facts.ms);
    print(
      `PostgreSQL 15 ingest, ${CONCURRENT_TERMINALS} terminals pushing at once: ${rate(concurrentEntries, concurrentMs).toLocaleString('en-US')} entries/s (${(concurrentMs / 1000).toFixed(2)} s); / COPY of every row stored = ${concurrentVersusAll.toFixed(2)}, of the entries alone = ${(rate(concurrentEntries, concurrentMs) / rate(copied.rows, copied.ms)).toFixed(2)}`,
    );
    await db.close();
  } finally {
    pg.stop();
  }
}
const lite = await openPglite(undefined);
const liteMs = await timeIngest(lite, [entries]);
print(`PGlite (in memory) ingest: ${rate(ENTRIES, liteMs).toLocaleString('en-US')} rows/s (${(liteMs / 1000).toFixed(2)} s)`);
await lite.close();
