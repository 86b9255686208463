import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOfficeDatabase, type OfficeDatabase } from '../../src-main/db/open';
import type { LedgerDeps } from '../../src-main/ledger/action';
import { issueReceipt } from '../../src-main/ledger/receipts';
import { createRequest, DEFAULT_CATALOG, type CreatedRequest } from '../../src-main/ledger/requests';
import { rebindTerminal } from '../../src-main/ledger/terminal';
import { verifyLedger } from '../../src-main/ledger/verify';
import { setUpOffice } from '../../src-main/office/office-service';
import { manualClock } from '../../src-main/platform/clock';
import { memoryLogger } from '../../src-main/platform/logger';
import type { CodedError } from '../../src-shared/result';
import { SETUP_INPUT, T0_MS } from '../helpers/office';

/**
 * Two terminals of office 5401 (slots 1 and 2, two machines), both offline, issue 10,000 cash
 * receipts between them in random interleaved order: every Ref1, request number and receipt
 * book/number is distinct across both, and each book is gapless (design.md "Identity and
 * numbering": unique by construction, no network). Then terminal 1's database file is copied to a
 * third PC (a cloned disk image): it issues nothing until an administrator re-binds it to a slot it
 * never used, and what it issues afterwards collides with nothing of terminals 1 and 2.
 *
 * Services in one process with a manual clock, not the CLI. The databases live in tmpfs (/dev/shm)
 * when there is one: measured on 2 cores, the 20,000 fsynced commits took ~29 s in os.tmpdir() on
 * disk and ~20 s in tmpfs; what is tested here is numbering, durability is crash.test.ts's.
 */
const RECEIPTS = 10_000;
/** Receipts the re-bound copy issues to show its numbers are new. */
const COPY_RECEIPTS = 100;
const ISSUE_TIMEOUT_MS = 180_000;
const PLACE = SETUP_INPUT.office.place;
const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const clock = manualClock(T0_MS);
let dir: string;

interface Terminal {
  readonly database: OfficeDatabase;
  readonly deps: LedgerDeps;
  readonly adminId: string;
}

interface Issued {
  readonly ref1: string;
  readonly requestNo: string;
  readonly receipt: string;
}

function open(name: string, machineId: string): { database: OfficeDatabase; deps: LedgerDeps } {
  const database = openOfficeDatabase({ file: join(dir, name, 'ebill.sqlite'), backupDir: join(dir, name, 'backups'), clock, logger: memoryLogger() });
  return { database, deps: { sqlite: database.sqlite, clock, machineId } };
}

async function setUpTerminal(name: string, slot: number, machineId: string): Promise<Terminal> {
  const { database, deps } = open(name, machineId);
  const { admin } = await setUpOffice(database.db, clock, machineId, 'test', { office: SETUP_INPUT.office, terminalSlot: slot, isTraining: false, isDemo: false, admin: SETUP_INPUT.admin });
  return { database, deps, adminId: admin.id };
}

function request(t: Terminal, i: number): CreatedRequest {
  return createRequest(t.deps, DEFAULT_CATALOG, t.adminId, { payerName: 'นายทดสอบ สองเครื่อง', revenueCode: '804001', amountSatang: 100 + i });
}

function cashReceipt(t: Terminal, i: number): Issued {
  const created = request(t, i);
  const receipt = issueReceipt(t.deps, DEFAULT_CATALOG, { userId: t.adminId }, created.ref1, { method: 'cash' });
  return { ref1: created.ref1, requestNo: created.requestNo, receipt: `${receipt.receiptBook}/${receipt.receiptNo}` };
}

/** Every number a terminal's database holds, whoever issued it. */
function numbersOf(t: Terminal): { ref1s: string[]; requestNos: string[]; receipts: string[] } {
  const { sqlite } = t.database;
  return {
    ref1s: sqlite.prepare('SELECT ref1 FROM bills').pluck().all() as string[],
    requestNos: sqlite.prepare('SELECT request_no FROM payment_requests').pluck().all() as string[],
    receipts: sqlite.prepare(`SELECT book || '/' || number FROM receipts`).pluck().all() as string[],
  };
}

