import { join } from 'node:path';
import { openOfficeDatabase, type OfficeDatabase } from '../../src-main/db/open';
import type { LedgerDeps } from '../../src-main/ledger/action';
import { issueReceipt } from '../../src-main/ledger/receipts';
import { createRequest, DEFAULT_CATALOG } from '../../src-main/ledger/requests';
import { setUpOffice } from '../../src-main/office/office-service';
import type { Clock } from '../../src-main/platform/clock';
import { memoryLogger } from '../../src-main/platform/logger';
import { addUser } from '../../src-main/users/user-service';
import { PASSWORD, SETUP_INPUT } from './office';

/** One office terminal for sync tests: its database through the real services, an admin and a supervisor. */
export interface SyncTerminal {
  readonly database: OfficeDatabase;
  readonly deps: LedgerDeps;
  readonly adminId: string;
  readonly supervisorId: string;
  readonly slot: number;
  close(): void;
}

export async function setUpSyncTerminal(dir: string, slot: number, clock: Clock, place = SETUP_INPUT.office.place): Promise<SyncTerminal> {
  const machineId = `sync-test-machine-${place}-${slot}`;
  const database = openOfficeDatabase({ file: join(dir, 'ebill.sqlite'), backupDir: join(dir, 'backups'), clock, logger: memoryLogger() });
  const { admin } = await setUpOffice(database.db, clock, machineId, 'test', { office: { ...SETUP_INPUT.office, place }, terminalSlot: slot, isTraining: false, isDemo: false, admin: SETUP_INPUT.admin });
  const supervisor = await addUser(database.db, clock, { username: 'supervisor', fullNameTh: 'นางสาวสมหญิง หัวหน้า', positionTh: 'ปลัดอำเภอ', role: 'supervisor', password: PASSWORD }, admin.id);
  return { database, deps: { sqlite: database.sqlite, clock, machineId }, adminId: admin.id, supervisorId: supervisor.id, slot, close: () => database.close() };
}

/** Issues `count` cash receipts (request + receipt: two ledger entries each); returns their total in satang. */
export function issueCashReceipts(t: SyncTerminal, count: number, amountOf = (i: number) => 10_000 + (i % 997)): number {
  let total = 0;
  for (let i = 0; i < count; i += 1) {
    const amountSatang = amountOf(i);
    const request = createRequest(t.deps, DEFAULT_CATALOG, t.adminId, { payerName: 'นายทดสอบ ส่งข้อมูล', revenueCode: '804001', amountSatang });
    issueReceipt(t.deps, DEFAULT_CATALOG, { userId: t.adminId }, request.ref1, { method: 'cash' });
    total += amountSatang;
  }
  return total;
}

/** Sum of this terminal's receipts as its own database has them. */
export function localReceiptsSatang(t: SyncTerminal): number {
  return (t.database.sqlite.prepare('SELECT coalesce(sum(amount_satang), 0) AS s FROM receipts').get() as { s: number }).s;
}
