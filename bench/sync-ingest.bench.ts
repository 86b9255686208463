// Central ingest (issue 11), figures only, never asserted; compare figures within one run.
// A synthetic chain of ENTRIES receipt entries (payload text the size of a real receipt's) is pushed
// through `ingest` (the push route's service: hash recomputation, slot/place checks, batched
// INSERT … ON CONFLICT DO NOTHING RETURNING, completeness recount) in batches of MAX_BATCH_ENTRIES,
// on a PostgreSQL 15 started in a temp folder; then the same rows are loaded with COPY into a copy
// of the table (same primary key, index and foreign key) in the same database, in the same run (the yardstick). Also the same ingest on PGlite.
// Target: ingest ≥ 0.5 × COPY rows/s. Run: npm run bench -- sync-ingest
import { createHash } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openPglite, openPostgres, type CentralDb } from '../src-server/db/client';
import { loadServerKey } from '../src-server/crypto';
import { createEnrollCode, enroll } from '../src-server/enrollment';
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

function chain(count: number): SyncEntry[] {
  const entries: SyncEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq += 1) {
    const header = { seq, id: `01KF${String(seq).padStart(22, '0')}`, kind: 'receipt.issued', payloadVersion: 1, atMs: T0_MS + seq, businessDate: DAY, place: '5401', terminalSlot: 1, userId: null };
    const payloadText = receiptPayload(seq);
    const hash = createHash('sha256').update(prev).update(canonicalEntryText(header, payloadText)).digest('hex');
    entries.push({ ...header, payloadText, hash });
    prev = hash;
  }
  return entries;
}

async function timeIngest(db: CentralDb, entries: readonly SyncEntry[]): Promise<number> {
  const serverKey = await loadServerKey(db, T0_MS);
  const { code } = await createEnrollCode(db, T0_MS, '5401', 1);
  const key = newTestKey();
  const enrolled = await enroll(db, serverKey, { code, place: '5401', terminalSlot: 1, publicKeySpkiBase64: key.publicKeySpkiBase64 }, T0_MS);
  const by = { keyId: enrolled.keyId, terminalId: '5401-1', place: '5401', slot: 1 };
  let receipts = 0;
  const start = performance.now();
  for (let i = 0; i < entries.length; i += MAX_BATCH_ENTRIES) {
    const batch = entries.slice(i, i + MAX_BATCH_ENTRIES);
    const last = batch[batch.length - 1];
    if (last === undefined) break;
    receipts += batch.reduce((sum, e) => sum + 10_000 + (e.seq % 997), 0);
    const completeness: DayCompleteness[] = [{ businessDate: DAY, entryCount: last.seq, receiptsSatang: receipts, lastSeq: last.seq, headHash: last.hash }];
    await ingest(db, serverKey, by, { entries: batch, completeness }, T0_MS);
  }
  return performance.now() - start;
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const entries = chain(ENTRIES);
print(`${ENTRIES.toLocaleString('en-US')} receipt entries, batches of ${MAX_BATCH_ENTRIES}`);
if (!hasPostgres) print(NO_POSTGRES_MESSAGE);
else {
  const pg = await startPostgres();
  try {
    const db = await openPostgres(pg.url);
    const ingestMs = await timeIngest(db, entries);
    // The yardstick: COPY of the same rows into a copy of the table, server-side from a file. The
    // copy carries what the real table does: `LIKE … INCLUDING ALL` brings the primary key, the
    // index, defaults and checks but not foreign keys, so the FK to terminals is added as in the
    // migration (COPY checks it per row, as the ingest's INSERT does; without it COPY was ~1.5× faster).
    await db.query('CREATE TABLE entries_copy (LIKE entries INCLUDING ALL)');
    await db.query('ALTER TABLE entries_copy ADD FOREIGN KEY (terminal_id) REFERENCES terminals (id)');
    const dir = /host=([^&]+)/.exec(pg.url)?.[1];
    const file = join(decodeURIComponent(dir ?? '/tmp'), 'entries.csv');
    const rows = entries.map((e) =>
      ['5401-1', e.seq, e.id, e.kind, e.payloadVersion, e.atMs, e.businessDate, e.place, e.terminalSlot, e.userId, e.payloadText, e.hash, 10_000 + (e.seq % 997), '804001', T0_MS].map(csvField).join(','),
    );
    writeFileSync(file, `${rows.join('\n')}\n`);
    chmodSync(file, 0o644);
    const start = performance.now();
    await db.query(`COPY entries_copy FROM '${file}' WITH (FORMAT csv)`);
    const copyMs = performance.now() - start;
    const ratio = rate(ENTRIES, ingestMs) / rate(ENTRIES, copyMs);
    print(`PostgreSQL 15 ingest: ${rate(ENTRIES, ingestMs).toLocaleString('en-US')} rows/s (${(ingestMs / 1000).toFixed(2)} s)`);
    print(`PostgreSQL 15 COPY of the same rows: ${rate(ENTRIES, copyMs).toLocaleString('en-US')} rows/s (${(copyMs / 1000).toFixed(2)} s)`);
    print(`ingest / COPY = ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}) ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'}`);
    await db.close();
  } finally {
    pg.stop();
  }
}
const lite = await openPglite(undefined);
const liteMs = await timeIngest(lite, entries);
print(`PGlite (in memory) ingest: ${rate(ENTRIES, liteMs).toLocaleString('en-US')} rows/s (${(liteMs / 1000).toFixed(2)} s)`);
await lite.close();
