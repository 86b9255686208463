import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBankFile } from '../../src-main/bank/import';
import { bestConfirmation } from '../../src-main/ledger/bills';
import { createRequest, DEFAULT_CATALOG, type CreatedRequest } from '../../src-main/ledger/requests';
import { verifyLedger } from '../../src-main/ledger/verify';
import { setOfficeKind as setLocalOfficeKind } from '../../src-main/office/office-kind';
import { manualClock } from '../../src-main/platform/clock';
import { memoryLogger } from '../../src-main/platform/logger';
import { enrollTerminal, pushOutbox, readEnrollment } from '../../src-main/sync/client';
import { pendingProvincePayments, provincePaymentsBody, unsentProvincePayments } from '../../src-main/sync/province-payments';
import { pullFromCentral } from '../../src-main/sync/pull';
import { DEFAULT_RETRY, type RetryPolicy } from '../../src-main/sync/retry';
import { startBackgroundSync } from '../../src-main/sync/scheduler';
import { syncStatus } from '../../src-main/sync/status';
import { CentralRefusal, signedRequest } from '../../src-main/sync/transport';
import { createEnrollCode } from '../../src-server/enrollment';
import { publishFeed } from '../../src-server/feed';
import { setOfficeKind as registerOfficeKind } from '../../src-server/offices';
import { buildRef1, buildRef2 } from '../../src-shared/codes';
import { unwrap } from '../../src-shared/result';
import { provincePaymentsResponseSchema, type FeedBody } from '../../src-shared/sync';
import { ktb256File, type GenLine } from '../fixtures/bank/generate';
import { startTestCentral, type CentralKind, type TestCentral } from '../helpers/central';
import { T0_MS } from '../helpers/office';
import { hasPostgres, NO_POSTGRES_MESSAGE } from '../helpers/postgres';
import { setUpSyncTerminal, type SyncTerminal } from '../helpers/sync-terminal';

/**
 * Bill payments the provincial office imports from its province's KTB file, for the bills of a
 * district office (issue 11): kept in the province's send queue at import, sent to central after
 * the push, published there as `payment` feed items for the district once the sender is checked
 * against the office registry, and applied by the district's ordinary pull as a bank confirmation.
 * Three real office databases (province 5400, districts 5401 and 5402) and central in process, on
 * PGlite and on a real PostgreSQL.
 */
if (!hasPostgres) process.stderr.write(`${NO_POSTGRES_MESSAGE}\n`);
const kinds: CentralKind[] = hasPostgres ? ['pglite', 'postgres'] : ['pglite'];
const clock = manualClock(T0_MS);
const RETRY: RetryPolicy = { ...DEFAULT_RETRY, baseDelayMs: 1, maxDelayMs: 5, maxAttempts: 3 };
let central: TestCentral;
let url: string;
let dir: string;
let province: SyncTerminal;
let district: SyncTerminal;
let district2: SyncTerminal;

async function enrolled(place: string): Promise<SyncTerminal> {
  const t = await setUpSyncTerminal(join(dir, place), 1, clock, place);
  const { code } = await createEnrollCode(central.db, clock.nowMs(), place, 1);
  await enrollTerminal(t.deps, url, code, RETRY);
  return t;
}

const bill = (t: SyncTerminal, amountSatang = 25_000): CreatedRequest =>
  createRequest(t.deps, DEFAULT_CATALOG, t.adminId, { payerName: 'นายสมหมาย ทดสอบ', revenueCode: '804001', amountSatang });
const lineOf = (b: { ref1: string; ref2: string; amountSatang: number }, over: Partial<GenLine> = {}): GenLine => ({
  paymentDate: '2026-11-23',
  paymentTime: '08:45:10',
  customerName: 'นายสมหมาย ทดสอบ',
  ref1: b.ref1,
  ref2: b.ref2,
  amountSatang: b.amountSatang,
  ...over,
});
const importAtProvince = (lines: GenLine[]) => importBankFile({ db: province.database.db, ...province.deps }, province.adminId, ktb256File(lines));
const feedPayments = async () =>
  central.db.query<{ place: string; key: string }>(`SELECT place, item_key AS key FROM feed_items WHERE stream = 'payment' ORDER BY cursor`);
