import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centralBookList } from '../../src-main/books/central-books';
import { officeHolidayCalendar } from '../../src-main/close/holidays';
import { catalogInForce, catalogInForceOf } from '../../src-main/ledger/catalog-in-force';
import { createRequest, DEFAULT_CATALOG } from '../../src-main/ledger/requests';
import { verifyLedger } from '../../src-main/ledger/verify';
import { manualClock } from '../../src-main/platform/clock';
import { enrollTerminal } from '../../src-main/sync/client';
import { pullFromCentral } from '../../src-main/sync/pull';
import { DEFAULT_RETRY, type RetryPolicy } from '../../src-main/sync/retry';
import { createEnrollCode } from '../../src-server/enrollment';
import { flaggedUsers } from '../../src-server/feed';
import type { FeedBody } from '../../src-shared/sync';
import { ADMIN_TOKEN, startTestCentral, type CentralKind, type TestCentral } from '../helpers/central';
import { T0_MS } from '../helpers/office';
import { hasPostgres, NO_POSTGRES_MESSAGE } from '../helpers/postgres';
import { setUpSyncTerminal, type SyncTerminal } from '../helpers/sync-terminal';

/**
 * Pull of central's feed (issue 11): users' public data (approved centrally; a locally created user
 * is flagged at central until then), catalog, holiday calendar, payment confirmations from bank
 * files imported at the province, paper book assignments — each validated at central and again on
 * arrival, applied once however often pulled. On PGlite and on a real PostgreSQL.
 */
if (!hasPostgres) process.stderr.write(`${NO_POSTGRES_MESSAGE}\n`);
const kinds: CentralKind[] = hasPostgres ? ['pglite', 'postgres'] : ['pglite'];
const RETRY: RetryPolicy = { ...DEFAULT_RETRY, baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3 };
const HOLIDAYS_2027 = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'holidays', '2570.json'), 'utf8')) as unknown;
const FEE_TYPE = { revenueCode: '801001', nameTh: 'ค่าธรรมเนียมทดสอบ', nameEn: 'Test fee', fund: 'state-revenue', defaultAmountSatang: 2_000, active: true };

/** Every table the feed could touch, as JSON: "changes nothing" is this staying equal. */
function snapshot(t: SyncTerminal): string {
  const tables = ['users', 'central_users', 'central_catalog', 'central_holidays', 'central_payment_confirmations', 'central_book_assignments', 'payment_confirmations', 'ledger_entries', 'sync_pull_cursors', 'audit_log'];
  return JSON.stringify(tables.map((name) => t.deps.sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()));
}

