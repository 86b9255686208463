// The ledger's cost (issue 5), figures only, never asserted; compare figures within one run.
// 1. Durable (WAL, synchronous=FULL, a real disk folder under os.tmpdir()): a cash receipt
//    (request.create + receipt.issue: request, bill, receipt, ledger entries, outbox, chain) and
//    receipt.issue alone, against a bare one-row INSERT transaction timed in the same loop.
// 2. A ledger of BIG_RECEIPTS cash receipts (≥ 100,000 entries): database size per 100k receipts,
//    where the bytes go, `ledger verify` entries/s, and a durable cash receipt on that ledger.
// The crash loop (tests/fault/crash.test.ts) is not run here: 1,000 rounds take far longer than a
// bench should; run it with EBILL_CRASH_ROUNDS=1000 npx vitest run tests/fault/crash.test.ts.
// Run: npm run bench -- ledger (or node --import tsx bench/ledger.bench.ts).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openOfficeDatabase, type OfficeDatabase } from '../src-main/db/open';
import { issueReceiptWithRequest } from '../src-main/ledger/counter-payment';
import { issueReceipt } from '../src-main/ledger/receipts';
import { catalogForNames, catalogInForce } from '../src-main/ledger/catalog-in-force';
import { createRequest } from '../src-main/ledger/requests';
import type { VerifyOptions } from '../src-main/ledger/chain';
import { verifyThreads } from '../src-main/ledger/parallel-hashes';
import { verifyLedger } from '../src-main/ledger/verify';
import { setUpOffice } from '../src-main/office/office-service';
import { manualClock } from '../src-main/platform/clock';
import { memoryLogger } from '../src-main/platform/logger';
import { SETUP_INPUT, T0_MS } from '../tests/helpers/office';

const DURABLE_ITERATIONS = 2_000;
/** Not counted: the first actions prepare their statements. */
const WARM_UP_ITERATIONS = 20;
/** Two ledger entries each (request.created, receipt.issued): 100,000 entries. */
const BIG_RECEIPTS = 50_000;
const VERIFY_ROUNDS = 3;
const BIG_DURABLE_ITERATIONS = 200;
const TARGETS = { ratio: 3, p99Ms: 10, verifyEntriesPerSecond: 100_000, mbPer100kReceipts: 150 } as const;
const MACHINE = 'bench-machine';
const MB = 1024 * 1024;

const print = (line: string): void => void process.stdout.write(`${line}\n`);
const ms = (value: number): string => `${value.toFixed(2)} ms`;

/** Nearest-rank percentile. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function describeTimes(name: string, values: readonly number[], target = ''): string {
  return `  ${name.padEnd(58)} p50 ${ms(percentile(values, 50))}  p99 ${ms(percentile(values, 99))}  max ${ms(Math.max(...values))}${target}`;
}

function ratioLine(name: string, values: readonly number[], bare: readonly number[]): string {
  const of = (p: number): string => (percentile(values, p) / percentile(bare, p)).toFixed(2);
  return `  ratio ${name.padEnd(52)} p50 ${of(50)}  p99 ${of(99)}   (target ≤ ${TARGETS.ratio})`;
}

interface CashTimes {
  readonly requestMs: number;
  readonly issueMs: number;
}

interface BenchOffice {
  readonly database: OfficeDatabase;
  /** One cash receipt the way the counter takes one: request + bill, then the receipt. */
  cashReceipt(i: number): CashTimes;
  /** The same, the way the counter's cash path takes it: request, bill and receipt in one transaction. */
  cashInOneStep(i: number): number;
}

async function openBenchOffice(dir: string): Promise<BenchOffice> {
  const clock = manualClock(T0_MS);
  const database = openOfficeDatabase({ file: join(dir, 'ebill.sqlite'), backupDir: join(dir, 'backups'), clock, logger: memoryLogger() });
  const { admin } = await setUpOffice(database.db, clock, MACHINE, 'bench', { office: SETUP_INPUT.office, terminalSlot: 1, isTraining: false, isDemo: false, admin: SETUP_INPUT.admin });
  const deps = { sqlite: database.sqlite, clock, machineId: MACHINE };
  // As the handlers do: the catalog in force looked up per call (one max(version) read; parsed once).
  const catalog = () => catalogInForce(database.sqlite);
  const requestOf = (i: number) => ({
    payerName: 'นายทดสอบ วัดเวลา',
    payerId: '1101700230708',
    revenueCode: '804001',
    amountSatang: 10_000 + (i % 100_000),
    fineOrderNo: `พป ${i}/2569`,
  });
  return {
    database,
    cashInOneStep: (i) => {
      clock.advanceMs(1_000);
      const start = performance.now();
      issueReceiptWithRequest(deps, catalog(), { userId: admin.id }, requestOf(i), { method: 'cash' });
      return performance.now() - start;
    },
    cashReceipt: (i) => {
      // 1 s per receipt: 50,000 receipts stay within one fiscal year (one book).
      clock.advanceMs(1_000);
      const start = performance.now();
      const request = createRequest(deps, catalog(), admin.id, requestOf(i));
      const issueStart = performance.now();
      issueReceipt(deps, catalogForNames(database.sqlite), { userId: admin.id }, request.ref1, { method: 'cash' });
      const end = performance.now();
      return { requestMs: issueStart - start, issueMs: end - issueStart };
    },
  };
}