const refusalOf = async (promise: Promise<unknown>): Promise<string> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CentralRefusal)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error.error.code;
};
/** A bill of another province (place 5001), as a bank line would carry it. */
const otherProvinceBill = {
  ref1: unwrap(buildRef1({ requestType: '1', requestSubtype: '01', place: '5001', yearBe: 2569, terminalSlot: 1, counter: 7 })),
  ref2: unwrap(buildRef2({ costCentreLast3: '001', place: '5001', revenueCode: '804001' })),
  amountSatang: 25_000,
};

describe.each(kinds)('bank lines of district offices imported at the province, central on %s', (kind) => {
  beforeAll(async () => {
    central = await startTestCentral(kind, T0_MS);
    Object.defineProperty(central.clock, 'nowMs', { get: () => clock.nowMs(), set: () => undefined });
    url = await central.app.fastify.listen({ port: 0, host: '127.0.0.1' });
    dir = mkdtempSync(join(tmpdir(), 'ebill-province-payments-'));
    province = await enrolled('5400');
    setLocalOfficeKind(province.deps.sqlite, 'provincial');
    await registerOfficeKind(central.db, { place: '5400', kind: 'provincial', setBy: 'test' }, clock.nowMs());
    district = await enrolled('5401');
    district2 = await enrolled('5402');
  }, 120_000);
  afterAll(async () => {
    province?.close();
    district?.close();
    district2?.close();
    await central?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('province-to-district: the district bill in the province file is queued, not an exception; push sends it; the district pull confirms the bill from the bank', async () => {
    const b = bill(district);
    const own = bill(province, 10_000);
    const outcome = importAtProvince([lineOf(b), lineOf(own, { paymentTime: '09:00:00' }), lineOf(otherProvinceBill, { paymentTime: '09:30:00' })]);
    expect(outcome).toMatchObject({ lines: 3, matched: 1, forwarded: 1, exceptions: 1, duplicates: 0 });
    // The only exception is the other province's line; the district's is "forwarded".
    expect(province.deps.sqlite.prepare(`SELECT x.kind, p.ref1 FROM bank_exceptions x JOIN bank_payments p ON p.id = x.payment_id`).all()).toEqual([{ kind: 'other-office', ref1: otherProvinceBill.ref1 }]);
    expect(province.deps.sqlite.prepare(`SELECT outcome FROM bank_payments WHERE ref1 = ?`).get(b.ref1)).toEqual({ outcome: 'forwarded' });
    expect(province.deps.sqlite.prepare(`SELECT place, ref1, amount_satang AS a, sent_at_ms AS sent FROM province_payment_outbox`).all()).toEqual([{ place: '5401', ref1: b.ref1, a: 25_000, sent: null }]);

    expect(syncStatus(province.deps.sqlite).provincePaymentsPending).toBe(1);
    const pushed = await pushOutbox(province.deps, { retry: RETRY });
    expect(pushed.provincePayments).toEqual({ published: 1, duplicates: 0, batches: 1 });
    expect(syncStatus(province.deps.sqlite).provincePaymentsPending).toBe(0);
    expect(await feedPayments()).toEqual([{ place: '5401', key: `006/${unsentOrSentReference(b.ref1)}` }]);

    // Another district does not get it; the district of the bill applies it as a bank confirmation.
    expect((await pullFromCentral(district2.deps, RETRY)).feed).toMatchObject({ payments: 0 });
    expect((await pullFromCentral(district.deps, RETRY)).feed).toMatchObject({ payments: 1 });
    expect(district.deps.sqlite.prepare('SELECT ref1, status FROM central_payment_confirmations').all()).toEqual([{ ref1: b.ref1, status: 'applied' }]);
    expect(bestConfirmation(district.deps.sqlite, b.billId)).toMatchObject({ source: 'central', amountSatang: 25_000 });
    expect(verifyLedger(district.deps.sqlite).problems).toEqual([]);
    // Pulled again: nothing new.
    expect((await pullFromCentral(district.deps, RETRY)).feed).toMatchObject({ payments: 0 });
    expect(district.deps.sqlite.prepare('SELECT count(*) AS n FROM payment_confirmations').get()).toEqual({ n: 1 });
  });

  it('same-file-twice: the same bytes again, or an overlapping download, queue nothing twice and central publishes nothing twice', async () => {
    const b = bill(district, 30_000);
    const bytes = ktb256File([lineOf(b, { paymentTime: '10:00:00' })]);
    const deps = { db: province.database.db, ...province.deps };
    expect(importBankFile(deps, province.adminId, bytes)).toMatchObject({ forwarded: 1 });
    expect(importBankFile(deps, province.adminId, bytes)).toMatchObject({ isSameFileAgain: true, forwarded: 0 });
    const b2 = bill(district2, 40_000);
    // A later download that lists the same payment again and one new.
    expect(importAtProvince([lineOf(b, { paymentTime: '10:00:00' }), lineOf(b2, { paymentTime: '10:05:00' })])).toMatchObject({ duplicates: 1, forwarded: 1 });
    expect(pendingProvincePayments(province.deps.sqlite)).toBe(2);
    const before = (await feedPayments()).length;
    expect((await pushOutbox(province.deps, { retry: RETRY })).provincePayments).toEqual({ published: 2, duplicates: 0, batches: 1 });
    expect((await pushOutbox(province.deps, { retry: RETRY })).provincePayments).toEqual({ published: 0, duplicates: 0, batches: 0 });
    expect((await feedPayments()).slice(before).map((r) => r.place)).toEqual(['5401', '5402']);
    expect((await pullFromCentral(district2.deps, RETRY)).feed).toMatchObject({ payments: 1 });
    expect(bestConfirmation(district2.deps.sqlite, b2.billId)).toMatchObject({ source: 'central', amountSatang: 40_000 });
  });

  it('killed-between-send-and-answer: central stored the batch, the answer was lost; the resend is "already have it" and the line is then marked sent', async () => {
    const b = bill(district, 50_000);
    importAtProvince([lineOf(b, { paymentTime: '11:00:00' })]);
    const enrollment = readEnrollment(province.deps.sqlite);
    if (enrollment === undefined) throw new Error('not enrolled');
    // What the client sends before it is killed: central publishes it, the answer never arrives.
    const body = provincePaymentsBody(unsentProvincePayments(province.deps.sqlite));
    expect(await signedRequest(url, 'POST', '/v1/province-payments', body, enrollment, clock.nowMs(), provincePaymentsResponseSchema)).toEqual({ published: 1, duplicates: 0 });
    expect(pendingProvincePayments(province.deps.sqlite)).toBe(1);
    const before = (await feedPayments()).length;
    expect((await pushOutbox(province.deps, { retry: RETRY })).provincePayments).toEqual({ published: 0, duplicates: 1, batches: 1 });
    expect(pendingProvincePayments(province.deps.sqlite)).toBe(0);
    expect((await feedPayments()).length).toBe(before);
  });

  it('not-the-provincial-office: a district office sending lines is refused NOT_PROVINCIAL_OFFICE and nothing is published', async () => {
    const enrollment = readEnrollment(district.deps.sqlite);
    if (enrollment === undefined) throw new Error('not enrolled');
    const b = bill(district2, 12_300);
    const payment: FeedBody = { stream: 'payment', ref1: b.ref1, bankCode: '006', bankReference: '20261123120000-00000000-00000000000000aa', paidAtMs: T0_MS, amountSatang: 12_300, sourceFile: 'forged' };
    const before = await feedPayments();
    expect(await refusalOf(signedRequest(url, 'POST', '/v1/province-payments', { payments: [payment] }, enrollment, clock.nowMs(), provincePaymentsResponseSchema))).toBe('NOT_PROVINCIAL_OFFICE');
    expect(await feedPayments()).toEqual(before);
  });

  it('other-province: a batch with one line of another province is refused OTHER_PROVINCE whole; nothing is published; the queue keeps its lines', async () => {
    const enrollment = readEnrollment(province.deps.sqlite);
    if (enrollment === undefined) throw new Error('not enrolled');
    const b = bill(district, 15_000);
    const good: FeedBody = { stream: 'payment', ref1: b.ref1, bankCode: '006', bankReference: '20261123130000-00000000-00000000000000bb', paidAtMs: T0_MS, amountSatang: 15_000, sourceFile: 'test' };
    const foreign: FeedBody = { ...good, ref1: otherProvinceBill.ref1, bankReference: '20261123130000-00000000-00000000000000cc' };
    const before = await feedPayments();
    expect(await refusalOf(signedRequest(url, 'POST', '/v1/province-payments', { payments: [good, foreign] }, enrollment, clock.nowMs(), provincePaymentsResponseSchema))).toBe('OTHER_PROVINCE');
    // Its own bill is not sent through central either.
    const own = bill(province, 9_900);
    const ownLine: FeedBody = { ...good, ref1: own.ref1, bankReference: '20261123130000-00000000-00000000000000dd' };
    expect(await refusalOf(signedRequest(url, 'POST', '/v1/province-payments', { payments: [ownLine] }, enrollment, clock.nowMs(), provincePaymentsResponseSchema))).toBe('BAD_INPUT');
    expect(await feedPayments()).toEqual(before);
  });

  it('a district office import is unchanged: a line of another office of the province stays an other-office exception, nothing is queued', () => {
    const other = bill(district2, 20_000);
    const outcome = importBankFile({ db: district.database.db, ...district.deps }, district.adminId, ktb256File([lineOf(other, { paymentTime: '14:00:00' })]));
    expect(outcome).toMatchObject({ forwarded: 0, exceptions: 1 });
    expect(district.deps.sqlite.prepare(`SELECT kind FROM bank_exceptions`).all()).toEqual([{ kind: 'other-office' }]);
    expect(pendingProvincePayments(district.deps.sqlite)).toBe(0);
    expect(district.deps.sqlite.prepare(`SELECT count(*) AS n FROM province_payment_outbox`).get()).toEqual({ n: 0 });
  });

  it('a provincial office central does not know as such: its queued lines are refused NOT_PROVINCIAL_OFFICE and stay queued', async () => {
    await registerOfficeKind(central.db, { place: '5400', kind: 'district', setBy: 'test' }, clock.nowMs());
    try {
      const b = bill(district, 60_000);
      importAtProvince([lineOf(b, { paymentTime: '15:00:00' })]);
      const error = await pushOutbox(province.deps, { retry: RETRY }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'SYNC_REFUSED' });
      expect(String((error as Error).message)).toContain('NOT_PROVINCIAL_OFFICE');
      expect(pendingProvincePayments(province.deps.sqlite)).toBe(1);
    } finally {
      await registerOfficeKind(central.db, { place: '5400', kind: 'provincial', setBy: 'test' }, clock.nowMs());
    }
    expect((await pushOutbox(province.deps, { retry: RETRY })).provincePayments).toEqual({ published: 1, duplicates: 0, batches: 1 });
  });

  it('background round: push, pull, then the queue; a refusal of the lines fails the round after the pull, and the next round sends them', async () => {
    const sync = startBackgroundSync(province.deps, memoryLogger(), { retry: RETRY, timers: { set: () => 0, clear: () => undefined } });
    try {
      await registerOfficeKind(central.db, { place: '5400', kind: 'district', setBy: 'test' }, clock.nowMs());
      const b = bill(district, 70_000);
      importAtProvince([lineOf(b, { paymentTime: '16:00:00' })]);
      // Something for the province itself to pull, to see that the pull still happens.
      const own = bill(province, 8_800);
      await publishFeed(central.db, '5400', [{ stream: 'payment', ref1: own.ref1, bankCode: '006', bankReference: 'KTB-OWN-1', paidAtMs: T0_MS, amountSatang: 8_800, sourceFile: 'admin' }], clock.nowMs(), 'test');
      expect(await sync.runNow()).toBe('failed');
      expect(sync.state().lastErrorCode).toBe('SYNC_REFUSED');
      expect(province.deps.sqlite.prepare(`SELECT status FROM central_payment_confirmations WHERE bank_reference = 'KTB-OWN-1'`).get()).toEqual({ status: 'applied' });
      expect(pendingProvincePayments(province.deps.sqlite)).toBe(1);
      await registerOfficeKind(central.db, { place: '5400', kind: 'provincial', setBy: 'test' }, clock.nowMs());
      expect(await sync.runNow()).toBe('ok');
      expect(pendingProvincePayments(province.deps.sqlite)).toBe(0);
      await pullFromCentral(district.deps, RETRY);
      expect(bestConfirmation(district.deps.sqlite, b.billId)).toMatchObject({ source: 'central', amountSatang: 70_000 });
    } finally {
      await sync.stop();
    }
  });
});

/** The bank reference the province stored for a Ref1's line (the feed key's second half). */
function unsentOrSentReference(ref1: string): string {
  return (province.deps.sqlite.prepare('SELECT bank_reference AS r FROM province_payment_outbox WHERE ref1 = ?').get(ref1) as { r: string }).r;
}