describe.each(kinds)('feed pull on %s', (kind) => {
  const clock = manualClock(T0_MS);
  let central: TestCentral;
  let dir: string;
  let t: SyncTerminal;
  const publish = (place: string | null, items: FeedBody[]) =>
    central.app.fastify.inject({ method: 'POST', url: '/admin/feed', payload: JSON.stringify({ place, items }), headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` } });
  const user = (over: Partial<Extract<FeedBody, { stream: 'user' }>> = {}): FeedBody => ({
    stream: 'user',
    username: 'supervisor',
    fullNameTh: 'นางสาวสมหญิง หัวหน้า',
    positionTh: 'ปลัดอำเภอ',
    role: 'supervisor',
    isDisabled: false,
    orderRef: 'กค 0402/123',
    approvedAtMs: T0_MS,
    ...over,
  });

  beforeAll(async () => {
    central = await startTestCentral(kind, T0_MS);
    Object.defineProperty(central.clock, 'nowMs', { get: () => clock.nowMs(), set: () => undefined });
    const url = await central.app.fastify.listen({ port: 0, host: '127.0.0.1' });
    dir = mkdtempSync(join(tmpdir(), 'ebill-sync-feed-'));
    t = await setUpSyncTerminal(join(dir, 't1'), 1, clock);
    const { code } = await createEnrollCode(central.db, clock.nowMs(), '5401', 1);
    await enrollTerminal(t.deps, url, code, RETRY);
  }, 120_000);
  afterAll(async () => {
    t?.close();
    await central?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('users-approved-centrally: local users are flagged at central until approved; the approval reaches the local account once', async () => {
    const first = await pullFromCentral(t.deps, RETRY);
    expect(first.usersFlagged).toBe(2);
    expect((await flaggedUsers(central.db)).map((u) => [u.username, u.reason])).toEqual([
      ['admin', 'not-approved'],
      ['supervisor', 'not-approved'],
    ]);
    expect((await publish('5401', [user(), user({ username: 'operator2', fullNameTh: 'นายสมปอง ผู้ปฏิบัติ', role: 'operator' })])).json()).toEqual({ ok: true, value: { published: 2, duplicates: 0 } });
    const pulled = await pullFromCentral(t.deps, RETRY);
    expect(pulled.feed).toMatchObject({ users: 2 });
    expect(t.deps.sqlite.prepare(`SELECT role, is_disabled AS d, centrally_approved_at_ms AS a FROM users WHERE username = 'supervisor'`).get()).toEqual({ role: 'supervisor', d: 0, a: T0_MS });
    // An account only central knows is kept as public data, never created without its owner's password.
    expect(t.deps.sqlite.prepare(`SELECT count(*) AS n FROM users WHERE username = 'operator2'`).get()).toEqual({ n: 0 });
    expect(t.deps.sqlite.prepare(`SELECT username, role FROM central_users ORDER BY username`).all()).toEqual([
      { username: 'operator2', role: 'operator' },
      { username: 'supervisor', role: 'supervisor' },
    ]);
    expect(t.deps.sqlite.prepare(`SELECT channel, outcome FROM audit_log WHERE action = 'sync.userApproved'`).all()).toEqual([{ channel: 'system', outcome: 'ok' }]);
    await pullFromCentral(t.deps, RETRY);
    expect((await flaggedUsers(central.db)).map((u) => u.username)).toEqual(['admin']);

    // The same approval published again is a duplicate; pulled again, nothing changes.
    expect((await publish('5401', [user()])).json()).toEqual({ ok: true, value: { published: 0, duplicates: 1 } });
    const before = snapshot(t);
    expect(await pullFromCentral(t.deps, RETRY)).toMatchObject({ pulled: 0 });
    expect(snapshot(t)).toBe(before);

    // A newer version (the account disabled centrally) replaces the older.
    await publish('5401', [user({ isDisabled: true, orderRef: 'กค 0402/200' })]);
    expect((await pullFromCentral(t.deps, RETRY)).feed).toMatchObject({ users: 1 });
    expect(t.deps.sqlite.prepare(`SELECT is_disabled AS d FROM users WHERE username = 'supervisor'`).get()).toEqual({ d: 1 });
  });

  it('catalog-and-holidays: refused whole at central when invalid; valid ones pulled by every office, once', async () => {
    const badCatalog = await publish(null, [{ stream: 'catalog', version: 2, data: { feeTypes: [{ ...FEE_TYPE, revenueCode: '80' }] } }]);
    expect(badCatalog.statusCode).toBe(400);
    const wrongYear = await publish(null, [{ stream: 'holidays', calendarYear: 2026, data: HOLIDAYS_2027 }]);
    expect([wrongYear.statusCode, wrongYear.json<{ error: { message: string } }>().error.message]).toEqual([400, expect.stringContaining('another year')]);
    expect(await central.db.query(`SELECT cursor FROM feed_items WHERE stream IN ('catalog', 'holidays')`)).toEqual([]);

    const good = await publish(null, [
      { stream: 'catalog', version: 2, data: { feeTypes: [FEE_TYPE] } },
      { stream: 'holidays', calendarYear: 2027, data: HOLIDAYS_2027 },
    ]);
    expect(good.json()).toEqual({ ok: true, value: { published: 2, duplicates: 0 } });
    expect((await pullFromCentral(t.deps, RETRY)).feed).toMatchObject({ catalog: 1, holidays: 1 });
    expect(JSON.parse((t.deps.sqlite.prepare('SELECT data_json AS d FROM central_catalog WHERE version = 2').get() as { d: string }).d)).toEqual({ feeTypes: [FEE_TYPE] });
    expect(t.deps.sqlite.prepare('SELECT year FROM central_holidays').all()).toEqual([{ year: 2027 }]);
    // And in force: the pulled fee type is accepted (tests/sync/feed-in-force.test.ts has the rest).
    expect(catalogInForceOf(t.deps.sqlite).version).toBe(2);
    expect(createRequest(t.deps, catalogInForce(t.deps.sqlite), t.adminId, { payerName: 'นายทดสอบ ค่าธรรมเนียม', revenueCode: FEE_TYPE.revenueCode, amountSatang: 2_000 }).revenueCode).toBe(FEE_TYPE.revenueCode);
    expect(officeHolidayCalendar(t.deps.sqlite).years).toContain(2027);
  });

  it('payment-confirmations-from-the-province: a payment of a bill here is recorded through the ledger as source central, once; others are kept with their reason', async () => {
    const request = createRequest(t.deps, DEFAULT_CATALOG, t.adminId, { payerName: 'นายทดสอบ ชำระธนาคาร', revenueCode: '804001', amountSatang: 70_000 });
    const payment = (bankReference: string, amountSatang: number, ref1 = request.ref1): FeedBody => ({ stream: 'payment', ref1, bankCode: '006', bankReference, paidAtMs: T0_MS - 60_000, amountSatang, sourceFile: 'KTB-54-20261123.txt' });
    await publish('5401', [payment('KTB-1', 70_000), payment('KTB-2', 70_000), payment('KTB-3', 1_000, '101540169100099')]);
    await publish('5402', [payment('KTB-9', 70_000)]);
    expect((await pullFromCentral(t.deps, RETRY)).feed).toMatchObject({ payments: 3 });
    expect(t.deps.sqlite.prepare('SELECT bank_reference AS r, status FROM central_payment_confirmations ORDER BY bank_reference').all()).toEqual([
      { r: 'KTB-1', status: 'applied' },
      { r: 'KTB-2', status: 'already-confirmed' },
      { r: 'KTB-3', status: 'not-here' },
    ]);
    expect(t.deps.sqlite.prepare(`SELECT source, bank_reference AS r, amount_satang AS a FROM payment_confirmations`).all()).toEqual([{ source: 'central', r: 'KTB-1', a: 70_000 }]);
    expect(await pullFromCentral(t.deps, RETRY)).toMatchObject({ pulled: 0 });
    expect(t.deps.sqlite.prepare(`SELECT count(*) AS n FROM payment_confirmations`).get()).toEqual({ n: 1 });
    expect(verifyLedger(t.deps.sqlite).problems).toEqual([]);
  });

  it('paper-book-assignments: pulled by their office; a newer assignment replaces the older', async () => {
    await publish('5401', [{ stream: 'book', bookNo: 'P70-001', firstLeaf: 1, lastLeaf: 50, terminalSlot: null, assignedAtMs: T0_MS }]);
    await publish('5401', [{ stream: 'book', bookNo: 'P70-001', firstLeaf: 1, lastLeaf: 50, terminalSlot: 1, assignedAtMs: T0_MS + 1 }]);
    const refused = await publish('5401', [{ stream: 'book', bookNo: 'P70-002', firstLeaf: 50, lastLeaf: 1, terminalSlot: null, assignedAtMs: T0_MS }]);
    expect(refused.statusCode).toBe(400);
    await pullFromCentral(t.deps, RETRY);
    expect(t.deps.sqlite.prepare('SELECT book_no AS b, terminal_slot AS s FROM central_book_assignments').all()).toEqual([{ b: 'P70-001', s: 1 }]);
    // The books screen's list (book.centralList) reads what the pull stored: this terminal's book, not registered here yet.
    expect(centralBookList(t.deps.sqlite).assignments.map((x) => [x.bookNo, x.terminalSlot, x.state])).toEqual([['P70-001', 1, 'not-registered']]);
  });

  it('feed-checked-on-arrival: an item central should never have published is refused with SYNC_BAD_PULL and nothing changes', async () => {
    const body = JSON.stringify({ stream: 'holidays', calendarYear: 2028, data: { calendarYear: 2028, holidays: 'none' } });
    await central.db.query(`INSERT INTO feed_items (stream, place, item_key, body, body_sha256, published_at_ms) VALUES ('holidays', NULL, '2028', $1, 'x', 0)`, [body]);
    const before = snapshot(t);
    await expect(pullFromCentral(t.deps, RETRY)).rejects.toMatchObject({ code: 'SYNC_BAD_PULL' });
    expect(snapshot(t)).toBe(before);
  });
});
