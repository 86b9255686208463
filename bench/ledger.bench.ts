// The ledger's cost (issue 5): one durable cash receipt (request + bill + receipt + chain + outbox)
// against a bare one-row durable INSERT on the same disk in the same run; `ledger verify` speed;
// database size per 100k receipts. Figures only, never asserted.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openOfficeDatabase } from '../src-main/db/open';
import { issueReceipt } from '../src-main/ledger/receipts';
import { createRequest, DEFAULT_CATALOG } from '../src-main/ledger/requests';
import { verifyLedger } from '../src-main/ledger/verify';
import { setUpOffice } from '../src-main/office/office-service';
import { manualClock } from '../src-main/platform/clock';
import { memoryLogger } from '../src-main/platform/logger';
import { SETUP_INPUT } from '../tests/helpers/office';

const DURABLE_ITERATIONS = 1_000;
const SIZE_RECEIPTS = 20_000;
const print = (line: string): void => void process.stdout.write(`${line}\n`);
const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

async function office(dir: string) {
  const clock = manualClock(Date.UTC(2026, 10, 23, 2));
  const database = openOfficeDatabase({ file: join(dir, 'ebill.sqlite'), backupDir: join(dir, 'backups'), clock, logger: memoryLogger() });
  const { admin } = await setUpOffice(database.db, clock, 'bench-machine', 'bench', { office: SETUP_INPUT.office, terminalSlot: 1, isTraining: false, isDemo: false, admin: SETUP_INPUT.admin });
  const deps = { sqlite: database.sqlite, clock, machineId: 'bench-machine' };
  const receipt = (i: number) => {
    clock.advanceMs(1_000);
    const request = createRequest(deps, DEFAULT_CATALOG, admin.id, { payerName: 'นายทดสอบ วัดเวลา', payerId: '1101700230708', revenueCode: '804001', amountSatang: 10_000 + i, fineOrderNo: `พป ${i}/2569` });
    return { request, issue: () => issueReceipt(deps, DEFAULT_CATALOG, { userId: admin.id }, request.ref1, { method: 'cash' }) };
  };
  return { database, receipt };
}

const dir = mkdtempSync(join(tmpdir(), 'ebill-bench-ledger-'));
try {
  // 1. Durable: WAL + synchronous=FULL on the real disk.
  const bare = new Database(join(dir, 'bare.sqlite'));
  bare.pragma('journal_mode = WAL');
  bare.pragma('synchronous = FULL');
  bare.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  const insert = bare.prepare('INSERT INTO t (v) VALUES (?)');
  const bareOne = bare.transaction((v: string) => insert.run(v));
  const { database, receipt } = await office(join(dir, 'durable'));
  const bareMs: number[] = [];
  const cashMs: number[] = [];
  const issueMs: number[] = [];
  for (let i = 0; i < DURABLE_ITERATIONS; i += 1) {
    let start = performance.now();
    bareOne.immediate(`row ${i}`);
    bareMs.push(performance.now() - start);
    start = performance.now();
    const { issue } = receipt(i);
    const afterRequest = performance.now();
    issue();
    const end = performance.now();
    cashMs.push(end - start);
    issueMs.push(end - afterRequest);
  }
  bare.close();
  database.close();
  const row = (name: string, values: number[]) => `${name}: p50 ${percentile(values, 50).toFixed(2)} ms, p99 ${percentile(values, 99).toFixed(2)} ms`;
  print(`durable (WAL, synchronous=FULL, ${DURABLE_ITERATIONS} iterations, ${tmpdir()}):`);
  print(`  ${row('bare one-row INSERT transaction', bareMs)}`);
  print(`  ${row('cash receipt = request + bill + receipt + chain + outbox (2 transactions)', cashMs)}`);
  print(`  ${row('receipt issue alone (1 transaction)', issueMs)}`);
  print(`  ratio receipt issue / bare: p50 ${(percentile(issueMs, 50) / percentile(bareMs, 50)).toFixed(2)}, p99 ${(percentile(issueMs, 99) / percentile(bareMs, 99)).toFixed(2)}  (target ≤ 3; p99 target ≤ 10 ms)`);
  print(`  ratio cash receipt (both actions) / bare: p50 ${(percentile(cashMs, 50) / percentile(bareMs, 50)).toFixed(2)}, p99 ${(percentile(cashMs, 99) / percentile(bareMs, 99)).toFixed(2)}`);

  // 2. Size and verify: filled with synchronous=OFF (durability is not what is measured here).
  const big = await office(join(dir, 'big'));
  big.database.sqlite.pragma('synchronous = OFF');
  for (let i = 0; i < SIZE_RECEIPTS; i += 1) big.receipt(i).issue();
  big.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const bytes = statSync(join(dir, 'big', 'ebill.sqlite')).size;
  print(`size: ${(bytes / 1024 / 1024).toFixed(1)} MB for ${SIZE_RECEIPTS} cash receipts → ${((bytes / 1024 / 1024) * (100_000 / SIZE_RECEIPTS)).toFixed(0)} MB per 100k receipts (target ≤ 150 MB)`);
  const rates: number[] = [];
  let entries = 0;
  for (let round = 0; round < 3; round += 1) {
    const start = performance.now();
    const report = verifyLedger(big.database.sqlite);
    entries = report.entries;
    if (report.problems.length > 0) throw new Error(`verify found problems: ${JSON.stringify(report.problems[0])}`);
    rates.push(report.entries / ((performance.now() - start) / 1000));
  }
  print(`ledger verify: median ${Math.round(percentile(rates, 50))} entries/s over 3 rounds of ${entries} entries (target ≥ 100,000/s)`);
  big.database.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
