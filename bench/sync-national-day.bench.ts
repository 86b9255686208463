// A simulated national day on one PostgreSQL (issue 11), figures only, never asserted.
// OFFICES offices (slot 1 each) enroll, then each pushes one business day of RECEIPTS receipt
// entries (payload text the size of a real receipt's) through `ingest` — the push route's service:
// hash recomputation, contiguity, batched INSERT … ON CONFLICT DO NOTHING RETURNING, completeness —
// in batches of MAX_BATCH_ENTRIES, CONCURRENCY offices at a time (the pool has 8 connections), on a
// PostgreSQL 15 started in a temp folder. Prints enrollment and ingest time, rows/s, and the
// time the full national day (1,000 × 500) would take at the measured rate.
// Default 100 offices × 500 (50,000 entries); the full size: EBILL_BENCH_OFFICES=1000.
// Run: npm run bench -- national-day
import { performance } from 'node:perf_hooks';
import { openPostgres } from '../src-server/db/client';
import { loadServerKey } from '../src-server/crypto';
import { createEnrollCode, enroll } from '../src-server/enrollment';
import { receiptStatistics } from '../src-server/console/alarms';
import { ingest } from '../src-server/ingest';
import { amountOf, BENCH_DAY, BENCH_T0_MS, receiptChain } from './receipt-chain';
import { MAX_BATCH_ENTRIES, type DayCompleteness } from '../src-shared/sync';
import { newTestKey } from '../tests/helpers/central';
import { hasPostgres, NO_POSTGRES_MESSAGE, startPostgres } from '../tests/helpers/postgres';

const OFFICES = Number(process.env.EBILL_BENCH_OFFICES ?? 100);
const RECEIPTS = Number(process.env.EBILL_BENCH_RECEIPTS_PER_OFFICE ?? 500);
const CONCURRENCY = Number(process.env.EBILL_BENCH_CONCURRENCY ?? 4);
const FULL_ENTRIES = 1_000 * 500;
const T0_MS = BENCH_T0_MS;
const DAY = BENCH_DAY;
const print = (line: string): void => void process.stdout.write(`${line}\n`);
const rate = (n: number, ms: number): number => Math.round((n / ms) * 1000);

const places = Array.from({ length: OFFICES }, (_, i) => String(1000 + i));
const total = OFFICES * RECEIPTS;
print(`${OFFICES.toLocaleString('en-US')} offices × ${RECEIPTS.toLocaleString('en-US')} receipts = ${total.toLocaleString('en-US')} entries, ${CONCURRENCY} offices at a time, batches of ${MAX_BATCH_ENTRIES}`);
if (!hasPostgres) print(NO_POSTGRES_MESSAGE);
else {
  const pg = await startPostgres();
  try {
    const db = await openPostgres(pg.url);
    const serverKey = await loadServerKey(db, T0_MS);
    const key = newTestKey();
    const enrollStart = performance.now();
    const signers = new Map<string, string>();
    for (const place of places) {
      const { code } = await createEnrollCode(db, T0_MS, place, 1);
      signers.set(place, (await enroll(db, serverKey, { code, place, terminalSlot: 1, publicKeySpkiBase64: key.publicKeySpkiBase64 }, T0_MS)).keyId);
    }
    const enrollMs = performance.now() - enrollStart;
    let hashMs = 0;
    let next = 0;
    const start = performance.now();
    const worker = async (): Promise<void> => {
      for (let i = next++; i < places.length; i = next++) {
        const place = places[i] ?? '';
        const hashStart = performance.now();
        const entries = receiptChain(RECEIPTS, place, 1);
        hashMs += performance.now() - hashStart;
        const by = { keyId: signers.get(place) ?? '', terminalId: `${place}-1`, place, slot: 1 };
        let receipts = 0;
        for (let b = 0; b < entries.length; b += MAX_BATCH_ENTRIES) {
          const batch = entries.slice(b, b + MAX_BATCH_ENTRIES);
          const last = batch[batch.length - 1];
          if (last === undefined) break;
          receipts += batch.reduce((sum, e) => sum + amountOf(e.seq), 0);
          const completeness: DayCompleteness[] = [{ businessDate: DAY, entryCount: last.seq, receiptsSatang: receipts, lastSeq: last.seq, headHash: last.hash }];
          await ingest(db, serverKey, by, { entries: batch, completeness }, T0_MS);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, () => worker()));
    const ingestMs = performance.now() - start;
    const stored = (
      await db.query<{ n: number; satang: number }>(
        `SELECT (SELECT count(*)::int FROM entries) AS n, (SELECT sum(r.amount_satang)::bigint FROM central_receipts r JOIN entries e ON e.terminal_id = r.terminal_id AND e.seq = r.seq AND e.kind = 'receipt.issued') AS satang`,
      )
    )[0];
    const expectedSatang = places.length * Array.from({ length: RECEIPTS }, (_, i) => amountOf(i + 1)).reduce((a, b) => a + b, 0);
    const size = (await db.query<{ size: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`))[0]?.size;
    const consoleStart = performance.now();
    await receiptStatistics(db);
    const statsMs = performance.now() - consoleStart;
    print(`enrollment of ${OFFICES} terminals: ${(enrollMs / 1000).toFixed(2)} s`);
    print(`ingest: ${(ingestMs / 1000).toFixed(2)} s, ${rate(total, ingestMs).toLocaleString('en-US')} rows/s (of which building the chains client-side: ${(hashMs / 1000).toFixed(2)} s)`);
    print(`stored ${stored?.n.toLocaleString('en-US')} entries, ${stored?.satang} satang (${stored?.satang === expectedSatang && stored.n === total ? 'equal to what was sent' : `DIFFERS from the ${expectedSatang} sent`}); database ${size}`);
    print(`console statistics query (by province and revenue code) over them: ${statsMs.toFixed(0)} ms`);
    if (total < FULL_ENTRIES) print(`the full national day (${FULL_ENTRIES.toLocaleString('en-US')} entries) at this rate: ≈ ${((FULL_ENTRIES / rate(total, ingestMs)) / 60).toFixed(1)} min (EBILL_BENCH_OFFICES=1000 measures it)`);
    await db.close();
  } finally {
    pg.stop();
  }
}
