// Reports and day close on a busy day (issue 10): 20,000 cash receipts of one business date, then
// each report built as data (median of 5 rounds), the receipt register as XLSX, the close status and
// the close itself. Figures only, never timed assertions (bench/README.md).
// Run: npm run bench -- reports (or node --import tsx bench/reports.bench.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { closeDay } from '../src-main/close/close-day';
import { dayStatus, NO_PAPER_BOOKS } from '../src-main/close/day-status';
import { openOfficeDatabase } from '../src-main/db/open';
import { issueReceipt } from '../src-main/ledger/receipts';
import { createRequest, DEFAULT_CATALOG } from '../src-main/ledger/requests';
import { setUpOffice } from '../src-main/office/office-service';
import { manualClock } from '../src-main/platform/clock';
import { memoryLogger } from '../src-main/platform/logger';
import { REPORTS } from '../src-main/reports/registry';
import { buildReport } from '../src-main/reports/service';
import { reportXlsx } from '../src-main/reports/render-xlsx';
import type { ReportName } from '../src-shared/contract';
import { businessDateOf } from '../src-shared/dates';
import { SETUP_INPUT, T0_MS } from '../tests/helpers/office';

const RECEIPTS = 20_000;
const ROUNDS = 5;
const MACHINE = 'bench-machine';
const CODES = ['804001', '804003', '804005', '804201', '804206'];

const print = (line: string) => process.stdout.write(`${line}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const dir = mkdtempSync(join(tmpdir(), 'ebill-bench-reports-'));
try {
  const clock = manualClock(T0_MS);
  const database = openOfficeDatabase({ file: join(dir, 'ebill.sqlite'), backupDir: join(dir, 'backups'), clock, logger: memoryLogger() });
  const { admin } = await setUpOffice(database.db, clock, MACHINE, 'bench', { office: SETUP_INPUT.office, terminalSlot: 1, isTraining: false, isDemo: false, admin: SETUP_INPUT.admin });
  const deps = { sqlite: database.sqlite, clock, machineId: MACHINE };
  database.sqlite.pragma('synchronous = OFF');
  database.sqlite.pragma('foreign_keys = OFF');
  let start = performance.now();
  for (let i = 0; i < RECEIPTS; i += 1) {
    // One second apart: 20,000 receipts stay within the business day of 09:00 (5.6 hours).
    clock.advanceMs(1_000);
    const request = createRequest(deps, DEFAULT_CATALOG, admin.id, { payerName: 'นายทดสอบ รายงาน', revenueCode: CODES[i % CODES.length] ?? '804001', amountSatang: 10_000 + (i % 100_000), fineOrderNo: `พป ${i}/2569`, fineIssuingOfficer: `เจ้าหน้าที่ ${i % 12}` });
    const receipt = issueReceipt(deps, DEFAULT_CATALOG, { userId: admin.id }, request.ref1, { method: i % 7 === 0 ? 'cheque' : 'cash', ...(i % 7 === 0 ? { detail: { bankName: 'กรุงไทย', instrumentNo: String(i), instrumentDate: '2026-11-23' } } : {}) } as never);
    database.sqlite.prepare(`INSERT INTO receipt_events (id, receipt_id, kind, user_id, at_ms, business_date, entry_seq) SELECT ?, id, 'printed', ?, ?, business_date, entry_seq FROM receipts WHERE id = ?`).run(`p${i}`, admin.id, clock.nowMs(), receipt.receiptId);
  }
  database.sqlite.pragma('synchronous = FULL');
  database.sqlite.pragma('foreign_keys = ON');
  const date = businessDateOf(clock.nowMs());
  print(`filled ${RECEIPTS} receipts on ${date} in ${((performance.now() - start) / 1000).toFixed(0)} s (synchronous=OFF, foreign_keys=OFF; print events written directly)`);

  for (const name of Object.keys(REPORTS) as ReportName[]) {
    const times: number[] = [];
    let rows = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      start = performance.now();
      rows = buildReport(database.sqlite, name, date, date, null).rows.length;
      times.push(performance.now() - start);
    }
    print(`  ${name.padEnd(20)} ${rows.toString().padStart(6)} rows   build p50 ${median(times).toFixed(0)} ms`);
  }
  const register = buildReport(database.sqlite, 'receipt-register', date, date, null);
  start = performance.now();
  const xlsx = await reportXlsx(register, 'ที่ทำการปกครองอำเภอเมืองแพร่', clock.nowMs());
  print(`  receipt-register XLSX: ${(xlsx.byteLength / 1024).toFixed(0)} KiB in ${(performance.now() - start).toFixed(0)} ms`);
  start = performance.now();
  const status = dayStatus(database.sqlite, date, NO_PAPER_BOOKS);
  print(`  close status: ${status.receiptCount} receipts, expected cash ${status.cashExpectedSatang} satang, in ${(performance.now() - start).toFixed(0)} ms`);
  start = performance.now();
  const pieces = { '1000': 0, '500': 0, '100': 0, '50': 0, '20': 0, '10': 0, '5': 0, '2': 0, '1': 0, '0.50': 0, '0.25': 0 };
  closeDay({ ...deps, listUnkeyedPaperLeaves: NO_PAPER_BOOKS }, admin.id, { businessDate: date, counted: pieces, varianceReason: 'bench' });
  print(`  day close (durable, one ledger entry): ${(performance.now() - start).toFixed(0)} ms`);
  database.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
