import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openOfficeDatabase, type OfficeDatabase } from '../../src-main/db/open';
import { readEntriesForSync } from '../../src-main/ledger/chain';
import { issueReceipt } from '../../src-main/ledger/receipts';
import { createRequest, DEFAULT_CATALOG } from '../../src-main/ledger/requests';
import { verifyLedger } from '../../src-main/ledger/verify';
import { manualClock } from '../../src-main/platform/clock';
import { memoryLogger } from '../../src-main/platform/logger';
import { MACHINE_ID } from '../helpers/office';

/** A database written before the ledger was compacted (tests/fixtures/ledger/README.md). */
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'ledger', '0003-ledger.sqlite');
const FIXTURE_ENTRIES = 14;

let dir: string;
let database: OfficeDatabase;
let clock: ReturnType<typeof manualClock>;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ebill-upgrade-'));
  copyFileSync(FIXTURE, join(dir, 'ebill.sqlite'));
  clock = manualClock(Date.UTC(2026, 11, 1, 3, 0, 0));
  database = openOfficeDatabase({ file: join(dir, 'ebill.sqlite'), backupDir: join(dir, 'backups'), clock, logger: memoryLogger() });
});
afterEach(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a ledger written before the compaction (migrations 0004, 0005)', () => {
  it('verifies after the upgrade: the stored payloads are exactly the rows rebuilt, and the chain is intact', () => {
    const report = verifyLedger(database.sqlite);
    expect(report).toMatchObject({ entries: FIXTURE_ENTRIES, problems: [] });
    const stored = database.sqlite.prepare(`SELECT count(*) AS n FROM ledger_entries WHERE payload IS NOT NULL`).get();
    expect(stored).toEqual({ n: FIXTURE_ENTRIES });
    expect(readEntriesForSync(database.sqlite, 1, FIXTURE_ENTRIES).map((e) => e.seq)).toEqual(Array.from({ length: FIXTURE_ENTRIES }, (_v, i) => i + 1));
  });

  it('a row changed after the upgrade no longer matches the payload its old entry stored', () => {
    database.sqlite.exec(`DROP TRIGGER receipts_no_update; UPDATE receipts SET payer_name = 'นายแก้ ชื่อ' WHERE number = 2`);
    const report = verifyLedger(database.sqlite);
    expect(report.problems[0]).toMatchObject({ rule: 'rows-match-entries', detail: expect.stringMatching(/differ from the payload it recorded/) });
  });

  it('keeps issuing on the same chain, new entries storing no payload', () => {
    const deps = { sqlite: database.sqlite, clock, machineId: MACHINE_ID };
    const operator = database.sqlite.prepare(`SELECT id FROM users WHERE username = 'operator'`).get() as { id: string };
    const request = createRequest(deps, DEFAULT_CATALOG, operator.id, { payerName: 'นายหลัง ปรับปรุง', revenueCode: '804001', amountSatang: 20_000 });
    const receipt = issueReceipt(deps, DEFAULT_CATALOG, { userId: operator.id }, request.ref1, { method: 'cash' });
    expect(receipt.receiptNo).toBe(5);
    const newest = database.sqlite.prepare(`SELECT seq, payload FROM ledger_entries WHERE seq > ? ORDER BY seq`).all(FIXTURE_ENTRIES);
    expect(newest).toEqual([
      { seq: FIXTURE_ENTRIES + 1, payload: null },
      { seq: FIXTURE_ENTRIES + 2, payload: null },
    ]);
    expect(verifyLedger(database.sqlite)).toMatchObject({ entries: FIXTURE_ENTRIES + 2, problems: [] });
  });
});
