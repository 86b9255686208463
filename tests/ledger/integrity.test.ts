import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOfficeHost } from '../../src-main/host/office-host';
import { verifyLedger } from '../../src-main/ledger/verify';
import { dataPaths } from '../../src-main/platform/paths';
import { canonicalJson } from '../../src-shared/canonical-json';
import Database from 'better-sqlite3';
import { canonicalEntryText, chainRowsSql, GENESIS_HASH, HASH_HEX_SQL, readEntriesForSync } from '../../src-main/ledger/chain';
import { PAYLOAD_TABLES } from '../../src-main/ledger/entry-payloads';
import { verifyRangesInWorkers, verifyThreads } from '../../src-main/ledger/parallel-hashes';
import { APPEND_ONLY_TABLES } from '../../src-main/db/append-only';
import { completenessOf } from '../../src-main/sync/client';
import { client, expectOk, PASSWORD } from '../helpers/office';
import { LEDGER_TABLES, REQUEST, expectRefused, makeLedgerOffice, type LedgerOffice } from './ledger-helpers';

let office: LedgerOffice;
beforeEach(async () => {
  office = await makeLedgerOffice();
});
afterEach(() => office.close());

const sqlite = () => office.host.services.database.sqlite;

describe('time: no back-dating', () => {
  it('refuses to issue when the clock is earlier than the last entry, records the refusal, and a supervisor can acknowledge a corrected clock', async () => {
    const { ref1 } = await office.cashReceipt();
    const request = await office.as(office.operator, 'request.create', REQUEST);
    office.clock.advanceMs(-2 * 3_600_000);
    await expectRefused(office, office.operator, 'receipt.issue', { ref1: request.ref1, payment: { method: 'cash' } }, 'CLOCK_BEHIND');
    await expectRefused(office, office.operator, 'request.create', REQUEST, 'CLOCK_BEHIND');
    const refusals = sqlite().prepare(`SELECT action FROM audit_log WHERE code = 'CLOCK_BEHIND'`).all();
    expect(refusals).toEqual([{ action: 'receipt.issue' }, { action: 'request.create' }]);
    expect((await office.call(office.operator, 'clock.acknowledge', { reasonText: 'แก้เวลาเครื่องแล้ว' })).ok).toBe(false);
    const ack = await office.as(office.supervisor, 'clock.acknowledge', { reasonText: 'ตั้งเวลาเครื่องให้ถูกต้องแล้ว' });
    expect(ack.previousEntryAtMs - ack.acknowledgedAtMs).toBeGreaterThan(3_600_000);
    await office.as(office.operator, 'receipt.issue', { ref1: request.ref1, payment: { method: 'cash' } });
    expect(verifyLedger(sqlite()).problems).toEqual([]);
    expect(ref1).not.toBe(request.ref1);
  });

  it('a small step back within the tolerance is not a refusal, and there is nothing to acknowledge', async () => {
    await office.cashReceipt();
    office.clock.advanceMs(-30_000);
    await office.cashReceipt();
    await expectRefused(office, office.supervisor, 'clock.acknowledge', { reasonText: 'ไม่มี' }, 'BAD_INPUT');
  });
});

