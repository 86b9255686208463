// The child of the crash test: issues cash receipts in a loop on one office database and reports
// each committed receipt number on stdout (one line, written synchronously after the commit).
// Bundled by crash.test.ts with esbuild so that 200 restarts stay fast.
import { writeSync } from 'node:fs';
import { openOfficeDatabase } from '../../src-main/db/open';
import { issueReceipt } from '../../src-main/ledger/receipts';
import { createRequest, DEFAULT_CATALOG } from '../../src-main/ledger/requests';
import { systemClock } from '../../src-main/platform/clock';
import { memoryLogger } from '../../src-main/platform/logger';

const [file, backupDir, migrationsDir, machineId, userId, limitText] = process.argv.slice(2);
if (file === undefined || backupDir === undefined || migrationsDir === undefined || machineId === undefined || userId === undefined) {
  throw new Error('usage: issue-loop FILE BACKUP_DIR MIGRATIONS_DIR MACHINE_ID USER_ID [LIMIT]');
}
const database = openOfficeDatabase({ file, backupDir, migrationsDir, clock: systemClock, logger: memoryLogger() });
const deps = { sqlite: database.sqlite, clock: systemClock, machineId };
const limit = Number(limitText ?? '1000000');
writeSync(1, 'ready\n');
for (let i = 0; i < limit; i += 1) {
  const request = createRequest(deps, DEFAULT_CATALOG, userId, { payerName: 'นายทดสอบ ไฟดับ', revenueCode: '804001', amountSatang: 10_000 + i });
  const receipt = issueReceipt(deps, DEFAULT_CATALOG, { userId }, request.ref1, { method: 'cash' });
  writeSync(1, `${receipt.receiptNo}\n`);
}
database.close();
