// Bank file import (issue 9), figures only, never asserted; compare figures within one run.
// Durable database (WAL, synchronous=FULL, a real disk folder under os.tmpdir()), the app's pragmas.
// 1. parse only: a 100,000-line KTB 256 file (windows-874) → typed lines.
// 2. a file of MATCHED_ONLY lines that each pay a bill: every line is a payment.confirmed ledger entry.
// 3. a 100,000-line import: MATCHED_IN_BIG lines pay bills, the rest are exceptions (unknown Ref1).
// 4. the same 100,000 payments again in another file (LF instead of CRLF: a new hash): all duplicates.
// 5. the yardstick: a batched INSERT of the same 100,000 rows (same columns, one prepared statement,
//    one transaction) into a bare table in the same kind of database, in the same run.
// 6. the office as a provincial office: 100,000 lines of another office of the province, each forwarded
//    (a bank_payments row and a province_payment_outbox row, issue 11).
// Target (issue 9): ≥ 20,000 lines/s for the 100,000-line import. Run: npm run bench -- bank
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { buildRef1, buildRef2 } from '../src-shared/codes';
import { unwrap } from '../src-shared/result';
import { importBankFile, paidAtMsOf } from '../src-main/bank/import';
import { parseBankFile } from '../src-main/bank/parse';
import { openOfficeDatabase } from '../src-main/db/open';
import { createRequest, DEFAULT_CATALOG } from '../src-main/ledger/requests';
import { setOfficeKind } from '../src-main/office/office-kind';
import { setUpOffice } from '../src-main/office/office-service';
import { manualClock } from '../src-main/platform/clock';
import { memoryLogger } from '../src-main/platform/logger';
import { ktb256File, type GenLine } from '../tests/fixtures/bank/generate';
import { SETUP_INPUT, T0_MS } from '../tests/helpers/office';

const BIG_LINES = 100_000;
const MATCHED_ONLY = 5_000;
const MATCHED_IN_BIG = 5_000;
const TARGET_LINES_PER_SECOND = 20_000;
const MACHINE = 'bench-machine';

const print = (line: string): void => void process.stdout.write(`${line}\n`);
const rate = (n: number, ms: number): string => `${Math.round((n / ms) * 1000).toLocaleString('en-US')} lines/s (${n.toLocaleString('en-US')} in ${(ms / 1000).toFixed(2)} s)`;