/** The durable figures on an empty ledger; returns the cash receipt times for the comparison in part 2. */
async function durable(dir: string): Promise<number[]> {
  const bare = new Database(join(dir, 'bare.sqlite'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  const insert = bare.prepare('INSERT INTO t (v) VALUES (?)');
  const bareInsert = bare.transaction((v: string) => insert.run(v));
  const office = await openBenchOffice(join(dir, 'durable'));
  const bareMs: number[] = [];
  const cashMs: number[] = [];
  const issueMs: number[] = [];
  const requestMs: number[] = [];
  const oneStepMs: number[] = [];
  for (let i = 0; i < WARM_UP_ITERATIONS + DURABLE_ITERATIONS; i += 1) {
    const start = performance.now();
    bareInsert.immediate(`row ${i}`);
    const bareEnd = performance.now();
    const cash = office.cashReceipt(i);
    const oneStep = office.cashInOneStep(i);
    if (i < WARM_UP_ITERATIONS) continue;
    oneStepMs.push(oneStep);
    bareMs.push(bareEnd - start);
    cashMs.push(cash.requestMs + cash.issueMs);
    issueMs.push(cash.issueMs);
    requestMs.push(cash.requestMs);
  }
  bare.close();
  office.database.close();
  const p99Target = `   (target p99 ≤ ${TARGETS.p99Ms} ms)`;
  print(`durable: WAL + synchronous=FULL on disk in ${dir}, ${DURABLE_ITERATIONS} iterations after ${WARM_UP_ITERATIONS} warm-up, interleaved`);
  print(describeTimes('bare one-row INSERT transaction', bareMs));
  print(describeTimes('cash receipt = request.create + receipt.issue (2 tx)', cashMs, p99Target));
  print(describeTimes('cash receipt in one step = receipt.issueWithRequest (1 tx)', oneStepMs, p99Target));
  print(describeTimes('receipt.issue alone (1 tx)', issueMs, p99Target));
  print(describeTimes('request.create alone (1 tx)', requestMs));
  print(ratioLine('cash receipt / bare', cashMs, bareMs));
  print(ratioLine('cash receipt in one step / bare', oneStepMs, bareMs));
  print(ratioLine('receipt.issue / bare', issueMs, bareMs));
  return cashMs;
}

/** Bytes per table and index, largest first (SQLite's dbstat). */
function whereTheBytesGo(sqlite: Database.Database, totalBytes: number): string {
  const rows = sqlite.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT 6').all() as { name: string; bytes: number }[];
  return rows.map((r) => `${r.name} ${((100 * r.bytes) / totalBytes).toFixed(0)}%`).join(', ');
}

async function bigLedger(dir: string, emptyCashMs: readonly number[]): Promise<void> {
  const office = await openBenchOffice(dir);
  const { sqlite } = office.database;
  // Filling: durability is not measured here, and with foreign keys on every action gets slower as
  // the ledger grows (the deferred checks scan unindexed entry_seq columns: the last figure below).
  // Neither pragma changes a stored byte.
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = OFF');
  let start = performance.now();
  for (let i = 0; i < BIG_RECEIPTS; i += 1) office.cashReceipt(i);
  const fillSeconds = (performance.now() - start) / 1000;
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const bytes = statSync(join(dir, 'ebill.sqlite')).size;
  const mbPer100k = (bytes / MB) * (100_000 / BIG_RECEIPTS);
  print(`big ledger: ${BIG_RECEIPTS} cash receipts filled in ${fillSeconds.toFixed(0)} s (synchronous=OFF, foreign_keys=OFF)`);
  print(`  size ${(bytes / MB).toFixed(1)} MB = ${(bytes / BIG_RECEIPTS / 1024).toFixed(2)} KiB per cash receipt → ${mbPer100k.toFixed(0)} MB per 100k receipts   (target ≤ ${TARGETS.mbPer100kReceipts} MB)`);
  print(`  where the bytes go: ${whereTheBytesGo(sqlite, bytes)}`);
  // Verify as the app runs it (worker threads from PARALLEL_MIN_ENTRIES on, one per core) and on one thread.
  const verifyRate = (options: VerifyOptions): { median: number; entries: number } => {
    const rates: number[] = [];
    let entries = 0;
    for (let round = 0; round < VERIFY_ROUNDS; round += 1) {
      start = performance.now();
      const report = verifyLedger(sqlite, options);
      const seconds = (performance.now() - start) / 1000;
      if (report.problems.length > 0) throw new Error(`verify found problems: ${JSON.stringify(report.problems[0])}`);
      entries = report.entries;
      rates.push(entries / seconds);
    }
    return { median: percentile(rates, 50), entries };
  };
  const threads = verifyThreads(sqlite, Number.MAX_SAFE_INTEGER);
  const parallel = verifyRate({});
  const oneThread = verifyRate({ parallelFromEntries: Number.POSITIVE_INFINITY });
  print(`  ledger verify: median ${Math.round(parallel.median)} entries/s over ${VERIFY_ROUNDS} rounds of ${parallel.entries} entries (${threads} worker threads)   (target ≥ ${TARGETS.verifyEntriesPerSecond}/s)`);
  print(`  ledger verify on one thread: median ${Math.round(oneThread.median)} entries/s (load average ${loadavg()[0]?.toFixed(1) ?? '?'} on ${availableParallelism()} cores)`);
  const cashMs: number[] = [];
  for (let i = 0; i < BIG_DURABLE_ITERATIONS; i += 1) {
    const cash = office.cashReceipt(BIG_RECEIPTS + i);
    cashMs.push(cash.requestMs + cash.issueMs);
  }
  office.database.close();
  print(describeTimes(`durable cash receipt on this ledger (${BIG_DURABLE_ITERATIONS})`, cashMs, `   (target p99 ≤ ${TARGETS.p99Ms} ms)`));
  print(describeTimes('  the same on the empty ledger (from above)', emptyCashMs));
}

const dir = mkdtempSync(join(tmpdir(), 'ebill-bench-ledger-'));
try {
  const emptyCashMs = await durable(dir);
  await bigLedger(join(dir, 'big'), emptyCashMs);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