/** Every table but the audit log and the migrations: "nothing changed" is this staying equal. */
function snapshot(t: Terminal): string {
  const { sqlite } = t.database;
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit_log', 'ebill_migrations') AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[];
  return JSON.stringify(tables.map((name) => [name, sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}

function expectGaplessBooks(t: Terminal, slots: readonly number[]): void {
  const books = t.database.sqlite.prepare('SELECT book, count(*) AS n, min(number) AS lo, max(number) AS hi FROM receipts GROUP BY book').all() as { book: string; n: number; lo: number; hi: number }[];
  expect(books.map((b) => Number(b.book.split('-')[2])).sort()).toEqual([...slots].sort());
  for (const b of books) expect(b).toEqual({ book: b.book, n: b.n, lo: 1, hi: b.n });
}

const codeOf = (code: string): CodedError => expect.objectContaining({ code }) as CodedError;

let one: Terminal;
let two: Terminal;
beforeAll(async () => {
  dir = mkdtempSync(join(base, 'ebill-two-terminals-'));
  one = await setUpTerminal('one', 1, 'machine-one');
  two = await setUpTerminal('two', 2, 'machine-two');
});
afterAll(() => {
  one.database.close();
  two.database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('two terminals of one office, offline', () => {
  it(
    `issue ${RECEIPTS} receipts in interleaved order: every Ref1, request number and book/number distinct, each book gapless`,
    () => {
      const issued: Issued[] = [];
      const bySlot = new Map<number, Issued[]>([
        [1, []],
        [2, []],
      ]);
      for (let i = 0; i < RECEIPTS; i += 1) {
        clock.advanceMs(1_000);
        const slot = Math.random() < 0.5 ? 1 : 2;
        const receipt = cashReceipt(slot === 1 ? one : two, i);
        issued.push(receipt);
        bySlot.get(slot)?.push(receipt);
      }
      for (const key of ['ref1', 'requestNo', 'receipt'] as const) expect(new Set(issued.map((r) => r[key])).size, `${key}s are distinct`).toBe(RECEIPTS);
      for (const [slot, receipts] of bySlot) {
        // Ref1 = type(1) sub-type(2) place(4) yy(2) slot(1) counter(5); book E{yy}-{place}-{slot}.
        expect(receipts.filter((r) => r.ref1.slice(3, 7) !== PLACE || r.ref1.charAt(9) !== String(slot))).toEqual([]);
        expect(receipts.filter((r) => !r.receipt.includes(`-${PLACE}-${slot}/`))).toEqual([]);
      }
      expect(bySlot.get(1)?.length ?? 0).toBeGreaterThan(RECEIPTS / 4);
      expect(bySlot.get(2)?.length ?? 0).toBeGreaterThan(RECEIPTS / 4);
      expectGaplessBooks(one, [1]);
      expectGaplessBooks(two, [2]);
      expect(verifyLedger(one.database.sqlite).problems).toEqual([]);
      expect(verifyLedger(two.database.sqlite).problems).toEqual([]);
    },
    ISSUE_TIMEOUT_MS,
  );

  it('a copy of terminal 1 on another PC issues nothing until re-bound to a slot it never used; then its numbers collide with nothing', () => {
    clock.advanceMs(1_000);
    const unpaid = request(one, RECEIPTS);
    // A cloned disk image: the file as it is on disk once the WAL is checkpointed into it.
    one.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    mkdirSync(join(dir, 'copy'));
    copyFileSync(join(dir, 'one', 'ebill.sqlite'), join(dir, 'copy', 'ebill.sqlite'));
    const opened = open('copy', 'machine-three');
    const copy: Terminal = { ...opened, adminId: one.adminId };
    try {
      const before = snapshot(copy);
      clock.advanceMs(1_000);
      expect(() => request(copy, 0)).toThrow(codeOf('MACHINE_MISMATCH'));
      expect(() => issueReceipt(copy.deps, DEFAULT_CATALOG, { userId: copy.adminId }, unpaid.ref1, { method: 'cash' })).toThrow(codeOf('MACHINE_MISMATCH'));
      expect(() => rebindTerminal(copy.deps, copy.adminId, 1, 'cloned onto a third PC')).toThrow(codeOf('SLOT_IN_USE'));
      expect(snapshot(copy), 'refusals change nothing').toBe(before);

      expect(rebindTerminal(copy.deps, copy.adminId, 3, 'cloned onto a third PC')).toEqual({ terminalSlot: 3, previousSlot: 1 });
      for (const slot of [1, 3]) expect(() => rebindTerminal(copy.deps, copy.adminId, slot, 'again')).toThrow(codeOf('SLOT_IN_USE'));
      const fromCopy: Issued[] = [];
      for (let i = 0; i < COPY_RECEIPTS; i += 1) {
        clock.advanceMs(1_000);
        fromCopy.push(cashReceipt(copy, i));
      }
      expect(fromCopy.filter((r) => r.ref1.charAt(9) !== '3' || !r.requestNo.startsWith(`${PLACE}/`) || r.requestNo.split('/')[2]?.charAt(0) !== '3')).toEqual([]);
      expect(fromCopy.map((r) => r.receipt.split('/')[1])).toEqual(fromCopy.map((_r, i) => String(i + 1)));
      expect(fromCopy.filter((r) => !/^E\d{2}-5401-3\/\d+$/.test(r.receipt))).toEqual([]);

      const taken = [numbersOf(one), numbersOf(two)];
      const ref1s = new Set(taken.flatMap((t) => t.ref1s));
      const requestNos = new Set(taken.flatMap((t) => t.requestNos));
      const receipts = new Set(taken.flatMap((t) => t.receipts));
      const collisions = fromCopy.filter((r) => ref1s.has(r.ref1) || requestNos.has(r.requestNo) || receipts.has(r.receipt));
      expect(collisions).toEqual([]);
      expectGaplessBooks(copy, [1, 3]);
      expect(verifyLedger(copy.database.sqlite).problems).toEqual([]);

      // The original goes on issuing under its own slot on its own machine.
      clock.advanceMs(1_000);
      expect(cashReceipt(one, RECEIPTS + 1).ref1.charAt(9)).toBe('1');
    } finally {
      copy.database.close();
    }
  });
});