function timed<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = work();
  return { value, ms: performance.now() - start };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ebill-bank-bench-'));
  try {
    const clock = manualClock(T0_MS);
    const database = openOfficeDatabase({ file: join(dir, 'ebill.sqlite'), backupDir: join(dir, 'backups'), clock, logger: memoryLogger() });
    const { admin } = await setUpOffice(database.db, clock, MACHINE, 'bench', { office: SETUP_INPUT.office, terminalSlot: 1, isTraining: false, isDemo: false, admin: SETUP_INPUT.admin });
    const deps = { sqlite: database.sqlite, clock, machineId: MACHINE, db: database.db };

    // Bills to pay, made in one outer transaction (setup, not measured).
    const setup = timed(() =>
      database.sqlite
        .transaction(() =>
          Array.from({ length: MATCHED_ONLY + MATCHED_IN_BIG }, (_, i) =>
            createRequest(deps, DEFAULT_CATALOG, admin.id, { payerName: 'นายทดสอบ วัดเวลา', revenueCode: '804001', amountSatang: 10_000 + i, fineOrderNo: `พป ${i}/2569` }),
          ),
        )
        .immediate(),
    );
    const bills = setup.value;
    print(`  setup: ${bills.length.toLocaleString('en-US')} bills in ${(setup.ms / 1000).toFixed(1)} s`);
    const at = (i: number): string => `${String(8 + Math.floor(i / 3600) % 10).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    const pay = (bill: (typeof bills)[number], i: number): GenLine => ({ paymentDate: '2026-11-23', paymentTime: at(i), customerName: bill.payerName, ref1: bill.ref1, ref2: bill.ref2, amountSatang: bill.amountSatang });
    const unknownRef2 = bills[0]?.ref2 ?? '';
    const unknown = (i: number): GenLine => ({
      paymentDate: '2026-11-24',
      paymentTime: at(i),
      customerName: 'นางสาวไม่ทราบ ที่มา',
      ref1: unwrap(buildRef1({ requestType: '1', requestSubtype: '80', place: '5401', yearBe: 2569, terminalSlot: 9, counter: 1 + (i % 99_999) })),
      ref2: unknownRef2,
      amountSatang: 1_000 + i,
    });

    const matchedOnly = ktb256File(bills.slice(0, MATCHED_ONLY).map(pay));
    const bigLines = [...bills.slice(MATCHED_ONLY).map((bill, i) => pay(bill, i)), ...Array.from({ length: BIG_LINES - MATCHED_IN_BIG }, (_, i) => unknown(i))];
    const big = ktb256File(bigLines);
    const bigAgain = ktb256File(bigLines, { lineBreak: '\n' });
    print(`  files: ${MATCHED_ONLY.toLocaleString('en-US')} matched lines ${(matchedOnly.length / 1e6).toFixed(1)} MB; ${BIG_LINES.toLocaleString('en-US')} lines ${(big.length / 1e6).toFixed(1)} MB`);

    const parsed = timed(() => parseBankFile(big, 'ktb256'));
    print(`  1. parse only (100k lines, windows-874, every check)        ${rate(parsed.value.lines.length, parsed.ms)}`);

    const m = timed(() => importBankFile(deps, admin.id, matchedOnly, 'ktb256'));
    print(`  2. import, every line matched (a ledger entry each)          ${rate(m.value.lines, m.ms)}  matched ${m.value.matched}`);

    const b = timed(() => importBankFile(deps, admin.id, big, 'ktb256'));
    print(`  3. import 100k lines (${MATCHED_IN_BIG} matched, ${b.value.exceptions} exceptions)       ${rate(b.value.lines, b.ms)}  (target ≥ ${TARGET_LINES_PER_SECOND.toLocaleString('en-US')})`);

    const d = timed(() => importBankFile(deps, admin.id, bigAgain, 'ktb256'));
    print(`  4. the same 100k payments in another file: all duplicates    ${rate(d.value.lines, d.ms)}  duplicates ${d.value.duplicates}`);

    // A provincial office (issue 11): the same number of lines, every one a bill of another office of
    // the province (5402): each a forwarded bank_payments row and a send-queue row, no exception.
    setOfficeKind(database.sqlite, 'provincial');
    const districtRef2 = unwrap(buildRef2({ costCentreLast3: '001', place: '5402', revenueCode: '804001' }));
    const forwardedFile = ktb256File(
      Array.from({ length: BIG_LINES }, (_, i) => ({
        paymentDate: '2026-11-25',
        paymentTime: at(i),
        customerName: 'นายทดสอบ อำเภออื่น',
        ref1: unwrap(buildRef1({ requestType: '1', requestSubtype: '80', place: '5402', yearBe: 2569, terminalSlot: 1 + Math.floor(i / 99_999), counter: 1 + (i % 99_999) })),
        ref2: districtRef2,
        amountSatang: 1_000 + i,
      })),
    );
    const f = timed(() => importBankFile(deps, admin.id, forwardedFile, 'ktb256'));
    print(`  6. provincial office: 100k lines of another office, forwarded ${rate(f.value.lines, f.ms)}  forwarded ${f.value.forwarded}`);
    setOfficeKind(database.sqlite, 'district');

    const bare = new Database(join(dir, 'bare.sqlite'));
    bare.pragma('journal_mode = WAL');
    bare.pragma('synchronous = FULL');
    bare.exec(`CREATE TABLE rows (id INTEGER PRIMARY KEY, bank_code TEXT, company_account TEXT, payment_date TEXT, payment_time TEXT, paid_at_ms INTEGER,
      ref1 TEXT, ref2 TEXT, ref3 TEXT, customer_name TEXT, branch_no TEXT, teller_no TEXT, kind TEXT, transaction_code TEXT, amount_satang INTEGER)`);
    const insert = bare.prepare(`INSERT INTO rows (bank_code, company_account, payment_date, payment_time, paid_at_ms, ref1, ref2, ref3, customer_name, branch_no, teller_no, kind, transaction_code, amount_satang)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const rows = parsed.value.lines;
    const batch = timed(() =>
      bare.transaction(() => {
        for (const l of rows) insert.run(l.bankCode, l.companyAccount, l.paymentDate, l.paymentTime, paidAtMsOf(l), l.ref1, l.ref2, l.ref3, l.customerName, l.branchNo, l.tellerNo, l.kind, l.transactionCode, l.amountSatang);
      })(),
    );
    print(`  5. batched INSERT of the same 100k rows (yardstick)          ${rate(rows.length, batch.ms)}`);
    print(`  ratio import 100k / batched insert: ${(batch.ms / b.ms).toFixed(3)} (import speed as a fraction of the bare insert; ${(b.ms / batch.ms).toFixed(1)}× slower)`);
    bare.close();
    database.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