describe('numbers are bound to the machine', () => {
  it('a database copied onto another machine refuses to issue until an administrator binds it to a new free slot', async () => {
    await office.cashReceipt();
    const copyDir = mkdtempSync(join(tmpdir(), 'ebill-copy-'));
    try {
      sqlite().pragma('wal_checkpoint(TRUNCATE)');
      copyFileSync(dataPaths(office.dataDir).databaseFile, dataPaths(copyDir).databaseFile);
      const other = createOfficeHost({ dataDir: copyDir, clock: office.clock, logger: office.logger, machineId: 'another-machine', appVersion: 'test', idleTimeoutMs: 86_400_000 });
      try {
        const operator = client('copy-operator');
        const admin = client('copy-admin');
        await expectOk(other.call(operator, 'session.login', { username: 'operator', password: PASSWORD }));
        await expectOk(other.call(admin, 'session.login', { username: 'admin', password: PASSWORD }));
        const refused = await other.call(operator, 'request.create', REQUEST);
        expect(refused).toMatchObject({ ok: false, error: { code: 'MACHINE_MISMATCH' } });
        expect(await other.call(admin, 'terminal.rebind', { terminalSlot: 1, reasonText: 'กู้คืนบนเครื่องใหม่' })).toMatchObject({ ok: false, error: { code: 'SLOT_IN_USE' } });
        expect(await other.call(operator, 'terminal.rebind', { terminalSlot: 2, reasonText: 'x' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(await expectOk(other.call(admin, 'terminal.rebind', { terminalSlot: 2, reasonText: 'กู้คืนบนเครื่องใหม่' }))).toEqual({ terminalSlot: 2, previousSlot: 1 });
        const request = (await expectOk(other.call(operator, 'request.create', REQUEST))) as { ref1: string };
        expect(request.ref1.slice(9, 10)).toBe('2');
        const receipt = (await expectOk(other.call(operator, 'receipt.issue', { ref1: request.ref1, payment: { method: 'cash' } }))) as { receiptBook: string; receiptNo: number };
        expect(receipt).toMatchObject({ receiptBook: 'E70-5401-2', receiptNo: 1 });
        expect(verifyLedger(other.services.database.sqlite).problems).toEqual([]);
      } finally {
        other.close();
      }
      // The original machine still issues under slot 1.
      expect((await office.cashReceipt()).book).toBe('E70-5401-1');
    } finally {
      rmSync(copyDir, { recursive: true, force: true });
    }
  });
});

describe('the ledger is append-only and hash-chained', () => {
  // The ledger's own append-only tables that these actions fill (other features test theirs, e.g. tests/bank).
  const LEDGER_ONLY = APPEND_ONLY_TABLES.filter((t) => LEDGER_TABLES.includes(t) && !['terminal_binding', 'approval_keys'].includes(t));

  it.each(LEDGER_ONLY)('UPDATE and DELETE on %s are refused by the database', async (table) => {
    const { book, number } = await office.cashReceipt();
    await office.as(office.supervisor, 'receipt.cancel', { book, number, reasonCode: 'other', reasonText: 'ทดสอบ' });
    const { ref1 } = await office.cashReceipt();
    await office.as(office.supervisor, 'request.create', REQUEST).then((r) => office.as(office.supervisor, 'request.cancel', { ref1: r.ref1, reasonCode: 'other', reasonText: 'ทดสอบ' }));
    await office.as(office.operator, 'request.create', REQUEST).then((r) =>
      office.as(office.operator, 'payment.recordEvidence', { ref1: r.ref1, bankCode: '006', paidAtMs: office.clock.nowMs(), bankReference: 'R1', amountSatang: 150_000 }),
    );
    expect(ref1).toBeTruthy();
    expect(office.count(table)).toBeGreaterThan(0);
    expect(() => sqlite().prepare(`UPDATE ${table} SET rowid = rowid`).run()).toThrow(/append-only/);
    expect(() => sqlite().prepare(`DELETE FROM ${table}`).run()).toThrow(/append-only/);
  });

  it('counters only move up by one and are never deleted; a book cannot skip a number; a bill cannot get a second receipt in force', async () => {
    const { ref1, book } = await office.cashReceipt();
    expect(() => sqlite().prepare(`UPDATE number_counters SET last_value = last_value - 1`).run()).toThrow(/only moves up by one/);
    expect(() => sqlite().prepare(`UPDATE number_counters SET last_value = last_value + 5`).run()).toThrow(/only moves up by one/);
    expect(() => sqlite().prepare(`DELETE FROM number_counters`).run()).toThrow(/never deleted/);
    const unpaid = await office.as(office.operator, 'request.create', REQUEST);
    const unpaidBill = (sqlite().prepare('SELECT id FROM bills WHERE ref1 = ?').get(unpaid.ref1) as { id: string }).id;
    const copy = (number: number, id: string, billId: string | null = null) =>
      sqlite()
        .prepare(`INSERT INTO receipts SELECT '${id}', book, ${number}, is_paper, business_date, request_id, coalesce(${billId === null ? 'NULL' : `'${billId}'`}, bill_id), payer_name, payer_id, items, revenue_code, amount_satang, method, method_detail, payment_confirmation_id, receiver_user_id, receiver_name_th, receiver_position_th, issued_at_ms, entry_seq FROM receipts WHERE book = ?`)
        .run(book);
    expect(() => copy(3, 'gap', unpaidBill)).toThrow(/without gaps/);
    expect(() => copy(2, 'second')).toThrow(/already has a receipt that is not cancelled/);
    expect(ref1).toBeTruthy();
  });

  it('an entry that does not follow the head of the chain is refused by the database', async () => {
    await office.cashReceipt();
    expect(() => sqlite().prepare(`INSERT INTO ledger_entries SELECT seq + 5, id || 'x', kind, payload_version, at_ms, business_date, place, terminal_slot, user_id, payload, hash FROM ledger_entries ORDER BY seq DESC LIMIT 1`).run()).toThrow(/follow the head/);
  });

  it('every entry has its outbox row in the same transaction, in sequence order; an outbox row names an entry', async () => {
    await office.cashReceipt();
    await office.cashReceipt();
    const rows = sqlite().prepare(`SELECT l.seq FROM ledger_entries l JOIN outbox o ON o.seq = l.seq ORDER BY l.seq`).all();
    expect(rows).toEqual([1, 2, 3, 4].map((seq) => ({ seq })));
    expect(() => sqlite().prepare(`INSERT INTO outbox (seq) VALUES (99)`).run()).toThrow(/names an entry that exists/);
  });

  it('an entry carrying its rows stores no payload; the text rebuilt from the rows is RFC 8785 canonical JSON, hashed as stored', async () => {
    await office.cashReceipt();
    const stored = sqlite().prepare(`SELECT kind, payload FROM ledger_entries ORDER BY seq`).all();
    expect(stored).toEqual([{ kind: 'request.created', payload: null }, { kind: 'receipt.issued', payload: null }]);
    const [request, receipt] = readEntriesForSync(sqlite(), 1, 2);
    for (const entry of [request, receipt]) {
      expect(entry).toBeDefined();
      const { payloadText, hash, ...rest } = entry!;
      expect(canonicalJson(JSON.parse(payloadText))).toBe(payloadText);
      expect(canonicalEntryText(rest, payloadText)).toBe(canonicalJson({ ...rest, payload: JSON.parse(payloadText) as unknown }));
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
    }
    const payload = JSON.parse(request!.payloadText) as { request: Record<string, unknown>; bill: Record<string, unknown> };
    expect(payload.request).toMatchObject({ payerName: REQUEST.payerName, isManualFineEntry: expect.any(Boolean), entrySeq: 1 });
    expect(payload.bill['ref1']).toBe((sqlite().prepare('SELECT ref1 FROM bills').get() as { ref1: string }).ref1);
    expect(JSON.parse(receipt!.payloadText)).toMatchObject({ receipt: { isPaper: false, method: 'cash', number: 1 } });
  });

  it.each(PAYLOAD_TABLES.map((p) => [p.table, p] as const))('payload version 1 of %s names every column of the table (a new column needs a new payload version)', (table, part) => {
    const columns = (sqlite().prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name).sort();
    expect(part.columns.map((c) => c.column).sort()).toEqual(columns);
  });
});

describe('ledger verify finds the first broken entry', () => {
  function tamper(sql: string, triggers: string[]): ReturnType<typeof verifyLedger> {
    for (const trigger of triggers) sqlite().prepare(`DROP TRIGGER ${trigger}`).run();
    sqlite().prepare(sql).run();
    return verifyLedger(sqlite());
  }

  beforeEach(async () => {
    for (let i = 0; i < 3; i += 1) await office.cashReceipt();
  });

  it('an intact ledger verifies', async () => {
    const report = await office.as(office.auditor, 'ledger.verify', {});
    expect(report).toMatchObject({ entries: 6, problems: [] });
    expect(report.headHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('an amount altered behind the triggers’ back is found: the receipt no longer hashes to its entry', () => {
    const report = tamper(`UPDATE receipts SET amount_satang = 100 WHERE number = 2`, ['receipts_no_update']);
    expect(report.problems[0]).toMatchObject({ seq: 4, rule: 'hash-chain' });
    expect(report.problems[0]?.detail).toMatch(/receipts rows it wrote/);
    expect(report.entries).toBe(3);
  });

  it('an altered entry breaks the chain at that entry', () => {
    const report = tamper(`UPDATE ledger_entries SET at_ms = at_ms - 1 WHERE seq = 3`, ['ledger_entries_no_update']);
    expect(report.problems[0]).toMatchObject({ seq: 3, rule: 'hash-chain' });
  });

  it('a row added for an entry behind the triggers’ back is found (it belongs to no entry)', () => {
    const report = tamper(
      `INSERT INTO payment_confirmations SELECT 'forged', id, 'bank-file', '006', created_at_ms, 'R1', amount_satang, NULL, created_at_ms, 3 FROM bills WHERE entry_seq = 1`,
      [],
    );
    expect(report.problems).toContainEqual(expect.objectContaining({ seq: 3, rule: 'rows-match-entries', detail: expect.stringMatching(/payment_confirmations row forged was not written by any ledger entry: it names entry 3 \(request.created\)/) }));
  });

  it('a deleted receipt is found missing and the book has a gap', () => {
    const report = tamper(`DELETE FROM receipts WHERE number = 2`, ['receipts_no_delete']);
    const rules = report.problems.map((p) => p.rule);
    expect(rules).toContain('rows-match-entries');
    expect(rules).toContain('gapless-books');
  });

  it('a deleted outbox row is found', () => {
    const report = tamper(`DELETE FROM outbox WHERE seq = 5`, ['outbox_no_delete']);
    expect(report.problems[0]).toMatchObject({ seq: 5, rule: 'hash-chain' });
  });

  it('a back-dated receipt (its date changed) is found', () => {
    const report = tamper(`UPDATE receipts SET business_date = '2026-11-01' WHERE number = 3`, ['receipts_no_update']);
    const rules = report.problems.map((p) => p.rule);
    expect(rules).toContain('receipt-date-is-issue-date');
  });
});

describe('ledger_days: the first entry of each business date (0020)', () => {
  const DAY_MS = 24 * 3_600_000;

  /** What completeness must say, counted the slow way over every entry. */
  function countedByHand(entries: readonly { seq: number; businessDate: string; kind: string }[], day: string, upToSeq: number): { n: number; satang: number } {
    const amounts = new Map((sqlite().prepare('SELECT entry_seq AS seq, amount_satang AS a FROM receipts').all() as { seq: number; a: number }[]).map((r) => [r.seq, r.a]));
    const ofDay = entries.filter((e) => e.businessDate === day && e.seq <= upToSeq);
    return { n: ofDay.length, satang: ofDay.filter((e) => e.kind === 'receipt.issued').reduce((sum, e) => sum + (amounts.get(e.seq) ?? 0), 0) };
  }

  it('completeness counts a day exactly, also when a corrected clock put another day between its entries', async () => {
    await office.cashReceipt({ amountSatang: 10_000 });
    await office.cashReceipt({ amountSatang: 20_000 });
    office.clock.advanceMs(DAY_MS);
    await office.cashReceipt({ amountSatang: 40_000 });
    // The clock was a day ahead: set back and acknowledged, the first day goes on after the second.
    office.clock.advanceMs(-DAY_MS + 60_000);
    await office.as(office.supervisor, 'clock.acknowledge', { reasonText: 'ตั้งเวลาเครื่องให้ถูกต้องแล้ว' });
    await office.cashReceipt({ amountSatang: 80_000 });
    const entries = readEntriesForSync(sqlite(), 1, 1_000);
    const days = [...new Set(entries.map((e) => e.businessDate))];
    expect(days).toHaveLength(2);
    const firstDay = entries[0]?.businessDate ?? '';
    expect(entries.filter((e) => e.businessDate === firstDay).map((e) => e.seq)).not.toEqual(entries.slice(0, 6).map((e) => e.seq));
    expect(sqlite().prepare('SELECT business_date AS d, first_seq AS s FROM ledger_days ORDER BY first_seq').all()).toEqual(
      days.map((d) => ({ d, s: entries.find((e) => e.businessDate === d)?.seq })),
    );
    // Every prefix of the chain, as push sends it batch by batch.
    for (let upTo = 1; upTo <= entries.length; upTo += 1) {
      for (const day of completenessOf({ sqlite: sqlite() }, entries.slice(0, upTo))) {
        expect({ n: day.entryCount, satang: day.receiptsSatang }).toEqual(countedByHand(entries, day.businessDate, day.lastSeq));
      }
    }
    const last = completenessOf({ sqlite: sqlite() }, entries).find((d) => d.businessDate === firstDay);
    expect(last?.receiptsSatang).toBe(110_000);
    expect(verifyLedger(sqlite()).problems).toEqual([]);
  });

  it('a ledger_days row changed behind the triggers’ back is found by verify', async () => {
    await office.cashReceipt();
    sqlite().prepare('DROP TRIGGER ledger_days_no_update').run();
    sqlite().prepare('UPDATE ledger_days SET first_seq = first_seq + 1').run();
    expect(verifyLedger(sqlite()).problems).toContainEqual(expect.objectContaining({ rule: 'ledger-days-match-entries', detail: expect.stringMatching(/first entry 1, ledger_days says 2/) }));
  });

  it('refuses a bill not written by its request’s entry (one bill per request follows from it)', async () => {
    await office.cashReceipt();
    const count = (): number => (sqlite().prepare('SELECT count(*) AS n FROM bills').get() as { n: number }).n;
    const before = count();
    expect(() =>
      sqlite()
        .prepare(`INSERT INTO bills (id, request_id, ref1, ref2, due_date, amount_satang, created_at_ms, entry_seq) SELECT 'second', request_id, '100540169999999', ref2, due_date, amount_satang, created_at_ms, 2 FROM bills`)
        .run(),
    ).toThrow(/written by the entry of its request/);
    expect(count()).toBe(before);
  });

  it('refuses a receipt row without its entry (entry_seq is the rowid: SQLite would number it)', async () => {
    await office.cashReceipt();
    const count = (): number => (sqlite().prepare('SELECT count(*) AS n FROM receipts').get() as { n: number }).n;
    const before = count();
    expect(() =>
      sqlite()
        .prepare(
          `INSERT INTO receipts (id, book, number, is_paper, business_date, request_id, bill_id, payer_name, payer_id, items, revenue_code, amount_satang, method, receiver_user_id, receiver_name_th, receiver_position_th, issued_at_ms)
           SELECT 'forged', 'P-1', 1, 1, business_date, NULL, NULL, payer_name, payer_id, items, revenue_code, amount_satang, method, receiver_user_id, receiver_name_th, receiver_position_th, issued_at_ms FROM receipts`,
        )
        .run(),
    ).toThrow(/names its ledger entry/);
    expect(count()).toBe(before);
  });
});

describe('ledger verify on several threads (parallel-hashes.ts)', () => {
  const ALWAYS = { parallelFromEntries: 1 } as const;
  beforeEach(async () => {
    for (let i = 0; i < 5; i += 1) await office.cashReceipt();
  });

  it('an intact ledger verifies the same on worker threads as on one thread', () => {
    const rangeSql = chainRowsSql('WHERE l.seq BETWEEN ? AND ?');
    const hashAt = (seq: number): string => (sqlite().prepare(`SELECT ${HASH_HEX_SQL} AS h FROM ledger_entries WHERE seq = ?`).get(seq) as { h: string }).h;
    // The workers themselves answer (not the one-thread fallback): every range holds.
    expect(verifyRangesInWorkers(sqlite(), rangeSql, [{ fromSeq: 1, toSeq: 5, prevHash: GENESIS_HASH }, { fromSeq: 6, toSeq: 10, prevHash: hashAt(5) }])).toBe(true);
    // A range that starts from the wrong hash does not hold.
    expect(verifyRangesInWorkers(sqlite(), rangeSql, [{ fromSeq: 6, toSeq: 10, prevHash: hashAt(4) }])).toBe(false);
    // A range that runs past the head does not hold (a missing entry is a gap).
    expect(verifyRangesInWorkers(sqlite(), rangeSql, [{ fromSeq: 6, toSeq: 11, prevHash: hashAt(5) }])).toBe(false);
    expect(verifyLedger(sqlite(), ALWAYS)).toEqual(verifyLedger(sqlite()));
    expect(verifyLedger(sqlite(), ALWAYS)).toMatchObject({ entries: 10, problems: [] });
  });

  it('a break found on worker threads is reported exactly as on one thread', () => {
    sqlite().prepare('DROP TRIGGER receipts_no_update').run();
    sqlite().prepare('UPDATE receipts SET payer_name = ? WHERE number = 4').run('นายแก้ไข ภายหลัง');
    const parallel = verifyLedger(sqlite(), ALWAYS);
    expect(parallel).toEqual(verifyLedger(sqlite()));
    expect(parallel.problems[0]).toMatchObject({ seq: 8, rule: 'hash-chain' });
    expect(parallel.entries).toBe(7);
  });

  it('a database in memory is verified on one thread (workers cannot open it)', () => {
    const memory = new Database(':memory:');
    expect(verifyThreads(memory, 1_000_000)).toBe(1);
    memory.close();
  });
});
