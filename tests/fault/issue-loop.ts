// The child of the crash test (crash.test.ts): opens an office database the way a restarted app
// does, then issues cash receipts (request + bill, then receipt: the two ledger actions of a cash
// payment at the counter) until it is killed. After each receipt's transaction has committed it
// writes `BOOK/NUMBER` as one line on stdout with a synchronous write(2), so a line the parent
// reads is a receipt that was durable before the line existed.
// Bundled once by crash.test.ts with esbuild (a 200-round test cannot pay tsx's start-up 200
// times); also runnable by hand: node --import tsx tests/fault/issue-loop.ts FILE BACKUP_DIR ...
import { writeSync } from 'node:fs';
import { openOfficeDatabase } from '../../src-main/db/open';
import { issueReceipt } from '../../src-main/ledger/receipts';
import { createRequest, DEFAULT_CATALOG } from '../../src-main/ledger/requests';
import { systemClock } from '../../src-main/platform/clock';
import { memoryLogger } from '../../src-main/platform/logger';

const USAGE = 'usage: issue-loop FILE BACKUP_DIR MIGRATIONS_DIR MACHINE_ID USER_ID [MAX_RECEIPTS]';
const STDOUT_FD = 1;
/** A child that is never killed stops here (the parent treats a child that ends by itself as a failure). */
const DEFAULT_MAX_RECEIPTS = 1_000_000;

const [file, backupDir, migrationsDir, machineId, userId, maxText] = process.argv.slice(2);
if (file === undefined || backupDir === undefined || migrationsDir === undefined || machineId === undefined || userId === undefined) {
  throw new Error(USAGE);
}
const maxReceipts = maxText === undefined ? DEFAULT_MAX_RECEIPTS : Number(maxText);
// The system clock, as at a real counter: the parent set the office up at the real time too.
const database = openOfficeDatabase({ file, backupDir, migrationsDir, clock: systemClock, logger: memoryLogger() });
const deps = { sqlite: database.sqlite, clock: systemClock, machineId };
writeSync(STDOUT_FD, 'ready\n');
for (let i = 0; i < maxReceipts; i += 1) {
  const request = createRequest(deps, DEFAULT_CATALOG, userId, { payerName: 'นายทดสอบ ไฟดับ', revenueCode: '804001', amountSatang: 10_000 + (i % 1_000) });
  const receipt = issueReceipt(deps, DEFAULT_CATALOG, { userId }, request.ref1, { method: 'cash' });
  writeSync(STDOUT_FD, `${receipt.receiptBook}/${receipt.receiptNo}\n`);
}
database.close();
