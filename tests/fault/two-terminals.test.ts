import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOfficeDatabase, type OfficeDatabase } from '../../src-main/db/open';
import type { LedgerDeps } from '../../src-main/ledger/action';
import { issueReceipt } from '../../src-main/ledger/receipts';
import { createRequest, DEFAULT_CATALOG } from '../../src-main/ledger/requests';
import { rebindTerminal } from '../../src-main/ledger/terminal';
import { verifyLedger } from '../../src-main/ledger/verify';
import { setUpOffice } from '../../src-main/office/office-service';
import { manualClock } from '../../src-main/platform/clock';
import { memoryLogger } from '../../src-main/platform/logger';
import type { CodedError } from '../../src-shared/result';
import { SETUP_INPUT } from '../helpers/office';

/**
 * Two terminals of office 5401, both offline, issue 10,000 receipts between them in interleaved
 * order: every Ref1, request number and book/number is distinct. A copy of one terminal's
 * database on a third PC issues nothing until re-bound to a slot it never used.
 * The databases live in /dev/shm when there is one: 20,000 fsynced commits on a shared CI disk
 * would dominate the run, and durability has its own test (crash.test.ts).
 */
const RECEIPTS = 10_000;
const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const clock = manualClock(Date.UTC(2026, 10, 23, 2));
let dir: string;

interface Terminal {
  readonly database: OfficeDatabase;
  readonly deps: LedgerDeps;
  readonly userId: string;
}

async function terminal(name: string, slot: number, machineId: string): Promise<Terminal> {
  const database = openOfficeDatabase({ file: join(dir, name, 'ebill.sqlite'), backupDir: join(dir, name, 'backups'), clock, logger: memoryLogger() });
  const { admin } = await setUpOffice(database.db, clock, machineId, 'test', { office: SETUP_INPUT.office, terminalSlot: slot, isTraining: false, isDemo: false, admin: SETUP_INPUT.admin });
  return { database, deps: { sqlite: database.sqlite, clock, machineId }, userId: admin.id };
}

function cashReceipt(t: Terminal, i: number): { ref1: string; requestNo: string; receipt: string } {
  const request = createRequest(t.deps, DEFAULT_CATALOG, t.userId, { payerName: 'นายทดสอบ สองเครื่อง', revenueCode: '804001', amountSatang: 100 + i });
  const receipt = issueReceipt(t.deps, DEFAULT_CATALOG, { userId: t.userId }, request.ref1, { method: 'cash' });
  return { ref1: request.ref1, requestNo: request.requestNo, receipt: `${receipt.receiptBook}/${receipt.receiptNo}` };
}

let one: Terminal;
let two: Terminal;
beforeAll(async () => {
  dir = mkdtempSync(join(base, 'ebill-two-terminals-'));
  one = await terminal('one', 1, 'machine-one');
  two = await terminal('two', 2, 'machine-two');
});
afterAll(() => {
  one.database.close();
  two.database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('two terminals of one office, offline', () => {
  it(`issue ${RECEIPTS} receipts in interleaved order with every number distinct and each book gapless`, () => {
    const issued: ReturnType<typeof cashReceipt>[] = [];
    for (let i = 0; i < RECEIPTS; i += 1) {
      clock.advanceMs(1_000);
      issued.push(cashReceipt(Math.random() < 0.5 ? one : two, i));
    }
    for (const key of ['ref1', 'requestNo', 'receipt'] as const) expect(new Set(issued.map((r) => r[key])).size).toBe(RECEIPTS);
    for (const t of [one, two]) {
      const books = t.database.sqlite.prepare('SELECT book, count(*) AS n, max(number) AS hi FROM receipts GROUP BY book').all() as { book: string; n: number; hi: number }[];
      for (const book of books) expect(book.hi).toBe(book.n);
      expect(verifyLedger(t.database.sqlite).problems).toEqual([]);
    }
  }, 300_000);

  it('a copy of a terminal’s database on another PC refuses to issue until re-bound to a free slot, then collides with nothing', () => {
    const copyFile = join(dir, 'copy', 'ebill.sqlite');
    mkdirSync(join(dir, 'copy'), { recursive: true });
    one.database.sqlite.prepare('VACUUM INTO ?').run(copyFile);
    const database = openOfficeDatabase({ file: copyFile, backupDir: join(dir, 'copy', 'backups'), clock, logger: memoryLogger() });
    try {
      const copy: Terminal = { database, deps: { sqlite: database.sqlite, clock, machineId: 'machine-three' }, userId: one.userId };
      const before = (database.sqlite.prepare('SELECT count(*) AS n FROM ledger_entries').get() as { n: number }).n;
      expect(() => cashReceipt(copy, 0)).toThrow(expect.objectContaining({ code: 'MACHINE_MISMATCH' }) as CodedError);
      expect(() => rebindTerminal(copy.deps, copy.userId, 1, 'restored on a third PC')).toThrow(expect.objectContaining({ code: 'SLOT_IN_USE' }) as CodedError);
      expect((database.sqlite.prepare('SELECT count(*) AS n FROM ledger_entries').get() as { n: number }).n).toBe(before);
      rebindTerminal(copy.deps, copy.userId, 3, 'restored on a third PC');
      const fromCopy = cashReceipt(copy, 1);
      expect(fromCopy.ref1.charAt(9)).toBe('3');
      expect(fromCopy.receipt).toBe('E70-5401-3/1');
      const taken = (t: Terminal) => (t.database.sqlite.prepare('SELECT ref1 FROM bills').all() as { ref1: string }[]).map((r) => r.ref1);
      expect([...taken(one), ...taken(two)]).not.toContain(fromCopy.ref1);
    } finally {
      database.close();
    }
  });
});
